//! HTML tags as kramdown reads and writes them (its HTML parser, `parser/html.rb`, and the
//! converter's `html_attributes`): kramdown does not pass a post's HTML through, it parses
//! each tag and writes it again. A tag it reads is written with its attributes in double
//! quotes (`class='a'` becomes `class="a"`, `hidden` becomes `hidden=""`, an empty `id`
//! is left out), the names of HTML's own elements and their attributes in lowercase, and a
//! void element closed with ` />`. What its pattern does not read as a tag is text, shown
//! as written: an unquoted value that is not one word (`<img src=a.png>`), a block
//! element's tag inside a paragraph (`<div>`, `<p>`, `<iframe>`), a closing tag in a
//! paragraph that closes nothing open. Text between tags in block HTML is escaped (`&` that starts no
//! entity, `<`, `>`); a `<script>` or `<style>` element's content is kept as written.
//!
//! Block HTML whose elements do not all close inside it (kramdown would read the rest of
//! the post into the element left open) or with a closing tag that closes nothing (as
//! HTML made around a block's Markdown has) is left as CommonMark reads it.

use pulldown_cmark::{CowStr, Event, TagEnd};

/// Elements that cannot hold content (`HTML_ELEMENTS_WITHOUT_BODY`).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Block elements: their tags inside a paragraph are text (`HTML_BLOCK_ELEMENTS`).
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup",
    "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "head", "iframe", "legend", "menu", "li",
    "main", "map", "nav", "ol", "optgroup", "p", "pre", "section", "summary", "table", "tbody",
    "td", "th", "thead", "tfoot", "tr", "ul",
];

/// The other elements kramdown knows (`HTML_ELEMENT`): their names and their attributes'
/// names are written in lowercase.
#[rustfmt::skip]
const KNOWN: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "button", "cite", "code", "del", "dfn", "em",
    "i", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby",
    "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var", "details",
    "figure", "noscript", "object", "script", "style", "math", "textarea",
];

/// Whether kramdown knows the element `lower` (its names are then written in lowercase).
fn known(lower: &str) -> bool {
    VOID.contains(&lower) || BLOCK.contains(&lower) || KNOWN.contains(&lower)
}

/// A tag kramdown's pattern reads.
#[derive(Debug, PartialEq, Eq)]
enum Tag {
    /// A start tag: the element's name as written, its attributes (name, value), whether it
    /// ends with `/>`.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        closed: bool,
    },
    /// A closing tag, with the element's name as written.
    Close(String),
}

/// Ruby's `\s`.
fn space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

/// The length of the XML name at the start of `s` (REXML's `UNAME_STR`: a name, an
/// optional `:` and a second one), 0 when there is none.
fn name_len(s: &str) -> usize {
    let part = |s: &str| -> usize {
        let mut chars = s.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_alphabetic() || c == '_' => {}
            _ => return 0,
        }
        chars
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_')))
            .map_or(s.len(), |(i, _)| i)
    };
    let first = part(s);
    if first == 0 {
        return 0;
    }
    match s[first..].strip_prefix(':').map(part) {
        Some(second) if second > 0 => first + 1 + second,
        _ => first,
    }
}

/// Ruby's `\p{Word}`: letters, marks, digits, connector punctuation.
fn word(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || unicode_properties::UnicodeGeneralCategory::general_category_group(c)
            == unicode_properties::GeneralCategoryGroup::Mark
}

