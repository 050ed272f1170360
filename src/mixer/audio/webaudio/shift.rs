//! The whole mix slower or faster, and in another key: every source at `playbackRate = tempo`
//! (`schedule.rs`), and one stretch on the mix putting the pitch where it is asked
//! (`stretch.rs`). As recorded, the stretch is out of the way: the stems sum to the mix exactly.

use super::stretch::{shift, Stretch};
use super::WebAudio;

impl WebAudio {
    /// Whether the tempo or the key is changed.
    fn shifted(&self) -> bool {
        self.tempo != 1.0 || self.transpose != 0.0
    }

    /// How far behind the schedule the sound is heard (the stretch's latency, when in the way).
    pub(super) fn lag(&self) -> f64 {
        match &self.stretch {
            Some(s) if self.shifted() => s.latency,
            _ => 0.0,
        }
    }

    pub fn has_stretch(&self) -> bool {
        self.stretch.is_some()
    }

    /// Takes the stretch made for this player's context (`Stretch::load`).
    pub fn set_stretch(&mut self, s: Stretch) {
        let _ = s
            .node
            .call("connect", std::slice::from_ref(&self.analyser.0));
        self.stretch = Some(s);
        self.route();
    }

    /// Plays at `tempo` (1 = as recorded), `transpose` semitones from the recording. False when
    /// that needs the stretch and it is not there yet (nothing changes then).
    pub fn set_shift(&mut self, tempo: f64, transpose: f64) -> bool {
        if (tempo != 1.0 || transpose != 0.0) && self.stretch.is_none() {
            return false;
        }
        let here = self.position();
        let retime = tempo != self.tempo;
        self.tempo = tempo;
        self.transpose = transpose;
        self.route();
        // The sources scheduled ahead were at the old rate: started again from here.
        if retime && self.playing {
            self.play(here);
        } else if retime {
            self.from = here;
        }
        true
    }

    /// The mix into the analyser, straight or through the stretch.
    fn route(&mut self) {
        let _ = self.bus.call("disconnect", &[]);
        let to = match &self.stretch {
            Some(s) if self.shifted() => {
                s.shift(shift(self.tempo, self.transpose));
                &s.node
            }
            _ => &self.analyser,
        };
        let _ = self.bus.call("connect", std::slice::from_ref(&to.0));
    }
}
