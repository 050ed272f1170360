//! The kept files: Blobs in IndexedDB (`mvsep-library`, keyed `list::kept_key`), which the
//! service worker answers at `list::kept_url`. Each is read from the service a piece at a time,
//! counted for the progress line, and written whole; a keeping that fails takes its written
//! files away again.

use super::list::kept_key;
use crate::browser::fetch::{answer, FetchFail};
use crate::browser::idb;
use crate::browser::js::{s, Js, JsResult};
use crate::i18n::t;
use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

/// The database and its one store (src/sw.js reads them too).
const DB: &str = "mvsep-library";
const STORE: &str = "files";

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
    /// This browser does not let the page store files (a private window, storage turned off).
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

async fn store(mode: &str) -> JsResult {
    idb::store(DB, STORE, mode).await
}

/// Keeps the files at `urls` as result `hash`'s; `progress(bytes so far)` as they come. Their
/// sizes, or why not: then nothing of them stays.
pub async fn keep(
    hash: &str,
    urls: &[String],
    progress: impl Fn(f64),
) -> Result<Vec<f64>, KeepError> {
    let mut sizes = Vec::with_capacity(urls.len());
    for (i, url) in urls.iter().enumerate() {
        let before: f64 = sizes.iter().sum();
        match keep_one(url, &kept_key(hash, i), |b| progress(before + b)).await {
            Ok(size) => sizes.push(size),
            Err(e) => {
                remove(hash).await;
                return Err(e);
            }
        }
    }
    Ok(sizes)
}

/// Keeps one more file as result `hash`'s `n`th (its input, which may be gone or unreadable by
/// now: then nothing, and the result is kept without it); its size.
pub async fn keep_also(hash: &str, n: usize, url: &str, progress: impl Fn(f64)) -> Option<f64> {
    keep_one(url, &kept_key(hash, n), progress).await.ok()
}

async fn keep_one(url: &str, key: &str, progress: impl Fn(f64)) -> Result<f64, KeepError> {
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
    // Read piece by piece (counted), then stored as one Blob, which the browser keeps on disk:
    // the pieces are never copied into this page's memory.
    let unreadable = |_| KeepError::Unreadable;
    let reader = resp
        .get("body")
        .call("getReader", &[])
        .map_err(unreadable)?;
    let pieces = Array::new();
    let mut size = 0.0;
    loop {
        let read = reader
            .call("read", &[])
            .map_err(unreadable)?
            .wait()
            .await
            .map_err(unreadable)?;
        if member(&read, "done").is_truthy() {
            break;
        }
        let piece = read.get("value");
        size += piece.num("byteLength");
        pieces.push(&piece.0);
        progress(size);
    }
    let kind_only = Object::new();
    Js(kind_only.clone().into()).set("type", kind.as_str());
    let blob = Js::new("Blob", &[pieces.into(), kind_only.into()]).map_err(unreadable)?;
    let files = store("readwrite").await.map_err(|_| KeepError::NoStorage)?;
    files
        .call("put", &[blob.0, s(key)])
        .map_err(|_| KeepError::NoStorage)?;
    idb::committed(&files).await.map_err(|e| {
        if e.text("name") == "QuotaExceededError" {
            KeepError::Full
        } else {
            KeepError::NoStorage
        }
    })?;
    Ok(size)
}

/// The keys of result `hash`'s files: all that begin with its key's prefix.
fn keys_of(hash: &str) -> Option<JsValue> {
    let first = kept_key(hash, 0);
    let prefix = &first[..first.len() - 1];
    Js::global("IDBKeyRange")
        .call("bound", &[s(prefix), s(&format!("{prefix}\u{ffff}"))])
        .ok()
        .map(|r| r.0)
}

/// One request to the store, written before it answers.
async fn change(op: &str, args: &[JsValue]) {
    if let Ok(files) = store("readwrite").await {
        if files.call(op, args).is_ok() {
            let _ = idb::committed(&files).await;
        }
    }
}

/// Takes result `hash`'s files away (also those of a keeping cut short).
pub async fn remove(hash: &str) {
    if let Some(keys) = keys_of(hash) {
        change("delete", &[keys]).await;
    }
}

/// Takes every kept file away.
pub async fn remove_all() {
    change("clear", &[]).await;
}

/// Whether all `count` files of result `hash` are still there (the browser may have cleared
/// them, or a keeping was cut short).
pub async fn whole(hash: &str, count: usize) -> bool {
    let Some(keys) = keys_of(hash) else {
        return false;
    };
    let Ok(files) = store("readonly").await else {
        return false;
    };
    match files.call("count", &[keys]) {
        Ok(req) => idb::finished(req)
            .await
            .is_ok_and(|n| n.0.as_f64().unwrap_or(0.0) >= count as f64),
        Err(_) => false,
    }
}

/// Kept file `n` of result `hash`, as a Blob.
pub async fn blob(hash: &str, n: usize) -> Option<Js> {
    let files = store("readonly").await.ok()?;
    let found = idb::finished(files.call("get", &[s(&kept_key(hash, n))]).ok()?)
        .await
        .ok()?;
    (!found.is_nullish()).then_some(found)
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

/// Asks the browser to keep this site's data until the person removes it (or, with `ask`
/// false, whether it does already); its answer.
pub async fn persist(ask: bool) -> bool {
    let storage = Js::global("navigator").get("storage");
    match storage.call(if ask { "persist" } else { "persisted" }, &[]) {
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
