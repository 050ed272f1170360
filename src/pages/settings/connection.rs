//! "Check the connection", on the Settings screen: calls the API address as the app does and
//! says, in words a person can act on, whether it works, the browser blocked it (CORS), the
//! network or host failed, or the token is refused; then whether result files can be read by
//! the page (the mixer needs that) or only played.

use crate::api::web_url::{web_url, web_url_on};
use crate::api::{Access, ApiError, Client};
use crate::browser::probe;
use crate::i18n::t;
use crate::pages::settings::reach::{files_line, reach, reach_line, token_refused, Files, Reach};
use crate::state::Tracker;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The check for `base` and `token` (read when pressed: what is typed, saved or not).
#[component]
pub fn ConnectionCheck(base: RwSignal<String>, token: RwSignal<String>) -> impl IntoView {
    // Settings works without the tracker (it is shown alone in the browser tests).
    let tracker = use_context::<Tracker>();
    let lines = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let run = move |_| {
        let base = base.get().trim().trim_end_matches('/').to_string();
        let token = Some(token.get().trim().to_string()).filter(|t| !t.is_empty());
        // A file of a finished job of this browser, else a demo's input, to try reading.
        let file = tracker.and_then(|t| {
            t.jobs.with_untracked(|l| {
                l.iter().rev().find_map(|j| {
                    let r = j.result.as_ref()?;
                    r.files.iter().find_map(|f| web_url(&f.url))
                })
            })
        });
        busy.set(true);
        lines.set(Vec::new());
        spawn_local(async move {
            if run_check(base, token, file, lines, busy).await.is_err() {
                lines.try_set(vec![
                    t("The check's code could not be loaded; try again.").into()
                ]);
                busy.try_set(false);
            }
        });
    };
    view! {
        <div class="row">
            <button type="button" class="secondary" on:click=run disabled=move || busy.get()>{t("Check the connection")}</button>
        </div>
        <div role="status" aria-live="polite">
            {move || busy.get().then(|| view! { <p>{t("Checking the connection…")}</p> })}
            {move || (!lines.with(Vec::is_empty)).then(|| view! {
                <ul class="checks">{lines.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            })}
        </div>
    }
}

split_fn! {
    connection_check / preload_connection_check;
    /// Runs the check and shows what it found: its code is fetched when the button is pressed.
    fn run_check(base: String, token: Option<String>, file: Option<String>, lines: RwSignal<Vec<String>>, busy: RwSignal<bool>) -> () {
        spawn_local(async move {
            let found = check(&base, token, file).await;
            lines.try_set(found);
            busy.try_set(false);
        });
    }
}

async fn check(base: &str, token: Option<String>, file: Option<String>) -> Vec<String> {
    // Read by name: a typed binding would add an import to the first visit's module.
    let page = crate::browser::js::Js::global("location").text("origin");
    let client = Client::public(base);
    let api = client.queue().await.map(|_| ());
    let host_answers = match &api {
        Err(ApiError::Network { .. }) => probe::answers(&format!("{base}/api/app/queue")).await,
        _ => true,
    };
    let r = reach(&api, host_answers);
    let mut out = vec![reach_line(&r, base, &page)];
    if r != Reach::Works {
        return out;
    }
    out.push(match token.clone() {
        None => t("No token is set: lists work without one; set one to separate.").into(),
        Some(t) => match Access::new(base, Some(t)).here().user().await {
            Ok(u) => tr!("The token works: signed in as {name}.", name = u.name),
            Err(e) => match token_refused(&e) {
                Some(m) => tr!("The API answers, but your token is not valid (the service says: {m}). Copy it again from your MVSEP account page.", m = m),
                None => tr!("The token could not be checked: {e}", e = e),
            },
        },
    });
    let file = match file {
        Some(f) => Some(f),
        None => client.demo(0, 1).await.ok().and_then(|d| {
            d.into_iter()
                .find_map(|d| d.input_audio.as_deref().and_then(|a| web_url_on(a, base)))
        }),
    };
    let files = match file {
        None => Files::NoneToTry,
        Some(f) => match probe::readable(&f).await {
            Some(true) => Files::Readable,
            Some(false) => Files::PlayOnly,
            None => Files::Unreachable,
        },
    };
    out.push(files_line(files).into());
    out
}
