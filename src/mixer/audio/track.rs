//! One stem's audio for Web Audio: a WAV decoded a window at a time around the playhead (see
//! `mixer::model::window`). Any other file (MP3, FLAC...) is decoded whole once, as the browser's
//! decoders need, then written back as a WAV and windowed the same way.

use crate::browser::fetch;
use crate::browser::js::{copy_floats, n, yield_now, Js};
use crate::mixer::model::peaks::Peaks;
use crate::mixer::model::wav;
use crate::mixer::model::window::{layout, WavLayout, WINDOW_SECS};
use std::cell::RefCell;
use std::rc::Rc;

enum Slot {
    Decoding,
    Ready(Js),
    /// Undecodable: played as silence rather than holding up every stem.
    Failed,
}

/// Decoded windows by number, shared with the decodes in flight.
type Cache = Rc<RefCell<Vec<(u64, Slot)>>>;

#[derive(Clone)]
pub struct Track(Source);

#[derive(Clone)]
enum Source {
    Windowed {
        blob: Js,
        layout: Rc<WavLayout>,
        cache: Cache,
    },
    Whole(Js),
}

use Source::{Whole, Windowed};

const BUCKETS: usize = 400;
const BLOCK: usize = 1 << 16;
/// Blocks written into one Blob (32 blocks of stereo 16-bit: 8 MB).
const GATHER: u32 = 32;
const SLICE: u64 = 4 << 20;

impl Track {
    pub fn windowed(blob: Js, layout: WavLayout) -> Self {
        Track(Windowed {
            blob,
            layout: Rc::new(layout),
            cache: Rc::default(),
        })
    }

    /// A file decoded whole, written back as a 16-bit WAV Blob and windowed like any WAV: the
    /// decoded buffer (106 MB for five minutes of stereo) is let go, and the Blob is the
    /// browser's to keep (on disk, if it likes). Kept decoded when it cannot be written.
    pub async fn decoded(buffer: Js) -> Self {
        match as_wav(&buffer).await {
            Some((blob, layout)) => Track::windowed(blob, layout),
            None => Track(Whole(buffer)),
        }
    }

    /// The WAV file and where its samples are, for the song's analysis (`analysis.rs`).
    pub fn wav(&self) -> Option<(Js, Rc<WavLayout>)> {
        match &self.0 {
            Windowed { blob, layout, .. } => Some((blob.clone(), layout.clone())),
            Whole(_) => None,
        }
    }

    pub fn duration(&self) -> f64 {
        match &self.0 {
            Windowed { layout, .. } => layout.duration(),
            Whole(b) => b.num("duration"),
        }
    }

    /// Whether window `k` can be played now (a window past the end plays nothing).
    pub fn ready(&self, k: u64) -> bool {
        match &self.0 {
            Windowed { layout, cache, .. } => {
                k >= layout.windows()
                    || cache
                        .borrow()
                        .iter()
                        .any(|(w, s)| *w == k && !matches!(s, Slot::Decoding))
            }
            Whole(_) => true,
        }
    }

    /// The buffer that holds window `k`, and the song time its first sample is at.
    pub fn buffer(&self, k: u64) -> Option<(Js, f64)> {
        match &self.0 {
            Windowed { cache, .. } => cache.borrow().iter().find_map(|(w, s)| match s {
                Slot::Ready(b) if *w == k => Some((b.clone(), k as f64 * WINDOW_SECS)),
                _ => None,
            }),
            Whole(b) => Some((b.clone(), 0.0)),
        }
    }

    /// Starts decoding window `k` in `ctx` unless it is decoded or on its way.
    pub fn request(&self, ctx: &Js, k: u64) {
        let Windowed {
            blob,
            layout,
            cache,
        } = &self.0
        else {
            return;
        };
        if k >= layout.windows() || cache.borrow().iter().any(|(w, _)| *w == k) {
            return;
        }
        cache.borrow_mut().push((k, Slot::Decoding));
        let (ctx, blob, layout, cache) = (ctx.clone(), blob.clone(), layout.clone(), cache.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let slot = match decode_window(&ctx, &blob, &layout, k).await {
                Some(b) => Slot::Ready(b),
                None => Slot::Failed,
            };
            // Let go meanwhile (seeked away, closed): nothing is kept.
            if let Some(e) = cache.borrow_mut().iter_mut().find(|(w, _)| *w == k) {
                e.1 = slot;
            }
        });
    }

    /// Lets go of every decoded window but those in `keep` (decodes in flight finish).
    pub fn keep(&self, keep: &[u64]) {
        if let Windowed { cache, .. } = &self.0 {
            cache
                .borrow_mut()
                .retain(|(w, s)| keep.contains(w) || matches!(s, Slot::Decoding));
        }
    }

    /// Window `k` decoded in `ctx`, for the export (not kept).
    pub async fn decode(&self, ctx: &Js, k: u64) -> Option<(Js, f64)> {
        match &self.0 {
            Windowed { blob, layout, .. } => {
                if k >= layout.windows() {
                    return None;
                }
                let b = decode_window(ctx, blob, layout, k).await?;
                Some((b, k as f64 * WINDOW_SECS))
            }
            Whole(b) => Some((b.clone(), 0.0)),
        }
    }

    /// The waveform: read from the file's samples (windowed) or from the decoded audio, a
    /// block at a time.
    pub async fn outline(&self) -> Option<Vec<f32>> {
        match &self.0 {
            Windowed { blob, layout, .. } => {
                let mut p = Peaks::new(layout.frames, BUCKETS);
                let step = (SLICE / layout.block as u64).max(1) * layout.block as u64;
                let end = layout.data_start + layout.frames * layout.block as u64;
                let mut at = layout.data_start;
                while at < end {
                    let to = (at + step).min(end);
                    let bytes = fetch::slice(blob, at as f64, to as f64).await?;
                    let frame = (at - layout.data_start) / layout.block as u64;
                    p.push(&layout.frame_peaks(&bytes), frame);
                    at = to;
                }
                Some(p.finish())
            }
            Whole(buf) => Some(outline(buf)),
        }
    }
}

