//! Files not sent yet, kept in IndexedDB, so that a reload, a crash or a closed laptop resumes a
//! batch without asking for them again. The browser keeps a stored File as it is, on disk: it is
//! never read into this page's memory (`idb.rs`: why by name).

use crate::browser::idb;
use crate::browser::js::{s, JsResult};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

const DB: &str = "mvsep-files";
const STORE: &str = "files";

/// A job's files are kept only up to this size in all (beyond it, a reload asks for them again,
/// as without this store): a browser's quota for a site is a share of the free disk.
pub const KEEP_UP_TO_BYTES: f64 = 2.0 * 1024.0 * 1024.0 * 1024.0;

/// One request `op` to the store, in a transaction of `mode`; its result.
async fn ask(mode: &str, op: &str, args: &[JsValue]) -> JsResult {
    idb::finished(idb::store(DB, STORE, mode).await?.call(op, args)?).await
}

/// The result of a read that answers a list (none when it failed or found nothing).
async fn list(op: &str, args: &[JsValue]) -> Array {
    ask("readonly", op, args)
        .await
        .ok()
        .and_then(|v| v.0.dyn_into::<Array>().ok())
        .unwrap_or_else(Array::new)
}

/// Keeps job `id`'s files; false when they are too large or the browser refused (no room,
/// private mode), and then a reload asks for them as before.
pub async fn keep(id: &str, files: &[web_sys::File]) -> bool {
    if files.iter().map(|f| f.size()).sum::<f64>() > KEEP_UP_TO_BYTES {
        return false;
    }
    let list: Array = files.iter().collect();
    ask("readwrite", "put", &[list.into(), s(id)]).await.is_ok()
}

/// Job `id`'s kept files (none if there are none, or they cannot be read back).
pub async fn files(id: &str) -> Vec<web_sys::File> {
    let found = list("get", &[s(id)]).await;
    // Only this app writes the store, and only Files. (Indexed rather than iterated, and
    // unchecked: the iterator and the type check would be code the first visit fetches.)
    (0..found.length())
        .map(|i| found.get(i).unchecked_into())
        .collect()
}

/// The ids of every job with kept files.
pub async fn ids() -> Vec<String> {
    let found = list("getAllKeys", &[]).await;
    (0..found.length())
        .filter_map(|i| found.get(i).as_string())
        .collect()
}

/// Lets go of job `id`'s files (sent, or forgotten).
pub async fn drop_files(id: &str) {
    let _ = ask("readwrite", "delete", &[s(id)]).await;
}
