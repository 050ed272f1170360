//! Turning an HTTP answer into a typed value or an [`ApiError`] carrying the server's words.

use crate::api::error::ApiError;
use crate::api::locate::{decode_error, Misfit};
use crate::api::request::Envelope;
use crate::i18n::t;
use serde::de::{DeserializeOwned, IgnoredAny};
use std::borrow::Cow;

use serde_json::Value;

/// What the transport hands over: enough to decode without a browser.
#[derive(Debug, Clone, PartialEq)]
pub struct RawResponse {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

impl RawResponse {
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            retry_after: None,
            body: body.into(),
        }
    }
}

/// A body's text: UTF-8 with a leading byte order mark dropped, as `Response.text()` reads it;
/// what is not UTF-8 is read byte for byte (Latin-1), so an error page still says its words.
pub fn body_text(bytes: Vec<u8>) -> String {
    let mut text = String::from_utf8(bytes)
        .unwrap_or_else(|e| e.as_bytes().iter().map(|&b| char::from(b)).collect());
    // In place: the body is not copied again for its first three bytes.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

/// Decodes `raw` as `T` inside `envelope`, or finds the server's refusal in it.
pub fn decode<T: DeserializeOwned>(raw: &RawResponse, envelope: Envelope) -> Result<T, ApiError> {
    fit(raw, envelope)?.map_err(|m| decode_error(&raw.body, &m))
}

/// As [`decode`], with a body that does not fit handed back unnamed (the client names it with
/// code fetched only then).
pub fn fit<T: DeserializeOwned>(
    raw: &RawResponse,
    envelope: Envelope,
) -> Result<Result<T, Misfit>, ApiError> {
    check(raw, envelope)?;
    // Decoded straight from the text (one instantiation per model keeps the wasm small); a
    // failure is located in the text afterwards to name the field.
    let decoded = match envelope {
        Envelope::Data => serde_json::from_str::<InData<T>>(&raw.body).map(|d| d.data),
        Envelope::Whole | Envelope::Bare => serde_json::from_str::<T>(&raw.body),
    };
    Ok(decoded.map_err(|e| Misfit {
        message: e.to_string(),
        line: e.line(),
        column: e.column(),
    }))
}

/// The answer as JSON, if it is JSON and not a refusal (rate limit, the server's error in any of
/// its shapes).
fn check(raw: &RawResponse, envelope: Envelope) -> Result<Value, ApiError> {
    if raw.status == 429 {
        return Err(ApiError::RateLimited {
            retry_after_secs: raw.retry_after.as_deref().and_then(parse_retry_after),
        });
    }
    let value: Value = serde_json::from_str(&raw.body).map_err(|_| ApiError::NotJson {
        status: raw.status,
        snippet: snippet(&raw.body),
    })?;
    match refusal(raw.status, &value, envelope) {
        Some(err) => Err(err),
        None => Ok(value),
    }
}

/// A list read item by item: an item in a shape the app cannot read is left out and counted,
/// and the rest stays usable. Returns (the items read, how many were left out).
pub fn decode_each<T: DeserializeOwned>(
    raw: &RawResponse,
    envelope: Envelope,
) -> Result<(Vec<T>, usize), ApiError> {
    Ok(read_items(&list_items(raw, envelope)?))
}

/// The items of a list answer, each still as JSON text, for [`read_items`] (all at once, or a
/// few at a time where a long list would hold the page).
pub fn list_items(raw: &RawResponse, envelope: Envelope) -> Result<Vec<Cow<'_, str>>, ApiError> {
    // A bare array is cut into its items without a tree of the whole answer (the 900 kB model
    // list as a `Value` held a phone's main thread for some 25 ms at 4x): an array is never a
    // refusal, and what is not one well-formed array takes the way below to its error.
    if envelope != Envelope::Data && raw.status < 400 {
        if let Some(items) = array_items(&raw.body) {
            // Borrowed from the body: the 1 MB list is not copied item by item.
            return Ok(items.into_iter().map(Cow::Borrowed).collect());
        }
    }
    let mut value = check(raw, envelope)?;
    let list = match envelope {
        Envelope::Data => value.get_mut("data").map(Value::take),
        Envelope::Whole | Envelope::Bare => Some(value),
    };
    match list {
        Some(Value::Array(items)) => Ok(items.iter().map(|v| Cow::Owned(v.to_string())).collect()),
        _ => Err(ApiError::Decode {
            path: String::new(),
            detail: "expected a list".into(),
        }),
    }
}