/// The tag at the start of `s` as kramdown's `HTML_TAG_RE` or `HTML_TAG_CLOSE_RE` reads it,
/// and its length.
fn tag_at(s: &str) -> Option<(Tag, usize)> {
    let rest = s.strip_prefix('<')?;
    if let Some(after) = rest.strip_prefix('/') {
        let len = name_len(after);
        if len == 0 {
            return None;
        }
        let tail = after[len..].trim_start_matches(space);
        tail.strip_prefix('>')?;
        let end = s.len() - tail.len() + 1;
        return Some((Tag::Close(after[..len].to_string()), end));
    }
    let len = name_len(rest);
    if len == 0 {
        return None;
    }
    let name = rest[..len].to_string();
    let mut at = 1 + len;
    let mut attrs = Vec::new();
    loop {
        // `\s+` then a name: another attribute.
        let gap = s[at..].len() - s[at..].trim_start_matches(space).len();
        let attr_len = name_len(&s[at + gap..]);
        if gap == 0 || attr_len == 0 {
            break;
        }
        let attr_at = at + gap;
        let attr = s[attr_at..attr_at + attr_len].to_string();
        at = attr_at + attr_len;
        // `\s*=\s*` then a word or a quoted value; without it, no value.
        let before_eq = s[at..].trim_start_matches(space);
        let Some(value_part) = before_eq.strip_prefix('=') else {
            attrs.push((attr, String::new()));
            continue;
        };
        let value_part = value_part.trim_start_matches(space);
        let value_at = s.len() - value_part.len();
        let (value, end) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = value_part[1..].find(q)?;
                (value_part[1..1 + close].to_string(), value_at + close + 2)
            }
            Some(c) if word(c) => {
                let len = value_part
                    .char_indices()
                    .find(|&(_, c)| !word(c))
                    .map_or(value_part.len(), |(i, _)| i);
                (value_part[..len].to_string(), value_at + len)
            }
            // `=` with no value the pattern reads: the attribute ends before it, and the
            // tag cannot end there.
            _ => return None,
        };
        attrs.push((attr, value));
        at = end;
    }
    let tail = s[at..].trim_start_matches(space);
    let (closed, tail) = match tail.strip_prefix('/') {
        Some(t) => (true, t),
        None => (false, tail),
    };
    tail.strip_prefix('>')?;
    let end = s.len() - tail.len() + 1;
    Some((
        Tag::Start {
            name,
            attrs,
            closed,
        },
        end,
    ))
}

/// The length of the entity reference at the start of `s` (REXML's `REFERENCE_RE`), if
/// there is one.
fn reference_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('&')?;
    let body = if let Some(hex) = rest.strip_prefix("#x") {
        let n = hex
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(hex.len());
        (n > 0).then_some(2 + n)?
    } else if let Some(dec) = rest.strip_prefix('#') {
        let n = dec.find(|c: char| !c.is_ascii_digit()).unwrap_or(dec.len());
        (n > 0).then_some(1 + n)?
    } else {
        let mut chars = rest.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_alphabetic() || c == '_' || c == ':' => {}
            _ => return None,
        }
        chars
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | ':')))
            .map_or(rest.len(), |(i, _)| i)
    };
    rest[body..].starts_with(';').then_some(1 + body + 1)
}

/// `text` escaped as kramdown escapes text (`:text`) or an attribute value (`quote`):
/// `<`, `>`, `&` that starts no entity, and `"` in a value.
fn escape(text: &str, quote: bool, out: &mut String) {
    let mut at = 0;
    for (i, c) in text.char_indices() {
        if i < at {
            continue;
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quote => out.push_str("&quot;"),
            '&' => match reference_len(&text[i..]) {
                Some(len) => {
                    out.push_str(&text[i..i + len]);
                    at = i + len;
                }
                None => out.push_str("&amp;"),
            },
            c => out.push(c),
        }
    }
}

/// A start tag as kramdown writes it; `span` joins lines in values (span HTML).
fn write_start(name: &str, attrs: &[(String, String)], span: bool, out: &mut String) {
    let lower = name.to_ascii_lowercase();
    let is_known = known(&lower);
    out.push('<');
    out.push_str(if is_known { &lower } else { name });
    // A repeated attribute keeps its first place and its last value.
    let mut kept: Vec<(String, &str)> = Vec::new();
    for (attr, value) in attrs {
        let attr = if is_known {
            attr.to_ascii_lowercase()
        } else {
            attr.clone()
        };
        match kept.iter_mut().find(|(a, _)| *a == attr) {
            Some(slot) => slot.1 = value,
            None => kept.push((attr, value)),
        }
    }
    for (attr, value) in kept {
        if attr == "id" && value.trim().is_empty() {
            continue;
        }
        out.push(' ');
        out.push_str(&attr);
        out.push_str("=\"");
        if span && value.contains('\n') {
            let joined: Vec<&str> = value.split('\n').filter(|p| !p.is_empty()).collect();
            let mut value = joined.join(" ");
            if value.is_empty() {
                value.push(' ');
            }
            escape(&value, true, out);
        } else {
            escape(value, true, out);
        }
        out.push('"');
    }
}

