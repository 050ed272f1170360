//! The mixer's tracks in a real browser (headless Chromium's own WAV decoder): a WAV's windows
//! decode to exactly its samples, and a file decoded whole comes back, written as a WAV, window
//! by window with the same samples.
#![cfg(target_arch = "wasm32")]

use mvsep_web::browser::js::{copy_floats, n, Js};
use mvsep_web::mixer::audio::track::Track;
use mvsep_web::mixer::model::wav;
use mvsep_web::mixer::model::window::{layout, WINDOW_SECS};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RATE: f64 = 8000.0;
const SECS: f64 = 12.0;

/// A sample of the test signal: a different ramp on each channel, on the 16-bit grid.
fn signal(ch: usize, i: u64) -> f32 {
    let v = ((i * (ch as u64 + 1)) % 20000) as i16 - 10000;
    v as f32 / 32768.0
}

fn context() -> Js {
    let opts = Js(js_sys::Object::new().into());
    opts.set("sampleRate", RATE);
    Js::new("AudioContext", &[opts.0]).expect("an AudioContext")
}

fn blob(bytes: &[u8]) -> Js {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    Js::new("Blob", &[parts.into()]).unwrap()
}

/// Window `k` of `track` holds the signal from `k * WINDOW_SECS` on, sample for sample (within
/// the 16-bit step: decoders scale by 32767 or 32768).
async fn check_window(ctx: &Js, track: &Track, k: u64) {
    let (buf, base) = track.decode(ctx, k).await.expect("the window decodes");
    assert_eq!(base, k as f64 * WINDOW_SECS);
    let first = (base * RATE) as u64;
    let len = buf.num("length") as usize;
    let want = ((SECS * RATE) as u64 - first).min((WINDOW_SECS * RATE) as u64) as usize;
    assert_eq!(len, want, "window {k} is {want} frames");
    for ch in 0..2 {
        let data = buf.call("getChannelData", &[n(ch as f64)]).unwrap();
        let mut got = vec![0f32; len];
        copy_floats(&data, 0, &mut got);
        for (i, g) in got.iter().enumerate() {
            let w = signal(ch, first + i as u64);
            assert!(
                (g - w).abs() < 1e-4,
                "window {k}, channel {ch}, frame {i}: {g} != {w}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_wavs_windows_decode_to_its_samples() {
    let frames = (SECS * RATE) as u64;
    let mut file = wav::header(2, RATE as u32, frames);
    let chans: Vec<Vec<f32>> = (0..2)
        .map(|ch| (0..frames).map(|i| signal(ch, i)).collect())
        .collect();
    let mut bytes = Vec::new();
    wav::interleave(&chans, &mut bytes);
    file.extend_from_slice(&bytes);
    let l = layout(&file[..44], file.len() as u64).expect("a WAV");
    let track = Track::windowed(blob(&file), l);
    assert_eq!(track.duration(), SECS);
    let ctx = context();
    for k in 0..3 {
        check_window(&ctx, &track, k).await;
    }
    assert!(
        track.decode(&ctx, 3).await.is_none(),
        "nothing past the end"
    );
    let _ = ctx.call("close", &[]);
}

#[wasm_bindgen_test]
async fn a_file_decoded_whole_is_windowed_with_the_same_samples() {
    let ctx = context();
    let frames = (SECS * RATE) as u32;
    let buf = ctx
        .call("createBuffer", &[n(2.0), n(frames as f64), n(RATE)])
        .unwrap();
    for ch in 0..2 {
        let data: Vec<f32> = (0..frames as u64).map(|i| signal(ch, i)).collect();
        let arr = js_sys::Float32Array::from(&data[..]);
        buf.call("copyToChannel", &[arr.into(), n(ch as f64)])
            .unwrap();
    }
    let track = Track::decoded(buf).await;
    assert_eq!(track.duration(), SECS);
    for k in 0..3 {
        check_window(&ctx, &track, k).await;
    }
    // Written back as a WAV: its waveform is read from the samples, as for any WAV.
    let outline = track.outline().await.expect("a waveform");
    assert_eq!(outline.len(), 400);
    assert!(outline.iter().all(|p| *p > 0.0 && *p <= 1.0));
    let _ = ctx.call("close", &[]);
}
