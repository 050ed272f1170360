//! Settings from flags or environment variables (flags win). See the README for the list.

use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    pub port: u16,
    pub data_dir: PathBuf,
    /// Serve this folder (the app's dist/) at `/`, falling back to index.html for deep links.
    pub static_dir: Option<PathBuf>,
    /// Which recorded algorithms list to serve: "2026" (the full 117), "sample" (6 of them) or
    /// "2024" (38); the models of the other input kinds are added to each.
    pub algorithms: String,
    pub timing: Timing,
    pub free_upload_mb: u64,
    pub premium_upload_mb: u64,
    pub free_max_secs: f64,
    pub premium_max_secs: f64,
    /// Results are deleted this long after creation.
    pub expire: Duration,
    pub faults: crate::faults::Faults,
}

/// How long each phase of a job lasts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    /// Places ahead in the simulated queue when a job arrives.
    pub queue_ahead: u32,
    pub per_place: Duration,
    pub processing: Duration,
    /// Inputs longer than this are split into chunks (distributing, merging).
    pub long_input_secs: f64,
    pub chunk_secs: f64,
    pub per_chunk: Duration,
    pub merging: Duration,
    /// `done` with `files: []` before the files show.
    pub finishing: Duration,
}

impl Timing {
    pub fn fast() -> Self {
        Self {
            queue_ahead: 2,
            per_place: Duration::from_millis(700),
            processing: Duration::from_millis(1200),
            long_input_secs: 120.0,
            chunk_secs: 60.0,
            per_chunk: Duration::from_millis(500),
            merging: Duration::from_millis(600),
            finishing: Duration::from_millis(800),
        }
    }
    /// Scales every duration (demo mode looks real at 5-10x).
    pub fn scaled(self, f: f64) -> Self {
        let s = |d: Duration| d.mul_f64(f);
        Self {
            per_place: s(self.per_place),
            processing: s(self.processing),
            per_chunk: s(self.per_chunk),
            merging: s(self.merging),
            finishing: s(self.finishing),
            ..self
        }
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Config {
    pub fn from_args(args: &[String]) -> Result<Self, String> {
        let get = |flag: &str, var: &str| -> Option<String> {
            args.iter()
                .position(|a| a == flag)
                .and_then(|i| args.get(i + 1).cloned())
                .or_else(|| env(var))
        };
        let num = |v: Option<String>, what: &str, default: f64| -> Result<f64, String> {
            v.map(|s| {
                s.parse::<f64>()
                    .map_err(|_| format!("{what}: not a number: {s}"))
            })
            .unwrap_or(Ok(default))
        };
        let port = num(get("--port", "PORT"), "PORT", 8787.0)? as u16;
        let data_dir = get("--data", "STANDIN_DATA")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join(format!("mvsep-standin-{port}")));
        let static_dir = get("--static", "STANDIN_STATIC").map(PathBuf::from);
        let algorithms = get("--algorithms", "STANDIN_ALGORITHMS").unwrap_or_else(|| "2026".into());
        if !["2024", "2026", "sample"].contains(&algorithms.as_str()) {
            return Err(format!(
                "--algorithms must be 2026, sample or 2024, not {algorithms}"
            ));
        }
        let speed = num(get("--slow", "STANDIN_SLOW"), "STANDIN_SLOW", 1.0)?;
        let mut timing = Timing::fast().scaled(speed);
        timing.queue_ahead = num(get("--queue", "STANDIN_QUEUE"), "STANDIN_QUEUE", 2.0)? as u32;
        if let Some(ms) = get("--finishing-ms", "STANDIN_FINISHING_MS") {
            let ms = num(Some(ms), "STANDIN_FINISHING_MS", 0.0)?;
            timing.finishing = Duration::from_secs_f64(ms.max(0.0) / 1000.0);
        }
        let faults = crate::faults::Faults {
            latency_ms: num(get("--latency-ms", "STANDIN_LATENCY_MS"), "latency", 0.0)? as u64,
            error_rate: num(get("--error-rate", "STANDIN_ERROR_RATE"), "error rate", 0.0)?,
            drop_rate: num(get("--drop-rate", "STANDIN_DROP_RATE"), "drop rate", 0.0)?,
            malformed_rate: num(
                get("--malformed-rate", "STANDIN_MALFORMED_RATE"),
                "malformed",
                0.0,
            )?,
            rate_limit_rate: num(get("--429-rate", "STANDIN_429_RATE"), "429 rate", 0.0)?,
            retry_after_secs: num(
                get("--retry-after", "STANDIN_RETRY_AFTER"),
                "retry after",
                3.0,
            )? as u32,
            cors: get("--cors", "STANDIN_CORS")
                .map(|v| v != "off" && v != "0")
                .unwrap_or(true),
            xss: get("--xss", "STANDIN_XSS")
                .map(|v| v == "on" || v == "1")
                .unwrap_or(false),
            queue_ahead: None,
            drop_after_rate: 0.0,
            foreign_files: get("--foreign-files", "STANDIN_FOREIGN_FILES")
                .is_some_and(|v| v == "on" || v == "1"),
            peaks: false,
            link_wait_ms: get("--link-wait-ms", "STANDIN_LINK_WAIT_MS")
                .map(|v| num(Some(v), "STANDIN_LINK_WAIT_MS", 1500.0))
                .transpose()?
                .map(|ms| ms.max(0.0) as u64),
            free_daily: None,
            processing_ms: None,
            dialect: get("--dialect", "STANDIN_DIALECT").is_some_and(|v| v == "on" || v == "1"),
            slow_rate: 0.0,
            slow_ms: 0,
        };
        Ok(Self {
            port,
            data_dir,
            static_dir,
            algorithms,
            timing,
            free_upload_mb: num(get("--free-mb", "STANDIN_FREE_MB"), "free MB", 100.0)? as u64,
            premium_upload_mb: num(
                get("--premium-mb", "STANDIN_PREMIUM_MB"),
                "premium MB",
                1000.0,
            )? as u64,
            free_max_secs: num(
                get("--free-max-secs", "STANDIN_FREE_MAX_SECS"),
                "free secs",
                600.0,
            )?,
            premium_max_secs: num(
                get("--premium-max-secs", "STANDIN_PREMIUM_MAX_SECS"),
                "premium secs",
                6000.0,
            )?,
            expire: Duration::from_secs_f64(num(
                get("--expire-secs", "STANDIN_EXPIRE_SECS"),
                "expire",
                72.0 * 3600.0,
            )?),
            faults,
        })
    }
}
