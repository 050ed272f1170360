//! The mixer's pure rules: gains from mute/solo/volume, presets, the loop, keys, and the files it
//! writes (WAV, ZIP, peaks).

use mvsep_web::mixer::model::keys::{action, KeyAction};
use mvsep_web::mixer::model::presets::{kind, presets, save, Kind, SavedMix, SavedMixes};
use mvsep_web::mixer::model::rules::{clock, LoopRange, MIN_DB};
use mvsep_web::mixer::model::zip::{directory, local_header, unique_names, Crc32, Entry};
use mvsep_web::mixer::model::{db_to_gain, peaks, wav, Mix};

fn labels(l: &[&str]) -> Vec<String> {
    l.iter().map(|s| s.to_string()).collect()
}

#[test]
fn mute_and_solo_decide_who_is_heard() {
    let mut m = Mix::new(4);
    assert!((0..4).all(|i| m.gain(i) == 1.0));
    m.toggle_mute(1);
    assert_eq!(m.gain(1), 0.0);
    m.toggle_solo(2, false);
    assert_eq!((m.gain(0), m.gain(2), m.gain(3)), (0.0, 1.0, 0.0));
    // A second solo adds to the set.
    m.toggle_solo(3, false);
    assert_eq!((m.gain(2), m.gain(3)), (1.0, 1.0));
    // A muted stem stays silent even when soloed.
    m.toggle_solo(1, false);
    assert_eq!(m.gain(1), 0.0);
    // An exclusive solo replaces the set; again on the only soloed stem clears it.
    m.toggle_solo(0, true);
    assert_eq!((m.gain(0), m.gain(2), m.gain(3)), (1.0, 0.0, 0.0));
    m.toggle_solo(0, true);
    assert!(m.stems.iter().all(|s| !s.solo));
    assert_eq!(m.gain(2), 1.0);
}

#[test]
fn volumes_are_in_db_and_the_bottom_is_silence() {
    assert_eq!(db_to_gain(0.0), 1.0);
    assert!((db_to_gain(-6.0) - 0.501).abs() < 0.001);
    assert!((db_to_gain(6.0) - 1.995).abs() < 0.001);
    assert_eq!(db_to_gain(MIN_DB), 0.0);
    let mut m = Mix::new(2);
    m.stems[0].db = -20.0;
    m.master_db = -6.0;
    assert!((m.gain(0) - 0.1).abs() < 1e-9);
    assert!((m.master_gain() - 0.501).abs() < 0.001);
}

#[test]
fn presets_follow_the_stems_there_are() {
    let four = labels(&["Vocals", "Drums", "Bass", "Other"]);
    let names: Vec<String> = presets(&four)
        .into_iter()
        .map(|p| p.name.to_string())
        .collect();
    assert_eq!(
        names,
        [
            "Karaoke",
            "Only vocals",
            "No drums",
            "No bass",
            "Only drums",
            "Only bass"
        ]
    );
    let karaoke = &presets(&four)[0];
    assert_eq!(karaoke.muted, vec![true, false, false, false]);
    // Two stems: no drums or bass to take out.
    let two = labels(&["Vocals", "Instrumental"]);
    let names: Vec<String> = presets(&two)
        .into_iter()
        .map(|p| p.name.to_string())
        .collect();
    assert_eq!(names, ["Karaoke", "Only vocals"]);
    // Every stem a vocal: nothing would be left for karaoke.
    let vox = labels(&["Vocals", "Vocals (fullness 1)"]);
    assert!(presets(&vox).is_empty());
    assert_eq!(kind("Instrumental (fullness 1)"), Kind::Other);
    assert_eq!(kind("Lead vocals"), Kind::Vocals);
    assert_eq!(kind("Kick"), Kind::Drums);
}

#[test]
fn a_preset_sets_mutes_and_clears_solo_but_keeps_volumes() {
    let mut m = Mix::new(3);
    m.stems[2].db = -3.0;
    m.toggle_solo(1, false);
    m.set_muted(&[true, false, false]);
    assert_eq!((m.gain(0), m.gain(1)), (0.0, 1.0));
    assert!(m.stems.iter().all(|s| !s.solo));
    assert_eq!(m.stems[2].db, -3.0);
}

