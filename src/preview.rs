//! The preview's controller: keeps the sandboxed frame's blocks in step with the source
//! (only the blocks around an edit are rendered again and patched), and keeps the editor
//! and the preview scrolled to the same block.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use quire_core::render::{BlockRenderer, Settings};

use crate::browser::{self, preview_frame::Frame};
use crate::state::EditorState;

/// How the preview renders: block by block (the default), or the whole body on every
/// change (`?preview=full`, which the bench compares against).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Incremental,
    Full,
}

impl Mode {
    /// The mode the page's address asks for.
    pub fn from_location() -> Mode {
        if browser::location_query_has("preview=full") {
            Mode::Full
        } else {
            Mode::Incremental
        }
    }
}

/// Where the line of each block starts in the editor, for the text and width it was
/// measured at.
struct Tops {
    len: usize,
    width: i32,
    tops: Vec<f64>,
}

#[derive(Default)]
struct Inner {
    frame: Option<Frame>,
    renderer: BlockRenderer,
    tops: Option<Tops>,
    /// The scroll position the app itself last gave each pane; a scroll event that finds
    /// the pane there is the echo of that, not the writer.
    editor_expected: Option<i32>,
    preview_expected: Option<f64>,
    /// The page's `data-theme`, repeated on the frame.
    theme: Option<&'static str>,
    /// A caret block is to be shown in the next frame.
    caret_pending: bool,
    /// When the preview last followed a change of the text (`Date.now()`, ms).
    rendered_at: f64,
    /// An editor scroll during typing waits to be followed.
    sync_waiting: bool,
}

impl Inner {
    /// Milliseconds since the preview last followed a change of the text.
    fn since_render(&self) -> f64 {
        browser::clock::now_ms() - self.rendered_at
    }
}

/// A scroll of either pane this soon after a change of the text follows the typing (the
/// caret's line kept in view, the preview's layout moved by a new block), not the writer:
/// the caret's block is shown in the preview already. The block positions in the editor,
/// stale after the change, are measured again only once typing has paused this long, so
/// no keystroke waits for that measurement (it lays out a copy of the whole text).
const TYPING_SCROLL_MS: f64 = 500.0;

/// Shared by the preview component's effects and event handlers.
#[derive(Clone)]
pub struct PreviewController {
    state: EditorState,
    mode: Mode,
    inner: Rc<RefCell<Inner>>,
    /// Fires when everything was rendered again (the frame loaded, the settings changed).
    pub rerendered: Trigger,
}

impl PreviewController {
    pub fn new(state: EditorState, mode: Mode) -> Self {
        PreviewController {
            state,
            mode,
            inner: Rc::new(RefCell::new(Inner::default())),
            rerendered: Trigger::new(),
        }
    }

    /// The frame's shell has loaded: show the post in it, its stored images through
    /// `urls`.
    pub fn attach(&self, mut frame: Frame, urls: browser::preview_frame::ImageUrls) {
        frame.set_image_urls(urls);
        let this = self.clone();
        let _ = frame.on_scroll(move || this.sync_from_preview());
        let _ = frame.follow_fragment_links();
        {
            let mut inner = self.inner.borrow_mut();
            frame.set_theme(inner.theme);
            inner.frame = Some(frame);
            let settings = inner.renderer.settings().clone();
            inner.renderer = BlockRenderer::empty(settings);
        }
        self.update();
        self.rerendered.notify();
    }

    /// Show the stored images again (one was loaded or removed).
    pub fn show_stored_images(&self) {
        if let Some(frame) = self.inner.borrow().frame.as_ref() {
            frame.show_stored_images();
        }
    }

    /// Follow the page's theme.
    pub fn set_theme(&self, theme: Option<&'static str>) {
        let mut inner = self.inner.borrow_mut();
        inner.theme = theme;
        if let Some(frame) = inner.frame.as_ref() {
            frame.set_theme(theme);
        }
    }

    /// Render with other settings (flavour, site URL): everything is rendered again.
    pub fn set_settings(&self, settings: Settings) {
        {
            let mut inner = self.inner.borrow_mut();
            if *inner.renderer.settings() == settings {
                return;
            }
            inner.renderer = BlockRenderer::empty(settings);
            if let Some(frame) = inner.frame.as_ref() {
                let clear = quire_core::render::Patch {
                    start: 0,
                    remove: usize::MAX,
                    ..Default::default()
                };
                let _ = frame.apply(&clear);
            }
        }
        self.update();
        self.rerendered.notify();
    }

