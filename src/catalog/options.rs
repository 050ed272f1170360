//! The option form of an algorithm: one control per field in name order, defaults, the
//! show/hide conditions, and what is sent. Keys stay the strings the server listed.

use crate::api::de::OrderedPairs;
use crate::api::models::{Algorithm, AlgorithmField};

#[derive(Debug, Clone, PartialEq)]
pub enum Control {
    /// Options in the server's order.
    Select(OrderedPairs),
    Text,
    Textarea,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    pub id: i64,
    /// add_opt1, add_opt2, ...
    pub name: String,
    pub label: String,
    pub control: Control,
    pub required: bool,
    pub help_link: Option<String>,
    pub default: Option<String>,
}

impl FieldSpec {
    pub fn from_field(f: &AlgorithmField) -> Self {
        let control = match f.input_type.as_deref() {
            Some("text") => Control::Text,
            Some("textarea") => Control::Textarea,
            // Older lists have no input_type: every field is a select.
            _ => Control::Select(f.option_pairs().unwrap_or_default()),
        };
        let default = match &control {
            Control::Select(opts) => f
                .default_key
                .clone()
                .filter(|k| opts.get(k).is_some())
                .or_else(|| opts.keys().next().map(str::to_string)),
            _ => f.default_key.clone(),
        };
        Self {
            id: f.id,
            name: f.name.clone(),
            label: if f.text.trim().is_empty() {
                f.name.clone()
            } else {
                f.text.clone()
            },
            control,
            required: f.required,
            help_link: f
                .help_link
                .clone()
                .as_deref()
                .and_then(crate::api::web_url::web_url),
            default,
        }
    }
}

/// The fields of an algorithm in the order of their names.
pub fn fields(alg: &Algorithm) -> Vec<FieldSpec> {
    alg.sorted_fields()
        .into_iter()
        .map(FieldSpec::from_field)
        .collect()
}

/// The chosen values, (field name, value), one per field.
pub type Values = Vec<(String, String)>;

pub fn value_of<'a>(values: &'a Values, name: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

pub fn set_value(values: &mut Values, name: &str, value: &str) {
    match values.iter_mut().find(|(n, _)| n == name) {
        Some(slot) => slot.1 = value.to_string(),
        None => values.push((name.to_string(), value.to_string())),
    }
}

/// Every field at its default, then any remembered choice that is still a valid option.
pub fn initial_values(alg: &Algorithm, remembered: &Values) -> Values {
    fields(alg)
        .into_iter()
        .map(|f| {
            let kept = value_of(remembered, &f.name).filter(|v| match &f.control {
                Control::Select(opts) => opts.get(v).is_some(),
                _ => true,
            });
            let v = kept
                .map(str::to_string)
                .or(f.default.clone())
                .unwrap_or_default();
            (f.name, v)
        })
        .collect()
}

/// Whether a field is shown for the current values: every condition on it must allow it.
pub fn is_visible(alg: &Algorithm, field_id: i64, values: &Values) -> bool {
    let Some(field) = alg.algorithm_fields.iter().find(|f| f.id == field_id) else {
        return false;
    };
    field.conditions.iter().all(|c| {
        let Some(dep) = alg
            .algorithm_fields
            .iter()
            .find(|f| f.id == c.depends_on_field_id)
        else {
            // A rule about a field that is not in the list cannot be applied: show the field.
            return true;
        };
        let current = value_of(values, &dep.name).unwrap_or("");
        let set = c.values();
        let matches = match c.operator.as_deref() {
            Some("not_in") => !set.iter().any(|v| v == current),
            _ => set.iter().any(|v| v == current),
        };
        match c.action.as_deref() {
            Some("hide") => !matches,
            _ => matches,
        }
    })
}

/// What is sent: visible fields only, with required ones filled. Errors are (field, message).
pub fn submission(alg: &Algorithm, values: &Values) -> Result<Values, Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for f in fields(alg) {
        if !is_visible(alg, f.id, values) {
            continue;
        }
        let v = value_of(values, &f.name).unwrap_or("").to_string();
        let v = match f.control {
            Control::Select(_) => v,
            _ => v.trim().to_string(),
        };
        if v.is_empty() {
            if f.required {
                errors.push((
                    f.name.clone(),
                    crate::tr!("{option} is required.", option = f.label),
                ));
            }
            continue;
        }
        out.push((f.name, v));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The product of the `price_rules` multipliers of the chosen (visible) options.
pub fn price_multiplier(alg: &Algorithm, values: &Values) -> f64 {
    alg.algorithm_fields
        .iter()
        .filter(|f| is_visible(alg, f.id, values))
        .flat_map(|f| {
            let chosen = value_of(values, &f.name).unwrap_or("").to_string();
            f.price_rules
                .iter()
                .filter(move |r| {
                    r.option_key == chosen
                        && r.mode.as_deref().unwrap_or("multiplier") == "multiplier"
                })
                .map(|r| r.value)
        })
        .product()
}

/// Credits a job costs: `max(1, floor(seconds × coefficient / 60))` times the multiplier,
/// rounded up (the service's exact rounding of fractional multipliers is not documented).
pub fn credits(duration_secs: f64, price_coefficient: f64, multiplier: f64) -> u64 {
    let base = ((duration_secs * price_coefficient / 60.0).floor() as u64).max(1);
    (base as f64 * multiplier).ceil() as u64
}

/// A job made from options alone is named by its first written field (the prompt): its first
/// line, as a `.wav`; else by the model. The service names its hash the same way.
pub fn prompt_name(alg: &Algorithm, sent: &Values) -> String {
    let line = fields(alg)
        .into_iter()
        .filter(|f| !matches!(f.control, Control::Select(_)))
        .find_map(|f| value_of(sent, &f.name).map(str::to_string))
        .and_then(|p| {
            crate::text::lines(&p)
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(str::to_string)
        });
    format!("{}.wav", line.unwrap_or_else(|| alg.name.clone()))
}
