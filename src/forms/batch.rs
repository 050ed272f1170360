//! The batch queue's decisions, as plain functions over the jobs' phases.

use serde::{Deserialize, Serialize};

/// Where one file of a batch is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Phase {
    /// Waiting for a free slot (the file is held in this tab only).
    Queued,
    /// Being sent; if the tab closes now, it comes back as `Interrupted`.
    Uploading,
    /// The upload did not finish (reload, crash, network): needs a retry.
    Interrupted,
    /// The service has it; polled until it ends.
    Submitted,
    /// Ended: done, failed or gone.
    Ended,
    /// The service refused it (not because of the parallel limit).
    Refused,
}

impl Phase {
    /// Occupies one of the plan's parallel slots.
    pub fn holds_slot(&self, job_final: bool) -> bool {
        match self {
            Phase::Uploading => true,
            Phase::Submitted => !job_final,
            _ => false,
        }
    }
}

/// The index of the next queued item to send, if a slot is free. `items` are (phase, whether
/// the job has reached a final state), oldest first.
pub fn next_to_send(items: &[(Phase, bool)], limit: usize) -> Option<usize> {
    let busy = items.iter().filter(|(p, f)| p.holds_slot(*f)).count();
    if busy >= limit.max(1) {
        return None;
    }
    items.iter().position(|(p, _)| *p == Phase::Queued)
}

/// Whether a refusal is the plan's parallel-job limit (the file goes back to the queue).
pub fn is_limit_refusal(message: &str) -> bool {
    let m = message.to_lowercase();
    (m.contains("same time")
        || m.contains("in process")
        || m.contains("parallel")
        || m.contains("simultaneous")
        || m.contains("already have"))
        && (m.contains("separation")
            || m.contains("job")
            || m.contains("task")
            || m.contains("file")
            || m.contains("process"))
}
