//! Request descriptions. Only "simple" requests are made (GET with a query, POST with a
//! multipart form, no custom headers) so that a browser never sends a CORS preflight.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// How the body of a successful answer is wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// `{success, data: T}`
    Data,
    /// The whole object is `T` (`{success, status, data}`, `{success, message}`, ...).
    Whole,
    /// A bare JSON array.
    Bare,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub method: Method,
    /// Path below the API base, starting with `/api/`.
    pub path: &'static str,
    pub query: Vec<(String, String)>,
    /// Text parts of the multipart body (POST only).
    pub form: Vec<(String, String)>,
    /// The names of the file parts the transport attaches, in order (mastering sends two).
    pub file_fields: Vec<&'static str>,
    pub envelope: Envelope,
}

impl Request {
    pub fn get(path: &'static str, envelope: Envelope) -> Self {
        Self {
            method: Method::Get,
            path,
            query: Vec::new(),
            form: Vec::new(),
            file_fields: Vec::new(),
            envelope,
        }
    }
    pub fn post(path: &'static str, envelope: Envelope) -> Self {
        Self {
            method: Method::Post,
            ..Self::get(path, envelope)
        }
    }
    /// Adds a parameter to the query (GET) or the form (POST).
    pub fn param(mut self, key: &str, value: impl ToString) -> Self {
        let pair = (key.to_string(), value.to_string());
        match self.method {
            Method::Get => self.query.push(pair),
            Method::Post => self.form.push(pair),
        }
        self
    }
    pub fn param_opt(self, key: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.param(key, v),
            None => self,
        }
    }
    pub fn with_file(mut self, field: &'static str) -> Self {
        self.file_fields.push(field);
        self
    }
    /// The full URL against `base` (e.g. `https://mvsep.com`, or `` for the same origin).
    pub fn url(&self, base: &str) -> String {
        let mut url = format!("{}{}", base.trim_end_matches('/'), self.path);
        if !self.query.is_empty() {
            url.push('?');
            let parts: Vec<String> = self
                .query
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect();
            url.push_str(&parts.join("&"));
        }
        url
    }
    /// Whether this request carries the API token (for keeping it away from logs).
    pub fn carries_token(&self) -> bool {
        self.query
            .iter()
            .chain(self.form.iter())
            .any(|(k, _)| k == "api_token")
    }
}

/// Percent-encodes a query component (RFC 3986 unreserved characters stay as they are).
/// Job hashes contain spaces, brackets and non-ASCII letters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Normalises a base URL the person typed: trims spaces and trailing slashes; an empty base
/// means "this origin" (behind a same-origin proxy).
pub fn normalize_base(input: &str) -> Result<String, String> {
    let s = input.trim().trim_end_matches('/');
    if s.is_empty() {
        return Ok(String::new());
    }
    if !(s.starts_with("https://") || s.starts_with("http://")) {
        return Err(crate::i18n::t("The API address must start with https:// or http://").into());
    }
    let host = &s[s.find("://").map(|i| i + 3).unwrap_or(0)..];
    if host.is_empty() || host.contains(' ') {
        return Err(crate::i18n::t("The API address has no valid host").into());
    }
    if s.ends_with("/api") {
        return Err(
            crate::i18n::t("Leave out /api: the app adds it (e.g. https://mvsep.com)").into(),
        );
    }
    Ok(s.to_string())
}
