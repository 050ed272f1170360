//! Uploads: a multipart POST with its files through XMLHttpRequest, for its progress events,
//! given up when it stalls.

use super::{form_data, network_error, shown, FileBody};
use crate::api::decode::RawResponse;
use crate::api::error::ApiError;
use crate::api::request::Request;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ProgressEvent, XmlHttpRequest};

/// The page's monotonic clock, ms (not `browser::monotonic_ms`: the API layer sits below it).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// How long an upload may go without sending a byte, or wait for its answer once all is sent:
/// a stalled upload would otherwise hold the plan's slot for ever. (Not a total: a large file on
/// a slow link takes as long as it takes.)
pub const STALL_SECS: u32 = 60;

/// An upload in flight; `abort` cancels it.
#[derive(Clone)]
pub struct UploadHandle {
    xhr: XmlHttpRequest,
    aborted: Rc<Cell<bool>>,
}

impl UploadHandle {
    pub fn abort(&self) {
        self.aborted.set(true);
        let _ = self.xhr.abort();
    }
}

/// Sends a multipart POST with its files (one per `file_fields`) with XMLHttpRequest, for its
/// upload progress events (`on_progress(loaded, total)`). Returns the handle at once and the
/// answer when it comes.
pub fn upload(
    base: &str,
    req: &Request,
    files: &[&FileBody],
    on_progress: impl Fn(f64, f64) + 'static,
) -> Result<
    (
        UploadHandle,
        impl std::future::Future<Output = Result<RawResponse, ApiError>>,
    ),
    ApiError,
> {
    let base = base.to_string();
    let xhr = XmlHttpRequest::new().map_err(|_| network_error(&base))?;
    xhr.open_with_async("POST", &req.url(&base), true)
        .map_err(|_| network_error(&base))?;
    let form = form_data(req, files).ok_or_else(|| network_error(&base))?;
    // The last sign of life, in ms of the page's monotonic clock; checked every few seconds.
    let alive = Rc::new(Cell::new(now()));
    let seen = alive.clone();
    let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        seen.set(now());
        on_progress(
            e.loaded(),
            if e.length_computable() {
                e.total()
            } else {
                0.0
            },
        )
    });
    if let Ok(up) = xhr.upload() {
        up.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        // All sent: the wait for the answer starts now.
        up.set_onload(Some(progress.as_ref().unchecked_ref()));
    }
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        xhr.set_onload(Some(&resolve));
        xhr.set_onerror(Some(&reject));
        xhr.set_onabort(Some(&reject));
        xhr.set_ontimeout(Some(&reject));
    });
    xhr.send_with_opt_form_data(Some(&form))
        .map_err(|_| network_error(&base))?;
    let handle = UploadHandle {
        xhr: xhr.clone(),
        aborted: Rc::new(Cell::new(false)),
    };
    let aborted = handle.aborted.clone();
    let stalled = Rc::new(Cell::new(false));
    let watch = {
        let (xhr, stalled) = (xhr.clone(), stalled.clone());
        leptos::prelude::set_interval_with_handle(
            move || {
                if now() - alive.get() > f64::from(STALL_SECS) * 1000.0 {
                    stalled.set(true);
                    let _ = xhr.abort();
                }
            },
            std::time::Duration::from_secs(5),
        )
        .ok()
    };
    let done = async move {
        let outcome = wasm_bindgen_futures::JsFuture::from(promise).await;
        drop(progress);
        if let Some(w) = watch {
            w.clear();
        }
        if stalled.get() {
            return Err(ApiError::TimedOut {
                base: shown(&base),
                secs: STALL_SECS,
            });
        }
        if aborted.get() {
            return Err(ApiError::Aborted);
        }
        outcome.map_err(|_| network_error(&base))?;
        Ok(RawResponse {
            status: xhr.status().unwrap_or(0),
            retry_after: xhr.get_response_header("Retry-After").ok().flatten(),
            body: xhr.response_text().ok().flatten().unwrap_or_default(),
        })
    };
    Ok((handle, done))
}
