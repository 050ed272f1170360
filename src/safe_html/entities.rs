//! Character references and escaping: text and attribute values are escaped on the way out,
//! and an attribute's entities are decoded before its URL's scheme is judged.

pub(super) fn escape_into(out: &mut String, s: &str, keep_entities: bool) {
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
pub(super) fn decode_entities(s: &str) -> String {
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
