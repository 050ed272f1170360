//! Playing stems the page may not read (another site without CORS): one `<audio>` per stem,
//! started together and pulled back into step with the first while they play.

use crate::browser::js::{s, Js};
use crate::mixer::model::{LoopRange, Mix};

/// Further apart than this (seconds), a stem is moved to the leader's time (a jump makes it
/// buffer again, so it is the last resort); closer, its speed is nudged until it catches up,
/// which is inaudible.
const JUMP: f64 = 0.25;
const IN_STEP: f64 = 0.005;

pub struct Media {
    els: Vec<Js>,
    playing: bool,
    range: LoopRange,
    from: f64,
    /// Asked to play from here; waiting until every stem can play, so they start together.
    starting: Option<f64>,
    /// The tempo (1 = as recorded), the pitch kept by the browser.
    rate: f64,
}

/// Whether an element can play on at once (or never will: it failed, and is left out).
fn ready(e: &Js) -> bool {
    e.num("readyState") >= 3.0 || !e.get("error").is_nullish()
}

fn time(e: &Js) -> f64 {
    e.num("currentTime")
}

impl Media {
    /// Elements for `urls`, placed in `host` (so they are part of the page, hidden).
    pub fn new(urls: &[String], host: &Js) -> Option<Self> {
        let doc = Js::global("document");
        let els = urls
            .iter()
            .map(|u| {
                let el = doc.call("createElement", &[s("audio")]).ok()?;
                el.set("preload", "auto");
                el.set("src", u.as_str());
                host.call("appendChild", std::slice::from_ref(&el.0)).ok()?;
                Some(el)
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            els,
            playing: false,
            range: LoopRange::default(),
            from: 0.0,
            starting: None,
            rate: 1.0,
        })
    }

    pub fn duration(&self) -> f64 {
        self.els
            .iter()
            .map(|e| e.num("duration"))
            .filter(|d| d.is_finite())
            .fold(0.0, f64::max)
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    pub fn position(&self) -> f64 {
        match (self.starting, self.els.first()) {
            (Some(at), _) => at,
            (None, Some(e)) if self.playing => time(e),
            _ => self.from,
        }
    }

    pub fn play(&mut self, at: f64) {
        let at = match self.range.active() {
            Some((a, b)) if at < a || at >= b => a,
            _ => at,
        };
        for e in &self.els {
            let _ = e.call("pause", &[]);
            e.set("currentTime", at);
            self.pace(e, 1.0);
        }
        self.playing = true;
        self.starting = Some(at);
        self.start_when_ready();
    }

    /// Starts every stem at once when all of them can play.
    fn start_when_ready(&mut self) {
        if self.starting.is_some() && self.els.iter().all(ready) {
            self.starting = None;
            for e in &self.els {
                let _ = e.call("play", &[]);
            }
        }
    }

    pub fn pause(&mut self) {
        self.from = self.position();
        self.starting = None;
        for e in &self.els {
            let _ = e.call("pause", &[]);
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
            e.set("muted", g <= 0.0);
            e.set("volume", g.max(0.0));
        }
    }

    /// Plays at `rate` (1 = as recorded) with the pitch kept.
    pub fn set_rate(&mut self, rate: f64) {
        self.rate = rate;
        for e in &self.els {
            self.pace(e, 1.0);
        }
    }

    /// The element's speed: the tempo, times `nudge` while it catches up with the first.
    fn pace(&self, e: &Js, nudge: f64) {
        e.set("preservesPitch", true);
        e.set("playbackRate", self.rate * nudge);
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
        if self.starting.is_some() {
            self.start_when_ready();
            return false;
        }
        let Some(lead) = self.els.first() else {
            return false;
        };
        let t = time(lead);
        if let Some((a, b)) = self.range.active() {
            if t >= b {
                self.play(a);
                return false;
            }
        }
        if lead.flag("ended") {
            self.pause();
            self.from = 0.0;
            return true;
        }
        for e in self.els.iter().skip(1).filter(|e| !e.flag("ended")) {
            let drift = time(e) - t;
            if drift.abs() > JUMP {
                e.set("currentTime", t);
                self.pace(e, 1.0);
            } else if drift.abs() > IN_STEP {
                // Behind by 20 ms: 4 % faster for the next tick or two.
                self.pace(e, 1.0 - (drift * 2.0).max(-0.1).min(0.1));
            } else {
                self.pace(e, 1.0);
            }
        }
        false
    }

    pub fn close(&mut self) {
        for e in self.els.drain(..) {
            let _ = e.call("pause", &[]);
            let _ = e.call("removeAttribute", &[s("src")]);
            let _ = e.call("load", &[]);
            let _ = e.call("remove", &[]);
        }
        self.playing = false;
    }
}
