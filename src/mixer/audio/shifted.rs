//! The mix at another tempo or key, rendered to a file with what plays it (`webaudio/shift.rs`):
//! the sources at the tempo and one stretch on the mix, in an offline context a part of the song
//! at a time, so neither the stems nor the mix are held whole. A stretch has a memory, so each
//! part starts a moment of song earlier (dropped, so it has settled where the part begins) and
//! hands over to the next in a short crossfade: no seam in the file.

use super::graph::Graph;
use super::track::Track;
use super::webaudio::stretch::{shift, Stretch};
use crate::browser::js::{copy_floats, n, Js};
use crate::mixer::model::window::next_piece;
use crate::mixer::model::{wav, Mix};

/// Song seconds rendered per offline context.
const PART: f64 = 20.0;
/// Song seconds played before a part, and dropped.
const LEAD: f64 = 1.0;
/// Seconds of the file over which one part hands over to the next.
const FADE: f64 = 0.02;
/// Room in each context for the stretch's latency (known once it is made in that context).
const MAX_LAG: f64 = 1.0;

/// The file's frames: the span at the tempo.
pub fn frames((a, b): (f64, f64), rate: f64, tempo: f64) -> u64 {
    ((b - a) / tempo * rate).round().max(0.0) as u64
}

/// Renders `a..b` of the song at `(tempo, transpose)` as 16-bit stereo frames, handing each
/// part's bytes to `out` in order.
#[allow(clippy::too_many_arguments)]
pub async fn render(
    ctx: &Js,
    tracks: &[Track],
    map: &[Option<usize>],
    rate: f64,
    mix: &Mix,
    (a, b): (f64, f64),
    (tempo, transpose): (f64, f64),
    out: &mut impl FnMut(&[u8]),
) -> Option<()> {
    let frame = |t: f64| frames((a, t), rate, tempo) as usize;
    let fade = (FADE * rate).round() as usize;
    let mut carry: Vec<Vec<f32>> = vec![Vec::new(); 2];
    let mut bytes = Vec::new();
    let mut s0 = a;
    while s0 < b {
        let s1 = (s0 + PART).min(b);
        let body = frame(s1) - frame(s0);
        let tail = if s1 < b { fade } else { 0 };
        let song = Song { ctx, tracks, map };
        let mut block = song
            .part(rate, mix, s0, body + tail, tempo, transpose)
            .await?;
        for (ch, before) in block.iter_mut().zip(&carry) {
            for (i, (x, p)) in ch.iter_mut().zip(before).enumerate() {
                let w = (i as f32 + 0.5) / before.len() as f32;
                *x = p * (1.0 - w) + *x * w;
            }
        }
        carry = block.iter_mut().map(|ch| ch.split_off(body)).collect();
        wav::interleave(&block, &mut bytes);
        out(&bytes);
        s0 = s1;
    }
    Some(())
}

struct Song<'a> {
    ctx: &'a Js,
    tracks: &'a [Track],
    map: &'a [Option<usize>],
}

impl Song<'_> {
    /// `want` frames of the mix from song time `s0` on, both channels.
    async fn part(
        &self,
        rate: f64,
        mix: &Mix,
        s0: f64,
        want: usize,
        tempo: f64,
        transpose: f64,
    ) -> Option<Vec<Vec<f32>>> {
        let from = (s0 - LEAD).max(0.0);
        let until = s0 + want as f64 / rate * tempo;
        let room = (((s0 - from) / tempo + MAX_LAG) * rate).ceil() as usize + want;
        let off = Js::new("OfflineAudioContext", &[n(2.0), n(room as f64), n(rate)]).ok()?;
        let stretch = Stretch::load(&off).await?;
        if stretch.latency >= MAX_LAG {
            return None;
        }
        let graph = Graph::new(&off, self.tracks.len(), &stretch.node)?;
        stretch
            .node
            .call("connect", &[off.get("destination").0])
            .ok()?;
        graph.apply(mix, self.map, true, 0.0, false);
        stretch.settle(shift(tempo, transpose)).await?;
        let mut at = from;
        while let Some((piece, next)) = next_piece(at, until, None) {
            for (t, g) in self.tracks.iter().zip(&graph.gains) {
                let Some((buf, base)) = t.decode(self.ctx, piece.window).await else {
                    continue;
                };
                let src = graph.source(&off, &buf, g, tempo)?;
                let start = (piece.from - from) / tempo;
                src.call("start", &[n(start), n((piece.from - base).max(0.0))])
                    .ok()?;
                src.call("stop", &[n((piece.to - from) / tempo)]).ok()?;
            }
            at = next;
        }
        let rendered = off.call("startRendering", &[]).ok()?.wait().await.ok()?;
        // The part begins where song time `s0` comes out of the stretch.
        let skip = (((s0 - from) / tempo + stretch.latency) * rate).round() as u32;
        let mut block = vec![vec![0f32; want]; 2];
        for (ch, outc) in block.iter_mut().enumerate() {
            let data = rendered.call("getChannelData", &[n(ch as f64)]).ok()?;
            copy_floats(&data, skip, outc);
        }
        Some(block)
    }
}
