//! One stem: its name, colour and file, mute/solo/volume/pan, its waveform with the playhead,
//! and its download.

use super::desk::Desk;
use super::transport::db_text;
use crate::api::request::encode;
use crate::browser::js::{yield_now, Js};
use crate::i18n::t;
use crate::mixer::audio::Player;
use crate::mixer::model::peaks::svg_path;
use crate::mixer::model::presets::{kind, Kind};
use crate::mixer::model::rules::{fixed, MAX_DB, MIN_DB};
use crate::mixer::model::timeline;
use leptos::prelude::*;

#[component]
pub fn StemRow(desk: Desk, i: usize) -> impl IntoView {
    let d = desk;
    let stem = d.stems.with_value(|s| s[i].clone());
    let label = stem.label.clone();
    let colour = colour(&label, i);
    let again = format!("/?url={}", encode(&stem.url));
    let s = move || d.mix.with(|m| m.stems.get(i).cloned().unwrap_or_default());
    let heard = move || d.mix.with(|m| m.audible(i));
    let number = i + 1;
    // Where a time is in the part of the song in view (the lanes' zoom, `ruler.rs`).
    let pct = move |t: f64| timeline::pct(t, d.window());
    let click_wave = move |ev: leptos::ev::MouseEvent| {
        let (x, w) = super::ruler::across(&Js(ev.into()));
        d.seek(timeline::time_at(x, w, untrack(|| d.window())));
    };
    // The waveform's part in view: its peaks are spread over the whole song.
    let view_box = move |n: usize| {
        let (v0, v1) = d.window();
        let dur = d.duration.get().max(0.001);
        let k = n as f64 / dur;
        format!(
            "{} 0 {} 100",
            fixed(v0 * k, 3),
            fixed((v1 - v0).max(0.001) * k, 3)
        )
    };
    let (l1, l2, l3, l4, l5) = (
        label.clone(),
        label.clone(),
        label.clone(),
        label.clone(),
        label.clone(),
    );
    view! {
        <li class="stem mixer-stem" class:silent=move || !heard() style=("--stem", colour)>
            <div class="stem-head">
                <span class="swatch" aria-hidden="true"></span>
                <strong>{format!("{number}. {label}")}</strong>
                <span class="help">{stem.name.clone()}{stem.size.clone().map(|s| format!(" · {s}"))}</span>
            </div>
            <div class="stem-controls">
                <button type="button" class="secondary" aria-pressed=move || s().mute.to_string()
                    aria-label=tr!("Mute {l1}", l1 = l1) on:click=move |_| d.toggle_mute(i)>{t("Mute")}</button>
                <button type="button" class="secondary" aria-pressed=move || s().solo.to_string()
                    aria-label=tr!("Solo {l2}", l2 = l2) title=t("Alt-click: solo only this stem")
                    on:click=move |ev| d.toggle_solo(i, ev.alt_key())>{t("Solo")}</button>
                <label>{t("Volume ")}
                    <input type="range" min=fixed(MIN_DB, 0) max=fixed(MAX_DB, 0) step="0.5" aria-label=tr!("Volume of {l3}", l3 = l3)
                        prop:value=move || fixed(s().db, 1) aria-valuetext=move || db_text(s().db)
                        on:input=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(0.0); d.change_mix(|m| m.stems[i].db = v); } />
                </label>
                <label>{t("Pan ")}
                    <input type="range" min="-1" max="1" step="0.1" aria-label=tr!("Pan of {l4}", l4 = l4)
                        prop:value=move || fixed(s().pan, 1)
                        aria-valuetext=move || match s().pan { p if p < -0.01 => tr!("{p}% left", p = fixed(-p * 100.0, 0)), p if p > 0.01 => tr!("{p}% right", p = fixed(p * 100.0, 0)), _ => "centre".into() }
                        disabled=move || d.is_media()
                        on:input=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(0.0); d.change_mix(|m| m.stems[i].pan = v); } />
                </label>
            </div>
            <div class="wave" aria-hidden="true" on:click=click_wave>
                {move || d.peaks.with(|p| p.get(i).cloned().flatten()).map(|p| view! {
                    <svg viewBox=move || view_box(p.len()) preserveAspectRatio="none">
                        <path d=svg_path(&p) />
                    </svg>
                })}
                {move || d.range.get().region().map(|(a, b)| view! {
                    <div class="loop-band" class:off=move || !d.range.get().on
                        style:left=move || format!("{}%", fixed(pct(a), 3))
                        style:width=move || format!("{}%", fixed(pct(b) - pct(a), 3))></div>
                })}
                <div class="playhead" style:left=move || format!("{}%", fixed(pct(d.pos.get()), 3))></div>
            </div>
            <div class="row">
                <a href=stem.url.clone() download=stem.name.clone()>{tr!("Download {name}", name = stem.name)}</a>
                <a href=again>{tr!("Separate {l5} again", l5 = l5)}</a>
            </div>
        </li>
    }
}

impl Desk {
    pub fn toggle_mute(&self, i: usize) {
        if i >= self.count() {
            return;
        }
        self.change_mix(|m| m.toggle_mute(i));
        let muted = self.mix.with_untracked(|m| m.stems[i].mute);
        self.said.set(if muted {
            tr!("{stem} muted", stem = self.label(i))
        } else {
            tr!("{stem} on", stem = self.label(i))
        });
    }

    pub fn toggle_solo(&self, i: usize, exclusive: bool) {
        if i >= self.count() {
            return;
        }
        self.change_mix(|m| m.toggle_solo(i, exclusive));
        let solo = self.mix.with_untracked(|m| m.stems[i].solo);
        self.said.set(if solo {
            tr!("{stem} soloed", stem = self.label(i))
        } else {
            tr!("{stem} not soloed", stem = self.label(i))
        });
    }

    /// Draws each stem's waveform, one at a time, letting the page breathe between.
    pub(super) async fn draw_waveforms(&self) {
        let (tracks, map) = self.player.with_value(|p| match p {
            Some(Player::Web(w)) => w.heard(),
            _ => (Vec::new(), Vec::new()),
        });
        // Each track drawn in its stem's lane (a stem left out has none).
        for (t, i) in tracks.iter().zip(map) {
            yield_now().await;
            let (Some(i), Some(outline)) = (i, t.outline().await) else {
                continue;
            };
            if self
                .peaks
                .try_update(|p| {
                    if let Some(slot) = p.get_mut(i) {
                        *slot = Some(outline);
                    }
                })
                .is_none()
            {
                return;
            }
        }
    }
}

/// A stem's colour: by kind where its name tells, else in turn.
fn colour(label: &str, i: usize) -> &'static str {
    const TURN: [&str; 4] = ["#8e5cd9", "#2f9e8f", "#c75a8a", "#6b8e23"];
    match kind(label) {
        Kind::Vocals => "#d9467a",
        Kind::Drums => "#e08a1e",
        Kind::Bass => "#3b7dd8",
        Kind::Piano => "#2aa35c",
        Kind::Guitar => "#b5651d",
        Kind::Other => TURN[i % TURN.len()],
    }
}
