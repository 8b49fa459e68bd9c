//! kramdown's end-of-block marker: a line holding only `^` ends the block it follows (a
//! list, a quotation, a paragraph) and is itself not written, so two lists, or a list and
//! the code under it, stay apart. CommonMark reads it as text, most often a lazy line of
//! the block above: such a block is read again in its parts.

use core::ops::Range;

/// Whether `line` (without its line break) is an end-of-block marker.
fn is_marker(line: &str) -> bool {
    line.strip_prefix('^')
        .is_some_and(|rest| rest.trim_end_matches('\r').trim().is_empty())
}

/// The parts of `block` between its end-of-block marker lines, in order, when it has any.
pub(crate) fn end_of_block_parts(block: &str) -> Option<Vec<Range<usize>>> {
    let mut parts = Vec::new();
    let mut from = 0;
    let mut at = 0;
    for line in block.split_inclusive('\n') {
        if is_marker(line.trim_end_matches('\n')) {
            parts.push(from..at);
            from = at + line.len();
        }
        at += line.len();
    }
    if parts.is_empty() {
        return None;
    }
    parts.push(from..block.len());
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them (ruby-lang.org's older news posts use the marker).
    #[test]
    fn the_marker_ends_a_block_and_is_not_written() {
        assert_eq!(
            jekyll("* a\n* b\n^\n\n* c\n"),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ul>\n<li>c</li>\n</ul>\n"
        );
        assert_eq!(
            jekyll("* patch.diff\n^\n\n    --- a/x\n    +++ b/x\n"),
            "<ul>\n<li>patch.diff</li>\n</ul>\n<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>--- a/x\n+++ b/x\n</code></pre></div></div>\n"
        );
        assert_eq!(
            jekyll("Term\n: def\n^\n\nNext.\n"),
            "<dl>\n<dt>Term</dt>\n<dd>def</dd>\n</dl>\n<p>Next.</p>\n"
        );
        assert_eq!(
            jekyll("Para\n^\n\n^\n\nNext ^ not a marker\n"),
            "<p>Para</p>\n<p>Next ^ not a marker</p>\n"
        );
    }
}
