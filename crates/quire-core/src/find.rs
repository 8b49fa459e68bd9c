//! Find and replace in the post's source: plain text or a regular expression, with or
//! without case, whole words only, over the whole post or a part of it (the body).
//!
//! Plain text folds case character by character (Unicode simple folding, so `Über`
//! finds `über`); regular expressions are `regex-lite`'s (the `regex` crate's syntax,
//! with ASCII case folding and ASCII `\w`, `\b`, small in the wasm bundle). Whole-word
//! matching is the same for both: a match must not have a letter, digit or `_` just
//! before or after it. Counting stops at [`COUNT_LIMIT`], so a common word in a 1 MB
//! post is counted in bounded time; "replace all" is one [`Change`], so one undo.

use core::ops::Range;

use crate::edit::{Change, TextEdit};

/// Matches counted at most (the count then reads "10000+").
pub const COUNT_LIMIT: usize = 10_000;

/// What to look for, as the find bar says it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The text or pattern.
    pub pattern: String,
    /// Letters must have the same case.
    pub case_sensitive: bool,
    /// Only matches that are whole words.
    pub whole_word: bool,
    /// `pattern` is a regular expression.
    pub regex: bool,
}

/// A pattern that is not a valid regular expression, with the parser's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPattern(pub String);

impl core::fmt::Display for BadPattern {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "This regular expression does not read: {}", self.0)
    }
}

impl std::error::Error for BadPattern {}

enum Matcher {
    /// Case-sensitive text.
    Exact(String),
    /// Text compared with case folded, as folded characters.
    Folded(Vec<char>),
    Regex(regex_lite::Regex),
}

/// A compiled [`Query`].
pub struct Finder {
    matcher: Matcher,
    whole_word: bool,
}

/// How many matches there are (at most [`COUNT_LIMIT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count {
    /// Matches counted.
    pub found: usize,
    /// Counting stopped at the limit: there are more.
    pub more: bool,
}

impl core::fmt::Display for Count {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}{}", self.found, if self.more { "+" } else { "" })
    }
}

/// `c` compared without case: its lowercase when that is one character.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first char boundary after `at` (or the end).
fn next_boundary(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(text.len().max(at + 1), |c| at + c.len_utf8())
}

impl Finder {
    /// Compile `query`; `None` for an empty pattern (nothing to find).
    pub fn new(query: &Query) -> Result<Option<Finder>, BadPattern> {
        if query.pattern.is_empty() {
            return Ok(None);
        }
        let matcher = if query.regex {
            let regex = regex_lite::RegexBuilder::new(&query.pattern)
                .case_insensitive(!query.case_sensitive)
                .multi_line(true)
                .build()
                .map_err(|err| BadPattern(compact(&err.to_string())))?;
            Matcher::Regex(regex)
        } else if query.case_sensitive {
            Matcher::Exact(query.pattern.clone())
        } else {
            Matcher::Folded(query.pattern.chars().map(fold).collect())
        };
        Ok(Some(Finder {
            matcher,
            whole_word: query.whole_word,
        }))
    }

    /// The first match, whole words only or not, starting at or after `from` and ending
    /// at or before `end` (both byte offsets of `text`).
    pub fn find_at(&self, text: &str, from: usize, end: usize) -> Option<Range<usize>> {
        let end = end.min(text.len());
        let hay = text.get(..end)?;
        let mut at = from;
        while at <= end {
            let found = self.raw_find(hay, at)?;
            if !self.whole_word || is_whole_word(text, &found) {
                return Some(found);
            }
            at = next_boundary(text, found.start);
        }
        None
    }

    /// The first match in `hay` (cut at the search's end) starting at or after `from`.
    fn raw_find(&self, hay: &str, from: usize) -> Option<Range<usize>> {
        if from > hay.len() || !hay.is_char_boundary(from) {
            return None;
        }
        match &self.matcher {
            Matcher::Exact(needle) => hay[from..]
                .find(needle.as_str())
                .map(|i| from + i..from + i + needle.len()),
            Matcher::Folded(needle) => find_folded(hay, from, needle),
            Matcher::Regex(regex) => regex.find_at(hay, from).map(|m| m.range()),
        }
    }

