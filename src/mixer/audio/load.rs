//! Loading a result into the mixer: fetch every stem, then either play them through Web Audio
//! (WAVs a window at a time, other files decoded whole) or, when the page may not read them,
//! as media. A stem that cannot be fetched or decoded is left out, said in words, and the others
//! play.

use super::media::Media;
use super::player::Player;
use super::track::{self, Track};
use super::webaudio::{self, WebAudio};
use crate::browser::fetch::{self, FetchFail};
use crate::browser::js::Js;
use crate::i18n::t;
use crate::mixer::model::rate::sample_rate;
use crate::mixer::model::window::layout;

/// A loaded result: how it plays, each stem's waveform (when it could be drawn), the files as
/// Blobs (when every one could be read: for "Download all" without fetching again), and why a
/// stem was left out, if one was.
pub struct Loaded {
    pub player: Player,
    pub peaks: Vec<Option<Vec<f32>>>,
    pub blobs: Vec<Js>,
    pub left_out: Vec<String>,
}

/// Enough of a file to find a WAV's data chunk (and a sample rate in any format).
const HEAD: f64 = 65536.0;

/// Fetches and prepares `urls`; `progress(n)` after each of the steps (2 per stem).
pub async fn load(urls: &[String], host: &Js, progress: impl Fn(usize)) -> Result<Loaded, String> {
    let Some(fetched) = fetch_all(urls, &progress).await else {
        // The page may not read these files: play them as media.
        let media = Media::new(urls, host).ok_or(t("This browser cannot play these files."))?;
        return Ok(Loaded {
            player: Player::Media(media),
            peaks: vec![None; urls.len()],
            blobs: Vec::new(),
            left_out: Vec::new(),
        });
    };
    let mut left_out = Vec::new();
    let mut present = Vec::new();
    for (i, f) in fetched.into_iter().enumerate() {
        match f {
            Ok(b) => present.push((i, b)),
            Err(e) => left_out.push(e),
        }
    }
    let Some((_, first)) = present.first() else {
        return Err(left_out.join(" "));
    };
    let head = fetch::slice(first, 0.0, HEAD).await.unwrap_or_default();
    let ctx = webaudio::context(sample_rate(&head)).ok_or(t("This browser has no Web Audio."))?;
    let blobs: Vec<Js> = present.iter().map(|(_, b)| b.clone()).collect();
    let decoded = tracks_of(&ctx, &blobs, |i| progress(urls.len() + i)).await;
    let (mut tracks, mut map) = (Vec::new(), Vec::new());
    for ((i, _), d) in present.iter().zip(decoded) {
        match d {
            Some(t) => {
                tracks.push(t);
                map.push(Some(*i));
            }
            None => left_out.push(tr!(
                "Stem {k} is not audio this browser can decode.",
                k = i + 1
            )),
        }
    }
    if tracks.is_empty() {
        return Err(left_out.join(" "));
    }
    let player = WebAudio::new(ctx, tracks, map).ok_or(t("This browser has no Web Audio."))?;
    Ok(Loaded {
        player: Player::Web(player),
        // The waveforms are drawn once playing (`Track::outline`): they need not hold up the music.
        peaks: vec![None; urls.len()],
        blobs: if left_out.is_empty() {
            blobs
        } else {
            Vec::new()
        },
        left_out,
    })
}

/// Every file as a Blob, or why not. `None`: the first could not be read at all (another site
/// without CORS).
async fn fetch_all(urls: &[String], progress: &impl Fn(usize)) -> Option<Vec<Result<Js, String>>> {
    let mut out = Vec::with_capacity(urls.len());
    for (i, u) in urls.iter().enumerate() {
        out.push(match fetch::blob(u).await {
            Ok(b) => Ok(b),
            Err(FetchFail::Unreadable) if i == 0 => return None,
            Err(FetchFail::Unreadable) => {
                Err(tr!("Stem {k} could not be fetched (network).", k = i + 1))
            }
            Err(FetchFail::Status(s)) => Err(tr!(
                "Stem {k} could not be fetched: the host answered HTTP {s}.",
                k = i + 1,
                s = s
            )),
        });
        progress(i + 1);
    }
    Some(out)
}

/// Each Blob as a track of `ctx` (`None`: not audio this browser decodes); `progress(n)` after
/// each. A WAV is read a window at a time around the playhead, so nothing is decoded here;
/// anything else is decoded whole, two at a time (the browser decodes off the page's thread, so
/// two cores halve the wait), and written back as a WAV.
async fn tracks_of(ctx: &Js, blobs: &[Js], progress: impl Fn(usize)) -> Vec<Option<Track>> {
    let mut tracks: Vec<Option<Track>> = Vec::with_capacity(blobs.len());
    for b in blobs {
        let head = fetch::slice(b, 0.0, HEAD).await.unwrap_or_default();
        tracks.push(layout(&head, b.num("size") as u64).map(|l| Track::windowed(b.clone(), l)));
    }
    let whole: Vec<usize> = (0..blobs.len()).filter(|&i| tracks[i].is_none()).collect();
    for pair in whole.chunks(2) {
        let pending = js_sys::Array::new();
        for &i in pair {
            if let Some(data) = fetch::array_buffer(&blobs[i]).await {
                pending.push(&track::decode_start(ctx, data).0);
            } else {
                pending.push(&js_sys::Promise::reject(&wasm_bindgen::JsValue::NULL));
            }
        }
        // Each settles on its own: one file that is not audio leaves the other be.
        let settled = match Js::global("Promise").call("allSettled", &[pending.into()]) {
            Ok(p) => p.wait().await.ok(),
            Err(_) => None,
        };
        for (k, &i) in pair.iter().enumerate() {
            let one = settled
                .as_ref()
                .map(|s| Js(js_sys::Reflect::get_u32(&s.0, k as u32).unwrap_or_default()));
            if let Some(buf) = one.filter(|o| o.text("status") == "fulfilled") {
                tracks[i] = Some(Track::decoded(buf.get("value")).await);
            }
        }
    }
    progress(blobs.len());
    tracks
}

/// Fetches another result of the same song as tracks of the Web Audio player's context, for A/B:
/// every stem or none (its stems are matched to the first's by name, in order).
pub async fn load_other(
    ctx: &Js,
    urls: &[String],
    progress: impl Fn(usize),
) -> Result<Vec<Track>, String> {
    let fetched = fetch_all(urls, &progress).await.ok_or_else(|| {
        t("The other result's files may not be read by this page, so it cannot be compared here.")
            .to_string()
    })?;
    let blobs = fetched.into_iter().collect::<Result<Vec<Js>, String>>()?;
    let tracks = tracks_of(ctx, &blobs, |i| progress(urls.len() + i)).await;
    tracks
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            t.ok_or_else(|| tr!("Stem {k} is not audio this browser can decode.", k = i + 1))
        })
        .collect()
}