    /// The body's headings as the preview shows them (with their ids).
    pub fn outline(&self) -> Vec<quire_core::render::outline::Heading> {
        quire_core::render::outline::outline(self.inner.borrow().renderer.blocks())
    }

    /// Put the caret on `heading`'s line and scroll both the editor and the preview so
    /// that it is at the top.
    pub fn go_to_heading(&self, heading: &quire_core::render::outline::Heading) {
        let Some(textarea) = self.state.editor.get_untracked() else {
            return;
        };
        let at = self
            .state
            .source
            .with_untracked(|src| quire_core::split(src).body.start + heading.start);
        self.state.forget_typed_caret();
        self.state.source.with_untracked(|src| {
            let _ = browser::editor::select(&textarea, src, at..at);
        });
        let _ = browser::editor::focus_quietly(&textarea);
        let mut inner = self.inner.borrow_mut();
        if let Some(&top) = self
            .tops(&mut inner, &textarea)
            .and_then(|tops| tops.get(heading.block))
        {
            inner.editor_expected = Some(browser::editor::scroll_to(&textarea, top as i32));
        }
        if let Some(frame) = inner.frame.clone() {
            frame.scroll_to_heading(heading.block, heading.nth);
            inner.preview_expected = frame.scroll_y();
        }
    }

    /// The source changed: bring the frame up to date with it.
    pub fn render(&self) {
        {
            let mut inner = self.inner.borrow_mut();
            if inner.frame.is_some() {
                inner.rendered_at = browser::clock::now_ms();
            }
        }
        self.update();
    }

    /// Bring the frame up to date with the source.
    fn update(&self) {
        let mut inner = self.inner.borrow_mut();
        let inner = &mut *inner;
        let Some(frame) = inner.frame.as_ref() else {
            return;
        };
        inner.tops = None;
        let result = self.state.source.with_untracked(|src| {
            let body = quire_core::split(src).body_text(src);
            match self.mode {
                Mode::Incremental => {
                    let patch = inner.renderer.update(body);
                    frame.apply(&patch).or_else(|err| match patch.items {
                        // The list in the frame is not as the patch counts its items:
                        // the block is replaced whole.
                        Some(_) => frame.apply(&patch.whole_blocks(inner.renderer.blocks())),
                        None => Err(err),
                    })
                }
                Mode::Full => {
                    let settings = inner.renderer.settings().clone();
                    inner.renderer = BlockRenderer::with_settings(body, settings);
                    let all = quire_core::render::Patch {
                        start: 0,
                        remove: usize::MAX,
                        insert: inner
                            .renderer
                            .blocks()
                            .iter()
                            .map(|b| b.html.clone())
                            .collect(),
                        ..Default::default()
                    };
                    frame.apply(&all)
                }
            }
        });
        if let Err(err) = result {
            leptos::logging::warn!("the preview could not be updated: {err}");
        }
        if browser::perf::per_keystroke() {
            let _ = browser::perf::mark(browser::perf::PREVIEW);
        }
    }

    /// Mark the block holding the caret and bring it into the preview's view, in the next
    /// frame: after the keystroke's changes are written, so the frame is laid out once and
    /// nothing on the keystroke's path waits for layout. Many calls in one frame are one.
    pub fn show_caret(&self) {
        {
            let mut inner = self.inner.borrow_mut();
            if inner.caret_pending || inner.frame.is_none() {
                return;
            }
            inner.caret_pending = true;
        }
        let this = self.clone();
        request_animation_frame(move || this.show_caret_now());
    }

    fn show_caret_now(&self) {
        self.inner.borrow_mut().caret_pending = false;
        let Some(caret) = self.state.caret() else {
            return;
        };
        let mut inner = self.inner.borrow_mut();
        let Some(frame) = inner.frame.clone() else {
            return;
        };
        let body_start = self
            .state
            .source
            .with_untracked(|src| quire_core::split(src).body.start);
        let index = inner.renderer.block_at(caret.saturating_sub(body_start));
        frame.show_caret_block(index);
        inner.preview_expected = frame.scroll_y();
    }

