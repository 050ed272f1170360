use crate::components::{ErrorView, Loading};
use crate::hooks::Loaded;
use leptos::prelude::*;

/// Shows a loading line, the error with a retry, or `ok` of the value.
pub fn loaded_view<T: Clone + Send + Sync + 'static>(
    data: Loaded<T>,
    loading: &'static str,
    ok: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || match data.get() {
        None => view! { <Loading text=loading /> }.into_any(),
        Some(Err(e)) => {
            view! { <ErrorView error=e on_retry=Callback::new(move |_| data.refetch()) /> }
                .into_any()
        }
        Some(Ok(v)) => ok(v),
    }
}
