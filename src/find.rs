//! Find and replace in the editor: the find bar's query, the match count (counted a piece
//! at a time, so a 1 MB post never freezes the page), and the actions, each made through
//! [`EditorState::apply`] so the browser's undo reverts it ("replace all" in one step).

use std::rc::Rc;

use leptos::prelude::*;
use quire_core::find::{BadPattern, Count, Counter, Finder, Query};

use crate::browser;
use crate::state::EditorState;

/// Bytes searched per piece of counting before the page may paint.
const PIECE: usize = 128 * 1024;

/// What the match count says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Tally {
    /// Nothing to look for.
    #[default]
    Idle,
    /// Still counting: so far.
    Counting(Count),
    /// Counted; which one is selected, when one is.
    Done(Count, Option<usize>),
    /// The pattern does not read.
    Bad(String),
    /// What the last "replace all" did.
    Replaced(usize),
}

impl Tally {
    /// Why the pattern does not read, when it does not.
    pub fn problem(&self) -> Option<String> {
        match self {
            Tally::Bad(message) => Some(message.clone()),
            _ => None,
        }
    }

    /// The words shown beside the find field.
    pub fn label(&self) -> String {
        match self {
            Tally::Idle => String::new(),
            Tally::Counting(so_far) => format!("Counting… {so_far}"),
            Tally::Done(count, _) if count.found == 0 => "No matches".into(),
            Tally::Done(count, Some(index)) => format!("{index} of {count}"),
            Tally::Done(count, None) if count.found == 1 && !count.more => "1 match".into(),
            Tally::Done(count, None) => format!("{count} matches"),
            Tally::Bad(_) => "Not a valid pattern".into(),
            Tally::Replaced(1) => "Replaced 1 match".into(),
            Tally::Replaced(n) => format!("Replaced {n} matches"),
        }
    }
}

/// The find bar's state, in context.
#[derive(Clone, Copy)]
pub struct Find {
    state: EditorState,
    /// The bar is shown.
    pub open: RwSignal<bool>,
    /// Fires when the find field should take the focus (Ctrl+F again, say).
    pub focus_field: Trigger,
    pub pattern: RwSignal<String>,
    pub replacement: RwSignal<String>,
    pub case_sensitive: RwSignal<bool>,
    pub whole_word: RwSignal<bool>,
    pub regex: RwSignal<bool>,
    /// Only the body, not the front matter.
    pub body_only: RwSignal<bool>,
    pub tally: RwSignal<Tally>,
    /// Bumped to stop a count under way (the text or the query changed).
    generation: StoredValue<u64>,
    /// The next settle keeps the tally ("replace all" said what it did).
    keep_tally: StoredValue<bool>,
}

impl Find {
    pub fn new(state: EditorState) -> Find {
        let find = Find {
            state,
            open: RwSignal::new(false),
            focus_field: Trigger::new(),
            pattern: RwSignal::new(String::new()),
            replacement: RwSignal::new(String::new()),
            case_sensitive: RwSignal::new(false),
            whole_word: RwSignal::new(false),
            regex: RwSignal::new(false),
            body_only: RwSignal::new(false),
            tally: RwSignal::new(Tally::Idle),
            generation: StoredValue::new(0),
            keep_tally: StoredValue::new(false),
        };
        // Any change of the text stops a count under way (a keystroke costs only this).
        Effect::new(move |_| {
            state.source.track();
            find.generation.update_value(|g| *g += 1);
        });
        // Count again when the query changes.
        Effect::new(move |_| {
            find.query();
            find.body_only.track();
            find.keep_tally.set_value(false);
            if find.open.get() {
                find.recount(None);
            }
        });
        // And when typing pauses (but a "replaced" message stays until the next change).
        Effect::new(move |previous: Option<()>| {
            state.settled.track();
            let keep = find.keep_tally.get_value();
            find.keep_tally.set_value(false);
            if previous.is_some() && !keep && find.open.get_untracked() {
                find.recount(None);
            }
        });
        find
    }

    /// The query as the bar says it (tracked).
    fn query(self) -> Query {
        Query {
            pattern: self.pattern.get(),
            case_sensitive: self.case_sensitive.get(),
            whole_word: self.whole_word.get(),
            regex: self.regex.get(),
        }
    }

    /// The compiled query, read without tracking (for the actions).
    fn finder(self) -> Result<Option<Rc<Finder>>, BadPattern> {
        let query = untrack(|| self.query());
        Finder::new(&query).map(|f| f.map(Rc::new))
    }