    /// The editor scrolled: scroll the preview to the same block.
    pub fn sync_from_editor(&self) {
        let Some(textarea) = self.state.editor.get_untracked() else {
            return;
        };
        let mut inner = self.inner.borrow_mut();
        let Some(frame) = inner.frame.clone() else {
            return;
        };
        // A scroll while typing (the caret's line kept in view) reads no layout: the
        // editor's scroll position is read, and compared with one this controller set, once
        // typing has paused.
        let since = inner.since_render();
        if since < TYPING_SCROLL_MS {
            // Follow it once typing has paused (at most one such call waits).
            if !inner.sync_waiting {
                inner.sync_waiting = true;
                let this = self.clone();
                let wait = std::time::Duration::from_millis((TYPING_SCROLL_MS - since) as u64 + 1);
                set_timeout(
                    move || {
                        this.inner.borrow_mut().sync_waiting = false;
                        this.sync_from_editor();
                    },
                    wait,
                );
            }
            return;
        }
        let top = browser::editor::scroll_top(&textarea);
        if inner.editor_expected.take() == Some(top) {
            return;
        }
        let Some(tops) = self.tops(&mut inner, &textarea) else {
            return;
        };
        let (index, fraction) = locate(tops, f64::from(top));
        frame.scroll_to_block(index, fraction);
        inner.preview_expected = frame.scroll_y();
    }

    /// The preview scrolled: scroll the editor to the same block.
    fn sync_from_preview(&self) {
        let Some(textarea) = self.state.editor.get_untracked() else {
            return;
        };
        let mut inner = self.inner.borrow_mut();
        let Some(frame) = inner.frame.clone() else {
            return;
        };
        let now = frame.scroll_y();
        if now.is_some()
            && inner
                .preview_expected
                .take()
                .zip(now)
                .is_some_and(|(e, n)| (e - n).abs() < 1.0)
        {
            return;
        }
        // Right after a change of the text the preview's own layout moved (a block was
        // replaced, scroll anchoring adjusted): not the writer's scroll.
        if inner.since_render() < TYPING_SCROLL_MS {
            return;
        }
        let Some((index, fraction)) = frame.top_block() else {
            return;
        };
        let Some(tops) = self.tops(&mut inner, &textarea) else {
            return;
        };
        let Some(&top) = tops.get(index) else {
            return;
        };
        let next = tops
            .get(index + 1)
            .copied()
            .unwrap_or(f64::from(browser::editor::scroll_metrics(&textarea).1));
        let y = (top + (next - top) * fraction).round() as i32;
        inner.editor_expected = Some(browser::editor::scroll_to(&textarea, y));
    }

    /// The editor offsets of the blocks, measured again when the text or width changed.
    fn tops<'a>(
        &self,
        inner: &'a mut Inner,
        textarea: &web_sys::HtmlTextAreaElement,
    ) -> Option<&'a [f64]> {
        let (_, _, width) = browser::editor::scroll_metrics(textarea);
        let len = self.state.source.with_untracked(String::len);
        let fresh = inner
            .tops
            .as_ref()
            .is_some_and(|t| t.len == len && t.width == width);
        if !fresh {
            let tops = self.state.source.with_untracked(|src| {
                let body_start = quire_core::split(src).body.start;
                let offsets: Vec<usize> = inner
                    .renderer
                    .blocks()
                    .iter()
                    .map(|b| body_start + b.start)
                    .collect();
                browser::editor_map::line_tops(textarea, src, &offsets).map(|tops| Tops {
                    len,
                    width,
                    tops,
                })
            });
            inner.tops = tops.ok();
        }
        inner.tops.as_ref().map(|t| t.tops.as_slice())
    }
}

/// The block at height `y` of the editor and how far through it `y` is.
fn locate(tops: &[f64], y: f64) -> (usize, f64) {
    let after = tops.partition_point(|&t| t <= y);
    let index = after.saturating_sub(1);
    let (Some(&top), next) = (tops.get(index), tops.get(index + 1)) else {
        return (0, 0.0);
    };
    let fraction = match next {
        Some(&next) if next > top => ((y - top) / (next - top)).clamp(0.0, 1.0),
        _ => 0.0,
    };
    (index, fraction)
}

/// The preview's controller from context (held where only this thread reaches it).
pub fn use_preview() -> StoredValue<PreviewController, LocalStorage> {
    expect_context::<StoredValue<PreviewController, LocalStorage>>()
}
