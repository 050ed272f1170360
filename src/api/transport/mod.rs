//! The only module of the API layer that touches the browser: it sends a [`Request`] with
//! gloo-net (fetch), or with its files through [`upload`], and hands back a [`RawResponse`]. It
//! never logs URLs or bodies, which carry the token.

mod upload;

pub use upload::{upload, UploadHandle};

use crate::api::decode::RawResponse;
use crate::api::error::ApiError;
use crate::api::request::{Method, Request};
use gloo_net::http::Request as Http;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal, FormData, RequestCache};

/// A file to upload, straight from the `<input type=file>` or a drop: never copied.
pub type FileBody = web_sys::Blob;

/// Whether `base` is another origin than the page's (a cross-origin block is then possible).
fn is_cross_origin(base: &str) -> bool {
    if base.is_empty() {
        return false;
    }
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    !base.starts_with(&origin)
}

/// The API address as a person reads it (empty is this site's own /api).
fn shown(base: &str) -> String {
    if base.is_empty() {
        crate::i18n::t("this site").into()
    } else {
        base.to_string()
    }
}

fn network_error(base: &str) -> ApiError {
    ApiError::Network {
        base: shown(base),
        cross_origin: is_cross_origin(base),
    }
}

/// How long a call without a file may take, answer body included.
pub const DEADLINE_SECS: u32 = 30;

thread_local! {
    /// The abort controller of each [`Cancel`] that has sent something.
    static OPEN: RefCell<Vec<(u32, AbortController)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// A handle that aborts the requests sent under it (a screen's loads when it goes away). It is
/// a number, so a [`crate::api::Client`] carrying it stays `Send`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancel(u32);

impl Cancel {
    pub fn new() -> Self {
        Cancel(NEXT.with(|c| c.replace(c.get() + 1)))
    }
    /// Aborts every request still in flight under this handle.
    pub fn abort(self) {
        OPEN.with(|o| {
            o.borrow_mut().retain(|(n, c)| {
                if *n == self.0 {
                    c.abort();
                }
                *n != self.0
            })
        });
    }
    /// The signal of this handle's controller (made at its first request).
    fn signal(self) -> Option<AbortSignal> {
        OPEN.with(|o| {
            let mut o = o.borrow_mut();
            if let Some((_, c)) = o.iter().find(|(n, _)| *n == self.0) {
                return Some(c.signal());
            }
            let c = AbortController::new().ok()?;
            let s = c.signal();
            o.push((self.0, c));
            Some(s)
        })
    }
}

impl Default for Cancel {
    fn default() -> Self {
        Self::new()
    }
}

fn form_data(req: &Request, files: &[&FileBody]) -> Option<FormData> {
    let form = FormData::new().ok()?;
    for (k, v) in &req.form {
        form.append_with_str(k, v).ok()?;
    }
    for (field, f) in req.file_fields.iter().zip(files) {
        // A File keeps its name; the browser streams it from disk, never copying it into memory.
        match f.dyn_ref::<web_sys::File>() {
            Some(named) => form
                .append_with_blob_and_filename(field, f, &named.name())
                .ok()?,
            None => form.append_with_blob(field, f).ok()?,
        }
    }
    Some(form)
}

/// Sends a request without a file (files go through [`upload`], for its progress events),
/// aborted at the deadline or by `cancel`.
pub async fn send(
    base: &str,
    req: &Request,
    cancel: Option<Cancel>,
) -> Result<RawResponse, ApiError> {
    let deadline = AbortSignal::timeout_with_u32(DEADLINE_SECS * 1000);
    let by_hand = cancel.and_then(Cancel::signal);
    let signal = match &by_hand {
        Some(s) => AbortSignal::any(&js_sys::Array::of2(s, &deadline)),
        None => deadline.clone(),
    };
    fetch(base, req, &signal).await.map_err(|e| match () {
        _ if by_hand.as_ref().is_some_and(AbortSignal::aborted) => ApiError::Aborted,
        _ if deadline.aborted() => ApiError::TimedOut {
            base: shown(base),
            secs: DEADLINE_SECS,
        },
        _ => e,
    })
}

async fn fetch(base: &str, req: &Request, signal: &AbortSignal) -> Result<RawResponse, ApiError> {
    let url = req.url(base);
    let network = || network_error(base);
    let resp = match early(req, &url).await {
        Some(resp) => resp,
        None => send_fetch(req, &url, signal).await.ok_or_else(network)?,
    };
    let status = resp.status();
    let retry_after = resp.headers().get("retry-after");
    // A connection dropped mid-body is reported like a network failure. Read as bytes, not
    // text: the glue copies a JS string into the wasm a character at a time up to its first
    // non-ASCII one, some 20 ms of a phone's main thread (4x slower CPU) for the model list.
    let bytes = resp.binary().await.map_err(|_| network())?;
    let body = crate::api::decode::body_text(bytes);
    Ok(RawResponse {
        status,
        retry_after,
        body,
    })
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// src/boot.js's answer for this address, if it asked for it as the page was read.
    #[wasm_bindgen(js_namespace = mvsepEarly, catch)]
    fn take(key: &str) -> Result<Option<js_sys::Promise>, wasm_bindgen::JsValue>;
}

/// A deep link's first call, made by src/boot.js alongside the wasm instead of after it: taken
/// once. A failed one is `None`, and the call is made as any other.
async fn early(req: &Request, url: &str) -> Option<gloo_net::http::Response> {
    if req.method != Method::Get {
        return None;
    }
    let answer = wasm_bindgen_futures::JsFuture::from(take(url).ok()??).await;
    Some(web_sys::Response::from(answer.ok()?).into())
}

async fn send_fetch(
    req: &Request,
    url: &str,
    signal: &AbortSignal,
) -> Option<gloo_net::http::Response> {
    let builder = match req.method {
        Method::Get => Http::get(url),
        Method::Post => Http::post(url),
    }
    .cache(RequestCache::NoStore)
    .abort_signal(Some(signal));
    let built = match req.method {
        Method::Get => builder.build(),
        Method::Post => builder.body(form_data(req, &[])?),
    };
    built.ok()?.send().await.ok()
}
