//! The writer's layout and theme choices: which panes show, where the split is, light or
//! dark. Held in context, applied to the page, remembered in the preferences.

use leptos::prelude::*;
use quire_core::export::NameStyle;
use quire_core::prefs::{Layout, Theme};

use crate::browser;

/// Layout and theme, shared by the header controls, the divider and the panes.
#[derive(Clone, Copy)]
pub struct Ui {
    pub theme: RwSignal<Theme>,
    pub layout: RwSignal<Layout>,
    /// The editor's share of the split view (0.2 to 0.8).
    pub split: RwSignal<f64>,
    /// How downloaded posts are named (Jekyll `_posts` or Hugo/Zola).
    pub name_style: RwSignal<NameStyle>,
}

impl Ui {
    /// The choices as stored; applies the theme and saves every later change.
    pub fn new(notice: RwSignal<Option<String>>) -> Ui {
        let prefs = browser::storage::load_prefs();
        let ui = Ui {
            theme: RwSignal::new(prefs.theme()),
            layout: RwSignal::new(prefs.layout()),
            split: RwSignal::new(prefs.split()),
            name_style: RwSignal::new(prefs.name_style()),
        };
        Effect::new(move |previous: Option<()>| {
            let (theme, layout, split) = (ui.theme.get(), ui.layout.get(), ui.split.get());
            let name_style = ui.name_style.get();
            browser::set_theme(theme_attribute(theme));
            if previous.is_some() {
                let prefs = browser::storage::load_prefs()
                    .with_ui(theme, layout, split)
                    .with_name_style(name_style);
                if let Err(err) = browser::storage::save_prefs(&prefs) {
                    notice.set(Some(format!("Your layout will not be remembered: {err}")));
                }
            }
        });
        ui
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
