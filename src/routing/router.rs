//! A small client-side router: the location as signals, links inside the app followed without a
//! reload, back and forward. It replaces leptos_router, which cost about 20 kB of the brotli'd
//! wasm budget for features this app does not use (nested routes, loaders, forms).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Location {
    /// The path, e.g. `/jobs/abc`.
    pub path: RwSignal<String>,
    /// The query without `?`, e.g. `page=2`.
    pub query: RwSignal<String>,
}

fn read() -> (String, String) {
    let loc = web_sys::window().map(|w| w.location());
    let path = loc
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    let search = loc.and_then(|l| l.search().ok()).unwrap_or_default();
    (path, search.trim_start_matches('?').to_string())
}

impl Location {
    /// A query parameter, decoded as the browser decodes it (`URLSearchParams`: `+` is a space).
    pub fn param(&self, key: &str) -> Option<String> {
        self.query
            .with(|q| web_sys::UrlSearchParams::new_with_str(q).ok()?.get(key))
    }
    /// Goes to an address inside the app, adding a history entry. The entry left keeps its
    /// scroll position, for Back.
    pub fn navigate(&self, to: &str) {
        if let Some(w) = web_sys::window() {
            if let Ok(h) = w.history() {
                let y = w.scroll_y().unwrap_or(0.0);
                let _ = h.replace_state(&y.into(), "");
                let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to));
            }
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.arrive(0.0);
    }
    /// Goes to an address without a new history entry (for typing in a filter).
    pub fn replace(&self, to: &str) {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to));
        }
        self.sync();
    }
    /// After a move to another screen: the location read, the focus on its heading, and the
    /// page at `y`.
    fn arrive(&self, y: f64) {
        let before = self.path.get_untracked();
        self.sync();
        if self.path.get_untracked() != before {
            crate::browser::page::focus_heading(y);
        }
    }
    fn sync(&self) {
        let (p, q) = read();
        if self.path.get_untracked() != p {
            self.path.set(p);
        }
        if self.query.get_untracked() != q {
            self.query.set(q);
        }
    }
}

/// Whether a click on a link with this `href` stays inside the app.
pub fn is_internal(href: &str) -> bool {
    (href.starts_with('/') && !href.starts_with("//")) || href.starts_with('?')
}

/// The `href` of the in-app link an event happened on, if any (not downloads or new tabs).
fn internal_link(ev: &web_sys::Event) -> Option<String> {
    let a = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())?;
    let href = a.get_attribute("href").unwrap_or_default();
    let skip = a.has_attribute("download") || a.has_attribute("target") || !is_internal(&href);
    (!skip).then_some(href)
}

/// Calls `f` with the path of an in-app link when the pointer moves onto it or it gets focus:
/// the moment to fetch what following it needs.
pub fn on_link_intent(f: impl Fn(String) + 'static) {
    let Some(d) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(href) = internal_link(&ev) {
            f(href
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string());
        }
    });
    for kind in ["pointerover", "focusin"] {
        let _ = d.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
    }
    cb.forget();
}

pub fn provide_location() -> Location {
    let (p, q) = read();
    let loc = Location {
        path: RwSignal::new(p),
        query: RwSignal::new(q),
    };
    if let Some(w) = web_sys::window() {
        // The app puts the page back where it was (its screens draw later than the browser
        // would restore it).
        if let Ok(h) = w.history() {
            let _ = js_sys::Reflect::set(&h, &"scrollRestoration".into(), &"manual".into());
        }
        let back = Closure::<dyn Fn()>::new(move || {
            let y = web_sys::window()
                .and_then(|w| w.history().ok())
                .and_then(|h| h.state().ok())
                .and_then(|s| s.as_f64())
                .unwrap_or(0.0);
            loc.arrive(y)
        });
        let _ = w.add_event_listener_with_callback("popstate", back.as_ref().unchecked_ref());
        back.forget();
        let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            if ev.default_prevented()
                || ev.button() != 0
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
                || ev.alt_key()
            {
                return;
            }
            let Some(href) = internal_link(&ev) else {
                return;
            };
            ev.prevent_default();
            let to = if href.starts_with('?') {
                format!("{}{href}", loc.path.get_untracked())
            } else {
                href
            };
            loc.navigate(&to);
        });
        if let Some(d) = w.document() {
            let _ = d.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        }
        click.forget();
    }
    provide_context(loc);
    loc
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}
