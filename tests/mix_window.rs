//! Windowed playback of long WAVs: reading a WAV's layout from its first bytes, cutting it into
//! windows that are WAVs of their own, the waveform read from the file, and the plan of pieces
//! (window edges, the loop, the end).

use mvsep_web::mixer::model::wav;
use mvsep_web::mixer::model::window::{layout, next_piece, upcoming, Piece, WINDOW_SECS};

/// A 16-bit stereo WAV of `frames` frames whose samples count up.
fn wav16(frames: u64, rate: u32) -> Vec<u8> {
    let mut f = wav::header(2, rate, frames);
    for i in 0..frames {
        let v = (i % 30000) as i16;
        f.extend_from_slice(&v.to_le_bytes());
        f.extend_from_slice(&(-v).to_le_bytes());
    }
    f
}

#[test]
fn a_wav_layout_is_read_from_its_head() {
    let f = wav16(1000, 44100);
    let l = layout(&f[..64.min(f.len())], f.len() as u64).expect("a WAV");
    assert_eq!(
        (l.rate, l.channels, l.block, l.bits, l.format),
        (44100, 2, 4, 16, 1)
    );
    assert_eq!((l.data_start, l.frames), (44, 1000));
    // Not a WAV, or a head that stops before the data: the mixer decodes the file whole.
    assert_eq!(layout(b"fLaC\0\0\0\x22", 100), None);
    assert_eq!(layout(&f[..30], f.len() as u64), None);
}

#[test]
fn other_chunks_extensible_headers_and_streamed_sizes_are_read() {
    // 24-bit, 2 channels, extensible with a float sub-format would be 3; here PCM (1).
    let mut fmt = Vec::new();
    fmt.extend_from_slice(b"fmt ");
    fmt.extend_from_slice(&40u32.to_le_bytes());
    fmt.extend_from_slice(&0xFFFEu16.to_le_bytes());
    fmt.extend_from_slice(&2u16.to_le_bytes());
    fmt.extend_from_slice(&48000u32.to_le_bytes());
    fmt.extend_from_slice(&(48000u32 * 6).to_le_bytes());
    fmt.extend_from_slice(&6u16.to_le_bytes());
    fmt.extend_from_slice(&24u16.to_le_bytes());
    fmt.extend_from_slice(&22u16.to_le_bytes());
    fmt.extend_from_slice(&24u16.to_le_bytes());
    fmt.extend_from_slice(&3u32.to_le_bytes());
    fmt.extend_from_slice(&1u16.to_le_bytes());
    fmt.extend_from_slice(&[0; 14]);
    let mut f = b"RIFF\0\0\0\0WAVE".to_vec();
    f.extend_from_slice(&fmt);
    f.extend_from_slice(b"LIST");
    f.extend_from_slice(&5u32.to_le_bytes());
    f.extend_from_slice(b"INFO\0\0"); // odd size, padded
    f.extend_from_slice(b"data");
    f.extend_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
    let start = f.len() as u64;
    f.extend_from_slice(&[0x00, 0x00, 0x80, 0xFF, 0xFF, 0x7F]); // -1.0 and almost 1.0
    f.extend_from_slice(&[0x00, 0x00, 0x00, 0x00, 0x00, 0x40]); // 0 and 0.5
    let l = layout(&f, f.len() as u64).expect("an extensible WAV");
    assert_eq!((l.rate, l.block, l.bits, l.format), (48000, 6, 24, 1));
    assert_eq!((l.data_start, l.frames), (start, 2));
    let p = l.frame_peaks(&f[start as usize..]);
    assert_eq!(p.len(), 2);
    assert!(
        (p[0] - 1.0).abs() < 1e-6 && (p[1] - 0.5).abs() < 1e-6,
        "{p:?}"
    );
}

