//! What the site's config means for the open post: its URL as the site will publish it
//! (`post-url`), the values it inherits from the config's defaults (`fm-inherited-<key>`,
//! greyed, with their scope; editing one writes it into the post), and where the config
//! comes from, with the offer to import one (`site-config-import`).

use leptos::prelude::*;
use quire_core::front_matter::{self, Value};

use crate::browser;
use crate::site_settings::use_site_settings;
use crate::state::use_editor_state;

/// The post's URL, once a config is known.
#[component]
pub fn PostUrl() -> impl IntoView {
    let settings = use_site_settings();
    move || {
        settings.post_url.get().map(|url| match url {
            Ok(url) => view! {
                <p class="post-url" title="Where the site will publish this post">
                    <span class="field-label">"URL "</span>
                    <code data-testid="post-url" data-path=url.path.clone()>{url.full}</code>
                </p>
            }
            .into_any(),
            Err(why) => view! {
                <p class="post-url fm-error" data-testid="post-url" role="alert">{format!("No URL: {why}.")}</p>
            }
            .into_any(),
        })
    }
}

/// The values the post inherits and does not set itself.
#[component]
pub fn InheritedFields() -> impl IntoView {
    let settings = use_site_settings();
    let state = use_editor_state();
    let shown = Memo::new(move |_| {
        let own: Vec<String> = state
            .last_good_fields
            .with(|fields| fields.iter().map(|f| f.key.clone()).collect());
        settings
            .inherited
            .get()
            .into_iter()
            .filter(|i| !own.contains(&i.key))
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || !shown.with(Vec::is_empty)>
            <div class="fm-inherited" aria-label="Inherited from the site's defaults">
                <p class="panel-subtitle">"Inherited from the site's defaults"</p>
                <For each=move || shown.get() key=|i| (i.key.clone(), i.value.to_plain_string(), i.scope.clone()) let:item>
                    {
                        let key = item.key.clone();
                        let testid = format!("fm-inherited-{key}");
                        let plain = matches!(item.value, Value::Map(_) | Value::List(_));
                        let like = item.value.clone();
                        let shown_value = item.value.to_plain_string();
                        let (as_data, as_text) = (shown_value.clone(), format!(": {shown_value}"));
                        view! {
                            <label class="field inherited" data-testid=testid data-scope=item.scope.clone()
                                data-value=as_data>
                                <span class="field-label">{key.clone()}</span>
                                // The value as text too (the input shows it), for what reads the row's text.
                                <span class="visually-hidden" aria-hidden="true">{as_text}</span>
                                <input type="text" class="fm-input" prop:value=shown_value.clone()
                                    readonly=plain
                                    title=format!("Inherited from the defaults for {}; change it to set it in this post", item.scope)
                                    on:change:target=move |ev| {
                                        let text = ev.target().value();
                                        if text == shown_value {
                                            return;
                                        }
                                        let key = key.clone();
                                        let value = typed(&text, &like);
                                        state.edit(move |src| front_matter::set(src, &key, &value));
                                    } />
                                <span class="hint">{format!("from {}", item.scope)}</span>
                            </label>
                        }
                    }
                </For>
            </div>
        </Show>
    }
}

/// Where the config comes from, and the offer to import one.
#[component]
pub fn SiteConfigStatus() -> impl IntoView {
    let settings = use_site_settings();
    view! {
        <p class="hint" data-testid="site-config"
            data-zone=move || settings.loaded.with(|l| l.as_ref().map(|l| l.config.zone.name.clone()))>
            {move || match settings.loaded.get() {
                Some(l) => format!(
                    "Config: {} ({}{}): the preview, the post's URL and the form follow it.{}",
                    l.file,
                    l.config.kind.name(),
                    if l.from_folder { ", from the folder" } else { ", imported" },
                    zone_note(&l.config)
                ),
                None => "No site config: import the site's _config.yml (or Hugo/Zola config) to see each post's URL and inherited values.".to_string(),
            }}
        </p>
        <label class="button-like">
            "Import config…"
            <input type="file" class="visually-hidden" data-testid="site-config-import"
                accept=".yml,.yaml,.toml,.json"
                on:change:target=move |ev| {
                    if let Some(file) = browser::file::take_chosen(&ev.target()) {
                        settings.import(file);
                    }
                } />
        </label>
    }
}

/// What the config's `timezone:` means for the post's dates.
fn zone_note(config: &quire_core::site_config::SiteConfig) -> String {
    match config.timezone() {
        Some(name) if config.zone.name == name => format!(" Dates are in {name}, its timezone."),
        Some(name) => format!(
            " Its timezone “{name}” is not a time zone this browser knows: dates are in UTC, as Jekyll's build has them with it."
        ),
        None => String::new(),
    }
}

/// `text` as a value of the inherited value's type where it reads as one (`false` for a
/// flag, `3` for a number), else as text.
fn typed(text: &str, like: &Value) -> Value {
    match like {
        Value::Bool(_) => match text.trim() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(text.to_string()),
        },
        Value::Int(_) => text
            .trim()
            .parse()
            .map_or_else(|_| Value::String(text.to_string()), Value::Int),
        _ => Value::String(text.to_string()),
    }
}
