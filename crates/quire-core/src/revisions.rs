//! Revisions: bounded snapshots of a draft's text, kept beside the draft in localStorage.
//!
//! A draft's history is a small JSON record under `quire/v1/revs/<id>` (which snapshots
//! exist: when, why, how big, a checksum), and each snapshot's text is stored as-is under
//! `quire/v1/rev/<id>/<n>`. Snapshots are taken when a draft is opened, every
//! [`PERIOD_MS`] of editing, and before anything replaces or deletes the text; a snapshot
//! equal to the newest one is not taken again. A history keeps at most [`MAX_REVISIONS`]
//! snapshots and [`MAX_BYTES`] of text (always at least the newest snapshot).
//! The history of a deleted draft stays, so the draft can be brought back from it.

use serde::{Deserialize, Serialize};

use crate::drafts::VERSION;

/// The most snapshots one draft keeps.
pub const MAX_REVISIONS: usize = 20;
/// The most text (bytes) one draft's snapshots keep, the newest snapshot excepted.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Editing time between periodic snapshots.
pub const PERIOD_MS: f64 = 5.0 * 60.0 * 1000.0;
/// The prefix of every history key.
pub const HISTORY_PREFIX: &str = "quire/v1/revs/";

/// The key of a draft's history.
pub fn history_key(draft_id: &str) -> String {
    format!("{HISTORY_PREFIX}{draft_id}")
}

/// The key of one snapshot's text.
pub fn text_key(draft_id: &str, n: u32) -> String {
    format!("quire/v1/rev/{draft_id}/{n}")
}

/// The draft id a history key belongs to, if `key` is one.
pub fn draft_of_history_key(key: &str) -> Option<&str> {
    key.strip_prefix(HISTORY_PREFIX).filter(|id| !id.is_empty())
}

/// Why a snapshot was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The draft was opened.
    Opened,
    /// Editing went on for [`PERIOD_MS`] since the last snapshot.
    Periodic,
    /// The draft was about to be deleted.
    BeforeDelete,
    /// A revision was about to be restored over it.
    BeforeRestore,
    /// Another tab's text was about to replace it.
    BeforeTakeNewer,
    /// The version of its site file changed on disk was about to replace it.
    BeforeTakeDisk,
    /// Its site file as it was on disk, before the draft was written over it.
    DiskVersion,
    /// A reason written by a newer Quire.
    #[serde(other)]
    Other,
}

impl Reason {
    /// Words for the revision list.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Opened => "opened",
            Reason::Periodic => "while editing",
            Reason::BeforeDelete => "before delete",
            Reason::BeforeRestore => "before restoring a revision",
            Reason::BeforeTakeNewer => "before taking another tab's text",
            Reason::BeforeTakeDisk => "before taking the site file's version",
            Reason::DiskVersion => "the site file's version, before it was overwritten",
            Reason::Other => "snapshot",
        }
    }
}

/// One snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// Its number within the draft's history, part of its text's key.
    pub n: u32,
    /// When it was taken, milliseconds since the Unix epoch.
    pub at_ms: f64,
    /// Size of its text in bytes.
    pub bytes: usize,
    /// CRC-32 of its text, to skip a snapshot equal to the newest.
    pub crc: u32,
    /// Why it was taken.
    pub reason: Reason,
    /// The stored images its text uses, by site path (left out when none).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub images: crate::images::ImageMap,
}

/// A draft's snapshots, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Format version (the drafts' [`VERSION`]).
    pub version: u32,
    /// The draft's title at the last snapshot (names a deleted draft).
    pub title: String,
    /// The number the next snapshot gets.
    pub next: u32,
    /// The line endings of the draft's file (kept for a deleted draft brought back).
    #[serde(flatten)]
    pub endings: crate::line_endings::StoredEndings,
    /// The snapshots, oldest first.
    pub revisions: Vec<Revision>,
}

impl Default for History {
    fn default() -> Self {
        History {
            version: VERSION,
            title: String::new(),
            next: 1,
            endings: Default::default(),
            revisions: Vec::new(),
        }
    }
}

/// Why a stored history cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// Not JSON of the expected shape.
    Corrupt(String),
    /// Written by a newer Quire; left untouched.
    FutureVersion(u32),
}

impl core::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            HistoryError::Corrupt(why) => write!(f, "a revision history is damaged ({why})"),
            HistoryError::FutureVersion(v) => {
                write!(f, "a revision history is from a newer Quire (format {v})")
            }
        }
    }
}

