//! The kept files: answers in Cache Storage, at `list::kept_url` (the service worker answers
//! them). Each is read from the service a piece at a time, counted for the progress line, and
//! written whole; a keeping that fails takes its written files away again.

use super::list::kept_url;
use crate::browser::fetch::{answer, FetchFail};
use crate::browser::js::{s, Js};
use crate::i18n::t;
use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

const CACHE: &str = "mvsep-library";

/// Why a result could not be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum KeepError {
    /// The service no longer has the files (HTTP 404 or 410).
    Gone,
    /// The host answered another error status.
    Status(u16),
    /// The page may not read the files (another site without CORS), or the network failed.
    Unreadable,
    /// The browser's quota for this site is used up.
    Full,
    /// This browser has no Cache Storage (an insecure address, a private window).
    NoStorage,
}

impl KeepError {
    pub fn message(&self) -> String {
        match self {
            KeepError::Gone => t("The service has deleted this result's files already: nothing was kept.").into(),
            KeepError::Status(s) => tr!("The service answered HTTP {s} for a file: nothing was kept.", s = s),
            KeepError::Unreadable => t("The files could not be read (the network, or a host that does not let this page read them): nothing was kept.").into(),
            KeepError::Full => t("There is no more room for this site on this device: nothing was kept. Remove kept results, or free space on the device.").into(),
            KeepError::NoStorage => t("This browser does not let this page store files (a private window?): nothing was kept.").into(),
        }
    }
}

async fn library() -> Result<Js, KeepError> {
    let caches = Js::global("caches");
    if caches.is_nullish() {
        return Err(KeepError::NoStorage);
    }
    let open = caches
        .call("open", &[s(CACHE)])
        .map_err(|_| KeepError::NoStorage)?;
    open.wait().await.map_err(|_| KeepError::NoStorage)
}

/// Keeps the files at `urls` as result `hash`'s; `progress(bytes so far)` as they come. Their
/// sizes, or why not: then nothing of them stays.
pub async fn keep(
    hash: &str,
    urls: &[String],
    progress: impl Fn(f64),
) -> Result<Vec<f64>, KeepError> {
    let cache = library().await?;
    let mut sizes = Vec::with_capacity(urls.len());
    for (i, url) in urls.iter().enumerate() {
        let before: f64 = sizes.iter().sum();
        match keep_one(&cache, url, &kept_url(hash, i), |b| progress(before + b)).await {
            Ok(size) => sizes.push(size),
            Err(e) => {
                remove(hash).await;
                return Err(e);
            }
        }
    }
    Ok(sizes)
}

async fn keep_one(
    cache: &Js,
    url: &str,
    at: &str,
    progress: impl Fn(f64),
) -> Result<f64, KeepError> {
    let resp = answer(url).await.map_err(|e| match e {
        FetchFail::Unreadable => KeepError::Unreadable,
        FetchFail::Status(404 | 410) => KeepError::Gone,
        FetchFail::Status(status) => KeepError::Status(status),
    })?;
    let kind = resp
        .get("headers")
        .call("get", &[s("content-type")])
        .ok()
        .and_then(|v| v.0.as_string())
        .unwrap_or_else(|| "application/octet-stream".into());
    // Read piece by piece (counted), then handed to the cache as one Blob, which the browser
    // keeps on disk: the pieces are never copied into this page's memory.
    let reader = resp
        .get("body")
        .call("getReader", &[])
        .map_err(|_| KeepError::Unreadable)?;
    let pieces = Array::new();
    let mut size = 0.0;
    loop {
        let read = reader
            .call("read", &[])
            .map_err(|_| KeepError::Unreadable)?
            .wait()
            .await
            .map_err(|_| KeepError::Unreadable)?;
        if member(&read, "done").is_truthy() {
            break;
        }
        let piece = read.get("value");
        size += piece.num("byteLength");
        pieces.push(&piece.0);
        progress(size);
    }
    let type_only = Object::new();
    Js(type_only.clone().into()).set("type", kind.as_str());
    let blob =
        Js::new("Blob", &[pieces.into(), type_only.into()]).map_err(|_| KeepError::Unreadable)?;
    let headers = Js::new("Headers", &[]).map_err(|_| KeepError::Unreadable)?;
    let _ = headers.call("set", &[s("content-type"), s(&kind)]);
    let _ = headers.call("set", &[s("content-length"), s(&(size as u64).to_string())]);
    let init = Object::new();
    Js(init.clone().into()).set("headers", headers.0);
    let answer = Js::new("Response", &[blob.0, init.into()]).map_err(|_| KeepError::Unreadable)?;
    let put = cache
        .call("put", &[s(at), answer.0])
        .map_err(|_| KeepError::NoStorage)?;
    put.wait().await.map_err(|e| {
        if Js(e).text("name") == "QuotaExceededError" {
            KeepError::Full
        } else {
            KeepError::NoStorage
        }
    })?;
    Ok(size)
}

