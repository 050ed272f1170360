//! Playing decoded stems through Web Audio: every stem starts at the same sample, so they stay
//! together for as long as they play; loops are the sources' own (sample-accurate).

use super::graph::Graph;
use crate::mix::{LoopRange, Mix};
use wasm_bindgen::JsCast;
use web_sys::{AnalyserNode, AudioBuffer, AudioBufferSourceNode, AudioContext};

pub struct WebAudio {
    ctx: AudioContext,
    buffers: Vec<AudioBuffer>,
    graph: Graph,
    analyser: AnalyserNode,
    sources: Vec<AudioBufferSourceNode>,
    /// Context time at which `from` was (or will be) heard.
    started: f64,
    from: f64,
    playing: bool,
    range: LoopRange,
    duration: f64,
    scratch: Vec<f32>,
}

impl WebAudio {
    pub fn new(ctx: AudioContext, buffers: Vec<AudioBuffer>) -> Option<Self> {
        let analyser = ctx.create_analyser().ok()?;
        analyser.set_fft_size(2048);
        analyser.connect_with_audio_node(&ctx.destination()).ok()?;
        let graph = Graph::new(&ctx, buffers.len(), &analyser)?;
        let duration = buffers.iter().map(|b| b.duration()).fold(0.0, f64::max);
        Some(Self {
            ctx,
            buffers,
            graph,
            analyser,
            sources: Vec::new(),
            started: 0.0,
            from: 0.0,
            playing: false,
            range: LoopRange::default(),
            duration,
            scratch: vec![0.0; 2048],
        })
    }

    pub fn duration(&self) -> f64 {
        self.duration
    }

    pub fn buffers(&self) -> &[AudioBuffer] {
        &self.buffers
    }

    pub fn sample_rate(&self) -> f32 {
        self.ctx.sample_rate()
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    pub fn position(&self) -> f64 {
        if !self.playing {
            return self.from;
        }
        let elapsed = (self.ctx.current_time() - self.started).max(0.0);
        self.range.position(self.from, elapsed)
    }

    pub fn play(&mut self, at: f64) {
        // A context made before the person's first gesture starts suspended; its clock stands
        // still until it runs, so the sources below still start together.
        let _ = self.ctx.resume();
        self.stop_sources();
        let looping = self.range.active();
        let at = match looping {
            Some((a, b)) if at < a || at >= b => a,
            _ => at.clamp(0.0, self.duration),
        };
        let at = if at >= self.duration { 0.0 } else { at };
        // A moment ahead, so every source is scheduled before the first of them plays.
        let when = self.ctx.current_time() + 0.03;
        self.sources = self
            .graph
            .start(&self.ctx, &self.buffers, when, at, looping);
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

    pub fn apply(&self, mix: &Mix) {
        self.graph.apply(mix, self.ctx.current_time(), true);
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
        self.analyser.get_float_time_domain_data(&mut self.scratch);
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
            let _ = s.unchecked_ref::<web_sys::AudioScheduledSourceNode>().stop();
            let _ = s.disconnect();
        }
    }

    /// Lets go of the decoded audio (the result is no longer open).
    pub fn close(&mut self) {
        self.stop_sources();
        self.playing = false;
        self.buffers.clear();
        let _ = self.ctx.close();
    }
}

/// Decodes a file at `rate` (its own, when known), in a context made for it.
pub fn context(rate: Option<u32>) -> Option<AudioContext> {
    let opts = web_sys::AudioContextOptions::new();
    if let Some(r) = rate.filter(|r| (3000..=768_000).contains(r)) {
        opts.set_sample_rate(r as f32);
    }
    AudioContext::new_with_context_options(&opts)
        .or_else(|_| AudioContext::new())
        .ok()
}

pub async fn decode(ctx: &AudioContext, data: js_sys::ArrayBuffer) -> Option<AudioBuffer> {
    let p = ctx.decode_audio_data(&data).ok()?;
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .ok()
        .map(|b| b.unchecked_into())
}
