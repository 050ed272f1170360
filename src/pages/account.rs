//! Account: the person's details from `/api/app/user` for the stored token.

use crate::components::{ErrorView, Loading, UserSummary};
use crate::state::use_settings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AccountPage() -> impl IntoView {
    let settings = use_settings();
    let user = LocalResource::new(move || {
        let client = settings.client();
        async move { client.user(None).await }
    });

    view! {
        <section aria-labelledby="account-title">
            <h1 id="account-title">"Account"</h1>
            <Show
                when=move || settings.has_token()
                fallback=|| view! {
                    <p>"No API token is set. " <A href="/settings">"Add your token in Settings"</A> "."</p>
                }
            >
                <Transition fallback=|| view! { <Loading what="account" /> }>
                    {move || Suspend::new(async move {
                        match user.await {
                            Ok(u) => view! { <UserSummary user=u /> }.into_any(),
                            Err(e) => view! {
                                <ErrorView error=e on_retry=Callback::new(move |_| user.refetch()) />
                            }.into_any(),
                        }
                    })}
                </Transition>
                <button type="button" class="secondary" on:click=move |_| settings.forget_token()>
                    "Log out (forget the token)"
                </button>
            </Show>
        </section>
    }
}