/// The element name as kramdown keeps it: lowercase when HTML knows it.
pub(crate) fn element_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if known(&lower) {
        lower
    } else {
        name.to_string()
    }
}

/// Block HTML (one element or more, as a raw piece or a CommonMark HTML block holds it)
/// written as kramdown writes it, or `None` when an element does not close inside it, a
/// closing tag closes no element open, a
/// `<script>` or `<style>` has no closing tag, or it holds what kramdown's HTML parser
/// would not stop at (a declaration, an unclosed comment).
pub(crate) fn block_html(html: &str) -> Option<String> {
    let trimmed = html.trim_start_matches(' ');
    if !trimmed.starts_with('<') {
        return None;
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut open: Vec<String> = Vec::new();
    let mut at = 0;
    let s = trimmed;
    while at < s.len() {
        let Some(next) = s[at..].find(['<', '>', '&']).map(|i| at + i) else {
            out.push_str(&s[at..]);
            break;
        };
        out.push_str(&s[at..next]);
        at = next;
        let rest = &s[at..];
        if !rest.starts_with('<') {
            // `&`, `>`: one byte each; an entity as written.
            let len = reference_len(rest).unwrap_or(1);
            escape(&rest[..len], false, &mut out);
            at += len;
            continue;
        }
        if rest.starts_with("<!--") {
            let end = rest.find("-->")? + 3;
            out.push_str(&rest[..end]);
            at += end;
            continue;
        }
        if rest.starts_with("<?") {
            let end = rest.find("?>")? + 2;
            out.push_str(&rest[..end]);
            at += end;
            continue;
        }
        if rest.starts_with("<!") {
            return None;
        }
        match tag_at(rest) {
            Some((Tag::Close(name), len)) => {
                let name = element_name(&name);
                // kramdown writes a closing tag that closes nothing as text; here it is
                // more likely a piece of HTML made around the block's Markdown (a table,
                // a code block), left as it is.
                if open.last() != Some(&name) {
                    return None;
                }
                open.pop();
                out.push_str("</");
                out.push_str(&name);
                out.push('>');
                at += len;
            }
            Some((
                Tag::Start {
                    name,
                    attrs,
                    closed,
                },
                len,
            )) => {
                let name = element_name(&name);
                write_start(&name, &attrs, false, &mut out);
                at += len;
                if name == "script" || name == "style" {
                    // Its content as written, to its closing tag.
                    let close = closing_tag(&s[at..], &name)?;
                    out.push('>');
                    out.push_str(&s[at..at + close.0]);
                    out.push_str("</");
                    out.push_str(&name);
                    out.push('>');
                    at += close.1;
                } else if closed || VOID.contains(&name.as_str()) {
                    out.push_str(" />");
                } else {
                    out.push('>');
                    open.push(name);
                }
            }
            None => {
                out.push_str("&lt;");
                at += 1;
            }
        }
    }
    open.is_empty().then_some(out)
}

/// The start tag `tag` (`<name attributes>`, all of it) as kramdown writes a block
/// element's, or `None` when its pattern does not read it.
pub(crate) fn start_tag(tag: &str) -> Option<String> {
    match tag_at(tag)? {
        (Tag::Start { name, attrs, .. }, len) if len == tag.len() => {
            let mut out = String::with_capacity(tag.len() + 8);
            write_start(&element_name(&name), &attrs, false, &mut out);
            out.push('>');
            Some(out)
        }
        _ => None,
    }
}

/// Where `</name>` (any case, spaces before `>`) starts in `s` and where it ends.
fn closing_tag(s: &str, name: &str) -> Option<(usize, usize)> {
    let lower = s.to_ascii_lowercase();
    let needle = format!("</{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle).map(|i| from + i) {
        let tail = s[i + needle.len()..].trim_start_matches(space);
        if tail.starts_with('>') {
            return Some((i, s.len() - tail.len() + 1));
        }
        from = i + needle.len();
    }
    None
}

/// The span HTML of one paragraph (heading, table cell...) as kramdown reads it, tag by
/// tag: [`SpanHtml::tag`] for each inline HTML event, [`SpanHtml::close`] where the
/// paragraph ends.
#[derive(Default)]
pub(crate) struct SpanHtml {
    /// The elements open, innermost last.
    open: Vec<String>,
}

impl SpanHtml {
    /// The event for inline HTML `html` (one tag, a comment...).
    pub(crate) fn tag<'a>(&mut self, html: CowStr<'a>) -> Event<'a> {
        if html.starts_with("<!") || html.starts_with("<?") {
            return Event::InlineHtml(html);
        }
        match tag_at(&html) {
            Some((_, len)) if len != html.len() => Event::InlineHtml(html),
            Some((Tag::Close(name), _)) => {
                let name = element_name(&name);
                if self.open.last() == Some(&name) {
                    self.open.pop();
                    Event::InlineHtml(CowStr::from(format!("</{name}>")))
                } else {
                    Event::Text(html)
                }
            }
            Some((
                Tag::Start {
                    name,
                    attrs,
                    closed,
                },
                _,
            )) => {
                let name = element_name(&name);
                if BLOCK.contains(&name.as_str()) {
                    return Event::Text(html);
                }
                let mut out = String::with_capacity(html.len() + 8);
                write_start(&name, &attrs, true, &mut out);
                if VOID.contains(&name.as_str()) {
                    out.push_str(" />");
                } else if closed {
                    out.push_str("></");
                    out.push_str(&name);
                    out.push('>');
                } else {
                    out.push('>');
                    self.open.push(name);
                }
                Event::InlineHtml(CowStr::from(out))
            }
            None => Event::Text(html),
        }
    }

    /// The closing tags of the elements left open where the paragraph ends (kramdown
    /// closes them there).
    pub(crate) fn close<'a>(&mut self, out: &mut Vec<Event<'a>>) {
        while let Some(name) = self.open.pop() {
            out.push(Event::InlineHtml(CowStr::from(format!("</{name}>"))));
        }
    }
}

