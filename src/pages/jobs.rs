//! Jobs: every job started or opened in this browser, newest first.

use crate::components::{lazy_job_list, Loading};
use crate::forms::files::count;
use crate::state::saved_jobs::KEY_UNREADABLE;
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
            <h1 id="jobs-title">"Jobs"</h1>
            <p class="help">"Jobs started in this browser. They are kept here across reloads; the service keeps results about 72 hours."</p>
            {move || {
                let n = tracker.kept_aside.get();
                (n > 0).then(|| view! {
                    <p class="notice" role="status">{format!(
                        "{} could not be read (saved by another version of this app, or damaged). {} kept in this browser's storage under “{KEY_UNREADABLE}”, not deleted.",
                        count(n as u64, "saved job"),
                        if n == 1 { "It is" } else { "They are" },
                    )}</p>
                })
            }}
            <Show when=move || !ids().is_empty() fallback=|| view! {
                <p>"No jobs yet. " <a href="/">"Separate a song"</a> "."</p>
            }>
                // The cards' code comes with the first job to show.
                {crate::components::lazy_view(
                    move || lazy_job_list(tracker, Signal::derive(ids)),
                    || view! { <Loading what="your jobs" /> }.into_any(),
                    true,
                )}
            </Show>
        </section>
    }
}
