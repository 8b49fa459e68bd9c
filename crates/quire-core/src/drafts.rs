//! Draft records as they are kept in the browser's localStorage.
//!
//! Keys are namespaced and versioned: `quire/v1/index` holds a small JSON index (which
//! drafts exist, their titles, sizes, times, and which one is open), and each draft's text
//! is stored as-is under `quire/v1/draft/<id>`, so saving a 1 MB draft costs no JSON
//! escaping. An index from a newer version of Quire is never overwritten or deleted: it is
//! reported, and the app keeps working without it.

use serde::{Deserialize, Serialize};

use crate::line_endings::StoredEndings;

/// The current format version.
pub const VERSION: u32 = 1;
/// The key of the index.
pub const INDEX_KEY: &str = "quire/v1/index";
/// The prefix of every key Quire writes.
pub const NAMESPACE: &str = "quire/";

/// What Chromium and Firefox let one site keep in localStorage: 5 Mi UTF-16 code units,
/// keys included. A draft longer than this can never be saved there.
pub const STORAGE_LIMIT_UNITS: usize = 5 * 1024 * 1024;

/// Whether `text` could be saved in an otherwise empty localStorage.
pub fn could_fit(text: &str) -> bool {
    text.len() <= STORAGE_LIMIT_UNITS || text.encode_utf16().count() <= STORAGE_LIMIT_UNITS
}

/// The key of a draft's text.
pub fn draft_key(id: &str) -> String {
    format!("quire/v1/draft/{id}")
}

/// What the index says of one draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftMeta {
    /// Stable identifier, part of the storage key.
    pub id: String,
    /// The post's title when last saved.
    pub title: String,
    /// Last change, milliseconds since the Unix epoch.
    pub updated_ms: f64,
    /// Words in the body when last saved.
    pub words: usize,
    /// Size of the text in bytes.
    pub bytes: usize,
    /// The editor's caret (UTF-16 offset) when last saved.
    #[serde(default)]
    pub caret: u32,
    /// The editor's scroll position when last saved.
    #[serde(default)]
    pub scroll: f64,
    /// The line endings of the file the post came from, written back on export.
    #[serde(flatten)]
    pub endings: StoredEndings,
    /// The stored images its text uses, by site path (left out when none).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub images: crate::images::ImageMap,
    /// The file of a site folder it was opened from or published to (left out when none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<crate::site::SiteLink>,
}

/// The index of all drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Format version; see [`VERSION`].
    pub version: u32,
    /// The draft that was open last.
    pub current: Option<String>,
    /// Every draft, in no particular order.
    pub drafts: Vec<DraftMeta>,
    /// Entries that could not be read: skipped, and written back as they were.
    #[serde(skip)]
    pub damaged: Vec<serde_json::Value>,
}

impl Default for Index {
    fn default() -> Self {
        Index {
            version: VERSION,
            current: None,
            drafts: Vec::new(),
            damaged: Vec::new(),
        }
    }
}

/// Why a stored index cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// It is not JSON of the expected shape.
    Corrupt(String),
    /// A newer Quire wrote it; this one must not touch it.
    FutureVersion(u32),
}

impl core::fmt::Display for IndexError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            IndexError::Corrupt(why) => write!(f, "the saved draft index is damaged ({why})"),
            IndexError::FutureVersion(v) => write!(
                f,
                "the saved drafts were written by a newer Quire (format {v}); they are left untouched"
            ),
        }
    }
}

/// Read a stored index, migrating older formats to the current one.
pub fn parse_index(json: &str) -> Result<Index, IndexError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| IndexError::Corrupt(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| IndexError::Corrupt("no version".into()))?;
    match u32::try_from(version).unwrap_or(u32::MAX) {
        VERSION => read_v1(value),
        // Version 2 will be migrated here, field by field, from the older shape.
        v => Err(IndexError::FutureVersion(v)),
    }
}

/// Version 1, entry by entry: an entry that cannot be read is kept aside, not lost.
fn read_v1(value: serde_json::Value) -> Result<Index, IndexError> {
    #[derive(Deserialize)]
    struct Shape {
        current: Option<String>,
        drafts: Vec<serde_json::Value>,
    }
    let shape: Shape =
        serde_json::from_value(value).map_err(|e| IndexError::Corrupt(e.to_string()))?;
    let mut index = Index {
        current: shape.current,
        ..Index::default()
    };
    for entry in shape.drafts {
        match serde_json::from_value::<DraftMeta>(entry.clone()) {
            Ok(meta) => index.drafts.push(meta),
            Err(_) => index.damaged.push(entry),
        }
    }
    Ok(index)
}

