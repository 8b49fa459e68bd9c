//! Span HTML whose content kramdown keeps raw. Inside a paragraph kramdown reads the
//! content of an element that is not one of its span elements (`<u>`, `<mark>`, `<s>`,
//! `<strike>`, `<font>`, `<kbd>`, `<code>`, an element of the writer's own) as text up to
//! its closing tag: no emphasis, links, code spans or typography in it, only further tags
//! (`HTML_CONTENT_MODEL`, `:raw` for every element it does not list as span or block).
//! [`RawSpans`] gives back pulldown-cmark's events of such content as the source's text,
//! escaped as kramdown escapes text, and its tags.

use core::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::html_tags::{escape_text, raw_span_open, span_tag_len, tag_of};
use super::typography::{inline, inline_end};

/// The raw element open: its name, where its content starts, how many elements of its name
/// are open inside it, the end of the last event read in it, and the line starts inside it
/// with where their text starts (what lies between is a container's prefix: `> `, indent).
#[derive(Debug)]
struct Open {
    name: String,
    start: usize,
    depth: usize,
    end: usize,
    lines: Vec<(usize, usize)>,
    line_at: Option<usize>,
    /// Spans (emphasis, links) opened inside it and not closed yet.
    spans: usize,
}

/// Follows a stretch's events with their offsets (see the module's text).
#[derive(Debug, Default)]
pub(crate) struct RawSpans {
    open: Option<Open>,
    /// The spans open while some opened inside raw content that closed before them
    /// (`true`: such a span, whose end, still to come, is its closing marker as text;
    /// `false`: one opened outside raw content), innermost last.
    pending: Vec<bool>,
    /// A span `{::nomarkdown}` open: where its content starts, and where its closing
    /// marker (`{:/}`, `{:/nomarkdown}`) starts and ends.
    nomarkdown: Option<(usize, usize, usize)>,
    /// Inside a code block (its text is code).
    in_code: bool,
}

/// The events given for one event read: none, the same, or the raw content's pieces.
pub(crate) enum Fed<'a> {
    One(Option<(Event<'a>, Range<usize>)>),
    Many(std::vec::IntoIter<(Event<'a>, Range<usize>)>),
}

impl<'a> Iterator for Fed<'a> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Fed::One(one) => one.take(),
            Fed::Many(many) => many.next(),
        }
    }
}

impl RawSpans {
    /// `event` (at `range` of `text`) as kramdown reads it.
    pub(crate) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        text: &str,
    ) -> Fed<'a> {
        if let Some((content, close, close_end)) = self.nomarkdown {
            if range.end <= close {
                return Fed::One(None);
            }
            self.nomarkdown = None;
            let mut out = vec![(
                Event::InlineHtml(CowStr::from(text[content..close].to_string())),
                content..close,
            )];
            if matches!(event, Event::Text(_)) && range.end > close_end {
                out.push((
                    Event::Text(CowStr::from(text[close_end..range.end].to_string())),
                    close_end..range.end,
                ));
            } else if !matches!(event, Event::Text(_)) {
                out.push((event, range));
            }
            return Fed::Many(out.into_iter());
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            _ => {}
        }
        if self.open.is_none() && !self.in_code {
            if let Some(fed) = self.nomarkdown_opens(&event, &range, text) {
                return fed;
            }
        }
        let Some(open) = self.open.as_mut() else {
            if !self.pending.is_empty() {
                match &event {
                    Event::Start(tag) if inline(tag) => self.pending.push(false),
                    Event::End(tag) if inline_end(*tag) => {
                        if self.pending.pop() != Some(true) {
                            return Fed::One(Some((event, range)));
                        }
                        let width = match tag {
                            TagEnd::Emphasis => 1,
                            TagEnd::Strong | TagEnd::Strikethrough => 2,
                            _ => 0,
                        };
                        let marker = text.get(range.end.saturating_sub(width)..range.end);
                        let marker = CowStr::from(marker.unwrap_or_default().to_string());
                        return Fed::One(Some((Event::Text(marker), range)));
                    }
                    Event::Start(_) | Event::End(_) => self.pending.clear(),
                    _ => {}
                }
            }
            if let Event::InlineHtml(html) = &event {
                if let Some(name) = raw_span_open(html) {
                    self.open = Some(Open {
                        name,
                        start: range.end,
                        depth: 1,
                        end: range.end,
                        lines: Vec::new(),
                        line_at: None,
                        spans: 0,
                    });
                }
            }
            return Fed::One(Some((event, range)));
        };
        if let Some(line) = open.line_at.take() {
            open.lines.push((line, range.start.max(line)));
        }
        let ends = match &event {
            Event::InlineHtml(html) => match tag_of(html, &open.name) {
                Some(true) => {
                    open.depth += 1;
                    false
                }
                Some(false) => {
                    open.depth -= 1;
                    open.depth == 0
                }
                None => false,
            },
            Event::Start(tag) if inline(tag) => {
                open.spans += 1;
                false
            }
            // A span opened before it ends inside it: the content stops there, so the
            // events stay balanced (kramdown would write that span's markers as text).
            Event::End(tag) if inline_end(*tag) && open.spans > 0 => {
                open.spans -= 1;
                false
            }
            // The end of a span opened inside an earlier raw element (`<u>*</u><u>x*`):
            // its marker is text, here of this element's raw content.
            Event::End(tag) if inline_end(*tag) && self.pending.last() == Some(&true) => {
                self.pending.pop();
                false
            }
            Event::Start(_) | Event::End(_) => true,
            _ => false,
        };
        if !ends {
            if matches!(event, Event::SoftBreak | Event::HardBreak) {
                open.line_at = Some(range.end);
            }
            open.end = open.end.max(range.end);
            return Fed::One(None);
        }
        let Some(open) = self.open.take() else {
            return Fed::One(Some((event, range)));
        };
        match &event {
            Event::InlineHtml(_) => self.pending.extend(std::iter::repeat_n(true, open.spans)),
            Event::End(tag) if inline_end(*tag) => {
                self.pending.pop();
            }
            Event::Start(_) | Event::End(_) => self.pending.clear(),
            _ => {}
        }
        // Up to the closing tag, or to the last event inside (kramdown closes the element
        // where the paragraph ends), or to a span's end.
        let until = match &event {
            Event::InlineHtml(_) => range.start,
            Event::End(tag) if inline_end(*tag) => open.end,
            _ => open.end,
        };
        let mut content = String::new();
        let mut at = open.start;
        for &(line, starts) in &open.lines {
            if line >= until {
                break;
            }
            content.push_str(text.get(at..line).unwrap_or_default());
            at = starts.min(until);
        }
        content.push_str(text.get(at..until).unwrap_or_default());
        let mut out = pieces(&content, open.start..until);
        out.push((event, range));
        Fed::Many(out.into_iter())
    }
}

