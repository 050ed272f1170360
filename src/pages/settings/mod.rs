//! Settings: the API address (the service's hosts offered by name) and token, with a check of
//! the token and of the connection (connection.rs), and the theme (appearance.rs).

mod appearance;
mod connection;
pub mod reach;

use crate::api::{Access, ApiError};
use crate::components::{screen_head, ErrorView, SecretInput, UserSummary};
use crate::hooks::Task;
use crate::i18n::{around, t};
use crate::pages::settings::reach::HOSTS;
use crate::routing::route::Route;
use crate::state::use_settings;
use appearance::Appearance;
use connection::ConnectionCheck;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = use_settings();
    let base = RwSignal::new(settings.base.get_untracked());
    let token = RwSignal::new(settings.token.get_untracked().unwrap_or_default());
    let token_help = around("Your token is on your {link}. It is kept in this browser only and sent only to the API address above.");
    let saved = RwSignal::new(None::<Result<(), String>>);

    let check = Task::new();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(Some(settings.save(&base.get(), &token.get())));
    };

    view! {
        <section aria-labelledby="settings-title">
            {screen_head(&Route::Settings)}
            <form class="stack" on:submit=on_submit>
                <label for="api-base">{t("API address")}</label>
                <input
                    id="api-base"
                    type="text"
                    inputmode="url"
                    autocomplete="url"
                    spellcheck="false"
                    placeholder=t("https://mvsep.com (empty: this site's /api proxy)")
                    aria-describedby="api-base-help"
                    list="api-hosts"
                    bind:value=base
                />
                <datalist id="api-hosts">
                    {HOSTS.iter().map(|(url, name)| view! { <option value=*url>{t(name)}</option> }).collect_view()}
                </datalist>
                <p id="api-base-help" class="help">
                    {t("Leave empty to use this site's own /api (a same-origin proxy). ")}
                    {t("Regional hosts and mirrors work too; a job stays on the host it was created on.")}
                </p>
                <label for="api-token">{t("API token")}</label>
                <SecretInput id="api-token" name="api_token" described_by="api-token-help api-token-check" value=token />
                <p id="api-token-help" class="help">
                    {token_help.0}
                    <a href="https://mvsep.com/user-api" rel="noopener noreferrer" target="_blank">
                        {t("MVSEP account page")}
                    </a>
                    {token_help.1}
                </p>
                <div class="row">
                    <button type="submit">{t("Save")}</button>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| {
                            // The address and token being set: the token goes to that address.
                            let client = Access::new(base.get().trim().trim_end_matches('/'), Some(token.get().trim().to_string())).here();
                            check.run(async move { client.user().await });
                        }
                    >
                        {t("Check token")}
                    </button>
                </div>
            </form>
            <h2>{t("Connection")}</h2>
            <p class="help">{t("Whether the API address answers this page, and whether result files can be read here (the mixer needs that) or only played.")}</p>
            <ConnectionCheck base=base token=token />
            <Appearance />
            <div id="api-token-check" aria-live="polite">
                {move || saved.get().map(|r| match r {
                    Ok(()) => view! { <p class="ok" role="status">{t("Settings saved.")}</p> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                })}
                {move || check.pending.get().then(|| view! { <p role="status">{t("Checking…")}</p> })}
                {move || check.value.get().map(|r: Result<_, ApiError>| match r {
                    Ok(user) => view! {
                        <div class="ok" role="status">
                            <p>{t("The token works.")}</p>
                            <UserSummary user=user />
                        </div>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e /> }.into_any(),
                })}
            </div>
        </section>
    }
}
