//! What a site says about excerpts ([`Rules`]), and the link reference definitions Jekyll
//! adds to an excerpt from the rest of the post ([`definitions`]).

use crate::site::SiteKind;
use crate::site_config::{Inherited, SiteConfig};

/// What the site the post belongs to says about its excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// The site's `excerpt_separator` (`\n\n`, Jekyll's default: the first paragraph).
    pub separator: String,
    /// Whether `<!--more-->` and `<!-- more -->` mark the excerpt without being the
    /// separator: so in Hugo and Zola, and for a post of no known site; not in a Jekyll
    /// site, which ends the excerpt at its separator only.
    pub more: bool,
}

impl Default for Rules {
    /// A post of no known site: the first paragraph, unless a marker says otherwise.
    fn default() -> Self {
        Rules {
            separator: DEFAULT_SEPARATOR.to_string(),
            more: true,
        }
    }
}

/// Jekyll's `excerpt_separator` when nothing sets it.
pub const DEFAULT_SEPARATOR: &str = "\n\n";

impl Rules {
    /// A Jekyll site whose config's `excerpt_separator` is `separator`.
    pub fn jekyll(separator: &str) -> Self {
        Rules {
            separator: separator.to_string(),
            more: false,
        }
    }

    /// The rules of the post under the site `config` (none: a post of no known site),
    /// whose front-matter defaults give it `inherited`: in a Jekyll site, the separator
    /// the defaults give the post (Jekyll's document data includes them), else the
    /// config's; Hugo's and Zola's are a post of no known site's.
    pub fn of_site(config: Option<&SiteConfig>, inherited: &[Inherited]) -> Rules {
        match config {
            Some(config) if config.kind == SiteKind::Jekyll => {
                let separator = inherited
                    .iter()
                    .rev()
                    .find(|i| i.key == "excerpt_separator")
                    .and_then(|i| i.value.as_str())
                    .unwrap_or(&config.excerpt_separator);
                Rules::jekyll(separator)
            }
            _ => Rules::default(),
        }
    }

    /// The site's own separator, when it sets one other than the first paragraph's.
    pub fn set_separator(&self) -> Option<&str> {
        Some(self.separator.as_str()).filter(|s| !s.is_empty() && *s != DEFAULT_SEPARATOR)
    }
}

/// The Liquid block tags (Liquid 5's and Jekyll's `highlight`), whose end Jekyll adds to an
/// excerpt cut inside one.
const BLOCKS: [&str; 9] = [
    "if",
    "unless",
    "case",
    "for",
    "tablerow",
    "capture",
    "comment",
    "raw",
    "highlight",
];

/// `head` with the end tag of each Liquid block it opens and never ends, as Jekyll adds
/// them to an excerpt (`Excerpt#sanctify_liquid_tags`: the tags' names from the last back,
/// an end tag written on a line of its own when `head` holds none of that name).
pub(crate) fn sanctified(head: &str) -> std::borrow::Cow<'_, str> {
    if !head.contains("{%") {
        return head.into();
    }
    let mut names = Vec::new();
    let mut rest = head;
    while let Some(open) = rest.find("{%") {
        let inner = &rest[open + 2..];
        let Some(close) = inner.find("%}") else {
            break;
        };
        let tag = inner[..close]
            .strip_prefix('-')
            .unwrap_or(&inner[..close])
            .trim_start();
        let name: &str = &tag[..tag
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tag.len())];
        if !name.is_empty() {
            names.push(name);
        }
        rest = &inner[close + 2..];
    }
    let mut ended = ended(head);
    let mut out = head.to_string();
    for name in names.into_iter().rev() {
        if let Some(k) = BLOCKS.iter().position(|b| *b == name) {
            if !ended[k] {
                out.push_str(&format!("\n{{% end{name} %}}"));
                ended[k] = true;
            }
        }
    }
    out.into()
}