impl RawSpans {
    /// A text event (as written in the source) holding `{::nomarkdown}` with its closing
    /// marker later on the line: the text before it, and the span opened (its content
    /// passes as written, kramdown's span extension).
    fn nomarkdown_opens<'a>(
        &mut self,
        event: &Event<'a>,
        range: &Range<usize>,
        text: &str,
    ) -> Option<Fed<'a>> {
        const OPEN: &str = "{::nomarkdown}";
        let Event::Text(t) = event else { return None };
        let source = text.get(range.clone())?;
        if source != t.as_ref() {
            return None;
        }
        let at = range.start + source.find(OPEN)?;
        let content = at + OPEN.len();
        let line_end = text[content..]
            .find('\n')
            .map_or(text.len(), |i| content + i);
        let (close, len) = ["{:/nomarkdown}", "{:/}"]
            .iter()
            .filter_map(|m| {
                text[content..line_end]
                    .find(m)
                    .map(|i| (content + i, m.len()))
            })
            .min()?;
        if close + len <= range.end {
            // Opened and closed in this one event.
            let mut out = vec![
                (
                    Event::Text(CowStr::from(text[range.start..at].to_string())),
                    range.start..at,
                ),
                (
                    Event::InlineHtml(CowStr::from(text[content..close].to_string())),
                    content..close,
                ),
                (
                    Event::Text(CowStr::from(text[close + len..range.end].to_string())),
                    close + len..range.end,
                ),
            ];
            out.retain(|(e, _)| !matches!(e, Event::Text(t) if t.is_empty()));
            return Some(Fed::Many(out.into_iter()));
        }
        self.nomarkdown = Some((content, close, close + len));
        let before = &text[range.start..at];
        Some(Fed::One((!before.is_empty()).then(|| {
            (
                Event::Text(CowStr::from(before.to_string())),
                range.start..at,
            )
        })))
    }
}

