//! Export-all backups: every draft as a `.md` file (named as its download would be) in one
//! zip, with `manifest.json` listing each draft's id, title, time and line breaks; and
//! reading such a backup back. Each draft's revisions go beside it, as
//! `revisions/<draft file stem>/<n>.md`, listed under the draft in the manifest. The zip stores files uncompressed (method 0), which keeps
//! the writer small and the files readable by any unzip tool.

use core::fmt;

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::date::LocalDateTime;
use crate::export::{file_name, NameStyle};
use crate::images::{self, ImageMap};

/// The manifest's format version.
pub const VERSION: u32 = 1;

/// One draft in a backup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupDraft {
    /// The draft's id where it was backed up.
    pub id: String,
    /// Its title when backed up.
    pub title: String,
    /// Its last change, milliseconds since the Unix epoch.
    pub updated_ms: f64,
    /// The line endings of the draft's file (its `.md` file in the zip is written with
    /// them, and they are read back from it).
    #[serde(flatten)]
    pub endings: crate::line_endings::StoredEndings,
    /// The draft's text (not in the manifest: it is the `.md` file).
    #[serde(skip)]
    pub text: String,
    /// The draft's revisions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<BackupRevision>,
    /// The stored images its text uses, by site path; their bytes are in `images/`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub images: ImageMap,
}

/// One revision of a draft in a backup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupRevision {
    /// Its file in the zip (set when the backup is written).
    #[serde(default)]
    pub file: String,
    /// When it was taken, milliseconds since the Unix epoch.
    pub at_ms: f64,
    /// Why it was taken.
    pub reason: crate::revisions::Reason,
    /// Its text exactly as stored (not in the manifest: it is the file).
    #[serde(skip)]
    pub text: String,
    /// The stored images its text uses, by site path.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub images: ImageMap,
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    version: u32,
    drafts: Vec<ManifestEntry>,
}

#[derive(Serialize, Deserialize)]
struct ManifestEntry {
    file: String,
    #[serde(flatten)]
    draft: BackupDraft,
}

/// Why a file is not a backup this version can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// Not a zip, or a damaged one.
    NotZip(String),
    /// No `manifest.json`, or one that does not read.
    NoManifest(String),
    /// Written by a newer Quire.
    FutureVersion(u32),
    /// An entry is compressed, or its bytes do not match their checksum.
    BadEntry(String),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::NotZip(why) => {
                write!(f, "the file is not a Quire backup (not a zip: {why})")
            }
            BackupError::NoManifest(why) => write!(f, "the file is not a Quire backup ({why})"),
            BackupError::FutureVersion(v) => write!(
                f,
                "the backup was made by a newer Quire (format {v}); update Quire to read it"
            ),
            BackupError::BadEntry(name) => {
                write!(f, "the backup is damaged ({name} cannot be read)")
            }
        }
    }
}

/// The zip of `drafts`. `today` names drafts without a date.
pub fn write(drafts: &[BackupDraft], today: &LocalDateTime) -> Vec<u8> {
    write_with_images(drafts, &BTreeMap::new(), today)
}

/// The zip of `drafts` and of the images they use (by SHA-256), each image once as
/// `images/<sha256>.<ext>`.
pub fn write_with_images(
    drafts: &[BackupDraft],
    images: &BTreeMap<String, Vec<u8>>,
    today: &LocalDateTime,
) -> Vec<u8> {
    let mut zip = ZipWriter::default();
    for (sha256, bytes) in images {
        let ext = images::kind_of(bytes).map_or("bin", images::Kind::ext);
        zip.add(&format!("images/{sha256}.{ext}"), bytes);
    }
    let mut used = std::collections::HashSet::new();
    let mut entries = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let base = file_name(&draft.text, today, NameStyle::Jekyll);
        let stem = base.strip_suffix(".md").unwrap_or(&base).to_string();
        let mut name = format!("{stem}.md");
        let mut n = 2;
        while !used.insert(name.clone()) {
            name = format!("{stem}-{n}.md");
            n += 1;
        }
        let bytes = crate::export::export_text(&draft.text, &draft.endings.get());
        zip.add(&name, bytes.as_bytes());
        let folder = name.strip_suffix(".md").unwrap_or(&name).to_string();
        let mut draft = draft.clone();
        for (i, revision) in draft.revisions.iter_mut().enumerate() {
            revision.file = format!("revisions/{folder}/{}.md", i + 1);
            zip.add(&revision.file, revision.text.as_bytes());
        }
        entries.push(ManifestEntry { file: name, draft });
    }
    let manifest = Manifest {
        version: VERSION,
        drafts: entries,
    };
    let json = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    zip.add("manifest.json", json.as_bytes());
    zip.finish()
}