    /// Every match in `range` of `text`, in order, each starting after the last one ended
    /// (an empty match right after a match is skipped, as `regex` does).
    pub fn matches<'a>(
        &'a self,
        text: &'a str,
        range: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let end = range.end.min(text.len());
        let mut at = range.start;
        let mut last_end = None;
        core::iter::from_fn(move || loop {
            if at > end {
                return None;
            }
            let found = self.find_at(text, at, end)?;
            at = if found.is_empty() {
                next_boundary(text, found.end)
            } else {
                found.end
            };
            if found.is_empty() && last_end == Some(found.start) {
                continue;
            }
            last_end = Some(found.end);
            return Some(found);
        })
    }

    /// How many matches `range` of `text` holds, counting at most [`COUNT_LIMIT`].
    pub fn count(&self, text: &str, range: Range<usize>) -> Count {
        let found = self.matches(text, range).take(COUNT_LIMIT + 1).count();
        Count {
            found: found.min(COUNT_LIMIT),
            more: found > COUNT_LIMIT,
        }
    }

    /// The match after `after` (the first one starting at or after it, not the empty
    /// match at `after` itself once a match ended there), wrapping to the start of
    /// `range`.
    pub fn next(&self, text: &str, range: Range<usize>, after: usize) -> Option<Range<usize>> {
        let from = after.clamp(range.start, range.end);
        self.find_at(text, from, range.end)
            .or_else(|| self.find_at(text, range.start, range.end))
    }

    /// The last match starting before `before`, wrapping to the end of `range`.
    pub fn previous(&self, text: &str, range: Range<usize>, before: usize) -> Option<Range<usize>> {
        let mut last = None;
        let mut wrapped = None;
        for found in self.matches(text, range) {
            if found.start < before {
                last = Some(found);
            } else {
                wrapped = Some(found);
            }
        }
        last.or(wrapped)
    }

    /// Which match `selected` is, counting from 1 (none when it is not one).
    pub fn index_of(
        &self,
        text: &str,
        range: Range<usize>,
        selected: &Range<usize>,
    ) -> Option<usize> {
        self.matches(text, range)
            .take(COUNT_LIMIT)
            .take_while(|m| m.start <= selected.start)
            .position(|m| m == *selected)
            .map(|i| i + 1)
    }

    /// What match `found` of `text` is replaced with: `with` as it is, or for a regular
    /// expression with `$1`, `${name}` and `$$` expanded.
    pub fn replacement(&self, text: &str, found: &Range<usize>, with: &str) -> String {
        match &self.matcher {
            Matcher::Regex(regex) => {
                let hay = text.get(..found.end).unwrap_or(text);
                match regex.captures_at(hay, found.start) {
                    Some(caps) if caps.get(0).map(|m| m.range()) == Some(found.clone()) => {
                        let mut out = String::new();
                        caps.expand(with, &mut out);
                        out
                    }
                    _ => with.to_string(),
                }
            }
            _ => with.to_string(),
        }
    }

    /// Replace `selected` if it is a match, and select the next match after it; `None`
    /// when `selected` is not a match (the caller then finds one first).
    pub fn replace_one(
        &self,
        text: &str,
        range: Range<usize>,
        selected: Range<usize>,
        with: &str,
    ) -> Option<Change> {
        let is_match = self.find_at(text, selected.start, range.end.min(text.len()))
            == Some(selected.clone())
            && selected.start >= range.start;
        if !is_match {
            return None;
        }
        let replacement = self.replacement(text, &selected, with);
        let edit = TextEdit::new(selected.clone(), replacement.clone());
        let after = edit.apply(text);
        let new_end = selected.start + replacement.len();
        let range_end = (range.end + new_end).saturating_sub(selected.end);
        let next = self.next(&after, range.start..range_end, new_end);
        Some(match next {
            Some(found) => Change::selecting(edit, found),
            None => Change::selecting(edit, new_end..new_end),
        })
    }

    /// Every match in `range` replaced, as one edit from the first match to the end of
    /// the last (so one undo), and how many were replaced; `None` when there is none.
    pub fn replace_all(
        &self,
        text: &str,
        range: Range<usize>,
        with: &str,
    ) -> Option<(Change, usize)> {
        let mut out = String::new();
        let mut first = None;
        let mut last_end = 0;
        let mut replaced = 0;
        for found in self.matches(text, range) {
            match first {
                None => first = Some(found.start),
                Some(_) => out.push_str(&text[last_end..found.start]),
            }
            out.push_str(&self.replacement(text, &found, with));
            last_end = found.end;
            replaced += 1;
        }
        let start = first?;
        let edit = TextEdit::new(start..last_end, out);
        Some((Change::new(edit), replaced))
    }
}

