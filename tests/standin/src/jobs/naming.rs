//! How the stand-in names things as the service does: output formats, sizes, the file-name slug
//! in hashes, and the stems an algorithm writes.

use serde_json::Value;
use std::collections::HashMap;

use crate::audio::WavKind;

/// Output formats: (label the service reports, what the stand-in writes). mp3, flac and m4a are
/// substituted by WAV (see the README).
pub fn format_of(code: u8) -> (&'static str, WavKind) {
    match code {
        1 => ("wav (16 bit)", WavKind::Int16),
        2 => ("flac (16 bit)", WavKind::Int16),
        3 => ("m4a (aac)", WavKind::Int16),
        4 => ("wav (32 bit)", WavKind::Float32),
        5 => ("flac (24 bit)", WavKind::Int24),
        _ => ("mp3 (320 kbps)", WavKind::Int16),
    }
}

pub fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.2} MB", bytes as f64 / 1048576.0)
    } else {
        format!("{:.2} KB", bytes as f64 / 1024.0)
    }
}

pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "audio".into()
    } else {
        out.chars().take(60).collect()
    }
}

/// The stems an algorithm writes for the chosen options: (key, label).
pub fn stems_of(alg: &Value, chosen: &HashMap<String, String>) -> Vec<(String, String)> {
    let parse =
        |v: &Value| -> Option<Value> { v.as_str().and_then(|s| serde_json::from_str(s).ok()) };
    let pairs = |v: &Value| -> Vec<(String, String)> {
        v.as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, l)| (k.clone(), l.as_str().unwrap_or(k).to_string()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut stems: Vec<(String, String)> = parse(&alg["outputs"])
        .map(|v| pairs(&v))
        .unwrap_or_default();
    if stems.is_empty() {
        if let Some(Value::Array(keys)) = parse(&alg["output_stems"]) {
            stems = keys
                .iter()
                .filter_map(Value::as_str)
                .map(|k| (k.to_string(), title(k)))
                .collect();
        }
    }
    if stems.is_empty() {
        // Older lists: the stems are named in the algorithm's name, "Demucs4 HT (vocals, drums, bass, other)".
        let name = alg["name"].as_str().unwrap_or("");
        if let (Some(a), Some(b)) = (name.rfind('('), name.rfind(')')) {
            if a < b {
                stems = name[a + 1..b]
                    .split(',')
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty() && s.len() < 30)
                    .map(|s| (slug(s), title(s)))
                    .collect();
            }
        }
    }
    if stems.is_empty() {
        stems = vec![
            ("vocals".into(), "Vocals".into()),
            ("instrum".into(), "Instrumental".into()),
        ];
    }
    // Options that add or replace outputs.
    for f in alg["algorithm_fields"].as_array().into_iter().flatten() {
        let Some(chosen_key) = f["name"].as_str().and_then(|n| chosen.get(n)) else {
            continue;
        };
        let Some(ov) = parse(&f["output_overrides"]) else {
            continue;
        };
        let Some(rule) = ov.get(chosen_key) else {
            continue;
        };
        let outs = pairs(&rule["outputs"]);
        match rule["mode"].as_str() {
            Some("set") if !outs.is_empty() => stems = outs,
            Some("add") => stems.extend(outs),
            _ => {}
        }
    }
    stems
}

pub fn title(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub fn split_ext(name: &str) -> (String, String) {
    match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && e.len() <= 5 => (s.to_string(), e.to_ascii_lowercase()),
        _ => (name.to_string(), "mp3".into()),
    }
}

/// How a file's name appears in its hash: the slug of its stem and its extension.
pub fn hash_name(file_name: &str) -> String {
    let (stem, ext) = split_ext(file_name);
    format!("{}.{ext}", slug(&stem))
}

#[cfg(test)]
mod tests {
    /// The table the app's duplicate lookup runs too (tests/jobs.rs): one rule for both.
    #[test]
    fn names_in_hashes_follow_the_shared_table() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../fixtures/slug_cases.json")).unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() > 10);
        for c in cases {
            let (file, want) = (c[0].as_str().unwrap(), c[1].as_str().unwrap());
            assert_eq!(super::hash_name(file), want, "{file}");
        }
    }
}
