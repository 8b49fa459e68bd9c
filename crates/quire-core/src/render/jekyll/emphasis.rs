//! Spans kramdown (GFM input) reads otherwise than CommonMark with the GitHub extensions:
//!
//! - a single tilde strikes nothing through: `~new~` is text, `~~old~~` is `<del>` (the
//!   parser is told to read single tildes as subscript, which is written back as the text);
//! - `***x***` is `<strong><em>x</em></strong>` (CommonMark nests them the other way), while
//!   `_**x**_` is `<em><strong>x</strong></em>` as in CommonMark: kramdown reads a run of
//!   one character two first (strong), and a mixed run by its first character;
//! - emphasis inside emphasis, or strong inside strong, is not a span: its markers are
//!   text (`*does _not_ work*`), which [`SameSpans`] gives back while the block is parsed;
//! - emphasis does not close at a run of two (`\__FILE__` is text).

use core::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Follows a stretch's events with their offsets and writes emphasis opened inside
/// emphasis (strong inside strong) as kramdown reads it, which opens no span of a kind
/// already open around it. Written with the same character right inside the other, the
/// inner one's opening run closed the outer one to kramdown (`**a**，**b**`, which
/// CommonMark can nest), so the two are written one after the other; unless white space
/// comes before it: then that run is text and the inner one's closing run closes the
/// outer one, whose own closing run is text (`**data viz **vs** data art**`). Else the
/// inner one's markers are text (`*does _not_ work*`).
#[derive(Debug, Default)]
pub(crate) struct SameSpans {
    /// The open emphasis and strong spans.
    open: Vec<Open>,
    /// How many elements are open.
    depth: usize,
    /// Inside a code block.
    in_code: bool,
}

/// An open emphasis or strong span.
#[derive(Debug, Clone, Copy)]
struct Open {
    strong: bool,
    /// Its marker character.
    char: u8,
    /// The depth of the events around it.
    depth: usize,
    written: Written,
    /// Where its opening run starts and its closing run ends.
    span: (usize, usize),
    /// Written as the other kind: emphasis opened by a run of three (`***x***`), written
    /// as strong, and the strong span right inside it.
    swapped: bool,
    /// The span it closes or follows ([`Written::Closes`], [`Written::After`]) is written
    /// as the other kind.
    outer_swapped: bool,
}

/// How an emphasis or strong span is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// As parsed.
    Span,
    /// As its markers.
    Text,
    /// Closing the span it is in at its start and opening it again at its end.
    After,
    /// Its opening marker text, its end closing the span it is in.
    Closes,
    /// Closed by a span inside it: its closing marker is text.
    Closed,
}

