//! 16-bit PCM WAV, written block by block so a long mix is never held as floats and bytes at once.

/// The 44-byte header of a 16-bit PCM WAV with `frames` frames.
pub fn header(channels: u16, rate: u32, frames: u64) -> Vec<u8> {
    let block = channels as u32 * 2;
    let data = (frames * block as u64).min(u32::MAX as u64 - 36) as u32;
    let mut h = Vec::with_capacity(44);
    h.extend_from_slice(b"RIFF");
    h.extend_from_slice(&(36 + data).to_le_bytes());
    h.extend_from_slice(b"WAVEfmt ");
    h.extend_from_slice(&16u32.to_le_bytes());
    h.extend_from_slice(&1u16.to_le_bytes());
    h.extend_from_slice(&channels.to_le_bytes());
    h.extend_from_slice(&rate.to_le_bytes());
    h.extend_from_slice(&(rate * block).to_le_bytes());
    h.extend_from_slice(&(block as u16).to_le_bytes());
    h.extend_from_slice(&16u16.to_le_bytes());
    h.extend_from_slice(b"data");
    h.extend_from_slice(&data.to_le_bytes());
    h
}

/// Interleaves one block of per-channel samples into 16-bit little-endian frames (clipped).
pub fn interleave(channels: &[Vec<f32>], out: &mut Vec<u8>) {
    let frames = channels.iter().map(Vec::len).min().unwrap_or(0);
    out.clear();
    out.reserve(frames * channels.len() * 2);
    for i in 0..frames {
        for ch in channels {
            let v = (ch[i].max(-1.0).min(1.0) * 32767.0).round() as i16;
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
}

/// The largest mix a 16-bit WAV can hold, in frames (its sizes are 32-bit).
pub fn max_frames(channels: u16) -> u64 {
    (u32::MAX as u64 - 36) / (channels as u64 * 2)
}
