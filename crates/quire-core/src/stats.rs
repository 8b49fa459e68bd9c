//! Words, characters and reading time of a post's body.
//!
//! Only the text a reader sees counts: the front matter, Markdown markup, link targets and
//! raw HTML tags are left out. Runs of CJK ideographs, kana and hangul have no spaces
//! between words, so each such character counts as one word, as word processors do.

use pulldown_cmark::{Event, Parser, TagEnd};

use crate::{post, render};

/// Words a reader gets through in a minute, for Latin-script text.
pub const WORDS_PER_MINUTE: usize = 200;

/// Figures about a body's visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Words, counting each CJK character as one.
    pub words: usize,
    /// Visible characters (Unicode scalar values), whitespace included.
    pub chars: usize,
    /// Whole minutes to read, rounded up; 0 only for an empty body.
    pub reading_minutes: usize,
}

/// Stats of the body of a whole post source.
pub fn post_stats(src: &str) -> Stats {
    text_stats(post::split(src).body_text(src))
}

/// Stats of a Markdown text.
pub fn text_stats(markdown: &str) -> Stats {
    let mut counter = Counter::default();
    for event in Parser::new_ext(markdown, render::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => counter.push(&t),
            Event::SoftBreak | Event::HardBreak => counter.push(" "),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => counter.push("\n"),
            _ => {}
        }
    }
    counter.finish()
}

#[derive(Default)]
struct Counter {
    words: usize,
    chars: usize,
    in_word: bool,
}

impl Counter {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            self.chars += 1;
            if is_cjk(c) {
                self.words += 1;
                self.in_word = false;
            } else if c.is_alphanumeric() {
                if !self.in_word {
                    self.words += 1;
                    self.in_word = true;
                }
            } else if c.is_whitespace() || !is_word_joiner(c) {
                self.in_word = false;
            }
        }
    }

    fn finish(self) -> Stats {
        Stats {
            words: self.words,
            chars: self.chars,
            reading_minutes: self.words.div_ceil(WORDS_PER_MINUTE),
        }
    }
}

/// Characters that keep a word together: "don't", "e-mail", "3.14".
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',' | '_')
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // hiragana, katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xAC00..=0xD7AF   // hangul syllables
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0x20000..=0x2FA1F // CJK extensions B and later
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("one two  three", 3),
            ("# Title\n\nSome *emphasis* here.", 4),
            ("[a link](https://example.com/very/long/url) text", 3),
            ("don't stop e-mail 3.14", 4),
            ("<span class=\"x\">inside</span>", 1),
            ("日本語の文章", 6),
            ("Rust 和 WebAssembly", 3),
            ("- one\n- two\n", 2),
            ("`code span` word", 3),
        ];
        for (md, words) in cases {
            assert_eq!(text_stats(md).words, *words, "{md:?}");
        }
    }

    #[test]
    fn front_matter_is_not_counted() {
        let s = post_stats("---\ntitle: Four words in title\n---\nJust two");
        assert_eq!(s.words, 2);
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(text_stats("").reading_minutes, 0);
        assert_eq!(text_stats("word").reading_minutes, 1);
        let long = "word ".repeat(WORDS_PER_MINUTE + 1);
        assert_eq!(text_stats(&long).reading_minutes, 2);
    }
}