/// The drafts of a backup, texts as the editor holds them (their files' line endings in
/// `endings`).
pub fn read(bytes: &[u8]) -> Result<Vec<BackupDraft>, BackupError> {
    Ok(read_with_images(bytes)?.0)
}

/// [`read`], with the images of the backup by SHA-256 (each checked against its name).
#[allow(clippy::type_complexity)]
pub fn read_with_images(
    bytes: &[u8],
) -> Result<(Vec<BackupDraft>, BTreeMap<String, Vec<u8>>), BackupError> {
    let files = read_zip(bytes)?;
    let mut images = BTreeMap::new();
    for (name, bytes) in &files {
        let Some(file) = name.strip_prefix("images/") else {
            continue;
        };
        let sha256 = file.split('.').next().unwrap_or_default();
        if !images::is_sha256(sha256) || images::sha256_hex(bytes) != sha256 {
            return Err(BackupError::BadEntry(name.clone()));
        }
        images.insert(sha256.to_string(), bytes.clone());
    }
    let manifest = files
        .iter()
        .find(|(name, _)| name == "manifest.json")
        .ok_or_else(|| BackupError::NoManifest("it has no manifest.json".into()))?;
    let manifest: serde_json::Value = serde_json::from_slice(&manifest.1)
        .map_err(|e| BackupError::NoManifest(format!("manifest.json: {e}")))?;
    let version = manifest["version"].as_u64().unwrap_or(0) as u32;
    if version > VERSION {
        return Err(BackupError::FutureVersion(version));
    }
    let manifest: Manifest = serde_json::from_value(manifest)
        .map_err(|e| BackupError::NoManifest(format!("manifest.json: {e}")))?;
    let text_of = |file: &str| -> Result<String, BackupError> {
        let bytes = files
            .iter()
            .find(|(name, _)| name == file)
            .map(|(_, b)| b)
            .ok_or_else(|| BackupError::BadEntry(file.to_string()))?;
        String::from_utf8(bytes.clone()).map_err(|_| BackupError::BadEntry(file.to_string()))
    };
    manifest
        .drafts
        .into_iter()
        .map(|entry| {
            let editor = crate::import::for_editor(&text_of(&entry.file)?);
            let revisions = entry
                .draft
                .revisions
                .into_iter()
                .map(|r| {
                    Ok(BackupRevision {
                        text: text_of(&r.file)?,
                        ..r
                    })
                })
                .collect::<Result<_, BackupError>>()?;
            Ok(BackupDraft {
                text: editor.text,
                endings: (&editor.endings).into(),
                revisions,
                ..entry.draft
            })
        })
        .collect::<Result<Vec<_>, BackupError>>()
        .map(|drafts| (drafts, images))
}

