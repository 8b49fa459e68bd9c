//! The writer's layout and theme choices: which panes show, where the split is, light or
//! dark. Held in context, applied to the page, remembered in the preferences.

use leptos::prelude::*;
use quire_core::export::NameStyle;
use quire_core::images::PathPattern;
use quire_core::prefs::{Layout, Prefs, Theme};
use quire_core::render::{Flavour, Settings};

use crate::browser;

/// The writer's preferences: the one owner of what is stored under `quire/v1/prefs`.
/// Each choice is a memo over the one `Prefs` signal, and one Effect applies the theme
/// and saves every change.
#[derive(Clone, Copy)]
pub struct Ui {
    prefs: RwSignal<Prefs>,
    pub theme: Memo<Theme>,
    pub layout: Memo<Layout>,
    /// The editor's share of the split view (0.2 to 0.8).
    pub split: Memo<f64>,
    /// How downloaded posts are named (Jekyll `_posts` or Hugo/Zola).
    pub name_style: Memo<NameStyle>,
    /// How the preview renders (flavour, site URL): the writer's choice, its flavour the
    /// open site's while it gives one ([`Ui::site_flavour`]).
    pub preview: Memo<Settings>,
    /// The flavour the site in use publishes with (Jekyll: kramdown; Hugo and Zola:
    /// CommonMark), set when its kind changes; the writer's own choice of a flavour after
    /// that clears it (not remembered).
    pub site_flavour: RwSignal<Option<Flavour>>,
    /// Where new images go and how they are linked.
    pub image_pattern: Memo<PathPattern>,
    /// Focus mode: only the text (and the preview, if chosen).
    pub focus: Memo<bool>,
    /// Focus mode keeps the preview.
    pub focus_preview: Memo<bool>,
    /// The caret's line is kept in the middle of the editor (in focus mode).
    pub typewriter: Memo<bool>,
    /// On a phone, the drawer with the drafts and the post's details is open (not
    /// remembered).
    pub panels_open: RwSignal<bool>,
    /// The button that opens the drawer (the focus goes back to it on close).
    pub panels_button: NodeRef<leptos::html::Button>,
}

impl Ui {
    /// The choices as stored; applies the theme and saves every later change.
    pub fn new(notice: RwSignal<Option<crate::notices::Notice>>) -> Ui {
        let prefs = RwSignal::new(browser::storage::load_prefs());
        let site_flavour = RwSignal::new(None);
        let ui = Ui {
            prefs,
            theme: Memo::new(move |_| prefs.with(Prefs::theme)),
            layout: Memo::new(move |_| prefs.with(Prefs::layout)),
            split: Memo::new(move |_| prefs.with(Prefs::split)),
            name_style: Memo::new(move |_| prefs.with(Prefs::name_style)),
            preview: Memo::new(move |_| {
                let mut settings = prefs.with(Prefs::preview);
                if let Some(flavour) = site_flavour.get() {
                    settings.flavour = flavour;
                }
                settings
            }),
            site_flavour,
            image_pattern: Memo::new(move |_| prefs.with(Prefs::image_pattern)),
            focus: Memo::new(move |_| prefs.with(|p| p.focus)),
            focus_preview: Memo::new(move |_| prefs.with(|p| p.focus_preview)),
            typewriter: Memo::new(move |_| prefs.with(|p| p.typewriter)),
            panels_open: RwSignal::new(false),
            panels_button: NodeRef::new(),
        };
        Effect::new(move |_| {
            browser::set_root_flag("focus", ui.focus.get());
            browser::set_root_flag("focus-preview", ui.focus.get() && ui.focus_preview.get());
            browser::set_root_flag("typewriter", ui.focus.get() && ui.typewriter.get());
        });
        Effect::new(move |previous: Option<()>| {
            browser::set_theme(theme_attribute(ui.theme.get()));
            prefs.track();
            if previous.is_some() {
                if let Err(err) = prefs.with_untracked(browser::storage::save_prefs) {
                    notice.set(crate::notices::problem(format!(
                        "Your choices of layout, theme, preview and file names will not be \
                         remembered: {err}"
                    )));
                }
            }
        });
        ui
    }

    pub fn set_theme(self, theme: Theme) {
        self.prefs
            .update(|p| *p = p.with_ui(theme, p.layout(), p.split()));
    }

    pub fn set_layout(self, layout: Layout) {
        self.prefs
            .update(|p| *p = p.with_ui(p.theme(), layout, p.split()));
    }

    pub fn set_split(self, split: f64) {
        self.prefs
            .update(|p| *p = p.with_ui(p.theme(), p.layout(), split));
    }

    pub fn set_name_style(self, style: NameStyle) {
        self.prefs.update(|p| *p = p.with_name_style(style));
    }

    /// The writer's choice of how the preview renders (its flavour wins over the site's).
    pub fn set_preview(self, settings: &Settings) {
        self.site_flavour.set(None);
        self.prefs.update(|p| *p = p.with_preview(settings));
    }

    /// The site URL relative links and images resolve against.
    pub fn set_site_url(self, url: String) {
        self.prefs.update(|p| {
            *p = p.with_preview(&Settings {
                site_url: url,
                ..p.preview()
            })
        });
    }

    /// Turn focus mode on or off.
    pub fn set_focus(self, on: bool) {
        self.prefs.update(|p| p.focus = on);
    }

    /// Keep the preview in focus mode, or not.
    pub fn set_focus_preview(self, on: bool) {
        self.prefs.update(|p| p.focus_preview = on);
    }

    /// Typewriter scrolling on or off.
    pub fn set_typewriter(self, on: bool) {
        self.prefs.update(|p| p.typewriter = on);
    }

    /// The image path pattern as the writer wrote it (empty for the default; tracked).
    pub fn image_pattern_text(self) -> String {
        self.prefs.with(|p| p.image_path_pattern.clone())
    }

    /// Choose the image path pattern; one that does not read is not kept, and why is
    /// returned.
    pub fn set_image_pattern(self, text: &str) -> Result<(), String> {
        PathPattern::parse(text)?;
        self.prefs
            .update(|p| p.image_path_pattern = text.trim().to_string());
        Ok(())
    }
}

/// The `data-theme` value for `theme` (none: follow the system).
pub fn theme_attribute(theme: Theme) -> Option<&'static str> {
    match theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    }
}

/// The layout and theme from context.
pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}
