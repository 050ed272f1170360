//! One rule for every address the service sends (result files, inputs, mirrors, demos, help
//! links) and for the addresses a person types: only http(s) becomes a link, a request or a
//! media source; anything else (`javascript:`, `data:`, `blob:`...) is shown as text or left out.
//! Applied where an address is used, so what is read back from storage passes through it too.

/// `raw` as a web address, or None. Browsers drop tabs and newlines anywhere in a URL and
/// spaces and control characters around it ("java\tscript:"), so the rule judges what they
/// would see, and that is what is returned.
pub fn web_url(raw: &str) -> Option<String> {
    let seen: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let lower = seen.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    // A host is needed: "http://" alone, or "http:///x", goes nowhere.
    (!rest.is_empty() && !rest.starts_with('/')).then_some(seen)
}

/// As `web_url`, also taking a path on the service's own host (`/storage/...`), as some answers
/// give: resolved against `base`, the API address (empty: this site, which proxies it).
pub fn web_url_on(raw: &str, base: &str) -> Option<String> {
    let t = raw.trim();
    if t.starts_with('/') && !t.starts_with("//") && !t.contains(['\\', '\t', '\n', '\r']) {
        return match base.trim_end_matches('/') {
            "" => Some(t.to_string()),
            b => web_url(&format!("{b}{t}")),
        };
    }
    web_url(raw)
}
