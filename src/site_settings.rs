//! The site's configuration as the app uses it: read from the open site folder, or
//! imported alone (`site-config-import`, for writers without a folder) and remembered in
//! this browser; and what follows from it for the open post: its URL as the site will
//! publish it (`post-url`), the values it inherits from the config's defaults, and the
//! excerpt separator. Components only call these.

use leptos::prelude::*;
use quire_core::front_matter::Value;
use quire_core::render::liquid::{data_vars, page_lists, page_vars, with_included, SiteVars};
use quire_core::site::{self, SiteKind};
use quire_core::site_config::{self, Inherited, PostUrl, SiteConfig};
use quire_core::Zone;

use crate::browser;
use crate::notices::{Notice, NoticeKind};
use crate::persist::Persistence;
use crate::state::EditorState;

/// Where an imported config is kept: `{"file": name, "text": contents}`.
pub const IMPORTED_KEY: &str = "quire/v1/site-config";

/// A config in use, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The config file's name.
    pub file: String,
    /// Read from the open site folder (else imported).
    pub from_folder: bool,
    /// What it says.
    pub config: SiteConfig,
}

/// The site configuration, provided once in context.
#[derive(Clone, Copy)]
pub struct SiteSettings {
    state: EditorState,
    /// The config in use (the folder's wins over an imported one).
    pub loaded: RwSignal<Option<Loaded>>,
    /// An imported config, kept for when no folder gives one.
    imported: RwSignal<Option<Loaded>>,
    /// The open post's URL, or why it cannot be computed (once typing settles).
    pub post_url: Memo<Option<Result<PostUrl, String>>>,
    /// The values the open post inherits from the config's defaults.
    pub inherited: Memo<Vec<Inherited>>,
    /// The URL path of each post of the open site folder, by path (for `post_url`).
    pub post_urls: RwSignal<Vec<(String, String)>>,
    /// What the preview's Liquid resolves from: the config and posts (nothing without a
    /// config), the post's own variables and the site's include files it names.
    pub vars: Memo<SiteVars>,
    /// The `_includes/` files read from the open folder (name, text; `None`: it has no
    /// such file).
    includes: RwSignal<Vec<(String, Option<String>)>>,
    /// The `_data/` files read from the open folder (name without extension, value;
    /// `None`: it has none of that name, or it does not parse).
    data: RwSignal<Vec<(String, Option<Value>)>>,
    /// The pages and collection documents the post's `{% link %}` tags name, read from
    /// the open folder (path as the tag names it, text; `None`: the folder has none).
    linked: RwSignal<Vec<(String, Option<String>)>>,
}

