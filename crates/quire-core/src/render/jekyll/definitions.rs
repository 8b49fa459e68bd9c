//! Definition lists as kramdown writes them (`Term` / `: definition`): each line of terms
//! is a `<dt>` of its own, and a definition's text is a paragraph only when a blank line
//! comes before its `:` (pulldown-cmark wraps every definition of a list in paragraphs once
//! any blank line is in it).

use pulldown_cmark::{Event, Tag, TagEnd};

/// Where the first paragraph of the definition being read stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unwrap {
    /// Not met yet: it is written without `<p>`.
    Pending,
    /// Being written without `<p>`.
    Open,
    /// Written; later paragraphs of the definition keep theirs.
    Done,
}

/// Follows the events of a body as they are read, rewriting its definition lists.
#[derive(Debug, Default)]
pub(crate) struct DefinitionLists {
    depth: usize,
    /// The depth of the definition being read when its text is not to be a paragraph.
    unwrap: Option<(usize, Unwrap)>,
    /// The depth of the term being read.
    term: Option<usize>,
}

impl DefinitionLists {
    /// Push `event`, as kramdown would write it, onto `out`. `after_blank` says whether a
    /// blank line comes before the event's line (asked at a definition's start only).
    pub(crate) fn push<'a>(
        &mut self,
        event: Event<'a>,
        after_blank: impl FnOnce() -> bool,
        out: &mut Vec<Event<'a>>,
    ) {
        match &event {
            Event::Start(tag) => {
                self.depth += 1;
                match tag {
                    Tag::DefinitionListDefinition => {
                        self.unwrap = (!after_blank()).then_some((self.depth, Unwrap::Pending));
                    }
                    Tag::DefinitionListTitle => self.term = Some(self.depth),
                    Tag::Paragraph => {
                        if let Some((dd, Unwrap::Pending)) = self.unwrap {
                            if self.depth == dd + 1 {
                                self.unwrap = Some((dd, Unwrap::Open));
                                return;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(tag) => {
                let depth = self.depth;
                self.depth = self.depth.saturating_sub(1);
                match tag {
                    TagEnd::Paragraph => {
                        if let Some((dd, Unwrap::Open)) = self.unwrap {
                            if depth == dd + 1 {
                                self.unwrap = Some((dd, Unwrap::Done));
                                return;
                            }
                        }
                    }
                    TagEnd::DefinitionListDefinition => self.unwrap = None,
                    TagEnd::DefinitionListTitle => self.term = None,
                    _ => {}
                }
            }
            Event::SoftBreak if self.term == Some(self.depth) => {
                out.push(Event::End(TagEnd::DefinitionListTitle));
                out.push(Event::Start(Tag::DefinitionListTitle));
                return;
            }
            _ => {}
        }
        out.push(event);
    }
}

/// `block` with the `:` escaped at the start of each line where it is followed by neither
/// a space nor a tab (up to three spaces before it), a `:` alone on its line too:
/// kramdown starts no definition there (`DEFINITION_LIST_START`), pulldown-cmark does.
/// `None` when there is no such line.
pub(crate) fn tight_colons_escaped(block: &str) -> Option<String> {
    let tight = |line: &str| {
        let trimmed = line.trim_start_matches(' ');
        line.len() - trimmed.len() <= 3
            && trimmed.starts_with(':')
            && !matches!(trimmed.as_bytes().get(1), Some(b' ' | b'\t'))
    };
    if !block.split_inclusive('\n').any(tight) {
        return None;
    }
    let mut out = String::with_capacity(block.len() + 8);
    for line in block.split_inclusive('\n') {
        if tight(line) {
            let colon = line.len() - line.trim_start_matches(' ').len();
            out.push_str(&line[..colon]);
            out.push('\\');
            out.push_str(&line[colon..]);
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// `block` with the white space after a definition's `:` made one space where it is four
/// columns or more: kramdown reads the definition from the first character after it,
/// pulldown-cmark reads an indented code block. `None` when there is no such line.
pub(crate) fn wide_definitions(block: &str) -> Option<String> {
    // Where the definition's text starts on `line`, when the white space before it is wide.
    let wide = |line: &str| {
        let trimmed = line.trim_start_matches(' ');
        let rest = trimmed.strip_prefix(':')?;
        let text = rest.trim_start_matches([' ', '\t']);
        let gap = &rest[..rest.len() - text.len()];
        let columns: usize = gap.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
        (line.len() - trimmed.len() <= 3 && columns >= 4 && !text.trim().is_empty())
            .then_some(line.len() - text.len())
    };
    if !block.split_inclusive('\n').any(|l| wide(l).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(block.len());
    for line in block.split_inclusive('\n') {
        match wide(line) {
            Some(text_at) => {
                let colon = line.len() - line.trim_start_matches(' ').len();
                out.push_str(&line[..=colon]);
                out.push(' ');
                out.push_str(&line[text_at..]);
            }
            None => out.push_str(line),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::super::{render_body, Flavour, Settings};
    use super::super::jekyll_html as jekyll;

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4, GFM input) writes it, newlines aside.
    #[test]
    fn definition_lists_as_kramdown_writes_them() {
        let cases = [
            (
                "Term\n: Definition of the term\n",
                "<dl><dt>Term</dt><dd>Definition of the term</dd></dl>",
            ),
            (
                "Apple\n: A fruit.\n: A company.\n\nOrange\nLemon\n: Citrus fruits.\n",
                "<dl><dt>Apple</dt><dd>A fruit.</dd><dd>A company.</dd><dt>Orange</dt>\
                 <dt>Lemon</dt><dd>Citrus fruits.</dd></dl>",
            ),
            (
                "Term with blank\n\n: Definition as a paragraph.\n\n    More of it, indented.\n",
                "<dl><dt>Term with blank</dt><dd><p>Definition as a paragraph.</p>\
                 <p>More of it, indented.</p></dd></dl>",
            ),
            // No white space after the `:`: no definition (ruby-lang.org's news).
            (
                "You can configure SSL through the\n:ssl_ca_cert and :ssl options.\n\nTerm\n: Def\n:tight\n",
                "<p>You can configure SSL through the:ssl_ca_cert and :ssl options.</p>\
                 <dl><dt>Term</dt><dd>Def:tight</dd></dl>",
            ),
            // The paragraph after one, read by itself once (pulldown-cmark's range of the
            // list runs over it).
            (
                "You can configure\n:ssl and\n/etc/gemrc.\n\nYou may also set it.\n\nCredit.\n",
                "<p>You can configure:ssl and/etc/gemrc.</p><p>You may also set it.</p><p>Credit.</p>",
            ),
            // A `:` alone on its line (ruby-lang.org's French news of 2013-02-23).
            (
                "comme celui-ci\n:\n\n    {\"json_class\":\"foo\"}\n",
                "<p>comme celui-ci:</p><div class=\"language-plaintext highlighter-rouge\">\
                 <div class=\"highlight\"><pre class=\"highlight\"><code>{\"json_class\":\"foo\"}</code></pre></div></div>",
            ),
        ];
        for (md, expected) in cases {
            let html: String = jekyll(md).split('\n').map(str::trim).collect();
            assert_eq!(html, expected, "{md:?}");
        }
    }

    /// As Jekyll 4.3.1 writes it (the TeXt theme's sample post).
    #[test]
    fn a_definition_after_wide_white_space_is_text() {
        assert_eq!(
            jekyll("Maruku\n:     Another converter\n\nNext\n"),
            "<dl>\n<dt>Maruku</dt>\n<dd>Another converter</dd>\n</dl>\n<p>Next</p>\n"
        );
    }

    #[test]
    fn commonmark_has_no_definition_lists() {
        let settings = Settings {
            flavour: Flavour::CommonMark,
            ..Default::default()
        };
        let html = render_body("Term\n: Definition\n", &settings);
        assert!(html.starts_with("<p>Term"), "{html}");
    }
}
