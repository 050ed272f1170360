//! A/B: another result of the same song played in step with the first, silent until switched
//! to; both play all along, so switching is at once and without a gap.

use super::{longest, Set, WebAudio};
use crate::mixer::audio::graph::{match_labels, Graph};
use crate::mixer::audio::track::Track;

impl WebAudio {
    /// Adds another result of the song (stems `labels`, matched by name to `first`), silent
    /// until switched to; it plays in step with the first from the next start.
    pub fn add_other(&mut self, tracks: Vec<Track>, labels: &[String], first: &[String]) -> bool {
        let Some(graph) = Graph::new(&self.ctx, tracks.len(), &self.bus) else {
            return false;
        };
        self.sets.truncate(1);
        self.duration = self.duration.max(longest(&tracks));
        self.sets.push(Set {
            tracks,
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
}