/// For each of [`BLOCKS`], whether `text` holds an end tag of it (Jekyll's
/// `{%-?\s*end#{tag_name}.*?\s*-?%}`: `{% endiffy %}` ends `if` too), in one pass.
fn ended(text: &str) -> [bool; BLOCKS.len()] {
    let mut ended = [false; BLOCKS.len()];
    let last_close = text.rfind("%}");
    let mut from = 0;
    while let Some(i) = text[from..].find("{%") {
        let open = from + i + 2;
        from = open;
        if last_close.is_none_or(|c| c < open) {
            break;
        }
        let inner = &text[open..];
        let tag = inner.strip_prefix('-').unwrap_or(inner).trim_start();
        if let Some(rest) = tag.strip_prefix("end") {
            for (k, block) in BLOCKS.iter().enumerate() {
                ended[k] |= rest.starts_with(block);
            }
        }
    }
    ended
}

/// The link reference definitions of `tail` (the post after its excerpt) whose label, in
/// its brackets, the excerpt's text `head` holds, one per line: as Jekyll 4.3 adds them to
/// an excerpt (`Excerpt#extract_markdown_link_reference_definitions`: a line of up to three
/// spaces, a bracketed label, a colon and the rest of the line; the label compared as
/// written, case included). A definition whose destination is on the next line, or a
/// label not written so in the excerpt, is not added, as Jekyll adds none.
pub(crate) fn definitions(head: &str, tail: &str) -> String {
    // Where each `]` of the tail is, read forward once (a label may run over lines).
    let closes: Vec<usize> = tail.match_indices(']').map(|(i, _)| i).collect();
    let mut next_close = 0;
    let mut found: Vec<(&str, &str)> = Vec::new();
    let mut at = 0;
    while at < tail.len() {
        let line_end = tail[at..].find('\n').map_or(tail.len(), |i| at + i);
        match definition_at(tail, at, &closes, &mut next_close) {
            Some((label, end)) => {
                found.push((label, &tail[at + indent(&tail[at..])..end]));
                at = tail[end..].find('\n').map_or(tail.len(), |i| end + i + 1);
            }
            None => at = line_end + 1,
        }
    }
    let named = Named::of(head, found.len());
    found
        .into_iter()
        .filter(|(label, _)| named.holds(label))
        .map(|(_, line)| line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Which bracketed labels the excerpt's text holds: looked for in it directly, or, for a
/// long text and many definitions (a hostile post), through the set of its bracketed
/// spans of up to [`LONGEST_LABEL`] bytes (a label holds no `]`, so the text holds
/// `[label]` only as the span from a `[` to the next `]`).
enum Named<'a> {
    Direct(&'a str),
    Spans(std::collections::HashSet<&'a str>),
}

/// The longest bracketed label looked for in a long excerpt.
const LONGEST_LABEL: usize = 256;

impl<'a> Named<'a> {
    fn of(head: &'a str, definitions: usize) -> Named<'a> {
        if definitions.saturating_mul(head.len()) <= 1 << 24 {
            return Named::Direct(head);
        }
        let mut spans = std::collections::HashSet::new();
        let mut close = None;
        for (i, b) in head.bytes().enumerate().rev() {
            match b {
                b']' => close = Some(i),
                b'[' => {
                    if let Some(c) = close.filter(|c| c - i <= LONGEST_LABEL + 1) {
                        spans.insert(&head[i..=c]);
                    }
                }
                _ => {}
            }
        }
        Named::Spans(spans)
    }

    fn holds(&self, label: &str) -> bool {
        match self {
            Named::Direct(head) => head.contains(label),
            Named::Spans(spans) => spans.contains(label),
        }
    }
}

/// The spaces (at most three) a definition may stand after.
fn indent(line: &str) -> usize {
    line.bytes().take(3).take_while(|b| *b == b' ').count()
}

/// At the line start `at` of `tail`, a definition: its label with the brackets, and where
/// it ends (the end of the line of its colon). `closes` are the positions of the tail's
/// `]`, `next` the first of them not yet passed (line starts come in order).
fn definition_at<'a>(
    tail: &'a str,
    at: usize,
    closes: &[usize],
    next: &mut usize,
) -> Option<(&'a str, usize)> {
    let start = at + indent(&tail[at..]);
    if tail.as_bytes().get(start) != Some(&b'[') {
        return None;
    }
    while closes.get(*next).is_some_and(|c| *c <= start) {
        *next += 1;
    }
    let close = *closes.get(*next)?;
    if close == start + 1 {
        return None;
    }
    let label = &tail[start..=close];
    let value = tail[close + 1..].strip_prefix(':')?;
    let value_len = value.find('\n').unwrap_or(value.len());
    if value_len == 0 {
        return None;
    }
    Some((label, close + 2 + value_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As Jekyll 4.3.1 writes the excerpt of such a post (see `excerpt/tests.rs` for the
    /// rendered card).
    #[test]
    fn a_sites_rules() {
        use crate::front_matter::Value;
        let jekyll = crate::site_config::read(
            SiteKind::Jekyll,
            "_config.yml",
            "excerpt_separator: <!--cut-->\n",
        )
        .expect("a config");
        assert_eq!(
            Rules::of_site(Some(&jekyll), &[]),
            Rules::jekyll("<!--cut-->")
        );
        let defaults = [Inherited {
            key: "excerpt_separator".to_string(),
            value: Value::String("<!--x-->".to_string()),
            scope: String::new(),
        }];
        assert_eq!(
            Rules::of_site(Some(&jekyll), &defaults),
            Rules::jekyll("<!--x-->")
        );
        let hugo = crate::site_config::read(SiteKind::Hugo, "hugo.toml", "title = \"t\"\n")
            .expect("a config");
        assert_eq!(Rules::of_site(Some(&hugo), &defaults), Rules::default());
        assert_eq!(Rules::of_site(None, &[]), Rules::default());
    }

    /// As Jekyll 4.3.1 closes an excerpt cut inside a block.
    #[test]
    fn the_blocks_an_excerpt_leaves_open_are_ended() {
        assert_eq!(
            sanctified("Intro {% if site.show %}shown"),
            "Intro {% if site.show %}shown\n{% endif %}"
        );
        assert_eq!(
            sanctified("{% highlight ruby %}\ndef x"),
            "{% highlight ruby %}\ndef x\n{% endhighlight %}"
        );
        // Innermost first; a name already ended anywhere is left; no tag, no change.
        assert_eq!(
            sanctified("{%- for a in b -%}{% capture c %}{% assign d = 1 %}"),
            "{%- for a in b -%}{% capture c %}{% assign d = 1 %}\n{% endcapture %}\n{% endfor %}"
        );
        assert_eq!(
            sanctified("{% if a %}x{% endif %} {% if b %}y"),
            "{% if a %}x{% endif %} {% if b %}y"
        );
        assert_eq!(
            sanctified("Plain {{ page.title }}"),
            "Plain {{ page.title }}"
        );
        assert_eq!(sanctified("{% if"), "{% if");
        assert_eq!(
            sanctified("{% if a %}{% endiffy"),
            "{% if a %}{% endiffy\n{% endif %}"
        );
        assert_eq!(
            sanctified("{% if a %}{% endiffy %}"),
            "{% if a %}{% endiffy %}"
        );
        // A hostile excerpt of many tags is read in one pass.
        let many = "{% if a %}".repeat(100_000);
        assert_eq!(sanctified(&many).len(), many.len() + "\n{% endif %}".len());
    }

    #[test]
    fn the_definitions_jekyll_adds_to_an_excerpt() {
        let head = "See [a][x], [b][], [Y] and [z], note[^1] and [c]";
        let tail = "\n[x]: /u \"T\"\n   [b]: /b\n[y]: /y\n[z]:\n  /z\n[^1]: The note.\n    [c]: /indented\n[c]: /c\n[unused]: /n\n";
        assert_eq!(
            definitions(head, tail),
            "[x]: /u \"T\"\n[b]: /b\n[^1]: The note.\n[c]: /c"
        );
        assert_eq!(definitions(head, ""), "");
        assert_eq!(definitions("", tail), "");
        // A label over two lines is one label, as Ruby's `[^\]]+` reads it.
        assert_eq!(
            definitions("[two\nlines]", "[two\nlines]: /t\n"),
            "[two\nlines]: /t"
        );
        // No empty label, no colon apart from its bracket, CRLF kept as written.
        assert_eq!(
            definitions("[] [p]", "[]: /e\n[p] : /p\n[p]:/p\r\n"),
            "[p]:/p\r"
        );
    }
}
