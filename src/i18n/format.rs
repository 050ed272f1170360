//! Numbers, dates and plural forms as the current language writes them (the browser's `Intl`;
//! plain English forms outside the browser, where the native tests run).

use super::code;

/// `x` with `places` decimals, grouped and punctuated for the language.
pub fn number(x: f64, places: u32) -> String {
    #[cfg(target_arch = "wasm32")]
    if code() != "en" {
        let opts = js_sys::Object::new();
        let p = wasm_bindgen::JsValue::from(places);
        let _ = js_sys::Reflect::set(&opts, &"minimumFractionDigits".into(), &p);
        let _ = js_sys::Reflect::set(&opts, &"maximumFractionDigits".into(), &p);
        let locales = js_sys::Array::of1(&code().into());
        return js_sys::Intl::NumberFormat::new(&locales, &opts)
            .format()
            .call1(&wasm_bindgen::JsValue::NULL, &x.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
    }
    fixed(x, places)
}

/// The CLDR plural category (`one`, `few`, `many`, `other`...) of `n` in `lang`.
pub fn plural_category(lang: &str, n: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let locales = js_sys::Array::of1(&lang.into());
        js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new())
            .select(n)
            .into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        if n == 1.0 { "one" } else { "other" }.to_string()
    }
}

/// A date the service wrote (`2025-05-01 12:00:00`, `2025-05-01`, ISO) as the language writes
/// it; a text that is not a date stays as it is.
pub fn date(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let iso = text.trim().replacen(' ', "T", 1);
        let d = js_sys::Date::new(&iso.as_str().into());
        if !d.get_time().is_nan() {
            let opts = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
            if iso.contains('T') {
                let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
            }
            return d.to_locale_string(code(), &opts).into();
        }
    }
    text.to_string()
}

/// `x` with `places` decimals, written with integers: float formatting would pull the
/// standard library's float printer into the first visit's module (it is shared with chunks).
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let v = (x * scale as f64).round() as i64;
    let sign = if v < 0 { "-" } else { "" };
    let (whole, frac) = (v.abs() / scale, v.abs() % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}
