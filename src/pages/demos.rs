//! Demos: the site's gallery, loaded 20 at a time as the person asks for more, filterable by
//! model. Players load nothing until played.

use crate::api::models::Demo;
use crate::api::web_url::web_url_on;
use crate::api::ApiError;
use crate::components::{screen_head, ErrorView, Loading, Player};
use crate::i18n::t;
use crate::pages::paging::{has_next, PAGE_SIZE};
use crate::routing::route::Route;
use crate::state::use_settings;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A demo's model name, marked for the browser's Element Timing: the players wait for its paint.
const NAME: &str = ".demo strong";

#[component]
pub fn DemosPage() -> impl IntoView {
    let settings = use_settings();
    let items = RwSignal::new(Vec::<Demo>::new());
    let more = RwSignal::new(true);
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let filter = RwSignal::new(String::new());
    let load = move || {
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        error.set(None);
        let client = settings.client();
        let start = items.with_untracked(Vec::len) as u32;
        spawn_local(async move {
            match client.demo(start, PAGE_SIZE).await {
                Ok(page) => {
                    more.set(has_next(page.len(), PAGE_SIZE));
                    // Keyed by hash: a page that overlaps the last adds nothing twice.
                    items.update(|l| {
                        for d in page {
                            if !l.iter().any(|x| x.hash == d.hash) {
                                l.push(d);
                            }
                        }
                    });
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };
    load();
    let names = move || {
        let mut v: Vec<String> = items.with(|l| {
            l.iter()
                .filter_map(|d| d.algorithm.as_ref().map(|a| a.name.clone()))
                .collect()
        });
        v.sort();
        v.dedup();
        v
    };
    let shown = move || {
        let f = filter.get();
        items.with(|l| {
            l.iter()
                .filter(|d| f.is_empty() || d.algorithm.as_ref().is_some_and(|a| a.name == f))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="demos-title">
            {screen_head(&Route::Demos)}
            <div class="field">
                <label for="demo-filter">{t("Model")}</label>
                <select id="demo-filter" on:change=move |ev| filter.set(event_target_value(&ev))>
                    <option value="">{t("All models")}</option>
                    <For each=names key=|n| n.clone() let:n>
                        <option value=n.clone() translate="no">{n.clone()}</option>
                    </For>
                </select>
            </div>
            <ul class="demos">
                <For each=shown key=|d| d.hash.clone() let:d>
                    <li class="demo">
                        <strong translate="no" {..custom_attribute("elementtiming", "demo")}>{d.algorithm.as_ref().map(|a| a.name.clone()).unwrap_or_default()}</strong>
                        <span class="help">{d.date.as_deref().map(crate::i18n::date)}</span>
                        {d.input_audio.as_deref().and_then(|a| web_url_on(a, &settings.base.get_untracked())).map(|src| view! {
                            <Player src=src label=tr!("Play the input of {model}", model = d.algorithm.as_ref().map(|a| a.name.clone()).unwrap_or_default()) after=NAME />
                        })}
                        <a href=Route::Job(d.hash.clone()).href()>{t("See the result")}</a>
                    </li>
                </For>
            </ul>
            {move || (!loading.get() && items.with(Vec::is_empty) && error.get().is_none()).then(|| view! { <p>{t("The gallery is empty.")}</p> })}
            {move || error.get().map(|e| view! { <ErrorView error=e on_retry=Callback::new(move |_| load()) /> })}
            {move || loading.get().then(|| view! { <Loading text=t("Loading the demos…") /> })}
            {move || (more.get() && !loading.get() && error.get().is_none()).then(|| view! {
                <button type="button" class="secondary" on:click=move |_| load()>{t("Load more")}</button>
            })}
        </section>
    }
}
