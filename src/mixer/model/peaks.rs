//! A waveform's outline: the loudest sample in each of `buckets` equal slices, fed block by
//! block so a whole stem never has to be copied out of the browser's audio buffer at once.

use super::rules::fixed;

pub struct Peaks {
    per_bucket: f64,
    out: Vec<f32>,
}

impl Peaks {
    pub fn new(frames: u64, buckets: usize) -> Self {
        let buckets = buckets.max(1);
        Self {
            per_bucket: (frames.max(1) as f64 / buckets as f64).max(1.0),
            out: vec![0.0; buckets],
        }
    }

    /// Samples of one channel from `start_frame` on; each channel of a block is pushed with the
    /// same `start_frame`, so a bucket holds the loudest of all channels.
    pub fn push(&mut self, samples: &[f32], start_frame: u64) {
        let last = self.out.len() - 1;
        for (i, s) in samples.iter().enumerate() {
            let b = (((start_frame + i as u64) as f64 / self.per_bucket) as usize).min(last);
            let v = s.abs();
            if v > self.out[b] {
                self.out[b] = v;
            }
        }
    }

    pub fn finish(self) -> Vec<f32> {
        self.out
    }
}

/// Peaks the service sent (`files[].peaks`, shape unconfirmed), read loosely: a list of numbers
/// or numeric strings, pairs such as `[min, max]`, or such a list as JSON text. None when there
/// is nothing usable.
pub fn from_json(v: &serde_json::Value, buckets: usize) -> Option<Vec<f32>> {
    use serde_json::Value;
    fn num(v: &Value) -> Option<f64> {
        match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            Value::Array(a) => a.iter().filter_map(num).map(f64::abs).reduce(f64::max),
            _ => None,
        }
    }
    match v {
        Value::String(s) => from_json(&serde_json::from_str(s).ok()?, buckets),
        Value::Array(items) => {
            from_service(&items.iter().filter_map(num).collect::<Vec<_>>(), buckets)
        }
        Value::Object(o) => o
            .get("data")
            .or_else(|| o.get("peaks"))
            .and_then(|d| from_json(d, buckets)),
        _ => None,
    }
}

/// Numbers scaled so the loudest is 1 and resampled to `buckets`. None when there is nothing
/// usable.
pub fn from_service(values: &[f64], buckets: usize) -> Option<Vec<f32>> {
    let values: Vec<f64> = values
        .iter()
        .map(|v| v.abs())
        .filter(|v| v.is_finite())
        .collect();
    let max = values.iter().cloned().fold(0.0, f64::max);
    if values.is_empty() || max <= 0.0 || buckets == 0 {
        return None;
    }
    let mut out = vec![0f32; buckets];
    for (i, v) in values.iter().enumerate() {
        let b = i * buckets / values.len();
        out[b] = out[b].max((v / max) as f32);
    }
    // Fewer values than buckets: stretch, not leave gaps.
    for (b, o) in out.iter_mut().enumerate() {
        let i = b * values.len() / buckets;
        *o = o.max((values[i] / max) as f32);
    }
    Some(out)
}

/// An SVG path of vertical bars, one per bucket, in a `buckets × 100` box centred on 50.
pub fn svg_path(peaks: &[f32]) -> String {
    let mut d = String::with_capacity(peaks.len() * 14);
    for (i, p) in peaks.iter().enumerate() {
        let h = (p.max(0.0).min(1.0) as f64 * 48.0).max(0.5);
        d.push_str(&format!(
            "M{i}.5 {}V{}",
            fixed(50.0 - h, 1),
            fixed(50.0 + h, 1)
        ));
    }
    d
}
