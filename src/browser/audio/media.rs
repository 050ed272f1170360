//! Playing stems the page may not read (another site without CORS): one `<audio>` per stem,
//! started together and pulled back into step with the first while they play.

use crate::mix::{LoopRange, Mix};
use wasm_bindgen::JsCast;
use web_sys::HtmlAudioElement;

/// Further apart than this (seconds), a stem is moved to the leader's time; closer, its speed
/// is nudged until it catches up, which is inaudible where a jump would not be.
const JUMP: f64 = 0.25;
const IN_STEP: f64 = 0.01;

pub struct Media {
    els: Vec<HtmlAudioElement>,
    playing: bool,
    range: LoopRange,
    from: f64,
}

impl Media {
    /// Elements for `urls`, placed in `host` (so they are part of the page, hidden).
    pub fn new(urls: &[String], host: &web_sys::Element) -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let els = urls
            .iter()
            .map(|u| {
                let el: HtmlAudioElement = doc.create_element("audio").ok()?.unchecked_into();
                el.set_preload("auto");
                el.set_src(u);
                host.append_child(&el).ok()?;
                Some(el)
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            els,
            playing: false,
            range: LoopRange::default(),
            from: 0.0,
        })
    }

    pub fn duration(&self) -> f64 {
        self.els
            .iter()
            .map(|e| e.duration())
            .filter(|d| d.is_finite())
            .fold(0.0, f64::max)
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    pub fn position(&self) -> f64 {
        if self.playing {
            self.els.first().map(|e| e.current_time()).unwrap_or(0.0)
        } else {
            self.from
        }
    }

    pub fn play(&mut self, at: f64) {
        let at = match self.range.active() {
            Some((a, b)) if at < a || at >= b => a,
            _ => at,
        };
        for e in &self.els {
            e.set_current_time(at);
            e.set_playback_rate(1.0);
        }
        self.playing = true;
        for e in &self.els {
            // Starts when it can; a refusal (no gesture yet) leaves it paused, seen at the next tick.
            let _ = e.play();
        }
    }

    pub fn pause(&mut self) {
        self.from = self.position();
        for e in &self.els {
            let _ = e.pause();
        }
        self.playing = false;
    }

    pub fn seek(&mut self, to: f64) {
        if self.playing {
            self.play(to);
        } else {
            self.from = to.max(0.0);
        }
    }

    /// `<audio>` has no pan, and its volume stops at 1 (0 dB).
    pub fn apply(&self, mix: &Mix) {
        for (i, e) in self.els.iter().enumerate() {
            let g = (mix.gain(i) * mix.master_gain()).min(1.0);
            e.set_muted(g <= 0.0);
            e.set_volume(g.max(0.0));
        }
    }

    pub fn set_loop(&mut self, range: LoopRange) {
        self.range = range;
    }

    /// Called a few times a second while playing: keeps the stems together, loops, and stops
    /// at the end. Returns true when playback ended.
    pub fn tick(&mut self) -> bool {
        if !self.playing {
            return false;
        }
        let Some(lead) = self.els.first() else {
            return false;
        };
        let t = lead.current_time();
        if let Some((a, b)) = self.range.active() {
            if t >= b {
                self.play(a);
                return false;
            }
        }
        if lead.ended() {
            self.pause();
            self.from = 0.0;
            return true;
        }
        for e in self.els.iter().skip(1).filter(|e| !e.ended()) {
            let drift = e.current_time() - t;
            if drift.abs() > JUMP {
                e.set_current_time(t);
                e.set_playback_rate(1.0);
            } else if drift.abs() > IN_STEP {
                e.set_playback_rate(1.0 - (drift * 2.0).clamp(-0.05, 0.05));
            } else {
                e.set_playback_rate(1.0);
            }
        }
        false
    }

    /// How far apart the stems are now (seconds), for the page and the tests.
    pub fn spread(&self) -> f64 {
        let t: Vec<f64> = self.els.iter().map(|e| e.current_time()).collect();
        let max = t.iter().cloned().fold(f64::MIN, f64::max);
        let min = t.iter().cloned().fold(f64::MAX, f64::min);
        if t.is_empty() {
            0.0
        } else {
            max - min
        }
    }

    pub fn close(&mut self) {
        for e in self.els.drain(..) {
            let _ = e.pause();
            e.remove_attribute("src").ok();
            e.load();
            e.remove();
        }
        self.playing = false;
    }
}
