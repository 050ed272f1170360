//! How a job is named: a local id, and the file's name as the service writes it in a job hash
//! (so that a cut-off upload can be found in the history by its file).

/// The part of a job hash made from the file's name: `20240205144711-c46e6a674c-my-song.mp3`
/// → `my-song.mp3`.
pub fn hash_name(hash: &str) -> &str {
    hash.splitn(3, '-').nth(2).unwrap_or(hash)
}

/// How a file's name appears in its job hash, as the service writes it (the stand-in too: both
/// run the table in `tests/fixtures/slug_cases.json`): the stem in lower-case ASCII letters and
/// digits, other runs as one `-` (at most 60; "audio" when nothing is left), then the extension
/// (up to 5 characters, else "mp3").
pub fn slug(file_name: &str) -> String {
    let (stem, ext) = match file_name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && e.len() <= 5 => (s, e.to_ascii_lowercase()),
        _ => (file_name, "mp3".to_string()),
    };
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let stem: String = if out.is_empty() {
        "audio".into()
    } else {
        out.chars().take(60).collect()
    };
    format!("{stem}.{ext}")
}

/// Whether `hash` was made from a file named `file_name`: its name in the hash, or that name
/// with a number the service adds to tell uploads of one name apart ("song-2.mp3").
pub fn made_from(hash: &str, file_name: &str) -> bool {
    let (got, want) = (hash_name(hash), slug(file_name));
    if got == want {
        return true;
    }
    let (Some((got_stem, got_ext)), Some((stem, ext))) =
        (got.rsplit_once('.'), want.rsplit_once('.'))
    else {
        return false;
    };
    got_ext == ext
        && got_stem
            .strip_prefix(stem)
            .and_then(|n| n.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A fresh local id.
pub fn new_id(now_ms: f64, unit: f64) -> String {
    format!("{:x}-{:06x}", now_ms as u64, (unit * 16_777_215.0) as u64)
}
