//! The schedule of pieces (see `mixer::model::window`): each piece is one source per stem, all started at
//! the same context time, and the next is scheduled to start where the last ends, a few seconds
//! ahead; the windows coming next are decoded meanwhile, and those behind are let go.

use super::{Scheduled, WebAudio};
use crate::browser::js::n;
use crate::mixer::model::window::{next_piece, upcoming};

/// Pieces are scheduled this far ahead (seconds), so a busy page does not leave a gap.
const AHEAD: f64 = 4.0;
/// Windows decoded ahead of the scheduled ones.
const PREFETCH: usize = 3;

impl WebAudio {
    /// Schedules the pieces due within `AHEAD` whose windows are decoded, asks for the windows
    /// coming next, and lets go of those behind. Runs on every tick and at every start.
    pub fn pump(&mut self) {
        if !self.playing {
            return;
        }
        let now = self.now();
        let looping = self.range.active();
        self.sources.retain(|(s, end)| {
            let over = *end < now - 0.5;
            if over {
                let _ = s.call("disconnect", &[]);
            }
            !over
        });
        while self.timeline.len() > 1 && self.timeline[0].at + self.timeline[0].span < now {
            self.timeline.pop_front();
        }
        while let Some(at) = self.next {
            let started = !self.timeline.is_empty();
            if started && self.next_at - now > AHEAD {
                break;
            }
            let Some((piece, after)) = next_piece(at, self.duration, looping) else {
                self.next = None;
                break;
            };
            let tracks = || self.sets.iter().flat_map(|s| s.tracks.iter());
            if !tracks().all(|t| t.ready(piece.window)) {
                tracks().for_each(|t| t.request(&self.ctx, piece.window));
                break;
            }
            // The first piece, or one after a gap (a decode that came late): a moment ahead, so
            // every source is scheduled before the first of them plays.
            if !started || self.next_at < now + 0.01 {
                self.next_at = (now + 0.03).max(self.hold);
            }
            // At another tempo every source plays at that rate, so the stems stay together.
            let span = piece.len() / self.tempo;
            for s in &self.sets {
                for (t, g) in s.tracks.iter().zip(&s.graph.gains) {
                    let Some((buf, base)) = t.buffer(piece.window) else {
                        continue;
                    };
                    let offset = (piece.from - base).max(0.0);
                    if let Some(src) = s.graph.source(&self.ctx, &buf, g, self.tempo) {
                        let _ = src.call("start", &[n(self.next_at), n(offset)]);
                        let _ = src.call("stop", &[n(self.next_at + span)]);
                        self.sources.push((src, self.next_at + span));
                    }
                }
            }
            self.clicks_for(piece.from, piece.to, self.next_at);
            self.timeline.push_back(Scheduled {
                at: self.next_at,
                from: piece.from,
                len: piece.len(),
                span,
                window: piece.window,
            });
            self.next_at += span;
            self.next = Some(after);
        }
        let mut keep: Vec<u64> = self.timeline.iter().map(|p| p.window).collect();
        if let Some(at) = self.next {
            for k in upcoming(at, self.duration, looping, PREFETCH + 2)
                .into_iter()
                .take(PREFETCH)
            {
                self.sets
                    .iter()
                    .flat_map(|s| s.tracks.iter())
                    .for_each(|t| t.request(&self.ctx, k));
                keep.push(k);
            }
        }
        for t in self.sets.iter().flat_map(|s| s.tracks.iter()) {
            t.keep(&keep);
        }
    }
}