/// Read a stored history.
pub fn parse(json: &str) -> Result<History, HistoryError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| HistoryError::Corrupt(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| HistoryError::Corrupt("no version".into()))?;
    match u32::try_from(version).unwrap_or(u32::MAX) {
        VERSION => serde_json::from_value(value).map_err(|e| HistoryError::Corrupt(e.to_string())),
        v => Err(HistoryError::FutureVersion(v)),
    }
}

/// The history as stored.
pub fn write(history: &History) -> String {
    serde_json::to_string(history).unwrap_or_default()
}

/// The checksum a snapshot records.
pub fn checksum(text: &str) -> u32 {
    crc32fast::hash(text.as_bytes())
}

/// What taking a snapshot asks of storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    /// Store the text under this snapshot number.
    pub n: u32,
    /// Remove these older snapshots' texts (the bounds were reached).
    pub dropped: Vec<u32>,
}

impl History {
    /// The newest snapshot.
    pub fn newest(&self) -> Option<&Revision> {
        self.revisions.last()
    }

    /// Whether a periodic snapshot is due at `now_ms`.
    pub fn periodic_due(&self, now_ms: f64) -> bool {
        self.newest()
            .is_none_or(|newest| now_ms - newest.at_ms >= PERIOD_MS)
    }

    /// Record a snapshot of `text`, unless it equals the newest one. The caller stores the
    /// text under [`Taken::n`] and removes the dropped ones.
    pub fn take(&mut self, text: &str, title: &str, now_ms: f64, reason: Reason) -> Option<Taken> {
        self.take_with_images(text, title, now_ms, reason, Default::default())
    }

    /// [`History::take`], recording the stored images the text uses.
    pub fn take_with_images(
        &mut self,
        text: &str,
        title: &str,
        now_ms: f64,
        reason: Reason,
        images: crate::images::ImageMap,
    ) -> Option<Taken> {
        let crc = checksum(text);
        if self
            .newest()
            .is_some_and(|r| r.crc == crc && r.bytes == text.len())
        {
            return None;
        }
        let n = self.next;
        self.next = self.next.saturating_add(1);
        self.title = title.to_string();
        self.revisions.push(Revision {
            n,
            at_ms: now_ms,
            bytes: text.len(),
            crc,
            reason,
            images,
        });
        Some(Taken {
            n,
            dropped: self.trim(),
        })
    }

    /// Drop the oldest snapshots beyond the bounds; returns their numbers.
    fn trim(&mut self) -> Vec<u32> {
        let mut dropped = Vec::new();
        let older_bytes = |revs: &[Revision]| -> usize {
            revs.split_last()
                .map(|(_, older)| older.iter().map(|r| r.bytes).sum())
                .unwrap_or(0)
        };
        while self.revisions.len() > 1
            && (self.revisions.len() > MAX_REVISIONS || older_bytes(&self.revisions) > MAX_BYTES)
        {
            dropped.push(self.revisions.remove(0).n);
        }
        dropped
    }

    /// Forget a snapshot (its text is gone); `false` if there was none numbered `n`.
    pub fn forget(&mut self, n: u32) -> bool {
        let before = self.revisions.len();
        self.revisions.retain(|r| r.n != n);
        self.revisions.len() != before
    }

    /// Keep only the newest snapshot, to free space; returns the dropped numbers.
    pub fn keep_newest_only(&mut self) -> Vec<u32> {
        let keep = self.revisions.len().saturating_sub(1);
        self.revisions.drain(..keep).map(|r| r.n).collect()
    }

