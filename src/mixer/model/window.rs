//! Playing a long WAV a few seconds at a time. Six decoded five-minute stems are 635 MB of
//! float samples; a WAV's frames are fixed-size, so any frame-aligned slice of its data with a
//! header of its own is a WAV the browser decodes alone. The mixer keeps only the windows around
//! the playhead decoded, and plays them back to back.

/// Seconds per window: a whole number of frames at every sample rate.
pub const WINDOW_SECS: f64 = 5.0;

/// Where a WAV's samples are and how they are laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct WavLayout {
    /// The `fmt ` chunk as the file has it (id and size included): copied into every window's
    /// header, so any layout the browser reads (PCM, float, extensible) stays readable.
    pub fmt: Vec<u8>,
    pub rate: u32,
    pub channels: u16,
    /// Bytes per frame.
    pub block: u32,
    pub bits: u16,
    /// 1 integer PCM, 3 IEEE float (the sub-format of an extensible header).
    pub format: u16,
    pub data_start: u64,
    pub frames: u64,
}

fn u16_le(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_le(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The layout of a WAV from its first bytes (`head`, which must reach its `data` chunk) and its
/// size. None for anything else, or a WAV this reader cannot window.
pub fn layout(head: &[u8], file_size: u64) -> Option<WavLayout> {
    if !head.starts_with(b"RIFF") || head.get(8..12)? != b"WAVE" {
        return None;
    }
    let mut fmt: Option<Vec<u8>> = None;
    let mut at = 12;
    while at + 8 <= head.len() {
        let id = &head[at..at + 4];
        let size = u32_le(head, at + 4)? as usize;
        if id == b"fmt " {
            fmt = Some(head.get(at..at + 8 + size)?.to_vec());
        } else if id == b"data" {
            let f = fmt?;
            let tag = u16_le(&f, 8)?;
            let channels = u16_le(&f, 10)?;
            let rate = u32_le(&f, 12)?;
            let block = u16_le(&f, 20)? as u32;
            let bits = u16_le(&f, 22)?;
            let format = if tag == 0xFFFE { u16_le(&f, 32)? } else { tag };
            if channels == 0 || rate == 0 || block == 0 || !matches!(format, 1 | 3) {
                return None;
            }
            let data_start = (at + 8) as u64;
            let left = file_size.saturating_sub(data_start);
            // A streamed WAV leaves the size 0 or all ones: the rest of the file is the data.
            let len = match size as u64 {
                0 | 0xFFFF_FFFF => left,
                n => n.min(left),
            };
            return Some(WavLayout {
                fmt: f,
                rate,
                channels,
                block,
                bits,
                format,
                data_start,
                frames: len / block as u64,
            });
        }
        at += 8 + size + (size & 1);
    }
    None
}

impl WavLayout {
    pub fn duration(&self) -> f64 {
        self.frames as f64 / self.rate as f64
    }

    pub fn window_frames(&self) -> u64 {
        (WINDOW_SECS * self.rate as f64) as u64
    }

    pub fn windows(&self) -> u64 {
        self.frames.div_ceil(self.window_frames().max(1))
    }

    /// Window `k`'s bytes in the file (None past the end).
    pub fn window_range(&self, k: u64) -> Option<(u64, u64)> {
        let wf = self.window_frames();
        let first = k.checked_mul(wf)?;
        if first >= self.frames {
            return None;
        }
        let last = (first + wf).min(self.frames);
        let b = self.block as u64;
        Some((self.data_start + first * b, self.data_start + last * b))
    }

    /// The header that makes `bytes` bytes of frames a WAV of their own.
    pub fn header(&self, bytes: u64) -> Vec<u8> {
        let bytes = bytes.min(u32::MAX as u64 - 64) as u32;
        let mut h = Vec::with_capacity(20 + self.fmt.len());
        h.extend_from_slice(b"RIFF");
        h.extend_from_slice(&(4 + self.fmt.len() as u32 + 8 + bytes).to_le_bytes());
        h.extend_from_slice(b"WAVE");
        h.extend_from_slice(&self.fmt);
        if self.fmt.len() % 2 == 1 {
            // A chunk of odd size is padded; the size field keeps the odd number.
            h.push(0);
        }
        h.extend_from_slice(b"data");
        h.extend_from_slice(&bytes.to_le_bytes());
        h
    }

    /// The loudest sample of each whole frame in `bytes` (interleaved frames, as in the file),
    /// 0..1; for the waveform, read straight from the file without decoding it.
    pub fn frame_peaks(&self, bytes: &[u8]) -> Vec<f32> {
        let width = (self.bits as usize).div_ceil(8);
        let b = self.block as usize;
        let ch = self.channels as usize;
        if width == 0 || width * ch > b {
            return Vec::new();
        }
        bytes
            .chunks_exact(b)
            .map(|frame| {
                (0..ch)
                    .map(|c| sample(&frame[c * width..(c + 1) * width], self.format).abs())
                    .fold(0.0, f32::max)
            })
            .collect()
    }
}

/// One sample as -1..1.
fn sample(s: &[u8], format: u16) -> f32 {
    match (format, s.len()) {
        (3, 4) => f32::from_le_bytes([s[0], s[1], s[2], s[3]])
            .max(-1.0)
            .min(1.0),
        (3, 8) => {
            let v = f64::from_le_bytes(s.try_into().unwrap_or([0; 8]));
            v.max(-1.0).min(1.0) as f32
        }
        // 8-bit WAV is unsigned.
        (_, 1) => (s[0] as f32 - 128.0) / 128.0,
        (_, n) if (2..=4).contains(&n) => {
            let mut v = [0u8; 4];
            v[4 - n..].copy_from_slice(s);
            i32::from_le_bytes(v) as f32 / 2_147_483_648.0
        }
        _ => 0.0,
    }
}

/// A stretch of the song played by one source per stem: `from..to` seconds, all inside window
/// `window`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub from: f64,
    pub to: f64,
    pub window: u64,
}

impl Piece {
    pub fn len(&self) -> f64 {
        self.to - self.from
    }

    pub fn is_empty(&self) -> bool {
        self.len() <= 0.0
    }
}

const EPS: f64 = 1e-9;

pub fn window_of(at: f64) -> u64 {
    ((at.max(0.0) + EPS) / WINDOW_SECS).floor() as u64
}

/// What plays from `at`, and where playing goes on after it: up to the next window edge, the
/// loop's end (then back to its start) or the end of the song. None once the song is over.
pub fn next_piece(at: f64, duration: f64, looping: Option<(f64, f64)>) -> Option<(Piece, f64)> {
    let looping = looping.filter(|(a, b)| *b - *a > EPS && *a < duration);
    let at = match looping {
        Some((a, b)) if at >= b - EPS => a,
        _ => at,
    };
    let end = looping.map_or(duration, |(_, b)| b.min(duration));
    if at >= end - EPS {
        return None;
    }
    let window = window_of(at);
    let to = ((window + 1) as f64 * WINDOW_SECS).min(end);
    let after = match looping {
        Some((a, _)) if to >= end - EPS => a,
        _ => to,
    };
    Some((
        Piece {
            from: at,
            to,
            window,
        },
        after,
    ))
}

/// The distinct windows the next `pieces` pieces from `at` play, in order: what to have decoded
/// before it is needed.
pub fn upcoming(at: f64, duration: f64, looping: Option<(f64, f64)>, pieces: usize) -> Vec<u64> {
    let mut out = Vec::new();
    let mut at = at;
    for _ in 0..pieces {
        let Some((p, next)) = next_piece(at, duration, looping) else {
            break;
        };
        if !out.contains(&p.window) {
            out.push(p.window);
        }
        at = next;
    }
    out
}
