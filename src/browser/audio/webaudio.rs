//! Playing decoded stems through Web Audio: every stem starts at the same sample, so they stay
//! together for as long as they play; loops are the sources' own (sample-accurate).

use super::graph::{match_labels, Graph};
use super::js::{copy_floats, n, Js};
use crate::mix::{LoopRange, Mix};

/// One result's stems and their paths to the output.
struct Set {
    buffers: Vec<Js>,
    graph: Graph,
    /// Which stem of the first result each stem follows.
    map: Vec<Option<usize>>,
}

pub struct WebAudio {
    ctx: Js,
    /// The result shown, then another of the same song to compare with (A/B).
    sets: Vec<Set>,
    /// The set heard.
    active: usize,
    mix: Mix,
    analyser: Js,
    levels: Js,
    sources: Vec<Js>,
    /// Context time at which `from` was (or will be) heard.
    started: f64,
    from: f64,
    playing: bool,
    range: LoopRange,
    duration: f64,
    scratch: Vec<f32>,
}

const WINDOW: usize = 2048;

impl WebAudio {
    pub fn new(ctx: Js, buffers: Vec<Js>) -> Option<Self> {
        let analyser = ctx.call("createAnalyser", &[]).ok()?;
        analyser.set("fftSize", WINDOW as f64);
        analyser.call("connect", &[ctx.get("destination").0]).ok()?;
        let graph = Graph::new(&ctx, buffers.len(), &analyser)?;
        let duration = buffers
            .iter()
            .map(|b| b.num("duration"))
            .fold(0.0, f64::max);
        let levels = Js::new("Float32Array", &[n(WINDOW as f64)]).ok()?;
        let map = (0..buffers.len()).map(Some).collect();
        Some(Self {
            ctx,
            sets: vec![Set {
                buffers,
                graph,
                map,
            }],
            active: 0,
            mix: Mix::default(),
            analyser,
            levels,
            sources: Vec::new(),
            started: 0.0,
            from: 0.0,
            playing: false,
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

    /// What the mix export needs: the heard result's stems and how they follow the mix.
    pub fn heard(&self) -> (Vec<Js>, Vec<Option<usize>>) {
        let s = &self.sets[self.active];
        (s.buffers.clone(), s.map.clone())
    }

    /// Adds another result of the song (stems `labels`, matched by name to `first`), silent
    /// until switched to; it plays in step with the first from the next start.
    pub fn add_other(&mut self, buffers: Vec<Js>, labels: &[String], first: &[String]) -> bool {
        let Some(graph) = Graph::new(&self.ctx, buffers.len(), &self.analyser) else {
            return false;
        };
        self.sets.truncate(1);
        self.duration = self.duration.max(
            buffers
                .iter()
                .map(|b| b.num("duration"))
                .fold(0.0, f64::max),
        );
        self.sets.push(Set {
            buffers,
            graph,
            map: match_labels(labels, first),
        });
        self.active = 0;
        self.apply(&self.mix.clone());
        if self.playing {
            self.play(self.position());
        }
        true
    }

    /// Switches which result is heard, at once and without a gap: both play all along.
    pub fn switch(&mut self, to: usize) {
        if to < self.sets.len() {
            self.active = to;
            self.apply(&self.mix.clone());
        }
    }

    pub fn active(&self) -> usize {
        self.active
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
        if !self.playing {
            return self.from;
        }
        let elapsed = (self.now() - self.started).max(0.0);
        self.range.position(self.from, elapsed)
    }

    pub fn play(&mut self, at: f64) {
        // A context made before the person's first gesture starts suspended; its clock stands
        // still until it runs, so the sources below still start together.
        let _ = self.ctx.call("resume", &[]);
        self.stop_sources();
        let looping = self.range.active();
        let at = match looping {
            Some((a, b)) if at < a || at >= b => a,
            _ => at.clamp(0.0, self.duration),
        };
        let at = if at >= self.duration { 0.0 } else { at };
        // A moment ahead, so every source is scheduled before the first of them plays.
        let when = self.now() + 0.03;
        self.sources = self
            .sets
            .iter()
            .flat_map(|s| s.graph.start(&self.ctx, &s.buffers, when, at, looping))
            .collect();
        self.started = when;
        self.from = at;
        self.playing = true;
    }

    pub fn pause(&mut self) {
        self.from = self.position();
        self.stop_sources();
        self.playing = false;
    }

    /// Moves the playhead (playing on from there when playing).
    pub fn seek(&mut self, to: f64) {
        let to = to.clamp(0.0, self.duration);
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
        if self.playing && self.range.active().is_none() && self.position() >= self.duration {
            self.stop_sources();
            self.playing = false;
            self.from = 0.0;
            return true;
        }
        false
    }

    fn stop_sources(&mut self) {
        for s in self.sources.drain(..) {
            let _ = s.call("stop", &[]);
            let _ = s.call("disconnect", &[]);
        }
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

/// Starts decoding `data` in `ctx`: a promise of the AudioBuffer (a rejected one if the call
/// itself fails).
pub fn decode_start(ctx: &Js, data: Js) -> Js {
    ctx.call("decodeAudioData", &[data.0])
        .unwrap_or_else(|e| Js(js_sys::Promise::reject(&e).into()))
}
