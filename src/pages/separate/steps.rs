//! Separate's steps 2-4: the chosen model's options and the output format, the songs (or the
//! other input the model takes), the cost, and the button that sends them.

use super::cost::{cost, cost_line, free_line, plan_line, Songs};
use super::form::FormModel;
use super::pair;
use super::songs::SongInput;
use crate::api::models::{Algorithm, Input, OUTPUT_FORMATS};
use crate::browser;
use crate::components::{lazy_option_form, Loading};
use crate::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Steps(
    /// The form's signals (the page's, so the steps drawn later lose nothing of them).
    model: FormModel,
) -> impl IntoView {
    let FormModel {
        chosen,
        values,
        output_format,
        is_demo,
        use_link,
        remote,
        pair,
        premium,
        ..
    } = model;
    let (coefficient, multiplier) = model.price;
    let out = model.out;
    let (field_errors, submit_error, submitted, link, pending, tracker) = (
        out.field_errors,
        out.submit_error,
        out.submitted,
        out.link,
        out.pending,
        out.tracker,
    );
    let session = tracker.session;
    let balance = Signal::derive(move || session.balance());
    // What the model takes decides the input step (a plain closure: a signal type of its own
    // would cost the first visit about 1 kB).
    let input = move || chosen.with(|a| a.as_ref().map_or(Input::Song, Algorithm::input));
    let price = move || (coefficient.get(), multiplier.get());
    let cost_of = move |d: Option<f64>| cost(d, price());
    // (credits of the files whose length is known, whether some length is unknown)
    let total_cost = Memo::new(move |_| {
        pending.with(|l| {
            let total: u64 = l.iter().filter_map(|p| cost_of(p.duration.flatten())).sum();
            (total, l.iter().any(|p| p.duration.flatten().is_none()))
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

    view! {
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
                        let text = if *prem { tr!("{format} (premium)", format = t(label)) } else { t(label).to_string() };
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
    }
}
