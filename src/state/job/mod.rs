//! The job: one folder for all of it. This file is a job this browser follows, what survives a
//! reload, and how the service's answers change it. Beside it:
//! - `phase.rs`, `note.rs`, `naming.rs`: where it is, what its card says, how it is named (pure)
//! - `saved.rs`: the saved list read entry by entry (what cannot be read is set aside), and
//!   recovery after a reload (pure)
//! - `queue.rs`: the batch queue's rules, how a job is sent, what to do after a failed create (pure)
//! - `polling.rs`: when to ask again, backoff, the request budget (pure)
//! - `link.rs`: a link job through get-remote (pure)
//! - `status_line.rs`: what its card says (pure)
//! - `tabs.rs`: which tab owns it, the merge of what tabs saved (pure but for the beat)
//! - `tracker/`: the effects: sending, following, saving (the only part that runs anything)

pub mod link;
mod naming;
pub mod note;
mod phase;
pub mod polling;
pub mod queue;
pub mod saved;
pub mod status_line;
pub mod tabs;
pub mod tracker;

use crate::api::models::{Input, Job, JobOptions, RemoteType, ResultFile, Status};
pub use naming::{hash_name, made_from, new_id, slug};
pub use note::{Note, Step};
pub use phase::Phase;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct JobResult {
    pub files: Vec<ResultFile>,
    pub input_url: Option<String>,
    pub output_format: Option<String>,
    pub date: Option<String>,
    pub algorithm: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TrackedJob {
    /// A local id (a job has no hash until the service accepts it).
    pub id: String,
    pub hash: Option<String>,
    /// A link job's short hash, followed through `get-remote` until the service names the real
    /// job (see `link`).
    #[serde(default)]
    pub remote_hash: Option<String>,
    pub file_name: String,
    pub file_bytes: f64,
    /// For jobs made from a link.
    pub source_url: Option<String>,
    /// What it sends besides its options: a song (a file or the link), nothing, or two files.
    #[serde(default)]
    pub input: Input,
    pub remote_type: Option<RemoteType>,
    pub algorithm: String,
    pub options: JobOptions,
    /// "Overlap: 87.5%", for showing what was asked.
    pub option_text: Vec<String>,
    /// A job stays on the host it was created on.
    pub api_base: String,
    pub phase: Phase,
    pub status: Option<Status>,
    /// The service's own name for a status this app does not know (shown by name).
    #[serde(default)]
    pub status_name: Option<String>,
    /// The server's words (failure reason, refusal) or the app's own note, put into words
    /// when shown (see `note`).
    #[serde(default)]
    pub note: Option<Note>,
    /// The last check of its state failed (`note` says why); it shows beside the last state.
    #[serde(default)]
    pub check_failed: bool,
    /// (position, of)
    pub queue: Option<(i64, i64)>,
    /// (finished, all)
    pub chunks: Option<(i64, i64)>,
    pub created_ms: f64,
    pub submitted_ms: Option<f64>,
    pub processing_since_ms: Option<f64>,
    pub cost: Option<u64>,
    pub duration_secs: Option<f64>,
    pub result: Option<JobResult>,
    pub long_names: bool,
    /// An upload of this job was cut off: the service may have received it even so.
    #[serde(default)]
    pub cut_off: bool,
    /// The tab that sends and polls this job (see `tabs`); none in jobs saved before tabs
    /// shared the list, which the next tab to read them takes over.
    #[serde(default)]
    pub owner: Option<String>,
    /// Automatic resends after a passing failure, and when the next may go.
    #[serde(default)]
    pub attempts: u32,
    #[serde(default)]
    pub retry_at_ms: Option<f64>,
    /// Picked up after a reload (or from a gone tab) while its files were still to send: it
    /// goes on by itself if this browser kept them (`browser::kept_files`), else asks for them.
    #[serde(default)]
    pub resume: bool,
    /// The saved format it was written in (see [`SCHEMA`]); 1 for entries saved before there was one.
    #[serde(default = "first_schema")]
    pub schema: u32,
    /// Fields this version does not know (a newer deploy's, from a tab opened after it), as
    /// (name, JSON text): written back as they are (`saved::encode`), so that this version's
    /// writes do not take them from that tab. (Not serde's `flatten`: its machinery costs the
    /// screens' chunks about 0.4 kB.)
    #[serde(skip)]
    pub unknown: Vec<(String, String)>,
}

/// The saved job's format. 2: the version written since saved jobs carry it; 3: the note as data
/// (`note`) instead of a text in the language it was written in (`message`). An entry of a newer
/// one (a tab of the next deploy) is shown and written back as it is, but left to a tab of its
/// version to send, poll and take over.
pub const SCHEMA: u32 = 3;

fn first_schema() -> u32 {
    1
}

impl TrackedJob {
    /// Saved by a newer version of the app than this one.
    pub fn is_newer(&self) -> bool {
        self.schema > SCHEMA
    }
    /// Its note in the current language.
    pub fn note_text(&self) -> Option<String> {
        self.note.as_ref().map(|n| n.text(&self.file_name))
    }
    /// Takes in the service's answer about this job; true when the job has just ended (done
    /// with its files, failed, or gone).
    pub fn take_answer(&mut self, job: &Job, now_ms: f64) -> bool {
        let d = &job.data;
        self.status = Some(job.status);
        self.status_name = Some(job.status_name.clone()).filter(|_| job.status == Status::Unknown);
        self.note = d
            .message
            .clone()
            .filter(|m| !m.is_empty())
            .map(Note::Service);
        self.check_failed = false;
        self.queue = match (d.current_order, d.queue_count) {
            (Some(o), Some(c)) if job.status == Status::Waiting => Some((o, c)),
            _ => None,
        };
        self.chunks = match (d.finished_chunks, d.all_chunks) {
            (Some(f), Some(a)) => Some((f, a)),
            _ => None,
        };
        let working = matches!(
            job.status,
            Status::Processing | Status::Distributing | Status::Merging
        );
        if working && self.processing_since_ms.is_none() {
            self.processing_since_ms = Some(now_ms);
        }
        if job.status == Status::Done {
            self.result = Some(JobResult {
                files: d.files.clone(),
                input_url: d.input_file.as_ref().map(|f| f.url.clone()),
                output_format: d.output_format.clone(),
                date: d.date.clone(),
                algorithm: d.algorithm.clone(),
            });
            if self.algorithm.is_empty() {
                self.algorithm = d.algorithm.clone().unwrap_or_default();
            }
        }
        if job.status == Status::NotFound {
            self.note = Some(Note::Gone);
        }
        if job.has_ended() && self.phase != Phase::Ended {
            self.phase = Phase::Ended;
            return true;
        }
        false
    }

    /// A job known only by its hash (a bookmark, a demo, the history), before any answer.
    pub fn from_hash(id: String, hash: &str, api_base: String, now_ms: f64) -> Self {
        let mut job = TrackedJob::new(
            id,
            hash_name(hash).to_string(),
            api_base,
            Phase::Submitted,
            now_ms,
        );
        job.hash = Some(hash.to_string());
        job
    }

    /// A job as it starts: nothing known from the service yet.
    pub fn new(id: String, file_name: String, api_base: String, phase: Phase, now_ms: f64) -> Self {
        Self {
            id,
            hash: None,
            remote_hash: None,
            file_name,
            file_bytes: 0.0,
            source_url: None,
            input: Input::Song,
            remote_type: None,
            algorithm: String::new(),
            options: JobOptions::default(),
            option_text: Vec::new(),
            api_base,
            phase,
            status: None,
            status_name: None,
            note: None,
            check_failed: false,
            queue: None,
            chunks: None,
            created_ms: now_ms,
            submitted_ms: None,
            processing_since_ms: None,
            cost: None,
            duration_secs: None,
            result: None,
            long_names: false,
            cut_off: false,
            owner: None,
            attempts: 0,
            retry_at_ms: None,
            resume: false,
            schema: SCHEMA,
            unknown: Vec::new(),
        }
    }

    /// The job has reached an end: nothing more to send or poll.
    pub fn is_final(&self) -> bool {
        matches!(self.phase, Phase::Ended | Phase::Refused)
    }
    pub fn needs_poll(&self) -> bool {
        self.phase == Phase::Submitted && self.is_sent()
    }
    /// `done` arrived but the files are not listed yet.
    pub fn is_finishing(&self) -> bool {
        self.status == Some(Status::Done) && self.result.as_ref().is_none_or(|r| r.files.is_empty())
    }
}

impl TrackedJob {
    /// Whether sending it needs files that only this tab holds (not a link, not a prompt).
    pub fn takes_files(&self) -> bool {
        self.source_url.is_none() && self.input != Input::Prompt
    }
    /// Whether `other` separated the same song, so their results can be compared by ear: the
    /// same link, or a file of the same name and size.
    pub fn same_input(&self, other: &TrackedJob) -> bool {
        if let (Some(a), Some(b)) = (&self.source_url, &other.source_url) {
            return a.trim() == b.trim();
        }
        self.file_name == other.file_name
            && self.file_bytes > 0.0
            && self.file_bytes == other.file_bytes
    }
}
