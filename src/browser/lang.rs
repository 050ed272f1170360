/// The interface language for server texts: "ru" when the browser prefers Russian, else "en"
/// (the languages the service writes in).
pub fn language() -> &'static str {
    let lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if lang.to_ascii_lowercase().starts_with("ru") {
        "ru"
    } else {
        "en"
    }
}
