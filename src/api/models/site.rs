//! The site: news, the demo gallery and the queue.

use crate::api::de;
use crate::api::models::account::AlgorithmRef;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct NewsItem {
    #[serde(deserialize_with = "de::string_flex")]
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub lang: Option<String>,
    /// Untrusted HTML: sanitise before showing.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Demo {
    pub hash: String,
    /// "YYYY-MM-DD HH:MM", no seconds.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub input_audio: Option<String>,
    #[serde(default)]
    pub algorithm: Option<AlgorithmRef>,
}

/// `/api/app/queue` (shape from the documentation only, so every part is optional).
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
pub struct SiteQueue {
    #[serde(default)]
    pub queue: QueueCounts,
    #[serde(default)]
    pub plan: Option<PlanQueue>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
pub struct QueueCounts {
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub in_process: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub premium: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub registered: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub unregistered: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct PlanQueue {
    #[serde(default, deserialize_with = "de::opt_string_flex")]
    pub plan: Option<String>,
    #[serde(default)]
    pub queue: Option<Value>,
}
