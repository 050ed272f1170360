//! The job state machine, as a pure function of elapsed time, so it is tested without a server.

use crate::config::Timing;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Waiting {
        current_order: u32,
        queue_count: u32,
    },
    Processing,
    Distributing {
        finished_chunks: u32,
        all_chunks: u32,
    },
    Merging,
    /// `done` before the file list is written.
    DoneEmpty,
    Done,
    Failed(String),
    Cancelled,
    Expired,
}

impl Phase {
    pub fn status(&self) -> &'static str {
        match self {
            Phase::Waiting { .. } => "waiting",
            Phase::Processing => "processing",
            Phase::Distributing { .. } => "distributing",
            Phase::Merging => "merging",
            Phase::DoneEmpty | Phase::Done => "done",
            Phase::Failed(_) | Phase::Cancelled => "failed",
            Phase::Expired => "not_found",
        }
    }
    /// Still occupies one of the account's parallel slots.
    pub fn is_running(&self) -> bool {
        matches!(
            self,
            Phase::Waiting { .. } | Phase::Processing | Phase::Distributing { .. } | Phase::Merging
        )
    }
}

/// What is known about a job besides the clock.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub queue_ahead: u32,
    /// Input length in seconds, when known.
    pub duration_secs: Option<f64>,
    /// Set once rendering finished: Ok (files written) or Err (reason).
    pub rendered: Option<Result<(), String>>,
    pub cancelled: bool,
    /// How long it processes, when a switch says other than the timing (`processing_ms`).
    pub processing: Option<Duration>,
}

fn steps(d: Duration, step: Duration) -> u32 {
    if step.is_zero() {
        u32::MAX
    } else {
        (d.as_secs_f64() / step.as_secs_f64()).floor() as u32
    }
}

pub fn all_chunks(t: &Timing, duration_secs: Option<f64>) -> u32 {
    match duration_secs {
        Some(d) if d > t.long_input_secs => (d / t.chunk_secs).ceil().max(2.0) as u32,
        _ => 0,
    }
}

/// The phase of a job `elapsed` after it was created.
pub fn phase(t: &Timing, f: &Facts, elapsed: Duration, expire: Duration) -> Phase {
    if elapsed >= expire {
        return Phase::Expired;
    }
    if f.cancelled {
        return Phase::Cancelled;
    }
    let wait = t.per_place * f.queue_ahead;
    if elapsed < wait {
        let moved = steps(elapsed, t.per_place).min(f.queue_ahead);
        let order = f.queue_ahead - moved + 1;
        // A couple of other people's jobs wait behind this one.
        return Phase::Waiting {
            current_order: order,
            queue_count: f.queue_ahead + 3,
        };
    }
    let mut at = elapsed - wait;
    let processing = f.processing.unwrap_or(t.processing);
    if at < processing {
        return Phase::Processing;
    }
    at -= processing;
    let chunks = all_chunks(t, f.duration_secs);
    if chunks > 0 {
        let distributing = t.per_chunk * chunks;
        if at < distributing {
            return Phase::Distributing {
                finished_chunks: steps(at, t.per_chunk),
                all_chunks: chunks,
            };
        }
        at -= distributing;
        if at < t.merging {
            return Phase::Merging;
        }
        at -= t.merging;
    }
    match &f.rendered {
        // Rendering is slower than the simulated clock: still processing.
        None => Phase::Processing,
        Some(Err(reason)) => Phase::Failed(reason.clone()),
        Some(Ok(())) if at < t.finishing => Phase::DoneEmpty,
        Some(Ok(())) => Phase::Done,
    }
}

/// Credits a job costs: max(1, floor(seconds × coefficient / 60)) × the options' multiplier.
pub fn credits(duration_secs: f64, price_coefficient: f64, multiplier: f64) -> i64 {
    let base = ((duration_secs * price_coefficient / 60.0).floor() as i64).max(1);
    ((base as f64) * multiplier).ceil() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn facts(duration: f64) -> Facts {
        Facts {
            queue_ahead: 2,
            duration_secs: Some(duration),
            rendered: Some(Ok(())),
            cancelled: false,
            processing: None,
        }
    }

    #[test]
    fn short_job_walks_every_phase_in_order() {
        let t = Timing::fast();
        let f = facts(30.0);
        let day = Duration::from_secs(86400);
        assert_eq!(
            phase(&t, &f, ms(0), day),
            Phase::Waiting {
                current_order: 3,
                queue_count: 5
            }
        );
        assert_eq!(
            phase(&t, &f, ms(800), day),
            Phase::Waiting {
                current_order: 2,
                queue_count: 5
            }
        );
        assert_eq!(phase(&t, &f, ms(1500), day), Phase::Processing);
        assert_eq!(phase(&t, &f, ms(2700), day), Phase::DoneEmpty);
        assert_eq!(phase(&t, &f, ms(3600), day), Phase::Done);
        assert_eq!(
            phase(&t, &f, Duration::from_secs(86400), day),
            Phase::Expired
        );
    }

    #[test]
    fn long_job_distributes_and_merges() {
        let t = Timing::fast();
        let f = facts(300.0);
        let day = Duration::from_secs(86400);
        assert_eq!(all_chunks(&t, Some(300.0)), 5);
        let start = 1400 + 1200;
        assert_eq!(
            phase(&t, &f, ms(start + 10), day),
            Phase::Distributing {
                finished_chunks: 0,
                all_chunks: 5
            }
        );
        assert_eq!(
            phase(&t, &f, ms(start + 1100), day),
            Phase::Distributing {
                finished_chunks: 2,
                all_chunks: 5
            }
        );
        assert_eq!(phase(&t, &f, ms(start + 2600), day), Phase::Merging);
        assert_eq!(phase(&t, &f, ms(start + 3200), day), Phase::DoneEmpty);
    }

    #[test]
    fn unrendered_stays_processing_and_failures_fail() {
        let t = Timing::fast();
        let day = Duration::from_secs(86400);
        let mut f = facts(10.0);
        f.rendered = None;
        assert_eq!(phase(&t, &f, ms(60_000), day), Phase::Processing);
        f.rendered = Some(Err("not audio".into()));
        assert_eq!(
            phase(&t, &f, ms(60_000), day),
            Phase::Failed("not audio".into())
        );
        f.cancelled = true;
        assert_eq!(phase(&t, &f, ms(100), day).status(), "failed");
        assert!(!Phase::Cancelled.is_running());
        assert!(Phase::Merging.is_running());
    }

    #[test]
    fn credit_formula() {
        assert_eq!(credits(10.0, 1.0, 1.0), 1);
        assert_eq!(credits(185.0, 1.0, 1.0), 3);
        assert_eq!(credits(185.0, 2.0, 1.0), 6);
        assert_eq!(credits(185.0, 1.0, 2.0), 6);
        assert_eq!(credits(185.0, 1.0, 1.5), 5);
    }
}
