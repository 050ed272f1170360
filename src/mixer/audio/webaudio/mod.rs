//! Playing stems through Web Audio. The song is played as pieces (`mixer::model::window`): each piece is
//! one source per stem, all started at the same context time, and the next piece is scheduled
//! to start where the last ends, a few seconds ahead; so the stems stay together to the sample,
//! and only the windows around the playhead are decoded (a long WAV is never held whole).

mod click;
mod compare;
mod schedule;
mod shift;
pub mod stretch;

use super::graph::Graph;
use super::track::Track;
use crate::browser::js::{copy_floats, n, Js};
use crate::mixer::model::{LoopRange, Mix};
use std::collections::VecDeque;

pub use click::Clicks;

/// One result's stems and their paths to the output.
struct Set {
    tracks: Vec<Track>,
    graph: Graph,
    /// Which stem of the first result each stem follows.
    map: Vec<Option<usize>>,
}

/// A piece scheduled: from context time `at` it plays song time `from` on, for `len` seconds of
/// the song, which take `span` seconds at the tempo.
struct Scheduled {
    at: f64,
    from: f64,
    len: f64,
    span: f64,
    window: u64,
}

pub struct WebAudio {
    ctx: Js,
    /// The result shown, then another of the same song to compare with (A/B).
    sets: Vec<Set>,
    /// The set heard.
    active: usize,
    mix: Mix,
    analyser: Js,
    /// Where every set's master meets: into the analyser, or through the stretch first.
    bus: Js,
    /// The tempo (1 = as recorded) and the transpose (semitones): `shift.rs`.
    tempo: f64,
    transpose: f64,
    stretch: Option<stretch::Stretch>,
    /// The metronome (`click.rs`); a count-in asked for the next start, and the context time
    /// before which that start waits for it.
    clicks: Clicks,
    click_bus: Js,
    counting: bool,
    hold: f64,
    levels: Js,
    sources: Vec<(Js, f64)>,
    /// Where playing starts, or started.
    from: f64,
    playing: bool,
    /// The pieces scheduled and not yet over; the song time and context time of the next.
    timeline: VecDeque<Scheduled>,
    next: Option<f64>,
    next_at: f64,
    range: LoopRange,
    duration: f64,
    scratch: Vec<f32>,
}

const WINDOW: usize = 2048;

fn longest(tracks: &[Track]) -> f64 {
    tracks.iter().map(Track::duration).fold(0.0, f64::max)
}

impl WebAudio {
    /// `map`: which of the result's stems each track is (a stem that could not be had is not
    /// among them).
    pub fn new(ctx: Js, tracks: Vec<Track>, map: Vec<Option<usize>>) -> Option<Self> {
        let analyser = ctx.call("createAnalyser", &[]).ok()?;
        analyser.set("fftSize", WINDOW as f64);
        analyser.call("connect", &[ctx.get("destination").0]).ok()?;
        let bus = ctx.call("createGain", &[]).ok()?;
        bus.call("connect", std::slice::from_ref(&analyser.0))
            .ok()?;
        let graph = Graph::new(&ctx, tracks.len(), &bus)?;
        let click_bus = ctx.call("createGain", &[]).ok()?;
        click_bus.get("gain").set("value", 0.0);
        click_bus
            .call("connect", std::slice::from_ref(&analyser.0))
            .ok()?;
        let duration = longest(&tracks);
        let levels = Js::new("Float32Array", &[n(WINDOW as f64)]).ok()?;
        Some(Self {
            ctx,
            sets: vec![Set { tracks, graph, map }],
            active: 0,
            mix: Mix::default(),
            analyser,
            bus,
            tempo: 1.0,
            transpose: 0.0,
            stretch: None,
            clicks: Clicks::default(),
            click_bus,
            counting: false,
            hold: 0.0,
            levels,
            sources: Vec::new(),
            from: 0.0,
            playing: false,
            timeline: VecDeque::new(),
            next: None,
            next_at: 0.0,
            range: LoopRange::default(),
            duration,
            scratch: vec![0.0; WINDOW],
        })
    }

    pub fn duration(&self) -> f64 {
        self.duration
    }

    pub fn context(&self) -> &Js {
        &self.ctx
    }

    /// What the mix export and the waveforms need: the heard result's stems and how they follow
    /// the mix.
    pub fn heard(&self) -> (Vec<Track>, Vec<Option<usize>>) {
        let s = &self.sets[self.active];
        (s.tracks.clone(), s.map.clone())
    }

