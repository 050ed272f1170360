//! Real audio for results: the upload is decoded (symphonia) packet by packet and each stem is
//! written as it goes (hound), so memory stays flat whatever the input's size.

use hound::{SampleFormat, WavSpec, WavWriter};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::DecoderOptions;
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

mod tone;
pub use tone::{loudness, write_tone};

pub const NOT_AUDIO: &str = "The uploaded file is not an audio file or its format is not supported";

fn open(path: &Path) -> Result<Box<dyn FormatReader>, String> {
    let file = File::open(path).map_err(|e| format!("cannot open input: {e}"))?;
    let mss = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(ext);
    }
    symphonia::default::get_probe()
        .format(
            &hint,
            mss,
            &FormatOptions::default(),
            &MetadataOptions::default(),
        )
        .map(|p| p.format)
        .map_err(|_| NOT_AUDIO.to_string())
}

/// The input's length in seconds, from headers where they tell, else by decoding.
pub fn duration_secs(path: &Path) -> Result<f64, String> {
    let mut format = open(path)?;
    let track = format.default_track().ok_or(NOT_AUDIO)?.clone();
    let rate = track.codec_params.sample_rate.ok_or(NOT_AUDIO)? as f64;
    if let Some(frames) = track.codec_params.n_frames {
        return Ok(frames as f64 / rate);
    }
    let mut frames = 0u64;
    loop {
        match format.next_packet() {
            Ok(p) if p.track_id() == track.id => frames += p.dur,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    if frames == 0 {
        return Err(NOT_AUDIO.into());
    }
    Ok(frames as f64 / rate)
}

/// How a stem is made from the mix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Recipe {
    /// (L+R)/2 on both channels: what the two channels share.
    Mid,
    /// The mix less the mid: what differs between channels.
    Side,
    LowBand,
    HighBand,
    MidBand,
    /// The mix times a gain (a generated piece as made, a master at its reference's loudness).
    Gain(f32),
}

pub fn recipe_for(stem: &str) -> Recipe {
    let s = stem.to_ascii_lowercase();
    if s.contains("instrum") || s.contains("music") || s.contains("accomp") || s.contains("back") {
        Recipe::Side
    } else if s.contains("vocal")
        || s.contains("voice")
        || s.contains("lead")
        || s.contains("speech")
    {
        Recipe::Mid
    } else if s.contains("bass") || s.contains("kick") {
        Recipe::LowBand
    } else if s.contains("drum")
        || s.contains("snare")
        || s.contains("cymbal")
        || s.contains("hh")
        || s.contains("effect")
    {
        Recipe::HighBand
    } else {
        Recipe::MidBand
    }
}

/// One-pole filters per channel.
#[derive(Clone, Default)]
struct OnePole {
    state: Vec<f32>,
}

impl OnePole {
    fn lowpass(&mut self, ch: usize, x: f32, a: f32) -> f32 {
        if self.state.len() <= ch {
            self.state.resize(ch + 1, 0.0);
        }
        self.state[ch] += a * (x - self.state[ch]);
        self.state[ch]
    }
}

fn coeff(cutoff_hz: f32, rate: f32) -> f32 {
    1.0 - (-2.0 * std::f32::consts::PI * cutoff_hz / rate).exp()
}

/// Output sample format of a stem file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WavKind {
    Int16,
    Int24,
    Float32,
}

pub struct Stem {
    pub recipe: Recipe,
    pub path: PathBuf,
}

/// The input's (sample rate, channels), from its header.
pub fn layout(input: &Path) -> Result<(u32, usize), String> {
    let format = open(input)?;
    let track = format.default_track().ok_or(NOT_AUDIO)?;
    let rate = track.codec_params.sample_rate.ok_or(NOT_AUDIO)?;
    let channels = track.codec_params.channels.map(|c| c.count());
    Ok((rate, channels.unwrap_or(2).max(1)))
}

/// Every frame of the input decoded, in order, to `each`; returns the number of frames.
pub fn for_each_frame(
    input: &Path,
    mut each: impl FnMut(&[f32]) -> Result<(), String>,
) -> Result<u64, String> {
    let (_, channels) = layout(input)?;
    let mut format = open(input)?;
    let track = format.default_track().ok_or(NOT_AUDIO)?.clone();
    let mut decoder = symphonia::default::get_codecs()
        .make(&track.codec_params, &DecoderOptions::default())
        .map_err(|_| NOT_AUDIO.to_string())?;
    let mut frames: u64 = 0;
    let mut buf: Option<SampleBuffer<f32>> = None;
    loop {
        let packet = match format.next_packet() {
            Ok(p) => p,
            Err(SymError::IoError(_)) => break,
            Err(SymError::ResetRequired) => break,
            Err(e) => return Err(format!("{NOT_AUDIO}: {e}")),
        };
        if packet.track_id() != track.id {
            continue;
        }
        let decoded = match decoder.decode(&packet) {
            Ok(d) => d,
            // A damaged packet is skipped, as players do.
            Err(SymError::DecodeError(_)) => continue,
            Err(e) => return Err(format!("{NOT_AUDIO}: {e}")),
        };
        let sb = buf
            .get_or_insert_with(|| SampleBuffer::new(decoded.capacity() as u64, *decoded.spec()));
        if sb.capacity() < decoded.capacity() * channels {
            *sb = SampleBuffer::new(decoded.capacity() as u64, *decoded.spec());
        }
        sb.copy_interleaved_ref(decoded);
        for frame in sb.samples().chunks(channels) {
            frames += 1;
            each(frame)?;
        }
    }
    if frames == 0 {
        return Err(NOT_AUDIO.into());
    }
    Ok(frames)
}

