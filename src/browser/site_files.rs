//! A site folder read through `<input type=file webkitdirectory>`, for browsers that
//! cannot write to a folder (Firefox, Safari): the files as the browser hands them over,
//! read-only.

use wasm_bindgen::JsCast;

use super::site_folder::DiskFile;
use super::BrowserError;

/// The files of a folder the writer chose, by path relative to the folder.
pub struct PickedFolder {
    name: String,
    files: Vec<(String, web_sys::File)>,
}

impl PickedFolder {
    /// The folder chosen in `input` (`None` when nothing was chosen).
    pub fn from_input(input: &web_sys::HtmlInputElement) -> Option<PickedFolder> {
        let list = input.files()?;
        let mut name = String::new();
        let mut files = Vec::new();
        for i in 0..list.length() {
            let Some(file) = list.item(i) else { continue };
            // `webkitRelativePath` is `folder/sub/file.md`: the chosen folder first.
            let relative = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
                .ok()
                .and_then(|p| p.as_string())
                .unwrap_or_default();
            let Some((root, path)) = relative.split_once('/') else {
                continue;
            };
            if name.is_empty() {
                name = root.to_string();
            }
            files.push((path.to_string(), file));
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        (!files.is_empty()).then_some(PickedFolder { name, files })
    }

    /// The chosen folder's name.
    pub fn name(&self) -> String {
        self.name.clone()
    }

    /// The names of the files and folders at its root.
    pub fn root_names(&self) -> (Vec<String>, Vec<String>) {
        let (mut files, mut dirs) = (Vec::new(), Vec::new());
        for (path, _) in &self.files {
            match path.split_once('/') {
                Some((dir, _)) => {
                    if dirs.last().is_none_or(|d: &String| d != dir)
                        && !dirs.iter().any(|d| d == dir)
                    {
                        dirs.push(dir.to_string());
                    }
                }
                None => files.push(path.clone()),
            }
        }
        (files, dirs)
    }

    /// The paths for which `keep` holds, in folders all of which `walk` allows.
    pub fn find_files(
        &self,
        walk: impl Fn(&str) -> bool,
        keep: impl Fn(&str) -> bool,
    ) -> Vec<String> {
        self.files
            .iter()
            .map(|(path, _)| path)
            .filter(|path| {
                let folders: Vec<usize> = path.match_indices('/').map(|(i, _)| i).collect();
                folders.iter().all(|&end| walk(&path[..end])) && keep(path)
            })
            .cloned()
            .collect()
    }

    /// The files at `paths`, read all at once.
    pub async fn read_all(&self, paths: &[&str]) -> Vec<Result<DiskFile, BrowserError>> {
        let files = paths
            .iter()
            .map(|path| {
                self.files
                    .iter()
                    .find(|(p, _)| p == path)
                    .map(|(_, f)| f.clone())
                    .ok_or(BrowserError::Js(format!("{path} is not in the folder")))
            })
            .collect();
        super::site_folder::read_files(files).await
    }

    /// The file at `path`, `None` when the folder did not hold it.
    pub async fn read(&self, path: &str) -> Result<Option<DiskFile>, BrowserError> {
        let Some((_, file)) = self.files.iter().find(|(p, _)| p == path) else {
            return Ok(None);
        };
        let bytes = super::images::bytes_of(file.unchecked_ref()).await?;
        Ok(Some(DiskFile {
            bytes,
            modified_ms: file.last_modified(),
        }))
    }
}
