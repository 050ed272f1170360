//! The tokenizer's one hard part: a tag at the current position, with its attributes.

pub(super) struct Tag<'a> {
    pub name: String,
    pub closing: bool,
    pub attrs: Vec<(String, &'a str)>,
    /// Bytes consumed from '<' to after '>'.
    pub len: usize,
}

/// Parses a tag at the start of `s` (which begins with '<'); None when it is not a tag.
pub(super) fn parse_tag(s: &str) -> Option<Tag<'_>> {
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
