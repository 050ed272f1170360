//! One job by its hash (`/jobs/<hash>`): its state, what was asked, and the results. A job this
//! browser follows is shown from the tracker, with its controls. Any other (a bookmark, a demo,
//! a history row) is read from the service once: viewing it is not starting it, so it joins
//! "Jobs" only when the person chooses to follow it. A result kept on this device (the library)
//! is shown from its kept files, with no call to the service: offline, or after it deleted them.

mod keep;
mod mirror;

use crate::api::models::Status;
use crate::api::web_url::web_url;
use crate::browser::now_ms;
use crate::browser::page::shown;
use crate::components::lazy_job_list;
use crate::components::{lazy_view, load_failed, Loading, Player};
use crate::hooks::load;
use crate::hooks::use_clock;
use crate::i18n::t;
use crate::library::list::mentions;
use crate::mixer::view::{lazy_mixer, Other};
use crate::state::job::TrackedJob;
use crate::state::{use_settings, use_tracker};
use keep::{kept_result, lazy_keep};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use mirror::lazy_mirror;

/// The job's line in its facts, the largest of what the person came for: the result's parts are
/// fetched, and its player drawn, once the browser has painted it (`page::shown`; marked for
/// Element Timing as it is drawn: a mark set after its first paint would never be reported).
const FACTS: &str = "dl.facts .hash";

