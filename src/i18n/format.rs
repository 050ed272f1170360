//! Numbers without the browser: English's, and everyone's outside the browser (native tests).

/// `x` with `places` decimals, written with integers: float formatting would pull the
/// standard library's float printer into the first visit's module (it is shared with chunks).
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let v = (x * scale as f64).round() as i64;
    let sign = if v < 0 { "-" } else { "" };
    let (whole, frac) = (v.abs() / scale, v.abs() % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}
