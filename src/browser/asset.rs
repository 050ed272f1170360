//! Files of the build that chunks fetch themselves (the tempo-and-key Worker, the mixer's
//! styles), named by an FNV-1a hash of their source: the same name `scripts/split-dist.sh` gives
//! them, so a cached copy of an old deploy is never taken for a new one.

use super::js::{s, Js};
use wasm_bindgen::JsValue;

/// FNV-1a (64-bit) of `bytes`, at compile time.
pub const fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The build's name for `stem.ext` whose source hashes to `hash` ("analysis-1a2b3c4d.js").
pub fn named(stem: &str, hash: u64, ext: &str) -> String {
    format!("{stem}-{:08x}.{ext}", hash >> 32)
}

/// Adds the stylesheet `href` to the page, once, at once; the future is done when it is in (or
/// failed: the view then comes unstyled rather than not at all).
pub fn stylesheet(href: &str) -> impl std::future::Future<Output = ()> {
    let doc = Js::global("document");
    let selector = format!("link[href=\"{href}\"]");
    let had = doc
        .call("querySelector", &[s(&selector)])
        .ok()
        .filter(|l| !l.is_nullish());
    let ready = had.as_ref().is_some_and(|l| l.flag("sheet"));
    let link = had.or_else(|| {
        let l = doc.call("createElement", &[s("link")]).ok()?;
        l.set("rel", "stylesheet");
        l.set("href", href);
        let _ = doc.get("head").call("append", std::slice::from_ref(&l.0));
        Some(l)
    });
    // Listened for now: it may well be in before the future is first awaited.
    let done = link.filter(|_| !ready).map(|link| {
        js_sys::Promise::new(&mut |resolve, _| {
            link.set("onload", resolve.clone());
            link.set("onerror", resolve);
        })
    });
    async move {
        if let Some(done) = done {
            let _ = Js(JsValue::from(done)).wait().await;
        }
    }
}
