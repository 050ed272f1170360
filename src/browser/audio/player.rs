//! Loading a result into the mixer: fetch every stem, then either decode them for Web Audio or,
//! when the page may not read them, play them as media. One `Player` answers for both.

use super::fetch::{self, FetchFail};
use super::js::{copy_floats, n, Js};
use super::media::Media;
use super::webaudio::{self, WebAudio};
use crate::mix::peaks::Peaks;
use crate::mix::probe::sample_rate;
use crate::mix::{LoopRange, Mix};

pub enum Player {
    Web(WebAudio),
    Media(Media),
}

/// A loaded result: how it plays, each stem's waveform (when it could be drawn), and the files
/// as Blobs (when the page could read them: for "Download all" without fetching again).
pub struct Loaded {
    pub player: Player,
    pub peaks: Vec<Option<Vec<f32>>>,
    pub blobs: Vec<Js>,
}

const BUCKETS: usize = 400;
const BLOCK: usize = 1 << 16;

/// Fetches and prepares `urls`; `progress(n)` after each of the steps (2 per stem).
pub async fn load(urls: &[String], host: &Js, progress: impl Fn(usize)) -> Result<Loaded, String> {
    let blobs = match fetch_all(urls, &progress).await {
        Ok(b) => b,
        // The page may not read these files: play them as media.
        Err(None) => {
            let media = Media::new(urls, host).ok_or("This browser cannot play these files.")?;
            return Ok(Loaded {
                player: Player::Media(media),
                peaks: vec![None; urls.len()],
                blobs: Vec::new(),
            });
        }
        Err(Some(e)) => return Err(e),
    };
    let head = match blobs.first() {
        Some(b) => fetch::slice(b, 0.0, 65536.0).await.unwrap_or_default(),
        None => Vec::new(),
    };
    let ctx = webaudio::context(sample_rate(&head)).ok_or("This browser has no Web Audio.")?;
    let (buffers, peaks) = decode_all(&ctx, &blobs, |i| progress(urls.len() + i)).await?;
    let player = WebAudio::new(ctx, buffers).ok_or("This browser has no Web Audio.")?;
    Ok(Loaded {
        player: Player::Web(player),
        peaks,
        blobs,
    })
}

/// Every file as a Blob. `Err(None)`: the first could not be read (another site without CORS).
async fn fetch_all(urls: &[String], progress: &impl Fn(usize)) -> Result<Vec<Js>, Option<String>> {
    let mut blobs = Vec::with_capacity(urls.len());
    for (i, u) in urls.iter().enumerate() {
        match fetch::blob(u).await {
            Ok(b) => blobs.push(b),
            Err(FetchFail::Unreadable) if i == 0 => return Err(None),
            Err(FetchFail::Unreadable) => {
                return Err(Some(format!(
                    "Stem {} could not be fetched (network).",
                    i + 1
                )))
            }
            Err(FetchFail::Status(s)) => {
                return Err(Some(format!(
                    "Stem {} could not be fetched: the host answered HTTP {s}.",
                    i + 1
                )))
            }
        }
        progress(i + 1);
    }
    Ok(blobs)
}

/// Decodes every Blob in `ctx`, with its waveform; `progress(n)` after each. Two at a time:
/// the browser decodes off the page's thread, so two cores halve the wait, while holding no
/// more than two stems' encoded bytes at once.
async fn decode_all(
    ctx: &Js,
    blobs: &[Js],
    progress: impl Fn(usize),
) -> Result<(Vec<Js>, Vec<Option<Vec<f32>>>), String> {
    let mut buffers = Vec::with_capacity(blobs.len());
    let mut peaks = Vec::with_capacity(blobs.len());
    for (k, pair) in blobs.chunks(2).enumerate() {
        let pending = js_sys::Array::new();
        for b in pair {
            let data = fetch::array_buffer(b)
                .await
                .ok_or("A stem could not be read.")?;
            pending.push(&webaudio::decode_start(ctx, data).0);
        }
        let all = Js::global("Promise").call("all", &[pending.into()]);
        let decoded = match all {
            Ok(p) => p.wait().await.ok(),
            Err(_) => None,
        }
        .ok_or_else(|| {
            format!(
                "Stem {} or {} is not audio this browser can decode.",
                2 * k + 1,
                2 * k + 2
            )
        })?;
        for i in 0..pair.len() {
            buffers.push(Js(
                js_sys::Reflect::get_u32(&decoded.0, i as u32).unwrap_or_default()
            ));
            progress(buffers.len());
        }
    }
    // The waveforms are drawn once playing (`outline`): they need not hold up the music.
    peaks.resize(buffers.len(), None);
    Ok((buffers, peaks))
}

/// Fetches and decodes another result of the same song into a Web Audio player, for A/B.
pub async fn load_other(
    player: &Js,
    urls: &[String],
    progress: impl Fn(usize),
) -> Result<Vec<Js>, String> {
    let blobs = fetch_all(urls, &progress).await.map_err(|e| {
        e.unwrap_or_else(|| {
            "The other result's files may not be read by this page, so it cannot be compared here."
                .into()
        })
    })?;
    let (buffers, _) = decode_all(player, &blobs, |i| progress(urls.len() + i)).await?;
    Ok(buffers)
}

/// The waveform of a decoded stem, read block by block.
pub fn outline(buf: &Js) -> Vec<f32> {
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
