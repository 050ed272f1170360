use leptos::prelude::*;

/// Said when a screen's code could not be fetched: offline, or removed by a newer deploy.
#[component]
pub fn ChunkFailed(
    /// Called when the person asks to fetch it again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="error" role="alert" aria-labelledby="chunk-title">
            <h1 id="chunk-title">"This screen could not be loaded"</h1>
            <p>
                "Its code could not be fetched. You may be offline, or a new version of mvsep-web "
                "was published since this page was opened."
            </p>
            <div class="row">
                <button type="button" on:click=move |_| on_retry.run(())>"Try again"</button>
                <button type="button" class="secondary" on:click=reload>
                    "Reload for the new version"
                </button>
            </div>
        </section>
    }
}