/// Raw content as events: each tag or comment as inline HTML, the text between escaped.
fn pieces<'a>(content: &str, range: Range<usize>) -> Vec<(Event<'a>, Range<usize>)> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut at = 0;
    let push_text = |s: &str, out: &mut Vec<(Event<'a>, Range<usize>)>| {
        if !s.is_empty() {
            out.push((
                Event::InlineHtml(CowStr::from(escape_text(s))),
                range.clone(),
            ));
        }
    };
    while let Some(lt) = content[at..].find('<').map(|i| at + i) {
        match span_tag_len(&content[lt..]) {
            Some(len) => {
                push_text(&content[text_from..lt], &mut out);
                out.push((
                    Event::InlineHtml(CowStr::from(content[lt..lt + len].to_string())),
                    range.clone(),
                ));
                at = lt + len;
                text_from = at;
            }
            None => at = lt + 1,
        }
    }
    push_text(&content[text_from..], &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 (kramdown 2.4, GFM input) writes them.
    #[test]
    fn raw_span_content_as_kramdown_keeps_it() {
        assert_eq!(
            jekyll(
                "A <mark>**b** \"q\" -- x</mark> and <u>*i* 'y'</u> and <strike>\"s\"</strike>, \
                 <s>*t*</s> <font color=\"red\">\"f\"</font>.\n"
            ),
            "<p>A <mark>**b** \"q\" -- x</mark> and <u>*i* 'y'</u> and <strike>\"s\"</strike>, \
             <s>*t*</s> <font color=\"red\">\"f\"</font>.</p>\n"
        );
        assert_eq!(
            jekyll("Press <kbd>*x* \"a\"</kbd> and <code>**y**</code> and <var>_v_</var>.\n"),
            "<p>Press <kbd>*x* \"a\"</kbd> and <code>**y**</code> and <var>_v_</var>.</p>\n"
        );
        assert_eq!(
            jekyll(
                "A <u>[l](/x) a & b <b>*c*</b> `k`</u> and <mark>x</mark>*y* and <U>\"up\"</U>.\n"
            ),
            "<p>A <u>[l](/x) a &amp; b <b>*c*</b> `k`</u> and <mark>x</mark><em>y</em> and \
             <u>\"up\"</u>.</p>\n"
        );
        // Across lines; left open, closed where the paragraph ends.
        assert_eq!(
            jekyll("<span>lead</span> and <mark>a\nb \"c\"</mark> end <u>never closed \"q\"\n"),
            "<p><span>lead</span> and <mark>a\nb \"c\"</mark> end <u>never closed \"q\"</u></p>\n"
        );
        assert_eq!(
            jekyll("A <custom-el>\"c\" *d*</custom-el> and <strike>x\\*y</strike> and <u>&amp; &copy;</u>.\n"),
            "<p>A <custom-el>\"c\" *d*</custom-el> and <strike>x\\*y</strike> and \
             <u>&amp; &copy;</u>.</p>\n"
        );
        // Span elements' content is Markdown.
        assert_eq!(
            jekyll("and <abbr title=\"x\">\"a\" **b**</abbr> and <sup>\"s\"</sup> <small>\"m\"</small>.\n"),
            "<p>and <abbr title=\"x\">“a” <strong>b</strong></abbr> and <sup>”s”</sup> \
             <small>“m”</small>.</p>\n"
        );
        // A heading's id has the raw content's words; a table's cells keep it raw.
        assert_eq!(
            jekyll("## Title <u>x *y* & z</u> end\n"),
            "<h2 id=\"title-x-y--z-end\">Title <u>x *y* &amp; z</u> end</h2>\n"
        );
        assert_eq!(
            jekyll("| a | <mark>*b*</mark> |\n|---|---|\n| <u>**c**</u> | d |\n"),
            "<table><thead><tr><th>a</th><th><mark>*b*</mark></th></tr></thead><tbody>\n\
             <tr><td><u>**c**</u></td><td>d</td></tr>\n</tbody></table>\n"
        );
        // A span around it that ends inside it: the events stay balanced.
        let html = jekyll("*a <u>b* c</u> d\n");
        assert_eq!(html.matches("<em>").count(), html.matches("</em>").count());
        // A span opened inside it that ends after it: its closing marker is text.
        assert_eq!(jekyll("<u>*a</u> b*\n"), "<p><u>*a</u> b*</p>\n");
        // ... or inside the next raw element (a property test's case, whose end had
        // closed the paragraph's block early).
        assert_eq!(
            jekyll("<u>*</u><u>\nx*d\n"),
            "<p><u>*</u><u>\nx*d</u></p>\n"
        );
        assert_eq!(
            jekyll("a <u>*b</u> c <mark>x*y</mark> z\n"),
            "<p>a <u>*b</u> c <mark>x*y</mark> z</p>\n"
        );
        let html = jekyll("<u>*a</u> b* and **c <kbd>d** e</kbd> f\n");
        assert!(html.starts_with("<p><u>*a</u> b* and "), "{html}");
        assert_eq!(
            html.matches("<strong>").count(),
            html.matches("</strong>").count()
        );
        // kramdown's span extension: its content passes as written (Made Mistakes' post
        // on HTML in table cells).
        assert_eq!(
            jekyll("| a | {::nomarkdown}<ul><li>x *y*</li></ul>{:/} |\n"),
            "<table>\n<tbody>\n<tr>\n<td>a</td>\n<td><ul><li>x *y*</li></ul></td>\n</tr>\n</tbody>\n</table>\n"
        );
        // In code it is code.
        assert_eq!(
            jekyll("```\n| {::nomarkdown}<b>x</b>{:/} |\n```\n"),
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>| {::nomarkdown}&lt;b&gt;x&lt;/b&gt;{:/} |\n</code></pre></div></div>\n"
        );
        // In a quotation or a list item: the prefix of the next line is not content.
        assert_eq!(
            jekyll("> a <u>*x*\n> y</u> *z*\n"),
            "<blockquote>\n<p>a <u>*x*\ny</u> <em>z</em></p>\n</blockquote>\n"
        );
        assert_eq!(
            jekyll("- <mark>a *b*\n  c</mark> *d*\n"),
            "<ul>\n<li><mark>a *b*\nc</mark> <em>d</em></li>\n</ul>\n"
        );
    }
}
