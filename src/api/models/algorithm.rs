//! `/api/app/algorithms`: the separation models, their option fields and descriptions.

use crate::api::de::{self, OrderedPairs};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a model takes (`audio_widget`): a song, no song (its options, a prompt, are the input),
/// or two songs (a target mastered to a reference). Stored with a job; a word this version does
/// not know reads as a song.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Input {
    Prompt,
    Pair,
    #[default]
    #[serde(other)]
    Song,
}

/// Who may use an algorithm (`orientation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    Registered,
    Premium,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct AlgorithmGroup {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Rating {
    #[serde(deserialize_with = "de::opt_f64_flex", default)]
    pub average: Option<f64>,
    #[serde(deserialize_with = "de::opt_i64_flex", default)]
    pub total: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct AlgorithmDescription {
    #[serde(default)]
    pub short_description: Option<String>,
    /// Untrusted HTML from the server: sanitise before showing.
    #[serde(default)]
    pub long_description: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
}

/// Shows or hides a field when another field's value is in a set.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Condition {
    pub depends_on_field_id: i64,
    #[serde(default)]
    pub operator: Option<String>,
    /// Values compared as the option keys they are (strings).
    #[serde(default)]
    pub value_json: Value,
    #[serde(default)]
    pub action: Option<String>,
}

impl Condition {
    /// The values of `value_json`, as option keys.
    pub fn values(&self) -> Vec<String> {
        match &self.value_json {
            Value::Array(items) => items.iter().map(value_as_key).collect(),
            Value::Null => Vec::new(),
            // Some rows carry the array encoded as a string.
            Value::String(s) => match serde_json::from_str::<Value>(s) {
                Ok(Value::Array(items)) => items.iter().map(value_as_key).collect(),
                _ => vec![s.clone()],
            },
            other => vec![value_as_key(other)],
        }
    }
}

fn value_as_key(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A cost multiplier applied when an option is chosen.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct PriceRule {
    #[serde(deserialize_with = "de::string_flex")]
    pub option_key: String,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(deserialize_with = "de::f64_flex")]
    pub value: f64,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct AlgorithmField {
    pub id: i64,
    /// The form name sent to the server: add_opt1, add_opt2, ...
    pub name: String,
    /// The label.
    #[serde(default)]
    pub text: String,
    /// A JSON object encoded as a string (or, from some hosts, the object itself); see
    /// [`AlgorithmField::option_pairs`].
    #[serde(default, deserialize_with = "de::opt_json_text")]
    pub options: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string_flex")]
    pub default_key: Option<String>,
    #[serde(default)]
    pub input_type: Option<String>,
    #[serde(default, deserialize_with = "de::bool01")]
    pub required: bool,
    #[serde(default)]
    pub help_link: Option<String>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub price_rules: Vec<PriceRule>,
    #[serde(default)]
    pub output_overrides: Option<String>,
}

impl AlgorithmField {
    /// The options in the server's order, keys kept exactly as sent.
    pub fn option_pairs(&self) -> Result<OrderedPairs, serde_json::Error> {
        OrderedPairs::parse(self.options.as_deref().unwrap_or(""))
    }
    /// The field's position (add_opt3 → 3); fields arrive unsorted.
    pub fn number(&self) -> u32 {
        self.name
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Algorithm {
    pub id: i64,
    pub name: String,
    /// What is sent as `sep_type`.
    #[serde(deserialize_with = "de::i64_flex")]
    pub render_id: i64,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub algorithm_group_id: Option<i64>,
    #[serde(default)]
    pub algorithm_group: Option<AlgorithmGroup>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub orientation: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub order_id: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_f64_flex")]
    pub price_coefficient: Option<f64>,
    #[serde(default = "yes", deserialize_with = "de::bool01")]
    pub is_active: bool,
    #[serde(default, deserialize_with = "de::bool01")]
    pub audio_upload_disabled: bool,
    #[serde(default)]
    pub audio_widget: Option<String>,
    #[serde(default)]
    pub algorithm_fields: Vec<AlgorithmField>,
    #[serde(default)]
    pub algorithm_descriptions: Vec<AlgorithmDescription>,
    #[serde(default)]
    pub description: Option<String>,
    /// JSON encoded as strings in newer lists.
    #[serde(default)]
    pub output_stems: Option<String>,
    #[serde(default)]
    pub outputs: Option<String>,
    #[serde(default)]
    pub output_variants: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub usage: Option<i64>,
    #[serde(default)]
    pub rating: Option<Rating>,
}

fn yes() -> bool {
    true
}

impl Algorithm {
    /// What the views show of it. Views compare this, not the whole model: a refreshed list that
    /// changes none of it keeps them, and the first visit's module has no deep comparison.
    pub fn shown(&self) -> (i64, bool, String, usize) {
        (
            self.id,
            self.is_active,
            self.name.clone(),
            self.algorithm_fields.len(),
        )
    }
    /// What it takes; a list without `audio_widget` offers only models that take a song.
    pub fn input(&self) -> Input {
        match self.audio_widget.as_deref() {
            Some("no_upload") => Input::Prompt,
            Some("matchering_upload") => Input::Pair,
            _ => Input::Song,
        }
    }
    pub fn audience(&self) -> Audience {
        match self.orientation.unwrap_or(0) {
            1 => Audience::Registered,
            2 => Audience::Premium,
            _ => Audience::Everyone,
        }
    }
    /// Fields in the order of their names (add_opt1, add_opt2, ...).
    pub fn sorted_fields(&self) -> Vec<&AlgorithmField> {
        let mut fields: Vec<_> = self.algorithm_fields.iter().collect();
        crate::order::sort_by(&mut fields, |a, b| a.number().cmp(&b.number()));
        fields
    }
    /// Output stem labels: from `outputs` (key → label, in order) or `output_stems` (keys).
    pub fn stem_labels(&self) -> Vec<String> {
        if let Some(pairs) = self
            .outputs
            .as_deref()
            .and_then(|s| OrderedPairs::parse(s).ok())
        {
            if !pairs.is_empty() {
                return pairs.0.into_iter().map(|(_, label)| label).collect();
            }
        }
        self.output_stems
            .as_deref()
            .and_then(|s| serde_json::from_str::<Vec<String>>(s).ok())
            .unwrap_or_default()
    }
    /// The description in `lang`, else English, else the first.
    pub fn description_in(&self, lang: &str) -> Option<&AlgorithmDescription> {
        let d = &self.algorithm_descriptions;
        let base = lang.split('-').next();
        d.iter()
            .find(|x| x.lang.as_deref() == Some(lang))
            .or_else(|| d.iter().find(|x| x.lang.as_deref() == base))
            .or_else(|| d.iter().find(|x| x.lang.as_deref() == Some("en")))
            .or_else(|| d.first())
    }
    pub fn group_name(&self) -> String {
        match (&self.algorithm_group, self.algorithm_group_id) {
            (Some(g), _) => g.name.clone(),
            (None, Some(id)) => crate::tr!("Group {id}", id = id),
            (None, None) => crate::i18n::t("Other").into(),
        }
    }
}

/// The `scopes` filter of the algorithms endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    SingleUpload,
    NoUpload,
    MatcheringUpload,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::SingleUpload => "single_upload",
            Scope::NoUpload => "no_upload",
            Scope::MatcheringUpload => "matchering_upload",
        }
    }
}
