//! Text results (speech to text): what kind of text a file holds, and subtitles (SRT, WebVTT)
//! read into timed lines.

use crate::results::files::extension;
use crate::text::{lines, pieces};

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
    let end = name.bytes().position(|b| b == b'?' || b == b'#');
    match extension(&name[..end.unwrap_or(name.len())]).as_deref() {
        Some("srt" | "vtt") => Shown::Subtitles,
        Some("txt" | "json" | "lrc" | "csv") => Shown::Text,
        None => Shown::Audio,
        Some(e) if crate::results::files::AUDIO_EXTENSIONS.contains(&e) => Shown::Audio,
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
    let mut total = 0.0;
    for part in pieces(s.trim(), b':') {
        let part: String = part
            .chars()
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        total = total * 60.0 + part.parse::<f64>().ok()?;
    }
    Some(total)
}

/// The cues of an SRT or WebVTT text, in order. A cue is a time line and the lines after it up
/// to a blank one; what comes outside cues (the VTT header, notes, cue numbers) is skipped.
pub fn cues(text: &str) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut current: Option<Cue> = None;
    for line in lines(text).map(str::trim_end) {
        if line.is_empty() {
            out.extend(current.take());
        } else if let Some((a, b)) = line.split_once("-->") {
            out.extend(current.take());
            // VTT puts settings after the end time ("00:05.000 align:start").
            let b = b.split_whitespace().next().unwrap_or("");
            current = match (seconds(a), seconds(b)) {
                (Some(start), Some(end)) => Some(Cue {
                    start,
                    end,
                    text: String::new(),
                }),
                _ => None,
            };
        } else if let Some(c) = &mut current {
            if !c.text.is_empty() {
                c.text.push('\n');
            }
            c.text.push_str(line);
        }
    }
    out.extend(current);
    out
}

/// A cue's start as a person reads it: `1:02` or `1:02:03`.
pub fn clock(secs: f64) -> String {
    let s = secs.max(0.0) as u64;
    match s / 3600 {
        0 => format!("{}:{:02}", s / 60, s % 60),
        h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
    }
}
