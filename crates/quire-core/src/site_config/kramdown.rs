//! A Jekyll config's Markdown options: kramdown's (`auto_ids`, `hard_wrap`,
//! `smart_quotes`, `toc_levels`, `syntax_highlighter_opts`...) and the site's
//! `highlighter`, as Jekyll 4.3 gives them to kramdown and to its `{% highlight %}` tag.

use super::{get, map, text, MarkdownOptions};
use crate::front_matter::Value;

/// Read the Markdown options of a Jekyll config's top-level `entries` into `markdown`.
pub(super) fn options(entries: &[(String, Value)], markdown: &mut MarkdownOptions) {
    let kramdown = map(get(entries, "kramdown"));
    let option = |key: &str| get(kramdown, key);
    if let Some(Value::Bool(b)) = option("auto_ids") {
        markdown.auto_ids = *b;
    }
    if let Some(prefix) = option("auto_id_prefix").and_then(text) {
        markdown.auto_id_prefix = prefix;
    }
    if let Some(Value::Bool(b)) = option("hard_wrap") {
        markdown.hard_wrap = *b;
    }
    if let Some(Value::Bool(b)) = option("parse_block_html") {
        markdown.parse_block_html = *b;
    }
    // kramdown merges the options under `block:` over its top-level ones for a block.
    let highlighter = map(option("syntax_highlighter_opts"));
    let for_block =
        |key: &str| get(map(get(highlighter, "block")), key).or_else(|| get(highlighter, key));
    if let Some(Value::Bool(true)) = for_block("line_numbers") {
        let start = match for_block("start_line") {
            Some(Value::Int(n)) => *n,
            _ => 1,
        };
        markdown.code_line_numbers = Some(start);
    }
    let for_span =
        |key: &str| get(map(get(highlighter, "span")), key).or_else(|| get(highlighter, key));
    let named = |value: Option<&Value>| value.and_then(text).filter(|t| !t.trim().is_empty());
    if let Some(lang) = named(for_block("default_lang")) {
        markdown.code_block_lang = lang;
    }
    if let Some(lang) = named(for_span("default_lang")) {
        markdown.code_span_lang = lang;
    }
    if let Some(class) = for_block("css_class").and_then(text) {
        markdown.code_css_class = class;
    }
    // kramdown's highlighter: its own, else `enable_coderay`'s, else the site's.
    // (Ruby's `||`: a nil or false value is none. A `highlighter:` left empty keeps
    // Jekyll's default, `rouge`, as every key whose value is nil does.)
    let set = |value: Option<&Value>| match value {
        Some(Value::Null | Value::Bool(false)) => None,
        Some(value) => text(value),
        None => None,
    };
    let site_highlighter = match get(entries, "highlighter") {
        None | Some(Value::Null) => Some("rouge".to_string()),
        value => set(value),
    };
    let kramdown_highlighter = set(option("syntax_highlighter"))
        .or_else(|| set(option("enable_coderay")).map(|_| "coderay".to_string()))
        .or_else(|| site_highlighter.clone())
        .unwrap_or_else(|| "rouge".to_string());
    let rouge = kramdown_highlighter == "rouge";
    let disabled = |value: Option<&Value>| value == Some(&Value::Bool(true));
    markdown.highlight_blocks = rouge && !disabled(for_block("disable"));
    markdown.highlight_spans = rouge && !disabled(for_span("disable"));
    markdown.highlight_tags = matches!(site_highlighter.as_deref(), Some("rouge" | "pygments"));
    if let Some(quotes) = option("smart_quotes").and_then(text) {
        markdown.quotes = kramdown_quotes(&quotes).or(markdown.quotes);
    }
    match option("toc_levels") {
        Some(Value::List(levels)) => {
            markdown.toc_levels = levels
                .iter()
                .filter_map(|l| match l {
                    Value::Int(n) if (1..=6).contains(n) => Some(*n as u8),
                    _ => None,
                })
                .collect();
        }
        Some(Value::String(range)) => {
            if let Some((a, b)) = range.split_once("..") {
                if let (Ok(a), Ok(b)) = (a.trim().parse::<u8>(), b.trim().parse::<u8>()) {
                    markdown.toc_levels = (a.max(1)..=b.min(6)).collect();
                }
            }
        }
        _ => {}
    }
}

/// kramdown's `smart_quotes` option: four entity names or code points, for ‘ ’ “ ”.
fn kramdown_quotes(option: &str) -> Option<[char; 4]> {
    let chars: Vec<char> = option
        .split(',')
        .map(|name| {
            let name = name.trim();
            if let Ok(code) = name.parse::<u32>() {
                return char::from_u32(code);
            }
            let c = match name {
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                "sbquo" => '‚',
                "bdquo" => '„',
                "lsaquo" => '‹',
                "rsaquo" => '›',
                "laquo" => '«',
                "raquo" => '»',
                "apos" => '\'',
                "quot" => '"',
                _ => return None,
            };
            Some(c)
        })
        .collect::<Option<_>>()?;
    chars.try_into().ok()
}
