//! The song's tempo and key (found off the page's thread once the stems are in:
//! `audio::analysis`), the metronome on its beat grid, a bar's count-in before playing, and loop
//! ends snapped to beats when asked. The `<audio>` path cannot read the stems: none of this there.

use super::desk::{Desk, DeskState};
use super::transport::value_of;
use crate::i18n::t;
use crate::mixer::audio::analysis::{self, Found};
use crate::mixer::audio::webaudio::Clicks;
use crate::mixer::audio::Player;
use crate::mixer::model::grid::BeatGrid;
use crate::mixer::model::rules::fixed;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Finding {
    #[default]
    Idle,
    /// The stems read so far (0..1).
    Working(f64),
    Found(Found),
    Failed(String),
}

/// The beat's state, one field of the desk.
#[derive(Clone, Copy)]
pub struct Beat {
    pub finding: RwSignal<Finding>,
    pub clicks: RwSignal<Clicks>,
    pub snap: RwSignal<bool>,
}

impl Beat {
    pub fn new() -> Self {
        Self {
            finding: RwSignal::new(Finding::Idle),
            clicks: RwSignal::new(Clicks {
                volume: 0.5,
                ..Clicks::default()
            }),
            snap: RwSignal::new(false),
        }
    }
}

/// The name of a key by its tonic in letters ("A minor"), in the page's language.
pub fn key_name((tonic, minor): (u8, bool)) -> String {
    const NAMES: [&str; 12] = [
        "C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B",
    ];
    let note = NAMES[tonic as usize % 12];
    if minor {
        tr!("{note} minor", note = note)
    } else {
        tr!("{note} major", note = note)
    }
}

impl Desk {
    /// Finds the song's tempo and key from the stems being played (Web Audio only).
    pub(super) fn find_beat(&self) {
        let d = *self;
        let tracks = d.player.with_value(|p| match p {
            Some(Player::Web(w)) => w.heard().0,
            _ => Vec::new(),
        });
        if tracks.is_empty() {
            return;
        }
        d.beat.finding.set(Finding::Working(0.0));
        spawn_local(async move {
            let progress = move |p| {
                d.beat.finding.try_set(Finding::Working(p));
            };
            let got = match analysis::analyse(&tracks, progress).await {
                Ok(f) => Finding::Found(f),
                Err(e) => Finding::Failed(e),
            };
            if let Finding::Found(f) = &got {
                let grid = f.tempo.and_then(|(bpm, at)| BeatGrid::new(bpm, at));
                d.beat.clicks.try_update(|c| c.grid = grid);
                d.push_clicks();
            }
            d.beat.finding.try_set(got);
        });
    }

    /// The metronome's settings, to the player.
    fn push_clicks(&self) {
        // Found after the result was left: nothing to tell.
        let Some(c) = self.beat.clicks.try_get_untracked() else {
            return;
        };
        self.player.try_update_value(|p| {
            if let Some(p) = p {
                p.set_clicks(c);
            }
        });
    }

    /// Sets the loop's start (`b`: its end) at the playhead, on the nearest beat when snapping.
    pub fn mark(&self, b: bool) {
        let mut t = self.pos.get_untracked();
        if self.beat.snap.get_untracked() {
            if let Some(g) = self.beat.clicks.get_untracked().grid {
                t = g.snap(t);
            }
        }
        self.set_loop(|r| if b { r.set_b(t) } else { r.set_a(t) });
    }
}

#[component]
pub fn BeatPanel(desk: Desk) -> impl IntoView {
    let d = desk;
    let beat = d.beat;
    let change = move |f: &dyn Fn(&mut Clicks)| {
        beat.clicks.update(|c| f(c));
        d.push_clicks();
    };
    let found = move || match beat.finding.get() {
        Finding::Idle => String::new(),
        Finding::Working(p) => tr!(
            "Finding the song's tempo and key… {p} %",
            p = fixed(p * 100.0, 0)
        ),
        Finding::Failed(e) => tr!("The song's tempo and key could not be found: {e}", e = e),
        Finding::Found(f) => {
            let tempo = f.tempo.map_or_else(
                || t("tempo not detected").to_string(),
                |(bpm, _)| tr!("{bpm} BPM", bpm = fixed(bpm, 1)),
            );
            let key = f
                .key
                .map_or_else(|| t("key not detected").to_string(), key_name);
            format!("{tempo} · {key}")
        }
    };
    let grid = move || beat.clicks.get().grid.is_some();
    move || {
        matches!(d.phase.get(), DeskState::Ready { media: false }).then(|| {
            view! {
                <div class="transport">
                    <p class="help" role="status">{found}</p>
                    <label><input type="checkbox" prop:checked=move || beat.clicks.get().on
                        disabled=move || !grid()
                        on:change=move |ev| { let on = event_target_checked(&ev); change(&|c| c.on = on); } />
                        {t("Metronome")}</label>
                    <label>{t("Click volume")} " "
                        <input type="range" min="0" max="1" step="0.05"
                            prop:value=move || fixed(beat.clicks.get().volume, 2)
                            aria-valuetext=move || tr!("{p} %", p = fixed(beat.clicks.get().volume * 100.0, 0))
                            on:input=move |ev| { let v = value_of(&ev); change(&|c| c.volume = v); } />
                    </label>
                    <label><input type="checkbox" prop:checked=move || beat.clicks.get().count_in
                        disabled=move || !grid()
                        on:change=move |ev| { let on = event_target_checked(&ev); change(&|c| c.count_in = on); } />
                        {t("Count in a bar")}</label>
                    <label><input type="checkbox" prop:checked=move || beat.snap.get()
                        disabled=move || !grid()
                        on:change=move |ev| beat.snap.set(event_target_checked(&ev)) />
                        {t("Loop ends on beats")}</label>
                </div>
            }
        })
    }
}
