use leptos::prelude::*;

/// A polite, announced loading line.
#[component]
pub fn Loading(
    /// The whole line, translated: "Loading the history…" (a sentence, not a noun slotted into
    /// an English frame, which languages inflect differently).
    #[prop(into)]
    text: String,
) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {text}
        </p>
    }
}
