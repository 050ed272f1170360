//! Case folding for searching what people type: ASCII, Latin-1 and Cyrillic letters, which is
//! what model names and the service's descriptions (English, Russian, Chinese) are written in.
//! The standard library's `to_lowercase` carries the whole Unicode case table (about 3 kB of
//! the first visit's brotli'd wasm) for the search box alone.

/// `c` in lower case, for the scripts above; any other character as it is.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` folded (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}
