//! The files the mixer saves: the mix as heard (a WAV rendered offline, block by block) and all
//! stems as one stored ZIP whose bytes stay in the browser's Blobs (only headers are written).

use super::fetch;
use super::graph::Graph;
use crate::mix::zip::{self, Crc32, Entry};
use crate::mix::{wav, Mix};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioBuffer, OfflineAudioContext};

const BLOCK: usize = 1 << 16;
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

fn part(parts: &Array, bytes: &[u8]) {
    parts.push(&Uint8Array::from(bytes));
}

fn blob_of(parts: &Array, mime: &str) -> Result<web_sys::Blob, String> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &opts)
        .map_err(|_| "The browser could not make the file.".to_string())
}

/// Renders `mix` of `buffers` from `a` to `b` seconds as a 16-bit stereo WAV.
pub async fn mix_wav(
    buffers: &[AudioBuffer],
    rate: f32,
    mix: &Mix,
    (a, b): (f64, f64),
) -> Result<web_sys::Blob, String> {
    let frames = ((b - a).max(0.0) * rate as f64).round() as u64;
    if frames == 0 {
        return Err("There is nothing to export.".into());
    }
    if frames > wav::max_frames(2) || frames > u32::MAX as u64 {
        return Err("This mix is longer than a WAV file can hold; set a shorter loop to export a part.".into());
    }
    let ctx = OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(
        2,
        frames as u32,
        rate,
    )
    .map_err(|_| "This browser cannot render audio offline.".to_string())?;
    let graph = Graph::new(&ctx, buffers.len(), &ctx.destination())
        .ok_or("This browser cannot render audio offline.")?;
    graph.apply(mix, 0.0, false);
    graph.start(&ctx, buffers, 0.0, a, None);
    let rendered: AudioBuffer = JsFuture::from(
        ctx.start_rendering()
            .map_err(|_| "Rendering the mix failed.".to_string())?,
    )
    .await
    .map_err(|_| "Rendering the mix failed.".to_string())?
    .unchecked_into();
    let parts = Array::new();
    part(&parts, &wav::header(2, rate as u32, frames));
    let mut chans = vec![vec![0f32; BLOCK]; 2];
    let mut bytes = Vec::new();
    let mut start = 0u64;
    while start < frames {
        let n = ((frames - start) as usize).min(BLOCK);
        for (ch, buf) in chans.iter_mut().enumerate() {
            buf.resize(n, 0.0);
            let src = (ch as u32).min(rendered.number_of_channels() - 1) as i32;
            let _ = rendered.copy_from_channel_with_start_in_channel(buf, src, start as u32);
        }
        wav::interleave(&chans, &mut bytes);
        part(&parts, &bytes);
        start += n as u64;
    }
    blob_of(&parts, "audio/wav")
}

/// One ZIP of `files` (name, Blob), stored; `progress(done, total)` after each file is read.
pub async fn zip_all(
    files: &[(String, web_sys::Blob)],
    progress: impl Fn(usize, usize),
) -> Result<web_sys::Blob, String> {
    let names = zip::unique_names(&files.iter().map(|f| f.0.clone()).collect::<Vec<_>>());
    let parts = Array::new();
    let mut entries = Vec::with_capacity(files.len());
    for (i, ((_, blob), name)) in files.iter().zip(names).enumerate() {
        let size = blob.size();
        if size > zip::MAX_BYTES as f64 {
            return Err(format!("{name} is larger than 4 GB; download it on its own."));
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
        parts.push(blob);
        entries.push(e);
        progress(i + 1, files.len());
    }
    part(&parts, &zip::directory(&entries)?);
    blob_of(&parts, "application/zip")
}

/// Offers `blob` as a download named `name`.
pub fn save(blob: &web_sys::Blob, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
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
