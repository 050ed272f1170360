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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SiteQueue {
    pub queue: QueueCounts,
    pub plan: Option<PlanQueue>,
    /// The free plan's separations today: (left, of how many), where the service says.
    pub free: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueueCounts {
    pub in_process: Option<i64>,
    pub premium: Option<i64>,
    pub registered: Option<i64>,
    pub unregistered: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanQueue {
    pub plan: Option<String>,
    /// How many wait in the plan's queue (a number, or a number as text).
    pub queue: Option<i64>,
}

/// Read from the JSON value, loosely: a part missing or in another shape is left empty (the
/// header's queue line is never worth an error). By hand: the derived decoders of these three
/// were about 5 kB of every first visit's module.
impl<'de> Deserialize<'de> for SiteQueue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        let int = |v: &Value| match v {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        let q = &v["queue"];
        // `current` in 2026, `plan` before.
        let plan = ["current", "plan"]
            .iter()
            .find_map(|k| v.get(*k).filter(|p| p.is_object()));
        let plan = plan.map(|p| PlanQueue {
            plan: match &p["plan"] {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            },
            queue: int(&p["queue"]),
        });
        Ok(SiteQueue {
            queue: QueueCounts {
                in_process: int(&q["in_process"]),
                premium: int(&q["premium"]),
                registered: int(&q["registered"]),
                unregistered: int(&q["unregistered"]),
            },
            plan,
            free: match (
                int(&v["free_separations"]["left"]),
                int(&v["free_separations"]["max"]),
            ) {
                (Some(left), Some(max)) if max > 0 => Some((left.max(0), max)),
                _ => None,
            },
        })
    }
}
