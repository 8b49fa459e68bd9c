//! The preview's sandboxed frame: a separate document with no scripts (the `sandbox`
//! attribute leaves out `allow-scripts`) and its own Content-Security-Policy, whose body
//! the app patches in place block by block. A post's HTML can neither run code nor reach
//! the app; its links open in a new tab. (The excerpt card's frame, the same sandbox and
//! policy, is `preview_card.rs`.)

use std::cell::RefCell;
use std::rc::Rc;

use quire_core::render::chunks::{Chunks, CHUNKED_FROM};
use quire_core::render::Patch;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlIFrameElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::dom_morph::{morph_children, replace_children};
use super::preview_links::disarm_links;
use super::BrowserError;

mod items;

/// The `sandbox` attribute: same origin (so the app can write the document) but no
/// scripts, no forms, no top navigation; links may open new tabs outside the sandbox.
pub const SANDBOX: &str = "allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The frame's policy: nothing but inline styles and images/media from anywhere.
pub const CSP: &str = "default-src 'none'; script-src 'none'; object-src 'none'; \
     style-src 'unsafe-inline'; img-src * data: blob:; media-src * data: blob:; \
     font-src 'none'; connect-src 'none'; frame-src 'none'; child-src 'none'; \
     form-action 'none'; base-uri 'none'";

/// The preview's styles (also those of an exported HTML page).
pub fn styles() -> &'static str {
    include_str!("../../style/preview.css")
}

/// The frame's document before any post is shown.
pub fn shell() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
         <base target=\"_blank\"><style>{}</style></head>\
         <body><article class=\"preview\" data-testid=\"preview\"></article></body></html>",
        styles()
    )
}

/// The class of the element wrapping each top-level block.
const BLOCK: &str = "blk";
/// The class of the element wrapping each chunk of a long post's blocks (see
/// `quire_core::render::chunks`).
const CHUNK: &str = "chunk";

/// The longest block HTML (bytes) brought to its new HTML node by node; a longer one (a
/// table of thousands of rows) takes its new nodes whole, since pairing tens of thousands
/// of nodes costs more than laying them out again (1 MB table: 119 ms a keystroke paired,
/// 108 ms replaced; 300 KB: 33.5 against 35.9).
const MORPH_UP_TO: usize = 256 * 1024;

/// How an `<img src>` of the post is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// From the stored image at this object URL (the post keeps the site's address).
    Stored(String),
    /// Stored, its object URL not made yet: nothing is fetched meanwhile.
    Loading,
    /// From the site's address (not stored in this browser).
    Site,
}

/// How each image address of the post is shown.
pub type ImageUrls = std::rc::Rc<dyn Fn(&str) -> Shown>;

/// The attribute keeping an image's own address while it shows a stored image.
const SITE_SRC: &str = "data-site-src";

/// Show the stored images of the `<img>` elements under `root`, and the site's address
/// again for any no longer stored.
pub fn show_stored_images(root: &Element, urls: &dyn Fn(&str) -> Shown) {
    let Ok(found) = root.query_selector_all("img") else {
        return;
    };
    for i in 0..found.length() {
        // The frame's realm has its own `Element`: not `dyn_into`.
        let Some(image) = found.item(i).map(|n| n.unchecked_into::<Element>()) else {
            continue;
        };
        let kept = image.get_attribute(SITE_SRC);
        let Some(site) = kept.clone().or_else(|| image.get_attribute("src")) else {
            continue;
        };
        match urls(&site) {
            Shown::Stored(url) if image.get_attribute("src").as_deref() != Some(url.as_str()) => {
                let _ = image.set_attribute(SITE_SRC, &site);
                let _ = image.set_attribute("src", &url);
            }
            Shown::Stored(_) => {}
            Shown::Loading => {
                let _ = image.set_attribute(SITE_SRC, &site);
                let _ = image.remove_attribute("src");
            }
            Shown::Site if kept.is_some() => {
                let _ = image.set_attribute("src", &site);
                let _ = image.remove_attribute(SITE_SRC);
            }
            Shown::Site => {}
        }
    }
}

