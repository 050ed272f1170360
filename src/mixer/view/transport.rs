//! One transport for all stems: play/pause, the position, the A/B loop, the master volume and
//! the output level.

use super::desk::{Desk, DeskState};
use crate::i18n::t;
use crate::mixer::model::rules::{clock, fixed, MAX_DB, MIN_DB};
use leptos::prelude::*;

pub fn value_of(ev: &leptos::ev::Event) -> f64 {
    event_target_value(ev).parse().unwrap_or(0.0)
}

/// How a dB slider reads aloud.
pub fn db_text(db: f64) -> String {
    if db <= MIN_DB {
        "silent".into()
    } else {
        format!("{}{} dB", if db > 0.0 { "+" } else { "" }, fixed(db, 1))
    }
}

#[component]
pub fn Transport(desk: Desk) -> impl IntoView {
    let d = desk;
    let play_label = move || match d.phase.get() {
        DeskState::Loading { .. } => t("Loading…"),
        _ if d.playing.get() => t("Pause"),
        _ => t("Play"),
    };
    let loop_text = move || match d.range.get().region() {
        Some((a, b)) => tr!("Loop {a} – {b}", a = clock(a), b = clock(b)),
        None => match d.range.get().a {
            Some(a) => tr!("Loop from {a} (set B)", a = clock(a)),
            None => t("No loop").into(),
        },
    };
    // While the thumb is dragged the time follows it; the stems move when it is let go.
    let dragging = RwSignal::new(None::<f64>);
    let shown = move || dragging.get().unwrap_or_else(|| d.pos.get());
    view! {
        <div class="transport">
            // Never disabled while loading: a disabled button drops the keyboard focus.
            <button type="button" class="play" on:click=move |_| d.toggle_play()>{play_label}</button>
            <input type="range" class="seek" aria-label=t("Position") min="0" step="0.1"
                max=move || fixed(d.duration.get().max(0.1), 1)
                prop:value=move || fixed(shown(), 1)
                aria-valuetext=move || tr!("{at} of {all}", at = clock(shown()), all = clock(d.duration.get()))
                disabled=move || !matches!(d.phase.get(), DeskState::Ready { .. })
                on:input=move |ev| dragging.set(Some(value_of(&ev)))
                on:change=move |ev| { dragging.set(None); d.seek(value_of(&ev)); } />
            <span class="time">{move || format!("{} / {}", clock(shown()), clock(d.duration.get()))}</span>
        </div>
        <div class="transport">
            <button type="button" class="secondary" on:click=move |_| d.mark(false)>{t("Set A")}</button>
            <button type="button" class="secondary" on:click=move |_| d.mark(true)>{t("Set B")}</button>
            <button type="button" class="secondary" aria-pressed=move || d.range.get().on.to_string()
                disabled=move || d.range.get().region().is_none()
                on:click=move |_| d.set_loop(|r| r.toggle())>{t("Loop")}</button>
            <span class="help">{loop_text}</span>
            <label class="master">{t("Master ")}
                <input type="range" min=fixed(MIN_DB, 0) max=fixed(MAX_DB, 0) step="0.5"
                    prop:value=move || fixed(d.mix.get().master_db, 1)
                    aria-valuetext=move || db_text(d.mix.get().master_db)
                    on:input=move |ev| { let v = value_of(&ev); d.change_mix(|m| m.master_db = v); } />
            </label>
            {move || (!d.is_media()).then(|| view! {
                <meter min="0" max="0.5" aria-label=t("Output level") value=move || fixed(d.level.get(), 4)></meter>
            })}
            <button type="button" class="secondary" aria-expanded=move || d.help.get().to_string()
                aria-controls="mixer-keys" on:click=move |_| d.help.update(|h| *h = !*h)>{t("Keys (?)")}</button>
        </div>
    }
}
