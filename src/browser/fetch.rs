//! Reading a result file into a Blob, and Blobs back out in pieces.

use crate::browser::js::{n, s, Js};

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchFail {
    /// The browser refused to hand the bytes to the page (another site without CORS), or the
    /// network failed before any answer: the files can still be played by `<audio>`.
    Unreadable,
    /// The host answered, with an error status.
    Status(u16),
}

/// The answer for `url`, if the host answered it well and lets the page read it.
pub async fn answer(url: &str) -> Result<Js, FetchFail> {
    let resp = Js::global("window")
        .call("fetch", &[s(url)])
        .map_err(|_| FetchFail::Unreadable)?
        .wait()
        .await
        .map_err(|_| FetchFail::Unreadable)?;
    if !resp.flag("ok") {
        return Err(FetchFail::Status(resp.num("status") as u16));
    }
    Ok(resp)
}

/// The body of the answer read by `method` (`blob`, `text`).
async fn body(url: &str, method: &str) -> Result<Js, FetchFail> {
    let read = answer(url)
        .await?
        .call(method, &[])
        .map_err(|_| FetchFail::Unreadable)?;
    read.wait().await.map_err(|_| FetchFail::Unreadable)
}

/// The file at `url` as a Blob (which the browser may keep on disk).
pub async fn blob(url: &str) -> Result<Js, FetchFail> {
    body(url, "blob").await
}

/// The file at `url` as text (subtitles, a transcript).
pub async fn text(url: &str) -> Result<String, FetchFail> {
    Ok(body(url, "text").await?.0.as_string().unwrap_or_default())
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
