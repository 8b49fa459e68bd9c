//! The site's configuration as the app uses it: read from the open site folder, or
//! imported alone (`site-config-import`, for writers without a folder) and remembered in
//! this browser; and what follows from it for the open post: its URL as the site will
//! publish it (`post-url`), the values it inherits from the config's defaults, and the
//! excerpt separator. Components only call these.

use leptos::prelude::*;
use quire_core::front_matter::Value;
use quire_core::render::liquid::{data_vars, page_lists, page_vars, with_included, SiteVars};
use quire_core::render::Flavour;
use quire_core::site::{self, SiteKind};
use quire_core::site_config::{self, Inherited, PostUrl, SiteConfig};
use quire_core::Zone;

use crate::browser;
use crate::notices::{Notice, NoticeKind};
use crate::persist::Persistence;
use crate::state::EditorState;

mod site_files;
use site_files::known_texts;

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
        // The excerpt follows the site's rules: a Jekyll site's separator alone ends it.
        // The preview renders as the site's generator does: kramdown for Jekyll, CommonMark
        // for Hugo (Goldmark) and Zola (pulldown-cmark), set when the site's kind changes.
        let kind = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| l.config.kind)));
        let ui = crate::ui::use_ui();
        Effect::new(move |_| ui.site_flavour.set(kind.get().and_then(Flavour::of_site)));
        // A separator the front-matter defaults give the post is its own, as to Jekyll.
        Effect::new(move |_| {
            let rules = inherited.with(|inherited| {
                loaded.with(|l| {
                    quire_core::excerpt::Rules::of_site(l.as_ref().map(|l| &l.config), inherited)
                })
            });
            if state.excerpt_rules.with_untracked(|r| *r != rules) {
                state.excerpt_rules.set(rules);
            }
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
