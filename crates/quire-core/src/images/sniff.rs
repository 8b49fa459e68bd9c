//! What an image file is, by its bytes (never by its name), and how large it says it is.

use core::fmt;

/// The largest image Quire keeps: a photo straight from a camera is well below it.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The image formats a post can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF.
    Gif,
    /// WebP.
    Webp,
    /// AVIF.
    Avif,
    /// SVG (shown only as an image, where no script in it runs).
    Svg,
}

impl Kind {
    /// The file extension a site uses for it.
    pub fn ext(self) -> &'static str {
        match self {
            Kind::Png => "png",
            Kind::Jpeg => "jpg",
            Kind::Gif => "gif",
            Kind::Webp => "webp",
            Kind::Avif => "avif",
            Kind::Svg => "svg",
        }
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Gif => "image/gif",
            Kind::Webp => "image/webp",
            Kind::Avif => "image/avif",
            Kind::Svg => "image/svg+xml",
        }
    }

    /// The kind a file extension names (any case; `jpeg` too), if an image one.
    pub fn from_ext(ext: &str) -> Option<Kind> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "png" => Kind::Png,
            "jpg" | "jpeg" => Kind::Jpeg,
            "gif" => Kind::Gif,
            "webp" => Kind::Webp,
            "avif" => Kind::Avif,
            "svg" => Kind::Svg,
            _ => return None,
        })
    }

    /// The kind of the file at site path `path`, by its extension.
    pub fn of_path(path: &str) -> Option<Kind> {
        let name = path.rsplit('/').next()?;
        Kind::from_ext(name.rsplit_once('.')?.1)
    }
}

/// What the bytes of an image say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    /// Its format.
    pub kind: Kind,
    /// Width in pixels (0 when the file does not say: an SVG without a size).
    pub width: u32,
    /// Height in pixels (0 when the file does not say).
    pub height: u32,
}

/// Why a file is not taken as an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Larger than [`MAX_BYTES`].
    TooLarge(usize),
    /// Not one of the image formats, whatever its name says.
    NotImage,
    /// Starts as an image of this kind, but is damaged or cut short.
    Broken(Kind),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::TooLarge(bytes) => write!(
                f,
                "it is {:.1} MB, and Quire keeps images up to {} MB",
                *bytes as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
            Refusal::NotImage => f.write_str(
                "it is not an image (Quire takes PNG, JPEG, GIF, WebP, AVIF and SVG files)",
            ),
            Refusal::Broken(kind) => write!(
                f,
                "it is a damaged {} file",
                kind.ext().to_ascii_uppercase()
            ),
        }
    }
}

/// The kind of image `bytes` hold, from their first bytes only (to route a dropped
/// file before reading it all).
pub fn kind_of(head: &[u8]) -> Option<Kind> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if head.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(Kind::Jpeg)
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some(Kind::Gif)
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some(Kind::Webp)
    } else if is_avif(head) {
        Some(Kind::Avif)
    } else if svg_root(head).is_some() {
        Some(Kind::Svg)
    } else {
        None
    }
}

/// Take `bytes` as an image: its kind and size, or why not.
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, Refusal> {
    if bytes.len() > MAX_BYTES {
        return Err(Refusal::TooLarge(bytes.len()));
    }
    let kind = kind_of(bytes).ok_or(Refusal::NotImage)?;
    let size = match kind {
        Kind::Png => png(bytes),
        Kind::Jpeg => jpeg(bytes),
        Kind::Gif => gif(bytes),
        Kind::Webp => webp(bytes),
        Kind::Avif => avif(bytes),
        Kind::Svg => Some(svg(bytes)),
    };
    match size {
        Some((width, height)) if kind == Kind::Svg || (width > 0 && height > 0) => Ok(Sniffed {
            kind,
            width,
            height,
        }),
        _ => Err(Refusal::Broken(kind)),
    }
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?) as u32)
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as u32)
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(s[0] as u32 | (s[1] as u32) << 8 | (s[2] as u32) << 16)
}

