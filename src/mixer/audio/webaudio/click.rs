//! The metronome on the song's beat grid and the one-bar count-in: short tones scheduled on the
//! context clock with the pieces they fall in, so they keep to the music at any tempo (and come
//! as late as the stretch holds the music back). Whenever there is a grid the clicks are there,
//! into a gain of their own: on, off and the volume take effect at once, with nothing to move.

use super::WebAudio;
use crate::browser::js::{n, Js};
use crate::mixer::model::grid::{BeatGrid, BAR};

/// How long a click sounds (seconds), and its pitch on a bar's first beat and on the others.
const CLICK: f64 = 0.05;
const ACCENT_HZ: f64 = 1600.0;
const BEAT_HZ: f64 = 1000.0;

/// The metronome's settings.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Clicks {
    pub grid: Option<BeatGrid>,
    pub on: bool,
    /// 0..1.
    pub volume: f64,
    /// A bar of clicks before playing from a stop.
    pub count_in: bool,
}

impl WebAudio {
    pub fn set_clicks(&mut self, c: Clicks) {
        let new_grid = c.grid != self.clicks.grid;
        self.clicks = c;
        let level = if c.on { c.volume.clamp(0.0, 1.0) } else { 0.0 };
        let _ = self
            .click_bus
            .get("gain")
            .call("setTargetAtTime", &[n(level), n(self.now()), n(0.01)]);
        // A grid found while playing: the pieces already scheduled get their clicks too.
        if new_grid && self.playing {
            let here = self.position() + 0.05;
            let pieces: Vec<(f64, f64, f64)> = self
                .timeline
                .iter()
                .map(|p| (p.from, p.from + p.len, p.at))
                .collect();
            for (from, to, at) in pieces {
                let a = from.max(here);
                if a < to {
                    self.clicks_for(a, to, at + (a - from) / self.tempo);
                }
            }
        }
    }

    /// One click at context time `at` into `to`, `loud` at its peak.
    fn click(&mut self, at: f64, accent: bool, loud: f64, to: &Js) {
        let (Ok(osc), Ok(env)) = (
            self.ctx.call("createOscillator", &[]),
            self.ctx.call("createGain", &[]),
        ) else {
            return;
        };
        osc.get("frequency")
            .set("value", if accent { ACCENT_HZ } else { BEAT_HZ });
        let gain = env.get("gain");
        let v = loud * if accent { 1.0 } else { 0.7 };
        let _ = gain.call("setValueAtTime", &[n(v), n(at)]);
        let _ = gain.call("exponentialRampToValueAtTime", &[n(0.001), n(at + CLICK)]);
        let _ = osc.call("connect", std::slice::from_ref(&env.0));
        let _ = env.call("connect", std::slice::from_ref(&to.0));
        let _ = osc.call("start", &[n(at)]);
        let _ = osc.call("stop", &[n(at + CLICK)]);
        self.sources.push((osc, at + CLICK));
    }

    /// The metronome's clicks for song time `from..to`, which plays from context time `at`.
    pub(super) fn clicks_for(&mut self, from: f64, to: f64, at: f64) {
        let Some(grid) = self.clicks.grid else {
            return;
        };
        let lag = self.lag();
        let bus = self.click_bus.clone();
        for (t, accent) in grid.beats(from, to) {
            self.click(at + (t - from) / self.tempo + lag, accent, 1.0, &bus);
        }
    }

    /// A bar of clicks from now at the tempo heard; returns when the music is to start.
    pub(super) fn count_in(&mut self, now: f64) -> f64 {
        let Some(grid) = self.clicks.grid.filter(|_| self.clicks.count_in) else {
            return now;
        };
        let beat = grid.period() / self.tempo;
        let (loud, out) = (self.clicks.volume.clamp(0.0, 1.0), self.analyser.clone());
        for i in 0..BAR {
            self.click(now + i as f64 * beat, i == 0, loud, &out);
        }
        now + BAR as f64 * beat
    }
}
