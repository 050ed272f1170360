//! HTML from the server (algorithm descriptions, news) made safe to show. The output is built
//! from scratch, not filtered: only allow-listed tags and attributes are written, every text and
//! attribute value is escaped, links must be http(s) or mailto, and relative links are rewritten
//! onto https://mvsep.com/. A misparse can only lose content, never inject markup.

const SITE: &str = "https://mvsep.com/";

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

fn escape_into(out: &mut String, s: &str, keep_entities: bool) {
    let b = s.as_bytes();
    let mut i = 0;
    for (pos, c) in s.char_indices() {
        if pos < i {
            continue;
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '&' => {
                // A well-formed character reference in text can only ever become one character.
                let len = if keep_entities {
                    entity_len(&b[pos..])
                } else {
                    0
                };
                if len > 0 {
                    out.push_str(&s[pos..pos + len]);
                    i = pos + len;
                } else {
                    out.push_str("&amp;");
                }
            }
            c => out.push(c),
        }
    }
}

/// The length of `&name;` / `&#123;` / `&#x1F;` at the start of `b`, or 0.
fn entity_len(b: &[u8]) -> usize {
    let mut j = 1;
    let numeric = b.get(1) == Some(&b'#');
    if numeric {
        j += 1;
        if matches!(b.get(2), Some(b'x' | b'X')) {
            j += 1;
        }
    }
    let start = j;
    while j < b.len() && j < 40 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j > start && b.get(j) == Some(&b';') {
        j + 1
    } else {
        0
    }
}

/// Decodes character references in an attribute value (for checking a URL's scheme).
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let b = rest.as_bytes();
        let mut j = 1;
        let code = if b.get(1) == Some(&b'#') {
            j = 2;
            let hex = matches!(b.get(2), Some(b'x' | b'X'));
            if hex {
                j = 3;
            }
            let st = j;
            while j < b.len()
                && (if hex {
                    b[j].is_ascii_hexdigit()
                } else {
                    b[j].is_ascii_digit()
                })
            {
                j += 1;
            }
            u32::from_str_radix(&rest[st..j], if hex { 16 } else { 10 })
                .ok()
                .and_then(char::from_u32)
        } else {
            let st = 1;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            match &rest[st..j] {
                "colon" => Some(':'),
                "Tab" | "tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "sol" => Some('/'),
                _ => None,
            }
        };
        match code {
            Some(c) => {
                out.push(c);
                if b.get(j) == Some(&b';') {
                    j += 1;
                }
                rest = &rest[j..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

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

struct Tag<'a> {
    name: String,
    closing: bool,
    attrs: Vec<(String, &'a str)>,
    /// Bytes consumed from '<' to after '>'.
    len: usize,
}

/// Parses a tag at the start of `s` (which begins with '<'); None when it is not a tag.
fn parse_tag(s: &str) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let st = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    let name = s[st..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            // Unterminated tag: everything after it is dropped.
            return Some(Tag {
                name,
                closing,
                attrs,
                len: b.len(),
            });
        }
        if b[i] == b'>' {
            return Some(Tag {
                name,
                closing,
                attrs,
                len: i + 1,
            });
        }
        let st = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let aname = s[st..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let vs = i + 1;
                    let ve = s[vs..].find(q as char).map(|p| vs + p).unwrap_or(b.len());
                    value = &s[vs..ve];
                    i = (ve + 1).min(b.len());
                }
                _ => {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = &s[vs..i];
                }
            }
        }
        if !aname.is_empty() {
            attrs.push((aname, value));
        }
    }
}

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
