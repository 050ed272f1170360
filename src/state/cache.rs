//! The algorithms list, cached in localStorage with a time-to-live, per API address.

use crate::state::storage;
use serde::{Deserialize, Serialize};

pub const KEY_ALGORITHMS: &str = "mvsep.algorithms";
/// The list changes a few times a month; six hours keeps it fresh without refetching ~200 kB.
pub const TTL_MS: f64 = 6.0 * 3600.0 * 1000.0;

#[derive(Serialize, Deserialize)]
struct Cached {
    base: String,
    saved_ms: f64,
    /// The body exactly as the service sent it (decoded again on load).
    body: String,
}

/// The cached body for `base` if younger than the TTL, with its age in ms.
pub fn load(base: &str, now_ms: f64) -> Option<(String, f64)> {
    let c: Cached = serde_json::from_str(&storage::get(KEY_ALGORITHMS)?).ok()?;
    let age = now_ms - c.saved_ms;
    (c.base == base && (0.0..TTL_MS).contains(&age)).then_some((c.body, age))
}

pub fn save(base: &str, now_ms: f64, body: &str) {
    let c = Cached {
        base: base.to_string(),
        saved_ms: now_ms,
        body: body.to_string(),
    };
    if let Ok(text) = serde_json::to_string(&c) {
        // A full storage only costs a refetch next time.
        let _ = storage::set(KEY_ALGORITHMS, &text);
    }
}

pub fn clear() {
    storage::remove(KEY_ALGORITHMS);
}
