//! "Keep on this device": a finished result's files into the library, with progress; the
//! library's own words when it cannot (the service deleted them, no room, unreadable).

use crate::api::web_url::web_url;
use crate::browser::now_ms;
use crate::components::ProgressBar;
use crate::i18n::t;
use crate::library::files::{keep, keep_also};
use crate::library::list::{self, find, Kept};
use crate::results::files::human_bytes;
use crate::state::job::TrackedJob;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn KeepResult(
    /// The finished job whose result files are kept.
    job: TrackedJob,
) -> impl IntoView {
    let hash = job.hash.clone().unwrap_or_default();
    let kept = RwSignal::new(list::find(&hash).map(|k| k.total_bytes()));
    // Bytes read so far, while keeping.
    let busy = RwSignal::new(None::<f64>);
    let failed = RwSignal::new(None::<String>);
    let files = job
        .result
        .as_ref()
        .map(|r| r.files.clone())
        .unwrap_or_default();
    // The song the result was made from, kept too where the page may fetch it.
    let input = job
        .result
        .as_ref()
        .and_then(|r| r.input_url.as_deref().and_then(web_url));
    // The service's own sizes, where it sent them: the progress bar's whole (the stems').
    let total = files.iter().map(|f| f.bytes).sum::<Option<f64>>();
    let job = StoredValue::new(job);
    let start = move |_| {
        failed.set(None);
        busy.set(Some(0.0));
        let hash = hash.clone();
        let urls: Vec<String> = files.iter().map(|f| f.url.clone()).collect();
        let input = input.clone();
        spawn_local(async move {
            match keep(&hash, &urls, move |b| busy.set(Some(b))).await {
                Ok(mut bytes) => {
                    if let Some(url) = input {
                        let stems: f64 = bytes.iter().sum();
                        let n = bytes.len();
                        if let Some(size) =
                            keep_also(&hash, n, &url, move |b| busy.set(Some(stems + b))).await
                        {
                            bytes.push(size);
                        }
                    }
                    let size = bytes.iter().sum();
                    let entry = job.with_value(|j| Kept::of(j, bytes, now_ms()));
                    if entry.is_some_and(list::add) {
                        kept.set(Some(size));
                    } else {
                        crate::library::files::remove(&hash).await;
                        failed.set(Some(t("The browser refused to store the library's list (its storage is full?): nothing was kept.").into()));
                    }
                }
                Err(e) => failed.set(Some(e.message())),
            }
            busy.set(None);
        });
    };
    view! {
        <div class="keep">
            {move || match (busy.get(), kept.get()) {
                (Some(done), _) => view! {
                    <p role="status">{match total {
                        Some(all) => tr!("Keeping on this device… {done} of {all}", done = human_bytes(done), all = human_bytes(all)),
                        None => tr!("Keeping on this device… {done}", done = human_bytes(done)),
                    }}</p>
                    <ProgressBar value=Signal::derive(move || total.map(|all| (busy.get().unwrap_or(0.0) / all).min(1.0))) label=t("Keeping on this device") />
                }.into_any(),
                (None, Some(size)) => view! {
                    <p role="status">
                        {tr!("Kept on this device ({size}): it plays here with no network, and after the service deletes it.", size = human_bytes(size))}
                        " " <a href=crate::routing::route::Route::Library.href()>{t("Library")}</a>
                    </p>
                }.into_any(),
                (None, None) => view! {
                    <button type="button" class="secondary" on:click=start.clone()>{t("Keep on this device")}</button>
                }.into_any(),
            }}
            {move || failed.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}

split_fn! {
    library_keep / preload_library_keep;
    /// [`KeepResult`], its code fetched with a result.
    pub fn lazy_keep(job: TrackedJob) -> AnyView {
        view! { <KeepResult job=job /> }.into_any()
    }
}

split_fn! {
    library_find / preload_library_find;
    /// The kept result of job `hash`: the library's reader, fetched only when it may hold it.
    pub fn kept_result(hash: String) -> Option<Kept> {
        find(&hash)
    }
}
