//! What the stand-in adds to result files for the client's tests: a waveform (`files[].peaks`,
//! as one client says the service sends), an address on another origin, and (the `xss` switch)
//! addresses no client may turn into a link.

use hound::SampleFormat;
use serde_json::{json, Value};
use std::path::Path;

/// A waveform of 100 [min, max] pairs over a result file (empty when it cannot be read).
pub fn of_file(path: &Path) -> Vec<[f32; 2]> {
    peaks(path, 100).unwrap_or_default()
}

/// The same server under its other local name: 127.0.0.1 and localhost are different origins.
pub fn other_name(base: &str) -> String {
    if base.contains("://127.0.0.1") {
        base.replacen("://127.0.0.1", "://localhost", 1)
    } else {
        base.replacen("://localhost", "://127.0.0.1", 1)
    }
}

/// `buckets` [min, max] pairs over a WAV stem (the first channel), for `files[].peaks`.
fn peaks(path: &Path, buckets: usize) -> Result<Vec<[f32; 2]>, String> {
    let mut r = hound::WavReader::open(path).map_err(|e| e.to_string())?;
    let spec = r.spec();
    let ch = spec.channels.max(1) as usize;
    let frames = (r.duration() as usize).max(1);
    let mut out = vec![[0f32, 0f32]; buckets];
    let samples: Box<dyn Iterator<Item = f32>> = match spec.sample_format {
        SampleFormat::Float => Box::new(r.samples::<f32>().map(|s| s.unwrap_or(0.0))),
        SampleFormat::Int => {
            let max = (1i64 << (spec.bits_per_sample - 1)) as f32;
            Box::new(r.samples::<i32>().map(move |s| s.unwrap_or(0) as f32 / max))
        }
    };
    for (i, v) in samples.enumerate().step_by(ch) {
        let b = ((i / ch) * buckets / frames).min(buckets - 1);
        out[b][0] = out[b][0].min(v);
        out[b][1] = out[b][1].max(v);
    }
    Ok(out)
}

/// The `xss` switch: addresses a client must never turn into a link or a media source (a
/// result file, the input).
pub fn hostile_urls(d: &mut Value) {
    const EVIL: &str = "javascript:window.__xss=1";
    if let Some(files) = d["files"].as_array_mut() {
        if !files.is_empty() {
            files
                .push(json!({"type": "Evil", "url": EVIL, "download": "evil.wav", "size": "1 KB"}));
        }
    }
    d["input_file"]["url"] = json!(EVIL);
}
