//! What this tab knows of each job and a reload loses, beside the stored job (what survives):
//! its file until sent, the upload in flight, and when and how often it was asked about.

use super::IdMap;
use crate::api::{Cancel, UploadHandle};

/// One job's part of this tab. Upload progress is apart (`Tracker::progress`): views follow it,
/// and a signal over this record would redraw them at every change of a timer.
#[derive(Default)]
pub struct Local {
    /// The files to send (the song, or a target and its reference), until the service has them.
    pub files: Vec<web_sys::File>,
    /// `files` are kept in IndexedDB too (or were refused there), for a reload.
    pub kept: bool,
    pub upload: Option<UploadHandle>,
    /// The history lookup before a cut-off upload is sent again, while it runs.
    pub lookup: Option<Cancel>,
    /// Not asked about before this time (ms of the tab's monotonic clock).
    pub next_poll: f64,
    /// `next_poll` is the service's own `Retry-After`, which the tab's return keeps.
    pub told_to_wait: bool,
    /// A question about it is under way.
    pub in_flight: bool,
    /// Questions that failed in a row.
    pub failures: u32,
    /// The person asked to check it again after polling had stopped (past the expiry too).
    pub asked_again: bool,
    /// When it was asked about lately, for the per-job request budget.
    pub recent: Vec<f64>,
}

/// The tab's side of every job, and what concerns them all.
#[derive(Default)]
pub struct TabState {
    pub jobs: IdMap<Local>,
    /// Request times over all jobs, for the overall budget.
    pub recent: Vec<f64>,
    /// No new upload before this time (after a parallel-limit refusal; monotonic ms).
    pub hold_uploads_until: f64,
    /// How many jobs the service let run at once when it last refused one for its limit, and
    /// whether premium was on then (a limit met on the free plan says nothing of premium's).
    pub learned_limit: Option<(bool, usize)>,
    /// A step of the engine is already asked for (see `Tracker::wake`).
    pub woken: bool,
}

impl TabState {
    /// `f` of `id`'s record, made empty if there was none.
    pub fn of<R>(&mut self, id: &str, f: impl FnOnce(&mut Local) -> R) -> R {
        f(self.jobs.entry_or_default(id.to_string()))
    }
    /// Whether `id`'s file is still held here.
    pub fn has_file(&self, id: &str) -> bool {
        self.jobs.get(id).is_some_and(|l| !l.files.is_empty())
    }
}