/// Decodes `input` and writes each stem; returns the input's length in seconds.
pub fn render(input: &Path, stems: &[Stem], kind: WavKind) -> Result<f64, String> {
    let (rate, channels) = layout(input)?;
    let spec = WavSpec {
        channels: channels as u16,
        sample_rate: rate,
        bits_per_sample: match kind {
            WavKind::Int16 => 16,
            WavKind::Int24 => 24,
            WavKind::Float32 => 32,
        },
        sample_format: if kind == WavKind::Float32 {
            SampleFormat::Float
        } else {
            SampleFormat::Int
        },
    };
    let mut writers: Vec<WavWriter<BufWriter<File>>> = stems
        .iter()
        .map(|s| WavWriter::create(&s.path, spec).map_err(|e| format!("cannot write stem: {e}")))
        .collect::<Result<_, _>>()?;
    let mut filters = vec![(OnePole::default(), OnePole::default()); stems.len()];
    let (a_low, a_mid, a_high) = (
        coeff(200.0, rate as f32),
        coeff(2000.0, rate as f32),
        coeff(2500.0, rate as f32),
    );
    let frames = for_each_frame(input, |frame| {
        let mid = frame.iter().sum::<f32>() / frame.len() as f32;
        for (i, stem) in stems.iter().enumerate() {
            let (lp, hp) = &mut filters[i];
            for (ch, &x) in frame.iter().enumerate() {
                let y = match stem.recipe {
                    Recipe::Mid => mid,
                    Recipe::Side => x - mid,
                    Recipe::LowBand => lp.lowpass(ch, x, a_low),
                    Recipe::HighBand => x - hp.lowpass(ch, x, a_high),
                    Recipe::MidBand => lp.lowpass(ch, x, a_mid) - hp.lowpass(ch, x, a_low),
                    Recipe::Gain(g) => x * g,
                };
                write_sample(&mut writers[i], y, kind)?;
            }
        }
        Ok(())
    })?;
    for w in writers {
        w.finalize()
            .map_err(|e| format!("cannot finish stem: {e}"))?;
    }
    Ok(frames as f64 / rate as f64)
}

fn write_sample(w: &mut WavWriter<BufWriter<File>>, y: f32, kind: WavKind) -> Result<(), String> {
    let y = y.clamp(-1.0, 1.0);
    let r = match kind {
        WavKind::Int16 => w.write_sample((y * i16::MAX as f32) as i16),
        WavKind::Int24 => w.write_sample((y * 8_388_607.0) as i32),
        WavKind::Float32 => w.write_sample(y),
    };
    r.map_err(|e| format!("cannot write stem: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_stems_of_the_inputs_length() {
        let dir = std::env::temp_dir().join(format!("standin-audio-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let input = dir.join("tone.wav");
        write_tone(&input, 2.0, 22050).unwrap();
        assert!((duration_secs(&input).unwrap() - 2.0).abs() < 0.01);
        let stems: Vec<Stem> = ["vocals", "instrumental", "bass"]
            .iter()
            .map(|s| Stem {
                recipe: recipe_for(s),
                path: dir.join(format!("{s}.wav")),
            })
            .collect();
        let secs = render(&input, &stems, WavKind::Float32).unwrap();
        assert!((secs - 2.0).abs() < 0.01);
        for s in &stems {
            let r = hound::WavReader::open(&s.path).unwrap();
            assert_eq!(r.spec().bits_per_sample, 32);
            assert_eq!(r.duration(), 44100);
        }
        // The side stem differs from the mid stem: the channels carry different notes.
        let mid: Vec<f32> = hound::WavReader::open(&stems[0].path)
            .unwrap()
            .samples::<f32>()
            .take(2000)
            .map(Result::unwrap)
            .collect();
        let side: Vec<f32> = hound::WavReader::open(&stems[1].path)
            .unwrap()
            .samples::<f32>()
            .take(2000)
            .map(Result::unwrap)
            .collect();
        assert_ne!(mid, side);
        assert!(side.iter().any(|x| x.abs() > 0.01));
        std::fs::write(dir.join("junk.mp3"), b"this is not audio at all").unwrap();
        assert_eq!(duration_secs(&dir.join("junk.mp3")).unwrap_err(), NOT_AUDIO);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
