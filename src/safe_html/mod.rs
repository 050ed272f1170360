//! HTML from the server (algorithm descriptions, news) made safe to show. The output is built
//! from scratch, not filtered: only allow-listed tags and attributes are written, every text and
//! attribute value is escaped, links must be http(s) or mailto, and relative links are rewritten
//! onto https://mvsep.com/. A misparse can only lose content, never inject markup.
//!
//! `entities.rs` escapes and decodes, `url.rs` judges addresses, `tag.rs` reads one tag; this
//! file holds the allow-lists and the walk that writes the output.

mod entities;
mod tag;
mod url;

use entities::{decode_entities, escape_into};
use tag::parse_tag;
pub use url::safe_url;

/// Elements kept (their content too).
const ALLOWED: [&str; 30] = [
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "blockquote",
    "code",
    "pre",
    "span",
    "div",
    "hr",
    "img",
    "h4",
];
/// Headings are demoted below the page's own headings.
const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
/// Elements dropped with everything inside them.
const DROPPED: [&str; 16] = [
    "script",
    "style",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "select",
    "textarea",
    "noscript",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];
const VOID: [&str; 3] = ["br", "hr", "img"];

fn write_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value, false);
    out.push('"');
}

/// The allowed attributes of an allowed element, written safely.
fn write_start(out: &mut String, name: &str, attrs: &[(String, &str)]) {
    out.push('<');
    out.push_str(name);
    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
    match name {
        "a" => {
            if let Some(url) = get("href").and_then(safe_url) {
                write_attr(out, "href", &url);
                out.push_str(" rel=\"noopener noreferrer nofollow\" target=\"_blank\"");
            }
        }
        "img" => {
            if let Some(url) = get("src")
                .and_then(safe_url)
                .filter(|u| !u.starts_with("mailto:"))
            {
                write_attr(out, "src", &url);
            }
            write_attr(out, "alt", &decode_entities(get("alt").unwrap_or("")));
            out.push_str(" loading=\"lazy\"");
        }
        "td" | "th" => {
            for k in ["colspan", "rowspan"] {
                if let Some(v) = get(k).filter(|v| {
                    !v.is_empty() && v.len() < 4 && v.bytes().all(|c| c.is_ascii_digit())
                }) {
                    write_attr(out, k, v);
                }
            }
        }
        _ => {}
    }
    out.push('>');
}

/// Returns safe HTML for `input`.
pub fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut open: Vec<String> = Vec::new();
    let mut i = 0;
    while i < input.len() {
        let rest = &input[i..];
        let Some(lt) = rest.find('<') else {
            escape_into(&mut out, rest, true);
            break;
        };
        escape_into(&mut out, &rest[..lt], true);
        i += lt;
        let rest = &input[i..];
        if let Some(body) = rest.strip_prefix("<!--") {
            i += 4 + body.find("-->").map(|p| p + 3).unwrap_or(body.len());
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map(|p| p + 1).unwrap_or(rest.len());
            continue;
        }
        let Some(tag) = parse_tag(rest) else {
            out.push_str("&lt;");
            i += 1;
            continue;
        };
        i += tag.len;
        let name = if HEADINGS.contains(&tag.name.as_str()) {
            "h4".to_string()
        } else {
            tag.name.clone()
        };
        if !tag.closing && DROPPED.contains(&name.as_str()) {
            // Skip to the matching end tag (or the end): the content goes too.
            let lower = input[i..].to_ascii_lowercase();
            let end = format!("</{name}");
            i += match lower.find(&end) {
                Some(p) => {
                    p + input[i + p..]
                        .find('>')
                        .map(|q| q + 1)
                        .unwrap_or(input.len() - i - p)
                }
                None => input.len() - i,
            };
            continue;
        }
        if !ALLOWED.contains(&name.as_str()) {
            continue;
        }
        if tag.closing {
            if let Some(pos) = open.iter().rposition(|t| *t == name) {
                while open.len() > pos {
                    let t = open.pop().unwrap_or_default();
                    out.push_str(&format!("</{t}>"));
                }
            }
        } else {
            write_start(&mut out, &name, &tag.attrs);
            if !VOID.contains(&name.as_str()) {
                open.push(name);
            }
        }
    }
    while let Some(t) = open.pop() {
        out.push_str(&format!("</{t}>"));
    }
    out
}
