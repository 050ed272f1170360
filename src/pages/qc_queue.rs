//! The quality checker's evaluation queue: recent entries and their state, paged, refreshed
//! every 10 s while visible.

use crate::components::{loaded_view, screen_head, Pager};
use crate::hooks::{every_visible, load};
use crate::i18n::t;
use crate::pages::paging::{has_next, page_from_query, start_of, PAGE_SIZE};
use crate::quality::dataset_name;
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::use_settings;
use leptos::prelude::*;

#[component]
pub fn QcQueuePage() -> impl IntoView {
    let settings = use_settings();
    let location = use_location();
    let page = Signal::derive(move || page_from_query(location.param("page").as_deref()));
    let rows = load(move |cancel| {
        let client = settings.client().cancelled_by(cancel);
        let p = page.get();
        async move { client.qc_queue(start_of(p, PAGE_SIZE), PAGE_SIZE).await }
    });
    every_visible(std::time::Duration::from_secs(10), move || rows.refetch());
    view! {
        <section aria-labelledby="qcq-title">
            {screen_head(&Route::QcQueue)}
            {loaded_view(rows, t("Loading the queue…"), move |list| {
                let more = has_next(list.len(), PAGE_SIZE);
                view! {
                    <div class="table-wrap">
                    <table class="board">
                        <thead><tr><th scope="col">{t("Entry")}</th><th scope="col">{t("Model")}</th><th scope="col">{t("Dataset")}</th><th scope="col">{t("Date")}</th><th scope="col">{t("State")}</th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|e| view! {
                                <tr>
                                    <td><a href=Route::QcEntry(e.id).href()>{e.id}</a></td>
                                    <td translate="no">{e.algo_name.clone().unwrap_or_default()}</td>
                                    <td translate="no">{e.dataset_type.map(dataset_name).unwrap_or_default()}</td>
                                    <td>{e.date.as_deref().map(crate::i18n::date)}</td>
                                    <td>{if e.processed == Some(1) { t("evaluated").to_string() } else { e.message.clone().unwrap_or_else(|| t("waiting").into()) }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <Pager page=page.get_untracked() has_next=more route=Route::QcQueue />
                }.into_any()
            })}
        </section>
    }
}
