//! A site folder as the site actions use it: one Quire can write to (File System Access)
//! or one handed over read-only by a folder input, behind one set of calls.

use std::rc::Rc;

use quire_core::site::{self, SiteKind};

use crate::browser::site_files::PickedFolder;
use crate::browser::site_folder::{self, DiskFile, SiteFolder, Stat};
use crate::browser::BrowserError;

/// A site folder: one Quire can write to, or one a browser without that handed over
/// read-only.
#[derive(Clone)]
pub(super) enum Folder {
    Disk(SiteFolder),
    Picked(Rc<PickedFolder>),
}

impl Folder {
    pub(super) fn name(&self) -> String {
        match self {
            Folder::Disk(f) => f.name(),
            Folder::Picked(f) => f.name(),
        }
    }

    pub(super) async fn root_names(&self) -> Result<(Vec<String>, Vec<String>), BrowserError> {
        match self {
            Folder::Disk(f) => site_folder::root_names(f).await,
            Folder::Picked(f) => Ok(f.root_names()),
        }
    }

    pub(super) async fn find_posts(&self, kind: SiteKind) -> Result<Vec<Post>, BrowserError> {
        let walk = |dir: &str| site::walks(kind, dir);
        let keep = |file: &str| site::is_post(kind, file);
        Ok(match self {
            Folder::Disk(f) => site_folder::find_files(f, walk, keep)
                .await?
                .into_iter()
                .map(Post::Found)
                .collect(),
            Folder::Picked(f) => f
                .find_files(walk, keep)
                .into_iter()
                .map(Post::Path)
                .collect(),
        })
    }

    /// Posts found by [`Folder::find_posts`] (all of one kind), read all at once.
    pub(super) async fn read_posts(&self, posts: &[Post]) -> Vec<Result<DiskFile, BrowserError>> {
        let found: Vec<&site_folder::Found> = posts
            .iter()
            .filter_map(|p| match p {
                Post::Found(found) => Some(found),
                Post::Path(_) => None,
            })
            .collect();
        if !found.is_empty() {
            return site_folder::read_found(&found).await;
        }
        let paths: Vec<&str> = posts.iter().map(Post::path).collect();
        match self {
            Folder::Picked(f) => f.read_all(&paths).await,
            Folder::Disk(_) => Vec::new(),
        }
    }

    pub(super) async fn read(&self, path: &str) -> Result<Option<DiskFile>, BrowserError> {
        match self {
            Folder::Disk(f) => site_folder::read(f, path).await,
            Folder::Picked(f) => f.read(path).await,
        }
    }

    pub(super) async fn stat(&self, path: &str) -> Result<Option<Stat>, BrowserError> {
        match self {
            Folder::Disk(f) => site_folder::stat(f, path).await,
            Folder::Picked(f) => Ok(f.read(path).await?.map(|file| Stat {
                size: file.bytes.len() as u64,
                modified_ms: file.modified_ms,
            })),
        }
    }

    pub(super) async fn write(&self, path: &str, bytes: &[u8]) -> Result<Stat, BrowserError> {
        match self {
            Folder::Disk(f) => site_folder::write(f, path, bytes).await,
            Folder::Picked(_) => Err(BrowserError::Unsupported("writing into a folder")),
        }
    }
}

/// A post file found in a folder: with its handle, or only its path.
pub(super) enum Post {
    Found(site_folder::Found),
    Path(String),
}

impl Post {
    pub(super) fn path(&self) -> &str {
        match self {
            Post::Found(found) => &found.path,
            Post::Path(path) => path,
        }
    }
}