/// The (name, bytes) of each entry of a zip of stored (uncompressed) files, as backups
/// and bundles are written.
pub fn entries(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, BackupError> {
    read_zip(bytes)
}

/// What restoring a backup does with one of its drafts, given the drafts stored now.
#[derive(Debug, Clone, PartialEq)]
pub enum Restore {
    /// The same draft with the same text is stored: nothing to do.
    Same,
    /// No draft with this id: store it as it is.
    New(BackupDraft),
    /// A draft with this id but other text: store the backup's as a copy with `id`.
    Copy {
        /// The new id for the copy.
        id: String,
        /// The backed-up draft.
        draft: BackupDraft,
    },
}

/// Decide for each backed-up draft; `stored` gives the stored text of an id, `new_id`
/// makes ids for copies. Nothing stored is ever overwritten.
pub fn plan(
    drafts: Vec<BackupDraft>,
    stored: impl Fn(&str) -> Option<String>,
    mut new_id: impl FnMut() -> String,
) -> Vec<Restore> {
    drafts
        .into_iter()
        .map(|draft| match stored(&draft.id) {
            None => Restore::New(draft),
            Some(text) if text == draft.text => Restore::Same,
            Some(_) => Restore::Copy {
                id: new_id(),
                draft,
            },
        })
        .collect()
}

/// A zip of stored (uncompressed) entries.
#[derive(Default)]
pub(crate) struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl ZipWriter {
    /// Add file `name` with `data`.
    pub(crate) fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32fast::hash(data);
        let offset = self.out.len() as u32;
        let size = data.len() as u32;
        let name = name.as_bytes();
        // Local file header.
        self.out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        self.out.extend_from_slice(&[20, 0, 0, 0x08, 0, 0]); // version, flags (UTF-8 names), method 0
        self.out.extend_from_slice(&[0, 0, 0x21, 0]); // time 00:00, date 1980-01-01
        self.out.extend_from_slice(&crc.to_le_bytes());
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out
            .extend_from_slice(&(name.len() as u16).to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(data);
        // Central directory entry.
        self.central
            .extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        self.central
            .extend_from_slice(&[20, 0, 20, 0, 0, 0x08, 0, 0]);
        self.central.extend_from_slice(&[0, 0, 0x21, 0]);
        self.central.extend_from_slice(&crc.to_le_bytes());
        self.central.extend_from_slice(&size.to_le_bytes());
        self.central.extend_from_slice(&size.to_le_bytes());
        self.central
            .extend_from_slice(&(name.len() as u16).to_le_bytes());
        self.central.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name);
        self.count += 1;
    }

    /// The zip's bytes.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.append(&mut self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]);
        self.out.extend_from_slice(&self.count.to_le_bytes());
        self.out.extend_from_slice(&self.count.to_le_bytes());
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&start.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The (name, bytes) of each stored entry, by the central directory. Offsets come from the
/// file, so they are added without overflow (a 32-bit wasm `usize` is as wide as they are).
pub(crate) fn read_zip(b: &[u8]) -> Result<Vec<(String, Vec<u8>)>, BackupError> {
    let bad = |why: &str| BackupError::NotZip(why.to_string());
    let end = (0..b.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(b, i) == Some(0x0605_4b50))
        .ok_or_else(|| bad("no end of central directory"))?;
    let count = u16_at(b, end + 10).ok_or_else(|| bad("short"))?;
    let mut at = u32_at(b, end + 16).ok_or_else(|| bad("short"))? as usize;
    let mut files = Vec::with_capacity(count);
    // A stored zip holds every entry's bytes once: entries that claim more in all than the
    // file has overlap (a zip bomb), and would take the page's memory.
    let mut total = 0usize;
    for _ in 0..count {
        if u32_at(b, at) != Some(0x0201_4b50) {
            return Err(bad("damaged central directory"));
        }
        let method = u16_at(b, at.saturating_add(10)).ok_or_else(|| bad("short"))?;
        let crc = u32_at(b, at.saturating_add(16)).ok_or_else(|| bad("short"))?;
        let size = u32_at(b, at.saturating_add(20)).ok_or_else(|| bad("short"))? as usize;
        let name_len = u16_at(b, at.saturating_add(28)).ok_or_else(|| bad("short"))?;
        let extra_len = u16_at(b, at.saturating_add(30)).ok_or_else(|| bad("short"))?;
        let comment_len = u16_at(b, at.saturating_add(32)).ok_or_else(|| bad("short"))?;
        let local = u32_at(b, at.saturating_add(42)).ok_or_else(|| bad("short"))? as usize;
        let name = b
            .get(at.saturating_add(46)..at.saturating_add(46 + name_len))
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .ok_or_else(|| bad("short"))?;
        if method != 0 {
            return Err(BackupError::BadEntry(name));
        }
        let local_name = u16_at(b, local.saturating_add(26)).ok_or_else(|| bad("short"))?;
        let local_extra = u16_at(b, local.saturating_add(28)).ok_or_else(|| bad("short"))?;
        let data_at = local.saturating_add(30 + local_name + local_extra);
        let data = b
            .get(data_at..data_at.saturating_add(size))
            .ok_or_else(|| BackupError::BadEntry(name.clone()))?;
        total = total.saturating_add(size);
        if total > b.len() {
            return Err(bad("its entries overlap"));
        }
        if crc32fast::hash(data) != crc {
            return Err(BackupError::BadEntry(name));
        }
        files.push((name, data.to_vec()));
        at = at.saturating_add(46 + name_len + extra_len + comment_len);
    }
    Ok(files)
}

#[cfg(test)]
mod tests;
