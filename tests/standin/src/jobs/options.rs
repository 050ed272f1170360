//! The chosen options of a create, checked against the algorithm's fields as the service checks
//! them, with the price multiplier they imply.

use axum::response::Response;
use serde_json::Value;
use std::collections::HashMap;

use crate::form::Form;
use crate::world::refuse_fields;

/// The chosen options, checked against the algorithm's fields as the service checks them.
pub fn options(alg: &Value, f: &Form) -> Result<(HashMap<String, String>, f64), Response> {
    let mut chosen = HashMap::new();
    let mut multiplier = 1.0;
    let mut errors: Vec<(String, String)> = Vec::new();
    for field in alg["algorithm_fields"].as_array().into_iter().flatten() {
        let name = field["name"].as_str().unwrap_or("").to_string();
        let required = field["required"].as_i64().unwrap_or(0) == 1;
        let kind = field["input_type"].as_str().unwrap_or("select");
        let given = f.get(&name).map(str::to_string);
        if kind == "select" {
            let opts: serde_json::Map<String, Value> = field["options"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or_default();
            let value = given.or_else(|| field["default_key"].as_str().map(str::to_string));
            match value {
                Some(v) if opts.is_empty() || opts.contains_key(&v) => {
                    for rule in field["price_rules"].as_array().into_iter().flatten() {
                        let key = match &rule["option_key"] {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        if key == v {
                            let m = match &rule["value"] {
                                Value::String(s) => s.parse().unwrap_or(1.0),
                                other => other.as_f64().unwrap_or(1.0),
                            };
                            multiplier *= m;
                        }
                    }
                    chosen.insert(name, v);
                }
                Some(_) => errors.push((
                    name.clone(),
                    format!("The selected {} is invalid.", name.replace('_', " ")),
                )),
                None if required => errors.push((
                    name.clone(),
                    format!("The {} field is required.", name.replace('_', " ")),
                )),
                None => {}
            }
        } else {
            match given {
                Some(v) => {
                    chosen.insert(name, v);
                }
                None if required => errors.push((
                    name.clone(),
                    format!("The {} field is required.", name.replace('_', " ")),
                )),
                None => {}
            }
        }
    }
    if errors.is_empty() {
        Ok((chosen, multiplier))
    } else {
        let refs: Vec<(&str, &str)> = errors
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        Err(refuse_fields(&refs))
    }
}