/// Counting done a piece at a time, so that the app can let the page paint between the
/// pieces of a long post: each [`Counter::step`] searches about `budget` bytes.
#[derive(Debug, Clone)]
pub struct Counter {
    at: usize,
    end: usize,
    last_end: Option<usize>,
    found: usize,
    overlap: usize,
    /// The start of the selected match, whose place in the count is wanted.
    mark: Option<usize>,
    /// Which match starts at `mark` (counting from 1), once counted.
    index: Option<usize>,
}

/// How far past a piece's end its search looks, so that a match crossing the cut is
/// still seen whole (a match longer than this across a cut may be counted wrong).
const OVERLAP: usize = 4096;

impl Counter {
    /// Count the matches in `range`.
    pub fn new(range: Range<usize>) -> Counter {
        Counter {
            at: range.start,
            end: range.end,
            last_end: None,
            found: 0,
            overlap: OVERLAP,
            mark: None,
            index: None,
        }
    }

    /// Count the matches in `range`, and say which one starts at `mark`.
    pub fn with_mark(range: Range<usize>, mark: usize) -> Counter {
        Counter {
            mark: Some(mark),
            ..Counter::new(range)
        }
    }

    /// Which match starts at the mark (from 1), once counted that far.
    pub fn index(&self) -> Option<usize> {
        self.index
    }

    /// A counter whose pieces look only `overlap` bytes past their end (for tests).
    #[cfg(test)]
    fn with_overlap(range: Range<usize>, overlap: usize) -> Counter {
        Counter {
            overlap,
            ..Counter::new(range)
        }
    }

    /// The matches counted so far.
    pub fn so_far(&self) -> Count {
        Count {
            found: self.found.min(COUNT_LIMIT),
            more: self.found > COUNT_LIMIT,
        }
    }

    /// Count the matches starting in the next `budget` bytes of `text`; the count once
    /// all is counted (or the limit is passed).
    pub fn step(&mut self, finder: &Finder, text: &str, budget: usize) -> Option<Count> {
        let end = self.end.min(text.len());
        let mut cut = (self.at + budget.max(1)).min(end);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let reach = (cut + self.overlap).min(end);
        let mut reach_end = reach;
        while !text.is_char_boundary(reach_end) {
            reach_end -= 1;
        }
        let last = reach_end >= end;
        loop {
            if self.at > end {
                return Some(self.so_far());
            }
            let found = match finder.find_at(text, self.at, reach_end) {
                None if last => {
                    self.at = end + 1;
                    return Some(self.so_far());
                }
                Some(found) if last || found.start < cut => found,
                _ => {
                    self.at = self.at.max(cut);
                    return None;
                }
            };
            self.at = if found.is_empty() {
                next_boundary(text, found.end)
            } else {
                found.end
            };
            if found.is_empty() && self.last_end == Some(found.start) {
                continue;
            }
            self.last_end = Some(found.end);
            self.found += 1;
            if self.mark == Some(found.start) {
                self.index = Some(self.found);
            }
            if self.found > COUNT_LIMIT {
                return Some(self.so_far());
            }
        }
    }
}

/// Whether nothing word-like touches `found` on either side.
fn is_whole_word(text: &str, found: &Range<usize>) -> bool {
    let before = text[..found.start].chars().next_back();
    let after = text[found.end..].chars().next();
    !before.is_some_and(is_word) && !after.is_some_and(is_word)
}

/// The first match of the folded `needle` in `hay` at or after `from`.
fn find_folded(hay: &str, from: usize, needle: &[char]) -> Option<Range<usize>> {
    let (&first, rest) = needle.split_first()?;
    for (i, c) in hay[from..].char_indices() {
        if fold(c) != first {
            continue;
        }
        let start = from + i;
        let mut end = start + c.len_utf8();
        let mut chars = hay[end..].chars();
        let mut all = true;
        for &want in rest {
            match chars.next() {
                Some(c) if fold(c) == want => end += c.len_utf8(),
                _ => {
                    all = false;
                    break;
                }
            }
        }
        if all {
            return Some(start..end);
        }
    }
    None
}

/// The parser's message on one line, without its picture of the pattern.
fn compact(message: &str) -> String {
    let line = message
        .lines()
        .map(str::trim)
        .rfind(|l| l.starts_with("error:"))
        .map(|l| l.trim_start_matches("error:").trim());
    match line {
        Some(line) if !line.is_empty() => line.to_string(),
        _ => message.lines().next().unwrap_or(message).trim().to_string(),
    }
}

#[cfg(test)]
mod tests;
