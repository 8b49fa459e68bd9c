//! The post's excerpt: which convention marks it, its Markdown and byte range, and the
//! edits that change it.
//!
//! The conventions, in the order a site applies them:
//! 1. an `excerpt:` front-matter key;
//! 2. the `<!-- excerpt start -->` / `<!-- excerpt end -->` pair;
//! 3. the post's or the site's `excerpt_separator` (Jekyll), often `<!--more-->`; a post
//!    without the separator it is given is its whole excerpt, as Jekyll shows it;
//! 4. `<!--more-->` or `<!-- more -->` (Hugo, Zola, and a post of no known site: not in a
//!    Jekyll site, see [`Rules`]);
//! 5. otherwise the first paragraph, up to the first empty line (Jekyll's default).
//!
//! Markers are found with the Markdown parser, so a marker inside fenced, indented or
//! inline code is text, not a marker; such look-alikes are reported as warnings. The
//! excerpt as an index page renders it ([`Excerpt::card_markdown`]) has the link
//! reference definitions of the rest of the post that its text names, as Jekyll adds them.

use core::ops::Range;

use pulldown_cmark::{Event, Parser};

use crate::front_matter;
use crate::post;

mod edits;
mod rules;
pub use edits::{remove_markers, replace, replace_in, switch, switch_in, wrap};
pub use rules::{Rules, DEFAULT_SEPARATOR};

/// The opening marker of the start/end convention.
pub const START: &str = "<!-- excerpt start -->";
/// The closing marker of the start/end convention.
pub const END: &str = "<!-- excerpt end -->";
/// The more marker Hugo and Zola use (and Jekyll sites often configure).
pub const MORE: &str = "<!--more-->";

/// Which convention marks the excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Convention {
    /// The `excerpt:` front-matter key.
    FrontMatterKey,
    /// `<!-- excerpt start -->` ... `<!-- excerpt end -->`.
    StartEnd,
    /// Everything before the post's or the site's `excerpt_separator`.
    Separator(String),
    /// The whole post: it lacks the `excerpt_separator` it is given (Jekyll then shows
    /// the whole post as its excerpt).
    WholePost(String),
    /// `<!--more-->` or `<!-- more -->`.
    More,
    /// The first paragraph.
    FirstParagraph,
}

/// Something odd about the markers, for the writer to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// An end marker with no start marker before it.
    EndWithoutStart,
    /// A start marker with no end marker after it.
    StartWithoutEnd,
    /// More than one start marker; the first pair counts.
    SeveralStarts,
    /// A marker written inside code, which is not a marker.
    MarkerInCode(String),
}

/// The excerpt a site would show for the post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// How the excerpt is marked.
    pub convention: Convention,
    /// Its Markdown.
    pub markdown: String,
    /// Where that Markdown lies in the source (for the key: the value as written).
    pub range: Range<usize>,
    /// Problems with the markers.
    pub warnings: Vec<Warning>,
    /// The link reference definitions of the rest of the post that the excerpt's text
    /// names, one per line, as Jekyll adds them to an excerpt (empty for none).
    pub definitions: String,
}

impl Excerpt {
    /// The Markdown an index page renders: the excerpt's own, the end tags of the Liquid
    /// blocks it leaves open, then the definitions it names (as Jekyll writes them after a
    /// blank line).
    pub fn card_markdown(&self) -> String {
        // A cut excerpt has the end tags of the Liquid blocks it leaves open, as Jekyll
        // adds them.
        let head = match self.convention {
            Convention::FrontMatterKey | Convention::WholePost(_) => self.markdown.as_str().into(),
            _ => rules::sanctified(&self.markdown),
        };
        if self.definitions.is_empty() {
            return head.into_owned();
        }
        format!("{head}\n\n{}", self.definitions)
    }
}

/// The HTML (blocks and inline) of the body, outside code: (absolute offset, text).
fn html_of(src: &str, body: Range<usize>) -> Vec<(usize, &str)> {
    let text = &src[body.clone()];
    Parser::new(text)
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
        .filter_map(|(_, range)| Some((body.start + range.start, text.get(range)?)))
        .collect()
}

/// Where `marker` stands in the body's HTML, outside code.
fn markers_in(html: &[(usize, &str)], marker: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = html
        .iter()
        .flat_map(|(base, text)| {
            text.match_indices(marker)
                .map(move |(i, _)| base + i..base + i + marker.len())
        })
        .collect();
    found.sort_by_key(|r| r.start);
    found.dedup();
    found
}

/// Where `marker` stands in the body, outside code.
fn markers(src: &str, body: Range<usize>, marker: &str) -> Vec<Range<usize>> {
    markers_in(&html_of(src, body), marker)
}

fn look_alikes(
    src: &str,
    body: Range<usize>,
    marker: &str,
    real: &[Range<usize>],
) -> Option<Warning> {
    let text = &src[body.clone()];
    let raw = text.matches(marker).count();
    (raw > real.len()).then(|| Warning::MarkerInCode(marker.to_string()))
}

/// The excerpt of `src`, a post of no known site.
pub fn detect(src: &str) -> Excerpt {
    detect_in(src, &Rules::default())
}

/// The excerpt of `src` on a site whose `excerpt_separator` is `site_separator`, where
/// `<!--more-->` marks an excerpt too (the post's own separator wins; Jekyll's default
/// `\n\n` means the first paragraph).
pub fn detect_with(src: &str, site_separator: &str) -> Excerpt {
    detect_in(
        src,
        &Rules {
            separator: site_separator.to_string(),
            more: true,
        },
    )
}