impl SameSpans {
    /// `event` (at `range` of `text`) as kramdown reads it.
    pub(crate) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        text: &str,
    ) -> Event<'a> {
        match &event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            Event::Text(t) if !self.in_code => {
                if let Some(marked) = super::table_pipes::mark_escaped_pipes(t, range.start, text) {
                    return Event::Text(CowStr::from(marked));
                }
            }
            _ => {}
        }
        // Only a span's own start is swapped (not one `read` wrote at another's end).
        let was_start = matches!(event, Event::Start(Tag::Emphasis | Tag::Strong));
        // The end of a span written as the other kind (the last open one).
        let ends_swapped = matches!(event, Event::End(TagEnd::Emphasis | TagEnd::Strong))
            && self.open.last().is_some_and(|o| o.swapped);
        let event = self.read(event, range.clone(), text);
        // Emphasis opened and closed by a run of three of one character holding one strong
        // span tight at both ends: kramdown reads the run's first two as strong.
        // (A longer run is read otherwise: `****a****` is `<strong>**a</strong>**`.)
        let bytes = text.as_bytes();
        let triple = |at: usize| {
            let run = bytes.get(at..at + 3);
            run.is_some_and(|r| r[0] == r[1] && r[1] == r[2] && matches!(r[0], b'*' | b'_'))
        };
        let exactly_triple = |start: usize, end: usize| {
            triple(start)
                && triple(end - 3)
                && bytes.get(start + 3) != bytes.get(start)
                && (end < 4 || bytes.get(end - 4) != bytes.get(start))
                && (start == 0 || bytes.get(start - 1) != bytes.get(start))
                && bytes.get(end) != bytes.get(start)
        };
        match event {
            Event::Start(Tag::Emphasis)
                if was_start && range.len() >= 7 && exactly_triple(range.start, range.end) =>
            {
                self.mark_swapped();
                Event::Start(Tag::Strong)
            }
            Event::Start(Tag::Strong)
                if was_start
                    && self
                        .open
                        .iter()
                        .rev()
                        .skip(1)
                        .find(|o| o.swapped)
                        .is_some_and(|o| {
                            o.span.0 + 1 == range.start && o.span.1 == range.end + 1
                        }) =>
            {
                self.mark_swapped();
                Event::Start(Tag::Emphasis)
            }
            // A swapped span's end: its closing tag swapped too, or its marker (when a
            // span inside closed it).
            event if ends_swapped => match event {
                Event::End(TagEnd::Strong) => Event::End(TagEnd::Emphasis),
                Event::End(TagEnd::Emphasis) => Event::End(TagEnd::Strong),
                event => event,
            },
            event => event,
        }
    }

    /// The span `read` just opened is written as the other kind.
    fn mark_swapped(&mut self) {
        if let Some(open) = self.open.last_mut() {
            open.swapped = true;
        }
    }

    /// `event` with emphasis inside emphasis (strong inside strong) as kramdown reads it.
    fn read<'a>(&mut self, event: Event<'a>, range: Range<usize>, text: &str) -> Event<'a> {
        let (strong, start) = match &event {
            Event::Start(Tag::Emphasis) => (false, true),
            Event::Start(Tag::Strong) => (true, true),
            Event::End(TagEnd::Emphasis) => (false, false),
            Event::End(TagEnd::Strong) => (true, false),
            Event::Start(_) => {
                self.depth += 1;
                return event;
            }
            Event::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                return event;
            }
            _ => return event,
        };
        let width = if strong { 2 } else { 1 };
        let marker = |at: Range<usize>| {
            text.get(at)
                .map(|m| Event::Text(CowStr::from(m.to_string())))
        };
        let (opened, closed) = if strong {
            (Event::Start(Tag::Strong), Event::End(TagEnd::Strong))
        } else {
            (Event::Start(Tag::Emphasis), Event::End(TagEnd::Emphasis))
        };
        if start {
            let char = text.as_bytes().get(range.start).copied().unwrap_or(b'*');
            let around = self
                .open
                .iter()
                .rev()
                .find(|o| o.strong == strong && o.written == Written::Span)
                .copied();
            let spaced = range.start == 0
                || text[..range.start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace);
            // kramdown closes no emphasis at a run of exactly two of its character
            // (`\__FILE__`: text, where CommonMark closes it at the first of the two).
            let bytes = text.as_bytes();
            let closing_pair = !strong
                && range.end >= 1
                && bytes.get(range.end) == bytes.get(range.end - 1)
                && bytes.get(range.end + 1) != bytes.get(range.end);
            let written = match around {
                _ if closing_pair => Written::Text,
                None => Written::Span,
                // Right after the outer one's opening run (`****a****`), or after white
                // space: kramdown reads the run as text, the outer one still empty.
                Some(o)
                    if o.char == char
                        && o.depth + 1 == self.depth
                        && (spaced || o.span.0 + width == range.start) =>
                {
                    Written::Closes
                }
                Some(o) if o.char == char && o.depth + 1 == self.depth => Written::After,
                Some(_) => Written::Text,
            };
            if written == Written::Closes {
                if let Some(outer) = self
                    .open
                    .iter_mut()
                    .rev()
                    .find(|o| o.strong == strong && o.written == Written::Span)
                {
                    outer.written = Written::Closed;
                }
            }
            let outer_swapped = around.is_some_and(|o| o.swapped);
            self.open.push(Open {
                strong,
                char,
                depth: self.depth,
                written,
                span: (range.start, range.end),
                swapped: false,
                outer_swapped,
            });
            self.depth += 1;
            return match written {
                Written::Span => event,
                Written::Text | Written::Closes | Written::Closed => {
                    marker(range.start..range.start + width).unwrap_or(event)
                }
                Written::After => other_kind(closed, outer_swapped),
            };
        }
        self.depth = self.depth.saturating_sub(1);
        match self.open.pop() {
            Some(Open {
                written: Written::Text | Written::Closed,
                ..
            }) => marker(range.end.saturating_sub(width)..range.end).unwrap_or(event),
            Some(o) if o.written == Written::After => other_kind(opened, o.outer_swapped),
            Some(o) if o.written == Written::Closes => other_kind(closed, o.outer_swapped),
            _ => event,
        }
    }
}

