//! Reading a result file into a Blob, and Blobs back out in pieces.

use super::js::{n, s, Js};

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchFail {
    /// The browser refused to hand the bytes to the page (another site without CORS), or the
    /// network failed before any answer: the files can still be played by `<audio>`.
    Unreadable,
    /// The host answered, with an error status.
    Status(u16),
}

/// The file at `url` as a Blob (which the browser may keep on disk).
pub async fn blob(url: &str) -> Result<Js, FetchFail> {
    let window = Js::global("window");
    let resp = window
        .call("fetch", &[s(url)])
        .map_err(|_| FetchFail::Unreadable)?
        .wait()
        .await
        .map_err(|_| FetchFail::Unreadable)?;
    if !resp.flag("ok") {
        return Err(FetchFail::Status(resp.num("status") as u16));
    }
    let blob = resp.call("blob", &[]).map_err(|_| FetchFail::Unreadable)?;
    blob.wait().await.map_err(|_| FetchFail::Unreadable)
}

/// Bytes `start..end` of a Blob, copied into wasm memory.
pub async fn slice(blob: &Js, start: f64, end: f64) -> Option<Vec<u8>> {
    let buf = array_buffer(&blob.call("slice", &[n(start), n(end)]).ok()?).await?;
    Some(js_sys::Uint8Array::new(&buf.0).to_vec())
}

/// A Blob's whole contents as an ArrayBuffer (handed to the decoder, which takes it over).
pub async fn array_buffer(blob: &Js) -> Option<Js> {
    blob.call("arrayBuffer", &[]).ok()?.wait().await.ok()
}