impl SiteSettings {
    /// The settings, with the config imported on an earlier visit.
    pub fn new(state: EditorState, persistence: Persistence) -> SiteSettings {
        let imported = RwSignal::new(stored_import());
        let loaded = RwSignal::new(imported.get_untracked());
        // The zone of a remembered config, once the editor has started: reading a zone
        // costs tens of milliseconds (`browser/zone.rs`), which starting does not wait on.
        if imported.with_untracked(Option::is_some) {
            set_timeout(
                move || {
                    let zone = |l: &mut Option<Loaded>| {
                        if let Some(l) = l.as_mut().filter(|l| !l.from_folder) {
                            l.config = zoned(l.config.clone());
                        }
                    };
                    imported.update(zone);
                    loaded.update(zone);
                },
                std::time::Duration::ZERO,
            );
        }
        let place = move || {
            // The file the post is (or would be published as) in the site.
            let link = persistence.site_link();
            let kind = loaded.with(|l| l.as_ref().map(|l| l.config.kind));
            (link, kind)
        };
        let post_url = Memo::new(move |_| {
            state.settled.track();
            let (link, _) = place();
            loaded.with(|l| {
                let l = l.as_ref()?;
                let today = browser::clock::now_local();
                Some(state.source.with_untracked(|src| {
                    let path = link.map(|l| l.path).unwrap_or_else(|| {
                        site::publish_path_in(l.config.kind, &l.config.posts_folder(), src, &today)
                    });
                    site_config::post_url(&l.config, &path, src, &today)
                }))
            })
        });
        let inherited = Memo::new(move |_| {
            state.settled.track();
            let (link, _) = place();
            loaded.with(|l| {
                let Some(l) = l.as_ref() else {
                    return Vec::new();
                };
                if l.config.kind != SiteKind::Jekyll {
                    return Vec::new();
                }
                let today = browser::clock::now_local();
                let path = link.map(|l| l.path).unwrap_or_else(|| {
                    state.source.with_untracked(|src| {
                        site::publish_path_in(
                            SiteKind::Jekyll,
                            &l.config.posts_folder(),
                            src,
                            &today,
                        )
                    })
                });
                let kind = if l.config.in_collections(&path).starts_with("_drafts/") {
                    "drafts"
                } else {
                    "posts"
                };
                site_config::inherited(&l.config, &path, kind)
            })
        });
        let post_urls = RwSignal::new(Vec::new());
        let includes = RwSignal::new(Vec::<(String, Option<String>)>::new());
        let data = RwSignal::new(Vec::<(String, Option<Value>)>::new());
        let linked = RwSignal::new(Vec::<(String, Option<String>)>::new());
        // `site.time`: when the preview opened, as Jekyll's is when the site is built (one
        // time for the session, so that it renders nothing again).
        let opened = browser::clock::now_local();
        let vars = Memo::new(move |_| {
            let mut vars = loaded.with(|l| match l {
                Some(l) => SiteVars::of(&l.config, post_urls.get()),
                // Without a config, a build on the writer's machine: at their offset
                // (their zone's changes are read only for a site's config).
                None => SiteVars {
                    zone: Zone::fixed("", browser::clock::now_local().offset_minutes),
                    ..SiteVars::default()
                },
            });
            vars.set_time(&opened);
            // The post's own `page.<key>` variables its body uses, once typing settles (a
            // post that uses none keeps an empty list, so nothing is rendered again); Hugo
            // and Zola run no Liquid in a post.
            state.settled.track();
            if loaded.with(|l| {
                l.as_ref()
                    .is_some_and(|l| l.config.kind != SiteKind::Jekyll)
            }) {
                return vars;
            }
            vars.includes = includes.with(|known| known_texts(known));
            // The pages the post's `{% link %}` tags name, at their URLs.
            vars.pages = linked.with(|known| {
                loaded.with(|l| {
                    let Some(l) = l.as_ref() else {
                        return Vec::new();
                    };
                    known
                        .iter()
                        .filter_map(|(path, text)| {
                            let url = site_config::page_url(&l.config, path, text.as_ref()?)?;
                            Some((path.clone(), url))
                        })
                        .collect()
                })
            });
            let path = persistence.site_link().map(|l| l.path);
            let url = post_url.get().and_then(Result::ok).map(|u| u.path);
            let inherited = inherited.get();
            (vars.page, vars.page_lists) = state.source.with_untracked(|src| {
                // The body's and the include files' `page.<key>`, and the lists their
                // loops go over.
                let body = quire_core::split(src).body_text(src);
                let liquid = with_included(body, &vars.includes);
                let page = page_vars(
                    src,
                    &liquid,
                    path.as_deref(),
                    url.as_deref(),
                    &inherited,
                    &vars.zone,
                );
                (page, page_lists(src, &liquid, &inherited))
            });
            // What the site's data files give the body's Liquid (nothing when it reads
            // none).
            vars.data = data.with(|known| {
                let files: Vec<(&str, &Value)> = known
                    .iter()
                    .filter_map(|(name, value)| Some((name.as_str(), value.as_ref()?)))
                    .collect();
                // The body's Liquid and that of the include files it writes.
                state.source.with_untracked(|src| {
                    let body = quire_core::split(src).body_text(src);
                    data_vars(&with_included(body, &vars.includes), &files, &vars.page)
                })
            });
            vars
        });
        let settings = SiteSettings {
            state,
            post_urls,
            vars,
            includes,
            data,
            linked,
            loaded,
            imported,
            post_url,
            inherited,
        };
        // The excerpt follows the site's separator.
        Effect::new(move |_| {
            let separator = loaded.with(|l| {
                l.as_ref().map_or_else(
                    || "\n\n".to_string(),
                    |l| l.config.excerpt_separator.clone(),
                )
            });
            state.excerpt_separator.set(separator);
        });
        settings
    }

    fn tell(self, kind: NoticeKind, text: impl Into<String>) {
        self.state.notice.set(Some(Notice::new(kind, text)));
    }

    /// The config of the open site folder (`None`: it has none, or none is open; the
    /// imported one then applies again). A broken one is said, with its line and column,
    /// and changes nothing.
    pub fn from_folder(self, found: Option<(String, String, SiteKind)>) {
        let Some((file, text, kind)) = found else {
            self.loaded.set(self.imported.get_untracked());
            return;
        };
        match site_config::read(kind, &file, &text) {
            Ok(config) => self.loaded.set(Some(Loaded {
                file,
                from_folder: true,
                config: zoned(config),
            })),
            Err(err) => self.tell(
                NoticeKind::Problem,
                format!("The site's config was not used: {err}. Nothing else changed."),
            ),
        }
    }

