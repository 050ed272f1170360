//! "Check the connection": what the answers to a few calls mean, in words a person can act on.
//! Whether mvsep.com lets a page on another site call it (CORS) is not known, so the check tells
//! apart a browser block (the host answers a plain request, but the page may not read it), a
//! network or host problem, a token the service refuses, and whether result files can be read
//! by the page (the mixer needs that) or only played.

use crate::api::access::SERVICE_HOSTS;
use crate::api::ApiError;
use crate::i18n::{k, t};

/// The service's regional hosts and mirror, offered by name in Settings.
pub const HOSTS: [(&str, &str); 6] = [
    (SERVICE_HOSTS[0], k("MVSEP (routes by region)")),
    (SERVICE_HOSTS[1], k("Germany")),
    (SERVICE_HOSTS[2], k("Germany 2")),
    (SERVICE_HOSTS[3], k("Hong Kong")),
    (SERVICE_HOSTS[4], k("Singapore")),
    (SERVICE_HOSTS[5], k("Mirror")),
];

#[derive(Debug, Clone, PartialEq)]
pub enum Reach {
    /// The API answered this page.
    Works,
    /// The host answers, but the browser does not let this page read it (no CORS).
    Blocked,
    /// Nothing answered: offline, or a wrong host name.
    Unreachable,
    /// Something answered, but not as the API (a proxy's error page, a 5xx...).
    Odd(String),
}

/// What the API call and, when it failed, a plain (no-cors) request to the same host say.
pub fn reach(api: &Result<(), ApiError>, host_answers: bool) -> Reach {
    match api {
        Ok(()) => Reach::Works,
        Err(ApiError::Network { .. }) if host_answers => Reach::Blocked,
        Err(ApiError::Network { .. }) => Reach::Unreachable,
        Err(e) => Reach::Odd(e.to_string()),
    }
}

/// Whether the service refused the token, in either of the shapes it uses (401
/// "Unauthenticated." or 400 "Invalid API key"): its words, if so.
pub fn token_refused(e: &ApiError) -> Option<String> {
    match e {
        ApiError::Unauthorized { message } => {
            Some(message.clone().unwrap_or_else(|| "Unauthenticated.".into()))
        }
        ApiError::Server { message, .. } => {
            let m = message.to_ascii_lowercase();
            (m.contains("api key") || m.contains("token") || m.contains("unauthenticated"))
                .then(|| message.clone())
        }
        _ => None,
    }
}

/// What a result file told: read by the page, only played, or not reached at all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Files {
    Readable,
    PlayOnly,
    Unreachable,
    /// No result or demo file to try.
    NoneToTry,
}

/// The service's other hosts, listed.
fn others() -> String {
    let mut out = String::new();
    for (i, (url, _)) in HOSTS[1..].iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(url);
    }
    out
}

/// The sentence for the API's reach at `base` (empty: this site's own /api).
pub fn reach_line(r: &Reach, base: &str, page: &str) -> String {
    let at = if base.is_empty() {
        crate::i18n::t("this site's /api")
    } else {
        base
    };
    match r {
        Reach::Works => tr!("The API at {at} answers this page.", at = at),
        Reach::Blocked => tr!(
            "The browser blocked the call: {at} answers, but does not let pages on {page} call it (no CORS). \
             Host this app behind the proxy in the README (Deploy) and leave the API address empty, \
             or try another of the service's hosts: {hosts}.",
            at = at,
            page = page,
            hosts = others()
        ),
        Reach::Unreachable => tr!("{at} could not be reached: this device may be offline, or the address is wrong.", at = at),
        Reach::Odd(e) => tr!("{at} answered, but not as the MVSEP API: {e}", at = at, e = e),
    }
}

pub fn files_line(f: Files) -> &'static str {
    t(match f {
        Files::Readable => k("Result files can be read by this page: the mixer plays them through Web Audio, draws their waveforms and exports mixes."),
        Files::PlayOnly => k("Result files can be played but not read by this page (their host sends no CORS headers): the mixer plays them as one audio element per stem, without waveforms or export. A proxy on this site lifts that."),
        Files::Unreachable => k("A result file could not be reached from this page."),
        Files::NoneToTry => k("No result file to try yet: check again once a job is done."),
    })
}
