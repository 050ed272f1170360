//! Reads an audio file's length in the browser from its headers (`preload="metadata"`), without
//! reading the whole file into memory.

use wasm_bindgen::JsCast;

/// The length in seconds, or None when the browser cannot read the file as audio.
pub async fn duration_secs(file: &web_sys::File) -> Option<f64> {
    let url = web_sys::Url::create_object_url_with_blob(file).ok()?;
    let audio = web_sys::HtmlAudioElement::new().ok()?;
    audio.set_preload("metadata");
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        audio.set_onloadedmetadata(Some(&resolve));
        audio.set_onerror(Some(&reject));
        // Give up on a file that never answers.
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, 15_000);
        }
    });
    audio.set_src(&url);
    let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
    let d = audio.duration();
    audio.set_onloadedmetadata(None);
    audio.set_onerror(None);
    audio.remove_attribute("src").ok();
    let _ = web_sys::Url::revoke_object_url(&url);
    let _ = audio.dyn_ref::<web_sys::HtmlMediaElement>();
    (ok && d.is_finite() && d > 0.0).then_some(d)
}
