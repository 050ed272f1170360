//! When to ask about a job again, within the request budget.

use crate::api::models::Status;

/// Per job: at most 12 requests a minute; overall: at most 20.
pub const PER_JOB_PER_MINUTE: usize = 12;
pub const OVERALL_PER_MINUTE: usize = 20;

/// Milliseconds until the next poll of a job in `status`, `ahead` places from the front.
/// About 2 s per place ahead, between 5 and 30 s; 5 s while the job is being worked on.
pub fn interval_ms(status: Status, ahead: Option<i64>) -> u64 {
    match status {
        Status::Waiting => {
            let places = ahead.unwrap_or(1).max(0) as u64;
            (places * 2000).clamp(5000, 30_000)
        }
        Status::Processing | Status::Distributing | Status::Merging | Status::Done => 5000,
        _ => 5000,
    }
}

/// Full-jitter exponential backoff after `failures` errors in a row: a random wait between 0 and
/// min(cap, base × 2^failures); `unit` is a random number in [0, 1). Never below 5 s (the per-job
/// budget), and a server's `Retry-After` wins when longer.
pub fn backoff_ms(failures: u32, unit: f64, retry_after_secs: Option<u32>) -> u64 {
    let ceiling = (5000u64 << failures.min(6)).min(120_000);
    let wait = ((ceiling as f64) * unit.max(0.0).min(1.0)) as u64;
    let wait = wait.max(5000);
    match retry_after_secs {
        Some(s) => wait.max(u64::from(s) * 1000),
        None => wait,
    }
}

/// Failed checks of a job in a row after which it is no longer polled (the card offers "Check
/// again"): with the backoff above, a quarter of an hour or so of a service that does not answer.
pub const GIVE_UP_AFTER: u32 = 10;

/// Whether a job sent at `sent_ms` (wall-clock ms) is past what the service keeps (its results
/// go after about 72 hours): it is then no longer asked about by itself, since a service that
/// kept answering "waiting" would have it polled for ever.
pub fn past_expiry(sent_ms: f64, now_ms: f64) -> bool {
    now_ms - sent_ms > crate::state::job::saved::EXPIRES_AFTER_MS
}

/// Whether another request fits the budget, given the times (ms) of recent ones.
pub fn within_budget(now_ms: f64, recent: &[f64], limit: usize) -> bool {
    recent.iter().filter(|t| now_ms - **t < 60_000.0).count() < limit
}

/// Drops entries older than a minute.
pub fn prune(now_ms: f64, recent: &mut Vec<f64>) {
    recent.retain(|t| now_ms - *t < 60_000.0);
}
