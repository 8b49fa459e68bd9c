//! Liquid in a block's text as the Jekyll flavour shows it: placeholders for what Jekyll
//! fills in, `{% raw %}` stretches as text, Liquid links written as Jekyll writes them;
//! in HTML and code, Liquid written as Jekyll writes it outside `{% raw %}`, the raw tags
//! left out.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

mod autolinks;

/// Whether the block is a paragraph of Liquid tags only (`{% raw %}` on its own line, a
/// `{% for %}` writing reference definitions): Jekyll writes no paragraph for it.
pub(super) fn liquid_tags_only(events: &[Event<'_>]) -> bool {
    paragraph_text(events).is_some_and(|text| super::super::liquid::only_tags(&text))
}

/// The text of a paragraph of text alone (its typographic punctuation undone), if the
/// block is one.
fn paragraph_text(events: &[Event<'_>]) -> Option<String> {
    if !matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        || !matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
    {
        return None;
    }
    let mut text = String::new();
    for event in &events[1..events.len() - 1] {
        match event {
            Event::Text(t) => text.push_str(&crate::images::unprotect(t)),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            // A link made of Liquid (`[x]: {{ ... }}` read as a link) is not plain text.
            Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => {}
            _ => return None,
        }
    }
    Some(super::plain_punctuation(&text))
}

/// A paragraph of include tags, one a line, whose files the site gives: each file as
/// Jekyll writes it there (its `{{ include.key }}` filled from the tag, then read as
/// Markdown with the post's settings), in a mark naming it. The tags are read from the
/// paragraph's `source` when their parameters hold Markdown (`caption="A *big* one"`:
/// Liquid runs first, so the parser's emphasis there is none).
pub(super) fn included(
    events: &[Event<'_>],
    settings: &super::super::Settings,
    source: &str,
) -> Option<String> {
    if settings.site.includes.is_empty() {
        return None;
    }
    let text = paragraph_text(events).or_else(|| {
        let paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
            && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)));
        paragraph.then(|| source.to_string())
    })?;
    // Its tags, each on lines of its own or over several (`{% include img.html` and its
    // parameters on the lines under it), nothing else.
    let mut html = String::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let end = rest.strip_prefix("{%")?.find("%}")? + 4;
        let token = &rest[..end];
        let after = &rest[end..];
        let gap = &after[..after.len() - after.trim_start().len()];
        if token[2..].contains("{%") || !after.trim_start().is_empty() && !gap.contains('\n') {
            return None;
        }
        let tag = super::super::liquid::include_tag(token)?;
        html.push_str(&include_html(&tag, settings)?);
        rest = after.trim_start();
    }
    (!html.is_empty()).then_some(html)
}

/// The include tag `token` standing in a line of text, written as span HTML in a mark
/// naming its file, when the site gives the file and it is one line of Markdown; with
/// whether the file ends with a line break (a line break in the text, as Jekyll writes
/// the file).
fn inline_include(token: &str, settings: &super::super::Settings) -> Option<(String, bool)> {
    if settings.site.includes.is_empty() || !token.contains("include") {
        return None;
    }
    let (line, name, ends_line) = included_line(token, &settings.site)?;
    let html = render_included(&line, settings)?;
    let span = html.strip_prefix("<p>")?.strip_suffix("</p>\n")?;
    let html = format!(
        "<span class=\"liquid-include\" title=\"Included from _includes/{}\">{span}</span>",
        super::escape_attr(&name)
    );
    Some((html, ends_line))
}

/// An include file's Markdown (its parameters filled in) rendered with the post's settings,
/// the files it includes written too, to a depth (a file including itself stops); `None`
/// past the include files a post's render writes at most (files including one another
/// many times over would otherwise multiply: the others stay marks).
fn render_included(markdown: &str, settings: &super::super::Settings) -> Option<String> {
    if INCLUDES_WRITTEN.with(|n| n.replace(n.get() + 1)) >= MAX_INCLUDES_WRITTEN {
        return None;
    }
    let depth = INCLUDE_DEPTH.with(|d| d.get());
    let mut inner = settings.clone();
    if depth + 1 >= MAX_INCLUDE_DEPTH {
        inner.site.includes = Vec::new();
    }
    // A parameter put through `markdownify` (a figure's caption) is rendered as the post.
    if let Some(with) = super::super::liquid::with_markdownified(&inner, markdown) {
        inner = with;
    }
    INCLUDE_DEPTH.with(|d| d.set(depth + 1));
    // (The include's text is the site's, not the post's: its control characters are
    // cleared of marks as a post's are.)
    let html = super::super::render_body(&super::clear_marks(markdown), &inner);
    INCLUDE_DEPTH.with(|d| d.set(depth));
    Some(html)
}

