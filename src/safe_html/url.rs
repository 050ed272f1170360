//! Where a link or image in the service's HTML may point: http(s) (the one URL policy), mailto,
//! or a path on the site, made absolute; anything else (javascript:, data:...) is dropped.

use super::entities::decode_entities;

const SITE: &str = "https://mvsep.com/";

/// A safe absolute URL for `href`/`src`, or None.
pub fn safe_url(raw: &str) -> Option<String> {
    let decoded = decode_entities(raw);
    // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    let compact: String = decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if let Some(web) = crate::api::web_url::web_url(&compact) {
        return Some(web);
    }
    let lower = compact.to_ascii_lowercase();
    if lower.starts_with("mailto:") {
        return Some(compact);
    }
    if lower.starts_with("//") {
        return Some(format!("https:{compact}"));
    }
    let scheme_end = lower.find(':');
    let path_end = lower.find(['/', '?', '#']).unwrap_or(lower.len());
    if scheme_end.is_some_and(|i| i < path_end) {
        return None; // javascript:, data:, vbscript:, anything else
    }
    if compact.starts_with('#') {
        return None;
    }
    // Relative to the site: "../../../ru/demo?x=1" and "/news/3" both resolve from its root.
    let mut path = compact.as_str();
    loop {
        if let Some(p) = path.strip_prefix("../") {
            path = p;
        } else if let Some(p) = path.strip_prefix("./") {
            path = p;
        } else if let Some(p) = path.strip_prefix('/') {
            path = p;
        } else {
            break;
        }
    }
    Some(format!("{SITE}{path}"))
}
