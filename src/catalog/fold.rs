//! Case folding for searching what people type: ASCII, Latin-1, Latin Extended-A, Greek and
//! Cyrillic letters, which is what model names, the service's descriptions (English, Russian,
//! Chinese) and the names people give their files are written in.
//! The standard library's `to_lowercase` carries the whole Unicode case table (about 3 kB of
//! the first visit's brotli'd wasm) for the search box alone.

/// `c` in lower case, for the scripts above; any other character as it is.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        // Latin Extended-A pairs its cases, the capital first (İ folds to two characters).
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        // Greek capitals, with and without the tonos.
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 0x3F,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` folded (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}
