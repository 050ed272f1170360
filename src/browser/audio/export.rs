//! The files the mixer saves: the mix as heard (a WAV rendered offline, block by block) and all
//! stems as one stored ZIP whose bytes stay in the browser's Blobs (only headers are written).

use super::fetch;
use super::graph::Graph;
use super::js::{copy_floats, n, Js};
use crate::mix::zip::{self, Crc32, Entry};
use crate::mix::{wav, Mix};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;

const BLOCK: usize = 1 << 16;
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

fn part(parts: &Array, bytes: &[u8]) {
    parts.push(&Uint8Array::from(bytes));
}

fn blob_of(parts: &Array, mime: &str) -> Result<Js, String> {
    let opts = Js(js_sys::Object::new().into());
    opts.set("type", mime);
    Js::new("Blob", &[parts.into(), opts.0])
        .map_err(|_| "The browser could not make the file.".to_string())
}

/// Renders `mix` of `buffers` from `a` to `b` seconds as a 16-bit stereo WAV.
pub async fn mix_wav(
    buffers: &[Js],
    map: &[Option<usize>],
    rate: f64,
    mix: &Mix,
    (a, b): (f64, f64),
) -> Result<Js, String> {
    let frames = ((b - a).max(0.0) * rate).round() as u64;
    if frames == 0 {
        return Err("There is nothing to export.".into());
    }
    if frames > wav::max_frames(2) {
        return Err(
            "This mix is longer than a WAV file can hold; set a shorter loop to export a part."
                .into(),
        );
    }
    let failed = |_| "Rendering the mix failed.".to_string();
    let ctx =
        Js::new("OfflineAudioContext", &[n(2.0), n(frames as f64), n(rate)]).map_err(failed)?;
    let graph = Graph::new(&ctx, buffers.len(), &ctx.get("destination"))
        .ok_or("Rendering the mix failed.")?;
    graph.apply(mix, map, true, 0.0, false);
    graph.start(&ctx, buffers, 0.0, a, None);
    let rendered = ctx
        .call("startRendering", &[])
        .map_err(failed)?
        .wait()
        .await
        .map_err(failed)?;
    let chans: Vec<Js> = (0..2)
        .filter_map(|ch| rendered.call("getChannelData", &[n(ch as f64)]).ok())
        .collect();
    if chans.len() != 2 {
        return Err("Rendering the mix failed.".into());
    }
    let parts = Array::new();
    part(&parts, &wav::header(2, rate as u32, frames));
    let mut block = vec![vec![0f32; BLOCK]; 2];
    let mut bytes = Vec::new();
    let mut start = 0u64;
    while start < frames {
        let len = ((frames - start) as usize).min(BLOCK);
        for (out, data) in block.iter_mut().zip(&chans) {
            out.resize(len, 0.0);
            copy_floats(data, start as u32, out);
        }
        wav::interleave(&block, &mut bytes);
        part(&parts, &bytes);
        start += len as u64;
    }
    blob_of(&parts, "audio/wav")
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
            return Err(format!(
                "{name} is larger than 4 GB; download it on its own."
            ));
        }
        // The CRC needs every byte once; read in slices so no file is copied whole.
        let mut crc = Crc32::default();
        let mut at = 0.0;
        while at < size {
            let bytes = fetch::slice(blob, at, (at + SLICE).min(size))
                .await
                .ok_or("A stem could not be read back.")?;
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
