//! The batch queue's decisions, as plain functions over the jobs' phases.

use crate::api::models::Input;
use crate::api::{endpoints, ApiError};
use crate::state::job::{Phase, TrackedJob};

/// Uploads in flight at once, whatever the plan: they share the connection, so more would only
/// slow each of them. (Separate says "three" in words.)
pub const UPLOADS_AT_ONCE: usize = 3;

/// The index of the next queued item to send, if a slot is free. `items` are (phase, whether
/// the job has reached a final state), oldest first; `limit` is how many may run at once, if
/// one is known.
pub fn next_to_send(items: &[(Phase, bool)], limit: Option<usize>) -> Option<usize> {
    let busy = items.iter().filter(|(p, f)| p.holds_slot(*f)).count();
    let uploading = items.iter().filter(|(p, _)| *p == Phase::Uploading).count();
    if limit.is_some_and(|l| busy >= l.max(1)) || uploading >= UPLOADS_AT_ONCE {
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

/// Automatic resends of a create that failed for a passing reason, before the person is asked.
pub const AUTO_RETRIES: u32 = 6;

/// What to do after a create failed (the plan's limit and a cancel are handled before).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AfterFailure {
    /// Send again after `wait_ms`; `may_exist`: the service may have made the job, so it is
    /// looked for in the history first.
    Retry { wait_ms: u64, may_exist: bool },
    /// Stop and ask the person, with the facts: the retries are used up, or the job may exist
    /// and this browser cannot check (no token for the history).
    Ask { may_exist: bool },
    /// The service said no; sending again would change nothing.
    Refused,
}

/// The rule for a failed create after `attempts` automatic resends. A 5xx page, a dropped
/// connection, a body that is cut off or not the expected shape: the outcome is unknown. A 429
/// was not carried out.
pub fn after_failure(e: &ApiError, attempts: u32, can_check: bool, unit: f64) -> AfterFailure {
    let unknown =
        e.is_transient() || matches!(e, ApiError::NotJson { .. } | ApiError::Decode { .. });
    if !unknown {
        return AfterFailure::Refused;
    }
    let may_exist = !matches!(e, ApiError::RateLimited { .. });
    if (may_exist && !can_check) || attempts >= AUTO_RETRIES {
        return AfterFailure::Ask { may_exist };
    }
    AfterFailure::Retry {
        wait_ms: crate::state::job::polling::backoff_ms(attempts, unit, e.retry_after()),
        may_exist,
    }
}

/// How a job goes to the service, decided from what is known of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Sending {
    /// A cut-off upload whose address may not get the token: nothing can be looked up or sent.
    CannotLook(ApiError),
    /// A cut-off upload: looked for in the history first, so one file never becomes two jobs.
    Look,
    /// A link the service fetches.
    Link,
    /// Only the options (a model that takes no song).
    Options,
    /// The files this tab holds, as these parts.
    Files(&'static [&'static str]),
    /// The files are not here any more: the person is asked for them.
    NeedsFiles,
}

/// How `job` goes: `token` is whether a token may go to its address (or why not), `held` how
/// many of its files this tab holds.
pub fn sending(job: &TrackedJob, token: Result<bool, ApiError>, held: usize) -> Sending {
    let has_token = match token {
        Ok(has) => has,
        Err(e) => return Sending::CannotLook(e),
    };
    if job.cut_off && has_token {
        return Sending::Look;
    }
    if job.source_url.is_some() {
        return Sending::Link;
    }
    let parts = match job.input {
        Input::Prompt => return Sending::Options,
        Input::Pair => endpoints::TARGET_AND_REFERENCE,
        Input::Song => endpoints::SONG,
    };
    if held == parts.len() {
        Sending::Files(parts)
    } else {
        Sending::NeedsFiles
    }
}
