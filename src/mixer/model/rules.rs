//! Mute, solo, volume and pan per stem, a master volume, and the A/B loop: the state the
//! person sets and the gain each stem gets from it.

pub use crate::results::files::fixed;
use serde::{Deserialize, Serialize};

/// The volume sliders' range in dB; the bottom of the range is silence.
pub const MIN_DB: f64 = -40.0;
pub const MAX_DB: f64 = 6.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StemMix {
    pub mute: bool,
    pub solo: bool,
    /// Volume in dB, MIN_DB (silence) to MAX_DB.
    pub db: f64,
    /// -1 (left) to 1 (right).
    pub pan: f64,
}

impl Default for StemMix {
    fn default() -> Self {
        Self {
            mute: false,
            solo: false,
            db: 0.0,
            pan: 0.0,
        }
    }
}

/// Linear gain of a dB value; the bottom of the slider is silence, not -40 dB.
pub fn db_to_gain(db: f64) -> f64 {
    if db <= MIN_DB {
        0.0
    } else {
        10f64.powf(db.min(MAX_DB) / 20.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mix {
    pub stems: Vec<StemMix>,
    pub master_db: f64,
}

impl Default for Mix {
    fn default() -> Self {
        Self::new(0)
    }
}

impl Mix {
    pub fn new(stems: usize) -> Self {
        Self {
            stems: vec![StemMix::default(); stems],
            master_db: 0.0,
        }
    }

    /// Whether stem `i` is heard: not muted, and soloed when any stem is.
    pub fn audible(&self, i: usize) -> bool {
        let any_solo = self.stems.iter().any(|s| s.solo);
        self.stems
            .get(i)
            .is_some_and(|s| !s.mute && (!any_solo || s.solo))
    }

    /// The stem's gain before the master volume.
    pub fn gain(&self, i: usize) -> f64 {
        if self.audible(i) {
            db_to_gain(self.stems[i].db)
        } else {
            0.0
        }
    }

    pub fn master_gain(&self) -> f64 {
        db_to_gain(self.master_db)
    }

    pub fn toggle_mute(&mut self, i: usize) {
        if let Some(s) = self.stems.get_mut(i) {
            s.mute = !s.mute;
        }
    }

    /// A plain solo adds the stem to the soloed set (or takes it out); an exclusive solo makes
    /// it the only soloed stem (or clears the solo when it already was).
    pub fn toggle_solo(&mut self, i: usize, exclusive: bool) {
        if i >= self.stems.len() {
            return;
        }
        if exclusive {
            let only = self.stems[i].solo && self.stems.iter().filter(|s| s.solo).count() == 1;
            for (j, s) in self.stems.iter_mut().enumerate() {
                s.solo = j == i && !only;
            }
        } else {
            self.stems[i].solo = !self.stems[i].solo;
        }
    }

    /// Mutes exactly the stems of `muted` and clears every solo; volumes and pans stay.
    pub fn set_muted(&mut self, muted: &[bool]) {
        for (i, s) in self.stems.iter_mut().enumerate() {
            s.mute = muted.get(i).copied().unwrap_or(false);
            s.solo = false;
        }
    }
}

/// The A/B loop, in seconds. Only a region longer than `MIN_LOOP` loops.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LoopRange {
    pub a: Option<f64>,
    pub b: Option<f64>,
    pub on: bool,
}

pub const MIN_LOOP: f64 = 0.05;

impl LoopRange {
    /// Sets A; a B that is no longer after it is dropped.
    pub fn set_a(&mut self, t: f64) {
        self.a = Some(t.max(0.0));
        if self.b.is_some_and(|b| b < t + MIN_LOOP) {
            self.b = None;
        }
        self.on = self.region().is_some();
    }

    /// Sets B; before A, the two swap, so the region is always A to B.
    pub fn set_b(&mut self, t: f64) {
        match self.a {
            Some(a) if t < a => {
                self.b = Some(a);
                self.a = Some(t.max(0.0));
            }
            _ => self.b = Some(t),
        }
        if self.a.is_none() {
            self.a = Some(0.0);
        }
        self.on = self.region().is_some();
    }

    /// The region when both ends are set and it is long enough, whether or not it is on.
    pub fn region(&self) -> Option<(f64, f64)> {
        match (self.a, self.b) {
            (Some(a), Some(b)) if b - a >= MIN_LOOP => Some((a, b)),
            _ => None,
        }
    }

    /// The region while looping is on.
    pub fn active(&self) -> Option<(f64, f64)> {
        self.region().filter(|_| self.on)
    }

    pub fn toggle(&mut self) {
        self.on = !self.on && self.region().is_some();
    }

    /// Where playback that started at `from` is after `elapsed` seconds.
    pub fn position(&self, from: f64, elapsed: f64) -> f64 {
        let t = from + elapsed;
        match self.active() {
            Some((a, b)) if from < b && t >= b => a + (t - b) % (b - a),
            _ => t,
        }
    }
}

/// `m:ss.t` for the transport.
pub fn clock(secs: f64) -> String {
    let tenths = (secs.max(0.0) * 10.0).floor() as u64;
    format!("{}:{:02}.{}", tenths / 600, (tenths / 10) % 60, tenths % 10)
}
