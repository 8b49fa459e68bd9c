//! The writer's preferences, stored under their own versioned key (`quire/v1/prefs`) as
//! JSON. Anything unreadable (missing, corrupt, from another version) reads as the
//! defaults; unknown fields are ignored, so a newer version's extra fields do no harm.

use serde::{Deserialize, Serialize};

use crate::render::{Flavour, Settings};

/// The localStorage key of the preferences.
pub const PREFS_KEY: &str = "quire/v1/prefs";

/// What the writer chose.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// `"jekyll"` or `"commonmark"`.
    pub preview_flavour: String,
    /// The site's address, for relative links and images in the preview.
    pub site_url: String,
    /// `"system"` (or empty), `"light"` or `"dark"`.
    pub theme: String,
    /// `"split"` (or empty), `"editor"` or `"preview"`.
    pub layout: String,
    /// The editor's share of the split view, 0.2 to 0.8 (0 for the default half).
    pub split: f64,
    /// Download names: `"jekyll"` (or empty) for `YYYY-MM-DD-slug.md`, `"hugo"` for `slug.md`.
    pub file_names: String,
    /// Where new images go and how they are linked (empty for
    /// [`crate::images::DEFAULT_PATTERN`]).
    pub image_path_pattern: String,
    /// Focus mode: only the text (and the preview, if chosen), centred.
    pub focus: bool,
    /// Focus mode keeps the preview beside the text.
    pub focus_preview: bool,
    /// Typewriter scrolling: the caret's line is kept in the middle of the editor.
    pub typewriter: bool,
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system's light or dark setting.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Which panes show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Source and preview side by side.
    Split,
    /// The source only.
    Editor,
    /// The preview only.
    Preview,
}

impl Theme {
    /// The stored name.
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The next theme of the toggle: system, dark, light, system...
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }
}

impl Layout {
    /// The stored name (also the `layout-<name>` test id).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Split => "split",
            Layout::Editor => "editor",
            Layout::Preview => "preview",
        }
    }
}

impl Prefs {
    /// The preview settings these preferences ask for.
    pub fn preview(&self) -> Settings {
        Settings {
            flavour: if self.preview_flavour == "commonmark" {
                Flavour::CommonMark
            } else {
                Flavour::Jekyll
            },
            site_url: self.site_url.trim().to_string(),
            ..Default::default()
        }
    }

    /// These preferences with the preview settings `settings`.
    pub fn with_preview(&self, settings: &Settings) -> Prefs {
        Prefs {
            preview_flavour: match settings.flavour {
                Flavour::Jekyll => "jekyll".into(),
                Flavour::CommonMark => "commonmark".into(),
            },
            site_url: settings.site_url.clone(),
            ..self.clone()
        }
    }

    /// The chosen theme.
    pub fn theme(&self) -> Theme {
        match self.theme.as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The chosen layout.
    pub fn layout(&self) -> Layout {
        match self.layout.as_str() {
            "editor" => Layout::Editor,
            "preview" => Layout::Preview,
            _ => Layout::Split,
        }
    }

    /// How downloaded posts are named.
    pub fn name_style(&self) -> crate::export::NameStyle {
        match self.file_names.as_str() {
            "hugo" => crate::export::NameStyle::Hugo,
            _ => crate::export::NameStyle::Jekyll,
        }
    }

    /// These preferences with download names in `style`.
    pub fn with_name_style(&self, style: crate::export::NameStyle) -> Prefs {
        Prefs {
            file_names: match style {
                crate::export::NameStyle::Jekyll => "jekyll".into(),
                crate::export::NameStyle::Hugo => "hugo".into(),
            },
            ..self.clone()
        }
    }

    /// The image path pattern chosen, or the default when none (or an unreadable one).
    pub fn image_pattern(&self) -> crate::images::PathPattern {
        crate::images::PathPattern::parse(&self.image_path_pattern).unwrap_or_default()
    }

    /// The editor's share of the split view, within bounds (a half when unset).
    pub fn split(&self) -> f64 {
        clamp_split(self.split)
    }

    /// These preferences with the given layout choices.
    pub fn with_ui(&self, theme: Theme, layout: Layout, split: f64) -> Prefs {
        Prefs {
            theme: theme.name().into(),
            layout: layout.name().into(),
            split: clamp_split(split),
            ..self.clone()
        }
    }
}

/// A split share kept between 0.2 and 0.8 (a half for anything unusable).
pub fn clamp_split(split: f64) -> f64 {
    if split.is_finite() && split > 0.0 {
        split.clamp(0.2, 0.8)
    } else {
        0.5
    }
}

/// Read stored preferences; defaults for anything unreadable.
pub fn parse(text: Option<&str>) -> Prefs {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

/// The stored form.
pub fn write(prefs: &Prefs) -> String {
    serde_json::to_string(prefs).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let prefs = Prefs::default().with_preview(&Settings {
            flavour: Flavour::CommonMark,
            site_url: "https://example.com".into(),
            ..Default::default()
        });
        assert_eq!(parse(Some(&write(&prefs))), prefs);
        assert_eq!(prefs.preview().flavour, Flavour::CommonMark);
        assert_eq!(parse(None).preview(), Settings::default());
        assert_eq!(parse(Some("{not json")).preview(), Settings::default());
        let newer = r#"{"preview_flavour":"commonmark","future":1}"#;
        assert_eq!(parse(Some(newer)).preview().flavour, Flavour::CommonMark);
        let ui = Prefs::default().with_ui(Theme::Dark, Layout::Preview, 0.95);
        let back = parse(Some(&write(&ui)));
        assert_eq!(
            (back.theme(), back.layout(), back.split()),
            (Theme::Dark, Layout::Preview, 0.8)
        );
        assert_eq!(Prefs::default().split(), 0.5);
        assert_eq!(Theme::System.next().next().next(), Theme::System);
        use crate::export::NameStyle;
        assert_eq!(Prefs::default().name_style(), NameStyle::Jekyll);
        let hugo = parse(Some(&write(&ui.with_name_style(NameStyle::Hugo))));
        assert_eq!(hugo.name_style(), NameStyle::Hugo);
        assert_eq!(hugo.layout(), Layout::Preview, "other choices kept");
    }

    #[test]
    fn focus_choices_round_trip_and_older_prefs_read_without_them() {
        let older = r#"{"preview_flavour":"jekyll","site_url":"","theme":"dark","layout":"split","split":0.5,"file_names":"jekyll","image_path_pattern":""}"#;
        let read = parse(Some(older));
        assert_eq!(
            (read.focus, read.focus_preview, read.typewriter),
            (false, false, false)
        );
        assert_eq!(read.theme(), Theme::Dark);
        let focused = Prefs {
            focus: true,
            typewriter: true,
            ..read
        };
        let back = parse(Some(&write(&focused)));
        assert_eq!(
            (back.focus, back.focus_preview, back.typewriter),
            (true, false, true)
        );
    }
}
