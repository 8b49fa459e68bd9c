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

/// The bytes `x` and `y` start with alike. Equal runs are skipped a 64-bit word at a time
/// (a keystroke in a long post compares the whole text; comparing slices calls `memcmp`,
/// which in WebAssembly compares a byte at a time: ten times slower).
pub(crate) fn common_prefix(x: &[u8], y: &[u8]) -> usize {
    let (a, _) = x.as_chunks::<8>();
    let (b, _) = y.as_chunks::<8>();
    let whole = a
        .iter()
        .zip(b)
        .take_while(|(p, q)| u64::from_ne_bytes(**p) == u64::from_ne_bytes(**q))
        .count()
        * 8;
    whole
        + x[whole..]
            .iter()
            .zip(&y[whole..])
            .take_while(|(p, q)| p == q)
            .count()
}

/// The bytes `x` and `y` end with alike (possibly overlapping the common prefix).
pub(crate) fn common_suffix(x: &[u8], y: &[u8]) -> usize {
    let (_, a) = x.as_rchunks::<8>();
    let (_, b) = y.as_rchunks::<8>();
    let whole = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(p, q)| u64::from_ne_bytes(**p) == u64::from_ne_bytes(**q))
        .count()
        * 8;
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

    /// A long text changed at each byte in turn: the words compared at once meet the
    /// change at every place in them, and the ends are found to the byte.
    #[test]
    fn a_change_anywhere_in_a_long_text_is_found_to_the_byte() {
        let base: String = (0..300)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        for at in 0..base.len() {
            let mut changed = base.clone().into_bytes();
            changed[at] = b'#';
            let changed = String::from_utf8(changed).unwrap_or_default();
            assert_eq!(
                common_ends(&base, &changed),
                (at, base.len() - at - 1),
                "at {at}"
            );
            assert_eq!(common_ends(&base, &base), (base.len(), 0));
        }
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
