//! Fault switches: latency, 5xx HTML pages, dropped connections, malformed JSON, 429 with
//! Retry-After, and CORS on or off. Rates are deterministic (every 1/rate-th API call) so tests
//! that use them do not flake. The switches and the counting are here; `fault_layer.rs` applies
//! them to requests.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Faults {
    pub latency_ms: u64,
    /// Share of API calls answered 502 with an HTML page (0..1).
    pub error_rate: f64,
    /// Share of API calls whose connection is dropped mid-answer.
    pub drop_rate: f64,
    /// Share of API calls that are carried out, then whose answer is dropped (a job is created
    /// but the client never hears of it).
    pub drop_after_rate: f64,
    /// Share of API calls answered with truncated JSON.
    pub malformed_rate: f64,
    /// Share of API calls answered 429 with Retry-After.
    pub rate_limit_rate: f64,
    pub retry_after_secs: u32,
    /// Cross-origin headers on API answers.
    pub cors: bool,
    /// Put script payloads into news and algorithm descriptions.
    pub xss: bool,
    /// Places ahead in the simulated queue for new jobs (overrides --queue), so tests can hold
    /// a job in `waiting`.
    pub queue_ahead: Option<u32>,
    /// Result file URLs on another origin without CORS (`localhost` for `127.0.0.1` and back).
    pub foreign_files: bool,
    /// Result files carry `peaks` (a waveform), as one client says the service sends.
    pub peaks: bool,
    /// How long a new link job's `get-remote` answers "being downloaded" (default 1500 ms).
    pub link_wait_ms: Option<u64>,
    /// Separations a free account may make a day (default 50, as the service's 2026 queue says).
    pub free_daily: Option<u64>,
    /// How long new jobs process (default: the timing's), so a test can watch that state.
    pub processing_ms: Option<u64>,
    /// Answers in the other shapes the live service has been seen to use (`dialect.rs`).
    pub dialect: bool,
    /// Share of API calls held `slow_ms` before they are answered (latency spikes).
    pub slow_rate: f64,
    pub slow_ms: u64,
}

/// Counts calls per fault; a fault fires when the running share crosses the next whole number.
#[derive(Debug, Default)]
pub struct Counters {
    calls: u64,
}

fn fires(calls: u64, rate: f64) -> bool {
    if rate <= 0.0 {
        return false;
    }
    let rate = rate.min(1.0);
    ((calls as f64) * rate).floor() > (((calls - 1) as f64) * rate).floor()
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fault {
    None,
    Error,
    Drop,
    Malformed,
    RateLimited,
    DropAfter,
    Slow,
}

impl Counters {
    pub fn next(&mut self, f: &Faults) -> Fault {
        self.calls += 1;
        let n = self.calls;
        if fires(n, f.rate_limit_rate) {
            Fault::RateLimited
        } else if fires(n, f.error_rate) {
            Fault::Error
        } else if fires(n, f.drop_rate) {
            Fault::Drop
        } else if fires(n, f.malformed_rate) {
            Fault::Malformed
        } else if fires(n, f.drop_after_rate) {
            Fault::DropAfter
        } else if fires(n, f.slow_rate) {
            Fault::Slow
        } else {
            Fault::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_fire_deterministically() {
        let f = Faults {
            error_rate: 0.25,
            ..Default::default()
        };
        let mut c = Counters::default();
        let hits = (0..100).filter(|_| c.next(&f) == Fault::Error).count();
        assert_eq!(hits, 25);
        let mut c = Counters::default();
        let all = Faults {
            drop_rate: 1.0,
            ..Default::default()
        };
        assert!((0..5).all(|_| c.next(&all) == Fault::Drop));
        let mut c = Counters::default();
        assert!((0..50).all(|_| c.next(&Faults::default()) == Fault::None));
    }
}
