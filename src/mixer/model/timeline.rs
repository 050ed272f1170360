//! The lanes' time axis: which part of the song is in view at a zoom, where a time falls in it,
//! the ruler's steps, following the playhead, and named markers.

/// The closest zoom: this many pixels a second.
pub const MAX_PX_PER_SEC: f64 = 50.0;

/// The seconds in view (`v0`, `v1`) at `factor` (1 = the whole song), from `start`.
pub fn window(duration: f64, factor: f64, start: f64) -> (f64, f64) {
    let d = duration.max(0.0);
    let len = d / factor.max(1.0);
    let s = start.max(0.0).min((d - len).max(0.0));
    (s, s + len)
}

/// Where `t` falls in `(v0, v1)`, in percent (may be outside 0..100: out of view).
pub fn pct(t: f64, (v0, v1): (f64, f64)) -> f64 {
    if v1 > v0 {
        (t - v0) / (v1 - v0) * 100.0
    } else {
        0.0
    }
}

/// The time at `x` of `width` in `(v0, v1)`.
pub fn time_at(x: f64, width: f64, (v0, v1): (f64, f64)) -> f64 {
    v0 + (x / width.max(1.0)).clamp(0.0, 1.0) * (v1 - v0)
}

/// The most zoom: `MAX_PX_PER_SEC` on a lane `width` px wide.
pub fn max_factor(duration: f64, width: f64) -> f64 {
    (duration * MAX_PX_PER_SEC / width.max(1.0)).max(1.0)
}

/// The start that keeps `anchor` where it is on screen when `(v0, v1)` is zoomed to `factor`.
pub fn zoom_start(duration: f64, factor: f64, anchor: f64, (v0, v1): (f64, f64)) -> f64 {
    let len = duration / factor.max(1.0);
    let at = if v1 > v0 {
        (anchor - v0) / (v1 - v0)
    } else {
        0.0
    };
    window(duration, factor, anchor - at * len).0
}

/// A new start when the playhead `pos` has left `(v0, v1)`: a page on, with a little before it.
pub fn follow(pos: f64, (v0, v1): (f64, f64)) -> Option<f64> {
    let len = v1 - v0;
    (pos < v0 || pos > v1 - len * 0.02).then(|| (pos - len * 0.05).max(0.0))
}

/// Seconds between the ruler's labelled ticks: a round step giving about `ticks` of them.
pub fn tick_step(span: f64, ticks: f64) -> f64 {
    const STEPS: [f64; 12] = [
        0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0,
    ];
    let want = span / ticks.max(1.0);
    STEPS.iter().copied().find(|s| *s >= want).unwrap_or(600.0)
}

/// A named place in the song.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Marker {
    pub at: f64,
    pub name: String,
}

/// Adds a marker at `at` named `name`, keeping them in time order; returns its index.
pub fn add_marker(marks: &mut Vec<Marker>, at: f64, name: String) -> usize {
    let i = marks.partition_point(|m| m.at <= at);
    marks.insert(i, Marker { at, name });
    i
}

/// The marker after `pos` (`forward`) or before it (a moment's leeway, so a jump from one
/// marker goes on to the next rather than to itself).
pub fn next_marker(marks: &[Marker], pos: f64, forward: bool) -> Option<&Marker> {
    const LEEWAY: f64 = 0.25;
    if forward {
        marks.iter().find(|m| m.at > pos + 0.01)
    } else {
        marks.iter().rev().find(|m| m.at < pos - LEEWAY)
    }
}
