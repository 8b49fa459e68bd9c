//! The writer's preferences, stored under their own versioned key (`quire/v1/prefs`) as
//! JSON. Anything unreadable (missing, corrupt, from another version) reads as the
//! defaults; unknown fields are ignored, so a newer version's extra fields do no harm.

use serde::{Deserialize, Serialize};

use crate::render::{Flavour, Settings};

/// The localStorage key of the preferences.
pub const PREFS_KEY: &str = "quire/v1/prefs";

/// What the writer chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// `"jekyll"` or `"commonmark"`.
    pub preview_flavour: String,
    /// The site's address, for relative links and images in the preview.
    pub site_url: String,
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
        }
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
        });
        assert_eq!(parse(Some(&write(&prefs))), prefs);
        assert_eq!(prefs.preview().flavour, Flavour::CommonMark);
        assert_eq!(parse(None).preview(), Settings::default());
        assert_eq!(parse(Some("{not json")).preview(), Settings::default());
        let newer = r#"{"preview_flavour":"commonmark","future":1}"#;
        assert_eq!(parse(Some(newer)).preview().flavour, Flavour::CommonMark);
    }
}
