//! A trailing debounce that sets no new timer on every call.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};

/// Runs the last action given to [`Debounce::poke`] once its delay has passed since the
/// last poke. Typing pokes on every keystroke: a timer is set only when none is running
/// (or the new deadline comes before it), and one that fires before the deadline (pushed
/// back meanwhile) waits out the rest. A keystroke costs a clock read, not a cleared timer
/// and a new one with its closure.
#[derive(Clone, Default)]
pub struct Debounce(Rc<RefCell<Pending>>);

#[derive(Default)]
struct Pending {
    /// When the action is due (ms on the page's monotonic clock).
    due: f64,
    /// The running timer: when it fires, and its handle.
    timer: Option<(f64, TimeoutHandle)>,
    action: Option<Box<dyn FnOnce()>>,
}

impl Debounce {
    /// Run `action` (in place of any waiting one) once `delay` has passed without another
    /// poke.
    pub fn poke(&self, delay: Duration, action: impl FnOnce() + 'static) {
        let now = now_ms();
        let due = now + delay.as_secs_f64() * 1000.0;
        let mut pending = self.0.borrow_mut();
        pending.due = due;
        pending.action = Some(Box::new(action));
        if pending
            .timer
            .as_ref()
            .is_some_and(|(fires, _)| *fires <= due)
        {
            return;
        }
        if let Some((_, handle)) = pending.timer.take() {
            handle.clear();
        }
        drop(pending);
        self.arm(now, delay);
    }

    /// Drop the waiting action, if any.
    pub fn cancel(&self) {
        let mut pending = self.0.borrow_mut();
        pending.action = None;
        if let Some((_, handle)) = pending.timer.take() {
            handle.clear();
        }
    }

    fn arm(&self, now: f64, wait: Duration) {
        let this = self.clone();
        match set_timeout_with_handle(move || this.fire(), wait) {
            Ok(handle) => {
                let fires = now + wait.as_secs_f64() * 1000.0;
                self.0.borrow_mut().timer = Some((fires, handle));
            }
            // No timer to be had: do it now rather than never.
            Err(_) => self.run(),
        }
    }

    fn fire(&self) {
        let now = now_ms();
        let left = {
            let mut pending = self.0.borrow_mut();
            pending.timer = None;
            pending.due - now
        };
        if left > 0.0 {
            self.arm(now, Duration::from_secs_f64(left.ceil() / 1000.0));
        } else {
            self.run();
        }
    }

    fn run(&self) {
        let action = self.0.borrow_mut().action.take();
        if let Some(action) = action {
            action();
        }
    }
}

thread_local! {
    static PERFORMANCE: Option<web_sys::Performance> =
        web_sys::window().and_then(|w| w.performance());
}

/// The page's monotonic clock in ms (`performance.now()`; the wall clock without one).
fn now_ms() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}
