//! Where two versions of a text differ: their common prefix and suffix, found a run of
//! bytes at a time (a keystroke in a long post compares the whole text). Used by the
//! block renderer, by line-ending tracking and to minimise edits.

/// Lengths of the longest common prefix and suffix of `a` and `b` that do not overlap,
/// on character boundaries.
pub fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut prefix = common_prefix(x, y);
    while !a.is_char_boundary(prefix) || !b.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let limit = x.len().min(y.len()) - prefix;
    let mut suffix = common_suffix(&x[prefix..], &y[prefix..]).min(limit);
    while !a.is_char_boundary(a.len() - suffix) || !b.is_char_boundary(b.len() - suffix) {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// Bytes compared at once: equal runs are skipped a chunk at a time (a keystroke in a long
/// post compares the whole text).
const RUN: usize = 64;

/// The bytes `x` and `y` start with alike.
pub(crate) fn common_prefix(x: &[u8], y: &[u8]) -> usize {
    let whole = x
        .chunks_exact(RUN)
        .zip(y.chunks_exact(RUN))
        .take_while(|(p, q)| p == q)
        .count()
        * RUN;
    whole
        + x[whole..]
            .iter()
            .zip(&y[whole..])
            .take_while(|(p, q)| p == q)
            .count()
}

/// The bytes `x` and `y` end with alike (possibly overlapping the common prefix).
pub(crate) fn common_suffix(x: &[u8], y: &[u8]) -> usize {
    let whole = x
        .rchunks_exact(RUN)
        .zip(y.rchunks_exact(RUN))
        .take_while(|(p, q)| p == q)
        .count()
        * RUN;
    whole
        + x[..x.len() - whole]
            .iter()
            .rev()
            .zip(y[..y.len() - whole].iter().rev())
            .take_while(|(p, q)| p == q)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same, a character at a time.
    fn plain(a: &str, b: &str) -> (usize, usize) {
        let prefix: usize = a
            .chars()
            .zip(b.chars())
            .take_while(|(p, q)| p == q)
            .map(|(p, _)| p.len_utf8())
            .sum();
        let suffix: usize = a[prefix..]
            .chars()
            .rev()
            .zip(b[prefix..].chars().rev())
            .take_while(|(p, q)| p == q)
            .map(|(p, _)| p.len_utf8())
            .sum();
        (prefix, suffix)
    }

    proptest! {
        #[test]
        fn ends_equal_a_plain_scan(
            base in "([a-c]{0,90}(é|日|😀)?){0,4}",
            at in 0usize..400,
            cut in 0usize..5,
            insert in "(x|é|日|😀|a){0,3}",
        ) {
            let chars: Vec<usize> = base.char_indices().map(|(i, _)| i).chain([base.len()]).collect();
            let start = chars[at % chars.len()];
            let end = chars[(at % chars.len() + cut).min(chars.len() - 1)];
            let edited = format!("{}{}{}", &base[..start], insert, &base[end..]);
            prop_assert_eq!(common_ends(&base, &edited), plain(&base, &edited));
        }
    }
}
