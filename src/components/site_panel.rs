//! The site folder: open one (or reconnect after a reload), and its posts, newest first,
//! with a filter; a click opens a post as a draft linked to its file.

use leptos::prelude::*;
use quire_core::site::{SiteKind, SitePost};

use crate::site::{use_site, Site};

/// The site panel (`data-testid=site`).
#[component]
pub fn SitePanel() -> impl IntoView {
    let site = use_site();
    view! {
        <section class="panel site-panel" aria-labelledby="site-heading" data-testid="site">
            <h2 id="site-heading" class="panel-title">"Site"</h2>
            <crate::components::SiteConfigStatus />
            {move || match site.info.get() {
                None => view! { <NoSite /> }.into_any(),
                Some(info) => view! {
                    <p class="site-name" data-testid="site-name">
                        <strong>{info.name.clone()}</strong>
                        {info.kind.map(|k| format!(" · {}", k.name()))}
                        " "
                        <button type="button" class="link-button" data-testid="site-close"
                            on:click=move |_| site.close()>"Close"</button>
                    </p>
                    {(info.kind == Some(SiteKind::Plain)).then(|| view! {
                        <p class="hint" data-testid="site-plain">
                            "Not a Jekyll, Hugo or Zola site: every Markdown file in it is listed, and new posts go to its top folder."
                        </p>
                    })}
                    {(!info.writable).then(|| view! {
                        <p class="hint" data-testid="site-read-only">
                            "Read-only: this browser cannot write into the folder. Saving downloads a zip of the changed files at their paths."
                        </p>
                    })}
                    {(!info.connected).then(|| view! {
                        <p class="hint">"The browser asks again before Quire may use this folder."</p>
                        <button type="button" data-testid="site-reconnect"
                            on:click=move |_| site.reconnect()>{format!("Reconnect {}", info.name)}</button>
                    })}
                    <SitePosts site=site />
                }.into_any(),
            }}
        </section>
    }
}

/// Offer to open a site folder; where the browser cannot write to one, a folder input
/// reads it.
#[component]
fn NoSite() -> impl IntoView {
    let site = use_site();
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <p class="hint">
            {if Site::supported() {
                "Open your site's folder to list its posts, edit them in place and publish drafts into it. No server or Git needed."
            } else {
                "This browser cannot write into a folder (Chromium-based browsers can): the folder is read, and changes are downloaded as a zip of the changed files at their paths."
            }}
        </p>
        <button type="button" data-testid="site-open" on:click=move |_| {
            site.open(move || {
                if let Some(input) = input.get_untracked() {
                    input.click();
                }
            })
        }>"Open site folder…"</button>
        <input type="file" class="visually-hidden" data-testid="site-open-input" node_ref=input
            prop:webkitdirectory=true multiple=true tabindex="-1" aria-hidden="true"
            on:change:target=move |ev| site.open_picked(&ev.target()) />
    }
}

/// The site's posts, filterable.
#[component]
fn SitePosts(site: Site) -> impl IntoView {
    let listed = Memo::new(move |_| site.listed());
    view! {
        {move || site.reading.get().map(|(done, total)| view! {
            <p class="hint" role="status" data-testid="site-progress">
                {if total == 0 { "Looking for posts…".to_string() } else { format!("Reading posts: {done} of {total}") }}
            </p>
        })}
        <input type="search" class="fm-input" data-testid="site-filter" placeholder="Filter posts…"
            aria-label="Filter the site's posts" prop:value=move || site.filter.get()
            on:input:target=move |ev| site.filter.set(ev.target().value()) />
        <ul class="draft-list site-posts" data-testid="site-posts">
            <For each=move || listed.get().0 key=|p| (p.path.clone(), p.title.clone(), p.date.clone(), p.draft) let:post>
                <SitePostRow post=post />
            </For>
        </ul>
        {move || {
            let all = listed.with(|l| l.1);
            (all > crate::site::SHOWN).then(|| view! {
                <p class="hint" data-testid="site-posts-more">
                    {format!("Showing the newest {} of {all}: filter to find the others.", crate::site::SHOWN)}
                </p>
            })
        }}
    }
}

/// One post of the site.
#[component]
fn SitePostRow(post: SitePost) -> impl IntoView {
    let site = use_site();
    let path = StoredValue::new(post.path.clone());
    let title = if post.title.is_empty() {
        post.path.clone()
    } else {
        post.title.clone()
    };
    view! {
        <li class="draft-item" data-testid="site-post-item" data-path=post.path.clone()>
            <button type="button" class="draft-open" title=format!("Open {}", post.path)
                on:click=move |_| site.open_post(path.get_value())>
                <span class="draft-title">{title}</span>
                <span class="draft-meta">
                    {if post.date.is_empty() { "undated".to_string() } else { post.date.clone() }}
                    {post.draft.then(|| view! { " · " <span class="badge" data-testid="site-post-draft">"draft"</span> })}
                    " · " {post.path.clone()}
                </span>
            </button>
        </li>
    }
}