/// The frame's document and the article holding the blocks, once the shell has loaded.
#[derive(Clone)]
pub struct Frame {
    document: Document,
    /// A document with no window, where each block's new HTML is parsed: nothing in it
    /// loads (an image beside the typing is not fetched again on every keystroke), and
    /// only the nodes put into the frame start loading.
    scratch: Document,
    article: Element,
    images: Option<ImageUrls>,
    /// How a long post's blocks are grouped in chunks; `None`: the article holds the
    /// blocks themselves.
    chunks: Rc<RefCell<Option<Chunks>>>,
    /// The block marked as holding the caret.
    caret: Rc<RefCell<Option<Element>>>,
}

impl Frame {
    /// The loaded shell inside `frame`.
    pub fn of(frame: &HtmlIFrameElement) -> Result<Frame, BrowserError> {
        let document = frame
            .content_document()
            .ok_or(BrowserError::Unsupported("the preview frame's document"))?;
        let article = document
            .query_selector("article[data-testid=preview]")
            .map_err(BrowserError::from_js)?
            .ok_or(BrowserError::Unsupported("the preview frame's article"))?;
        let scratch = document
            .implementation()
            .and_then(|dom| dom.create_html_document())
            .map_err(BrowserError::from_js)?;
        Ok(Frame {
            document,
            scratch,
            article,
            images: None,
            chunks: Rc::new(RefCell::new(None)),
            caret: Rc::new(RefCell::new(None)),
        })
    }

    /// Show stored images through `urls` in every block, now and as blocks come in.
    pub fn set_image_urls(&mut self, urls: ImageUrls) {
        self.images = Some(urls);
        self.show_stored_images();
    }

    /// Show the stored images again (one was loaded or removed).
    pub fn show_stored_images(&self) {
        if let Some(urls) = &self.images {
            show_stored_images(&self.article, urls.as_ref());
        }
    }

    /// The stored images of one block just put in.
    fn block_images(&self, block: &Element) {
        if let Some(urls) = &self.images {
            show_stored_images(block, urls.as_ref());
        }
    }

    /// Apply `patch` to the blocks shown. Each block is parsed on its own, so a post's
    /// unclosed tag cannot swallow the blocks after it.
    pub fn apply(&self, patch: &Patch) -> Result<(), BrowserError> {
        if let Some(items) = &patch.items {
            return self.apply_items(items);
        }
        if patch.start == 0 && patch.remove >= self.len() {
            self.article.set_inner_html("");
            let chunked = patch.insert.len() >= CHUNKED_FROM;
            *self.chunks.borrow_mut() = None;
            if chunked {
                // All of a long post at once: its chunks made whole, in order.
                let chunks = Chunks::new(patch.insert.len());
                let mut blocks = patch.insert.iter();
                for &size in chunks.sizes() {
                    let chunk = self.new_chunk()?;
                    for html in blocks.by_ref().take(size) {
                        let block = self.new_block(html)?;
                        chunk.append_child(&block).map_err(BrowserError::from_js)?;
                    }
                    self.article
                        .append_child(&chunk)
                        .map_err(BrowserError::from_js)?;
                }
                *self.chunks.borrow_mut() = Some(chunks);
            } else {
                for (at, html) in patch.insert.iter().enumerate() {
                    self.insert_block(at, &self.new_block(html)?)?;
                }
            }
        } else {
            // The blocks replaced one for one are brought to their new HTML in place (a
            // keystroke changes one text node, not the block's element); the rest are
            // taken away or put in.
            let kept = patch.remove.min(patch.insert.len());
            for (k, html) in patch.insert.iter().take(kept).enumerate() {
                let block = self
                    .block(patch.start + k)
                    .ok_or(BrowserError::Unsupported("the preview's block"))?;
                let fresh = self.new_block(html)?;
                if html.len() <= MORPH_UP_TO {
                    morph_children(&block, &fresh);
                } else {
                    replace_children(&block, &fresh);
                }
            }
            for _ in kept..patch.remove {
                self.remove_block(patch.start + kept);
            }
            for (k, html) in patch.insert.iter().enumerate().skip(kept) {
                self.insert_block(patch.start + k, &self.new_block(html)?)?;
            }
            if self.chunks.borrow().is_none() && self.len() >= CHUNKED_FROM {
                self.make_chunks()?;
            }
        }
        // Blocks whose heading ids changed (a repeated heading was added or removed).
        for (index, html) in &patch.replace {
            if let Some(block) = self.block(*index) {
                let fresh = self.new_block(html)?;
                morph_children(&block, &fresh);
            }
        }
        Ok(())
    }

