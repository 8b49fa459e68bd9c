//! Saving into and publishing to the site, and the choices when that needs the writer:
//! the open draft's file changed on disk (`site-conflict`), or a publish would replace
//! files (`publish-replace`).

use leptos::prelude::*;

use crate::site::use_site;

/// `save-to-site` for a draft linked to a file of the open site, else `publish-to-site`.
#[component]
pub fn SiteActions() -> impl IntoView {
    let site = use_site();
    let connected = move || {
        site.info
            .with(|i| i.as_ref().is_some_and(|i| i.connected && i.kind.is_some()))
    };
    let writable = move || site.info.with(|i| i.as_ref().is_some_and(|i| i.writable));
    move || {
        if site.linked_here() && !writable() {
            Some(view! {
                <button type="button" data-testid="site-download-changes" title="Download the changed posts of this site as a zip (Ctrl+S)"
                    disabled=move || !connected()
                    on:click=move |_| site.download_changes()>"Download changes"</button>
            }.into_any())
        } else if site.linked_here() {
            Some(view! {
                <button type="button" data-testid="save-to-site" title="Write this post into its file (Ctrl+S)"
                    disabled=move || !connected()
                    on:click=move |_| { site.save(); }>"Save to site"</button>
            }.into_any())
        } else {
            connected().then(|| view! {
                <button type="button" data-testid="publish-to-site" title="Write this post and its images into the site"
                    on:click=move |_| site.publish()>"Publish to site"</button>
            }.into_any())
        }
    }
}

/// The choices waiting for the writer.
#[component]
pub fn SiteBar() -> impl IntoView {
    let site = use_site();
    view! {
        {move || site.conflict.get().map(|change| {
            let removed = change.bytes.is_none();
            view! {
                <div class="notice conflict" data-testid="site-conflict" role="alert">
                    <span>{if removed {
                        format!("{} was removed from the site since Quire last read it.", change.path)
                    } else {
                        format!("{} was changed on disk since Quire last read or wrote it. Nothing is written until you choose.", change.path)
                    }}</span>
                    <span class="conflict-actions">
                        {(!removed).then(|| view! {
                            <button type="button" data-testid="site-conflict-take-disk"
                                on:click=move |_| site.take_disk()>"Take the disk's version (yours kept as a revision)"</button>
                        })}
                        <button type="button" data-testid="site-conflict-keep-copy"
                            on:click=move |_| site.keep_mine_as_copy()>{if removed { "Keep yours, unlinked" } else { "Keep yours as a copy" }}</button>
                        <button type="button" data-testid="site-conflict-overwrite"
                            on:click=move |_| site.overwrite()>{if removed { "Write it again" } else { "Overwrite the file (its version kept as a revision)" }}</button>
                    </span>
                </div>
            }
        })}
        {move || site.pending.get().map(|pending| view! {
            <div class="notice conflict" data-testid="publish-replace" role="alert">
                <span>{format!(
                    "These files exist in the site with other contents: {}. Replace them?",
                    pending.different.join(", ")
                )}</span>
                <span class="conflict-actions">
                    <button type="button" data-testid="publish-replace-yes"
                        on:click=move |_| site.publish_replacing()>"Replace"</button>
                    <button type="button" data-testid="publish-replace-no"
                        on:click=move |_| site.publish_cancel()>"Cancel"</button>
                </span>
            </div>
        })}
    }
}
