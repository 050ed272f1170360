//! The language at start: the one chosen before, else the browser's first one offered. A
//! language other than English is installed before the app is drawn, so it paints once in it.
//! The app is drawn once the static shell has been painted (`mvsepPainted`, src/boot.js).
//! Fetching its catalogue and the `Intl` formatters are a few lines of JavaScript in
//! `index.html` (`mvsepI18n`): as Rust they weighed about 2 kB of the first visit's budget.

use super::{install, Formatters, LANGS};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The first of the stored choice and the browser's languages that is among `codes`.
    #[wasm_bindgen(js_namespace = mvsepI18n)]
    fn pick(codes: &str) -> String;
    /// The catalogue of `code` as `[key, text]` pairs (a plural's forms as `key#category`).
    #[wasm_bindgen(js_namespace = mvsepI18n, catch)]
    fn load(code: &str) -> Result<js_sys::Promise, JsValue>;
    /// Remembers `code` and loads the page again in it, keeping the focus on the menu.
    #[wasm_bindgen(js_namespace = mvsepI18n, js_name = choose)]
    fn choose_js(code: &str);
    /// Puts the focus back on the language menu after a change of language reloaded the page
    /// (the app calls it once its header, with the menu, is drawn).
    #[wasm_bindgen(js_namespace = mvsepI18n, js_name = refocus)]
    pub fn refocus_menu();
    #[wasm_bindgen(js_namespace = mvsepI18n)]
    fn number(code: &str, x: f64, places: u32) -> String;
    #[wasm_bindgen(js_namespace = mvsepI18n)]
    fn plural(code: &str, n: f64) -> String;
    #[wasm_bindgen(js_namespace = mvsepI18n)]
    fn date(code: &str, text: &str) -> Option<String>;
    /// Settles once the browser has shown the static shell (or cannot: a hidden tab, 1 s).
    #[wasm_bindgen(js_name = mvsepPainted)]
    fn painted() -> js_sys::Promise;
}

thread_local! {
    static FAILURE: RefCell<Option<String>> = const { RefCell::new(None) };
}

async fn catalogue(code: &str) -> Result<Vec<(String, String)>, JsValue> {
    let pairs = wasm_bindgen_futures::JsFuture::from(load(code)?).await?;
    Ok(js_sys::Array::from(&pairs)
        .iter()
        .map(|p| {
            let p = js_sys::Array::from(&p);
            (
                p.get(0).as_string().unwrap_or_default(),
                p.get(1).as_string().unwrap_or_default(),
            )
        })
        .collect())
}

/// Installs the starting language, then runs `mount` once the static shell has been painted. A
/// language that cannot be loaded leaves the app in English, saying why ([`failure`]).
pub fn start(mount: impl FnOnce() + 'static) {
    let codes: Vec<&str> = LANGS.iter().map(|(c, _)| *c).collect();
    let wanted = pick(&codes.join(" "));
    let lang = codes.into_iter().find(|c| *c == wanted).unwrap_or("en");
    wasm_bindgen_futures::spawn_local(async move {
        if lang != "en" {
            match catalogue(lang).await {
                Ok(entries) => install(
                    lang,
                    entries,
                    Some(Formatters {
                        number,
                        plural,
                        date,
                    }),
                ),
                Err(e) => {
                    let why = js_sys::Error::from(e).message().into();
                    FAILURE.with(|f| *f.borrow_mut() = Some(why));
                }
            }
        }
        let _ = wasm_bindgen_futures::JsFuture::from(painted()).await;
        soon(mount);
    });
}

/// The app is drawn in a task of its own, not in the one that compiled and started the wasm:
/// both in one held a phone's main thread for some 90 ms (4x slower CPU).
fn soon(mount: impl FnOnce() + 'static) {
    leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
}

/// Why the chosen language could not be loaded, if it could not.
pub fn failure() -> Option<String> {
    FAILURE.with(|f| f.borrow().clone())
}

/// Switches to `lang`: remembered, and the page loads again in it. What a reload keeps (jobs,
/// settings, the model and its options) is kept.
pub fn choose(lang: &str) {
    choose_js(lang);
}