#[component]
pub fn JobPage(
    /// The job's hash, from the address.
    hash: String,
) -> impl IntoView {
    let tracker = use_tracker();
    let settings = use_settings();
    let now = use_clock();
    let hash = StoredValue::new(hash);
    // Derived, not a memo: what the page draws from it is memoised below (`results`, the
    // card's id), and a memo would compare whole jobs, code the job page then fetches.
    let followed = Signal::derive(move || {
        hash.with_value(|h| {
            tracker
                .jobs
                .with(|l| l.iter().find(|j| j.hash.as_deref() == Some(h)).cloned())
        })
    });
    // Kept on this device: its files play from there (the service worker answers them). The
    // library is read (and its reader fetched) only when it names this job.
    let maybe_kept = hash.with_value(|h| mentions(h));
    let kept = RwSignal::new(None);
    let looked = RwSignal::new(!maybe_kept);
    let worker = !crate::browser::js::Js::global("navigator")
        .get("serviceWorker")
        .get("controller")
        .is_nullish();
    // Not followed here: as it was kept, else the service's answer, read once ("Check again"
    // reads it anew).
    let viewed = load(move |cancel| {
        let client = settings.client().cancelled_by(cancel);
        let h = hash.get_value();
        let skip = followed.with_untracked(Option::is_some);
        async move {
            if maybe_kept {
                let k = kept_result(h.clone()).await.ok().flatten();
                kept.try_set(k.clone());
                looked.try_set(true);
                if let Some(k) = k.filter(|_| !skip) {
                    return Ok(Some(k.job(now_ms())));
                }
            }
            if skip {
                return Ok(None);
            }
            let answer = client.job(&h).await?;
            let mut job = TrackedJob::from_hash(h.clone(), &h, client.base.clone(), now_ms());
            job.take_answer(&answer, now_ms());
            Ok(Some(job))
        }
    });
    let job = Signal::derive(move || {
        followed
            .get()
            .or_else(|| viewed.get().and_then(|r| r.ok()).flatten())
    });
    // The card is built once per followed job, not again at every poll.
    let followed_id = Memo::new(move |_| followed.with(|j| j.as_ref().map(|j| j.id.clone())));
    let follow = move |_| {
        tracker.open(&hash.get_value());
    };
    // What the mixer is built from: it is built again only when these change, not at every
    // change of the job (a rebuild would stop the music).
    let results = Memo::new(move |_| {
        job.get()
            // Not before the library was read: the mixer would be built twice.
            .filter(|j| j.status == Some(Status::Done) && looked.get())
            .and_then(|j| {
                let files = match kept.get().filter(|_| worker) {
                    Some(k) => k.kept_files(),
                    None => j
                        .result
                        .as_ref()
                        .map(|r| r.files.clone())
                        .unwrap_or_default(),
                };
                let model = j
                    .result
                    .as_ref()
                    .and_then(|r| r.algorithm.clone())
                    .unwrap_or(j.algorithm.clone());
                (!files.is_empty()).then_some((files, j.file_name, j.long_names, model))
            })
    });
    // Other results of the same song in this browser, to compare with by ear.
    let others = Signal::derive(move || {
        let Some(me) = job.get() else {
            return Vec::new();
        };
        tracker.jobs.with(|l| {
            l.iter()
                .filter(|o| o.hash != me.hash && o.status == Some(Status::Done) && me.same_input(o))
                .filter_map(|o| {
                    let r = o.result.as_ref().filter(|r| !r.files.is_empty())?;
                    let model = r.algorithm.clone().unwrap_or(o.algorithm.clone());
                    let label = std::iter::once(model)
                        .chain(o.option_text.iter().cloned())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    Some(Other {
                        label,
                        files: r.files.clone(),
                    })
                })
                .collect()
        })
    });

    view! {
        <section aria-labelledby="job-title">
            <h1 id="job-title" translate="no">{move || job.get().map(|j| j.file_name).unwrap_or_else(|| t("Job").into())}</h1>
            {move || match followed_id.get() {
                // A followed job's card and controls come with their own code (a shared link's
                // first visit does not need them).
                Some(id) => lazy_view(
                    move || lazy_job_list(tracker, Signal::derive({ let id = id.clone(); move || vec![id.clone()] })),
                    || view! { <Loading text=t("Loading the job…") /> }.into_any(),
                    true,
                ),
                None => match viewed.get() {
                    None => view! { <Loading text=t("Loading the job…") /> }.into_any(),
                    Some(Err(e)) => load_failed(e, viewed.reloading.into(), Callback::new(move |_| viewed.refetch())),
                    Some(Ok(j)) => view! {
                        <div class="viewed">
                            <p role="status">{j.map(|j| j.viewed_line(now.get_untracked())).unwrap_or_default()}</p>
                            <p class="help">{t("This job is not followed in this browser.")}</p>
                            <div class="row">
                                <button type="button" on:click=follow>{t("Follow this job")}</button>
                                <button type="button" class="secondary" on:click=move |_| viewed.refetch()>{t("Check again")}</button>
                            </div>
                        </div>
                    }.into_any(),
                },
            }}
            {move || job.get().map(|j| view! {
                <dl class="facts">
                    <dt>{t("Model")}</dt><dd translate="no">{j.result.as_ref().and_then(|r| r.algorithm.clone()).unwrap_or(j.algorithm.clone())}</dd>
                    {(!j.option_text.is_empty()).then(|| view! { <dt>{t("Options")}</dt><dd translate="no">{j.option_text.join(" · ")}</dd> })}
                    {j.result.as_ref().and_then(|r| r.output_format.clone()).map(|f| view! { <dt>{t("Format")}</dt><dd translate="no">{f}</dd> })}
                    {j.result.as_ref().and_then(|r| r.date.clone()).map(|d| view! { <dt>{t("Date")}</dt><dd>{crate::i18n::date(&d)}</dd> })}
                    <dt>{t("Job")}</dt><dd class="hash" translate="no" {..custom_attribute("elementtiming", "facts")}>{j.hash.clone().unwrap_or_default()}</dd>
                </dl>
            })}
            {move || kept.with(|k| k.as_ref().filter(|_| worker).and_then(|k| k.kept_input()))
                .or_else(|| job.get().and_then(|j| j.result.and_then(|r| r.input_url.as_deref().and_then(web_url))))
                .map(|u| view! {
                <h2>{t("Input")}</h2>
                <Player src=u label=t("Play the input") after=FACTS />
            })}
            {move || results.get().map(|(files, song, long_names, model)| {
                view! {
                    <h2>{t("Results")}</h2>
                    // The parts below are fetched once the job's facts are painted, not alongside.
                    {job.get_untracked().map(|j| lazy_view(
                        move || { let j = j.clone(); async move { shown(FACTS).await; lazy_keep(j).await } },
                        || view! { <div class="keep"></div> }.into_any(),
                        true,
                    ))}
                    // The mixer's code comes with the first result shown.
                    {lazy_view(
                        move || {
                            let (files, song, model) = (files.clone(), song.clone(), model.clone());
                            async move {
                                shown(FACTS).await;
                                // Its styles come alongside its code, and it is shown once both are in.
                                let sheet = crate::browser::asset::stylesheet(&crate::mixer::style());
                                let view = lazy_mixer(files, song, long_names, model, others).await;
                                sheet.await;
                                view
                            }
                        },
                        // A screen's height held: the mirror below must not be seen and then pushed down.
                        || view! { <div class="mixer-wait"><Loading text=t("Loading the mixer…") /></div> }.into_any(),
                        true,
                    )}
                    {
                        let base = job.get_untracked().map(|j| j.api_base).unwrap_or_default();
                        lazy_view(
                            move || { let base = base.clone(); async move { shown(FACTS).await; lazy_mirror(hash.get_value(), base).await } },
                            || view! { <Loading text=t("Loading the mirror…") /> }.into_any(),
                            true,
                        )
                    }
                }
            })}
        </section>
    }
}