/// The index as stored (damaged entries written back unchanged).
pub fn write_index(index: &Index) -> String {
    let fallback = || format!("{{\"version\":{VERSION},\"current\":null,\"drafts\":[]}}");
    let Ok(mut value) = serde_json::to_value(index) else {
        return fallback();
    };
    if let Some(list) = value.get_mut("drafts").and_then(|d| d.as_array_mut()) {
        list.extend(index.damaged.iter().cloned());
    }
    serde_json::to_string(&value).unwrap_or_else(|_| fallback())
}

impl Index {
    /// The entry of draft `id`.
    pub fn get(&self, id: &str) -> Option<&DraftMeta> {
        self.drafts.iter().find(|d| d.id == id)
    }

    /// Make `id` the draft that opens next time (none: a new one).
    pub fn set_current(&mut self, id: Option<&str>) {
        self.current = id.map(str::to_string);
    }

    /// Record `meta`, replacing the entry with its id. Which draft is current is not
    /// changed (see [`Index::set_current`]).
    pub fn upsert(&mut self, meta: DraftMeta) {
        match self.drafts.iter_mut().find(|d| d.id == meta.id) {
            Some(existing) => *existing = meta,
            None => self.drafts.push(meta),
        }
    }

    /// The drafts whose title contains `filter` (any case), newest first.
    pub fn listed(&self, filter: &str) -> Vec<DraftMeta> {
        let filter = filter.trim().to_lowercase();
        let mut list: Vec<DraftMeta> = self
            .drafts
            .iter()
            .filter(|d| filter.is_empty() || d.title.to_lowercase().contains(&filter))
            .cloned()
            .collect();
        list.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
        list
    }

    /// Take `id` out of the index; the current draft becomes none if it was this one.
    pub fn remove(&mut self, id: &str) -> Option<DraftMeta> {
        let at = self.drafts.iter().position(|d| d.id == id)?;
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        Some(self.drafts.remove(at))
    }

    /// The entry of the current draft.
    pub fn current_meta(&self) -> Option<&DraftMeta> {
        self.get(self.current.as_deref()?)
    }

    /// Bytes of text of every draft.
    pub fn total_bytes(&self) -> usize {
        self.drafts.iter().map(|d| d.bytes).sum()
    }
}