/// The include file `tag` names, written with its parameters in a mark naming it; `None`
/// when the site does not give it.
fn include_html(
    tag: &super::super::liquid::IncludeTag,
    settings: &super::super::Settings,
) -> Option<String> {
    let file = settings.site.include(&tag.name)?;
    let markdown = super::super::liquid::with_include_params(file, &tag.params);
    let html = render_included(&markdown, settings)?;
    Some(format!(
        "<div class=\"liquid-include\" title=\"Included from _includes/{}\">\n{html}</div>\n",
        super::escape_attr(&tag.name)
    ))
}

/// Whether an include file is being written (its table of contents is the post's, filled
/// around it).
pub(crate) fn including() -> bool {
    INCLUDE_DEPTH.with(|d| d.get() > 0)
}

/// How deep include files are written inside one another.
const MAX_INCLUDE_DEPTH: usize = 4;

/// How many include files one parse of a post writes at most.
const MAX_INCLUDES_WRITTEN: usize = 256;

std::thread_local! {
    /// How many include files are being written around this one.
    static INCLUDE_DEPTH: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
    /// How many include files the parse under way has written.
    static INCLUDES_WRITTEN: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// A post's parse begins: no include file written yet.
pub(crate) fn start_writing_includes() {
    INCLUDES_WRITTEN.with(|n| n.set(0));
}

/// `text` with the spaces of Liquid links put back.
pub(super) fn unprotected(text: CowStr<'_>) -> CowStr<'_> {
    match crate::images::unprotect(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(owned) => CowStr::from(owned),
    }
}

/// HTML or code as Jekyll's Liquid leaves it before kramdown reads it: outside
/// `{% raw %}` written by [`liquid_html`], inside it as written, the raw tags themselves
/// left out (or kept, with `keep_tags`, for a later pass to read). `raw` says whether it
/// starts inside `{% raw %}`, and is left saying whether it ends inside (so a raw stretch
/// goes on across a block's HTML, code and text).
pub(super) fn liquid_html_outside_raw<'a>(
    html: CowStr<'a>,
    vars: &super::super::liquid::SiteVars,
    raw: &mut bool,
    keep_tags: bool,
) -> CowStr<'a> {
    if !html.contains('{') {
        return html;
    }
    if !*raw && !html.contains("raw") {
        return liquid_html(html, vars);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest: &str = &html;
    // Liquid's white-space control: `{%- raw %}` takes the white space before it (line
    // breaks too), and `{% raw -%}` the white space after its `{% endraw %}` (Liquid 4
    // trims the text after the whole tag; the raw text and `endraw`'s dashes are kept).
    let mut trim_after = false;
    loop {
        let tag = super::super::liquid::find_raw_tag(rest, !*raw);
        let mut piece = &rest[..tag.map_or(rest.len(), |(at, _)| at)];
        if *raw {
            out.push_str(piece);
        } else {
            if std::mem::take(&mut trim_after) {
                piece = piece.trim_start();
            }
            out.push_str(&liquid_html(CowStr::from(piece.to_string()), vars));
        }
        let Some((at, end)) = tag else {
            break;
        };
        let token = &rest[at..end];
        if !*raw {
            if token.starts_with("{%-") {
                out.truncate(out.trim_end().len());
            }
            trim_after = token.ends_with("-%}");
        }
        if keep_tags {
            out.push_str(token);
        }
        *raw = !*raw;
        rest = &rest[end..];
    }
    CowStr::from(out)
}

/// Whether Liquid is inside `{% raw %}` after `text`, given whether it was before.
pub(super) fn raw_after(text: &str, mut raw: bool) -> bool {
    let mut rest = text;
    while rest.contains("raw") {
        let Some((_, end)) = super::super::liquid::find_raw_tag(rest, !raw) else {
            break;
        };
        raw = !raw;
        rest = &rest[end..];
    }
    raw
}

/// HTML with its Liquid links (`src="{{ site.baseurl }}/x.png"`) written as Jekyll would.
pub(super) fn liquid_html<'a>(
    html: CowStr<'a>,
    vars: &super::super::liquid::SiteVars,
) -> CowStr<'a> {
    if !html.contains("{{") && !html.contains("{%") {
        return html;
    }
    let mut html = crate::images::unprotect(&html).into_owned();
    // An include tag in block HTML (`<div>{% include video.html id="x" %}</div>`): the
    // file as Jekyll writes it there, its `{{ include.key }}` filled, left as HTML.
    if !vars.includes.is_empty() && html.contains("include") {
        html = crate::images::rewrite_liquid(&html, |_, liquid| {
            let tag = super::super::liquid::include_tag(liquid)?;
            let file = vars.include(&tag.name)?;
            Some(super::super::liquid::with_include_params(file, &tag.params))
        })
        .into_owned();
    }
    if vars.known {
        return CowStr::from(super::super::liquid::resolve_in(&html, vars).into_owned());
    }
    // Without a site: its links as Jekyll writes them without a base path, and what the
    // post's own variables and the data files give.
    let html = crate::images::expand_links(&html);
    CowStr::from(super::super::liquid::resolve_in(&html, vars).into_owned())
}

