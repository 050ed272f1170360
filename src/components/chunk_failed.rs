use crate::i18n::t;
use leptos::prelude::*;

/// Said when the code of a screen (or a part of one) could not be fetched: offline, or removed by a newer deploy.
#[component]
pub fn ChunkFailed(
    /// Called when the person asks to fetch it again.
    on_retry: Callback<()>,
    /// A part of a screen (no heading of its own) rather than a whole screen.
    #[prop(optional)]
    part: bool,
) -> impl IntoView {
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="error" role="alert" aria-labelledby="chunk-title">
            {if part {
                view! { <p id="chunk-title"><strong>{t("This part could not be loaded")}</strong></p> }.into_any()
            } else {
                view! { <h1 id="chunk-title">{t("This screen could not be loaded")}</h1> }.into_any()
            }}
            <p>
                {t("Its code could not be fetched. You may be offline, or a new version of mvsep-web was published since this page was opened.")}
            </p>
            <div class="row">
                <button type="button" on:click=move |_| on_retry.run(())>{t("Try again")}</button>
                <button type="button" class="secondary" on:click=reload>
                    {t("Reload for the new version")}
                </button>
            </div>
        </section>
    }
}