/// A PNG's size from its header chunk, whose checksum must hold; the file must reach its
/// end chunk (a cut-short download does not).
fn png(b: &[u8]) -> Option<(u32, u32)> {
    if be32(b, 8)? != 13 || b.get(12..16)? != b"IHDR" {
        return None;
    }
    let crc = be32(b, 29)?;
    if crc32fast::hash(b.get(12..29)?) != crc {
        return None;
    }
    b.windows(4)
        .rev()
        .take(4096)
        .any(|w| w == b"IEND")
        .then_some(())?;
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// A JPEG's size from its first start-of-frame segment.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *b.get(at)? == 0xff && *b.get(at + 1)? == 0xff {
            at += 1;
        }
        if *b.get(at)? != 0xff {
            return None;
        }
        let marker = *b.get(at + 1)?;
        let len = be16(b, at + 2)? as usize;
        let is_frame = matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
        if is_frame {
            return Some((be16(b, at + 7)?, be16(b, at + 5)?));
        }
        if marker == 0xd9 || marker == 0xda || len < 2 {
            return None;
        }
        at += 2 + len;
    }
}

/// A GIF's logical screen size.
fn gif(b: &[u8]) -> Option<(u32, u32)> {
    Some((le16(b, 6)?, le16(b, 8)?))
}

/// A WebP's size from its first chunk (lossy, lossless or extended).
fn webp(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        b"VP8 " => {
            if b.get(23..26)? != [0x9d, 0x01, 0x2a] {
                return None;
            }
            Some((le16(b, 26)? & 0x3fff, le16(b, 28)? & 0x3fff))
        }
        b"VP8L" => {
            if *b.get(20)? != 0x2f {
                return None;
            }
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
        }
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        _ => None,
    }
}

/// Whether the file starts with an ISO-BMFF `ftyp` box naming AVIF.
fn is_avif(b: &[u8]) -> bool {
    let Some(size) = be32(b, 0) else {
        return false;
    };
    if b.get(4..8) != Some(b"ftyp") || size < 16 {
        return false;
    }
    let end = (size as usize).min(b.len());
    b[8..end]
        .chunks_exact(4)
        .enumerate()
        // The major brand, then (after the minor version) the compatible brands.
        .filter(|(i, _)| *i != 1)
        .any(|(_, brand)| brand == b"avif" || brand == b"avis")
}

/// An AVIF's size from its first image spatial extents (`ispe`) property.
fn avif(b: &[u8]) -> Option<(u32, u32)> {
    let at = b.windows(4).take(64 * 1024).position(|w| w == b"ispe")?;
    Some((be32(b, at + 8)?, be32(b, at + 12)?))
}

/// The attributes of the root `<svg` element of a text file, if it is one: UTF-8 with an
/// optional byte-order mark, XML declaration, comments and doctype before the root.
fn svg_root(b: &[u8]) -> Option<&str> {
    let head = &b[..b.len().min(64 * 1024)];
    let text = match core::str::from_utf8(head) {
        Ok(text) => text,
        // The cut at 64 KB may split a character.
        Err(e) if e.error_len().is_none() => core::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!") {
            // A doctype, with or without an internal subset.
            let end = match after.find('[') {
                Some(open) if open < after.find('>').unwrap_or(usize::MAX) => after.find("]>")? + 2,
                _ => after.find('>')? + 1,
            };
            rest = after[end..].trim_start();
        } else {
            break;
        }
    }
    let after = rest.strip_prefix("<svg")?;
    if !after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
        return None;
    }
    Some(&after[..after.find('>')?])
}

/// An SVG's size from its root's `width` and `height`, or its `viewBox` (0 when neither).
fn svg(b: &[u8]) -> (u32, u32) {
    let Some(attrs) = svg_root(b) else {
        return (0, 0);
    };
    let number = |value: &str| -> Option<u32> {
        let digits: String = value
            .trim()
            .trim_end_matches("px")
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let n: f64 = digits.parse().ok()?;
        (value.trim().trim_end_matches("px").len() == digits.len() && n >= 1.0)
            .then_some(n.round() as u32)
    };
    let width = attr(attrs, "width").and_then(number);
    let height = attr(attrs, "height").and_then(number);
    if let (Some(w), Some(h)) = (width, height) {
        return (w, h);
    }
    let view_box: Vec<f64> = attr(attrs, "viewBox")
        .unwrap_or_default()
        .split([' ', ',', '\t', '\n'])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match view_box[..] {
        [_, _, w, h] if w >= 1.0 && h >= 1.0 => (w.round() as u32, h.round() as u32),
        _ => (0, 0),
    }
}

/// The value of attribute `name` in an element's attribute text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = attrs[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = attrs[..at].ends_with(|c: char| c.is_whitespace());
        let rest = attrs[from..].trim_start();
        if let (true, Some(rest)) = (before_ok, rest.strip_prefix('=')) {
            let rest = rest.trim_start();
            let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
            let value = &rest[1..];
            return Some(&value[..value.find(quote)?]);
        }
    }
    None
}