    /// The folder a new post of a site of `kind` goes in: where the open folder's config
    /// puts it (Jekyll's `collections_dir`), else the generator's own.
    pub fn posts_folder(self, kind: SiteKind) -> String {
        self.loaded.with_untracked(|l| match l {
            Some(l) if l.from_folder && l.config.kind == kind => l.config.posts_folder(),
            _ => kind.posts_folder().to_string(),
        })
    }

    /// The URL path of the post at `path` holding `src`, when a config is known.
    pub fn url_of(self, path: &str, src: &str) -> Option<String> {
        let today = browser::clock::now_local();
        self.loaded.with_untracked(|l| {
            let l = l.as_ref()?;
            site_config::post_url(&l.config, path, src, &today)
                .ok()
                .map(|u| u.path)
        })
    }

    /// `body` with the known include files it writes after it (each with its tag's
    /// parameters): the Liquid the post runs (`liquid::with_included`).
    pub fn with_included(self, body: &str) -> String {
        self.includes
            .with_untracked(|known| with_included(body, &known_texts(known)).into_owned())
    }

    /// Whether the include file `name` was looked for in the open folder.
    pub fn knows_include(self, name: &str) -> bool {
        knows(self.includes, name)
    }

    /// Remember include files read from the open folder (`None`: it has none of that
    /// name), replacing what was known of them; nothing changes when they are the same.
    pub fn learn_includes(self, read: Vec<(String, Option<String>)>) {
        learn(self.includes, read);
    }

    /// Forget the include files (another folder, or none, is open).
    pub fn forget_includes(self) {
        forget(self.includes);
    }

    /// Whether the data file `name` was looked for in the open folder.
    pub fn knows_data(self, name: &str) -> bool {
        knows(self.data, name)
    }

    /// Remember data files read from the open folder (`None`: it has none of that name,
    /// or it does not parse), as [`SiteSettings::learn_includes`] does include files.
    pub fn learn_data(self, read: Vec<(String, Option<Value>)>) {
        learn(self.data, read);
    }

    /// Forget the data files (another folder, or none, is open).
    pub fn forget_data(self) {
        forget(self.data);
    }

    /// Whether the page or document `path` a link tag names was looked for in the open
    /// folder.
    pub fn knows_linked(self, path: &str) -> bool {
        knows(self.linked, path)
    }

    /// Remember pages read from the open folder (`None`: it has no such file), as
    /// [`SiteSettings::learn_includes`] does include files.
    pub fn learn_linked(self, read: Vec<(String, Option<String>)>) {
        learn(self.linked, read);
    }

    /// Forget the linked pages (another folder, or none, is open).
    pub fn forget_linked(self) {
        forget(self.linked);
    }

    /// The file a `{% link %}` tag's `path` names, from the site's root (a collection's
    /// document lies in the config's collections folder).
    pub fn linked_file(self, path: &str) -> String {
        self.loaded.with_untracked(|l| match l {
            Some(l) => site_config::linked_file(&l.config, path),
            None => path.trim_start_matches('/').to_string(),
        })
    }

    /// The folder of the open site's data files (its config's `data_dir`, else `_data`).
    pub fn data_dir(self) -> String {
        self.loaded.with_untracked(|l| match l {
            Some(l) if l.from_folder => l.config.data_dir.clone(),
            _ => "_data".to_string(),
        })
    }

    /// Remember the URLs of the site's posts (path, URL path), replacing those of the
    /// same paths; `clear` first forgets them all.
    pub fn learn_urls(self, urls: Vec<(String, String)>, clear: bool) {
        self.post_urls.update(|known| {
            if clear {
                known.clear();
            }
            for (path, url) in urls {
                known.retain(|(p, _)| *p != path);
                known.push((path, url));
            }
        });
    }

