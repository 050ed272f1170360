//! The only file of the API layer that touches the browser: it sends a [`Request`] with
//! gloo-net (fetch) and hands back a [`RawResponse`]. It never logs URLs or bodies, which
//! carry the token.

use crate::api::decode::RawResponse;
use crate::api::error::ApiError;
use crate::api::request::{Method, Request};
use gloo_net::http::Request as Http;
use web_sys::{AbortController, AbortSignal, FormData, RequestCache};

/// A file to upload, straight from the `<input type=file>` or a drop: never copied.
pub type FileBody = web_sys::Blob;

/// Cancels in-flight requests when dropped, so a view that goes away stops its calls.
pub struct Abort(Option<AbortController>);

impl Abort {
    pub fn new() -> Self {
        Self(AbortController::new().ok())
    }
    fn signal(&self) -> Option<AbortSignal> {
        self.0.as_ref().map(AbortController::signal)
    }
    pub fn abort(&self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}

impl Default for Abort {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Abort {
    fn drop(&mut self) {
        self.abort();
    }
}

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

pub async fn send(
    base: &str,
    req: &Request,
    file: Option<&FileBody>,
    abort: Option<&Abort>,
) -> Result<RawResponse, ApiError> {
    let url = req.url(base);
    let signal = abort.and_then(Abort::signal);
    let builder = match req.method {
        Method::Get => Http::get(&url),
        Method::Post => Http::post(&url),
    }
    .cache(RequestCache::NoStore)
    .abort_signal(signal.as_ref());
    let network = || ApiError::Network {
        base: if base.is_empty() {
            "this site".into()
        } else {
            base.to_string()
        },
        cross_origin: is_cross_origin(base),
    };
    let built = match req.method {
        Method::Get => builder.build(),
        Method::Post => {
            let form = FormData::new().map_err(|_| network())?;
            for (k, v) in &req.form {
                form.append_with_str(k, v).map_err(|_| network())?;
            }
            if let (Some(field), Some(f)) = (req.file_field, file) {
                form.append_with_blob(field, f).map_err(|_| network())?;
            }
            builder.body(form)
        }
    }
    .map_err(|_| network())?;
    let resp = built.send().await.map_err(|_| {
        if signal.as_ref().is_some_and(AbortSignal::aborted) {
            ApiError::Aborted
        } else {
            network()
        }
    })?;
    let status = resp.status();
    let retry_after = resp.headers().get("retry-after");
    // A connection dropped mid-body is reported like a network failure.
    let body = resp.text().await.map_err(|_| network())?;
    Ok(RawResponse {
        status,
        retry_after,
        body,
    })
}
