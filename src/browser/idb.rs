//! IndexedDB, called by name through `browser::js` (web-sys's IndexedDB types would each add
//! glue to the JavaScript every first visit fetches): a database of one object store, made on
//! first use, and its requests as futures. For the files of jobs not sent yet
//! (`kept_files.rs`) and the library's files (`library/files.rs`).

use crate::browser::js::{n, s, Js, JsResult};
use js_sys::Promise;
use wasm_bindgen::closure::Closure;

/// The result of an IDBRequest, once it succeeds.
pub async fn finished(req: Js) -> JsResult {
    let p = Promise::new(&mut |resolve, reject| {
        req.set("onsuccess", resolve);
        req.set("onerror", reject);
    });
    Js(p.into()).wait().await?;
    Ok(req.get("result"))
}

/// Store `store` of database `db` (its only one), in a transaction of `mode` ("readonly" or
/// "readwrite").
pub async fn store(db: &str, store: &str, mode: &str) -> JsResult {
    let req = Js::global("indexedDB").call("open", &[s(db), n(1.0)])?;
    let opening = req.clone();
    let name = store.to_string();
    let create = Closure::once_into_js(move || {
        let _ = opening.get("result").call("createObjectStore", &[s(&name)]);
    });
    req.set("onupgradeneeded", create);
    let db = finished(req).await?;
    let tx = db.call("transaction", &[s(store), s(mode)])?;
    tx.call("objectStore", &[s(store)])
}

/// Waits until the transaction of `store` is written (a write's own request succeeds before
/// that; a full quota fails the transaction). Its error, if it failed.
pub async fn committed(store: &Js) -> Result<(), Js> {
    let tx = store.get("transaction");
    let p = Promise::new(&mut |resolve, reject| {
        tx.set("oncomplete", resolve);
        tx.set("onabort", reject);
    });
    match Js(p.into()).wait().await {
        Ok(_) => Ok(()),
        Err(_) => Err(tx.get("error")),
    }
}