/// The items of a JSON array, each its own text, found by the parser skipping each (its code is
/// in the app already, for unknown fields: serde_json's `raw_value` would add 2 kB to the first
/// visit). None unless `body` is one well-formed array.
fn array_items(body: &str) -> Option<Vec<&str>> {
    let mut rest = body.trim_start().strip_prefix('[')?.trim_start();
    let mut items = Vec::new();
    if let Some(after) = rest.strip_prefix(']') {
        return after.trim().is_empty().then_some(items);
    }
    loop {
        let mut one = serde_json::Deserializer::from_str(rest).into_iter::<IgnoredAny>();
        one.next()?.ok()?;
        let (item, after) = rest.split_at(one.byte_offset());
        items.push(item);
        let after = after.trim_start();
        match after.strip_prefix(',') {
            Some(next) => rest = next.trim_start(),
            None => return after.strip_prefix(']')?.trim().is_empty().then_some(items),
        }
    }
}

/// Items read one by one: one unreadable item fails only itself. Returns (the items read, how
/// many were left out).
pub fn read_items<T: DeserializeOwned>(items: &[Cow<'_, str>]) -> (Vec<T>, usize) {
    // Each from its own text (the same decoder as a whole answer, so no second copy of the
    // model's decoding code).
    let read: Vec<T> = items
        .iter()
        .filter_map(|item| serde_json::from_str(item).ok())
        .collect();
    let skipped = items.len() - read.len();
    (read, skipped)
}

#[derive(serde::Deserialize)]
struct InData<T> {
    data: T,
}

/// The error a body stands for, if it is one.
fn refusal(status: u16, body: &Value, envelope: Envelope) -> Option<ApiError> {
    let success = body.get("success").and_then(Value::as_bool);
    // A job lookup answers `success:false, status:"not_found"` (the real service may send it
    // with HTTP 404): that is a state, not an error, whatever the 4xx status.
    let is_job_state = envelope == Envelope::Whole
        && status != 401
        && status < 500
        && body.get("status").is_some_and(Value::is_string);
    let refused = !is_job_state && (status >= 400 || success == Some(false));
    if !refused {
        return None;
    }
    if let Some(fields) = validation_fields(body) {
        return Some(ApiError::Validation { status, fields });
    }
    let message = server_message(body);
    if status == 401 {
        return Some(ApiError::Unauthorized { message });
    }
    Some(ApiError::Server {
        status,
        message: message.unwrap_or_else(|| match status {
            200..=299 => t("The server refused the request without saying why").into(),
            _ => t("The server refused the request").into(),
        }),
    })
}

/// The server's own words from any of its envelopes: `data.message`, `errors[]`, `message`.
pub fn server_message(body: &Value) -> Option<String> {
    let text = |v: &Value| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    if let Some(m) = body
        .get("data")
        .and_then(|d| d.get("message"))
        .and_then(text)
    {
        return Some(m);
    }
    if let Some(errors) = body.get("errors") {
        let list: Vec<String> = match errors {
            Value::Array(items) => items.iter().filter_map(text).collect(),
            Value::Object(map) => map.values().flat_map(flatten_messages).collect(),
            other => text(other).into_iter().collect(),
        };
        if !list.is_empty() {
            return Some(list.join(" "));
        }
    }
    if let Some(m) = body.get("message").and_then(text) {
        return Some(m);
    }
    body.get("error").and_then(text)
}

fn flatten_messages(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(flatten_messages).collect(),
        _ => Vec::new(),
    }
}

/// `message: {field: [..]}` as (field, messages) pairs in the server's order.
fn validation_fields(body: &Value) -> Option<Vec<(String, Vec<String>)>> {
    let map = body.get("message")?.as_object()?;
    let fields: Vec<(String, Vec<String>)> = map
        .iter()
        .map(|(k, v)| (k.clone(), flatten_messages(v)))
        .collect();
    (!fields.is_empty()).then_some(fields)
}

/// `Retry-After` is seconds or an HTTP date; only seconds are used (dates are rare here).
pub fn parse_retry_after(v: &str) -> Option<u32> {
    v.trim().parse::<u32>().ok()
}

fn snippet(body: &str) -> String {
    let text: String = strip_tags(body)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        out.push('…');
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