#[test]
fn windows_are_wavs_of_their_own_and_cover_every_frame_once() {
    let rate = 8000;
    let frames = (WINDOW_SECS as u64) * rate as u64 * 2 + 1234;
    let f = wav16(frames, rate);
    let l = layout(&f[..44], f.len() as u64).unwrap();
    assert_eq!(l.windows(), 3);
    let mut seen = 0;
    let mut joined = Vec::new();
    for k in 0..l.windows() {
        let (a, b) = l.window_range(k).unwrap();
        let mut w = l.header(b - a);
        w.extend_from_slice(&f[a as usize..b as usize]);
        let wl = layout(&w, w.len() as u64).expect("a window is a WAV");
        assert_eq!((wl.rate, wl.channels, wl.bits), (rate, 2, 16));
        seen += wl.frames;
        joined.extend_from_slice(&w[wl.data_start as usize..]);
    }
    assert_eq!(l.window_range(3), None);
    assert_eq!(seen, frames);
    assert_eq!(
        joined,
        f[44..].to_vec(),
        "the windows, end to end, are the file's data"
    );
}

#[test]
fn the_waveform_is_read_from_the_samples() {
    let f = wav16(4, 44100);
    let l = layout(&f, f.len() as u64).unwrap();
    let p = l.frame_peaks(&f[44..]);
    let want: Vec<f32> = (0..4).map(|i| i as f32 / 32768.0).collect();
    assert_eq!(p, want);
}

fn plan(from: f64, duration: f64, looping: Option<(f64, f64)>, n: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = from;
    for _ in 0..n {
        match next_piece(at, duration, looping) {
            Some((p, next)) => {
                out.push(p);
                at = next;
            }
            None => break,
        }
    }
    out
}

fn spans(p: &[Piece]) -> Vec<(f64, f64, u64)> {
    p.iter()
        .map(|p| {
            (
                (p.from * 100.0).round() / 100.0,
                (p.to * 100.0).round() / 100.0,
                p.window,
            )
        })
        .collect()
}

#[test]
fn pieces_stop_at_window_edges_and_at_the_end() {
    let p = plan(3.2, 12.0, None, 10);
    assert_eq!(
        spans(&p),
        vec![(3.2, 5.0, 0), (5.0, 10.0, 1), (10.0, 12.0, 2)]
    );
    // Played back to back they are the song from 3.2 s on, with nothing left out.
    let total: f64 = p.iter().map(Piece::len).sum();
    assert!((total - 8.8).abs() < 1e-9);
    assert!(next_piece(12.0, 12.0, None).is_none());
    assert!(plan(0.0, 0.0, None, 3).is_empty());
}

#[test]
fn a_loop_across_a_window_edge_goes_round() {
    let p = plan(4.6, 12.0, Some((4.6, 5.3)), 5);
    assert_eq!(
        spans(&p),
        vec![
            (4.6, 5.0, 0),
            (5.0, 5.3, 1),
            (4.6, 5.0, 0),
            (5.0, 5.3, 1),
            (4.6, 5.0, 0)
        ]
    );
    // Coming in from before the loop plays on into it.
    assert_eq!(
        spans(&plan(4.0, 12.0, Some((4.6, 5.3)), 3)),
        vec![(4.0, 5.0, 0), (5.0, 5.3, 1), (4.6, 5.0, 0)]
    );
    // A loop past the song's end goes round at the end; one that starts after it is ignored.
    assert_eq!(
        spans(&plan(1.0, 2.0, Some((1.0, 9.0)), 2)),
        vec![(1.0, 2.0, 0), (1.0, 2.0, 0)]
    );
    assert_eq!(
        spans(&plan(1.0, 2.0, Some((3.0, 4.0)), 2)),
        vec![(1.0, 2.0, 0)]
    );
}

#[test]
fn the_windows_to_decode_next_are_those_the_plan_reaches() {
    assert_eq!(upcoming(3.0, 30.0, None, 3), vec![0, 1, 2]);
    assert_eq!(upcoming(9.0, 30.0, Some((9.0, 9.5)), 6), vec![1]);
    assert_eq!(upcoming(28.0, 30.0, None, 3), vec![5]);
}
