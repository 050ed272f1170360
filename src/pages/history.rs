//! History: the service's list of the person's jobs, page by page (the page is in the URL),
//! and the jobs of this browser when there is no token.

use crate::components::{loaded_view, screen_head, Pager};
use crate::hooks::load;
use crate::i18n::t;
use crate::pages::paging::{has_next, openable, page_from_query, start_of, time_left, PAGE_SIZE};
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::{use_settings, use_tracker};
use leptos::prelude::*;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let settings = use_settings();
    let tracker = use_tracker();
    let location = use_location();
    let page = Signal::derive(move || page_from_query(location.param("page").as_deref()));
    let rows = load(move |cancel| {
        let client = settings.client().cancelled_by(cancel);
        let p = page.get();
        async move { client.history(start_of(p, PAGE_SIZE), PAGE_SIZE).await }
    });
    let local = move || {
        tracker.jobs.with(|l| {
            l.iter()
                .rev()
                .filter_map(|j| {
                    j.hash
                        .clone()
                        .map(|h| (h, j.file_name.clone(), j.algorithm.clone()))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="history-title">
            {screen_head(&Route::History)}
            <Show when=move || settings.has_token() fallback=move || view! {
                <p>{t("With your API token (Settings), the service's whole history shows here. Jobs from this browser:")}</p>
                <Show when=move || !local().is_empty() fallback=|| view! { <p>{t("None yet.")}</p> }>
                    <ul>
                        <For each=local key=|(h, _, _)| h.clone() let:j>
                            <li><a href=Route::Job(j.0.clone()).href()>{j.1.clone()}</a>" · "{j.2.clone()}</li>
                        </For>
                    </ul>
                </Show>
            }>
                {loaded_view(rows, t("Loading the history…"), move |list| match list {
                            list if list.is_empty() => view! {
                                <p>{if page.get_untracked() > 1 { t("No more jobs.") } else { t("Your history is empty.") }}</p>
                                <Pager page=page.get_untracked() has_next=false route=Route::History />
                            }.into_any(),
                            list => {
                                let more = has_next(list.len(), PAGE_SIZE);
                                view! {
                                    <table class="history">
                                        <caption class="visually-hidden">{t("Your separations, newest first")}</caption>
                                        <thead><tr><th scope="col">{t("Date")}</th><th scope="col">{t("Model")}</th><th scope="col">{t("Credits")}</th><th scope="col">{t("Kept")}</th><th scope="col">{t("Result")}</th></tr></thead>
                                        <tbody>
                                            {list.into_iter().map(|r| {
                                                let open = openable(r.time_left, r.job_exists);
                                                view! {
                                                    <tr>
                                                        <td>{r.created_at.as_deref().map(crate::i18n::date)}</td>
                                                        <td translate="no">{r.algorithm.as_ref().map(|a| a.name.clone()).unwrap_or_default()}</td>
                                                        <td>{r.credits.map(|c| crate::i18n::number(c, if c.fract() == 0.0 { 0 } else { 1 })).unwrap_or_default()}</td>
                                                        <td>{time_left(r.time_left, r.job_exists)}</td>
                                                        <td>{if open {
                                                            view! { <a href=Route::Job(r.hash.clone()).href()>{t("Open")}</a> }.into_any()
                                                        } else {
                                                            view! { <span class="help">{t("gone")}</span> }.into_any()
                                                        }}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    <Pager page=page.get_untracked() has_next=more route=Route::History />
                                }.into_any()
                            }
                })}
            </Show>
        </section>
    }
}
