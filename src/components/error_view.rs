use crate::api::ApiError;
use crate::i18n::t;
use leptos::prelude::*;

/// Shows an API error in the server's words, with an optional retry.
#[component]
pub fn ErrorView(
    /// The error to show.
    error: ApiError,
    /// Called when the person asks to try again.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="error" role="alert">
            <p>{error.to_string()}</p>
            {on_retry.map(|cb| view! {
                <button type="button" on:click=move |_| cb.run(())>{t("Try again")}</button>
            })}
        </div>
    }
}