/// Text with Liquid shown as placeholders and span attribute lists after an element left
/// out (after text they are text, as kramdown keeps them); `raw` says
/// whether the text starts inside `{% raw %}` (its Liquid is text, up to `{% endraw %}`)
/// and is left saying whether it ends inside.
pub(super) fn liquid_and_span_ials<'a>(
    text: &str,
    settings: &super::super::Settings,
    raw: &mut bool,
    out: &mut Vec<Event<'a>>,
) {
    let vars = &settings.site;
    let mut rest = text;
    // `rest[..from]` is text already looked through, not yet written out (a run of braces
    // that open nothing is written once, not brace by brace).
    let mut from = 0;
    // Once a closing mark is not found, none is further on either: not looked for again
    // (a post of a thousand `{{` costs its length, not its square).
    let (mut no_tag_end, mut no_output_end, mut no_brace) = (false, false, false);
    loop {
        if *raw {
            let Some((at, end)) = super::super::liquid::find_raw_tag(rest, false) else {
                break;
            };
            push_text(out, &rest[..at]);
            rest = &rest[end..];
            from = 0;
            *raw = false;
        }
        let Some(open) = rest[from..].find('{').map(|i| from + i) else {
            break;
        };
        let after = &rest[open..];
        let find = |done: &mut bool, close: &str| {
            let found = (!*done).then(|| after.find(close)).flatten();
            *done = found.is_none();
            found.map(|i| i + close.len())
        };
        let close = if after.starts_with("{%") {
            find(&mut no_tag_end, "%}")
        } else if after.starts_with("{{") {
            find(&mut no_output_end, "}}")
        } else if after.starts_with("{:") {
            find(&mut no_brace, "}").filter(|&end| super::parse_ial(&after[..end]).is_some())
        } else {
            None
        };
        let Some(close) = close else {
            from = open + 1;
            continue;
        };
        // A span attribute list right after text is text to kramdown (it belongs to an
        // element before it).
        let after_text = open > 0
            || matches!(
                out.last(),
                None | Some(Event::Text(_) | Event::SoftBreak | Event::HardBreak)
            );
        if after.starts_with("{:") && after_text {
            from = open + 1;
            continue;
        }
        push_text(out, &rest[..open]);
        let token = &after[..close];
        rest = &after[close..];
        from = 0;
        if let Some(opens) = super::super::liquid::raw_tag(&super::plain_punctuation(token)) {
            // Jekyll writes nothing for the tags themselves.
            *raw = opens;
            continue;
        }
        if token.starts_with("{:") {
            continue;
        }
        // (A filter's `|` in a table row was marked: `table_pipes.rs`.)
        let source = super::plain_punctuation(token).replace(super::PIPE_MARK, "|");
        // An include tag in a line of text, its file one line (a version badge): written
        // there as the line's Markdown, as Jekyll writes it before kramdown reads the line.
        if let Some((html, ends_line)) = inline_include(&source, settings) {
            // The white space the tag's dashes take; the file's last line break is a
            // line break in the text (Jekyll writes the file as it is).
            if source.starts_with("{%-") {
                if let Some(Event::Text(previous)) = out.last_mut() {
                    *previous = CowStr::from(previous.trim_end().to_string());
                }
            }
            out.push(Event::InlineHtml(CowStr::from(html)));
            if source.ends_with("-%}") {
                rest = rest.trim_start();
            } else if ends_line && !rest.starts_with(char::is_whitespace) {
                out.push(Event::SoftBreak);
            }
            continue;
        }
        let resolved = super::super::liquid::resolve(&source, vars);
        // `<{{ release.url }}>`, `<{{ site.url }}/feed.xml>`: an autolink.
        if let Some((link, taken)) =
            autolinks::autolink_after(out, &source, resolved.as_deref(), rest)
        {
            if let Some(Event::Text(previous)) = out.last_mut() {
                let kept = previous[..previous.len() - 1].to_string();
                *previous = CowStr::from(kept);
            }
            rest = &rest[taken..];
            out.push(Event::InlineHtml(CowStr::from(link)));
            continue;
        }
        match resolved {
            Some(written) => out.push(Event::InlineHtml(CowStr::from(format!(
                "<span class=\"liquid resolved\" title=\"{}\">{}</span>",
                super::escape_text(&source).replace('"', "&quot;"),
                written_html(&source, &written, vars)
            )))),
            None => out.push(Event::InlineHtml(CowStr::from(format!(
                "<span class=\"liquid\" title=\"Liquid: Jekyll fills this in\">{}</span>",
                super::escape_text(&source)
            )))),
        }
    }
    push_text(out, rest);
}

