//! Code as Jekyll writes it (kramdown with Rouge, its default highlighter): a code span is
//! `<code class="language-plaintext highlighter-rouge">`; a code block in a language Rouge
//! knows (or in none: `plaintext`) is wrapped in `<div class="language-x highlighter-rouge">`
//! and `<div class="highlight">`, its `<pre>` of class `highlight`; one in a language Rouge
//! does not know stays `<pre><code class="language-x">`; a `{% highlight x %}` block is
//! `<figure class="highlight">` (see [`HIGHLIGHT_MARK`]). Rouge's token spans (the colours
//! a site's style sheet gives) are not made: the text is the same.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use super::escape_text;
use super::rouge_lexers::ROUGE_LEXERS;
use crate::site_config::MarkdownOptions;

/// The second word of a code fence's info string made from a `{% highlight %}` tag
/// (`liquid::highlight_fences`).
pub(crate) const HIGHLIGHT_MARK: &str = "\u{3}";

/// Whether Rouge has a lexer called `lang`.
fn rouge_knows(lang: &str) -> bool {
    ROUGE_LEXERS.binary_search(&lang).is_ok()
}

/// The language a code fence's first word names, as kramdown reads it: the word up to a
/// `?` that is not its first character (`php?start_inline=1` is `php`; Rouge takes what
/// follows as the lexer's options).
fn fence_language(word: &str) -> &str {
    match word.get(1..).and_then(|rest| rest.find('?')) {
        Some(i) => &word[..=i],
        None => word,
    }
}

/// A code span's HTML, `lang` the config's language for code that names none (Rouge
/// highlights it when it knows the language, else kramdown writes a bare `<code>`).
pub(crate) fn code_span(text: &str, lang: &str) -> String {
    let text = escape_text(text);
    if rouge_knows(lang) {
        let lang = super::escape_attr(lang);
        format!("<code class=\"language-{lang} highlighter-rouge\">{text}</code>")
    } else {
        format!("<code>{text}</code>")
    }
}

/// Whether `html` is a code span's, as [`code_span`] writes it.
pub(crate) fn is_code_span(html: &str) -> bool {
    let open = html.find('>').map_or(html, |end| &html[..=end]);
    open == "<code>"
        || open.starts_with("<code class=\"language-") && open.ends_with(" highlighter-rouge\">")
}

/// How Jekyll writes a code block.
struct Wrap {
    /// HTML before the code.
    start: String,
    /// HTML after it.
    end: &'static str,
    /// A table with the line numbers beside the code: a `{% highlight x linenos %}`
    /// block's (Jekyll's classes), or, from the site's config, Rouge's for a block
    /// kramdown highlights; and the first number.
    linenos: Option<Table>,
    /// Whether the block is a `{% highlight %}` tag's: Jekyll drops the line breaks at
    /// the code's two ends before Rouge reads it, and the last one Rouge writes.
    tag: bool,
    /// Whether it is a tag's that no highlighter reads (the site's `highlighter` is not
    /// Rouge): Jekyll strips the white space at the code's ends.
    stripped: bool,
}

/// The classes of a line-numbered code block's table cells, and its first line number.
struct Table {
    gutter: &'static str,
    code: &'static str,
    start: i64,
}

/// How a code block with `info` (None for an indented block) is written, or None when it
/// is written as the Markdown writer writes it (a language Rouge lacks); `options`: the
/// config's language for a block that names none, its `<pre>`'s class, and its first line
/// number for the blocks kramdown highlights, if it numbers them.
fn wrap(info: Option<&str>, options: &MarkdownOptions) -> Option<Wrap> {
    // Liquid runs first: a `{% raw %}` on the fence's line (```` ```html{% raw %} ````)
    // is gone before kramdown reads the language.
    let info = super::super::liquid::strip_raw_tags(info.unwrap_or_default());
    let mut words = info.split([' ', '\t']).filter(|w| !w.is_empty());
    let lang = words.next().unwrap_or_default();
    let lang_attr = super::escape_attr(lang);
    if !lang.is_empty() && words.next() == Some(HIGHLIGHT_MARK) {
        return Some(Wrap {
            start: format!(
                "<figure class=\"highlight\"><pre><code class=\"language-{lang_attr}\" \
                 data-lang=\"{lang_attr}\">"
            ),
            end: "</code></pre></figure>\n",
            linenos: (words.next() == Some("linenos") && options.highlight_tags).then_some(Table {
                gutter: "gutter",
                code: "code",
                start: 1,
            }),
            tag: true,
            stripped: !options.highlight_tags,
        });
    }
    if !options.highlight_blocks {
        return None;
    }
    let lang = match fence_language(lang) {
        "" => options.code_block_lang.as_str(),
        lang => lang,
    };
    if !rouge_knows(lang) {
        return None;
    }
    Some(Wrap {
        start: format!(
            "<div class=\"language-{} highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"{}\"><code>",
            super::escape_attr(lang),
            super::escape_attr(&options.code_css_class)
        ),
        end: "</code></pre></div></div>\n",
        linenos: options.code_line_numbers.map(|start| Table {
            gutter: "rouge-gutter",
            code: "rouge-code",
            start,
        }),
        tag: false,
        stripped: false,
    })
}

