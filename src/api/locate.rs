//! Where in the answer's text a decoding failure happened, so that the error names the field
//! ("data.files[0].url") and not only serde's line and column.

use crate::api::error::ApiError;
use serde_json::Value;

/// A body that is JSON but not of the shape expected: serde's words and where, before the
/// field is named ([`decode_error`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Misfit {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

split_fn! {
    locate / preload_locate;
    /// [`decode_error`] with its code fetched only when an answer does not fit: every visit
    /// would otherwise download the path finder for a case that is rare.
    pub fn located(body: String, m: Misfit) -> ApiError {
        decode_error(&body, &m)
    }
}

/// The error for `body` that did not fit, its field named (serde's words alone if the code to
/// name it could not be fetched).
pub async fn named(body: String, m: Misfit) -> ApiError {
    let fallback = ApiError::Decode {
        path: String::new(),
        detail: m.message.clone(),
    };
    located(body, m).await.unwrap_or(fallback)
}

/// The error for a body that is JSON but not the shape expected, with the field it concerns.
pub fn decode_error(body: &str, e: &Misfit) -> ApiError {
    let text = e.message.clone();
    let detail = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let offset = byte_offset(body, e.line, e.column);
    let (last_value, container) = path_at(body, offset);
    let path = match detail
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        Some(field) if container.is_empty() => field.to_string(),
        Some(field) => format!("{container}.{field}"),
        // Errors raised by a field decoder are reported where its object ends: find the member
        // holding the value the message quotes ("…, got \"lots\"").
        None => match detail
            .rsplit_once(", got ")
            .and_then(|(_, got)| serde_json::from_str::<Value>(got).ok())
        {
            Some(got) => serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| find_value(&v, &got, String::new(), &last_value))
                .unwrap_or(last_value),
            None => last_value,
        },
    };
    ApiError::Decode { path, detail }
}

/// The path of the first value equal to `needle` below `within`.
fn find_value(v: &Value, needle: &Value, here: String, within: &str) -> Option<String> {
    if v == needle && here.starts_with(within) {
        return Some(here);
    }
    let join = |k: &str| {
        if here.is_empty() {
            k.to_string()
        } else {
            format!("{here}.{k}")
        }
    };
    match v {
        Value::Object(m) => m
            .iter()
            .find_map(|(k, x)| find_value(x, needle, join(k), within)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| find_value(x, needle, format!("{here}[{i}]"), within)),
        _ => None,
    }
}

/// The byte offset of serde_json's (1-based line, column).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

#[derive(Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn render(stack: &[Seg]) -> String {
    let mut out = String::new();
    for s in stack {
        match s {
            Seg::Key(k) if k.is_empty() => {}
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Walks the JSON text up to `offset`: the path of the last value started there, and the path of
/// the innermost object open (or just closed) there.
fn path_at(text: &str, offset: usize) -> (String, String) {
    let b = text.as_bytes();
    let mut stack: Vec<Seg> = Vec::new();
    let mut objects: Vec<bool> = Vec::new();
    let mut expecting_key = false;
    let (mut last, mut container) = (String::new(), String::new());
    // A value is due (after ':' or inside an array) but has not started yet.
    let mut pending = false;
    let mut closed_last = false;
    let mut i = 0;
    while i < b.len() && i < offset {
        if !b[i].is_ascii_whitespace() {
            closed_last = matches!(b[i], b'}' | b']');
        }
        match b[i] {
            b'{' => {
                pending = false;
                last = render(&stack);
                stack.push(Seg::Key(String::new()));
                objects.push(true);
                expecting_key = true;
                container = last.clone();
            }
            b'[' => {
                last = render(&stack);
                stack.push(Seg::Index(0));
                objects.push(false);
                pending = true;
            }
            b'}' | b']' => {
                pending = false;
                stack.pop();
                objects.pop();
                // The value just completed is the container itself.
                last = render(&stack);
                container = last.clone();
            }
            b',' => match stack.last_mut() {
                Some(Seg::Index(n)) => {
                    *n += 1;
                    pending = true;
                }
                Some(Seg::Key(_)) => expecting_key = true,
                None => {}
            },
            b':' => {
                expecting_key = false;
                pending = true;
            }
            b'"' => {
                let st = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if expecting_key && objects.last() == Some(&true) {
                    if let Some(Seg::Key(k)) = stack.last_mut() {
                        *k = text.get(st..i.min(text.len())).unwrap_or("").to_string();
                    }
                } else {
                    pending = false;
                    last = render(&stack);
                }
            }
            c if c == b'-' || c.is_ascii_alphanumeric() => {
                pending = false;
                last = render(&stack);
                while i + 1 < b.len()
                    && (b[i + 1].is_ascii_alphanumeric() || matches!(b[i + 1], b'.' | b'-' | b'+'))
                {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if pending {
        last = render(&stack);
    }
    if !closed_last && objects.last() == Some(&true) {
        // Inside an object: its own path (without the key being read).
        let mut s = stack.clone();
        s.pop();
        container = render(&s);
    }
    (last, container)
}