#[test]
fn saved_mixes_apply_by_stem_name_and_replace_by_name() {
    let l = labels(&["Vocals", "Drums"]);
    let mut m = Mix::new(2);
    m.toggle_mute(0);
    m.stems[1].pan = 0.5;
    let saved = SavedMix::from_mix(" Practice ", &l, &m);
    assert_eq!(saved.name, "Practice");
    // Another result of the model, stems in another order and one more.
    let other = labels(&["Bass", "Drums", "Vocals"]);
    let applied = saved.to_mix(&other);
    assert_eq!(
        (
            applied.stems[0].mute,
            applied.stems[1].pan,
            applied.stems[2].mute
        ),
        (false, 0.5, true)
    );
    let mut all = SavedMixes::new();
    save(&mut all, "Demucs", saved.clone());
    save(
        &mut all,
        "Demucs",
        SavedMix::from_mix("Practice", &l, &Mix::new(2)),
    );
    assert_eq!(all["Demucs"].len(), 1);
    assert!(!all["Demucs"][0].stems["Vocals"].mute);
    // Survives storage as JSON, and a damaged field does not lose the rest.
    let text = serde_json::to_string(&all).unwrap();
    let back: SavedMixes = serde_json::from_str(&text).unwrap();
    assert_eq!(back, all);
}

#[test]
fn the_loop_runs_from_a_to_b() {
    let mut l = LoopRange::default();
    assert_eq!(l.active(), None);
    l.set_a(2.0);
    assert_eq!(l.active(), None);
    l.set_b(4.0);
    assert_eq!(l.active(), Some((2.0, 4.0)));
    // Playing from 3 s for 1.5 s passes B and comes back round to 2.5 s.
    assert!((l.position(3.0, 1.5) - 2.5).abs() < 1e-9);
    // From before A, it plays into the loop; from after B, it plays on.
    assert!((l.position(0.0, 1.0) - 1.0).abs() < 1e-9);
    assert!((l.position(5.0, 1.0) - 6.0).abs() < 1e-9);
    l.toggle();
    assert_eq!(l.active(), None);
    assert!((l.position(3.0, 1.5) - 4.5).abs() < 1e-9);
    l.toggle();
    // B before A swaps the ends; A past B drops B.
    l.set_b(1.0);
    assert_eq!(l.region(), Some((1.0, 2.0)));
    l.set_a(3.0);
    assert_eq!(l.region(), None);
    assert!(!l.on);
    // Too short a region does not loop.
    l.set_b(3.01);
    assert_eq!(l.active(), None);
}

#[test]
fn the_keys() {
    assert_eq!(
        action(" ", "Space", false, false),
        Some(KeyAction::PlayPause)
    );
    assert_eq!(
        action("3", "Digit3", false, false),
        Some(KeyAction::Mute(2))
    );
    assert_eq!(action("#", "Digit3", true, false), Some(KeyAction::Solo(2)));
    assert_eq!(
        action("#", "Digit3", true, true),
        Some(KeyAction::SoloOnly(2))
    );
    // 0 is no stem: it shows the whole song; + and - zoom; M marks; , and . jump.
    assert_eq!(
        action("0", "Digit0", false, false),
        Some(KeyAction::Zoom(None))
    );
    assert_eq!(
        action("+", "Equal", true, false),
        Some(KeyAction::Zoom(Some(2.0)))
    );
    assert_eq!(
        action("-", "Minus", false, false),
        Some(KeyAction::Zoom(Some(0.5)))
    );
    assert_eq!(action("m", "KeyM", false, false), Some(KeyAction::Mark));
    assert_eq!(
        action(",", "Comma", false, false),
        Some(KeyAction::Jump(false))
    );
    assert_eq!(
        action(".", "Period", false, false),
        Some(KeyAction::Jump(true))
    );
    assert_eq!(
        action("ArrowLeft", "ArrowLeft", false, false),
        Some(KeyAction::Seek(-5.0))
    );
    assert_eq!(action("L", "KeyL", true, false), Some(KeyAction::Loop));
    assert_eq!(action("?", "Slash", true, false), Some(KeyAction::Help));
    assert_eq!(action("x", "KeyX", false, false), Some(KeyAction::SwitchAb));
    assert_eq!(action("q", "KeyQ", false, false), None);
    assert_eq!(
        action("[", "BracketLeft", false, false),
        Some(KeyAction::Tempo(Some(-0.05)))
    );
    assert_eq!(
        action("]", "BracketRight", false, false),
        Some(KeyAction::Tempo(Some(0.05)))
    );
    assert_eq!(
        action("=", "Equal", false, false),
        Some(KeyAction::Tempo(None))
    );
    assert_eq!(
        action("{", "BracketLeft", true, false),
        Some(KeyAction::Transpose(-1.0))
    );
    assert_eq!(
        action("}", "BracketRight", true, false),
        Some(KeyAction::Transpose(1.0))
    );
    assert_eq!(clock(0.0), "0:00.0");
    assert_eq!(clock(125.37), "2:05.3");
}

