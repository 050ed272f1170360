//! One quality-checker entry: its details and metrics, followed until it is evaluated; delete
//! with the entry's password after a confirmation.

use crate::api::ApiError;
use crate::components::{loaded_view, ErrorView, SecretInput};
use crate::hooks::{every_visible, load, Task};
use crate::i18n::t;
use crate::quality::{dataset_name, metrics_of};
use crate::routing::route::Route;
use crate::state::use_settings;
use leptos::prelude::*;

#[component]
pub fn QcEntryPage(
    /// The entry's id, from the address.
    id: i64,
) -> impl IntoView {
    let settings = use_settings();
    let entry = load(move |cancel| {
        let client = settings.client().cancelled_by(cancel);
        async move { client.qc_entry(id).await }
    });
    // Not evaluated yet: ask again every 5 s while the tab is visible.
    every_visible(std::time::Duration::from_secs(5), move || {
        let waiting = entry
            .value
            .with_untracked(|v| matches!(v, Some(Ok(e)) if e.processed != Some(1)));
        if waiting {
            entry.refetch();
        }
    });
    let password = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let delete = Task::<crate::api::models::Notice>::new();
    view! {
        <section aria-labelledby="entry-title">
            <h1 id="entry-title">{tr!("Entry {id}", id = id)}</h1>
            <p><a href=Route::Leaderboard.href()>{t("← Leaderboard")}</a></p>
            {loaded_view(entry, t("Loading the entry…"), move |e| {
                let metrics = metrics_of(&e);
                let state = match e.processed {
                    Some(1) => t("Evaluated").to_string(),
                    _ => match e.message.clone() { Some(m) => tr!("Waiting for evaluation: {why}", why = m), None => t("Waiting for evaluation").into() },
                };
                view! {
                    <dl class="facts">
                        <dt>{t("Model")}</dt><dd data-testid="entry-name" translate="no">{e.algo_name.clone().unwrap_or_default()}</dd>
                        <dt>{t("Description")}</dt><dd class="pre" translate="no">{e.main_text.clone().unwrap_or_default()}</dd>
                        <dt>{t("Dataset")}</dt><dd translate="no">{e.dataset_type.map(dataset_name).unwrap_or_default()}</dd>
                        <dt>{t("Date")}</dt><dd>{e.date.as_deref().or(e.created_at.as_deref()).map(crate::i18n::date)}</dd>
                        <dt>{t("Kind")}</dt><dd>{if e.ensemble { t("ensemble") } else { t("single model") }}</dd>
                        <dt>{t("State")}</dt><dd><span role="status" data-testid="entry-state">{state}</span></dd>
                    </dl>
                    {(!metrics.is_empty()).then(|| view! {
                        <h2>{t("Metrics")}</h2>
                        <table class="board">
                            <thead><tr><th scope="col">{t("Stem")}</th><th scope="col" class="num">{t("SDR")}</th></tr></thead>
                            <tbody>
                                {metrics.into_iter().map(|(s, v)| view! {
                                    <tr><td translate="no">{s}</td><td class="num">{v.map(|v| crate::i18n::number(v, 4)).unwrap_or_else(|| t("missing").into())}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                }.into_any()
            })}
            // Once the entry is there (or said missing): drawn earlier, the entry would push it down.
            <Show when=move || entry.value.with(Option::is_some)>
            <h2>{t("Delete this entry")}</h2>
            <form class="stack" on:submit=move |ev| {
                ev.prevent_default();
                if !confirming.get_untracked() {
                    confirming.set(true);
                    return;
                }
                confirming.set(false);
                let client = settings.client();
                let pw = password.get_untracked();
                delete.run(async move { client.qc_delete(id, &pw).await });
            }>
                <label for="delete-password">{t("The entry's password")}</label>
                <SecretInput id="delete-password" value=password />
                <div class="row">
                    <button type="submit" class=move || if confirming.get() { "danger" } else { "secondary" } disabled=move || delete.pending.get()>
                        {move || if confirming.get() { tr!("Yes, delete entry {id}", id = id) } else { t("Delete…").to_string() }}
                    </button>
                    {move || confirming.get().then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{t("Keep it")}</button>
                    })}
                </div>
            </form>
            </Show>
            <div aria-live="polite">
                {move || delete.value.get().map(|r: Result<_, ApiError>| match r {
                    Ok(n) => view! { <p class="ok" role="status">{tr!("The service says: {words}", words = n.message.unwrap_or_default())}</p> }.into_any(),
                    Err(e) => view! { <ErrorView error=e /> }.into_any(),
                })}
            </div>
        </section>
    }
}
