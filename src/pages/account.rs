//! Account: log in or register; for a stored token, the person's details, the premium and
//! long-file-name switches (re-read from the service after each change), running jobs and the
//! service's queue.

use crate::api::models::User;
use crate::api::{ApiError, Client};
use crate::components::{
    load_failed, screen_head, ErrorView, Loading, QueueDetails, SecretInput, UserSummary,
};
use crate::hooks::Task;
use crate::i18n::{around, t, tn};
use crate::routing::route::Route;
use crate::state::{use_queue_watch, use_session, use_settings};
use leptos::prelude::*;

/// The messages for one field of a validation refusal.
fn field_error(
    err: Signal<Option<ApiError>>,
    field: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        err.with(|e| {
            e.as_ref()
                .map(|e| e.field_errors(field).join(" "))
                .filter(|m| !m.is_empty())
        })
    }
}

/// A label, an input and the server's words for that field.
#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let err_id = format!("{id}-error");
    view! {
        <label for=id>{label}</label>
        {match kind {
            Some("password") => view! { <SecretInput id=id value=value /> }.into_any(),
            _ => view! {
                <input id=id type=kind.unwrap_or("text") prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || error.get().is_some().to_string() aria-describedby=err_id.clone() />
            }.into_any(),
        }}
        <p class="field-error" id=format!("{id}-error") role="alert">{move || error.get()}</p>
    }
}

#[component]
fn LoginForm() -> impl IntoView {
    let settings = use_settings();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Task::new();
    let err = Signal::derive(move || login.value.get().and_then(Result::err));
    // A token that comes back is stored like a pasted one.
    Effect::new(move |_| {
        if let Some(Ok(User {
            api_token: Some(t), ..
        })) = login.value.get()
        {
            let _ = settings.save(&settings.base.get_untracked(), &t);
        }
    });
    view! {
        <form class="stack" aria-labelledby="login-title" on:submit=move |ev| {
            ev.prevent_default();
            let client = Client::public(settings.base.get_untracked());
            let (e, p) = (email.get(), password.get());
            login.run(async move { client.login(&e, &p).await });
        }>
            <h2 id="login-title">{t("Log in")}</h2>
            <Field id="login-email" label=t("E-mail") kind="email" value=email error=Signal::derive(field_error(err, "email")) />
            <Field id="login-password" label=t("Password") kind="password" value=password error=Signal::derive(field_error(err, "password")) />
            <div class="row"><button type="submit" disabled=move || login.pending.get()>{t("Log in")}</button></div>
            {move || match login.value.get() {
                Some(Ok(User { api_token: None, .. })) => Some({
                    let (before, after) = around("You are logged in, but this account has no API token yet. Create one on {link}, then paste it in Settings.");
                    view! {
                        <p class="error" role="alert">
                            {before}
                            <a href="https://mvsep.com/user-api" target="_blank" rel="noopener noreferrer">{t("your MVSEP account page")}</a>
                            {after}
                        </p>
                    }
                }.into_any()),
                Some(Err(e @ (ApiError::Network { .. } | ApiError::Server { .. } | ApiError::NotJson { .. } | ApiError::RateLimited { .. } | ApiError::Decode { .. } | ApiError::Unauthorized { .. }))) => {
                    Some(view! { <ErrorView error=e /> }.into_any())
                }
                _ => None,
            }}
        </form>
    }
}

#[component]
fn RegisterForm() -> impl IntoView {
    let settings = use_settings();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let register = Task::<crate::api::models::Notice>::new();
    let err = Signal::derive(move || register.value.get().and_then(Result::err));
    let confirm_error = Signal::derive(move || {
        mismatch
            .get()
            .then(|| t("The two passwords differ.").to_string())
            .or_else(field_error(err, "password_confirmation"))
    });
    view! {
        <form class="stack" aria-labelledby="register-title" on:submit=move |ev| {
            ev.prevent_default();
            // Checked here first: nothing is sent when the two differ.
            mismatch.set(password.get() != confirm.get());
            if !mismatch.get_untracked() {
                let client = Client::public(settings.base.get_untracked());
                let v = (name.get(), email.get(), password.get(), confirm.get());
                register.run(async move { client.register(&v.0, &v.1, &v.2, &v.3).await });
            }
        }>
            <h2 id="register-title">{t("Register")}</h2>
            <Field id="reg-name" label=t("Name") value=name error=Signal::derive(field_error(err, "name")) />
            <Field id="reg-email" label=t("E-mail") kind="email" value=email error=Signal::derive(field_error(err, "email")) />
            <Field id="reg-password" label=t("Password") kind="password" value=password error=Signal::derive(field_error(err, "password")) />
            <Field id="reg-confirm" label=t("Password again") kind="password" value=confirm error=confirm_error />
            <div class="row"><button type="submit" disabled=move || register.pending.get()>{t("Register")}</button></div>
            {move || register.value.get().map(|r| match r {
                Ok(n) => view! { <p class="ok" role="status">{n.message.unwrap_or_else(|| t("Registered.").into())}</p> }.into_any(),
                Err(ApiError::Validation { .. }) => ().into_any(),
                Err(e) => view! { <ErrorView error=e /> }.into_any(),
            })}
        </form>
    }
}