    /// The snapshots newest first, as listed.
    pub fn listed(&self) -> impl Iterator<Item = &Revision> {
        self.revisions.iter().rev()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_text_is_not_taken_twice() {
        let mut h = History::default();
        assert_eq!(
            h.take("a", "T", 1.0, Reason::Opened),
            Some(Taken {
                n: 1,
                dropped: vec![]
            })
        );
        assert_eq!(h.take("a", "T", 2.0, Reason::Periodic), None);
        assert_eq!(
            h.take("b", "T2", 3.0, Reason::Periodic).map(|t| t.n),
            Some(2)
        );
        assert_eq!(h.title, "T2");
        assert_eq!(
            h.take("a", "T", 4.0, Reason::BeforeRestore).map(|t| t.n),
            Some(3)
        );
        let order: Vec<u32> = h.listed().map(|r| r.n).collect();
        assert_eq!(order, [3, 2, 1]);
    }

    #[test]
    fn count_is_bounded_oldest_dropped() {
        let mut h = History::default();
        let mut dropped = Vec::new();
        for i in 0..(MAX_REVISIONS + 5) {
            let taken = h
                .take(&format!("text {i}"), "T", i as f64, Reason::Periodic)
                .expect("different text");
            dropped.extend(taken.dropped);
        }
        assert_eq!(h.revisions.len(), MAX_REVISIONS);
        assert_eq!(dropped, [1, 2, 3, 4, 5]);
        assert_eq!(h.revisions[0].n, 6);
    }

    #[test]
    fn bytes_are_bounded_but_the_newest_is_always_kept() {
        let mut h = History::default();
        let big = "x".repeat(MAX_BYTES / 2 + 1);
        h.take(&big, "T", 1.0, Reason::Opened);
        h.take(&format!("{big}y"), "T", 2.0, Reason::Periodic);
        // Two older ones over the limit: the oldest goes.
        let taken = h.take(&format!("{big}z"), "T", 3.0, Reason::Periodic);
        assert_eq!(taken.map(|t| t.dropped), Some(vec![1]));
        let huge = "h".repeat(3 * MAX_BYTES);
        let taken = h.take(&huge, "T", 4.0, Reason::Periodic);
        assert_eq!(taken.map(|t| t.dropped), Some(vec![2]));
        assert_eq!(
            h.revisions.len(),
            2,
            "newest huge one kept, one older under the limit"
        );
        assert_eq!(h.keep_newest_only(), vec![3]);
        assert_eq!(h.newest().map(|r| r.bytes), Some(huge.len()));
    }

    #[test]
    fn periodic_snapshots_follow_the_period() {
        let mut h = History::default();
        assert!(h.periodic_due(0.0), "no snapshot yet");
        h.take("a", "T", 1000.0, Reason::Opened);
        assert!(!h.periodic_due(1000.0 + PERIOD_MS - 1.0));
        assert!(h.periodic_due(1000.0 + PERIOD_MS));
    }

    #[test]
    fn stored_form_round_trips_and_bad_forms_are_reported() {
        let mut h = History::default();
        h.take("a", "Title \"quoted\"", 1.5, Reason::BeforeDelete);
        assert_eq!(parse(&write(&h)), Ok(h.clone()));
        h.endings.crlf = true;
        assert_eq!(
            parse(&write(&h)).map(|h| h.endings.get().is_crlf()),
            Ok(true)
        );
        h.endings = (&crate::line_endings::for_editor("a\rb\nc\r").endings).into();
        assert_eq!(parse(&write(&h)), Ok(h.clone()));
        h.endings = Default::default();
        assert!(matches!(parse("{"), Err(HistoryError::Corrupt(_))));
        assert!(matches!(
            parse("{\"version\":1}"),
            Err(HistoryError::Corrupt(_))
        ));
        assert_eq!(
            parse("{\"version\":7}"),
            Err(HistoryError::FutureVersion(7))
        );
        let future_reason = write(&h).replace("before-delete", "before-something-new");
        assert_eq!(
            parse(&future_reason).map(|h| h.revisions[0].reason),
            Ok(Reason::Other)
        );
        assert!(h.forget(1));
        assert!(!h.forget(1));
    }

    #[test]
    fn keys() {
        assert_eq!(history_key("ab-1"), "quire/v1/revs/ab-1");
        assert_eq!(text_key("ab-1", 3), "quire/v1/rev/ab-1/3");
        assert_eq!(draft_of_history_key("quire/v1/revs/ab-1"), Some("ab-1"));
        assert_eq!(draft_of_history_key("quire/v1/revs/"), None);
        assert_eq!(draft_of_history_key("quire/v1/draft/ab-1"), None);
    }

    proptest! {
        #[test]
        fn bounds_always_hold(sizes in proptest::collection::vec(0usize..400_000, 1..60)) {
            let mut h = History::default();
            let mut live: Vec<u32> = Vec::new();
            for (i, size) in sizes.iter().enumerate() {
                let text = format!("{i}{}", "x".repeat(*size));
                if let Some(taken) = h.take(&text, "T", i as f64, Reason::Periodic) {
                    live.push(taken.n);
                    live.retain(|n| !taken.dropped.contains(n));
                }
                prop_assert!(h.revisions.len() <= MAX_REVISIONS);
                let older: usize = h.revisions[..h.revisions.len() - 1].iter().map(|r| r.bytes).sum();
                prop_assert!(older <= MAX_BYTES);
                prop_assert_eq!(h.newest().map(|r| r.bytes), Some(text.len()));
                let kept: Vec<u32> = h.revisions.iter().map(|r| r.n).collect();
                prop_assert_eq!(&kept, &live, "storage is told exactly what to drop");
            }
        }
    }
}
