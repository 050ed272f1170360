//! The person: `/api/app/user`, login, register, history and the account switches.

use crate::api::de;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `data` of `/api/app/user` and `/api/app/login`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct User {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    /// Null at login for an account that never made a token.
    #[serde(default)]
    pub api_token: Option<String>,
    /// The credit balance.
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub premium_minutes: Option<i64>,
    #[serde(default, deserialize_with = "de::bool01")]
    pub premium_enabled: bool,
    #[serde(default, deserialize_with = "de::bool01")]
    pub long_filenames_enabled: bool,
    /// The account's running jobs; its shape is not documented, so it is kept raw.
    #[serde(default)]
    pub current_queue: Option<Value>,
    #[serde(default)]
    pub created_at: Option<String>,
}

impl User {
    /// How many jobs may run at once on this plan: 1 free; premium has no number the app may
    /// assume (the older pages said 10, the newer say unlimited), so the service's refusal
    /// tells (see `queue::next_to_send`).
    pub fn parallel_limit(&self) -> Option<usize> {
        (!self.premium_enabled).then_some(1)
    }
}

/// The algorithm as history and demo entries embed it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct AlgorithmRef {
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub render_id: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub algorithm_group_id: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub orientation: Option<i64>,
}

/// One row of `/api/app/separation_history`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct HistoryEntry {
    pub id: i64,
    pub hash: String,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "de::bool01")]
    pub job_exists: bool,
    #[serde(default, deserialize_with = "de::opt_f64_flex")]
    pub credits: Option<f64>,
    /// Can be negative while `job_exists` is still true.
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub time_left: Option<i64>,
    #[serde(default)]
    pub algorithm: Option<AlgorithmRef>,
}

/// `{success, message}` answers (register, the switches).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Notice {
    #[serde(default)]
    pub success: bool,
    #[serde(default)]
    pub message: Option<String>,
}
