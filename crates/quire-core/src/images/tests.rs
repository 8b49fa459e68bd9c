use super::*;

/// A real 3×2 PNG (made by a PNG encoder, not by hand).
pub(crate) fn png_3x2() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let chunk = |png: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc32fast::hash(&body).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&3u32.to_be_bytes());
    ihdr.extend_from_slice(&2u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &[0x78, 0x01]);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn today() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 12,
        day: 1,
        hour: 9,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    }
}

#[test]
fn formats_are_told_by_their_bytes() {
    let png = png_3x2();
    assert_eq!(
        sniff(&png),
        Ok(Sniffed {
            kind: Kind::Png,
            width: 3,
            height: 2
        })
    );
    // A JPEG: SOI, an APP0 segment, then SOF0 with height 480 and width 640.
    let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0];
    jpeg.extend_from_slice(&[0xff, 0xc0, 0, 11, 8, 0x01, 0xe0, 0x02, 0x80, 3, 0, 0]);
    jpeg.extend_from_slice(&[0xff, 0xd9]);
    assert_eq!(
        sniff(&jpeg).map(|s| (s.kind, s.width, s.height)),
        Ok((Kind::Jpeg, 640, 480))
    );
    let gif = b"GIF89a\x0a\x00\x05\x00\x00\x00\x00;";
    assert_eq!(sniff(gif).map(|s| (s.width, s.height)), Ok((10, 5)));
    // WebP lossless: 0x2f, then 14 bits of width-1 and 14 of height-1.
    let bits: u32 = 99 | (49 << 14);
    let mut webp = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f".to_vec();
    webp.extend_from_slice(&bits.to_le_bytes());
    assert_eq!(
        sniff(&webp).map(|s| (s.kind, s.width, s.height)),
        Ok((Kind::Webp, 100, 50))
    );
    let mut avif = vec![0, 0, 0, 24];
    avif.extend_from_slice(b"ftypavif\0\0\0\0mif1avif");
    avif.extend_from_slice(&[0, 0, 0, 20]);
    avif.extend_from_slice(b"ispe\0\0\0\0");
    avif.extend_from_slice(&64u32.to_be_bytes());
    avif.extend_from_slice(&32u32.to_be_bytes());
    assert_eq!(
        sniff(&avif).map(|s| (s.kind, s.width, s.height)),
        Ok((Kind::Avif, 64, 32))
    );
    let svg = "\u{feff}<?xml version=\"1.0\"?>\n<!-- a chart -->\n<!DOCTYPE svg>\n\
               <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 80\"><rect/></svg>";
    assert_eq!(
        sniff(svg.as_bytes()).map(|s| (s.kind, s.width, s.height)),
        Ok((Kind::Svg, 120, 80))
    );
    let sized = r#"<svg width="30px" height='20' viewBox="0 0 3 2"></svg>"#;
    assert_eq!(
        sniff(sized.as_bytes()).map(|s| (s.width, s.height)),
        Ok((30, 20))
    );
    assert_eq!(sniff(b"<svg></svg>").map(|s| s.width), Ok(0));
}

#[test]
fn what_is_not_an_image_is_refused_whatever_its_name() {
    assert_eq!(sniff(b""), Err(Refusal::NotImage));
    assert_eq!(sniff(b"%PDF-1.7\n"), Err(Refusal::NotImage));
    assert_eq!(sniff(b"---\ntitle: a post\n---\n"), Err(Refusal::NotImage));
    assert_eq!(sniff(b"<svgfoo/>"), Err(Refusal::NotImage));
    assert_eq!(sniff(b"<html><svg></svg></html>"), Err(Refusal::NotImage));
    // A PNG cut short, one with a damaged header, one with no size.
    let png = png_3x2();
    assert_eq!(sniff(&png[..40]), Err(Refusal::Broken(Kind::Png)));
    let mut damaged = png.clone();
    damaged[17] ^= 1;
    assert_eq!(sniff(&damaged), Err(Refusal::Broken(Kind::Png)));
    assert_eq!(
        sniff(b"\x89PNG\r\n\x1a\ngarbage"),
        Err(Refusal::Broken(Kind::Png))
    );
    assert_eq!(
        sniff(&[0xff, 0xd8, 0xff, 0xd9]),
        Err(Refusal::Broken(Kind::Jpeg))
    );
    let big = vec![0u8; MAX_BYTES + 1];
    assert_eq!(sniff(&big), Err(Refusal::TooLarge(MAX_BYTES + 1)));
    assert!(Refusal::TooLarge(MAX_BYTES + 1)
        .to_string()
        .contains("20 MB"));
}

