//! Separate: pick a model and its options, add songs (files or a link), see the cost, send them
//! as a queue within the plan's limit, and follow the jobs.

use crate::api::models::{Algorithm, Audience, Input, RemoteType};
use crate::browser::now_ms;
use crate::catalog::options::{initial_values, price_multiplier, Values};
use crate::components::{
    lazy_model_about, screen_head, ActiveJobs, AlgorithmPicker, ErrorView, Loading,
};
use crate::hooks::{load, one_a_frame};
use crate::i18n::{t, tn};
use crate::results::files::guess_remote;
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::choices::Choices;
use crate::state::{cache, use_settings, use_tracker};
use leptos::prelude::*;
use leptos::task::spawn_local;
use songs::Pending;

pub mod cost;
mod form;
mod pair;
pub mod plan;
mod songs;
mod steps;
mod submit;

#[component]
pub fn SeparatePage() -> impl IntoView {
    let settings = use_settings();
    let tracker = use_tracker();
    let location = use_location();
    let force = StoredValue::new(false);
    let reload = RwSignal::new(0u32);
    let algorithms = load(move |cancel| {
        reload.get();
        let base = settings.base.get();
        let f = force.get_value();
        force.set_value(false);
        async move { cache::load_algorithms(base, f, now_ms(), cancel).await }
    });

    let saved = Choices::load();
    let selected = RwSignal::new(saved.algorithm);
    let output_format = RwSignal::new(saved.output_format);
    let is_demo = RwSignal::new(false);
    let values = RwSignal::new(Values::new());
    let field_errors = RwSignal::new(Vec::<(String, String)>::new());
    let submit_error = RwSignal::new(None::<String>);
    let submitted = RwSignal::new(None::<String>);

    let list = Signal::derive(move || {
        algorithms
            .get()
            .and_then(|r| r.ok())
            .map(|m| m.list)
            .unwrap_or_default()
    });
    let chosen = Memo::new_with_compare(
        move |_| {
            let id = selected.get()?;
            list.with(|l| l.iter().find(|a| a.id == id && a.is_active).cloned())
        },
        |a, b| {
            a.map(|a| a.as_ref().map(Algorithm::shown))
                != b.map(|b| b.as_ref().map(Algorithm::shown))
        },
    );
    // A new model: its defaults, then what was last chosen for it.
    Effect::new(move |_| {
        if let Some(a) = chosen.get() {
            let remembered = Choices::load()
                .options_for(a.id)
                .cloned()
                .unwrap_or_default();
            values.set(initial_values(&a, &remembered));
            field_errors.set(Vec::new());
        }
    });
    // Remember the choices.
    Effect::new(move |_| {
        let (Some(a), v, fmt) = (chosen.get(), values.get(), output_format.get()) else {
            return;
        };
        let mut c = Choices::load();
        c.algorithm = Some(a.id);
        c.output_format = fmt;
        c.set_options(a.id, v);
        c.save();
    });

    let pair: pair::Pair = RwSignal::new_local((None, None));
    let session = tracker.session;
    let premium = Signal::derive(move || session.premium());

    // Input: files or a link.
    let use_link = RwSignal::new(false);
    let pending = RwSignal::new_local(Vec::<Pending>::new());
    let link = RwSignal::new(String::new());
    let remote = RwSignal::new(RemoteType::Direct);
    Effect::new(move |_| {
        if let Some(u) = location.param("url") {
            use_link.set(true);
            remote.set(guess_remote(&u));
            link.set(u);
        }
    });

    let multiplier = Signal::derive(move || {
        chosen
            .with(|a| a.as_ref().map(|a| values.with(|v| price_multiplier(a, v))))
            .unwrap_or(1.0)
    });
    let coefficient = Signal::derive(move || {
        chosen
            .with(|a| a.as_ref().and_then(|a| a.price_coefficient))
            .unwrap_or(1.0)
    });
    let model_refusal = Signal::derive(move || {
        chosen.with(|a| {
            let a = a.as_ref()?;
            let signed_in = settings.has_token();
            match a.audience() {
                Audience::Premium if !premium.get() => Some(t("This model is for premium users: turn on premium use on the Account screen (it needs credits).").to_string()),
                Audience::Registered if !signed_in => Some(t("This model is for registered users: add your API token in Settings.").to_string()),
                _ if a.audio_upload_disabled && a.input() == Input::Song && !use_link.get() => Some(t("This model does not take uploads.").to_string()),
                _ => None,
            }
        })
    });

    let model = form::FormModel {
        chosen,
        refusal: model_refusal,
        values,
        output_format,
        is_demo,
        use_link,
        remote,
        pair,
        base: settings.base,
        premium,
        price: (coefficient, multiplier),
        out: submit::Outlets {
            field_errors,
            submit_error,
            submitted,
            link,
            pending,
            tracker,
        },
    };
    // The screen is drawn over three frames: its head, then the model box, then steps 2-4
    // (`steps::Steps`). In one frame it held a phone's main thread for some 120 ms (4x slower
    // CPU); in two, the first was still 50-60 ms.
    let [picker, rest] = one_a_frame::<2>();
    // What pressing Separate does is code of its own, fetched at the first press.
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = model.snapshot();
        spawn_local(async move {
            if submit::send(form).await.is_err() {
                submit_error.try_set(Some(
                    t("The app could not fetch the code that sends songs: check the connection and press Separate again.").into(),
                ));
            }
        });
    };

    view! {
        <section aria-labelledby="separate-title">
            {screen_head(&Route::Separate)}
            <form class="separate" on:submit=submit novalidate>
                <h2>{t("1. Model")}</h2>
                {move || match algorithms.get() {
                    None => view! { <Loading text=t("Loading the models…") /> }.into_any(),
                    Some(Ok(m)) => view! {
                        <p class="help">
                            {if m.age_ms > 0.0 { tn((m.age_ms / 60000.0).round() as u64, "Model list from {n} minute ago. ", "Model list from {n} minutes ago. ") } else { t("Model list just loaded. ").into() }}
                            {(m.unreadable > 0).then(|| tn(m.unreadable as u64, "{n} model could not be read and is left out. ", "{n} models could not be read and are left out. "))}
                            <button type="button" class="link" on:click=move |_| { force.set_value(true); reload.update(|n| *n += 1); }>{t("Refresh the list")}</button>
                        </p>
                    }.into_any(),
                    // (Not `load_failed`: its offline line would be the first visit's, +0.6 kB;
                    // offline, the list comes from its cache or the service worker's.)
                    Some(Err(e)) => view! {
                        <ErrorView error=e on_retry=Callback::new(move |_| { force.set_value(true); reload.update(|n| *n += 1); }) />
                    }.into_any(),
                }}
                {move || picker.get().then(|| view! {
                    <AlgorithmPicker algorithms=list selected=selected />
                    {move || chosen.get().map(|a| crate::components::lazy_view(move || lazy_model_about(a.clone()), || ().into_any(), true))}
                    {move || model_refusal.get().map(|r| view! { <p class="error" role="alert">{r}</p> })}
                })}

                {move || rest.get().then(|| view! { <steps::Steps model=model /> })}
            </form>
            {move || rest.get().then(|| view! { <ActiveJobs tracker=tracker /> })}
        </section>
    }
}
