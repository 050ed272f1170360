//! Where a followed job is in this browser: queued, being sent, at the service, ended.

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
