//! The stand-in's state: accounts, jobs, quality-checker entries and the fault switches; and the
//! answers every handler shares (JSON replies, refusals, the server's public origin).

use crate::config::Config;
use crate::faults::{Counters, Faults};
use crate::machine::Facts;
use axum::extract::Query;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub const FREE_TOKEN: &str = "standin-free-token-0000000000000000";
pub const PREMIUM_TOKEN: &str = "standin-premium-token-000000000000";

#[derive(Debug, Clone)]
pub struct Account {
    pub name: String,
    pub email: String,
    pub password: String,
    pub token: Option<String>,
    /// `premium_minutes`: the credit balance.
    pub credits: i64,
    pub premium_enabled: bool,
    pub long_filenames: bool,
    pub created_at: String,
}

impl Account {
    /// Premium limits apply when premium use is on and credits remain.
    pub fn premium_active(&self) -> bool {
        self.premium_enabled && self.credits > 0
    }
    pub fn json(&self, queue: Value) -> Value {
        json!({
            "name": self.name,
            "email": self.email,
            "api_token": self.token,
            "created_at": self.created_at,
            "updated_at": self.created_at,
            "premium_minutes": self.credits,
            "premium_enabled": u8::from(self.premium_enabled),
            "long_filenames_enabled": u8::from(self.long_filenames),
            "current_queue": queue,
        })
    }
}

#[derive(Debug, Clone)]
pub struct ResultFile {
    pub label: String,
    pub file_name: String,
}

#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub hash: String,
    pub account: Option<usize>,
    pub created: Instant,
    pub created_at: String,
    pub algorithm: Value,
    pub facts: Facts,
    pub files: Vec<ResultFile>,
    pub input_name: String,
    pub input_bytes: u64,
    pub output_format: u8,
    pub credits: i64,
    pub is_demo: bool,
    /// A link job's short hash, as create answers it: `get-remote` knows it, `get` does not.
    pub short: Option<String>,
    /// How long `get-remote` says the link is being downloaded.
    pub link_wait: std::time::Duration,
}

#[derive(Debug, Clone)]
pub struct QcEntry {
    pub id: i64,
    pub algo_name: String,
    pub main_text: String,
    pub dataset_type: i64,
    pub ensemble: bool,
    pub date: String,
    pub password: String,
    pub created: Instant,
    /// Per-stem SDR; None until evaluated.
    pub metrics: Option<Vec<(String, f64)>>,
    pub message: String,
}

pub struct World {
    pub accounts: Vec<Account>,
    pub jobs: Vec<Job>,
    pub qc: Vec<QcEntry>,
    pub faults: Faults,
    pub fault_counters: Counters,
    pub next_job_id: i64,
    pub next_qc_id: i64,
}

pub struct App {
    pub config: Config,
    pub world: Mutex<World>,
    /// What a job may use, parsed once: the served recorded list (the first `served_count`),
    /// then the other recorded list's algorithms it lacks.
    pub algorithms: Vec<Value>,
    pub served_count: usize,
    pub news_en: Vec<Value>,
    pub news_ru: Vec<Value>,
    pub demo: Vec<Value>,
}

pub fn seed_accounts() -> Vec<Account> {
    vec![
        Account {
            name: "Free Listener".into(),
            email: "free@example.com".into(),
            password: "free-password".into(),
            token: Some(FREE_TOKEN.into()),
            credits: 0,
            premium_enabled: false,
            long_filenames: false,
            created_at: "2024-01-10 10:00:00".into(),
        },
        Account {
            name: "Premium Producer".into(),
            email: "premium@example.com".into(),
            password: "premium-password".into(),
            token: Some(PREMIUM_TOKEN.into()),
            credits: 500,
            premium_enabled: true,
            long_filenames: true,
            created_at: "2023-09-29 15:05:50".into(),
        },
    ]
}

impl World {
    /// `qc`: the quality checker's first entries (`quality::seed`, passed in by `lib.rs` so that
    /// the state does not depend on the handlers).
    pub fn new(config: &Config, qc: Vec<QcEntry>) -> Self {
        Self {
            accounts: seed_accounts(),
            jobs: Vec::new(),
            qc,
            faults: config.faults.clone(),
            fault_counters: Counters::default(),
            next_job_id: 1_074_400,
            next_qc_id: 8000,
        }
    }
    /// A free account's separations left today, of how many (the stand-in's day is its world).
    pub fn free_left(&self, account: usize) -> (u64, u64) {
        let max = self.faults.free_daily.unwrap_or(50);
        let used = self
            .jobs
            .iter()
            .filter(|j| j.account == Some(account))
            .count() as u64;
        (max.saturating_sub(used), max)
    }
    pub fn account_by_token(&self, token: &str) -> Option<usize> {
        self.accounts
            .iter()
            .position(|a| a.token.as_deref() == Some(token))
    }
}

/// A handler's query string.
pub type Params = Query<HashMap<String, String>>;

/// The public origin of this server as the client reached it, for the URLs it hands out.
pub fn origin(headers: &HeaderMap, port: u16) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| format!("127.0.0.1:{port}"));
    format!("http://{host}")
}

/// JSON with a status.
pub fn reply(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

pub fn ok(body: Value) -> Response {
    reply(StatusCode::OK, body)
}

/// `{success:false, data:{message}}`
pub fn refuse(status: StatusCode, message: &str) -> Response {
    reply(
        status,
        json!({"success": false, "data": {"message": message}}),
    )
}

/// `{success:false, errors:[..]}` (the premium gate's envelope).
pub fn refuse_errors(status: StatusCode, message: &str) -> Response {
    reply(status, json!({"success": false, "errors": [message]}))
}

/// `{success:false, message:{field:[..]}}` (validation).
pub fn refuse_fields(fields: &[(&str, &str)]) -> Response {
    let mut map = serde_json::Map::new();
    for (f, m) in fields {
        map.entry(f.to_string())
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .unwrap()
            .push(json!(m));
    }
    reply(
        StatusCode::BAD_REQUEST,
        json!({"success": false, "message": map}),
    )
}

pub fn invalid_token() -> Response {
    refuse(StatusCode::UNAUTHORIZED, "Invalid API token")
}

/// "YYYY-MM-DD HH:MM:SS" in UTC (the service's dates carry no zone).
pub fn now_string() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format_date(secs)
}

pub fn format_date(secs: u64) -> String {
    let days = (secs / 86400) as i64;
    let rem = secs % 86400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::format_date(0), "1970-01-01 00:00:00");
        assert_eq!(super::format_date(1_707_140_831), "2024-02-05 13:47:11");
    }
}
