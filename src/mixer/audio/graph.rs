//! One stem's path to the output (source → gain → pan → master), built the same way for
//! playing and for rendering the mix to a file.

use crate::browser::js::{n, Js};
use crate::mixer::model::Mix;

pub struct Graph {
    pub gains: Vec<Js>,
    pub pans: Vec<Js>,
    pub master: Js,
}

fn connect(from: &Js, to: &Js) -> Option<()> {
    from.call("connect", std::slice::from_ref(&to.0))
        .ok()
        .map(|_| ())
}

impl Graph {
    /// `stems` paths into a master gain connected to `out`, in the context `ctx`.
    pub fn new(ctx: &Js, stems: usize, out: &Js) -> Option<Self> {
        let master = ctx.call("createGain", &[]).ok()?;
        connect(&master, out)?;
        let mut gains = Vec::with_capacity(stems);
        let mut pans = Vec::with_capacity(stems);
        for _ in 0..stems {
            let g = ctx.call("createGain", &[]).ok()?;
            let p = ctx.call("createStereoPanner", &[]).ok()?;
            connect(&g, &p)?;
            connect(&p, &master)?;
            gains.push(g);
            pans.push(p);
        }
        Some(Self {
            gains,
            pans,
            master,
        })
    }

    /// Sets every gain and pan to `mix`: stem `j` here takes the settings of the mix's stem
    /// `map[j]` (another result of the song has its stems in its own order); one with no
    /// counterpart plays unless a stem is soloed. `on`: this path is the one heard. `glide`: a
    /// short ramp, so a live change does not click.
    pub fn apply(&self, mix: &Mix, map: &[Option<usize>], on: bool, now: f64, glide: bool) {
        let set = |param: Js, v: f64| {
            if glide {
                let _ = param.call("cancelScheduledValues", &[n(now)]);
                let _ = param.call("setTargetAtTime", &[n(v), n(now), n(0.01)]);
            } else {
                param.set("value", v);
            }
        };
        let any_solo = mix.stems.iter().any(|s| s.solo);
        for (j, (g, p)) in self.gains.iter().zip(&self.pans).enumerate() {
            let (gain, pan) = match map.get(j).copied().flatten() {
                Some(i) => (mix.gain(i), mix.stems.get(i).map(|s| s.pan).unwrap_or(0.0)),
                None => (if any_solo { 0.0 } else { 1.0 }, 0.0),
            };
            set(g.get("gain"), gain);
            set(p.get("pan"), pan);
        }
        set(
            self.master.get("gain"),
            if on { mix.master_gain() } else { 0.0 },
        );
    }

    /// A source of `buffer` into the stem path `gain` at `rate` (the tempo), not started.
    pub fn source(&self, ctx: &Js, buffer: &Js, gain: &Js, rate: f64) -> Option<Js> {
        let src = ctx.call("createBufferSource", &[]).ok()?;
        src.set("buffer", buffer.0.clone());
        if rate != 1.0 {
            src.get("playbackRate").set("value", rate);
        }
        connect(&src, gain)?;
        Some(src)
    }
}

/// Each stem of `labels` matched to the stem of `to` with the same name (case aside).
pub fn match_labels(labels: &[String], to: &[String]) -> Vec<Option<usize>> {
    labels
        .iter()
        .map(|l| {
            to.iter()
                .position(|t| t.trim().eq_ignore_ascii_case(l.trim()))
        })
        .collect()
}
