//! A file's sample rate from its first bytes (WAV, FLAC, MP3), so the mixer decodes at the
//! file's own rate: no resampling, and no more memory than the file needs.

pub fn sample_rate(head: &[u8]) -> Option<u32> {
    wav(head).or_else(|| flac(head)).or_else(|| mp3(head))
}

fn u32_le(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn wav(b: &[u8]) -> Option<u32> {
    if !(b.starts_with(b"RIFF") || b.starts_with(b"RF64")) || b.get(8..12)? != b"WAVE" {
        return None;
    }
    let mut at = 12;
    while at + 8 <= b.len() {
        let size = u32_le(b, at + 4)? as usize;
        if &b[at..at + 4] == b"fmt " {
            return u32_le(b, at + 12).filter(|r| *r > 0);
        }
        at += 8 + size + (size & 1);
    }
    None
}

fn flac(b: &[u8]) -> Option<u32> {
    if !b.starts_with(b"fLaC") || b.len() < 21 {
        return None;
    }
    let r = ((b[18] as u32) << 12) | ((b[19] as u32) << 4) | ((b[20] as u32) >> 4);
    (r > 0).then_some(r)
}

fn mp3(b: &[u8]) -> Option<u32> {
    let mut at = 0;
    if b.starts_with(b"ID3") && b.len() >= 10 {
        let size = b[6..10]
            .iter()
            .fold(0usize, |n, x| (n << 7) | (*x as usize & 0x7f));
        at = 10 + size;
    }
    // The first frame header: 11 set sync bits, then version and rate index.
    let end = b.len().min(at + 4096);
    (at..end.saturating_sub(3))
        .find(|&i| b[i] == 0xFF && b[i + 1] & 0xE0 == 0xE0 && (b[i + 2] >> 2) & 3 != 3)
        .and_then(|i| {
            let base = [44100, 48000, 32000][((b[i + 2] >> 2) & 3) as usize];
            match (b[i + 1] >> 3) & 3 {
                3 => Some(base),
                2 => Some(base / 2),
                0 => Some(base / 4),
                _ => None,
            }
        })
}