#[test]
fn wav_header_and_samples() {
    let h = wav::header(2, 44100, 10);
    assert_eq!(h.len(), 44);
    assert_eq!(&h[0..4], b"RIFF");
    assert_eq!(u32::from_le_bytes(h[4..8].try_into().unwrap()), 36 + 40);
    assert_eq!(u32::from_le_bytes(h[24..28].try_into().unwrap()), 44100);
    assert_eq!(u32::from_le_bytes(h[40..44].try_into().unwrap()), 40);
    let mut out = Vec::new();
    wav::interleave(&[vec![0.5, -2.0], vec![1.0, 0.0]], &mut out);
    let s: Vec<i16> = out
        .chunks(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect();
    assert_eq!(s, vec![16384, 32767, -32767, 0]);
}

#[test]
fn peaks_keep_the_loudest_of_each_slice() {
    let mut p = peaks::Peaks::new(8, 4);
    p.push(&[0.1, -0.9, 0.2, 0.3], 0);
    p.push(&[0.5, 0.0, 0.0, -0.25], 0);
    p.push(&[0.0, 0.0, 0.7, 0.0], 4);
    assert_eq!(p.finish(), vec![0.9, 0.3, 0.0, 0.7]);
    let s = peaks::from_service(&[0.0, 50.0, -100.0], 6).unwrap();
    assert_eq!(s.len(), 6);
    assert_eq!(s[4], 1.0);
    assert!(peaks::from_service(&[], 6).is_none());
    assert!(peaks::svg_path(&[1.0, 0.0]).starts_with("M0.5 2.0V98.0"));
}

#[test]
fn crc32_matches_the_standard_check_value() {
    let mut c = Crc32::default();
    c.update(b"1234");
    c.update(b"56789");
    assert_eq!(c.finish(), 0xCBF4_3926);
}

#[test]
fn a_stored_zip_that_python_reads_byte_for_byte() {
    let files: Vec<(String, Vec<u8>)> = vec![
        ("song_vocals.wav".into(), b"RIFF vocals".to_vec()),
        ("песня_drums.wav".into(), vec![7u8; 70_000]),
    ];
    let mut zip = Vec::new();
    let mut entries = Vec::new();
    for (name, bytes) in &files {
        let mut c = Crc32::default();
        c.update(bytes);
        let e = Entry {
            name: name.clone(),
            crc: c.finish(),
            size: bytes.len() as u64,
        };
        zip.extend(local_header(&e));
        zip.extend(bytes);
        entries.push(e);
    }
    zip.extend(directory(&entries).unwrap());
    let path = std::env::temp_dir().join(format!("mvsep-mix-{}.zip", std::process::id()));
    std::fs::write(&path, &zip).unwrap();
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys,zipfile,hashlib\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist(): print(i.filename, i.compress_type, hashlib.sha256(z.read(i)).hexdigest())")
        .arg(&path)
        .output()
        .expect("python3 runs");
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("song_vocals.wav 0 "));
    assert!(lines[1].starts_with("песня_drums.wav 0 "));
}

#[test]
fn names_in_the_zip_are_distinct() {
    let n = unique_names(&labels(&["a.wav", "a.wav", "b/c.wav", "a.wav"]));
    assert_eq!(n, ["a.wav", "a (2).wav", "b_c.wav", "a (3).wav"]);
}

#[test]
fn sample_rates_from_the_first_bytes() {
    use mvsep_web::mixer::model::rate::sample_rate;
    let mut w = wav::header(2, 8000, 4);
    w.extend([0u8; 16]);
    assert_eq!(sample_rate(&w), Some(8000));
    // A WAV with a chunk before "fmt ".
    let mut odd = b"RIFF\0\0\0\0WAVEjunk\x03\0\0\0abc\0".to_vec();
    odd.extend_from_slice(&w[12..]);
    assert_eq!(sample_rate(&odd), Some(8000));
    let mut flac = b"fLaC\0\0\0\x22".to_vec();
    flac.extend([0u8; 10]);
    // 44100 Hz = 0x0AC44 in 20 bits.
    flac.extend([0x0A, 0xC4, 0x40, 0]);
    assert_eq!(sample_rate(&flac), Some(44100));
    // MPEG-1 layer III, 48 kHz, after an ID3 tag of 5 bytes.
    let mp3 = [
        b'I', b'D', b'3', 3, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5, 0xFF, 0xFB, 0x94, 0x64,
    ];
    assert_eq!(sample_rate(&mp3), Some(48000));
    assert_eq!(sample_rate(b"not audio at all"), None);
}

#[test]
fn fixed_decimals_without_the_float_printer() {
    use mvsep_web::mixer::model::rules::fixed;
    assert_eq!(fixed(1.25, 1), "1.3");
    assert_eq!(fixed(-0.04, 1), "0.0");
    assert_eq!(fixed(-3.5, 1), "-3.5");
    assert_eq!(fixed(0.01234, 4), "0.0123");
    assert_eq!(fixed(99.6, 0), "100");
    assert_eq!(fixed(12.0, 3), "12.000");
}

