//! The post a writer starts from on a first visit or with "new draft".

use crate::date::LocalDateTime;

/// The title a new post carries until the writer changes it.
pub const UNTITLED: &str = "Untitled post";

/// A new Jekyll post dated `now`: front matter with `layout`, `title` and `date`, an
/// excerpt between `<!-- excerpt start -->` and `<!-- excerpt end -->`, and a body.
pub fn new_post(now: &LocalDateTime) -> String {
    format!(
        "---\n\
         layout: post\n\
         title: {UNTITLED}\n\
         date: {now}\n\
         ---\n\
         \n\
         <!-- excerpt start -->\n\
         One or two sentences that sum up the post. They appear on the blog's index page.\n\
         <!-- excerpt end -->\n\
         \n\
         Write the rest of the post here, in **Markdown**.\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::post::{split, FrontMatterKind};

    #[test]
    fn template_has_front_matter_and_excerpt() {
        let now = LocalDateTime {
            year: 2026,
            month: 11,
            day: 27,
            hour: 9,
            minute: 30,
            second: 0,
            offset_minutes: 0,
        };
        let src = new_post(&now);
        let parts = split(&src);
        assert_eq!(
            parts.front_matter.as_ref().map(|f| f.kind),
            Some(FrontMatterKind::Yaml)
        );
        let fm = parts.front_matter_text(&src).unwrap_or_default();
        assert!(fm.contains("layout: post\n"));
        assert!(fm.contains("title: Untitled post\n"));
        assert!(fm.contains("date: 2026-11-27 09:30:00 +0000\n"));
        let body = parts.body_text(&src);
        let start = body.find("<!-- excerpt start -->");
        let end = body.find("<!-- excerpt end -->");
        assert!(
            matches!((start, end), (Some(s), Some(e)) if s < e),
            "{body}"
        );
    }

    /// The page's own editor (`assets/boot.js`) shows a new post before the app has
    /// started, and the app then keeps that text: both must write the same post.
    #[test]
    fn the_boot_editor_writes_the_same_new_post() {
        let boot = include_str!("../../../assets/boot.js");
        let start = boot.find("return `").expect("boot.js returns the new post") + 8;
        let end = start + boot[start..].find('`').expect("the template literal ends");
        let now = LocalDateTime {
            year: 2026,
            month: 1,
            day: 2,
            hour: 3,
            minute: 4,
            second: 5,
            offset_minutes: -90,
        };
        let date = now.to_string();
        assert_eq!(date, "2026-01-02 03:04:05 -0130");
        assert_eq!(boot[start..end].replace("${date}", &date), new_post(&now));
    }

    /// The page's own editor reads the stored drafts by the same keys and version as the
    /// app (a new format must be taught to it too).
    #[test]
    fn the_boot_editor_reads_the_stored_keys() {
        let boot = include_str!("../../../assets/boot.js");
        let quoted = |key: &str| format!("'{key}'");
        assert!(boot.contains(&quoted(crate::drafts::INDEX_KEY)));
        assert!(boot.contains(&quoted(crate::prefs::PREFS_KEY)));
        let draft = crate::drafts::draft_key("");
        assert!(boot.contains(&format!("'{draft}' + id")), "{draft}");
        assert!(boot.contains(&format!("index.version !== {}", crate::drafts::VERSION)));
    }
}
