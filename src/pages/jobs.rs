//! Jobs: every job started or opened in this browser, newest first.

use crate::components::{lazy_job_list, screen_head, Loading};
use crate::i18n::{around, t, tn};
use crate::routing::route::Route;
use crate::state::job::saved::KEY_UNREADABLE;
use crate::state::use_tracker;
use leptos::prelude::*;

#[component]
pub fn JobsPage() -> impl IntoView {
    let tracker = use_tracker();
    let ids = move || {
        tracker
            .jobs
            .with(|l| l.iter().rev().map(|j| j.id.clone()).collect::<Vec<_>>())
    };
    view! {
        <section aria-labelledby="jobs-title">
            {screen_head(&Route::Jobs)}
            {move || {
                let n = tracker.saving.with(|s| s.unreadable);
                (n > 0).then(|| view! {
                    <p class="notice" role="status">{tn(
                        n as u64,
                        "{n} saved job could not be read (saved by another version of this app, or damaged). It is kept in this browser's storage under “{key}”, not deleted.",
                        "{n} saved jobs could not be read (saved by another version of this app, or damaged). They are kept in this browser's storage under “{key}”, not deleted.",
                    ).replace("{key}", KEY_UNREADABLE)}</p>
                })
            }}
            <Show when=move || tracker.saving.with(|s| s.full)>
                <p class="notice" role="alert">{t("This browser's storage is full: the jobs listed here are not saved, and a reload would lose them. Forget finished jobs, or free some space for this site.")}</p>
            </Show>
            <Show when=move || !ids().is_empty() fallback=|| {
                let (before, after) = around("No jobs yet. {link}.");
                view! { <p>{before}<a href=Route::Separate.href()>{t("Separate a song")}</a>{after}</p> }
            }>
                // The cards' code comes with the first job to show.
                {crate::components::lazy_view(
                    move || lazy_job_list(tracker, Signal::derive(ids)),
                    || view! { <Loading text=t("Loading your jobs…") /> }.into_any(),
                    true,
                )}
            </Show>
        </section>
    }
}
