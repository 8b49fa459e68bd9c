//! The passes of a parse: the text parsed once, and again while a pass finds what the
//! one before it left to mark (Jekyll flavour: fences that never close,
//! `jekyll/unclosed_fences.rs`; definitions a hidden label leaked from).

use super::super::super::jekyll;
use super::super::super::{Flavour, Settings};
use super::super::Parsed;
use super::{line_start, parse_marked_with};

/// [`parse`](super::parse) on text whose control characters are the renderer's own marks.
///
/// In the Jekyll flavour the earlier of two same-labelled definitions are hidden
/// (`last_definitions.rs`), told from one CommonMark parse; should a hidden line come out
/// as text after all (a line kramdown reads otherwise, such as a bare `###` above it, made
/// it part of a paragraph), its hidden label would show. Then the text is parsed again
/// with nothing hidden, as CommonMark keeps definitions.
pub(super) fn parse_marked(text: &str, definitions: Option<&str>, settings: &Settings) -> Parsed {
    // Jekyll flavour: the fences left open that never close marked as text, and the text
    // parsed again (`jekyll/unclosed_fences.rs`), a few times at most: a hostile post of
    // many is then rendered whole, its later ones as CommonMark reads them.
    const MOST_PASSES: usize = 8;
    let jekyll = settings.flavour == Flavour::Jekyll;
    let mut open: Vec<jekyll::OpenFence> = Vec::new();
    // Those with a language and no closing line below at all are known without a parse.
    let known = if jekyll {
        jekyll::never_closing_with_language(text)
    } else {
        Vec::new()
    };
    let mut marked: Vec<(usize, usize)> = known.clone();
    let mut pass = 0;
    loop {
        pass += 1;
        let mut parsed = parse_fences_marked(text, definitions, settings, &marked);
        for fence in std::mem::take(&mut parsed.open_fences) {
            if !open.iter().any(|o| o.at == fence.at) {
                open.push(fence);
            }
        }
        let mut never = known.clone();
        never.extend(jekyll::never_closing(&open).iter().map(|f| (f.at, f.run)));
        if never.len() == marked.len() || pass == MOST_PASSES {
            parsed.whole |= never.len() != marked.len();
            let starts = open.iter().map(|f| f.at).chain(known.iter().map(|k| k.0));
            parsed.unclosed = starts.map(|at| line_start(text, at)).collect();
            parsed.unclosed.sort_unstable();
            return parsed;
        }
        marked = never;
    }
}

/// [`parse_marked`] with the backticks of the fences at `fences` marked as text.
fn parse_fences_marked(
    text: &str,
    definitions: Option<&str>,
    settings: &Settings,
    fences: &[(usize, usize)],
) -> Parsed {
    let parsed = parse_marked_with(text, definitions, settings, true, fences);
    let leaked = |parsed: &Parsed| {
        parsed.blocks.iter().any(|b| {
            b.html.contains('\0')
                || b.template.contains('\0')
                || b.note.as_ref().is_some_and(|n| n.content.contains('\0'))
        })
    };
    if settings.flavour == Flavour::Jekyll && leaked(&parsed) {
        return parse_marked_with(text, definitions, settings, false, fences);
    }
    parsed
}
