//! The Jekyll flavour's reading of a body's text before it is parsed: what kramdown and
//! Liquid read otherwise than CommonMark, blanked or marked with control characters,
//! offsets unchanged, so that the one pulldown-cmark pass reads it as Jekyll does.

use std::borrow::Cow;

use super::super::super::jekyll;
use super::super::super::liquid;

/// The text marked for the parser, with what the marking found.
#[derive(Default)]
pub(super) struct Marked<'a> {
    pub text: Cow<'a, str>,
    /// The `{::options parse_block_html=...}` switches, where each stands.
    pub switches: Vec<(usize, bool)>,
    /// kramdown extensions (`{::comment}`, ...) or abbreviations: they pair or apply
    /// across blocks, so only a whole render sees them right.
    pub extensions: bool,
    /// The body defines abbreviations (`*[HTML]: ...`).
    pub abbreviations: bool,
    /// The body has `{% comment %}` tags, which pair across blocks.
    pub comments: bool,
    /// What the body's `{% capture %}` tags hold, by name, when it has any.
    pub captured: Option<Vec<(String, String)>>,
    /// Link definitions taken out of the text, the whole body's: those right under a
    /// footnote's line, and those CommonMark cannot read.
    pub note_definitions: String,
    /// Punctuation beside a `*` run was marked (`jekyll::mark_flanking_punctuation`).
    pub punctuation_marked: bool,
}

/// `text` as the parser reads it in the Jekyll flavour (in the others, as it is), the
/// backticks of `fences` (fences that never close, found by an earlier parse) as text.
pub(super) fn mark<'t>(text: &'t str, jekyll: bool, fences: &[(usize, usize)]) -> Marked<'t> {
    if !jekyll {
        return Marked {
            text: Cow::Borrowed(text),
            ..Marked::default()
        };
    }
    let abbreviations = jekyll::may_define(text);
    let extensions = text.contains("{::") || text.contains("{:/") || abbreviations;
    let switches = if extensions {
        jekyll::block_html_switches(text)
    } else {
        Vec::new()
    };
    // A Liquid comment is nothing to Jekyll: written as spaces.
    let comments = liquid::has_comment_tag(text);
    // A fence with no closing fence after it is text (first: the steps below look for
    // code by its fences).
    let mut text = jekyll::mark_fences(text, fences);
    if comments {
        text = then(text, liquid::blank_comments);
    }
    // A capture writes nothing where it stands (written as spaces); what it holds is
    // written where the body reads it (`{{ x }}`, `{{ x | markdownify }}`, an include's
    // `x=x`).
    let captured = match liquid::blank_captures(&text) {
        Some((blanked, captured)) => {
            text = Cow::Owned(blanked);
            Some(captured)
        }
        None => None,
    };
    text = then(text, jekyll::hide_extensions);
    // An assignment writes nothing: over link definitions, its line is a blank line.
    text = then(text, jekyll::blank_assigns_over_definitions);
    // A link definition right under a footnote's line is the body's (kramdown ends the
    // note there): hidden where it is, known to the whole body.
    let (under_notes, mut note_definitions) = jekyll::definitions_under_notes(&text);
    if let Cow::Owned(under_notes) = under_notes {
        text = Cow::Owned(under_notes);
    }
    // So is a definition CommonMark cannot read (`[a]: /x/b)`, `[a]: /f g`): kramdown's
    // destination is the rest of its line.
    let (readable, definitions) = jekyll::unreadable_definitions(&text);
    if let Cow::Owned(readable) = readable {
        text = Cow::Owned(readable);
    }
    note_definitions.push_str(&definitions);
    // `{% highlight %}` blocks parse as the code blocks Jekyll makes of them; Liquid links
    // (`{{ site.baseurl }}/x.png`) as links.
    text = then(text, liquid::highlight_fences);
    text = then(text, crate::images::protect_links);
    // kramdown's destinations hold spaces (`![a](step 1.png)`).
    text = then(text, crate::images::protect_spaced_links);
    // A `|` in a code span of a table row stays in its cell.
    text = then(text, jekyll::mark_table_code_pipes);
    // A backtick with white space on both sides starts no code span.
    text = then(text, jekyll::mark_lone_backticks);
    // kramdown's math is `$$` only: a lone `$` is text.
    text = then(text, jekyll::mark_lone_dollars);
    // kramdown escapes fewer characters: a backslash before `,` `;` `/`... is kept.
    text = then(text, jekyll::mark_kept_escapes);
    // Punctuation beside a `*` run does not stop it opening or closing emphasis.
    let flanked = jekyll::mark_flanking_punctuation(&text);
    let punctuation_marked = matches!(flanked, Cow::Owned(_));
    if let Cow::Owned(flanked) = flanked {
        text = Cow::Owned(flanked);
    }
    Marked {
        text,
        switches,
        extensions,
        abbreviations,
        comments,
        captured,
        note_definitions,
        punctuation_marked,
    }
}

/// `text` after `step`, kept as it is (and where it is) when the step changes nothing.
pub(super) fn then<'a>(
    text: Cow<'a, str>,
    step: impl FnOnce(&str) -> Cow<'_, str>,
) -> Cow<'a, str> {
    let changed = match step(&text) {
        Cow::Owned(changed) => Some(changed),
        Cow::Borrowed(_) => None,
    };
    changed.map_or(text, Cow::Owned)
}
