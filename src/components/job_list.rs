//! The jobs this browser follows, each a card wired to the tracker: the list on Jobs, the card
//! on a job's page, and the "In progress" list under Separate.

use crate::components::{JobCard, Loading};
use crate::hooks::use_clock;
use crate::i18n::t;
use crate::routing::route::Route;
use crate::state::Tracker;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The jobs still moving, with their controls.
#[component]
pub fn ActiveJobs(tracker: Tracker) -> impl IntoView {
    let active = Signal::derive(move || {
        tracker.jobs.with(|l| {
            l.iter()
                .filter(|j| !j.is_final())
                .map(|j| j.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !active.with(Vec::is_empty)>
            <h2>{t("In progress")}</h2>
            <p><a href=Route::Jobs.href()>{t("All jobs")}</a></p>
            // The cards' code comes when there is a job to show: not on a first visit.
            {crate::components::lazy_view(
                move || lazy_job_list(tracker, active),
                || view! { <Loading text=t("Loading your jobs…") /> }.into_any(),
                true,
            )}
        </Show>
    }
}

split_fn! {
    job_list / preload_job_list;
    /// [`JobList`] with the cards' code fetched when there is a job to show.
    pub fn lazy_job_list(tracker: Tracker, ids: Signal<Vec<String>>) -> AnyView {
        view! { <JobList tracker=tracker ids=ids /> }.into_any()
    }
}

/// Tracked jobs by id, each a card with its controls.
#[component]
pub fn JobList(tracker: Tracker, #[prop(into)] ids: Signal<Vec<String>>) -> impl IntoView {
    let now = use_clock();
    view! {
        <ul class="jobs">
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <TrackedJobCard tracker=tracker id=id now=now />
            </For>
        </ul>
    }
}

/// A [`JobCard`] wired to the tracker.
#[component]
pub fn TrackedJobCard(tracker: Tracker, id: String, now: Signal<f64>) -> impl IntoView {
    let key = StoredValue::new(id.clone());
    let job = Signal::derive(move || {
        key.with_value(|k| {
            tracker
                .jobs
                .with(|l| l.iter().find(|j| &j.id == k).cloned())
        })
    });
    let progress =
        Signal::derive(move || key.with_value(|k| tracker.progress.with(|m| m.get(k).copied())));
    let needs_file = Memo::new(move |_| {
        tracker.jobs.track();
        key.with_value(|k| tracker.needs_file(k))
    });
    let error = RwSignal::new(None::<String>);
    // The card is built once and follows the job through its signal: rebuilding it on every
    // poll would lose focus and a half-chosen retry file.
    let last = StoredValue::new(job.get_untracked());
    let current = Signal::derive(move || match job.get() {
        Some(j) => {
            last.set_value(Some(j.clone()));
            j
        }
        None => last.get_value().expect("shown only while the job exists"),
    });
    view! {
        <Show when=move || job.with(Option::is_some)>
            <JobCard
                job=current
                progress=progress
                now=now
                needs_file=needs_file
                error=error
                on_cancel_upload=Callback::new(move |id: String| tracker.cancel_upload(&id))
                on_cancel_job=Callback::new(move |id: String| spawn_local(async move {
                    if let Err(e) = tracker.cancel_job(&id).await { error.set(Some(e.to_string())); }
                }))
                on_retry=Callback::new(move |(id, file): (String, Option<web_sys::File>)| {
                    error.set(tracker.retry(&id, file).err());
                })
                on_remove=Callback::new(move |id: String| tracker.remove(&id))
            />
        </Show>
    }
}