#[test]
fn service_peaks_are_read_loosely() {
    use serde_json::json;
    let p = peaks::from_json(&json!([0, "0.5", -1.0, "x"]), 3).unwrap();
    assert_eq!(p, vec![0.0, 0.5, 1.0]);
    // Pairs of min and max, as JSON text.
    let p = peaks::from_json(&json!("[[-0.2, 0.4], [-1, 0.5]]"), 2).unwrap();
    assert_eq!(p, vec![0.4, 1.0]);
    assert_eq!(
        peaks::from_json(&json!({"data": [1, 2]}), 2).unwrap(),
        vec![0.5, 1.0]
    );
    assert!(peaks::from_json(&json!("not peaks"), 4).is_none());
    assert!(peaks::from_json(&json!(null), 4).is_none());
    assert!(
        peaks::from_json(&json!([0, 0]), 4).is_none(),
        "silence has no outline to draw"
    );
}

#[test]
fn the_beat_grid_gives_beats_bars_and_snaps() {
    use mvsep_web::mixer::model::grid::BeatGrid;
    assert!(BeatGrid::new(f64::NAN, 0.0).is_none());
    assert!(BeatGrid::new(0.0, 0.0).is_none());
    let g = BeatGrid::new(120.0, 0.25).unwrap();
    assert_eq!(g.period(), 0.5);
    let beats = g.beats(0.0, 2.3);
    assert_eq!(
        beats,
        vec![
            (0.25, true),
            (0.75, false),
            (1.25, false),
            (1.75, false),
            (2.25, true)
        ]
    );
    // From the middle of the song: the bar count goes on from the first beat.
    assert_eq!(g.beats(2.25, 2.8), vec![(2.25, true), (2.75, false)]);
    assert!(g.beats(3.0, 3.0).is_empty());
    assert_eq!(g.snap(1.1), 1.25);
    assert_eq!(g.snap(0.9), 0.75);
    assert_eq!(g.snap(0.0), 0.25);
}

#[test]
fn the_lanes_time_axis_zooms_follows_and_marks() {
    use mvsep_web::mixer::model::timeline::*;
    // The whole song at 1; a tenth of it at 10, kept inside the song.
    assert_eq!(window(300.0, 1.0, 50.0), (0.0, 300.0));
    assert_eq!(window(300.0, 10.0, 50.0), (50.0, 80.0));
    assert_eq!(window(300.0, 10.0, 290.0), (270.0, 300.0));
    assert_eq!(pct(65.0, (50.0, 80.0)), 50.0);
    assert!(pct(10.0, (50.0, 80.0)) < 0.0);
    assert_eq!(time_at(300.0, 600.0, (50.0, 80.0)), 65.0);
    // 50 px a second at most: a 300-s song on 600 px zooms to 25.
    assert_eq!(max_factor(300.0, 600.0), 25.0);
    assert_eq!(max_factor(5.0, 600.0), 1.0);
    // Zooming keeps the anchor where it was on screen.
    let s = zoom_start(300.0, 20.0, 65.0, (50.0, 80.0));
    assert!((pct(65.0, window(300.0, 20.0, s)) - 50.0).abs() < 1e-9);
    // The playhead past the view pages on; inside it, nothing moves.
    assert_eq!(follow(60.0, (50.0, 80.0)), None);
    assert_eq!(follow(80.0, (50.0, 80.0)), Some(78.5));
    assert_eq!(follow(10.0, (50.0, 80.0)), Some(8.5));
    assert_eq!(tick_step(300.0, 8.0), 60.0);
    assert_eq!(tick_step(30.0, 8.0), 5.0);
    assert_eq!(tick_step(3.0, 8.0), 0.5);
    // Markers in time order; jumps go on past the one at the playhead.
    let mut m = Vec::new();
    assert_eq!(add_marker(&mut m, 30.0, "Chorus".into()), 0);
    assert_eq!(add_marker(&mut m, 10.0, "Verse".into()), 0);
    assert_eq!(add_marker(&mut m, 60.0, "Bridge".into()), 2);
    assert_eq!(next_marker(&m, 10.0, true).unwrap().name, "Chorus");
    assert_eq!(next_marker(&m, 30.0, false).unwrap().name, "Verse");
    assert_eq!(next_marker(&m, 30.1, false).unwrap().name, "Verse");
    assert!(next_marker(&m, 60.0, true).is_none());
    assert!(next_marker(&m, 5.0, false).is_none());
}
