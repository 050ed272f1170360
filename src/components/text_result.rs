//! A result that is text (subtitles, a transcript, JSON): read and shown as text, subtitles with
//! their times, with Copy and Download. A file the page may not read is offered as a download.

use crate::browser::fetch::{text, FetchFail};
use crate::browser::js::{s, Js};
use crate::i18n::t;
use crate::results::subtitles::{clock, cues, Shown};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn TextResult(
    /// A checked web address.
    url: String,
    /// The name to download it under.
    name: String,
    /// The service's label for it ("Subtitles (SRT)").
    label: String,
    /// Subtitles or text.
    shown: Shown,
) -> impl IntoView {
    let body = RwSignal::new(None::<Result<String, FetchFail>>);
    let copied = RwSignal::new(false);
    {
        let url = url.clone();
        spawn_local(async move {
            let got = text(&url).await;
            body.try_set(Some(got));
        });
    }
    let copy = move |_| {
        let Some(Ok(all)) = body.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let clipboard = Js::global("navigator").get("clipboard");
            let done = match clipboard.call("writeText", &[s(&all)]) {
                Ok(p) => p.wait().await.is_ok(),
                Err(_) => false,
            };
            copied.try_set(done);
        });
    };
    let content = move || {
        match body.get() {
        None => view! { <p class="help">{t("Reading the text…")}</p> }.into_any(),
        Some(Err(e)) => {
            let why = match e {
                FetchFail::Status(code) => tr!("The host answered {code}.", code = code),
                FetchFail::Unreadable => t("The host does not let this page read it.").into(),
            };
            view! { <p class="help">{why}" "{t("Download it to read it.")}</p> }.into_any()
        }
        // Read once; a file named .srt that holds no cue is shown as text.
        Some(Ok(all)) => match (shown == Shown::Subtitles)
            .then(|| cues(&all))
            .filter(|c| !c.is_empty())
        {
            Some(list) => view! {
            <ol class="cues" translate="no">
                {list.into_iter().map(|c| view! {
                    <li><time datetime=format!("PT{:.3}S", c.start)>{clock(c.start)}</time>" "<span>{c.text}</span></li>
                }).collect_view()}
            </ol>
            }
            .into_any(),
            None => view! { <pre class="text-result" translate="no" tabindex="0">{all}</pre> }.into_any(),
        },
    }
    };
    view! {
        <section class="text-file" aria-label=format!("{label} · {name}")>
            <h4 translate="no">{label.clone()}" · "{name.clone()}</h4>
            {content}
            <div class="row">
                <button type="button" class="secondary" on:click=copy disabled=move || !matches!(body.get(), Some(Ok(_)))>
                    {move || if copied.get() { t("Copied") } else { t("Copy the text") }}
                </button>
                <a class="button secondary" href=url download=name.clone()>{tr!("Download {name}", name = name)}</a>
            </div>
        </section>
    }
}
