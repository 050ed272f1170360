use leptos::prelude::*;

/// A polite, announced loading line.
#[component]
pub fn Loading(
    /// What is being loaded, e.g. "account".
    #[prop(into)]
    what: String,
) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {tr!("Loading {what}…", what = what)}
        </p>
    }
}