    /// Import a config file the writer chose (`site-config-import`).
    pub fn import(self, file: web_sys::File) {
        leptos::task::spawn_local(async move {
            let (name, bytes) = browser::file::read(&file).await;
            let text = match bytes.map(String::from_utf8) {
                Ok(Ok(text)) => text,
                Ok(Err(_)) => {
                    self.tell(
                        NoticeKind::Problem,
                        format!("{name} is not UTF-8 text: not imported."),
                    );
                    return;
                }
                Err(err) => {
                    self.tell(
                        NoticeKind::Problem,
                        format!("{name} could not be read: {err}"),
                    );
                    return;
                }
            };
            let Some(kind) = site_config::kind_of_file(&name, &text) else {
                self.tell(
                    NoticeKind::Problem,
                    format!(
                        "{name} is not a site config: import _config.yml (Jekyll), hugo.toml or config.* (Hugo), or config.toml (Zola)."
                    ),
                );
                return;
            };
            let config = match site_config::read(kind, &name, &text) {
                Ok(config) => config,
                Err(err) => {
                    self.tell(
                        NoticeKind::Problem,
                        format!("The config was not imported: {err}. Nothing changed."),
                    );
                    return;
                }
            };
            let record = site_config::write_imported(&name, &text);
            let kept = browser::storage::set(IMPORTED_KEY, &record);
            let loaded = Loaded {
                file: name.clone(),
                from_folder: false,
                config: zoned(config),
            };
            self.imported.set(Some(loaded.clone()));
            if !self
                .loaded
                .with_untracked(|l| l.as_ref().is_some_and(|l| l.from_folder))
            {
                self.loaded.set(Some(loaded));
            }
            match kept {
                Ok(()) => self.tell(
                    NoticeKind::Info,
                    format!(
                        "Imported {name} ({}): the preview, the post's URL and the form follow it.",
                        kind.name()
                    ),
                ),
                Err(err) => self.tell(
                    NoticeKind::Problem,
                    format!(
                        "Imported {name} for this visit; it could not be kept for the next: {err}"
                    ),
                ),
            }
        });
    }

    /// Forget the imported config.
    pub fn forget_import(self) {
        let _ = browser::storage::remove(IMPORTED_KEY);
        self.imported.set(None);
        if self
            .loaded
            .with_untracked(|l| l.as_ref().is_some_and(|l| !l.from_folder))
        {
            self.loaded.set(None);
        }
    }
}

/// The config imported on an earlier visit, if it still reads.
fn stored_import() -> Option<Loaded> {
    let record = browser::storage::get(IMPORTED_KEY).ok().flatten()?;
    let (file, text) = site_config::read_imported(&record)?;
    let kind = site_config::kind_of_file(&file, &text)?;
    let config = site_config::read(kind, &file, &text).ok()?;
    // Its zone is read once the app has started (`SiteSettings::new`).
    Some(Loaded {
        file,
        from_folder: false,
        config,
    })
}

/// `config` with the zone its site is built in, which its posts' dates are read and
/// written in: its `timezone:`, else the writer's own zone (as a build on their machine
/// has it). A name the browser does not know is UTC, as it is to Jekyll's Ruby; the
/// config's status says so.
fn zoned(mut config: SiteConfig) -> SiteConfig {
    let name = config.timezone().map(str::to_string);
    config.zone = browser::zone::zone(name.as_deref()).unwrap_or_else(|_| match name {
        Some(_) => Zone::default(),
        None => Zone::fixed("", browser::clock::now_local().offset_minutes),
    });
    config
}

/// The site settings from context.
pub fn use_site_settings() -> SiteSettings {
    expect_context::<SiteSettings>()
}

/// Files read from the open folder, by name (`None`: looked for and not there).
type Read<T> = RwSignal<Vec<(String, Option<T>)>>;

/// Whether the file `name` was looked for.
fn knows<T: Send + Sync + 'static>(store: Read<T>, name: &str) -> bool {
    store.with_untracked(|known| known.iter().any(|(n, _)| n == name))
}

/// Remember files read, replacing what was known of them; nothing changes (nothing that
/// reads the store runs again) when they are the same.
fn learn<T: PartialEq + Send + Sync + 'static>(store: Read<T>, read: Vec<(String, Option<T>)>) {
    let changed = store.with_untracked(|known| {
        read.iter()
            .any(|(name, value)| !known.iter().any(|(n, v)| n == name && v == value))
    });
    if changed {
        store.update(|known| {
            for (name, value) in read {
                known.retain(|(n, _)| *n != name);
                known.push((name, value));
            }
        });
    }
}

/// Forget every file read.
fn forget<T: Send + Sync + 'static>(store: Read<T>) {
    if store.with_untracked(|known| !known.is_empty()) {
        store.set(Vec::new());
    }
}

/// The include files found, with their texts (those the folder lacks left out).
fn known_texts(known: &[(String, Option<String>)]) -> Vec<(String, String)> {
    known
        .iter()
        .filter_map(|(name, text)| Some((name.clone(), text.clone()?)))
        .collect()
}
