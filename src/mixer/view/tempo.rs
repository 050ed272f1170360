//! Tempo and key for the whole mix. Through Web Audio: the stems at the tempo and one stretch
//! on the mix (loaded the first time either moves, `audio::webaudio::stretch`). On the `<audio>`
//! path (stems the page may not read): the browser's own stretch, `playbackRate` with the pitch
//! kept; there the key cannot be changed (it needs the audio itself), and the panel says so.

use super::desk::{Desk, DeskState};
use super::transport::value_of;
use crate::i18n::t;
use crate::mixer::audio::webaudio::stretch::Stretch;
use crate::mixer::audio::Player;
use crate::mixer::model::rules::fixed;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The slowest and fastest tempo offered (stretching sounds poor beyond), and the widest key.
const SLOWEST: f64 = 0.5;
const FASTEST: f64 = 1.5;
const SEMITONES: f64 = 12.0;

/// How the stretch the Web Audio path needs is getting on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Stretching {
    #[default]
    Idle,
    Loading,
    Ready,
    Failed,
}

/// Sets the tempo and the key, within what is offered; the first change on the Web Audio path
/// loads the stretch, and what was asked meanwhile is applied when it is there.
pub fn set_shift(d: Desk, tempo: f64, key: f64) {
    let DeskState::Ready { media } = d.phase.get_untracked() else {
        return;
    };
    if d.stretch.get_untracked() == Stretching::Failed {
        return;
    }
    // In hundredths: steps of 0.05 added up must come back to exactly 1.
    let tempo = (tempo.clamp(SLOWEST, FASTEST) * 100.0).round() / 100.0;
    let key = if media {
        0.0
    } else {
        key.round().clamp(-SEMITONES, SEMITONES)
    };
    d.rate.set(tempo);
    d.key.set(key);
    if apply(d) || d.stretch.get_untracked() == Stretching::Loading {
        return;
    }
    let Some(ctx) = d.player.with_value(|p| match p {
        Some(Player::Web(w)) => Some(w.context().clone()),
        _ => None,
    }) else {
        return;
    };
    d.stretch.set(Stretching::Loading);
    spawn_local(async move {
        let Some(s) = Stretch::load(&ctx).await else {
            d.stretch.try_set(Stretching::Failed);
            d.rate.try_set(1.0);
            d.key.try_set(0.0);
            return;
        };
        d.player.try_update_value(|p| {
            if let Some(Player::Web(w)) = p {
                w.set_stretch(s);
            }
        });
        d.stretch.try_set(Stretching::Ready);
        apply(d);
    });
}

/// The tempo and key asked, to the player; false when it waits for the stretch.
fn apply(d: Desk) -> bool {
    // The stretch came after the result was left: nothing to apply it to.
    let (Some(tempo), Some(key)) = (d.rate.try_get_untracked(), d.key.try_get_untracked()) else {
        return false;
    };
    d.with_player(|p| p.set_shift(tempo, key)).unwrap_or(false)
}

#[component]
pub fn Tempo(desk: Desk) -> impl IntoView {
    let d = desk;
    let (rate, key) = (d.rate, d.key);
    let note = move || match d.stretch.get() {
        Stretching::Loading => Some(t("Preparing tempo and key…")),
        Stretching::Failed => Some(t(
            "Tempo and key could not be started in this browser; the stems play as recorded.",
        )),
        _ => None,
    };
    let semitones = move || {
        let k = key.get();
        let sign = if k > 0.0 { "+" } else { "" };
        format!("{sign}{}", fixed(k, 0))
    };
    move || {
        matches!(d.phase.get(), DeskState::Ready { .. }).then(|| {
            let media = d.is_media();
            view! {
                <div class="transport">
                    <label>{t("Tempo")} " "
                        <input type="range" min=fixed(SLOWEST, 2) max=fixed(FASTEST, 2) step="0.05"
                            prop:value=move || fixed(rate.get(), 2)
                            aria-valuetext=move || tr!("{x} times, the pitch kept", x = fixed(rate.get(), 2))
                            on:input=move |ev| set_shift(d, value_of(&ev), key.get_untracked()) />
                    </label>
                    <span class="help">{move || tr!("{x}×", x = fixed(rate.get(), 2))}</span>
                    {(!media).then(|| view! {
                        <label>{t("Key")} " "
                            <input type="range" min="-12" max="12" step="1"
                                prop:value=move || fixed(key.get(), 0)
                                aria-valuetext=move || tr!("{n} semitones, the tempo kept", n = semitones())
                                on:input=move |ev| set_shift(d, rate.get_untracked(), value_of(&ev)) />
                        </label>
                        <span class="help">{move || tr!("{n} st", n = semitones())}</span>
                    })}
                    <button type="button" class="secondary" on:click=move |_| set_shift(d, 1.0, 0.0)>{t("As recorded")}</button>
                    <p class="help" role="status">{note}</p>
                    {media.then(|| view! {
                        <p class="help">{t("Another key, and the song's tempo and key, need the stems' audio, which their host does not let this page read.")}</p>
                    })}
                </div>
            }
        })
    }
}
