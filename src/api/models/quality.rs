//! The quality checker: leaderboards, the evaluation queue and entries.

use crate::api::de;
use serde::Deserialize;
use serde_json::{Map, Value};

/// Dataset types of the quality checker; the service may report more.
pub const DATASET_TYPES: [(i64, &str); 12] = [
    (0, "Synth"),
    (1, "Multi"),
    (2, "Piano"),
    (3, "Lead/Back Vocals"),
    (4, "Guitar"),
    (5, "Medley Vox"),
    (6, "Strings"),
    (7, "Wind"),
    (8, "DNR v3 Test"),
    (9, "Super Resolution Checker for Music"),
    (10, "Drums Separation (5 stems)"),
    (11, "Male/Female vocals separation"),
];

/// One entry (leaderboard row, queue row or the entry endpoint). The per-stem values and any
/// field this client does not name are kept in `extra`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct QcEntry {
    #[serde(deserialize_with = "de::i64_flex")]
    pub id: i64,
    #[serde(default)]
    pub algo_name: Option<String>,
    #[serde(default)]
    pub main_text: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub dataset_type: Option<i64>,
    #[serde(default, deserialize_with = "de::bool01")]
    pub ensemble: bool,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub processed: Option<i64>,
    #[serde(default)]
    pub message: Option<String>,
    /// The service's metric text (nullable).
    #[serde(default)]
    pub metrics: Option<Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Leaderboard {
    #[serde(default)]
    pub data: Vec<QcEntry>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub dataset_type: Option<i64>,
    /// The stems the board can be sorted by.
    #[serde(default)]
    pub sortables: Vec<String>,
    #[serde(default, deserialize_with = "de::opt_string_flex")]
    pub sort: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub total: Option<i64>,
}

/// `data` of a successful add.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct QcCreated {
    #[serde(deserialize_with = "de::i64_flex")]
    pub id: i64,
    #[serde(default)]
    pub link: Option<String>,
}
