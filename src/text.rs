//! Plain text cut into pieces by a byte.

/// The pieces of `s` between `sep` bytes. (Scanned by hand: the standard library's splitters
/// are shared with other screens' code, and wasm-split then gives them small chunks of their
/// own, which cost the leaderboard's first visit about 1 kB.)
pub fn pieces(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The lines of a text, without their line ends (`\n` or `\r\n`).
pub fn lines(s: &str) -> impl Iterator<Item = &str> {
    pieces(s, b'\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}