/// A decoded buffer as a 16-bit WAV Blob, a block at a time; the blocks are gathered into Blobs
/// of a few MB as they are written, so the page holds no more than that of them at once.
async fn as_wav(buf: &Js) -> Option<(Js, WavLayout)> {
    let frames = buf.num("length") as u64;
    let channels = buf.num("numberOfChannels") as u16;
    let rate = buf.num("sampleRate") as u32;
    if !(1..=32).contains(&channels) || rate == 0 || frames > wav::max_frames(channels) {
        return None;
    }
    let data: Vec<Js> = (0..channels)
        .filter_map(|ch| buf.call("getChannelData", &[n(ch as f64)]).ok())
        .collect();
    let header = wav::header(channels, rate, frames);
    let layout = layout(&header, header.len() as u64 + frames * channels as u64 * 2)?;
    let done = js_sys::Array::new();
    done.push(&js_sys::Uint8Array::from(&header[..]));
    let mut parts = js_sys::Array::new();
    let mut block = vec![Vec::new(); channels as usize];
    let mut bytes = Vec::new();
    let mut start = 0u64;
    while start < frames {
        let len = ((frames - start) as usize).min(BLOCK);
        for (out, ch) in block.iter_mut().zip(&data) {
            out.resize(len, 0.0);
            copy_floats(ch, start as u32, out);
        }
        wav::interleave(&block, &mut bytes);
        parts.push(&js_sys::Uint8Array::from(&bytes[..]));
        start += len as u64;
        if parts.length() >= GATHER || start >= frames {
            done.push(&Js::new("Blob", &[parts.into()]).ok()?.0);
            parts = js_sys::Array::new();
            yield_now().await;
        }
    }
    Some((Js::new("Blob", &[done.into()]).ok()?, layout))
}

/// Window `k` of a WAV as an AudioBuffer: its bytes with a header of their own, decoded. The
/// slice stays in the browser's Blob store until the decoder takes it.
async fn decode_window(ctx: &Js, blob: &Js, layout: &WavLayout, k: u64) -> Option<Js> {
    let (a, b) = layout.window_range(k)?;
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(&layout.header(b - a)[..]));
    parts.push(&blob.call("slice", &[n(a as f64), n(b as f64)]).ok()?.0);
    let piece = Js::new("Blob", &[parts.into()]).ok()?;
    let data = fetch::array_buffer(&piece).await?;
    decode_start(ctx, data).wait().await.ok()
}

/// The waveform of a decoded buffer, read block by block.
fn outline(buf: &Js) -> Vec<f32> {
    let frames = buf.num("length") as u64;
    let channels: Vec<Js> = (0..buf.num("numberOfChannels") as u32)
        .filter_map(|ch| buf.call("getChannelData", &[n(ch as f64)]).ok())
        .collect();
    let mut p = Peaks::new(frames, BUCKETS);
    let mut block = vec![0f32; BLOCK];
    let mut start = 0u64;
    while start < frames {
        let len = ((frames - start) as usize).min(BLOCK);
        for data in &channels {
            copy_floats(data, start as u32, &mut block[..len]);
            p.push(&block[..len], start);
        }
        start += len as u64;
    }
    p.finish()
}

/// Starts decoding `data` in `ctx`: a promise of the AudioBuffer (a rejected one if the call
/// itself fails).
pub fn decode_start(ctx: &Js, data: Js) -> Js {
    ctx.call("decodeAudioData", &[data.0])
        .unwrap_or_else(|e| Js(js_sys::Promise::reject(&e).into()))
}