impl Wrap {
    /// The whole block's HTML around `code` (escaped).
    fn html(self, code: &str) -> String {
        let trimmed;
        let code = if self.tag {
            // Jekyll's `LEADING_OR_TRAILING_LINE_TERMINATORS`, then `code.chomp`; Rouge's
            // table gives the last line its line break back.
            let inner = code.trim_matches(['\n', '\r']);
            // Ruby's `strip`: white space and NUL.
            let inner = match self.stripped {
                true => inner.trim_matches([' ', '\t', '\n', '\r', '\u{b}', '\u{c}', '\0']),
                false => inner,
            };
            trimmed = match self.linenos {
                Some(_) => format!("{inner}\n"),
                None => inner.to_string(),
            };
            trimmed.as_str()
        } else {
            code
        };
        let Some(table) = self.linenos else {
            return format!("{}{code}{}", self.start, self.end);
        };
        // Rouge's `HTMLTable`: a number for each line, and one for a last line without
        // its line break.
        let lines = code.matches('\n').count() + usize::from(!code.ends_with('\n'));
        let numbers: String = (0..lines as i64)
            .map(|n| format!("{}\n", table.start + n))
            .collect();
        format!(
            "{}<table class=\"rouge-table\"><tbody><tr><td class=\"{} gl\">\
             <pre class=\"lineno\">{numbers}</pre></td><td class=\"{}\"><pre>{code}</pre>\
             </td></tr></tbody></table>{}",
            self.start, table.gutter, table.code, self.end
        )
    }
}

/// A fenced block Rouge does not highlight keeps only its language as the class's word
/// (`foo?x=1` is `language-foo`; a `{% raw %}` on the fence's line left out).
fn named(kind: CodeBlockKind<'_>) -> CodeBlockKind<'_> {
    match kind {
        CodeBlockKind::Fenced(info) => {
            let unraw = super::super::liquid::strip_raw_tags(&info);
            let word = unraw
                .split([' ', '\t'])
                .find(|w| !w.is_empty())
                .unwrap_or_default();
            let lang = fence_language(word);
            if matches!(unraw, std::borrow::Cow::Borrowed(_)) && lang.len() == word.len() {
                CodeBlockKind::Fenced(info)
            } else {
                CodeBlockKind::Fenced(CowStr::from(lang.to_string()))
            }
        }
        indented => indented,
    }
}

/// Write each code block of a block's events that Jekyll wraps as one HTML event (its
/// text escaped; `text` maps each text event first). Other events are left as they are.
pub(crate) fn wrap_code_blocks<'a>(
    events: &mut Vec<Event<'a>>,
    text: impl Fn(CowStr<'a>) -> CowStr<'a>,
    options: &MarkdownOptions,
) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::CodeBlock(_))))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len());
    // The block's wrap, its text so far, and whether it is indented.
    let mut open: Option<(Wrap, String, bool)> = None;
    for event in events.drain(..) {
        match (event, open.as_mut()) {
            (Event::Start(Tag::CodeBlock(kind)), None) => {
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => Some(info.as_ref()),
                    CodeBlockKind::Indented => None,
                };
                // The raw tags of the fence's line (Liquid runs first) go before the
                // block's text, for the flavour's Liquid pass to read and leave out.
                match wrap(info, options) {
                    Some(wrap) => {
                        let indented = info.is_none();
                        open = Some((wrap, raw_tags(info.unwrap_or_default()), indented));
                    }
                    None => {
                        let tags = raw_tags(info.unwrap_or_default());
                        out.push(Event::Start(Tag::CodeBlock(named(kind))));
                        if !tags.is_empty() {
                            out.push(Event::Text(CowStr::from(tags)));
                        }
                    }
                }
            }
            // The block's text is read whole: a `{% raw %}` on one line keeps the Liquid
            // of the lines after it.
            (Event::Text(t), Some((_, code, _))) => code.push_str(&t),
            (Event::End(TagEnd::CodeBlock), Some(_)) => {
                if let Some((wrap, mut code, indented)) = open.take() {
                    // kramdown's indented code ends with a line break, the post's last
                    // line's too.
                    if indented && !code.is_empty() && !code.ends_with('\n') {
                        code.push('\n');
                    }
                    let code = escape_text(&text(CowStr::from(code)));
                    out.push(Event::Html(CowStr::from(wrap.html(&code))));
                }
            }
            (event, _) => out.push(event),
        }
    }
    *events = out;
}

