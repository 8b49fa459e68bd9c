//! Link destinations holding an escaped parenthesis (`[Metro](/wiki/Metro_(design\))`):
//! kramdown counts it as any other parenthesis and keeps the backslash in the address,
//! CommonMark takes the escape, so the parentheses no longer pair and the link is text.
//! Such a block is read again with those destinations written in angle brackets, where
//! CommonMark reads them as kramdown does.

/// `block` with each inline link destination that holds `\(` or `\)` (as kramdown
/// delimits it: parentheses counted, escaped or not, up to the one closing the link, or
/// white space before a title) written as `<...>` with its backslashes kept; `None` when
/// there is none.
pub(crate) fn escaped_paren_destinations(block: &str) -> Option<String> {
    if !block.contains("\\(") && !block.contains("\\)") {
        return None;
    }
    let bytes = block.as_bytes();
    let mut out = String::with_capacity(block.len() + 8);
    let mut done = 0;
    let mut from = 0;
    while let Some(i) = block[from..].find("](") {
        let start = from + i + 2;
        from = start;
        let mut nest = 1usize;
        let mut at = start;
        let mut end = None;
        while at < bytes.len() {
            match bytes[at] {
                b'\n' | b'\r' | b'<' | b'>' => break,
                b'(' => nest += 1,
                b')' => {
                    nest -= 1;
                    if nest == 0 {
                        end = Some(at);
                        break;
                    }
                }
                b' ' | b'\t' if block[at..].trim_start().starts_with(['"', '\'']) => {
                    end = Some(at);
                    break;
                }
                _ => {}
            }
            at += 1;
        }
        let Some(end) = end else { continue };
        let dest = &block[start..end];
        if dest.contains("\\(") || dest.contains("\\)") {
            out.push_str(&block[done..start]);
            out.push('<');
            out.push_str(&dest.replace('\\', "\\\\"));
            out.push('>');
            done = end;
        }
        from = end;
    }
    if done == 0 {
        return None;
    }
    out.push_str(&block[done..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them (Hux Blog).
    #[test]
    fn an_escaped_parenthesis_counts_in_a_destination() {
        assert_eq!(
            jekyll("See [Metro](http://en.wikipedia.org/wiki/Metro_(design_language\\)) here.\n"),
            "<p>See <a href=\"http://en.wikipedia.org/wiki/Metro_(design_language\\)\">Metro</a> here.</p>\n"
        );
        assert_eq!(
            jekyll("[b](/p(q)) and [c](/r\\(s \"T\") end\n"),
            "<p><a href=\"/p(q)\">b</a> and <a href=\"/r\\(s\" title=\"T\">c</a> end</p>\n"
        );
    }
}
