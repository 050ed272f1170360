//! The quality checker's logic: the board's state in the URL, per-stem values, the best value
//! per stem, and the metric text of an entry.

use crate::api::endpoints::BoardQuery;
use crate::api::models::QcEntry;
use crate::api::request::encode;
use serde_json::Value;

pub const BOARD_PAGE: u32 = 50;

/// What the leaderboard shows, as kept in the URL.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoardState {
    pub dataset: i64,
    pub sort: Option<String>,
    pub filter: String,
    pub page: u32,
}

impl BoardState {
    /// From the query parameters (`dataset`, `sort`, `filter`, `page`).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            dataset: get("dataset")
                .and_then(|d| d.parse().ok())
                .filter(|d| *d >= 0)
                .unwrap_or(1),
            sort: get("sort").filter(|s| !s.is_empty()),
            filter: get("filter").unwrap_or_default(),
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }
    /// This state as the leaderboard's query (`dataset=1&sort=…`).
    pub fn to_query(&self) -> String {
        let mut url = format!("dataset={}", self.dataset);
        if let Some(s) = &self.sort {
            url.push_str(&format!("&sort={}", encode(s)));
        }
        if !self.filter.is_empty() {
            url.push_str(&format!("&filter={}", encode(&self.filter)));
        }
        if self.page > 1 {
            url.push_str(&format!("&page={}", self.page));
        }
        url
    }
    pub fn query(&self) -> BoardQuery {
        BoardQuery {
            dataset_type: self.dataset,
            start: (self.page.max(1) - 1) * BOARD_PAGE,
            limit: BOARD_PAGE,
            filter: Some(self.filter.clone()).filter(|f| !f.trim().is_empty()),
            sort: self.sort.clone(),
        }
    }
    /// A new dataset, sort or filter starts again at page 1.
    pub fn with(&self, f: impl FnOnce(&mut Self)) -> Self {
        let mut s = self.clone();
        f(&mut s);
        s.page = 1;
        s
    }
}

/// A metric value, with the service's broken values (0, -1000, not a number) as missing.
pub fn clean(v: f64) -> Option<f64> {
    (v.is_finite() && v != 0.0 && v > -999.0).then_some(v)
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// "SDR vocals: 11.2345" lines (or "vocals: 11.2", "SDR (vocals) = 11.2") as (stem, value).
pub fn parse_metrics(text: &str) -> Vec<(String, Option<f64>)> {
    text.lines()
        .filter_map(|line| {
            let (name, value) = line.rsplit_once([':', '='])?;
            let name = name
                .trim()
                .trim_start_matches("SDR")
                .trim()
                .trim_matches(['(', ')'])
                .trim();
            let value: f64 = value.split_whitespace().next()?.parse().ok()?;
            (!name.is_empty()).then(|| (name.to_string(), clean(value)))
        })
        .collect()
}

/// The metrics of an entry, whichever way the service sent them.
pub fn metrics_of(e: &QcEntry) -> Vec<(String, Option<f64>)> {
    match &e.metrics {
        Some(Value::String(t)) => parse_metrics(t),
        Some(Value::Object(m)) => m
            .iter()
            .map(|(k, v)| (k.clone(), number(v).and_then(clean)))
            .collect(),
        _ => Vec::new(),
    }
}

/// An entry's SDR for a stem: the board's `sdr_<stem>` field, else its metric text.
pub fn value_for(e: &QcEntry, stem: &str) -> Option<f64> {
    let key = format!("sdr_{stem}");
    e.extra
        .get(&key)
        .or_else(|| e.extra.get(stem))
        .and_then(number)
        .and_then(clean)
        .or_else(|| {
            metrics_of(e)
                .into_iter()
                .find(|(s, _)| s == stem)
                .and_then(|(_, v)| v)
        })
}

/// The best (highest) value of each stem among `rows`.
pub fn best_per_stem(rows: &[QcEntry], stems: &[String]) -> Vec<Option<f64>> {
    stems
        .iter()
        .map(|s| {
            rows.iter()
                .filter_map(|e| value_for(e, s))
                .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
        })
        .collect()
}

/// Bar lengths (0..=1) of the sorted stem, relative to the page's range, so differences show.
pub fn bars(values: &[Option<f64>]) -> Vec<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    let (lo, hi) = present
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
    values
        .iter()
        .map(|v| match v {
            None => 0.0,
            Some(_) if hi <= lo => 1.0,
            // The lowest keeps a visible stub.
            Some(v) => 0.1 + 0.9 * (v - lo) / (hi - lo),
        })
        .collect()
}

/// The dataset types: the known ones plus any the service reports.
pub fn dataset_name(t: i64) -> String {
    crate::api::models::quality::DATASET_TYPES
        .iter()
        .find(|(k, _)| *k == t)
        .map(|(_, n)| n.to_string())
        .unwrap_or_else(|| crate::tr!("Dataset {id}", id = t))
}

/// Whether bytes start like a zip archive (checked before an upload).
pub fn is_zip(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06")
}