/// The `{% raw %}` and `{% endraw %}` tags of `text`, in order, one after the other.
fn raw_tags(text: &str) -> String {
    let mut tags = String::new();
    let mut from = 0;
    while text.contains("raw") {
        let Some((at, end, _)) = super::super::liquid::find_tag(text, from, |inside| {
            inside == "raw" || inside == "endraw"
        }) else {
            break;
        };
        tags.push_str(&text[at..end]);
        from = end;
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html;

    #[test]
    fn the_lexer_list_is_sorted() {
        assert!(super::ROUGE_LEXERS.windows(2).all(|w| w[0] < w[1]));
    }

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4, Rouge 3.30) writes it, token spans
    /// left out.
    #[test]
    fn code_as_jekyll_writes_it() {
        let cases = [
            (
                "A `code <b>` span.\n",
                "<p>A <code class=\"language-plaintext highlighter-rouge\">code &lt;b&gt;</code> span.</p>\n",
            ),
            (
                "```ruby\ndef x\nend\n```\n",
                "<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>def x\nend\n</code></pre></div></div>\n",
            ),
            (
                "~~~\nplain & fence\n~~~\n",
                "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>plain &amp; fence\n</code></pre></div></div>\n",
            ),
            (
                "    indented\n",
                "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>indented\n</code></pre></div></div>\n",
            ),
            (
                "``` c++\nx\n```\n",
                "<div class=\"language-c++ highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>x\n</code></pre></div></div>\n",
            ),
            // Rouge finds no lexer: kramdown's own code block (the case matters).
            (
                "```mermaid\ngraph TD;\n```\n",
                "<pre><code class=\"language-mermaid\">graph TD;\n</code></pre>\n",
            ),
            (
                "```Ruby\na = 1\n```\n",
                "<pre><code class=\"language-Ruby\">a = 1\n</code></pre>\n",
            ),
            // A `?` begins Rouge's options for the lexer: the class names the language.
            (
                "```php?start_inline=1\n$a = 1;\n```\n",
                "<div class=\"language-php highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>$a = 1;\n</code></pre></div></div>\n",
            ),
            (
                "```ruby?\nv\n```\n",
                "<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>v\n</code></pre></div></div>\n",
            ),
            ("```foo?x=1\ny\n```\n", "<pre><code class=\"language-foo\">y\n</code></pre>\n"),
            ("```Ruby?a\nw\n```\n", "<pre><code class=\"language-Ruby\">w\n</code></pre>\n"),
            ("```?x\nz\n```\n", "<pre><code class=\"language-?x\">z\n</code></pre>\n"),
            // Liquid runs first: a `{% raw %}` on the fence's line is not the language's.
            (
                "```html{% raw %}\n{{ x }}\n{% endraw %}\n```\n",
                "<div class=\"language-html highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>{{ x }}\n\n</code></pre></div></div>\n",
            ),
            (
                "```foo{% raw %}\ny\n{% endraw %}\n```\n",
                "<pre><code class=\"language-foo\">y\n\n</code></pre>\n",
            ),
            // Liquid's white-space control: `{%- raw %}` takes the white space before it,
            // `{% raw -%}` the white space after its `{% endraw %}` (crystal-lang.org).
            (
                "```\nx\n  {%- raw %}{{ a }}{% endraw %}\nend\n```\n",
                "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>x{{ a }}\nend\n</code></pre></div></div>\n",
            ),
            (
                "```\nx\n{% raw -%}\n  {{ a }}\n{% endraw %}\n  end\n```\n",
                "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>x\n\n  {{ a }}\nend\n</code></pre></div></div>\n",
            ),
            (
                "    x\n      {%- raw %}{{ a }}{% endraw %}\n    end\n",
                "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>x{{ a }}\nend\n</code></pre></div></div>\n",
            ),
            // The post's last line, in indented code, ends with a line break.
            (
                "    code line\n    last",
                "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>code line\nlast\n</code></pre></div></div>\n",
            ),
            (
                "{% highlight ruby %}\na = 1\n{% endhighlight %}\n",
                "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">a = 1</code></pre></figure>\n",
            ),
            // Jekyll drops the line breaks at the code's two ends, blank lines too.
            (
                "{% highlight ruby %}\n\na = 1\n\n{% endhighlight %}\n",
                "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">a = 1</code></pre></figure>\n",
            ),
            (
                "{% highlight ruby linenos %}\n\na = 1\n\n\n{% endhighlight %}\n",
                "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">\
                 <table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n</pre></td>\
                 <td class=\"code\"><pre>a = 1\n</pre></td></tr></tbody></table></code></pre></figure>\n",
            ),
            // Code after the opening tag on its line is the block's first line.
            (
                "{% highlight ruby %}  a = 1\nb = 2\n{% endhighlight %}\n",
                "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">  a = 1\nb = 2</code></pre></figure>\n",
            ),
            (
                "{% highlight ruby linenos %}\na = 1\nb = 2\n{% endhighlight %}\n",
                "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">\
                 <table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n2\n</pre></td>\
                 <td class=\"code\"><pre>a = 1\nb = 2\n</pre></td></tr></tbody></table></code></pre></figure>\n",
            ),
        ];
        for (md, expected) in cases {
            assert_eq!(jekyll_html(md), expected, "{md:?}");
        }
    }

    /// As Jekyll 4.3.1 writes code when the site's config turns Rouge off: `highlighter:
    /// none` (kramdown and the `{% highlight %}` tag), kramdown's `syntax_highlighter_opts`
    /// `disable` (all its code) or `span: {disable: true}` (its spans); an empty
    /// `highlighter:` keeps the default, Rouge.
    #[test]
    fn code_without_highlighting_as_jekyll_writes_it() {
        use crate::site::SiteKind;
        let post = "Some `code` here.\n\n```ruby\ndef x; end\n```\n\n    indented\n\n{% highlight ruby linenos %}\n  def y; end  \n{% endhighlight %}\n";
        let plain_span = "<p>Some <code>code</code> here.</p>\n";
        let rouge_span =
            "<p>Some <code class=\"language-plaintext highlighter-rouge\">code</code> here.</p>\n";
        let plain_blocks = "<pre><code class=\"language-ruby\">def x; end\n</code></pre>\n<pre><code>indented\n</code></pre>\n";
        let rouge_blocks = "<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>def x; end\n</code></pre></div></div>\n<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>indented\n</code></pre></div></div>\n";
        let plain_tag = "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">def y; end</code></pre></figure>\n";
        let rouge_tag = "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\"><table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n</pre></td><td class=\"code\"><pre>  def y; end  \n</pre></td></tr></tbody></table></code></pre></figure>\n";
        for (config, span, blocks, tag) in [
            ("highlighter: none\n", plain_span, plain_blocks, plain_tag),
            (
                "kramdown:\n  syntax_highlighter_opts:\n    disable: true\n",
                plain_span,
                plain_blocks,
                rouge_tag,
            ),
            (
                "kramdown:\n  syntax_highlighter_opts:\n    span:\n      disable: true\n",
                plain_span,
                rouge_blocks,
                rouge_tag,
            ),
            (
                "kramdown:\n  syntax_highlighter: null\n",
                rouge_span,
                rouge_blocks,
                rouge_tag,
            ),
            ("highlighter:\n", rouge_span, rouge_blocks, rouge_tag),
            ("title: x\n", rouge_span, rouge_blocks, rouge_tag),
        ] {
            let config = crate::site_config::read(SiteKind::Jekyll, "_config.yml", config)
                .expect("a config");
            let settings = crate::render::Settings {
                site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
                ..Default::default()
            };
            let html = crate::render::render_body(post, &settings);
            assert_eq!(html, format!("{span}{blocks}{tag}"), "{config:?}");
        }
    }
}
