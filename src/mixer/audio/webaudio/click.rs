//! The metronome on the song's beat grid and the one-bar count-in: short tones scheduled on the
//! context clock with the pieces they fall in, so they keep to the music at any tempo (and come
//! as late as the stretch holds the music back).

use super::WebAudio;
use crate::browser::js::n;
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
        self.clicks = c;
    }

    /// One click at context time `at`.
    fn click(&mut self, at: f64, accent: bool) {
        let (Ok(osc), Ok(env)) = (
            self.ctx.call("createOscillator", &[]),
            self.ctx.call("createGain", &[]),
        ) else {
            return;
        };
        osc.get("frequency")
            .set("value", if accent { ACCENT_HZ } else { BEAT_HZ });
        let gain = env.get("gain");
        let v = self.clicks.volume.clamp(0.0, 1.0) * if accent { 1.0 } else { 0.7 };
        let _ = gain.call("setValueAtTime", &[n(v), n(at)]);
        let _ = gain.call("exponentialRampToValueAtTime", &[n(0.001), n(at + CLICK)]);
        let _ = osc.call("connect", std::slice::from_ref(&env.0));
        let _ = env.call("connect", std::slice::from_ref(&self.analyser.0));
        let _ = osc.call("start", &[n(at)]);
        let _ = osc.call("stop", &[n(at + CLICK)]);
        self.sources.push((osc, at + CLICK));
    }

    /// The metronome's clicks for song time `from..to`, which plays from context time `at`.
    pub(super) fn clicks_for(&mut self, from: f64, to: f64, at: f64) {
        let Some(grid) = self.clicks.grid.filter(|_| self.clicks.on) else {
            return;
        };
        let lag = self.lag();
        for (t, accent) in grid.beats(from, to) {
            self.click(at + (t - from) / self.tempo + lag, accent);
        }
    }

    /// A bar of clicks from now at the tempo heard; returns when the music is to start.
    pub(super) fn count_in(&mut self, now: f64) -> f64 {
        let Some(grid) = self.clicks.grid.filter(|_| self.clicks.count_in) else {
            return now;
        };
        let beat = grid.period() / self.tempo;
        for i in 0..BAR {
            self.click(now + i as f64 * beat, i == 0);
        }
        now + BAR as f64 * beat
    }
}
