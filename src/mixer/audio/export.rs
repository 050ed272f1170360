//! The files the mixer saves: the mix as heard (a WAV rendered offline, window by window) and all
//! stems as one stored ZIP whose bytes stay in the browser's Blobs (only headers are written).

use super::graph::Graph;
use super::shifted;
use super::track::Track;
use crate::browser::fetch;
use crate::browser::js::{copy_floats, n, Js};
use crate::i18n::t;
use crate::mixer::model::window::{next_piece, Piece};
use crate::mixer::model::zip::{self, Crc32, Entry};
use crate::mixer::model::{wav, Mix};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;

const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

fn part(parts: &Array, bytes: &[u8]) {
    parts.push(&Uint8Array::from(bytes));
}

fn blob_of(parts: &Array, mime: &str) -> Result<Js, String> {
    let opts = Js(js_sys::Object::new().into());
    opts.set("type", mime);
    Js::new("Blob", &[parts.into(), opts.0])
        .map_err(|_| t("The browser could not make the file.").to_string())
}

/// Renders `mix` of `tracks` from `a` to `b` seconds as a 16-bit stereo WAV, a window at a
/// time (decoded in `ctx`), so neither the stems nor the mix are ever held whole. `shift`: the
/// tempo and key heard (`(1, 0)`: as recorded, rendered exactly; else `shifted.rs`).
pub async fn mix_wav(
    ctx: &Js,
    tracks: &[Track],
    map: &[Option<usize>],
    rate: f64,
    mix: &Mix,
    (a, b): (f64, f64),
    shift: (f64, f64),
) -> Result<Js, String> {
    let frame = |t: f64| (t * rate).round() as u64;
    let frames = if shift == (1.0, 0.0) {
        frame(b).saturating_sub(frame(a))
    } else {
        shifted::frames((a, b), rate, shift.0)
    };
    if frames == 0 {
        return Err(t("There is nothing to export.").into());
    }
    if frames > wav::max_frames(2) {
        return Err(t(
            "This mix is longer than a WAV file can hold; set a shorter loop to export a part.",
        )
        .into());
    }
    let parts = Array::new();
    part(&parts, &wav::header(2, rate as u32, frames));
    if shift != (1.0, 0.0) {
        shifted::render(ctx, tracks, map, rate, mix, (a, b), shift, &mut |bytes| {
            part(&parts, bytes)
        })
        .await
        .ok_or(t("Rendering the mix failed."))?;
        return blob_of(&parts, "audio/wav");
    }
    let mut at = a;
    while let Some((piece, next)) = next_piece(at, b, None) {
        let len = frame(piece.to) - frame(piece.from);
        if len > 0 {
            let bytes = render(ctx, tracks, map, rate, mix, piece, len)
                .await
                .ok_or(t("Rendering the mix failed."))?;
            part(&parts, &bytes);
        }
        at = next;
    }
    blob_of(&parts, "audio/wav")
}

/// One piece of the mix (`len` frames) as 16-bit stereo frames.
async fn render(
    ctx: &Js,
    tracks: &[Track],
    map: &[Option<usize>],
    rate: f64,
    mix: &Mix,
    piece: Piece,
    len: u64,
) -> Option<Vec<u8>> {
    let off = Js::new("OfflineAudioContext", &[n(2.0), n(len as f64), n(rate)]).ok()?;
    let graph = Graph::new(&off, tracks.len(), &off.get("destination"))?;
    graph.apply(mix, map, true, 0.0, false);
    for (t, g) in tracks.iter().zip(&graph.gains) {
        let Some((buf, base)) = t.decode(ctx, piece.window).await else {
            continue;
        };
        let offset = (piece.from - base).max(0.0);
        graph
            .source(&off, &buf, g, 1.0)?
            .call("start", &[n(0.0), n(offset), n(piece.len())])
            .ok()?;
    }
    let rendered = off.call("startRendering", &[]).ok()?.wait().await.ok()?;
    let chans: Vec<Js> = (0..2)
        .filter_map(|ch| rendered.call("getChannelData", &[n(ch as f64)]).ok())
        .collect();
    if chans.len() != 2 {
        return None;
    }
    let mut block = vec![vec![0f32; len as usize]; 2];
    for (out, data) in block.iter_mut().zip(&chans) {
        copy_floats(data, 0, out);
    }
    let mut bytes = Vec::new();
    wav::interleave(&block, &mut bytes);
    Some(bytes)
}

/// One ZIP of `files` (name, Blob), stored; `progress(done, total)` after each file is read.
pub async fn zip_all(
    files: &[(String, Js)],
    progress: impl Fn(usize, usize),
) -> Result<Js, String> {
    let names = zip::unique_names(&files.iter().map(|f| f.0.clone()).collect::<Vec<_>>());
    let parts = Array::new();
    let mut entries = Vec::with_capacity(files.len());
    for (i, ((_, blob), name)) in files.iter().zip(names).enumerate() {
        let size = blob.num("size");
        if size > zip::MAX_BYTES as f64 {
            return Err(tr!(
                "{name} is larger than 4 GB; download it on its own.",
                name = name
            ));
        }
        // The CRC needs every byte once; read in slices so no file is copied whole.
        let mut crc = Crc32::default();
        let mut at = 0.0;
        while at < size {
            let bytes = fetch::slice(blob, at, (at + SLICE).min(size))
                .await
                .ok_or(t("A stem could not be read back."))?;
            crc.update(&bytes);
            at += SLICE;
        }
        let e = Entry {
            name,
            crc: crc.finish(),
            size: size as u64,
        };
        part(&parts, &zip::local_header(&e));
        parts.push(&blob.0);
        entries.push(e);
        progress(i + 1, files.len());
    }
    part(&parts, &zip::directory(&entries)?);
    blob_of(&parts, "application/zip")
}

/// Offers `blob` as a download named `name`.
pub fn save(blob: &Js, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob.0.unchecked_ref()) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
    {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        a.unchecked_into::<web_sys::HtmlElement>().click();
    }
    // The download has started by then; the Blob is let go.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
}
