//! The service worker (`sw.js`, written at build time by `cargo xtask post-build`): it
//! precaches the build so the app opens with no network after one visit. A new deploy
//! installs a new worker, which waits; the page offers to switch, and reloads once the new
//! worker has taken over.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::BrowserError;

fn container() -> Result<ServiceWorkerContainer, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let navigator = window.navigator();
    // Absent in insecure contexts and some private modes.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return Err(BrowserError::Unsupported("service workers"));
    }
    Ok(navigator.service_worker())
}

/// Register the worker; `on_update_ready` runs when a new version is installed and waits
/// for the writer's word (not on the first install, which takes over at once).
pub fn register(on_update_ready: impl Fn() + Clone + 'static) -> Result<(), BrowserError> {
    let container = container()?;
    let promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let registration = match JsFuture::from(promise).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(err) => {
                leptos::logging::warn!("offline use is off: {}", BrowserError::from_js(err));
                return;
            }
        };
        if let Err(err) = watch(&registration, on_update_ready) {
            leptos::logging::warn!("updates will not be announced: {err}");
        }
    });
    Ok(())
}

fn watch(
    registration: &ServiceWorkerRegistration,
    on_update_ready: impl Fn() + Clone + 'static,
) -> Result<(), BrowserError> {
    let controlled = || container().is_ok_and(|c| c.controller().is_some());
    if registration.waiting().is_some() && controlled() {
        on_update_ready();
    }
    let watched = registration.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = watched.installing() else {
            return;
        };
        let worker = installing.clone();
        let ready = on_update_ready.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                ready();
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    Ok(())
}

/// Let the waiting worker take over, then reload the page (once it has).
pub fn switch_to_update() -> Result<(), BrowserError> {
    let container = container()?;
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let ready = container.ready().map_err(BrowserError::from_js)?;
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let Some(waiting) = registration.waiting() {
            if let Err(err) = waiting.post_message(&"skip-waiting".into()) {
                leptos::logging::warn!(
                    "the update could not start: {}",
                    BrowserError::from_js(err)
                );
            }
        }
    });
    Ok(())
}
