//! The song's beat grid (its tempo and first beat, `audio::analysis`): the beats in a stretch of
//! the song for the metronome, a loop's ends snapped to beats, the count-in's bar.

/// Beats a bar (the analysis finds the beat, not the metre: four is what most songs have).
pub const BAR: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BeatGrid {
    pub bpm: f64,
    /// The first beat (seconds of the song).
    pub first: f64,
}

impl BeatGrid {
    /// A grid, when the tempo is one a song can have.
    pub fn new(bpm: f64, first: f64) -> Option<Self> {
        (bpm.is_finite() && (20.0..=400.0).contains(&bpm) && first.is_finite()).then_some(Self {
            bpm,
            first: first.max(0.0),
        })
    }

    pub fn period(&self) -> f64 {
        60.0 / self.bpm
    }

    /// The beats from `a` (inclusive) to `b` (exclusive): their song time, and whether each is
    /// the first of a bar (counted from the first beat).
    pub fn beats(&self, a: f64, b: f64) -> Vec<(f64, bool)> {
        let p = self.period();
        let mut k = ((a - self.first) / p).ceil().max(0.0) as i64;
        let mut out = Vec::new();
        loop {
            let t = self.first + k as f64 * p;
            if t >= b {
                return out;
            }
            if t >= a {
                out.push((t, k % BAR as i64 == 0));
            }
            k += 1;
        }
    }

    /// The beat nearest `t` (none comes before the first).
    pub fn snap(&self, t: f64) -> f64 {
        let p = self.period();
        let k = ((t - self.first) / p).round().max(0.0);
        self.first + k * p
    }
}
