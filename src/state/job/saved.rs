//! The followed jobs, kept in localStorage so that a reload or a crash loses nothing: what was
//! uploading comes back as interrupted, what was submitted resumes polling, and an entry this
//! version cannot read is set aside, never dropped.

use crate::state::job::Phase;
use crate::state::job::{Note, TrackedJob, SCHEMA};
use crate::state::storage;

pub const KEY_JOBS: &str = "mvsep.jobs";
/// Saved entries this version cannot read (another version's format, a bad write): kept here,
/// never deleted by the app, so that nothing is lost silently.
pub const KEY_UNREADABLE: &str = "mvsep.jobs.unreadable";

/// What was saved, if anything: a first visit has nothing, and then the code that reads it is
/// never fetched (see the tracker).
pub fn saved_text() -> Option<String> {
    storage::get(KEY_JOBS).filter(|t| !matches!(t.trim(), "" | "[]"))
}

/// The saved jobs read entry by entry, and the entries that could not be read, as their text.
/// Jobs of a tab that is gone are recovered when taken over (`tabs::merge_tabs`).
pub fn decode(text: &str) -> (Vec<TrackedJob>, Vec<String>) {
    let Ok(entries) = serde_json::from_str::<Vec<serde_json::Value>>(text) else {
        return (Vec::new(), vec![text.to_string()]);
    };
    let mut jobs = Vec::new();
    let mut unreadable = Vec::new();
    for entry in entries {
        let text = entry.to_string();
        match serde_json::from_str::<TrackedJob>(&text) {
            Ok(mut j) => {
                j.unknown = unknown_fields(&entry, &j);
                migrate(&mut j, &entry);
                jobs.push(j)
            }
            Err(_) => unreadable.push(text),
        }
    }
    (jobs, unreadable)
}

/// The fields of `entry` that `job` does not write, as (name, JSON text).
fn unknown_fields(entry: &serde_json::Value, job: &TrackedJob) -> Vec<(String, String)> {
    let known = serde_json::to_value(job).unwrap_or_default();
    // Before schema 3 the note was `message`: read by `migrate`, not written back.
    let old = job.schema < 3;
    entry
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| known.get(k.as_str()).is_none() && !(old && k.as_str() == "message"))
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect()
}

/// The saved list's text: each job with the fields of a newer version it came with.
pub fn encode(jobs: &[TrackedJob]) -> String {
    let entries: Vec<serde_json::Value> = jobs
        .iter()
        .map(|j| {
            let mut v = serde_json::to_value(j).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                for (k, text) in &j.unknown {
                    o.insert(k.clone(), serde_json::from_str(text).unwrap_or_default());
                }
            }
            v
        })
        .collect();
    serde_json::to_string(&entries).unwrap_or_default()
}

/// Brings an entry of an older format up to this one ([`SCHEMA`]). From 1 (before entries carried
/// their version): every field added since reads with its default. From 1 and 2: the note was
/// saved as text (`message`), in the language of its day; it is kept as the service's words,
/// shown as they are.
fn migrate(j: &mut TrackedJob, entry: &serde_json::Value) {
    if j.schema < 3 && j.note.is_none() {
        j.note = entry
            .get("message")
            .and_then(|m| m.as_str())
            .map(|m| Note::Service(m.to_string()));
    }
    if j.schema < SCHEMA {
        j.schema = SCHEMA;
    }
}

/// Adds entries to those set aside (each once).
pub fn set_aside(entries: &[String]) {
    storage::add_to_list(KEY_UNREADABLE, entries, usize::MAX);
}

/// The entries set aside because they could not be read.
pub fn set_aside_entries() -> Vec<String> {
    storage::get_list(KEY_UNREADABLE)
}

/// A job as it must look after a reload (or when its tab is gone): what was uploading or queued
/// with its files comes back as interrupted and marked to resume (it goes on by itself if this
/// browser kept its files, else asks for them); what was submitted resumes polling.
pub fn recover(j: &mut TrackedJob) {
    match j.phase {
        Phase::Uploading => {
            j.phase = Phase::Interrupted;
            j.cut_off = true;
            j.resume = j.takes_files();
            j.note = Some(Note::CutOffByReload);
        }
        Phase::Queued if j.takes_files() => {
            j.phase = Phase::Interrupted;
            j.resume = true;
            j.note = Some(Note::QueuedAtClose);
        }
        _ => {}
    }
}

/// The service keeps results about 72 hours: a finished job older than that has nothing left to
/// fetch, and is the first to go when the storage is full.
pub const EXPIRES_AFTER_MS: f64 = 72.0 * 3_600_000.0;

/// `jobs` without the finished ones past the service's expiry.
pub fn without_expired(jobs: &[TrackedJob], now_ms: f64) -> Vec<TrackedJob> {
    jobs.iter()
        .filter(|j| !(j.is_final() && now_ms - j.created_ms > EXPIRES_AFTER_MS))
        .cloned()
        .collect()
}

pub fn save(jobs: &[TrackedJob]) -> bool {
    storage::set(KEY_JOBS, &encode(jobs))
}