    /// A block element holding `html`, its links disarmed and its stored images shown
    /// (parsed in the scratch document; it moves into the frame's when put in).
    fn new_block(&self, html: &str) -> Result<Element, BrowserError> {
        let block = self
            .scratch
            .create_element("div")
            .map_err(BrowserError::from_js)?;
        block.set_class_name(BLOCK);
        block.set_inner_html(html);
        disarm_links(&block)?;
        self.block_images(&block);
        Ok(block)
    }

    fn new_chunk(&self) -> Result<Element, BrowserError> {
        let chunk = self
            .document
            .create_element("div")
            .map_err(BrowserError::from_js)?;
        chunk.set_class_name(CHUNK);
        Ok(chunk)
    }

    /// How many blocks are shown.
    fn len(&self) -> usize {
        match &*self.chunks.borrow() {
            Some(chunks) => chunks.len(),
            None => self.article.child_element_count() as usize,
        }
    }

    /// Put `block` at `index` (before the block there, or last).
    fn insert_block(&self, index: usize, block: &Element) -> Result<(), BrowserError> {
        let mut chunks = self.chunks.borrow_mut();
        let Some(chunks) = chunks.as_mut() else {
            let before = self.article.children().item(index as u32);
            self.article
                .insert_before(block, before.as_ref().map(|b| b.as_ref()))
                .map_err(BrowserError::from_js)?;
            return Ok(());
        };
        let done = chunks.insert(index);
        let chunk = if done.new_chunk {
            let chunk = self.new_chunk()?;
            let before = self.article.children().item(done.chunk as u32);
            self.article
                .insert_before(&chunk, before.as_ref().map(|b| b.as_ref()))
                .map_err(BrowserError::from_js)?;
            chunk
        } else {
            self.article
                .children()
                .item(done.chunk as u32)
                .ok_or(BrowserError::Unsupported("the preview's chunk"))?
        };
        let before = chunk.children().item(done.offset as u32);
        chunk
            .insert_before(block, before.as_ref().map(|b| b.as_ref()))
            .map_err(BrowserError::from_js)?;
        if let Some(split) = done.split_at {
            let next = self.new_chunk()?;
            while let Some(moved) = chunk.children().item(split as u32) {
                next.append_child(&moved).map_err(BrowserError::from_js)?;
            }
            let after = chunk.next_element_sibling();
            self.article
                .insert_before(&next, after.as_ref().map(|a| a.as_ref()))
                .map_err(BrowserError::from_js)?;
        }
        Ok(())
    }

    /// Take block `index` away.
    fn remove_block(&self, index: usize) {
        let mut chunks = self.chunks.borrow_mut();
        let Some(chunks) = chunks.as_mut() else {
            if let Some(block) = self.article.children().item(index as u32) {
                block.remove();
            }
            return;
        };
        let Some(gone) = chunks.remove(index) else {
            return;
        };
        let Some(chunk) = self.article.children().item(gone.chunk as u32) else {
            return;
        };
        if gone.emptied {
            chunk.remove();
        } else if let Some(block) = chunk.children().item(gone.offset as u32) {
            block.remove();
        }
    }

    /// The post grew long: group its blocks in chunks.
    fn make_chunks(&self) -> Result<(), BrowserError> {
        let chunks = Chunks::new(self.article.child_element_count() as usize);
        for &size in chunks.sizes() {
            let chunk = self.new_chunk()?;
            for _ in 0..size {
                if let Some(block) = self.article.first_element_child() {
                    chunk.append_child(&block).map_err(BrowserError::from_js)?;
                }
            }
            self.article
                .append_child(&chunk)
                .map_err(BrowserError::from_js)?;
        }
        *self.chunks.borrow_mut() = Some(chunks);
        Ok(())
    }

    /// Set (or remove) `data-theme` on the frame's root, as on the page's.
    pub fn set_theme(&self, theme: Option<&str>) {
        set_theme(&self.document, theme);
    }

    /// How far the frame's view is scrolled down.
    pub fn scroll_y(&self) -> Option<f64> {
        self.document.default_view()?.scroll_y().ok()
    }

    /// The element of block `index`.
    fn block(&self, index: usize) -> Option<Element> {
        match &*self.chunks.borrow() {
            Some(chunks) => {
                let (chunk, offset) = chunks.locate(index)?;
                self.article
                    .children()
                    .item(chunk as u32)?
                    .children()
                    .item(offset as u32)
            }
            None => self.article.children().item(index as u32),
        }
    }

