//! Made audio: a test tone (for tests, the demo and generated pieces), and a file's loudness (for
//! mastering to a reference).

use hound::{SampleFormat, WavSpec, WavWriter};
use std::path::Path;

/// Writes a test tone (stereo: a different note left and right) for tests and the demo.
pub fn write_tone(path: &Path, secs: f64, rate: u32) -> std::io::Result<()> {
    let spec = WavSpec {
        channels: 2,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: SampleFormat::Int,
    };
    let mut w = WavWriter::create(path, spec).map_err(std::io::Error::other)?;
    let n = (secs * rate as f64) as u64;
    for i in 0..n {
        let t = i as f32 / rate as f32;
        let bass = (2.0 * std::f32::consts::PI * 110.0 * t).sin() * 0.3;
        let l = bass + (2.0 * std::f32::consts::PI * 440.0 * t).sin() * 0.2;
        let r = bass + (2.0 * std::f32::consts::PI * 660.0 * t).sin() * 0.2;
        w.write_sample((l * 32767.0) as i16)
            .map_err(std::io::Error::other)?;
        w.write_sample((r * 32767.0) as i16)
            .map_err(std::io::Error::other)?;
    }
    w.finalize().map_err(std::io::Error::other)
}

/// The file's loudness: the root mean square of all its samples.
pub fn loudness(path: &Path) -> Result<f32, String> {
    let (mut sum, mut n) = (0f64, 0u64);
    super::for_each_frame(path, |frame| {
        for &x in frame {
            sum += (x as f64) * (x as f64);
            n += 1;
        }
        Ok(())
    })?;
    Ok((sum / n.max(1) as f64).sqrt() as f32)
}