fn push_text<'a>(out: &mut Vec<Event<'a>>, text: &str) {
    if text.is_empty() {
        return;
    }
    // (A value holding the marks of ids or of the table of contents would be read as one.)
    let text = text.replace([super::ID_MARK, super::TOC_MARK], &super::STRAY.to_string());
    match out.last_mut() {
        Some(Event::Text(previous)) => *previous = CowStr::from(format!("{previous}{text}")),
        _ => out.push(Event::Text(CowStr::from(text))),
    }
}

/// How the preview shows what a Liquid output writes into text: a page variable as
/// Markdown (Jekyll runs Liquid first, so kramdown reads a title's `*emphasis*`, quotes and
/// HTML), rendered alone; the rest, and a value that would not stay one paragraph, as text.
fn written_html(source: &str, written: &str, vars: &super::super::liquid::SiteVars) -> String {
    // A value's last line break (a folded YAML string's, `excerpt: >`) is the paragraph's
    // end, or white space, to kramdown.
    let written = written.trim_end_matches(['\n', '\r']);
    if !source.contains("page.") || written.contains('\n') {
        return super::escape_text(written);
    }
    let settings = super::super::Settings {
        flavour: super::super::Flavour::Jekyll,
        site: super::super::liquid::SiteVars {
            page: Vec::new(),
            ..vars.clone()
        },
        ..Default::default()
    };
    let html = super::super::render_body(&super::clear_marks(written), &settings);
    match html
        .trim_end()
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inline) if !inline.contains("<p>") => inline.to_string(),
        _ => super::escape_text(written),
    }
}

/// A heading's text with the Liquid outputs `vars` resolves replaced by the text they
/// write (kramdown makes the heading's id from it, after Liquid ran).
pub(super) fn resolved_text<'a>(
    text: &'a str,
    vars: &super::super::liquid::SiteVars,
) -> std::borrow::Cow<'a, str> {
    let includes = !vars.includes.is_empty() && text.contains("include");
    if !text.contains("{{") && !includes {
        return std::borrow::Cow::Borrowed(text);
    }
    let written = crate::images::rewrite_liquid(text, |_, liquid| {
        let source = super::plain_punctuation(liquid);
        // An include file of one line (a version badge): its text, its white-space
        // control marked for below.
        if let Some((line, _, _)) = includes.then(|| included_line(&source, vars)).flatten() {
            let text = crate::render::outline::decode(&crate::render::outline::strip_tags(&line));
            let before = if source.starts_with("{%-") {
                TRIM_BEFORE
            } else {
                ""
            };
            let after = if source.ends_with("-%}") {
                TRIM_AFTER
            } else {
                ""
            };
            return Some(format!("{before}{text}{after}"));
        }
        let written = super::super::liquid::resolve(&source, vars)?;
        let html = written_html(&source, &written, vars);
        Some(crate::render::outline::decode(
            &crate::render::outline::strip_tags(&html),
        ))
    });
    if !written.contains([TRIM_BEFORE_CHAR, TRIM_AFTER_CHAR]) {
        return written;
    }
    // The white space a tag's dashes take.
    let mut out = String::with_capacity(written.len());
    let mut trim_next = false;
    for piece in written.split_inclusive([TRIM_BEFORE_CHAR, TRIM_AFTER_CHAR]) {
        let mut piece = piece;
        if std::mem::take(&mut trim_next) {
            piece = piece.trim_start();
        }
        if let Some(text) = piece.strip_suffix(TRIM_BEFORE_CHAR) {
            out.push_str(text.trim_end());
        } else if let Some(text) = piece.strip_suffix(TRIM_AFTER_CHAR) {
            out.push_str(text);
            trim_next = true;
        } else {
            out.push_str(piece);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Marks, in [`resolved_text`], where a tag's dash takes the white space before or after
/// it.
const TRIM_BEFORE_CHAR: char = '\u{1b}';
const TRIM_AFTER_CHAR: char = '\u{1c}';
const TRIM_BEFORE: &str = "\u{1b}";
const TRIM_AFTER: &str = "\u{1c}";

/// The one line an include tag `token` writes, its parameters filled, when the site
/// gives its file and the file is one line; with the file's name and whether it ends with
/// a line break.
fn included_line(
    token: &str,
    vars: &super::super::liquid::SiteVars,
) -> Option<(String, String, bool)> {
    let tag = super::super::liquid::include_tag(token)?;
    let file = vars.include(&tag.name)?;
    let line = super::super::liquid::with_include_params(file, &tag.params);
    let line = line.trim();
    (!line.contains('\n')).then(|| (line.to_string(), tag.name, file.ends_with('\n')))
}