    /// The part of `src` searched.
    fn range(self, src: &str) -> core::ops::Range<usize> {
        if self.body_only.get_untracked() {
            quire_core::split(src).body
        } else {
            0..src.len()
        }
    }

    /// Show the bar with the editor's selection (one line of it) as the pattern, and
    /// focus its field.
    pub fn show(self) {
        if let Some(selection) = self.state.selection() {
            let picked = self.state.source.with_untracked(|src| {
                src.get(selection)
                    .filter(|s| !s.is_empty() && !s.contains('\n') && s.len() <= 200)
                    .map(str::to_string)
            });
            if let Some(picked) = picked {
                self.pattern.set(picked);
            }
        }
        self.open.set(true);
        self.focus_field.notify();
    }

    /// Hide the bar and give the editor the focus back (its selection kept).
    pub fn close(self) {
        self.open.set(false);
        self.generation.update_value(|g| *g += 1);
        if let Some(textarea) = self.state.editor.get_untracked() {
            let _ = textarea.focus();
        }
    }

    /// Count the matches again, a piece at a time; `mark` is the start of the selected
    /// match, whose place is then shown.
    fn recount(self, mark: Option<usize>) {
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        let finder = match self.finder() {
            Ok(Some(finder)) => finder,
            Ok(None) => {
                self.tally.set(Tally::Idle);
                return;
            }
            Err(err) => {
                self.tally.set(Tally::Bad(err.to_string()));
                return;
            }
        };
        let range = self.state.source.with_untracked(|src| self.range(src));
        let counter = match mark {
            Some(mark) => Counter::with_mark(range, mark),
            None => Counter::new(range),
        };
        self.tally.set(Tally::Counting(Count::default()));
        leptos::task::spawn_local(async move {
            let mut counter = counter;
            loop {
                if self.generation.try_get_value() != Some(generation) {
                    return;
                }
                let done = self
                    .state
                    .source
                    .with_untracked(|src| counter.step(&finder, src, PIECE));
                if let Some(count) = done {
                    self.tally.set(Tally::Done(count, counter.index()));
                    return;
                }
                self.tally.set(Tally::Counting(counter.so_far()));
                browser::yield_to_browser().await;
            }
        });
    }

    /// Select the next match after the selection (or the previous one before it), and
    /// bring it into the editor's view.
    pub fn go(self, forward: bool) {
        let Ok(Some(finder)) = self.finder() else {
            return;
        };
        let Some(selection) = self.state.selection() else {
            return;
        };
        let found = self.state.source.with_untracked(|src| {
            let range = self.range(src);
            if forward {
                // Past the selected match (an empty one: past its place).
                let from = if selection.is_empty() {
                    selection.end
                } else {
                    selection.start + 1
                };
                let from = (from..=src.len())
                    .find(|&i| src.is_char_boundary(i))
                    .unwrap_or(src.len());
                finder.next(src, range, from)
            } else {
                finder.previous(src, range, selection.start)
            }
        });
        match found {
            Some(found) => {
                self.state.reveal(found.clone());
                self.recount(Some(found.start));
            }
            None => self.tally.set(Tally::Done(Count::default(), None)),
        }
    }

    /// Replace the selected match and select the next one (or, when the selection is
    /// not a match, select the next match first).
    pub fn replace_one(self) {
        let Ok(Some(finder)) = self.finder() else {
            return;
        };
        let Some(selection) = self.state.selection() else {
            return;
        };
        let with = self.replacement.get_untracked();
        let change = self.state.source.with_untracked(|src| {
            finder.replace_one(src, self.range(src), selection.clone(), &with)
        });
        match change {
            Some(change) => {
                let next = change.selection.clone();
                self.state.apply(change);
                if let Some(next) = next.filter(|n| !n.is_empty()) {
                    self.state.reveal(next.clone());
                    self.recount(Some(next.start));
                }
            }
            None => self.go(true),
        }
    }

    /// Replace every match, as one edit (one undo).
    pub fn replace_all(self) {
        let Ok(Some(finder)) = self.finder() else {
            return;
        };
        let with = self.replacement.get_untracked();
        let done = self
            .state
            .source
            .with_untracked(|src| finder.replace_all(src, self.range(src), &with));
        match done {
            Some((change, replaced)) => {
                self.state.apply_large(change);
                self.generation.update_value(|g| *g += 1);
                self.keep_tally.set_value(true);
                self.tally.set(Tally::Replaced(replaced));
            }
            None => self.tally.set(Tally::Done(Count::default(), None)),
        }
    }
}

/// The find bar's state from context.
pub fn use_find() -> Find {
    expect_context::<Find>()
}
