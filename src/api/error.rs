//! One error type for every way a call can fail, each with a message a person can act on.

use crate::i18n::t;
use std::fmt;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ApiError {
    /// The request never got an answer: offline, server down, DNS, or a cross-origin block
    /// (the browser reports all of these the same way).
    Network { base: String, cross_origin: bool },
    /// HTTP 401: an unknown token, or the site's bot protection.
    Unauthorized { message: Option<String> },
    /// HTTP 429.
    RateLimited { retry_after_secs: Option<u32> },
    /// The server refused, in its own words (any envelope).
    Server { status: u16, message: String },
    /// Field errors (`message: {field: [..]}`), in the server's order.
    Validation {
        status: u16,
        fields: Vec<(String, Vec<String>)>,
    },
    /// A body that is not JSON (502/503 pages, proxies, truncated bodies).
    NotJson { status: u16, snippet: String },
    /// JSON of an unexpected shape; `path` names the field.
    Decode { path: String, detail: String },
    /// The call was cancelled (the view went away or the person pressed cancel).
    Aborted,
    /// No whole answer within the deadline: a hung server or network.
    TimedOut { base: String, secs: u32 },
    /// Not sent: it needs the token, which goes only to the API address in Settings (or the
    /// service's own hosts), and the job is at `base`.
    Elsewhere { base: String },
}

impl ApiError {
    /// Seconds to wait before trying again, when the server said.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            ApiError::RateLimited { retry_after_secs } => *retry_after_secs,
            _ => None,
        }
    }
    /// Worth retrying later without changing anything.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network { .. } | ApiError::RateLimited { .. } | ApiError::TimedOut { .. } => {
                true
            }
            ApiError::NotJson { status, .. } => *status >= 500 || *status == 0,
            ApiError::Server { status, .. } => *status >= 500,
            _ => false,
        }
    }
    /// The messages for one form field, for showing next to it.
    pub fn field_errors(&self, field: &str) -> Vec<String> {
        match self {
            ApiError::Validation { fields, .. } => fields
                .iter()
                .filter(|(f, _)| f == field)
                .flat_map(|(_, m)| m.clone())
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network { base, cross_origin } => {
                f.write_str(&tr!(
                    "Could not reach the MVSEP API at {base}. Check your connection and the API \
                     address in Settings.",
                    base = base
                ))?;
                if *cross_origin {
                    f.write_str(t(
                        " If the address is right, the browser may have blocked a cross-origin \
                         call: serve this app and a proxy for /api from one origin (see the \
                         README's Deploy section) and set the API address to that origin.",
                    ))?;
                }
                Ok(())
            }
            // Whole sentences, the service's words in a slot: each language punctuates its own.
            ApiError::Unauthorized { message } => match message {
                Some(m) => f.write_str(&tr!(
                    "The server refused the token or the request (HTTP 401): {message}. Check \
                     the API token in Settings.",
                    message = m
                )),
                None => f.write_str(t(
                    "The server refused the token or the request (HTTP 401). Check the API token \
                     in Settings.",
                )),
            },
            ApiError::RateLimited { retry_after_secs } => match retry_after_secs {
                Some(s) => f.write_str(&tr!(
                    "Too many requests: the server asks to wait {s} s.",
                    s = s
                )),
                None => f.write_str(t("Too many requests: wait a minute and try again.")),
            },
            ApiError::Server { status, message } => write!(f, "{message} (HTTP {status})"),
            ApiError::Validation { fields, .. } => {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|(field, msgs)| format!("{field}: {}", msgs.join(" ")))
                    .collect();
                write!(f, "{}", parts.join("; "))
            }
            ApiError::NotJson { status, snippet } => {
                if *status >= 500 {
                    f.write_str(&tr!(
                        "The service answered with an error page (HTTP {status}); it may be down \
                         or overloaded. Try again in a minute.",
                        status = status
                    ))
                } else {
                    f.write_str(&tr!(
                        "The server's answer was not the data expected (HTTP {status}): \
                         \u{201c}{snippet}\u{201d}. Check the API address in Settings.",
                        status = status,
                        snippet = snippet
                    ))
                }
            }
            ApiError::Decode { path, detail } => f.write_str(&tr!(
                "The server's answer could not be read: field `{path}`: {detail}. The service may \
                 have changed; please report it.",
                path = path,
                detail = detail
            )),
            ApiError::Aborted => f.write_str(t("Cancelled.")),
            ApiError::TimedOut { base, secs } => f.write_str(&tr!(
                "{base} did not answer within {s} s. The service may be overloaded, or the \
                 connection lost; try again.",
                base = base,
                s = secs
            )),
            ApiError::Elsewhere { base } => f.write_str(&tr!(
                "This job is at {base}, not at the API address in Settings, and your token is \
                 sent only there. Set the API address to {base} to do this here.",
                base = base
            )),
        }
    }
}

impl std::error::Error for ApiError {}
