//! What the library holds, in localStorage: one entry per kept result. Read entry by entry: an
//! entry this version cannot read is counted and kept as it is, never dropped.

use crate::api::models::{ResultFile, Status};
use crate::state::job::{JobResult, TrackedJob};
use crate::state::storage;
use serde::{Deserialize, Serialize};

const KEY: &str = "mvsep.library";

/// A kept result: what its page draws (the service's addresses of its files included).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Kept {
    pub hash: String,
    pub file_name: String,
    /// The model asked for (the result names the one that ran).
    pub algorithm: String,
    pub option_text: Vec<String>,
    pub long_names: bool,
    pub result: JobResult,
    /// Each result file's size in bytes, in the result's order, then the input's when it was
    /// kept too (it is the file after the results).
    pub bytes: Vec<f64>,
    pub kept_ms: f64,
}

impl Kept {
    /// Job `j`'s result, whose files (and input, if kept) came to `bytes`; none before it has a
    /// hash and a result.
    pub fn of(j: &TrackedJob, bytes: Vec<f64>, now_ms: f64) -> Option<Kept> {
        Some(Kept {
            hash: j.hash.clone()?,
            file_name: j.file_name.clone(),
            algorithm: j.algorithm.clone(),
            option_text: j.option_text.clone(),
            long_names: j.long_names,
            result: j.result.clone()?,
            bytes,
            kept_ms: now_ms,
        })
    }
    /// The job as its page draws it: done, with the result as it was kept.
    pub fn job(&self, now_ms: f64) -> TrackedJob {
        let mut j = TrackedJob::from_hash(self.hash.clone(), &self.hash, String::new(), now_ms);
        j.file_name = self.file_name.clone();
        j.algorithm = self.algorithm.clone();
        j.option_text = self.option_text.clone();
        j.long_names = self.long_names;
        j.result = Some(self.result.clone());
        j.status = Some(Status::Done);
        j
    }
    pub fn model(&self) -> String {
        self.result
            .algorithm
            .clone()
            .unwrap_or(self.algorithm.clone())
    }
    pub fn total_bytes(&self) -> f64 {
        self.bytes.iter().sum()
    }
    pub fn files(&self) -> Vec<ResultFile> {
        self.result.files.clone()
    }
    /// The files at their kept addresses (which the service worker answers, offline too).
    pub fn kept_files(&self) -> Vec<ResultFile> {
        let mut files = self.files();
        for (i, f) in files.iter_mut().enumerate() {
            f.url = absolute(&kept_url(&self.hash, i));
        }
        files
    }
    /// The input's kept address, when it was kept.
    pub fn kept_input(&self) -> Option<String> {
        let n = self.result.files.len();
        (self.bytes.len() > n).then(|| absolute(&kept_url(&self.hash, n)))
    }
}

/// An address of this site in full: only http(s) addresses become media. (Off the browser, in
/// native tests, it stays relative.)
fn absolute(relative: &str) -> String {
    let base = cfg!(target_arch = "wasm32")
        .then(|| web_sys::window()?.document()?.base_uri().ok().flatten())
        .flatten()
        .unwrap_or_default();
    format!("{base}{relative}")
}

/// The key of file `n` of result `hash` in the library's store.
pub fn kept_key(hash: &str, n: usize) -> String {
    format!("{}/{n}", crate::api::request::encode(hash))
}

/// Where the service worker answers that file: an address of this site, under `<base href>`.
pub fn kept_url(hash: &str, n: usize) -> String {
    format!("kept/{}", kept_key(hash, n))
}

/// The kept results, newest first, and how many entries could not be read.
pub fn read() -> (Vec<Kept>, usize) {
    let (kept, unreadable) = entries();
    (kept, unreadable.len())
}

/// Whether the library may hold job `hash` (its text names it): the list is read, and its reader
/// fetched, only then.
pub fn mentions(hash: &str) -> bool {
    storage::get(KEY).is_some_and(|t| t.contains(hash))
}

/// The kept result of job `hash`.
pub fn find(hash: &str) -> Option<Kept> {
    entries().0.into_iter().find(|k| k.hash == hash)
}

fn entries() -> (Vec<Kept>, Vec<serde_json::Value>) {
    let all: Vec<serde_json::Value> = storage::get_json(KEY).unwrap_or_default();
    let (mut kept, mut unreadable) = (Vec::new(), Vec::new());
    for entry in all {
        match serde_json::from_value::<Kept>(entry.clone()) {
            Ok(k) => kept.push(k),
            Err(_) => unreadable.push(entry),
        }
    }
    kept.sort_by(|a, b| b.kept_ms.total_cmp(&a.kept_ms));
    (kept, unreadable)
}

fn write(kept: &[Kept], unreadable: &[serde_json::Value]) -> bool {
    let mut all: Vec<serde_json::Value> = kept
        .iter()
        .filter_map(|k| serde_json::to_value(k).ok())
        .collect();
    all.extend(unreadable.iter().cloned());
    storage::set_json(KEY, &all)
}

/// Lists `k` (in place of an older keeping of the same job); false when the browser refused.
pub fn add(k: Kept) -> bool {
    let (mut kept, unreadable) = entries();
    kept.retain(|x| x.hash != k.hash);
    kept.push(k);
    write(&kept, &unreadable)
}

/// Takes result `hash` off the list; `None` takes off everything, unreadable entries too.
pub fn remove(hash: Option<&str>) {
    match hash {
        Some(h) => {
            let (mut kept, unreadable) = entries();
            kept.retain(|x| x.hash != h);
            write(&kept, &unreadable);
        }
        None => storage::remove(KEY),
    }
}
