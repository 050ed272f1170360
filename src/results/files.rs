//! File names, sizes, kinds and URL sources.

use crate::api::models::RemoteType;
use crate::i18n::{k, t};

/// Extensions the service accepts.
pub const AUDIO_EXTENSIONS: [&str; 9] = [
    "mp3", "wav", "flac", "ogg", "webm", "m4a", "mp4", "aac", "opus",
];

pub fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| e.len() <= 5)
}

/// The name without its extension.
pub fn stem_of(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && e.len() <= 5 => s,
        _ => name,
    }
}

/// The download name of a result: `<song>_<stem>.<ext>`, or the service's own name when long
/// file names are on.
pub fn result_name(
    song_file: &str,
    stem_label: &str,
    service_name: Option<&str>,
    url: &str,
    keep_service_name: bool,
) -> String {
    if keep_service_name {
        if let Some(n) = service_name.filter(|n| !n.is_empty()) {
            return n.to_string();
        }
    }
    let ext = service_name
        .and_then(extension)
        .or_else(|| extension(url.split('?').next().unwrap_or(url)))
        .unwrap_or_else(|| "wav".into());
    let stem: String = stem_label
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("{}_{}.{ext}", stem_of(song_file), stem.trim_matches('_'))
}

pub fn human_bytes(n: f64) -> String {
    const UNITS: [&str; 4] = [k("B"), k("kB"), k("MB"), k("GB")];
    let mut v = n;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!(
        "{} {}",
        crate::i18n::number(v, if i == 0 { 0 } else { 1 }),
        t(UNITS[i])
    )
}

pub use crate::i18n::fixed;

/// "3:07" for 187 seconds.
pub fn human_duration(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// Guesses `remote_type` from a link's host.
pub fn guess_remote(url: &str) -> RemoteType {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if host.ends_with("mega.nz") || host.ends_with("mega.io") || host.ends_with("mega.co.nz") {
        RemoteType::Mega
    } else if host.ends_with("drive.google.com") || host.ends_with("docs.google.com") {
        RemoteType::Drive
    } else if host.ends_with("dropbox.com") || host.ends_with("dropboxusercontent.com") {
        RemoteType::Dropbox
    } else {
        RemoteType::Direct
    }
}

/// Plan limits for uploads: (bytes, seconds).
pub fn plan_limits(premium: bool) -> (f64, f64) {
    if premium {
        (1000.0 * 1024.0 * 1024.0, 6000.0)
    } else {
        (100.0 * 1024.0 * 1024.0, 600.0)
    }
}

/// Why a file cannot be sent on this plan, if it cannot.
pub fn refusal(
    name: &str,
    bytes: f64,
    duration: Option<f64>,
    is_audio: Option<bool>,
    premium: bool,
) -> Option<String> {
    let (max_bytes, max_secs) = plan_limits(premium);
    match extension(name) {
        Some(e) if AUDIO_EXTENSIONS.contains(&e.as_str()) => {}
        _ if is_audio == Some(true) => {}
        _ => return Some(tr!("{name} is not an audio file the service accepts (mp3, wav, flac, ogg, webm, m4a, mp4, aac)", name = name)),
    }
    if is_audio == Some(false) {
        return Some(tr!("{name} could not be read as audio", name = name));
    }
    if bytes > max_bytes {
        let (size, max) = (human_bytes(bytes), human_bytes(max_bytes));
        return Some(if premium {
            tr!(
                "{size} is over the premium plan's {max} limit",
                size = size,
                max = max
            )
        } else {
            tr!(
                "{size} is over the free plan's {max} limit",
                size = size,
                max = max
            )
        });
    }
    if let Some(d) = duration {
        if d > max_secs {
            let (time, max) = (human_duration(d), crate::i18n::number(max_secs / 60.0, 0));
            return Some(if premium {
                tr!(
                    "{time} long, over the premium plan's {max} minutes",
                    time = time,
                    max = max
                )
            } else {
                tr!(
                    "{time} long, over the free plan's {max} minutes",
                    time = time,
                    max = max
                )
            });
        }
    }
    None
}
