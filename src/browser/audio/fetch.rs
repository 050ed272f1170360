//! Reading a result file into a Blob, and Blobs back out in pieces.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchFail {
    /// The browser refused to hand the bytes to the page (another site without CORS), or the
    /// network failed before any answer: the files can still be played by `<audio>`.
    Unreadable,
    /// The host answered, with an error status.
    Status(u16),
}

pub async fn blob(url: &str) -> Result<web_sys::Blob, FetchFail> {
    let window = web_sys::window().ok_or(FetchFail::Unreadable)?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| FetchFail::Unreadable)?;
    let resp: web_sys::Response = resp.unchecked_into();
    if !resp.ok() {
        return Err(FetchFail::Status(resp.status()));
    }
    let blob = resp.blob().map_err(|_| FetchFail::Unreadable)?;
    JsFuture::from(blob)
        .await
        .map(|b| b.unchecked_into())
        .map_err(|_| FetchFail::Unreadable)
}

/// Bytes `start..end` of a Blob, copied into wasm memory.
pub async fn slice(blob: &web_sys::Blob, start: f64, end: f64) -> Option<Vec<u8>> {
    let part = blob.slice_with_f64_and_f64(start, end).ok()?;
    let buf = JsFuture::from(part.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buf).to_vec())
}

/// A Blob's whole contents as an ArrayBuffer (handed to the decoder, which takes it over).
pub async fn array_buffer(blob: &web_sys::Blob) -> Option<js_sys::ArrayBuffer> {
    JsFuture::from(blob.array_buffer())
        .await
        .ok()
        .map(|b| b.unchecked_into())
}
