//! One stem's path to the output (source → gain → pan → master), built the same way for
//! playing and for rendering the mix to a file.

use crate::mix::Mix;
use web_sys::{AudioBuffer, AudioBufferSourceNode, AudioNode, BaseAudioContext, GainNode, StereoPannerNode};

pub struct Graph {
    pub gains: Vec<GainNode>,
    pub pans: Vec<StereoPannerNode>,
    pub master: GainNode,
}

impl Graph {
    /// `stems` paths into a master gain connected to `out`.
    pub fn new(ctx: &BaseAudioContext, stems: usize, out: &AudioNode) -> Option<Self> {
        let master = ctx.create_gain().ok()?;
        master.connect_with_audio_node(out).ok()?;
        let mut gains = Vec::with_capacity(stems);
        let mut pans = Vec::with_capacity(stems);
        for _ in 0..stems {
            let g = ctx.create_gain().ok()?;
            let p = ctx.create_stereo_panner().ok()?;
            g.connect_with_audio_node(&p).ok()?;
            p.connect_with_audio_node(&master).ok()?;
            gains.push(g);
            pans.push(p);
        }
        Some(Self { gains, pans, master })
    }

    /// Sets every gain and pan to `mix`. `glide`: a short ramp, so a live change does not click.
    pub fn apply(&self, mix: &Mix, now: f64, glide: bool) {
        let set = |p: web_sys::AudioParam, v: f64| {
            if glide {
                let _ = p.cancel_scheduled_values(now);
                let _ = p.set_target_at_time(v as f32, now, 0.01);
            } else {
                p.set_value(v as f32);
            }
        };
        for (i, (g, p)) in self.gains.iter().zip(&self.pans).enumerate() {
            set(g.gain(), mix.gain(i));
            set(p.pan(), mix.stems.get(i).map(|s| s.pan).unwrap_or(0.0));
        }
        set(self.master.gain(), mix.master_gain());
    }

    /// Sources for every stem, started together at `when` from `offset`; `looping` loops them.
    pub fn start(
        &self,
        ctx: &BaseAudioContext,
        buffers: &[AudioBuffer],
        when: f64,
        offset: f64,
        looping: Option<(f64, f64)>,
    ) -> Vec<AudioBufferSourceNode> {
        buffers
            .iter()
            .zip(&self.gains)
            .filter_map(|(b, g)| {
                let s = ctx.create_buffer_source().ok()?;
                s.set_buffer(Some(b));
                if let Some((a, e)) = looping {
                    s.set_loop(true);
                    s.set_loop_start(a);
                    s.set_loop_end(e);
                }
                s.connect_with_audio_node(g).ok()?;
                // A stem shorter than the offset has nothing left to play.
                if offset < b.duration() {
                    s.start_with_when_and_grain_offset(when, offset).ok()?;
                }
                Some(s)
            })
            .collect()
    }
}
