//! Tolerant field decoders for what the service really sends: numbers as strings ("4.2500"),
//! booleans as 0/1, JSON objects encoded inside strings.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// A number that may arrive as a JSON number or as a numeric string.
fn value_to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    }
}

pub fn f64_flex<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = Value::deserialize(d)?;
    value_to_f64(&v).ok_or_else(|| de::Error::custom(format!("expected a number, got {v}")))
}

pub fn opt_f64_flex<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(v) => value_to_f64(&v)
            .map(Some)
            .ok_or_else(|| de::Error::custom(format!("expected a number, got {v}"))),
    }
}

pub fn i64_flex<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let v = Value::deserialize(d)?;
    match &v {
        Value::Number(n) if n.is_i64() => Ok(n.as_i64().unwrap_or_default()),
        Value::String(s) => s.trim().parse().map_err(|_| ()),
        _ => Err(()),
    }
    .map_err(|_| de::Error::custom(format!("expected an integer, got {v}")))
}

pub fn opt_i64_flex<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(v) => i64_flex(v).map(Some).map_err(de::Error::custom),
    }
}

/// 0/1, "0"/"1", true/false all mean a boolean; null is false.
pub fn bool01<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let v = Option::<Value>::deserialize(d)?;
    match v {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(b),
        // The service has sent `success` as the text "true".
        Some(Value::String(ref s)) if s.trim().eq_ignore_ascii_case("true") => Ok(true),
        Some(Value::String(ref s)) if s.trim().eq_ignore_ascii_case("false") => Ok(false),
        Some(ref v) => match value_to_f64(v) {
            Some(n) => Ok(n != 0.0),
            None => Err(de::Error::custom(format!("expected 0 or 1, got {v}"))),
        },
    }
}

/// A string that may arrive as a number (ids, keys).
pub fn string_flex<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        v => Err(de::Error::custom(format!("expected a string, got {v}"))),
    }
}

pub fn opt_string_flex<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(v) => Err(de::Error::custom(format!("expected a string, got {v}"))),
    }
}

/// JSON text kept as text: a string as its content, an object (the service's other shape for
/// option lists) as its JSON text in the service's key order. Absent or null: None.
/// A list (or anything with an empty value) that may come as `null`: read as empty.
pub fn null_as_default<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(
    d: D,
) -> Result<T, D::Error> {
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

pub fn opt_json_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(v) => Ok(Some(v.to_string())),
    }
}

/// A JSON object kept as its (key, value) pairs in document order. The service orders option
/// keys meaningfully ("7" before "1"), so a map type that sorts them would be wrong.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderedPairs(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for OrderedPairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = OrderedPairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    let v = match v {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    out.push((k, v));
                }
                Ok(OrderedPairs(out))
            }
            // An empty options list sometimes arrives as [] rather than {}.
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                let mut i = 0usize;
                while let Some(v) = seq.next_element::<Value>()? {
                    let v = match v {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    out.push((i.to_string(), v));
                    i += 1;
                }
                Ok(OrderedPairs(out))
            }
        }
        d.deserialize_any(PairsVisitor)
    }
}

impl OrderedPairs {
    /// Parses a JSON object that the service sends encoded inside a string.
    pub fn parse(text: &str) -> Result<Self, serde_json::Error> {
        if text.trim().is_empty() {
            return Ok(Self::default());
        }
        serde_json::from_str(text)
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