#[test]
fn hashes_are_sha256() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert!(is_sha256(&sha256_hex(b"")));
    assert!(!is_sha256("index.json"));
}

#[test]
fn patterns_place_images_and_write_links() {
    let post = PostPlace {
        slug: "my-post".into(),
        year: 2026,
        month: 3,
    };
    let plain = PathPattern::parse(DEFAULT_PATTERN).unwrap();
    let path = plain.site_path(&post, "chart", "png");
    assert_eq!(path, "/assets/images/2026/my-post/chart.png");
    assert_eq!(plain.link(&path), path);
    assert_eq!(plain.folder(&post), "/assets/images/2026/my-post/");
    let base = PathPattern::parse(PATTERN_CHOICES[1]).unwrap();
    assert_eq!(
        base.link(&base.site_path(&post, "a", "jpg")),
        "{{ site.baseurl }}/assets/images/2026/my-post/a.jpg"
    );
    let relative = PathPattern::parse(PATTERN_CHOICES[2]).unwrap();
    let link = relative.link(&relative.site_path(&post, "a", "jpg"));
    assert_eq!(
        link,
        "{{ '/assets/images/2026/my-post/a.jpg' | relative_url }}"
    );
    // Every form reads back to the site path.
    for link in [path.clone(), base.link(&path), relative.link(&path)] {
        assert_eq!(site_path_of(&link).as_deref(), Some(path.as_str()));
    }
    assert_eq!(site_path_of("https://example.com/a.png"), None);
    assert_eq!(site_path_of("//cdn/a.png"), None);
    assert_eq!(site_path_of("/a.png?v=2#x").as_deref(), Some("/a.png"));
    // An address in the preview, Jekyll's doubled slashes read as one.
    for (src, site, path) in [
        (
            "https://x.org//img/a.png",
            "https://x.org/",
            Some("/img/a.png"),
        ),
        (
            "https://x.org/img/a.png",
            "https://x.org",
            Some("/img/a.png"),
        ),
        ("/blog//img/a.png", "", Some("/blog/img/a.png")),
        ("/img/a.png?v=1", "https://x.org", Some("/img/a.png")),
        ("https://other.org/img/a.png", "https://x.org", None),
        ("//cdn/a.png", "https://x.org", None),
        ("https://x.orgy/a.png", "https://x.org", None),
    ] {
        assert_eq!(site_path_of_src(src, site).as_deref(), path, "{src} {site}");
    }
    let monthly = PathPattern::parse("/img/{year}/{month}/{name}.{ext}").unwrap();
    assert_eq!(monthly.site_path(&post, "x", "gif"), "/img/2026/03/x.gif");
    for bad in [
        "assets/{name}.{ext}",
        "/assets/{name}",
        "/a/{nme}.{ext}",
        "/a b/{name}.{ext}",
        "",
    ] {
        assert!(PathPattern::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_post_places_its_images_by_slug_and_date() {
    let fields =
        crate::front_matter::read("---\ntitle: Hello, World!\ndate: 2024-02-09\n---\n").unwrap();
    assert_eq!(
        PostPlace::of(&fields, &today()),
        PostPlace {
            slug: "hello-world".into(),
            year: 2024,
            month: 2
        }
    );
    let undated = PostPlace::of(&[], &today());
    assert_eq!((undated.year, undated.month), (2026, 12));
}

#[test]
fn names_come_from_the_file_or_the_post() {
    let none = |_: &str| false;
    assert_eq!(
        name_for("Sunset over Oslo.JPG", "trip", none),
        "sunset-over-oslo"
    );
    assert_eq!(name_for("image.png", "trip", none), "trip-1");
    assert_eq!(
        name_for("Screenshot 2026-12-01 at 10.00.00.png", "trip", none),
        "trip-1"
    );
    assert_eq!(name_for("Pasted image 3.png", "trip", none), "trip-1");
    assert_eq!(name_for("untitled (2).webp", "trip", none), "trip-1");
    assert_eq!(name_for("IMG_2041.jpg", "trip", none), "trip-1");
    assert_eq!(name_for("Team_photo 2.png", "trip", none), "team-photo-2");
    let taken = |n: &str| n == "trip-1" || n == "chart";
    assert_eq!(name_for("image.png", "trip", taken), "trip-2");
    assert_eq!(name_for("chart.svg", "trip", taken), "chart-2");
    assert_eq!(name_for("!!!.png", "trip", none), "trip-1");
}

#[test]
fn inserting_is_one_edit_with_the_caret_at_the_alt_text() {
    let src = "Before  after";
    let change = insert(src, 7..7, &[(String::new(), "/a.png".into())]).unwrap();
    assert_eq!(change.apply(src), "Before ![](/a.png) after");
    assert_eq!(change.selection, Some(18..18));
    let two = insert(
        src,
        0..6,
        &[
            ("A [b]".into(), "/a.png".into()),
            ("c\nd".into(), "/c.png".into()),
        ],
    )
    .unwrap();
    let out = two.apply(src);
    assert_eq!(out, "![A \\[b\\]](/a.png)\n![c d](/c.png)  after");
    assert_eq!(two.selection, Some(33..33));
    assert_eq!(insert(src, 0..99, &[(String::new(), "/a".into())]), None);
}

#[test]
fn references_are_found_in_every_form() {
    let image = |h: &str| StoredImage {
        sha256: h.repeat(64),
        bytes: 10,
        width: 1,
        height: 1,
    };
    let known: ImageMap = [
        ("/assets/a.png".to_string(), image("a")),
        ("/assets/b.png".to_string(), image("b")),
        ("/assets/c.png".to_string(), image("c")),
        ("/assets/d.png".to_string(), image("d")),
    ]
    .into();
    let src = "---\nimage: /assets/d.png\n---\n![x]({{ site.baseurl }}/assets/a.png)\n\
               <img src=\"{{ '/assets/b.png' | relative_url }}\">\n/assets/c.png.old\n";
    let found = referenced(src, &known);
    assert_eq!(
        found.keys().map(String::as_str).collect::<Vec<_>>(),
        ["/assets/a.png", "/assets/b.png", "/assets/d.png"]
    );
    assert_eq!(hashes([&found]).len(), 3);
}

#[test]
fn uses_list_markdown_and_html_images_with_alt_text() {
    let src = "---\ntitle: t\n---\n![A *chart*](/a.png)\n\n![]({{ site.baseurl }}/b.png)\n\n\
               <p><img alt=\"Tom &amp; Jerry\" src='/c.png'></p>\n\n![remote](https://x.org/d.png)\n\n\
               ![ref][r]\n\n[r]: {{ '/e.png' | relative_url }}\n";
    let uses = uses(src);
    let got: Vec<(&str, Option<&str>)> = uses
        .iter()
        .map(|u| (u.alt.as_str(), u.site_path.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("A chart", Some("/a.png")),
            ("", Some("/b.png")),
            ("Tom & Jerry", Some("/c.png")),
            ("remote", None),
            ("ref", Some("/e.png")),
        ]
    );
}

#[test]
fn liquid_links_expand_only_where_a_link_starts() {
    assert_eq!(
        expand_links_with(
            "![a]({{ site.baseurl }}/x.png) {{ site.baseurl }}",
            "/blog/"
        ),
        "![a](/blog/x.png) {{ site.baseurl }}"
    );
    assert_eq!(
        expand_links("<img src=\"{{ 'x.png' | relative_url }}\"> {{ page.title }} {{"),
        "<img src=\"/x.png\"> {{ page.title }} {{"
    );
}

#[test]
fn a_path_is_replaced_everywhere_in_one_edit() {
    let src = "![a](/p/a.png) and /p/a.png.bak and ![b]({{ site.baseurl }}/p/a.png).";
    let change = replace_path(src, "/p/a.png", "/p/a-800w.png").unwrap();
    assert_eq!(
        change.apply(src),
        "![a](/p/a-800w.png) and /p/a.png.bak and ![b]({{ site.baseurl }}/p/a-800w.png)."
    );
    assert_eq!(replace_path(src, "/p/zzz.png", "/x"), None);
    assert_eq!(shrunk_path("/p/a.png", 800, "png"), "/p/a-800w.png");
}

#[test]
fn a_bundle_is_laid_out_like_the_site() {
    let src = "---\ntitle: Trip\ndate: 2026-05-04\n---\r\n![](/assets/t/a.png)\n";
    let editor = crate::line_endings::for_editor(src);
    let png = png_3x2();
    let images = vec![("/assets/t/a.png".to_string(), png.clone())];
    let zip = bundle(
        &editor.text,
        &editor.endings,
        &today(),
        NameStyle::Jekyll,
        &images,
    );
    let files = crate::backup::read_zip(&zip).unwrap();
    assert_eq!(files[0].0, "_posts/2026-05-04-trip.md");
    assert_eq!(files[0].1, src.as_bytes());
    assert_eq!(files[1], ("assets/t/a.png".to_string(), png.clone()));
    let zip = bundle(
        &editor.text,
        &editor.endings,
        &today(),
        NameStyle::Hugo,
        &images,
    );
    let names: Vec<String> = crate::backup::read_zip(&zip)
        .unwrap()
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(names, ["content/posts/trip.md", "static/assets/t/a.png"]);
    assert_eq!(
        bundle_name(src, &today(), NameStyle::Jekyll),
        "2026-05-04-trip.zip"
    );
}

/// Liquid after a character of more than one byte that ends a destination (a no-break or
/// ideographic space: Ben Balter's posts) is looked at without cutting it, and Liquid far
/// into a destination still is one.
#[test]
fn liquid_after_wide_white_space_is_read_whole() {
    for src in [
        "Text\u{a0}{{ post.url }} and\u{3000}{% if x %}y{% endif %}",
        "![a](/x.png?{{ site.time | date: '%s' }})",
    ] {
        let protected = protect_links(src);
        assert_eq!(unprotect(&protected), src);
    }
    assert!(inside_destination("![a](/x.png?v=", 14));
    assert!(!inside_destination("![a](/x y", 9));
    assert!(!inside_destination("a\u{a0}b", 4));
}

#[test]
fn liquid_links_parse_as_links_once_protected() {
    let src = "![a]({{ site.baseurl }}/x.png) and [b]({{ '/y' | relative_url }}) ({{ page.x }})";
    let protected = protect_links(src);
    assert_eq!(protected.len(), src.len());
    let html = crate::render::render_markdown(&protected);
    assert!(
        html.contains("<img src=\"%7B%7B%7Fsite.baseurl%7F%7D%7D/x.png\""),
        "{html}"
    );
    assert_eq!(unprotect(&protected), src);
    assert_eq!(
        expand_link("{{ site.baseurl }}/x.png", "/blog").as_deref(),
        Some("/blog/x.png")
    );
    assert_eq!(
        expand_link("{{ 'y' | relative_url }}", "").as_deref(),
        Some("/y")
    );
    assert_eq!(expand_link("/z", ""), None);
    // Liquid right on from a link's Liquid is in the link too; after a space it is not.
    let src = "![a]({{ site.url }}{{ site.baseurl }}/x.png) and {{ page.x }}";
    let html = crate::render::render_markdown(&protect_links(src));
    assert!(
        html.contains(
            "<img src=\"%7B%7B%7Fsite.url%7F%7D%7D%7B%7B%7Fsite.baseurl%7F%7D%7D/x.png\""
        ),
        "{html}"
    );
    assert!(html.contains(" and {{ page.x }}"), "{html}");
    // Liquid inside a destination, after its start (bitcoin.org's images: a cache
    // buster), is in the link; after a space it is not.
    let src = "![a](/x.png?{{site.time | date: '%s'}}) [b](/y {{ t }})";
    let html = crate::render::render_markdown(&protect_links(src));
    assert!(
        html.contains("<img src=\"/x.png?%7B%7Bsite.time%7F%7C%7Fdate:%7F&#x27;%s&#x27;%7D%7D\""),
        "{html}"
    );
    assert!(html.contains("[b](/y {{ t }})"), "{html}");
    // Liquid broken over lines is one link; over a blank line it is left alone.
    let src = "[a]({{ site.repository\n}}/issues/1) [b]({{ x\n\n}}/y)";
    let protected = protect_links(src);
    assert_eq!(protected.len(), src.len());
    let html = crate::render::render_markdown(&protected);
    assert!(
        html.contains("<a href=\"%7B%7B%7Fsite.repository%7F%7D%7D/issues/1\">a</a>"),
        "{html}"
    );
    assert!(html.contains("[b]"), "{html}");
    assert_eq!(
        unprotect(&protected),
        "[a]({{ site.repository }}/issues/1) [b]({{ x\n\n}}/y)"
    );
}