    /// Mark block `index` as the one holding the caret and bring it into view if it is
    /// not visible.
    pub fn show_caret_block(&self, index: Option<usize>) {
        let block = index.and_then(|i| self.block(i));
        {
            // The mark moves only when the caret's block is another element: setting the
            // class again would restyle the block on every keystroke.
            let mut marked = self.caret.borrow_mut();
            let same = match (marked.as_ref(), block.as_ref()) {
                (Some(was), Some(now)) => was.is_same_node(Some(now)),
                _ => false,
            };
            if !same {
                if let Some(was) = marked.take() {
                    let _ = was.class_list().remove_1("caret-block");
                }
                if let Some(now) = &block {
                    let _ = now.class_list().add_1("caret-block");
                }
                marked.clone_from(&block);
            }
        }
        let Some(block) = block else {
            return;
        };
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        block.scroll_into_view_with_scroll_into_view_options(&options);
    }

    /// Scroll so that block `index` is at the top, `fraction` of the way through it.
    pub fn scroll_to_block(&self, index: usize, fraction: f64) {
        let (Some(block), Some(window)) = (self.block(index), self.document.default_view()) else {
            return;
        };
        let rect = block.get_bounding_client_rect();
        let top = rect.top() + window.scroll_y().unwrap_or(0.0) + rect.height() * fraction;
        window.scroll_to_with_x_and_y(0.0, top.max(0.0));
    }

    /// Scroll so that heading `nth` of block `index` (the block itself when it is the
    /// heading) is at the top of the view.
    pub fn scroll_to_heading(&self, index: usize, nth: usize) {
        let Some(block) = self.block(index) else {
            return;
        };
        let is_heading = matches!(
            block.tag_name().as_str(),
            "H1" | "H2" | "H3" | "H4" | "H5" | "H6"
        );
        let heading = if is_heading && nth == 0 {
            Some(block)
        } else {
            block
                .query_selector_all("h1, h2, h3, h4, h5, h6")
                .ok()
                .and_then(|all| all.item(nth as u32))
                .and_then(|node| node.dyn_into::<Element>().ok())
        };
        let (Some(heading), Some(window)) = (heading, self.document.default_view()) else {
            return;
        };
        let top = heading.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
        window.scroll_to_with_x_and_y(0.0, top.max(0.0));
    }

    /// The block at the top of the frame's view and how far (0..1) it is scrolled past.
    pub fn top_block(&self) -> Option<(usize, f64)> {
        let count = self.len();
        // The first block whose bottom is below the top of the view.
        let (mut low, mut high) = (0usize, count);
        while low < high {
            let mid = (low + high) / 2;
            let rect = self.block(mid)?.get_bounding_client_rect();
            if rect.bottom() <= 0.0 {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let index = low.min(count.checked_sub(1)?);
        let rect = self.block(index)?.get_bounding_client_rect();
        let fraction = if rect.height() > 0.0 {
            (-rect.top() / rect.height()).clamp(0.0, 1.0)
        } else {
            0.0
        };
        Some((index, fraction))
    }

    /// Clicking a link to a place in the post (a footnote, a heading) scrolls the preview
    /// there.
    pub fn follow_fragment_links(&self) -> Result<(), BrowserError> {
        super::preview_links::follow_fragments(&self.document)
    }

    /// Call `on_scroll` when the frame's view scrolls.
    pub fn on_scroll(&self, on_scroll: impl Fn() + 'static) -> Result<(), BrowserError> {
        let window = self
            .document
            .default_view()
            .ok_or(BrowserError::Unsupported("the preview frame's window"))?;
        let closure = Closure::<dyn Fn()>::new(on_scroll);
        window
            .add_event_listener_with_callback("scroll", closure.as_ref().unchecked_ref())
            .map_err(BrowserError::from_js)?;
        // The frame lives as long as the page.
        closure.forget();
        Ok(())
    }
}

/// Set (or remove) `data-theme` on a frame document's root.
pub(super) fn set_theme(document: &Document, theme: Option<&str>) {
    if let Some(root) = document.document_element() {
        let _ = match theme {
            Some(theme) => root.set_attribute("data-theme", theme),
            None => root.remove_attribute("data-theme"),
        };
    }
}