/// `event` (a span's start or end tag) as the other kind's when `swapped`.
fn other_kind(event: Event<'_>, swapped: bool) -> Event<'_> {
    match event {
        Event::Start(Tag::Strong) if swapped => Event::Start(Tag::Emphasis),
        Event::Start(Tag::Emphasis) if swapped => Event::Start(Tag::Strong),
        Event::End(TagEnd::Strong) if swapped => Event::End(TagEnd::Emphasis),
        Event::End(TagEnd::Emphasis) if swapped => Event::End(TagEnd::Strong),
        event => event,
    }
}

/// Rewrite `events` (one block's) as kramdown reads these spans: a single tilde is text.
pub(crate) fn kramdown_spans(events: &mut [Event<'_>]) {
    for event in events.iter_mut() {
        if matches!(
            event,
            Event::Start(Tag::Subscript) | Event::End(TagEnd::Subscript)
        ) {
            *event = Event::Text(CowStr::Borrowed("~"));
        }
    }
}

/// A `*` run CommonMark leaves as text beside a link, an image or a code span, where
/// kramdown opens or closes a span: `の**[link](u)**を`, `**[Read](u)**는` (the link's `[`
/// after a letter opens nothing to CommonMark, its `)` before a letter closes nothing;
/// kramdown asks only for no white space inside the run). A paragraph's text ending with a
/// run of one or two `*` right before such an element, and the text right after the
/// elements beginning with the same run, a letter before the first or after the second,
/// are the span's markers: written as the span.
pub(crate) fn runs_beside_elements(events: &mut Vec<Event<'_>>) {
    // CommonMark reads such a run as text when a letter stands on its other side (an
    // escaped `\*\*` has none: its text is left as it is).
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let run_at_end = |t: &str| {
        let n = t.len() - t.trim_end_matches('*').len();
        let before = t[..t.len() - n].chars().next_back();
        (1..=2).contains(&n).then_some((n, letter(before)))
    };
    let run_at_start = |t: &str, n: usize| {
        let m = t.len() - t.trim_start_matches('*').len();
        (m == n).then(|| letter(t[n..].chars().next()))
    };
    let element = |e: &Event<'_>| {
        matches!(
            e,
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) | Event::Code(_)
        ) || matches!(e, Event::InlineHtml(h) if super::code::is_code_span(h))
    };
    let mut i = 0;
    while i + 2 < events.len() {
        let Event::Text(text) = &events[i] else {
            i += 1;
            continue;
        };
        let Some((n, letter_before)) = run_at_end(text) else {
            i += 1;
            continue;
        };
        if !element(&events[i + 1]) {
            i += 1;
            continue;
        }
        // The elements after it, each whole, up to the next text.
        let mut depth = 0usize;
        let mut j = i + 1;
        let mut close = None;
        while j < events.len() {
            match &events[j] {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => break,
                Event::End(_) => depth -= 1,
                Event::Text(t) if depth == 0 => {
                    let letter_after = run_at_start(t, n);
                    if letter_after.is_some_and(|after| after || letter_before) && j > i + 1 {
                        close = Some(j);
                    }
                    break;
                }
                Event::SoftBreak | Event::HardBreak if depth == 0 => break,
                _ => {}
            }
            j += 1;
        }
        let Some(j) = close else {
            i += 1;
            continue;
        };
        let (open_tag, close_tag) = if n == 2 {
            (Tag::Strong, TagEnd::Strong)
        } else {
            (Tag::Emphasis, TagEnd::Emphasis)
        };
        if let Event::Text(t) = &events[j] {
            let rest = t[n..].to_string();
            events[j] = Event::Text(CowStr::from(rest));
        }
        if let Event::Text(t) = &events[i] {
            let kept = t[..t.len() - n].to_string();
            events[i] = Event::Text(CowStr::from(kept));
        }
        events.insert(j, Event::End(close_tag));
        events.insert(i + 1, Event::Start(open_tag));
        i = j + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::super::nesting_tests::nests;

    /// A run beside a link or code with a letter on its other side, as Jekyll 4.3.1
    /// writes them (opensource.guide's Japanese and Korean articles); escaped runs and
    /// runs with white space inside stay text.
    #[test]
    fn runs_beside_a_link_with_a_letter_outside_are_spans() {
        let cases = [
            (
                "変更のための**[ブランチ](/flow/)**を作成します。\n",
                "<p>変更のための<strong><a href=\"/flow/\">ブランチ</a></strong>を作成します。</p>\n",
            ),
            (
                "* **[Read the Docs](/rtd)**는 개인에게.\n",
                "<ul>\n<li><strong><a href=\"/rtd\">Read the Docs</a></strong>는 개인에게.</li>\n</ul>\n",
            ),
            (
                "and *[c](d)*x and **`code`**가 and\n",
                "<p>and <em><a href=\"d\">c</a></em>x and <strong><code class=\"language-plaintext highlighter-rouge\">code</code></strong>가 and</p>\n",
            ),
            (
                "and \\*\\*[e](f)\\*\\* end, a ** [b](c) ** d.\n",
                "<p>and **<a href=\"f\">e</a>** end, a ** <a href=\"c\">b</a> ** d.</p>\n",
            ),
        ];
        for (md, html) in cases {
            assert_eq!(jekyll(md), html, "{md:?}");
        }
    }

    /// As Jekyll 4.3.1 (kramdown 2.4, GFM input) writes them.
    #[test]
    fn spans_as_kramdown_reads_them() {
        assert_eq!(
            jekyll("This is ~~old~~ and ~new~, H~2~O and ~*a*~.\n"),
            "<p>This is <del>old</del> and ~new~, H~2~O and ~<em>a</em>~.</p>\n"
        );
        assert_eq!(
            jekyll("***x*** and ___y___ and **_z_** and *__w__ v*\n"),
            "<p><strong><em>x</em></strong> and <strong><em>y</em></strong> and \
             <strong><em>z</em></strong> and <em><strong>w</strong> v</em></p>\n"
        );
        // No emphasis closes at a run of two (swift.org's release notes).
        assert_eq!(
            jekyll("* [Identifiers (\\__FILE__, etc)](/a)\n\nA \\__FILE__ b, *a** and __x__\n"),
            "<ul>\n<li><a href=\"/a\">Identifiers (__FILE__, etc)</a></li>\n</ul>\n\
             <p>A __FILE__ b, *a** and <strong>x</strong></p>\n"
        );
        // A run of two characters opens by its first (scala-lang.org's survey post).
        assert_eq!(
            jekyll("1. _**About**_ - x\n\nA *__w__* and __*z*__ and _**x**_ y, ***a*** b.\n"),
            "<ol>\n<li><em><strong>About</strong></em> - x</li>\n</ol>\n<p>A <em><strong>w</strong></em> \
             and <strong><em>z</em></strong> and <em><strong>x</strong></em> y, \
             <strong><em>a</em></strong> b.</p>\n"
        );
        // A span of a kind already open is its markers (the TeXt theme's sample post); with
        // the same marker right inside it, it follows it (Hux Blog).
        assert_eq!(
            jekyll("**你说着 「Web」**，**一边**。\n"),
            "<p><strong>你说着 「Web」</strong>，<strong>一边</strong>。</p>\n"
        );
        assert_eq!(
            jekyll("- **data viz **vs** data art** (useful)\n"),
            "<ul>\n<li><strong>data viz **vs</strong> data art** (useful)</li>\n</ul>\n"
        );
        assert_eq!(
            jekyll("This *does _not_ work*, **nor __this__**, *nor [*a link*](/x)*.\n"),
            "<p>This <em>does _not_ work</em>, <strong>nor __this__</strong>, \
             <em>nor <a href=\"/x\">*a link*</a></em>.</p>\n"
        );
    }

    /// A run of four opens strong and keeps the next two as text, as Jekyll 4.3.1 writes
    /// `****a****`; longer runs (which kramdown reads its own way) come out as balanced
    /// HTML with every marker kept (they had given `<strong><em></strong>` and lost them).
    #[test]
    fn long_runs_keep_their_markers_and_nest() {
        assert_eq!(
            jekyll("****a**** and ***b*** ****c****\n"),
            "<p><strong>**a</strong>** and <strong><em>b</em></strong> \
             <strong>**c</strong>**</p>\n"
        );
        for run in ["*****", "******", "_____", "*******"] {
            let html = jekyll(&format!("x {run}a{run} y\n"));
            let text: String = html
                .split('<')
                .map(|part| part.split_once('>').map_or(part, |(_, t)| t))
                .collect();
            // Every marker is text or half of a span's pair of runs.
            let spans = html.matches("<strong>").count() * 4 + html.matches("<em>").count() * 2;
            assert_eq!(
                text.matches(['*', '_']).count() + spans,
                2 * run.len(),
                "{html}"
            );
            assert!(nests(&html), "{html}");
        }
        // A run of three closing a span inside emphasis, right after its opening run.
        let html = jekyll("x *_***aa***ba*a_* y\n");
        assert!(nests(&html), "{html}");
        // A span closing a run of three's span (written as the other kind) closes that kind.
        let html = jekyll("***a*b*\n**c***\n");
        assert!(nests(&html), "{html}");
    }

    proptest::proptest! {
        /// However a line's runs of markers fall, its spans nest (a run of three read at
        /// another span's end had been swapped too: `*_***a***b*a_*` gave `</em>` inside
        /// `<strong>`).
        #[test]
        fn spans_always_nest(line in "[*_~`ab ]{1,24}") {
            let html = jekyll(&format!("x {line} y\n"));
            proptest::prop_assert!(nests(&html), "{}", html);
        }
    }
}
