use crate::api::models::Status;
use crate::components::drop_zone::event_target;
use crate::components::ProgressBar;
use crate::i18n::t;
use crate::results::files::{human_bytes, human_duration};
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::job::tracker::Progress;
use crate::state::job::Phase;
use crate::state::job::TrackedJob;
use leptos::prelude::*;

/// One job: what it is, where it is, and what can be done with it.
#[component]
pub fn JobCard(
    /// The job (a signal: it changes as it is polled).
    #[prop(into)]
    job: Signal<TrackedJob>,
    /// Upload progress while uploading.
    #[prop(into)]
    progress: Signal<Option<Progress>>,
    /// A clock, so elapsed times move.
    #[prop(into)]
    now: Signal<f64>,
    on_cancel_upload: Callback<String>,
    on_cancel_job: Callback<String>,
    /// Retry with a newly chosen file (None for link jobs or when the file is still held).
    on_retry: Callback<(String, Option<web_sys::File>)>,
    on_remove: Callback<String>,
    /// Whether retrying needs the file to be chosen again.
    #[prop(into)]
    needs_file: Signal<bool>,
    /// Why the last action on the card failed.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let location = use_location();
    let id = move || job.with(|j| j.id.clone());
    // Each part of the card changes only when what it shows changes, not on every poll: a
    // focused button is not replaced under the person's keyboard.
    let status_class = Memo::new(move |_| {
        job.with(|j| match (&j.phase, j.status) {
            (Phase::Refused, _) | (_, Some(Status::Failed | Status::NotFound)) => "job bad",
            (Phase::Interrupted, _) => "job warn",
            (Phase::Ended, Some(Status::Done)) => "job good",
            _ => "job",
        })
    });
    let hash = Memo::new(move |_| job.with(|j| j.hash.clone()));
    let uploading = Memo::new(move |_| job.with(|j| j.phase == Phase::Uploading));
    let waiting = Memo::new(move |_| {
        job.with(|j| j.phase == Phase::Submitted && j.status == Some(Status::Waiting))
    });
    let retryable =
        Memo::new(move |_| job.with(|j| matches!(j.phase, Phase::Interrupted | Phase::Refused)));
    // Interrupted once the service has it: polling stopped after failures; ask it again.
    let sent = Memo::new(move |_| job.with(TrackedJob::is_sent));
    let parts = Memo::new(move |_| {
        job.with(|j| {
            (j.phase == Phase::Submitted && j.status == Some(Status::Distributing))
                .then_some(j.chunks)
        })
    });
    let uploading_now = Memo::new(move |_| progress.with(Option::is_some));
    let name = StoredValue::new(job.with_untracked(|j| j.file_name.clone()));
    let upload_line = move || {
        progress.get().map(|p| {
            let eta = (p.speed() > 0.0).then(|| {
                tr!(
                    " · {time} left",
                    time = human_duration((p.total - p.loaded) / p.speed())
                )
            });
            tr!(
                "{done} of {all} · {speed}/s{eta}",
                done = human_bytes(p.loaded),
                all = human_bytes(p.total),
                speed = human_bytes(p.speed()),
                eta = eta.unwrap_or_default()
            )
        })
    };
    let retry_input = format!("retry-{}", job.with_untracked(|j| j.id.clone()));
    view! {
        <li class=move || status_class.get()>
            <div class="job-head">
                <strong class="file" translate="no">{move || job.with(|j| j.file_name.clone())}</strong>
                <span class="algo" translate="no">{move || job.with(|j| j.algorithm.clone())}</span>
            </div>
            // Told on a change of state; the clock beside it is not read out every second.
            <p class="job-status" role="status">
                {move || job.with(|j| j.status_said())}
                <span aria-hidden="true">{move || job.with(|j| j.running_clock(now.get())).map(|c| format!(" · {c}"))}</span>
            </p>
            {move || uploading_now.get().then(|| view! {
                <div class="upload">
                    <ProgressBar value=Signal::derive(move || progress.get().map(|p| p.fraction())) label=tr!("Upload of {name}", name = name.get_value()) />
                    <span class="help">{upload_line}</span>
                </div>
            })}
            {move || parts.with(Option::is_some).then(|| view! {
                <ProgressBar
                    value=Signal::derive(move || parts.get().flatten().map(|(d, a)| if a > 0 { d as f64 / a as f64 } else { 0.0 }))
                    label=t("Parts done")
                />
            })}
            <div class="row actions">
                {move || hash.get().map(|h| Route::Job(h).href())
                    // Not on the job's own page.
                    .filter(|link| location.path.with(|p| p != link))
                    .map(|link| view! { <a href=link>{t("Open")}</a> })}
                {move || uploading.get().then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| on_cancel_upload.run(id())>{t("Cancel upload")}</button>
                })}
                {move || waiting.get().then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| on_cancel_job.run(id())>{t("Cancel job")}</button>
                })}
                {
                    let retry_input = retry_input.clone();
                    move || (retryable.get()).then(|| {
                        let retry_input = retry_input.clone();
                        if needs_file.get() {
                            view! {
                                <label class="button secondary" for=retry_input.clone()>{t("Retry: choose the file again…")}</label>
                                <input id=retry_input class="visually-hidden-file" type="file" on:change=move |ev| {
                                    let input: web_sys::HtmlInputElement = event_target(&ev);
                                    let file = input.files().and_then(|l| l.item(0));
                                    on_retry.run((id(), file));
                                } />
                            }.into_any()
                        } else {
                            view! { <button type="button" on:click=move |_| on_retry.run((id(), None))>{move || if sent.get() { t("Check again") } else { t("Retry") }}</button> }.into_any()
                        }
                    })
                }
                {move || (!uploading.get()).then(|| view! {
                    <button type="button" class="link" on:click=move |_| on_remove.run(id())>{t("Forget")}</button>
                })}
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </li>
    }
}
