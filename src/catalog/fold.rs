//! Case folding for searching what people type: ASCII, Latin-1, Latin Extended-A, Greek and
//! Cyrillic letters, which is what model names, the service's descriptions (English, Russian,
//! Chinese) and the names people give their files are written in.
//! The standard library's `to_lowercase` carries the whole Unicode case table (about 3 kB of
//! the first visit's brotli'd wasm) for the search box alone.

/// Capitals from `first` to `last` and how far above them their small letters are. Where that is
/// 1, the cases pair up (Latin Extended-A), every other code point from `first` a capital.
/// (A table and one loop: a match of these ranges was twice the code.)
const CAPITALS: [(u32, u32, i32); 17] = [
    (0x41, 0x5A, 0x20),
    (0xC0, 0xD6, 0x20),
    (0xD8, 0xDE, 0x20),
    // Latin Extended-A (İ folds to two characters; ĸ, ŉ and ſ have no capital).
    (0x100, 0x12F, 1),
    (0x132, 0x137, 1),
    (0x139, 0x148, 1),
    (0x14A, 0x177, 1),
    (0x178, 0x178, -0x79),
    (0x179, 0x17E, 1),
    // Greek, with and without the tonos.
    (0x386, 0x386, 0x26),
    (0x388, 0x38A, 0x25),
    (0x38C, 0x38C, 0x40),
    (0x38E, 0x38F, 0x3F),
    (0x391, 0x3A1, 0x20),
    (0x3A3, 0x3AB, 0x20),
    // Cyrillic.
    (0x400, 0x40F, 0x50),
    (0x410, 0x42F, 0x20),
];

/// `c` in lower case, for the scripts above; any other character as it is.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    // Most of what is searched is ASCII, and none of it past Cyrillic has a case here: the
    // table's loop only for what lies between (it made a whole fold 6.5 times slower).
    if u < 0x80 {
        return c.to_ascii_lowercase();
    }
    if u > 0x42F {
        return c;
    }
    for (first, last, above) in CAPITALS {
        if (first..=last).contains(&u) && (above != 1 || (u - first).is_multiple_of(2)) {
            return char::from_u32(u.wrapping_add_signed(above)).unwrap_or(c);
        }
    }
    c
}

/// `s` folded (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}
