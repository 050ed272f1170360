//! One `Player` for a result's stems, whichever way they play: through Web Audio (the page may
//! read them) or as media (`load.rs` decides).

use super::media::Media;
use super::webaudio::{Clicks, WebAudio};
use crate::mixer::model::{LoopRange, Mix};

// One player per result shown: its size does not matter, a Box would only add a step.
#[allow(clippy::large_enum_variant)]
pub enum Player {
    Web(WebAudio),
    Media(Media),
}

impl Player {
    pub fn duration(&self) -> f64 {
        match self {
            Player::Web(p) => p.duration(),
            Player::Media(p) => p.duration(),
        }
    }
    pub fn playing(&self) -> bool {
        match self {
            Player::Web(p) => p.playing(),
            Player::Media(p) => p.playing(),
        }
    }
    pub fn position(&self) -> f64 {
        match self {
            Player::Web(p) => p.position(),
            Player::Media(p) => p.position(),
        }
    }
    pub fn play(&mut self, at: f64) {
        match self {
            Player::Web(p) => p.play(at),
            Player::Media(p) => p.play(at),
        }
    }
    pub fn pause(&mut self) {
        match self {
            Player::Web(p) => p.pause(),
            Player::Media(p) => p.pause(),
        }
    }
    pub fn seek(&mut self, to: f64) {
        match self {
            Player::Web(p) => p.seek(to),
            Player::Media(p) => p.seek(to),
        }
    }
    pub fn apply(&mut self, mix: &Mix) {
        match self {
            Player::Web(p) => p.apply(mix),
            Player::Media(p) => p.apply(mix),
        }
    }
    /// The tempo (1 = as recorded) with the pitch kept, and the key `transpose` semitones from
    /// the recording (Web Audio only: media keep theirs). False when Web Audio needs its stretch
    /// first (`WebAudio::set_stretch`).
    pub fn set_shift(&mut self, tempo: f64, transpose: f64) -> bool {
        match self {
            Player::Web(w) => w.set_shift(tempo, transpose),
            Player::Media(m) => {
                m.set_rate(tempo);
                true
            }
        }
    }

    /// The metronome and count-in (Web Audio only: media cannot be read for a beat grid).
    pub fn set_clicks(&mut self, c: Clicks) {
        if let Player::Web(w) = self {
            w.set_clicks(c);
        }
    }

    /// Plays from `at`, after a bar of clicks where the count-in is on.
    pub fn play_counted(&mut self, at: f64) {
        if let Player::Web(w) = self {
            w.count_in_next();
        }
        self.play(at);
    }

    pub fn set_loop(&mut self, range: LoopRange) {
        match self {
            Player::Web(p) => p.set_loop(range),
            Player::Media(p) => p.set_loop(range),
        }
    }
    /// Runs a few times a second: the output level (Web Audio only) and whether it ended.
    pub fn tick(&mut self) -> (Option<f64>, bool) {
        match self {
            Player::Web(p) => {
                p.pump();
                let ended = p.check_end();
                (Some(p.level()), ended)
            }
            Player::Media(p) => (None, p.tick()),
        }
    }
    pub fn close(&mut self) {
        match self {
            Player::Web(p) => p.close(),
            Player::Media(p) => p.close(),
        }
    }
}