/// The excerpt of `src` under the site's `rules`.
pub fn detect_in(src: &str, rules: &Rules) -> Excerpt {
    let mut found = marked(src, rules);
    let body = post::split(src).body;
    let range = found.range.clone();
    found.definitions = match found.convention {
        Convention::FrontMatterKey | Convention::WholePost(_) => String::new(),
        // The start/end markers are Quire's own: the definitions anywhere else count.
        Convention::StartEnd => {
            let before = rules::definitions(&found.markdown, &src[body.start..range.start]);
            let after = rules::definitions(&found.markdown, &src[range.end..body.end]);
            [before, after]
                .into_iter()
                .filter(|d| !d.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        }
        _ => rules::definitions(&found.markdown, &src[range.end.max(body.start)..body.end]),
    };
    found
}

/// The excerpt of `src` and how it is marked (without its definitions).
fn marked(src: &str, rules: &Rules) -> Excerpt {
    let parts = post::split(src);
    let body = parts.body.clone();
    let mut warnings = Vec::new();

    if let Some((value, range)) = front_matter::value_span(src, "excerpt") {
        if let Some(markdown) = value.as_str() {
            return Excerpt {
                convention: Convention::FrontMatterKey,
                markdown: markdown.to_string(),
                range,
                warnings,
                definitions: String::new(),
            };
        }
    }

    let html = html_of(src, body.clone());
    let starts = markers_in(&html, START);
    let ends = markers_in(&html, END);
    warnings.extend(look_alikes(src, body.clone(), START, &starts));
    warnings.extend(look_alikes(src, body.clone(), END, &ends));
    if starts.len() > 1 {
        warnings.push(Warning::SeveralStarts);
    }
    if let Some(start) = starts.first() {
        if let Some(end) = ends.iter().find(|e| e.start >= start.end) {
            let range = inner(src, start.end..end.start);
            return Excerpt {
                convention: Convention::StartEnd,
                markdown: src[range.clone()].to_string(),
                range,
                warnings,
                definitions: String::new(),
            };
        }
        warnings.push(Warning::StartWithoutEnd);
    } else if !ends.is_empty() {
        warnings.push(Warning::EndWithoutStart);
    }

    if let Some(sep) = separator(src, rules) {
        if let Some(at) = src[body.clone()].find(&sep) {
            let convention = Convention::Separator(sep);
            return before(src, body.start, body.start + at, convention, warnings);
        }
        // Jekyll's excerpt is then the whole post (its default separator missing means a
        // post of one paragraph: the first paragraph's rule gives the same).
        if sep != DEFAULT_SEPARATOR {
            let convention = Convention::WholePost(sep);
            return before(src, body.start, body.end, convention, warnings);
        }
    }

    if rules.more {
        let more = [MORE, "<!-- more -->"]
            .iter()
            .filter_map(|m| markers_in(&html, m).first().cloned())
            .min_by_key(|r| r.start);
        if let Some(at) = more {
            return before(src, body.start, at.start, Convention::More, warnings);
        }
    }

    let range = first_paragraph(src, body);
    Excerpt {
        convention: Convention::FirstParagraph,
        markdown: src[range.clone()].to_string(),
        range,
        warnings,
        definitions: String::new(),
    }
}

/// The separator the post's excerpt ends at: its own `excerpt_separator`, else the
/// site's, when either is set (a blank line is the first paragraph's rule, not this).
fn separator(src: &str, rules: &Rules) -> Option<String> {
    front_matter::get(src, "excerpt_separator")
        .ok()
        .flatten()
        .and_then(|v| v.as_str().map(str::to_string))
        .filter(|s| !s.is_empty())
        .or_else(|| rules.set_separator().map(str::to_string))
}

/// `range` less one line break just after its start and one just before its end, so that
/// markers on their own lines enclose exactly the lines between them.
fn inner(src: &str, range: Range<usize>) -> Range<usize> {
    let text = &src[range.clone()];
    let lead = if text.starts_with("\r\n") {
        2
    } else {
        usize::from(text.starts_with('\n'))
    };
    let rest = &text[lead..];
    let trail = if rest.ends_with("\r\n") {
        2
    } else {
        usize::from(rest.ends_with('\n'))
    };
    range.start + lead..range.end - trail
}

fn before(
    src: &str,
    body_start: usize,
    at: usize,
    convention: Convention,
    warnings: Vec<Warning>,
) -> Excerpt {
    let text = &src[body_start..at];
    let start = body_start + (text.len() - text.trim_start().len());
    let end = body_start + text.trim_end().len();
    let range = start..end.max(start);
    Excerpt {
        convention,
        markdown: src[range.clone()].to_string(),
        range,
        warnings,
        definitions: String::new(),
    }
}

/// Jekyll's default: the body up to its first empty line (Jekyll cuts at the first
/// `\n\n`: a line of spaces does not end it), leading blank lines skipped.
fn first_paragraph(src: &str, body: Range<usize>) -> Range<usize> {
    let text = &src[body.clone()];
    let start = text.len() - text.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    // Back up to the start of the first non-blank line (keep its indentation).
    let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[start..];
    let mut end = rest.len();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line, "\n" | "\r\n") {
            end = offset;
            break;
        }
        offset += line.len();
    }
    let para = rest[..end].trim_end();
    body.start + start..body.start + start + para.len()
}

#[cfg(test)]
mod tests;
