//! The mirror of a job's results (1 credit): its own code, fetched when results are shown.

use crate::api::web_url::web_url;
use crate::components::ErrorView;
use crate::hooks::Task;
use crate::i18n::t;
use crate::state::use_settings;
use leptos::prelude::*;

/// "Get mirror links" for the job `hash`, asked of its own API address `base`.
#[component]
fn Mirror(hash: String, base: String) -> impl IntoView {
    let settings = use_settings();
    let mirror = Task::new();
    let get = move |_| {
        let (client, h) = (settings.access_untracked().client(&base), hash.clone());
        mirror.run(async move { client.mirror(&h).await });
    };
    view! {
        <h2>{t("Mirror")}</h2>
        <p class="help">{t("If the downloads are slow, the service can serve them from a mirror. It costs 1 credit and needs your token.")}</p>
        <button type="button" class="secondary" disabled=move || !settings.has_token() || mirror.pending.get()
            on:click=get>{t("Get mirror links (1 credit)")}</button>
        {move || mirror.value.get().map(|r| match r {
            Ok(m) => view! {
                <ul class="mirror">{m.data.files.into_iter().map(|f| match web_url(&f.url) {
                    Some(u) => view! { <li><a href=u>{format!("{} (mirror)", f.stem)}</a></li> }.into_any(),
                    // Not a web address: shown as text, never as a link.
                    None => view! { <li>{tr!("{stem} (mirror): {url}", stem = f.stem, url = f.url)}</li> }.into_any(),
                }).collect_view()}</ul>
            }.into_any(),
            Err(e) => view! { <ErrorView error=e /> }.into_any(),
        })}
    }
}

split_fn! {
    job_mirror / preload_job_mirror;
    /// [`Mirror`] with its code fetched when results are first shown.
    pub fn lazy_mirror(hash: String, base: String) -> AnyView {
        view! { <Mirror hash=hash base=base /> }.into_any()
    }
}
