//! Choosing the language: the one remembered, else the browser's first one offered; fetching its
//! catalogue; telling the page (`<html lang>`) and the views (a signal the shell re-renders on).

use super::{code, install, LANGS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const KEY: &str = "mvsep.lang";

#[derive(Clone, Copy)]
pub struct LangSignal(pub RwSignal<&'static str>);

/// The language the views speak; the shell renders again when it changes.
pub fn use_lang() -> RwSignal<&'static str> {
    use_context::<LangSignal>()
        .map(|l| l.0)
        .unwrap_or_else(|| RwSignal::new(code()))
}

fn offered(tag: &str) -> Option<&'static str> {
    let tag = tag.to_ascii_lowercase();
    LANGS
        .iter()
        .map(|(c, _)| *c)
        .find(|c| tag == c.to_ascii_lowercase())
        .or_else(|| {
            let base = tag.split('-').next().unwrap_or_default();
            LANGS.iter().map(|(c, _)| *c).find(|c| c.split('-').next() == Some(base))
        })
}

/// The language to start in: the one chosen before, else the browser's preference.
fn wanted() -> &'static str {
    if let Some(c) = crate::state::storage::get(KEY).and_then(|c| offered(&c)) {
        return c;
    }
    let nav = web_sys::window().map(|w| w.navigator());
    nav.map(|n| n.languages().iter().filter_map(|v| v.as_string()).collect::<Vec<_>>())
        .unwrap_or_default()
        .iter()
        .find_map(|l| offered(l))
        .unwrap_or("en")
}

/// Reads a catalogue's JSON into entries; a plural's forms become `key#category`.
fn entries(text: &str) -> Result<Vec<(String, String)>, String> {
    let root = js_sys::JSON::parse(text).map_err(|_| "the catalogue is not JSON".to_string())?;
    let mut out = Vec::new();
    for pair in js_sys::Object::entries(root.unchecked_ref()).iter() {
        let pair: js_sys::Array = pair.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value = pair.get(1);
        if let Some(s) = value.as_string() {
            out.push((key, s));
        } else if value.is_object() {
            for form in js_sys::Object::entries(value.unchecked_ref()).iter() {
                let form: js_sys::Array = form.unchecked_into();
                if let (Some(cat), Some(s)) = (form.get(0).as_string(), form.get(1).as_string()) {
                    out.push((format!("{key}#{cat}"), s));
                }
            }
        }
    }
    Ok(out)
}

async fn fetch(lang: &'static str) -> Result<Vec<(String, String)>, String> {
    if lang == "en" {
        return Ok(Vec::new());
    }
    let resp = gloo_net::http::Request::get(&format!("/lang/{lang}.json"))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    entries(&resp.text().await.map_err(|e| e.to_string())?)
}

fn tell_page(lang: &str) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang);
    }
}

/// Installs the starting language (fetching its catalogue first), then runs `mount`.
pub fn start(mount: impl FnOnce() + 'static) {
    let lang = wanted();
    wasm_bindgen_futures::spawn_local(async move {
        // A catalogue that cannot be fetched leaves the app in English rather than not at all.
        if let Ok(e) = fetch(lang).await {
            install(lang, e);
            tell_page(lang);
        }
        mount();
    });
}

/// Switches to `lang`: remembered, fetched, installed, and the views rendered again.
pub async fn choose(lang: &'static str, views: RwSignal<&'static str>) -> Result<(), String> {
    let e = fetch(lang).await?;
    install(lang, e);
    tell_page(lang);
    crate::state::storage::set(KEY, lang);
    views.set(lang);
    Ok(())
}

/// Provides the views' language signal (the shell calls it once).
pub fn provide() -> RwSignal<&'static str> {
    let s = RwSignal::new(code());
    provide_context(LangSignal(s));
    s
}