/// Whether `end` ends a stretch of span text (where kramdown closes span HTML left open).
pub(crate) fn ends_span_text(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::TableCell
            | TagEnd::Item
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::*;

    #[test]
    fn tags_read_as_kramdown_reads_them() {
        let start = |name: &str, attrs: &[(&str, &str)], closed| Tag::Start {
            name: name.to_string(),
            attrs: attrs
                .iter()
                .map(|(a, v)| (a.to_string(), v.to_string()))
                .collect(),
            closed,
        };
        let cases: &[(&str, Option<(Tag, usize)>)] = &[
            (
                "<a href='x'>",
                Some((start("a", &[("href", "x")], false), 12)),
            ),
            (
                "<img src=a/>",
                Some((start("img", &[("src", "a")], true), 12)),
            ),
            ("<br>", Some((start("br", &[], false), 4))),
            (
                "<p hidden >",
                Some((start("p", &[("hidden", "")], false), 11)),
            ),
            (
                "<div a = \"1\"\nb='2'>",
                Some((start("div", &[("a", "1"), ("b", "2")], false), 19)),
            ),
            ("</div >", Some((Tag::Close("div".to_string()), 7))),
            // An unquoted value of more than a word, attributes without a space between
            // them, `=` with nothing the pattern reads: not tags.
            ("<img src=a.png>", None),
            ("<a href=\"x\"class=\"y\">", None),
            ("<a href=>", None),
            ("<1a>", None),
            ("< a>", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(&tag_at(tag), expected, "{tag}");
        }
    }

    #[test]
    fn block_html_written_again() {
        let cases = [
            (
                "<blockquote class='subtle'>\n  “<strong>x</strong> - y <br /><br />\n</blockquote>\n",
                Some("<blockquote class=\"subtle\">\n  “<strong>x</strong> - y <br /><br />\n</blockquote>\n"),
            ),
            (
                "<div class='x' data-a=1 hidden>\n  <img src='b.png'/>\n  <p id=''>para</P>\n  text & more &amp; <b title='q\"q'>b</b>\n</div>\n",
                Some("<div class=\"x\" data-a=\"1\" hidden=\"\">\n  <img src=\"b.png\" />\n  <p>para</p>\n  text &amp; more &amp; <b title=\"q&quot;q\">b</b>\n</div>\n"),
            ),
            (
                "<link id='css' rel=\"stylesheet\" href=\"s.css?6\">\n",
                Some("<link id=\"css\" rel=\"stylesheet\" href=\"s.css?6\" />\n"),
            ),
            (
                "<script>if (a < b && c) { x = '<p>'; }</script>\n",
                Some("<script>if (a < b && c) { x = '<p>'; }</script>\n"),
            ),
            (
                "<div>\n<img src=a.png> &#x41; &copy; & b\n<!-- a <b> -->\n</div>\n",
                Some("<div>\n&lt;img src=a.png&gt; &#x41; &copy; &amp; b\n<!-- a <b> -->\n</div>\n"),
            ),
            ("<Custom-El Data-X='1'></Custom-El>", Some("<Custom-El Data-X=\"1\"></Custom-El>")),
            // Elements left open: as CommonMark reads it.
            ("<div>\n<p>text\n</div>\n", None),
            ("<ul><li>a<li>b</ul>", None),
            // A closing tag that closes nothing: left as it is.
            ("</td>\n</tr>\n</table>\n", None),
            ("<div>a</span></div>", None),
            ("<script>no end", None),
        ];
        for (html, expected) in cases {
            assert_eq!(block_html(html).as_deref(), expected, "{html}");
        }
    }

    #[test]
    fn span_html_as_kramdown_writes_it() {
        let cases = [
            (
                "Text <img src='a.png'> and <a href=x class='c'>link</a> and <span title=\"a\nb\">s</span>.",
                "<p>Text <img src=\"a.png\" /> and <a href=\"x\" class=\"c\">link</a> and <span title=\"a b\">s</span>.</p>\n",
            ),
            (
                "A link <a href=http://x.org/a>here</a> and <img src=a.png alt=b> end.",
                "<p>A link &lt;a href=http://x.org/a&gt;here&lt;/a&gt; and &lt;img src=a.png alt=b&gt; end.</p>\n",
            ),
            (
                "Some text <div>inline div</div> more.",
                "<p>Some text &lt;div&gt;inline div&lt;/div&gt; more.</p>\n",
            ),
            (
                "Open <span class=\"a\">to the end, <br> a break.",
                "<p>Open <span class=\"a\">to the end, <br /> a break.</span></p>\n",
            ),
            ("A stray </b> tag.", "<p>A stray &lt;/b&gt; tag.</p>\n"),
            ("An <em/>empty one.", "<p>An <em></em>empty one.</p>\n"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown}");
        }
    }

    #[test]
    fn block_html_of_a_post_written_again() {
        let cases = [
            (
                "<div class='x' data-a=1 hidden>\n  <img src='b.png'/>\n</div>\n\nAfter.\n",
                "<div class=\"x\" data-a=\"1\" hidden=\"\">\n  <img src=\"b.png\" />\n</div>\n<p>After.</p>\n",
            ),
            (
                "<video controls src='v.mp4'></video>\n",
                "<video controls=\"\" src=\"v.mp4\"></video>\n",
            ),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown}");
        }
    }
}