    pub fn sample_rate(&self) -> f64 {
        self.ctx.num("sampleRate")
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    fn now(&self) -> f64 {
        self.ctx.num("currentTime")
    }

    pub fn position(&self) -> f64 {
        // What is heard now: the stretch, when in the way, holds the sound back a little.
        let now = self.now() - self.lag();
        let Some(first) = self.timeline.front().filter(|_| self.playing) else {
            return self.from;
        };
        if now < first.at {
            return first.from;
        }
        self.timeline
            .iter()
            .find(|p| now < p.at + p.span)
            .or(self.timeline.back())
            .map_or(self.from, |p| {
                p.from + ((now - p.at).min(p.span) * self.tempo).min(p.len)
            })
    }

    pub fn play(&mut self, at: f64) {
        // A context made before the person's first gesture starts suspended; its clock stands
        // still until it runs, so the sources below still start together.
        let _ = self.ctx.call("resume", &[]);
        self.stop_sources();
        let at = match self.range.active() {
            Some((a, b)) if at < a || at >= b => a,
            _ => at.max(0.0).min(self.duration),
        };
        let at = if at >= self.duration { 0.0 } else { at };
        self.from = at;
        self.next = Some(at);
        self.playing = true;
        self.hold = if std::mem::take(&mut self.counting) {
            self.count_in(self.now() + 0.05)
        } else {
            0.0
        };
        self.pump();
    }

    /// The next start from a stop begins with a bar of clicks (when the song has a beat grid).
    pub fn count_in_next(&mut self) {
        self.counting = true;
    }

    pub fn pause(&mut self) {
        self.from = self.position();
        self.stop_sources();
        self.playing = false;
    }

    /// Moves the playhead (playing on from there when playing).
    pub fn seek(&mut self, to: f64) {
        let to = to.max(0.0).min(self.duration);
        if self.playing {
            self.play(to);
        } else {
            self.from = to;
        }
    }

    pub fn apply(&mut self, mix: &Mix) {
        self.mix = mix.clone();
        let now = self.now();
        for (k, s) in self.sets.iter().enumerate() {
            s.graph.apply(mix, &s.map, k == self.active, now, true);
        }
    }

    pub fn set_loop(&mut self, range: LoopRange) {
        let changed = range.active() != self.range.active();
        let here = self.position();
        self.range = range;
        if changed && self.playing {
            self.play(here);
        }
    }

    /// The output's level now (RMS, 0..1).
    pub fn level(&mut self) -> f64 {
        let _ = self.analyser.call(
            "getFloatTimeDomainData",
            std::slice::from_ref(&self.levels.0),
        );
        copy_floats(&self.levels, 0, &mut self.scratch);
        let sum: f64 = self.scratch.iter().map(|s| (*s as f64) * (*s as f64)).sum();
        (sum / self.scratch.len() as f64).sqrt()
    }

    /// Whether playback has run past the end (and stopped, if so).
    pub fn check_end(&mut self) -> bool {
        let over = self
            .timeline
            .back()
            .is_some_and(|p| self.now() >= p.at + p.span + self.lag());
        if self.playing && self.next.is_none() && over {
            self.stop_sources();
            self.playing = false;
            self.from = 0.0;
            return true;
        }
        false
    }

    fn stop_sources(&mut self) {
        for (s, _) in self.sources.drain(..) {
            let _ = s.call("stop", &[]);
            let _ = s.call("disconnect", &[]);
        }
        self.timeline.clear();
        self.next = None;
    }

    /// Lets go of the decoded audio (the result is no longer open).
    pub fn close(&mut self) {
        self.stop_sources();
        self.playing = false;
        self.sets.clear();
        let _ = self.ctx.call("close", &[]);
    }
}

/// A context at `rate` (the files' own, when known), so nothing is resampled.
pub fn context(rate: Option<u32>) -> Option<Js> {
    let opts = js_sys::Object::new();
    let opts = Js(opts.into());
    if let Some(r) = rate.filter(|r| (3000..=768_000).contains(r)) {
        opts.set("sampleRate", r as f64);
    }
    Js::new("AudioContext", &[opts.0])
        .or_else(|_| Js::new("AudioContext", &[]))
        .ok()
}
