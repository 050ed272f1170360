//! Separate: pick a model and its options, add songs (files or a link), see the cost, send them
//! as a queue within the plan's limit, and follow the jobs.

use crate::api::models::{Algorithm, Audience, Input, RemoteType, OUTPUT_FORMATS};
use crate::browser::{self, now_ms};
use crate::catalog::options::{initial_values, price_multiplier, Values};
use crate::components::{
    lazy_model_about, lazy_option_form, screen_head, ActiveJobs, AlgorithmPicker, ErrorView,
    Loading,
};
use crate::hooks::load;
use crate::i18n::{t, tn};
use crate::results::files::guess_remote;
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::choices::Choices;
use crate::state::{cache, use_settings, use_tracker};
use cost::{cost, cost_line, free_line, plan_line, Songs};
use leptos::prelude::*;
use leptos::task::spawn_local;
use songs::{Pending, SongInput};

pub mod cost;
mod form;
mod pair;
pub mod plan;
mod songs;
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

    // What the model takes decides the input step (a plain closure: a signal type of its own
    // would cost the first visit about 1 kB).
    let input = move || chosen.with(|a| a.as_ref().map_or(Input::Song, Algorithm::input));
    let pair: pair::Pair = RwSignal::new_local((None, None));
    let session = tracker.session;
    let premium = Signal::derive(move || session.premium());
    let balance = Signal::derive(move || session.balance());

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
    let price = move || (coefficient.get(), multiplier.get());
    let cost_of = move |d: Option<f64>| cost(d, price());
    // (credits of the files whose length is known, whether some length is unknown)
    let total_cost = Memo::new(move |_| {
        pending.with(|l| {
            let total: u64 = l.iter().filter_map(|p| cost_of(p.duration.flatten())).sum();
            (total, l.iter().any(|p| p.duration.flatten().is_none()))
        })
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

    // The free plan's separations today, where the service says (the tracker reads the queue
    // again as jobs are made); a batch over them is warned of in the same line.
    let free = move || {
        let Some(day) = tracker
            .watch
            .queue
            .with(|q| q.as_ref().and_then(|q| q.free))
        else {
            return String::new();
        };
        let songs = if use_link.get() || input() != Input::Song {
            1
        } else {
            pending.with(Vec::len) as i64
        };
        free_line(day, songs, premium.get())
    };

    // Offered until the person has answered the browser's question.
    let undecided = RwSignal::new(browser::page::notifications_undecided());
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
    // Steps 2-4 are drawn in the next frame: the whole screen in one frame held a phone's main
    // thread for some 120 ms (4x slower CPU); the two are about 85 and 50 ms.
    let rest = RwSignal::new(false);
    request_animation_frame(move || rest.set(true));
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
                <AlgorithmPicker algorithms=list selected=selected />
                {move || chosen.get().map(|a| crate::components::lazy_view(move || lazy_model_about(a.clone()), || ().into_any(), true))}
                {move || model_refusal.get().map(|r| view! { <p class="error" role="alert">{r}</p> })}

                {move || rest.get().then(|| view! {
                    <h2>{t("2. Options")}</h2>
                    {move || chosen.get().map(|a| crate::components::lazy_view(
                        move || lazy_option_form(a.clone(), values, field_errors),
                        || view! { <Loading text=t("Loading its options…") /> }.into_any(),
                        true,
                    ))}
                    <div class="field">
                        <label for="output-format">{t("Output format")}</label>
                        <select id="output-format" on:change=move |ev| output_format.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {OUTPUT_FORMATS.iter().map(|(code, label, prem)| {
                                let code = *code;
                                let text = if *prem { tr!("{format} (premium)", format = label) } else { label.to_string() };
                                view! {
                                    <option value=code.to_string() selected=move || output_format.get() == code
                                        disabled=move || *prem && session.account.with(|a| matches!(a, Some(Ok(_)))) && !premium.get()>{text}</option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || is_demo.get() on:change=move |ev| is_demo.set(event_target_checked(&ev)) />
                        {t("Publish as a demo on the site")}
                    </label>

                    // Built once, hidden for the models that take no song or two: their input steps
                    // come with their own code.
                    <div hidden=move || input() != Input::Song>
                        <h2>{t("3. Songs")}</h2>
                        <SongInput use_link=use_link pending=pending link=link remote=remote price=Signal::derive(price) premium=premium />
                    </div>
                    {move || match input() {
                        Input::Song => ().into_any(),
                        other => crate::components::lazy_view(move || pair::lazy_other_input(other, pair), || view! { <Loading text=t("Loading the input…") /> }.into_any(), true),
                    }}

                    <h2>{t("4. Cost")}</h2>
                    <p class="cost" role="status">
                        {move || {
                            let (credits, some_unknown) = total_cost.get();
                            let songs = if input() != Input::Song {
                                Songs::Other
                            } else if use_link.get() {
                                Songs::Link
                            } else if pending.with(Vec::is_empty) {
                                Songs::None
                            } else {
                                Songs::Files { credits, some_unknown }
                            };
                            cost_line(songs, balance.get(), premium.get())
                        }}
                        {move || (premium.get() && balance.get().is_some_and(|b| total_cost.get().0 as i64 > b))
                            .then(|| view! { <strong class="error-inline">{t(" More than your balance.")}</strong> })}
                    </p>
                    <p class="help" role="status">{free}</p>
                    <p class="help">{move || plan_line(tracker.limit())}</p>
                    <div class="row">
                        <button type="submit">{move || match input() {
                            Input::Song => t("Separate"),
                            Input::Prompt => t("Generate"),
                            Input::Pair => t("Master"),
                        }}</button>
                        {move || undecided.get().then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| spawn_local(async move {
                                browser::page::ask_for_notifications().await;
                                undecided.try_set(browser::page::notifications_undecided());
                            })>{t("Notify me when jobs finish")}</button>
                        })}
                    </div>
                    <div aria-live="polite">
                        {move || submit_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                        {move || submitted.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
                    </div>
                })}
            </form>
            {move || rest.get().then(|| view! { <ActiveJobs tracker=tracker /> })}
        </section>
    }
}