/// A switch bound to the service's state. While a change is under way it only says it is
/// unavailable (`aria-disabled`): a disabled input would lose the keyboard focus.
#[component]
fn Switch(
    id: &'static str,
    label: &'static str,
    #[prop(into)] on: Signal<bool>,
    busy: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="check" for=id>
            <input id=id type="checkbox" role="switch" prop:checked=move || on.get() aria-checked=move || on.get().to_string()
                aria-disabled=move || busy.get().to_string()
                on:change=move |ev| {
                    if busy.get_untracked() {
                        event_target::<web_sys::HtmlInputElement>(&ev).set_checked(on.get_untracked());
                    } else {
                        on_change.run(event_target_checked(&ev));
                    }
                } />
            {label}
        </label>
    }
}

#[component]
fn Signed() -> impl IntoView {
    let session = use_session();
    let watch = use_queue_watch();
    let toggle = Task::new();
    let switch = move |which: &'static str, on: bool| {
        let client = session.settings.client();
        toggle.run(async move {
            if which == "premium" {
                client.set_premium(on).await
            } else {
                client.set_long_filenames(on).await
            }
        });
    };
    // Re-read the account after every change: the switches show the service's state, and the
    // plan the Separate screen and the batch queue use changes with them.
    Effect::new(move |_| {
        if toggle.value.get().is_some() {
            session.refresh();
            watch.refresh(session.settings);
        }
    });
    let busy = Signal::derive(move || toggle.pending.get());
    let read = Memo::new(move |_| session.account.with(|a| matches!(a, Some(Ok(_)))));
    let refused = Memo::new(move |_| {
        session
            .account
            .with(|a| a.as_ref().and_then(|r| r.clone().err()))
    });
    let flag = move |f: fn(&User) -> bool| {
        Signal::derive(move || session.account.with(|a| matches!(a, Some(Ok(u)) if f(u))))
    };
    view! {
        // Built once the account is read, and kept while it is read again: a switch just
        // toggled keeps the focus, and nothing is announced twice.
        <Show when=move || read.get() fallback=move || match refused.get() {
            Some(e) => load_failed(e, Signal::stored(false), Callback::new(move |_| session.refresh())),
            None => view! { <Loading text=t("Loading the account…") /> }.into_any(),
        }>
            {move || session.user().map(|u| view! { <UserSummary user=u /> })}
            <h2>{t("Switches")}</h2>
            <Switch id="premium-switch" label=t("Use premium (spends credits, up to 10 jobs at once)") on=flag(|u| u.premium_enabled) busy=busy
                on_change=Callback::new(move |on| { switch("premium", on); }) />
            <Switch id="long-switch" label=t("Long file names for results") on=flag(|u| u.long_filenames_enabled) busy=busy
                on_change=Callback::new(move |on| { switch("long", on); }) />
            <p class="help">{move || {
                let running = session.account.with(|a| match a {
                    Some(Ok(User { current_queue: Some(serde_json::Value::Array(q)), .. })) => q.len(),
                    _ => 0,
                });
                tn(running as u64, "{n} job of yours running at the service.", "{n} jobs of yours running at the service.")
            }}</p>
        </Show>
        <div aria-live="polite">
            {move || toggle.value.get().map(|r| match r {
                Ok(n) => view! { <p class="ok" role="status">{tr!("The service says: {words}", words = n.message.unwrap_or_default())}</p> }.into_any(),
                Err(e) => view! { <ErrorView error=e /> }.into_any(),
            })}
        </div>
        <button type="button" class="secondary" on:click=move |_| session.settings.forget_token()>{t("Log out (forget the token)")}</button>
    }
}

split_fn! {
    account_signed / preload_account_signed;
    fn signed_part() -> AnyView {
        view! { <Signed /> }.into_any()
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let settings = use_settings();
    let watch = use_queue_watch();
    view! {
        <section aria-labelledby="account-title">
            {screen_head(&Route::Account)}
            <Show
                when=move || settings.has_token()
                fallback=|| view! {
                    <p>{t("No API token is set. Log in, register, or paste your token in Settings.")}</p>
                    <div class="two"><LoginForm /><RegisterForm /></div>
                }
            >
                // The signed-in part (the account, its switches) comes with its own code.
                {crate::components::lazy_view(signed_part, || view! { <Loading text=t("Loading your account…") /> }.into_any(), true)}
            </Show>
            <h2>{t("The service's queue")}</h2>
            {move || match watch.queue.get() {
                Some(q) => view! { <QueueDetails queue=q /> }.into_any(),
                None => view! { <Loading text=t("Loading the queue…") /> }.into_any(),
            }}
        </section>
    }
}
