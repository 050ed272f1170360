use crate::api::ApiError;
use crate::components::{ErrorView, Loading};
use crate::hooks::{online, Loaded};
use crate::i18n::t;
use leptos::prelude::*;

/// Shows a loading line, the error with a retry, or `ok` of the value.
pub fn loaded_view<T: Clone + Send + Sync + 'static>(
    data: Loaded<T>,
    loading: &'static str,
    ok: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || match data.get() {
        None => view! { <Loading text=loading /> }.into_any(),
        Some(Err(e)) => failed(
            e,
            data.reloading.into(),
            Callback::new(move |_| data.refetch()),
        ),
        Some(Ok(v)) => ok(v),
    }
}

/// A load that failed: with the browser offline, one line that goes away by itself (`retry`
/// runs when the network returns; `reloading` says it is under way); else the error in the
/// server's words and "Try again". (Not generic, so one copy serves every screen.)
pub fn failed(error: ApiError, reloading: Signal<bool>, retry: Callback<()>) -> AnyView {
    if !matches!(error, ApiError::Network { .. }) {
        return view! { <ErrorView error=error on_retry=retry /> }.into_any();
    }
    let online = online();
    Effect::new(move |was: Option<bool>| {
        let now = online.get();
        if now && was == Some(false) {
            retry.run(());
        }
        now
    });
    (move || match (online.get(), reloading.get()) {
        (false, _) => view! {
            <p class="offline" role="status">{t("You are offline: this comes back by itself when the network does.")}</p>
        }
        .into_any(),
        (true, true) => view! { <Loading text=t("Loading…") /> }.into_any(),
        (true, false) => view! { <ErrorView error=error.clone() on_retry=retry /> }.into_any(),
    })
    .into_any()
}
