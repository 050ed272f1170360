//! What a model takes and makes, beyond a song into stems: no song (`no_upload`: its options,
//! a prompt, make the audio), two songs (`matchering_upload`: a target mastered to a
//! reference's loudness), and text from a song (speech to text: subtitles and a transcript).

use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::Path;

use crate::form::{Form, Upload};
use crate::world::{refuse_fields, ResultFile};

/// What a model takes, by its `audio_widget` (a list without one takes songs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    Song,
    Prompt,
    Pair,
}

pub fn input_of(alg: &Value) -> Input {
    match alg["audio_widget"].as_str() {
        Some("no_upload") => Input::Prompt,
        Some("matchering_upload") => Input::Pair,
        _ => Input::Song,
    }
}

/// The models that write text (Whisper, Parakeet): "extract text" in their names.
pub fn writes_text(alg: &Value) -> bool {
    alg["name"]
        .as_str()
        .is_some_and(|n| n.to_ascii_lowercase().contains("extract text"))
}

/// The song the job works on: the upload, or a mastering job's target.
pub fn song(f: &Form, input: Input) -> Option<&Upload> {
    match input {
        Input::Song => f.file("audiofile").or(f.upload()),
        Input::Pair => f.file("target_audiofile"),
        Input::Prompt => None,
    }
}

/// A mastering job needs both of its files, as the service names them.
pub fn both_files(f: &Form) -> Result<(), Response> {
    let missing: Vec<(&str, &str)> = [
        (
            "target_audiofile",
            "The target audiofile field is required.",
        ),
        (
            "reference_audiofile",
            "The reference audiofile field is required.",
        ),
    ]
    .into_iter()
    .filter(|(name, _)| f.file(name).is_none_or(|u| u.bytes == 0))
    .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(refuse_fields(&missing))
    }
}

/// The fields of the model in their order (add_opt1, add_opt2 … add_opt10).
fn sorted_fields(alg: &Value) -> Vec<&Value> {
    let mut fields: Vec<&Value> = alg["algorithm_fields"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let number = |f: &Value| {
        f["name"]
            .as_str()
            .and_then(|n| n.trim_start_matches("add_opt").parse::<u32>().ok())
            .unwrap_or(u32::MAX)
    };
    fields.sort_by_key(|f| number(f));
    fields
}

/// A generated piece's name: the first line of its first written field (the prompt), as the app
/// names the job too; else the model's.
pub fn prompt_name(alg: &Value, chosen: &HashMap<String, String>) -> String {
    let prompt = sorted_fields(alg)
        .into_iter()
        .filter(|f| f["input_type"].as_str().unwrap_or("select") != "select")
        .find_map(|f| chosen.get(f["name"].as_str()?))
        .and_then(|p| p.lines().map(str::trim).find(|l| !l.is_empty()));
    let name = prompt.unwrap_or(alg["name"].as_str().unwrap_or("generated"));
    format!("{name}.wav")
}

/// A generated piece's length: its "Length" field, 1–60 s, else 10 s.
pub fn length_secs(alg: &Value, chosen: &HashMap<String, String>) -> f64 {
    sorted_fields(alg)
        .into_iter()
        .filter(|f| f["text"].as_str().is_some_and(|t| t.contains("Length")))
        .find_map(|f| chosen.get(f["name"].as_str()?)?.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite())
        .unwrap_or(10.0)
        .clamp(1.0, 60.0)
}

/// The gain that brings `target` to the loudness of `reference`.
pub fn matching_gain(target: &Path, reference: &Path) -> Result<f32, String> {
    let (t, r) = (
        crate::audio::loudness(target)?,
        crate::audio::loudness(reference)?,
    );
    Ok(if t > 1e-6 { (r / t).min(8.0) } else { 1.0 })
}

/// Writes what speech-to-text makes of a song of `secs`: subtitles (SRT, VTT), the text, and the
/// segments as JSON; one line every 2 s.
pub fn write_transcript(dir: &Path, song: &str, secs: f64) -> Result<Vec<ResultFile>, String> {
    let lines: Vec<(f64, f64, String)> = (0..((secs / 2.0).ceil() as usize).clamp(1, 500))
        .map(|i| {
            let start = i as f64 * 2.0;
            (
                start,
                (start + 2.0).min(secs.max(start + 0.5)),
                format!("Line {} of the song.", i + 1),
            )
        })
        .collect();
    let stamp = |t: f64, sep: char| {
        let ms = (t * 1000.0).round() as u64;
        format!(
            "{:02}:{:02}:{:02}{sep}{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    };
    let srt: String = lines
        .iter()
        .enumerate()
        .map(|(i, (a, b, text))| {
            format!(
                "{}\n{} --> {}\n{text}\n\n",
                i + 1,
                stamp(*a, ','),
                stamp(*b, ',')
            )
        })
        .collect();
    let vtt: String =
        std::iter::once("WEBVTT\n\n".to_string())
            .chain(lines.iter().map(|(a, b, text)| {
                format!("{} --> {}\n{text}\n\n", stamp(*a, '.'), stamp(*b, '.'))
            }))
            .collect();
    let txt: String = lines.iter().map(|(_, _, t)| format!("{t}\n")).collect();
    let segments: Vec<Value> = lines
        .iter()
        .map(|(a, b, t)| json!({"start": a, "end": b, "text": t}))
        .collect();
    let files = [
        ("Subtitles (SRT)", format!("{song}.srt"), srt),
        ("Subtitles (VTT)", format!("{song}.vtt"), vtt),
        ("Text", format!("{song}.txt"), txt),
        (
            "Segments (JSON)",
            format!("{song}.json"),
            json!({"segments": segments}).to_string(),
        ),
    ];
    files
        .into_iter()
        .map(|(label, file_name, text)| {
            std::fs::write(dir.join(&file_name), text).map_err(|e| e.to_string())?;
            Ok(ResultFile {
                label: label.into(),
                file_name,
            })
        })
        .collect()
}
