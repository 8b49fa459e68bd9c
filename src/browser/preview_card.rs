//! The excerpt card's sandboxed frame: the card as an index page lists a post, with the
//! preview's sandbox and policy (a post's excerpt is its HTML too), written the same way
//! (see `preview_frame.rs`).

use web_sys::{Document, Element, HtmlIFrameElement};

use super::preview_frame::{set_theme, show_stored_images, styles, Shown, CSP};
use super::preview_links::disarm_links;
use super::BrowserError;

/// The excerpt card's document: the card as an index page lists a post, in a frame with
/// the preview's sandbox and policy (a post's excerpt is its HTML too).
pub fn card_shell() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
         <base target=\"_blank\"><style>{}{}</style></head>\
         <body><article class=\"excerpt-card\" data-testid=\"excerpt-preview\">\
         <h3 class=\"card-title\"></h3><p class=\"card-date\"></p>\
         <div class=\"card-body\"></div></article></body></html>",
        styles(),
        include_str!("../../style/card.css")
    )
}

/// The excerpt card inside its sandboxed frame, once the shell has loaded.
#[derive(Clone)]
pub struct Card {
    frame: HtmlIFrameElement,
    document: Document,
}

impl Card {
    /// The loaded card shell inside `frame`.
    pub fn of(frame: &HtmlIFrameElement) -> Result<Card, BrowserError> {
        let document = frame
            .content_document()
            .ok_or(BrowserError::Unsupported("the excerpt card's document"))?;
        Ok(Card {
            frame: frame.clone(),
            document,
        })
    }

    fn part(&self, selector: &str) -> Result<Element, BrowserError> {
        self.document
            .query_selector(selector)
            .map_err(BrowserError::from_js)?
            .ok_or(BrowserError::Unsupported("a part of the excerpt card"))
    }

    /// Show the card: title and date as text, the excerpt's HTML with its links made
    /// safe and its stored images shown through `urls`; then fit the frame's height to
    /// the card.
    pub fn show(
        &self,
        title: &str,
        date: &str,
        html: &str,
        urls: &dyn Fn(&str) -> Shown,
    ) -> Result<(), BrowserError> {
        self.part(".card-title")?.set_text_content(Some(title));
        self.part(".card-date")?.set_text_content(Some(date));
        let body = self.part(".card-body")?;
        body.set_inner_html(html);
        disarm_links(&body)?;
        show_stored_images(&body, urls);
        self.fit_height()
    }

    /// Make the frame as tall as the card (a post's fixed or absolute elements stay
    /// inside the frame whatever they ask for).
    fn fit_height(&self) -> Result<(), BrowserError> {
        let Some(root) = self.document.document_element() else {
            return Ok(());
        };
        let height = root.scroll_height().clamp(40, 2000);
        self.frame
            .style()
            .set_property("height", &format!("{height}px"))
            .map_err(BrowserError::from_js)
    }

    /// Set (or remove) `data-theme` on the card's root, as on the page's.
    pub fn set_theme(&self, theme: Option<&str>) {
        set_theme(&self.document, theme);
    }
}
