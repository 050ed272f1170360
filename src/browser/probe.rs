//! Requests that tell what the browser lets this page do with a host, for the connection check:
//! a plain (no-cors) request is fetched even when the page may not read its answer, so it tells
//! a host that answers from one that cannot be reached.

use crate::browser::js::{s, Js};

async fn fetch(url: &str, mode: &str) -> Option<Js> {
    let opts = Js(js_sys::Object::new().into());
    opts.set("mode", mode);
    opts.set("cache", "no-store");
    Js::global("window")
        .call("fetch", &[s(url), opts.0])
        .ok()?
        .wait()
        .await
        .ok()
}

/// Whether the host of `url` answers at all.
pub async fn answers(url: &str) -> bool {
    fetch(url, "no-cors").await.is_some()
}

/// Whether this page may read `url` (`Some(true)`), may only reach it (`Some(false)`: no CORS;
/// media elements can still play it), or cannot reach it (`None`).
pub async fn readable(url: &str) -> Option<bool> {
    match fetch(url, "cors").await {
        Some(resp) => {
            // Only the headers were needed: the file itself can be large.
            let _ = resp.get("body").call("cancel", &[]);
            Some(true)
        }
        None => answers(url).await.then_some(false),
    }
}
