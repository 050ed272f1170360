//! Tempo on the `<audio>` path (stems the page may not read): the browser's own stretch,
//! `playbackRate` with the pitch kept. There the key and the song's tempo and key cannot be had
//! (they need the audio itself), and the panel says so in a sentence.

use super::desk::Desk;
use super::transport::value_of;
use crate::i18n::t;
use crate::mixer::model::rules::fixed;
use leptos::prelude::*;

/// The slowest and fastest tempo offered (the browser's stretch sounds poor beyond).
const SLOWEST: f64 = 0.5;
const FASTEST: f64 = 1.5;

/// Sets the tempo where it can be changed (the `<audio>` path), within what is offered.
pub fn set_tempo(d: Desk, r: f64) {
    if !d.is_media() {
        return;
    }
    let r = r.max(SLOWEST).min(FASTEST);
    d.rate.set(r);
    d.player.update_value(|p| {
        if let Some(p) = p {
            p.set_rate(r);
        }
    });
}

#[component]
pub fn Tempo(desk: Desk) -> impl IntoView {
    let d = desk;
    let rate = d.rate;
    let set = move |r: f64| set_tempo(d, r);
    move || {
        d.is_media().then(|| {
            view! {
                <div class="transport">
                    <label>{t("Tempo")} " "
                        <input type="range" min=fixed(SLOWEST, 2) max=fixed(FASTEST, 2) step="0.05"
                            prop:value=move || fixed(rate.get(), 2)
                            aria-valuetext=move || tr!("{x} times, the pitch kept", x = fixed(rate.get(), 2))
                            on:input=move |ev| set(value_of(&ev)) />
                    </label>
                    <span class="help">{move || tr!("{x}×", x = fixed(rate.get(), 2))}</span>
                    <button type="button" class="secondary" on:click=move |_| set(1.0)>{t("As recorded")}</button>
                    <p class="help">{t("Another key, and the song's tempo and key, need the stems' audio, which their host does not let this page read.")}</p>
                </div>
            }
        })
    }
}
