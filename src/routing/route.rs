//! Every screen of the app as one type: parsed from a path, written back as an address. The
//! router, the navigation bar, the screen table and every link read it, so a screen's address
//! lives here only. The app may be hosted under a sub-path: index.html's `<base href>` says which
//! (the README's Deploy section), and every address carries it.

/// A screen and what its path carries. The query (page, filter…) is read by the screen itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Separate,
    Jobs,
    Job(String),
    History,
    Library,
    Demos,
    News,
    Leaderboard,
    QcEntry(i64),
    QcQueue,
    QcSubmit,
    Account,
    Settings,
    NotFound,
}

use crate::i18n::k;

/// The screens of the navigation bar, in its order, with their labels.
pub const NAV: [(Route, &str); 9] = [
    (Route::Separate, k("Separate")),
    (Route::Jobs, k("Jobs")),
    (Route::History, k("History")),
    (Route::Library, k("Library")),
    (Route::Demos, k("Demos")),
    (Route::News, k("News")),
    (Route::Leaderboard, k("Leaderboard")),
    (Route::Account, k("Account")),
    (Route::Settings, k("Settings")),
];

thread_local! {
    static BASE: String = read_base();
}

/// The path the app is hosted under, without its last `/`: "" at a site's root, "/mvsep" when
/// index.html has `<base href="/mvsep/">`.
pub fn base() -> String {
    BASE.with(Clone::clone)
}

fn read_base() -> String {
    // Off the browser (native tests) the app is at the root.
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    let uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    base_path(&uri)
}

/// The path of a base URL without its last `/` ("http://h/mvsep/" -> "/mvsep").
pub fn base_path(uri: &str) -> String {
    let after_host = uri
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or("/");
    let path = after_host.split(['?', '#']).next().unwrap_or("/");
    // "/mvsep/index.html" and "/mvsep/" are both hosted at "/mvsep".
    path[..path.rfind('/').unwrap_or(0)].to_string()
}

impl Route {
    /// The screen for a path of the page's address, under the base path (see [`base`]).
    pub fn at(full_path: &str) -> Route {
        let base = base();
        match full_path.strip_prefix(base.as_str()) {
            Some(p) if p.is_empty() || p.starts_with('/') => Route::parse(p),
            _ => Route::NotFound,
        }
    }

    /// The screen for a path such as `/jobs/abc` (no query, no origin, no base path).
    pub fn parse(path: &str) -> Route {
        let path = path.trim_end_matches('/');
        match path {
            "" => Route::Separate,
            "/jobs" => Route::Jobs,
            "/history" => Route::History,
            "/library" => Route::Library,
            "/demos" => Route::Demos,
            "/news" => Route::News,
            "/leaderboard" => Route::Leaderboard,
            "/leaderboard/queue" => Route::QcQueue,
            "/leaderboard/submit" => Route::QcSubmit,
            "/account" => Route::Account,
            "/settings" => Route::Settings,
            _ => {
                if let Some(id) = path.strip_prefix("/leaderboard/entry/") {
                    return id.parse().map_or(Route::NotFound, Route::QcEntry);
                }
                match path.strip_prefix("/jobs/") {
                    Some(hash) if !hash.is_empty() && !hash.contains('/') => {
                        Route::Job(decode_segment(hash))
                    }
                    _ => Route::NotFound,
                }
            }
        }
    }

    /// The address of the screen, under the base path.
    pub fn href(&self) -> String {
        format!("{}{}", base(), self.path())
    }

    /// The screen's path below the base path.
    fn path(&self) -> String {
        match self {
            Route::Separate | Route::NotFound => "/".into(),
            Route::Jobs => "/jobs".into(),
            Route::Job(hash) => format!("/jobs/{}", crate::api::request::encode(hash)),
            Route::History => "/history".into(),
            Route::Library => "/library".into(),
            Route::Demos => "/demos".into(),
            Route::News => "/news".into(),
            Route::Leaderboard => "/leaderboard".into(),
            Route::QcEntry(id) => format!("/leaderboard/entry/{id}"),
            Route::QcQueue => "/leaderboard/queue".into(),
            Route::QcSubmit => "/leaderboard/submit".into(),
            Route::Account => "/account".into(),
            Route::Settings => "/settings".into(),
        }
    }
}

/// Percent-decoding of one path segment. Unlike a query (the browser's `URLSearchParams`), a path
/// keeps `+` as it is: a job hash may contain one. Written here, not taken from the browser, so
/// that routes are tested natively.
pub fn decode_segment(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(v) if b[i] == b'%' => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