/// A new draft id from a time and a random number: sortable, and unique in practice.
pub fn new_id(now_ms: f64, random: f64) -> String {
    let time = now_ms.max(0.0) as u64;
    let noise = (random.clamp(0.0, 1.0) * 1_679_616.0) as u64; // 36^4
    format!("{}-{}", base36(time), base36(noise))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str) -> DraftMeta {
        DraftMeta {
            id: id.into(),
            title: "T".into(),
            updated_ms: 1.0,
            words: 2,
            bytes: 3,
            caret: 4,
            scroll: 5.0,
            endings: StoredEndings::default(),
            images: Default::default(),
            site: None,
        }
    }

    #[test]
    fn index_round_trips() {
        let mut index = Index::default();
        index.upsert(meta("a"));
        index.upsert(meta("b"));
        index.upsert(DraftMeta {
            title: "New".into(),
            ..meta("a")
        });
        assert_eq!(index.current, None, "recording a draft does not open it");
        index.set_current(Some("a"));
        assert_eq!(index.get("b").map(|m| m.id.as_str()), Some("b"));
        assert_eq!(index.get("zzz"), None);
        assert_eq!(index.total_bytes(), 6);
        assert_eq!(index.drafts.len(), 2);
        let text = write_index(&index);
        assert_eq!(parse_index(&text), Ok(index.clone()));
        assert_eq!(index.current_meta().map(|m| m.title.as_str()), Some("New"));
    }

    #[test]
    fn bad_and_future_indexes_are_reported() {
        assert!(matches!(
            parse_index("not json"),
            Err(IndexError::Corrupt(_))
        ));
        assert!(matches!(
            parse_index("{\"drafts\":[]}"),
            Err(IndexError::Corrupt(_))
        ));
        assert_eq!(
            parse_index("{\"version\":2,\"anything\":1}"),
            Err(IndexError::FutureVersion(2))
        );
        let old_fields = "{\"version\":1,\"current\":null,\"drafts\":[{\"id\":\"x\",\"title\":\"t\",\"updated_ms\":1,\"words\":0,\"bytes\":0}]}";
        assert_eq!(parse_index(old_fields).map(|i| i.drafts[0].caret), Ok(0));
        assert_eq!(
            parse_index(old_fields).map(|i| i.drafts[0].endings.get()),
            Ok(crate::line_endings::LineEndings::default())
        );
        // What every release has written for a CRLF file: the flag alone.
        let crlf = old_fields.replace("\"bytes\":0", "\"bytes\":0,\"crlf\":true");
        assert!(parse_index(&crlf).is_ok_and(|i| i.drafts[0].endings.get().is_crlf()));
    }

    #[test]
    fn mixed_line_endings_are_stored_beside_the_flag() {
        let file = crate::line_endings::for_editor("a\r\nb\r\nc\nd");
        let mut index = Index::default();
        index.upsert(DraftMeta {
            endings: (&file.endings).into(),
            ..meta("m")
        });
        let text = write_index(&index);
        assert!(
            text.contains("\"crlf\":true,\"endings\":\"CC2L1\""),
            "{text}"
        );
        let back = parse_index(&text).map(|i| i.drafts[0].endings.get());
        assert_eq!(back, Ok(file.endings));
    }

    #[test]
    fn damaged_entries_are_skipped_and_kept() {
        let stored = "{\"version\":1,\"current\":\"x\",\"drafts\":[\
            {\"id\":\"x\",\"title\":\"t\",\"updated_ms\":1,\"words\":0,\"bytes\":0},\
            {\"id\":7,\"title\":null},\"junk\"]}";
        let mut index = parse_index(stored).expect("the index itself is readable");
        assert_eq!(index.drafts.len(), 1);
        assert_eq!(index.damaged.len(), 2);
        index.upsert(meta("y"));
        let again = parse_index(&write_index(&index)).expect("written back");
        assert_eq!(again.damaged, index.damaged, "never deleted");
        assert_eq!(again.drafts.len(), 2);
    }

    #[test]
    fn listing_filters_and_sorts_newest_first() {
        let mut index = Index::default();
        for (id, title, t) in [
            ("a", "Rust notes", 3.0),
            ("b", "Travel", 5.0),
            ("c", "rusty nails", 4.0),
        ] {
            index.upsert(DraftMeta {
                title: title.into(),
                updated_ms: t,
                ..meta(id)
            });
        }
        index.set_current(Some("c"));
        let ids = |list: Vec<DraftMeta>| list.into_iter().map(|d| d.id).collect::<Vec<_>>();
        assert_eq!(ids(index.listed("")), ["b", "c", "a"]);
        assert_eq!(ids(index.listed(" RUST ")), ["c", "a"]);
        assert_eq!(index.remove("c").map(|d| d.id).as_deref(), Some("c"));
        assert_eq!(index.current, None, "c was current");
        assert_eq!(index.remove("zzz"), None);
    }

    #[test]
    fn only_texts_within_the_storage_limit_could_fit() {
        assert!(could_fit(""));
        assert!(could_fit(&"x".repeat(STORAGE_LIMIT_UNITS)));
        assert!(!could_fit(&"x".repeat(STORAGE_LIMIT_UNITS + 1)));
        // Three UTF-8 bytes, one UTF-16 unit: counted in units.
        assert!(could_fit(&"日".repeat(STORAGE_LIMIT_UNITS)));
        assert!(!could_fit(&"日".repeat(STORAGE_LIMIT_UNITS + 1)));
        // Four bytes, two units.
        assert!(!could_fit(&"😀".repeat(STORAGE_LIMIT_UNITS / 2 + 1)));
    }

    #[test]
    fn ids_are_keys() {
        let id = new_id(1_764_000_000_000.0, 0.5);
        assert!(
            id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "{id}"
        );
        assert_eq!(draft_key(&id), format!("quire/v1/draft/{id}"));
        assert_ne!(new_id(1.0, 0.1), new_id(1.0, 0.2));
    }
}
