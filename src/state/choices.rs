//! The last options chosen per algorithm, and the last algorithm and output format.

use crate::catalog::options::Values;
use crate::state::storage;
use serde::{Deserialize, Serialize};

pub const KEY_CHOICES: &str = "mvsep.choices";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Choices {
    /// Algorithm id (not render_id: render_ids repeat in older lists).
    pub algorithm: Option<i64>,
    pub output_format: u8,
    /// (algorithm id, its options), a pair list: smaller in wasm than a map.
    pub per_algorithm: Vec<(i64, Values)>,
}

impl Choices {
    pub fn options_for(&self, algorithm: i64) -> Option<&Values> {
        self.per_algorithm
            .iter()
            .find(|(a, _)| *a == algorithm)
            .map(|(_, v)| v)
    }
    pub fn set_options(&mut self, algorithm: i64, values: Values) {
        self.per_algorithm.retain(|(a, _)| *a != algorithm);
        self.per_algorithm.push((algorithm, values));
    }
    pub fn load() -> Self {
        storage::get_json(KEY_CHOICES).unwrap_or_default()
    }
    pub fn save(&self) {
        storage::set_json(KEY_CHOICES, self);
    }
}
