//! Text results (speech to text): what kind of text a file holds, and subtitles (SRT, WebVTT)
//! read into timed lines.

use crate::logic::files::extension;

/// How a result file is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Timed lines (SRT, VTT).
    Subtitles,
    /// As text (a transcript, JSON).
    Text,
    /// A plain download (MIDI, archives, anything not known).
    Download,
    /// Audio: played and mixed.
    Audio,
}

/// By the extension of its name (the service's `download`, else the address); a file without
/// one is audio, as every service result was before text results came.
pub fn shown_as(name: &str) -> Shown {
    match extension(name.split(['?', '#']).next().unwrap_or(name)).as_deref() {
        Some("srt" | "vtt") => Shown::Subtitles,
        Some("txt" | "json" | "lrc" | "csv") => Shown::Text,
        None => Shown::Audio,
        Some(e) if crate::logic::files::AUDIO_EXTENSIONS.contains(&e) => Shown::Audio,
        Some("aiff" | "aif" | "m4b" | "wma") => Shown::Audio,
        Some(_) => Shown::Download,
    }
}

/// One subtitle: from, to (seconds) and its text (lines joined with newlines).
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub start: f64,
    pub end: f64,
    pub text: String,
}

/// `00:01:02,500`, `01:02.500` or `62.5` as seconds.
fn seconds(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    let mut total = 0.0;
    for part in s.split(':') {
        total = total * 60.0 + part.parse::<f64>().ok()?;
    }
    Some(total)
}

/// The cues of an SRT or WebVTT text, in order; blocks that carry no time line are skipped
/// (the VTT header, notes, styles).
pub fn cues(text: &str) -> Vec<Cue> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .filter_map(|block| {
            let mut lines = block.lines().skip_while(|l| !l.contains("-->"));
            let times = lines.next()?;
            let (a, b) = times.split_once("-->")?;
            // VTT puts settings after the end time ("00:05.000 align:start").
            let b = b.split_whitespace().next()?;
            let text: Vec<&str> = lines.map(str::trim_end).filter(|l| !l.is_empty()).collect();
            Some(Cue {
                start: seconds(a)?,
                end: seconds(b)?,
                text: text.join("\n"),
            })
        })
        .collect()
}

/// A cue's start as a person reads it: `1:02` or `1:02:03`.
pub fn clock(secs: f64) -> String {
    let s = secs.max(0.0) as u64;
    match s / 3600 {
        0 => format!("{}:{:02}", s / 60, s % 60),
        h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
    }
}