/// Every stored file of result `hash` (also those of a keeping cut short).
async fn stored(hash: &str) -> Vec<JsValue> {
    let Ok(cache) = library().await else {
        return Vec::new();
    };
    let prefix = kept_url(hash, 0);
    let prefix = &prefix[..prefix.len() - 1];
    let Ok(keys) = cache.call("keys", &[]) else {
        return Vec::new();
    };
    let Ok(keys) = keys.wait().await else {
        return Vec::new();
    };
    Array::from(&keys.0)
        .iter()
        .filter(|r| {
            let url = Js(r.clone()).text("url");
            url.contains(&format!("/{prefix}"))
        })
        .collect()
}

/// Takes result `hash`'s files away.
pub async fn remove(hash: &str) {
    if let Ok(cache) = library().await {
        for r in stored(hash).await {
            if let Ok(p) = cache.call("delete", &[r]) {
                let _ = p.wait().await;
            }
        }
    }
}

/// Takes every kept file away.
pub async fn remove_all() {
    if let Ok(p) = Js::global("caches").call("delete", &[s(CACHE)]) {
        let _ = p.wait().await;
    }
}

/// Whether all `count` files of result `hash` are still there (the browser may have cleared
/// them, or a keeping was cut short).
pub async fn whole(hash: &str, count: usize) -> bool {
    stored(hash).await.len() >= count
}

/// Kept file `n` of result `hash`, as a Blob.
pub async fn blob(hash: &str, n_: usize) -> Option<Js> {
    let cache = library().await.ok()?;
    let hit = cache
        .call("match", &[s(&kept_url(hash, n_))])
        .ok()?
        .wait()
        .await
        .ok()?;
    if hit.is_nullish() {
        return None;
    }
    hit.call("blob", &[]).ok()?.wait().await.ok()
}

/// (used, quota) in bytes for this site, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let e = Js::global("navigator")
        .get("storage")
        .call("estimate", &[])
        .ok()?
        .wait()
        .await
        .ok()?;
    let num = |k| member(&e, k).as_f64().unwrap_or(f64::NAN);
    Some((num("usage"), num("quota")))
}

/// Asks the browser to keep this site's data until the person removes it; whether it will.
pub async fn persist(ask: bool) -> bool {
    let storage = Js::global("navigator").get("storage");
    let call = storage.call(if ask { "persist" } else { "persisted" }, &[]);
    match call {
        Ok(p) => p.wait().await.map(|v| v.0.is_truthy()).unwrap_or(false),
        Err(_) => false,
    }
}

/// A member of a dictionary the browser answers with (a stream read's `done`, an estimate's
/// `usage`): not on any prototype, so not in tests/fixtures/js_names.txt, which the browser
/// test looks up there.
fn member(dict: &Js, key: &str) -> JsValue {
    js_sys::Reflect::get(&dict.0, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
