//! The mixer's shared state and what its controls do: one `Desk` (Copy) handed to every piece.
//! The player itself lives here, out of the reactive graph; signals mirror what the page shows.

use crate::browser::js::Js;
use crate::i18n::t;
use crate::mixer::audio::{load, Player};
use crate::mixer::model::rules::clock;
use crate::mixer::model::{LoopRange, Mix};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One stem of the result, as the mixer shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Stem {
    pub label: String,
    pub url: String,
    /// The download's file name.
    pub name: String,
    pub size: Option<String>,
    /// The waveform the service sent, if any (the media path has no other).
    pub peaks: Option<Vec<f32>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DeskState {
    /// Nothing fetched yet (a result can be large: the person starts it).
    Idle,
    Loading {
        done: usize,
        total: usize,
    },
    /// `media`: played by `<audio>` elements (the page may not read the files).
    Ready {
        media: bool,
    },
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Desk {
    pub stems: StoredValue<Vec<Stem>>,
    pub mix: RwSignal<Mix>,
    pub range: RwSignal<LoopRange>,
    pub pos: RwSignal<f64>,
    pub duration: RwSignal<f64>,
    pub playing: RwSignal<bool>,
    pub phase: RwSignal<DeskState>,
    pub peaks: RwSignal<Vec<Option<Vec<f32>>>>,
    pub level: RwSignal<f64>,
    /// The tempo (1 = as recorded), the key (semitones from the recording) and how the
    /// stretch they need is getting on: `tempo.rs`.
    pub rate: RwSignal<f64>,
    pub key: RwSignal<f64>,
    pub stretch: RwSignal<super::tempo::Stretching>,
    /// The song's tempo and key, the metronome, snapping: `beat.rs`. Zoom, markers: `ruler.rs`.
    pub beat: super::beat::Beat,
    pub lanes: super::ruler::Lanes,
    /// Why stems were left out (the others play), in words.
    pub left_out: RwSignal<String>,
    /// What the screen reader is told (a polite live region).
    pub said: RwSignal<String>,
    pub help: RwSignal<bool>,
    pub player: StoredValue<Option<Player>, LocalStorage>,
    pub blobs: StoredValue<Vec<Js>, LocalStorage>,
    /// Where the media path's `<audio>` elements live.
    pub host: NodeRef<Div>,
    /// The other result loaded for A/B (its label), and whether it is the one heard.
    pub other: RwSignal<Option<String>>,
    pub hearing_b: RwSignal<bool>,
    /// What comparing is doing, in words.
    pub compare_note: RwSignal<String>,
}

impl Desk {
    pub fn new(stems: Vec<Stem>) -> Self {
        let n = stems.len();
        let peaks = stems.iter().map(|s| s.peaks.clone()).collect();
        let first = stems.first().map(|s| s.url.clone()).unwrap_or_default();
        Self {
            stems: StoredValue::new(stems),
            mix: RwSignal::new(Mix::new(n)),
            range: RwSignal::new(LoopRange::default()),
            pos: RwSignal::new(0.0),
            duration: RwSignal::new(0.0),
            playing: RwSignal::new(false),
            phase: RwSignal::new(DeskState::Idle),
            peaks: RwSignal::new(peaks),
            level: RwSignal::new(0.0),
            rate: RwSignal::new(1.0),
            key: RwSignal::new(0.0),
            stretch: RwSignal::new(Default::default()),
            beat: super::beat::Beat::new(),
            lanes: super::ruler::Lanes::new(&first),
            left_out: RwSignal::new(String::new()),
            said: RwSignal::new(String::new()),
            help: RwSignal::new(false),
            player: StoredValue::new_local(None),
            blobs: StoredValue::new_local(Vec::new()),
            host: NodeRef::new(),
            other: RwSignal::new(None),
            hearing_b: RwSignal::new(false),
            compare_note: RwSignal::new(String::new()),
        }
    }

    pub fn label(&self, i: usize) -> String {
        self.stems
            .with_value(|s| s.get(i).map(|s| s.label.clone()))
            .unwrap_or_default()
    }

    pub fn count(&self) -> usize {
        self.stems.with_value(Vec::len)
    }

    /// Keeps the player (when there is one) and the signals in step; returns what `f` returns.
    pub(super) fn with_player<T>(&self, f: impl FnOnce(&mut Player) -> T) -> Option<T> {
        let out = self
            .player
            .try_update_value(|p| p.as_mut().map(f))
            .flatten();
        self.player.with_value(|p| {
            if let Some(p) = p {
                self.playing.set(p.playing());
                self.pos.set(p.position());
            }
        });
        out
    }

    /// Whether the stems play as media (the page may not read them).
    pub fn is_media(&self) -> bool {
        matches!(self.phase.get(), DeskState::Ready { media: true })
    }

    pub fn toggle_play(&self) {
        match self.phase.get_untracked() {
            DeskState::Idle | DeskState::Failed(_) => self.start(),
            DeskState::Loading { .. } => {}
            DeskState::Ready { .. } => {
                let at = self.pos.get_untracked();
                // From a stop, after a bar of clicks where the count-in is on.
                self.with_player(|p| {
                    if p.playing() {
                        p.pause()
                    } else {
                        p.play_counted(at)
                    }
                });
            }
        }
    }

    /// Fetches and prepares every stem, then plays.
    pub fn start(&self) {
        let d = *self;
        let urls: Vec<String> = self
            .stems
            .with_value(|s| s.iter().map(|s| s.url.clone()).collect());
        let total = urls.len() * 2;
        self.phase.set(DeskState::Loading { done: 0, total });
        let Some(host) = self.host.get_untracked() else {
            return;
        };
        let host = Js(host.into());
        spawn_local(async move {
            let progress = move |done| {
                d.phase.try_set(DeskState::Loading { done, total });
            };
            match load(&urls, &host, progress).await {
                Ok(l) => {
                    let media = matches!(l.player, Player::Media(_));
                    let mut player = l.player;
                    player.apply(&d.mix.get_untracked());
                    player.set_loop(d.range.get_untracked());
                    d.duration.try_set(player.duration());
                    // Drawn from the audio where it was decoded; else the service's, if sent.
                    if l.peaks.iter().any(Option::is_some) {
                        d.peaks.try_set(l.peaks);
                    }
                    d.blobs.try_update_value(|b| *b = l.blobs);
                    d.left_out.try_set(l.left_out.join(" "));
                    // The mixer was closed while loading: let go at once.
                    if d.player.try_update_value(|p| *p = Some(player)).is_none() {
                        return;
                    }
                    d.phase.try_set(DeskState::Ready { media });
                    let at = d.pos.get_untracked();
                    d.with_player(|p| p.play(at));
                    d.find_beat();
                    d.draw_waveforms().await;
                }
                Err(e) => {
                    d.phase.try_set(DeskState::Failed(e));
                }
            }
        });
    }

    pub fn seek(&self, to: f64) {
        let to = to.max(0.0).min(self.duration.get_untracked().max(0.0));
        self.pos.set(to);
        self.with_player(|p| p.seek(to));
    }

    pub fn nudge(&self, by: f64) {
        self.seek(self.pos.get_untracked() + by);
    }

    pub fn set_loop(&self, f: impl FnOnce(&mut LoopRange)) {
        self.range.update(f);
        let r = self.range.get_untracked();
        self.with_player(|p| p.set_loop(r));
        self.said.set(match (r.region(), r.on) {
            (Some((a, b)), true) => tr!("Looping {a} to {b}", a = clock(a), b = clock(b)),
            (Some(_), false) => t("Loop off").into(),
            _ => match r.a {
                Some(a) => tr!("Loop start set at {a}", a = clock(a)),
                None => t("No loop").into(),
            },
        });
    }

    pub fn change_mix(&self, f: impl FnOnce(&mut Mix)) {
        self.mix.update(f);
        let m = self.mix.get_untracked();
        self.with_player(|p| p.apply(&m));
    }

    pub fn say_time(&self) {
        self.said.set(tr!(
            "At {at} of {all}",
            at = clock(self.pos.get_untracked()),
            all = clock(self.duration.get_untracked())
        ));
    }

    /// A few times a second: the playhead, the level, the end, and a media duration once known.
    pub fn tick(&self) {
        let state = self.player.try_update_value(|p| {
            p.as_mut().map(|p| {
                let (level, ended) = p.tick();
                (p.playing(), p.position(), p.duration(), level, ended)
            })
        });
        if let Some(Some((playing, pos, duration, level, _))) = state {
            if self.playing.get_untracked() != playing {
                self.playing.set(playing);
            }
            if playing || self.pos.get_untracked() != pos {
                self.pos.set(pos);
            }
            if duration > 0.0 && self.duration.get_untracked() != duration {
                self.duration.set(duration);
            }
            let level = level.unwrap_or(0.0);
            if (self.level.get_untracked() - level).abs() > 1e-4 {
                self.level.set(level);
            }
        }
    }

    /// The result is no longer shown: stop and let go of the decoded audio.
    pub fn close(&self) {
        self.player.try_update_value(|p| {
            if let Some(mut p) = p.take() {
                p.close();
            }
        });
        self.blobs.try_update_value(Vec::clear);
    }
}
