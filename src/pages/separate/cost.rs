//! The lines under "4. Cost": what the songs will likely cost against the balance, the free
//! plan's separations left today, and how many jobs the plan runs at once.

use crate::catalog::options::credits;
use crate::components::{free_left, free_over};
use crate::i18n::{t, tn};

/// Credits for a song of `secs` seconds at (price coefficient, options' multiplier).
pub fn cost(secs: Option<f64>, (coefficient, multiplier): (f64, f64)) -> Option<u64> {
    secs.map(|secs| credits(secs, coefficient, multiplier))
}

/// What is about to be sent.
pub enum Songs {
    /// A link: the service reads its length.
    Link,
    /// A piece made from the options, or a target mastered to a reference.
    Other,
    None,
    /// Files: the credits of those whose length is known, and whether some length is not.
    Files {
        credits: u64,
        some_unknown: bool,
    },
}

/// The line: the likely cost, then the balance and whether it is spent at all.
pub fn cost_line(songs: Songs, balance: Option<i64>, premium: bool) -> String {
    let mut s = match songs {
        Songs::Link => t("A link's cost is known once the service reads it.").to_string(),
        Songs::Other => t("Its cost is known once the service has it.").to_string(),
        Songs::None => t("Add songs to see what they cost").to_string(),
        Songs::Files {
            credits,
            some_unknown,
        } => {
            let unknown = if some_unknown {
                t(" (some lengths unknown)")
            } else {
                ""
            };
            tn(credits, "About {n} credit", "About {n} credits") + unknown
        }
    };
    // The balance's words finish the sentence: a text that ends it already loses its stop.
    s.truncate(s.trim_end_matches(['.', '。']).len());
    match (balance, premium) {
        (Some(b), true) => s.push_str(&tr!("; your balance is {b}.", b = b)),
        (Some(b), false) => s.push_str(&tr!(
            ". Credits are charged only with premium use on (balance {b}).",
            b = b
        )),
        _ => s.push_str(t(".")),
    }
    s
}

/// The free plan's day, `(left, of)`, against `songs` about to be sent: nothing on premium.
/// (Inlined, as were the closures these came from: as calls they cost the first visit 0.4 kB.)
#[inline]
pub fn free_line(day: (i64, i64), songs: i64, premium: bool) -> String {
    match () {
        _ if premium => String::new(),
        _ if songs > day.0 => free_over(day),
        _ => free_left(day),
    }
}

/// How many jobs run at once: the plan's (or what the service showed), or none known.
#[inline]
pub fn plan_line(limit: Option<usize>) -> String {
    match limit {
        Some(n) => tn(n as u64, "Your plan runs {n} job at a time; the rest wait in this browser's queue.", "Your plan runs {n} jobs at a time; the rest wait in this browser's queue."),
        // The number is `queue::UPLOADS_AT_ONCE`.
        None => t("Premium runs as many jobs at once as the service allows; this browser uploads three at a time.").into(),
    }
}
