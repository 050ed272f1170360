//! Loading a result into the mixer: fetch every stem, then either play them through Web Audio
//! (WAVs a window at a time, other files decoded whole) or, when the page may not read them,
//! as media. One `Player` answers for both.

use super::media::Media;
use super::track::{self, Track};
use super::webaudio::{self, Clicks, WebAudio};
use crate::browser::fetch::{self, FetchFail};
use crate::browser::js::Js;
use crate::i18n::t;
use crate::mixer::model::rate::sample_rate;
use crate::mixer::model::window::layout;
use crate::mixer::model::{LoopRange, Mix};

// One player per result shown: its size does not matter, a Box would only add a step.
#[allow(clippy::large_enum_variant)]
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

/// Enough of a file to find a WAV's data chunk (and a sample rate in any format).
const HEAD: f64 = 65536.0;

/// Fetches and prepares `urls`; `progress(n)` after each of the steps (2 per stem).
pub async fn load(urls: &[String], host: &Js, progress: impl Fn(usize)) -> Result<Loaded, String> {
    let blobs = match fetch_all(urls, &progress).await {
        Ok(b) => b,
        // The page may not read these files: play them as media.
        Err(None) => {
            let media = Media::new(urls, host).ok_or(t("This browser cannot play these files."))?;
            return Ok(Loaded {
                player: Player::Media(media),
                peaks: vec![None; urls.len()],
                blobs: Vec::new(),
            });
        }
        Err(Some(e)) => return Err(e),
    };
    let head = match blobs.first() {
        Some(b) => fetch::slice(b, 0.0, HEAD).await.unwrap_or_default(),
        None => Vec::new(),
    };
    let ctx = webaudio::context(sample_rate(&head)).ok_or(t("This browser has no Web Audio."))?;
    let tracks = tracks_of(&ctx, &blobs, |i| progress(urls.len() + i)).await?;
    let player = WebAudio::new(ctx, tracks).ok_or(t("This browser has no Web Audio."))?;
    Ok(Loaded {
        player: Player::Web(player),
        // The waveforms are drawn once playing (`Track::outline`): they need not hold up the music.
        peaks: vec![None; urls.len()],
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
                return Err(Some(tr!(
                    "Stem {k} could not be fetched (network).",
                    k = i + 1
                )))
            }
            Err(FetchFail::Status(s)) => {
                return Err(Some(tr!(
                    "Stem {k} could not be fetched: the host answered HTTP {s}.",
                    k = i + 1,
                    s = s
                )))
            }
        }
        progress(i + 1);
    }
    Ok(blobs)
}

/// Each Blob as a track of `ctx`; `progress(n)` after each. A WAV is read a window at a time
/// around the playhead, so nothing is decoded here; anything else is decoded whole, two at a
/// time (the browser decodes off the page's thread, so two cores halve the wait), and written
/// back as a WAV.
async fn tracks_of(ctx: &Js, blobs: &[Js], progress: impl Fn(usize)) -> Result<Vec<Track>, String> {
    let mut tracks: Vec<Option<Track>> = Vec::with_capacity(blobs.len());
    for b in blobs {
        let head = fetch::slice(b, 0.0, HEAD).await.unwrap_or_default();
        tracks.push(layout(&head, b.num("size") as u64).map(|l| Track::windowed(b.clone(), l)));
    }
    let whole: Vec<usize> = (0..blobs.len()).filter(|&i| tracks[i].is_none()).collect();
    for pair in whole.chunks(2) {
        let pending = js_sys::Array::new();
        for &i in pair {
            let data = fetch::array_buffer(&blobs[i])
                .await
                .ok_or(t("A stem could not be read."))?;
            pending.push(&track::decode_start(ctx, data).0);
        }
        let all = Js::global("Promise").call("all", &[pending.into()]);
        let decoded = match all {
            Ok(p) => p.wait().await.ok(),
            Err(_) => None,
        }
        .ok_or_else(|| {
            let names: Vec<String> = pair.iter().map(|i| (i + 1).to_string()).collect();
            tr!(
                "Stem {k} is not audio this browser can decode.",
                k = names.join(t(" or "))
            )
        })?;
        for (k, &i) in pair.iter().enumerate() {
            let buf = js_sys::Reflect::get_u32(&decoded.0, k as u32).unwrap_or_default();
            tracks[i] = Some(Track::decoded(Js(buf)).await);
        }
    }
    progress(blobs.len());
    Ok(tracks.into_iter().flatten().collect())
}

/// Fetches another result of the same song as tracks of the Web Audio player's context, for A/B.
pub async fn load_other(
    ctx: &Js,
    urls: &[String],
    progress: impl Fn(usize),
) -> Result<Vec<Track>, String> {
    let blobs = fetch_all(urls, &progress).await.map_err(|e| {
        e.unwrap_or_else(|| {
            t("The other result's files may not be read by this page, so it cannot be compared here.")
                .into()
        })
    })?;
    tracks_of(ctx, &blobs, |i| progress(urls.len() + i)).await
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
