use wasm_bindgen::JsCast;

/// The wall clock (ms since 1970): for what is stored and compared across tabs and reloads.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// This page's monotonic clock (ms since it loaded): for timers within the tab, which a wall
/// clock set back would stop for as long.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(now_ms, |p| p.now())
}

/// Lets the page breathe once (a zero-delay timer) in long work of the first screen: paints and
/// input come between. (`js::yield_now` does the same for chunks, by name.)
pub async fn breathe() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::set_timeout(
            move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)),
            std::time::Duration::ZERO,
        )
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = mvsepShown)]
    fn shown_promise(selector: &str) -> js_sys::Promise;
}

/// Waits until the browser has painted the element `selector` names, marked `elementtiming`
/// (src/boot.js; two frames where the browser cannot tell, 300 ms at most): what is fetched
/// after it does not hold back what the person sees first.
pub async fn shown(selector: &str) {
    let _ = wasm_bindgen_futures::JsFuture::from(shown_promise(selector)).await;
}

/// A random number in [0, 1) (for jitter and local ids).
pub fn random_unit() -> f64 {
    js_sys::Math::random()
}

pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.hidden())
        .unwrap_or(false)
}

/// Moves the focus to the new screen's heading once it is drawn (screen readers announce it),
/// then scrolls to `y`: 0 for a new screen, where the person was when coming back through
/// history (once the screen has grown that tall: its data comes later).
pub fn focus_heading(y: f64) {
    fn attempt(left: u32, y: f64) {
        let Some(d) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let busy = d
            .active_element()
            .is_some_and(|a| a.closest("main").ok().flatten().is_some());
        match d.query_selector("main h1").ok().flatten() {
            _ if busy => scroll_back(200, y),
            Some(h) => {
                let _ = h.set_attribute("tabindex", "-1");
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
                scroll_back(200, y);
            }
            None if left > 0 => leptos::prelude::set_timeout(
                move || attempt(left - 1, y),
                std::time::Duration::from_millis(50),
            ),
            None => {}
        }
    }
    leptos::prelude::set_timeout(move || attempt(40, y), std::time::Duration::from_millis(30));
}

/// Scrolls to `y` once the page has grown tall enough to be there (its data may come seconds
/// later), checking every 50 ms, `left` times; a page that never grows is left as it is, so the
/// person is never pulled about.
fn scroll_back(left: u32, y: f64) {
    let Some(w) = web_sys::window() else { return };
    let height = w
        .document()
        .and_then(|d| d.document_element())
        .map_or(0.0, |e| e.scroll_height() as f64);
    let view = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if height - view >= y - 1.0 {
        w.scroll_to_with_x_and_y(0.0, y);
        // A screen that reads its data again right after drawing empties for a moment, which
        // puts the page back at the top: looked at once more, a little later.
        if left > 20 {
            leptos::prelude::set_timeout(
                move || {
                    if web_sys::window().and_then(|w| w.scroll_y().ok()) == Some(0.0) {
                        scroll_back(20, y);
                    }
                },
                std::time::Duration::from_millis(600),
            );
        }
    } else if left > 0 {
        leptos::prelude::set_timeout(
            move || scroll_back(left - 1, y),
            std::time::Duration::from_millis(50),
        );
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Calls `f` whenever `event` fires on `target`, for as long as the page lives. One closure
/// type for every listener: each new signature would add its own glue to the first visit.
fn listen(target: Option<web_sys::EventTarget>, event: &str, f: impl Fn() + 'static) {
    let Some(target) = target else {
        return;
    };
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let _ = target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

fn window() -> Option<web_sys::EventTarget> {
    web_sys::window().map(Into::into)
}

/// Calls `f` whenever the tab is hidden or shown (`hooks::on_visible` is the usual way).
pub fn on_visibility(f: impl Fn() + 'static) {
    let doc = web_sys::window().and_then(|w| w.document()).map(Into::into);
    listen(doc, "visibilitychange", f);
}

/// Calls `f` once the page is being left (closed, reloaded, navigated away).
pub fn on_pagehide(f: impl Fn() + 'static) {
    listen(window(), "pagehide", f);
}

/// Calls `f` whenever another tab changes localStorage.
pub fn on_storage(f: impl Fn() + 'static) {
    listen(window(), "storage", f);
}

/// Whether the browser has a network: false is sure, true may still fail.
pub fn is_online() -> bool {
    // By name: a typed binding would be one more import in the first visit's module.
    crate::browser::js::Js::global("navigator")
        .get("onLine")
        .0
        .as_bool()
        .unwrap_or(true)
}

/// Calls `f` whenever the network goes or comes back.
pub fn on_network(f: impl Fn() + Clone + 'static) {
    listen(window(), "online", f.clone());
    listen(window(), "offline", f);
}

/// Whether the person allowed notifications.
pub fn notifications_allowed() -> bool {
    web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
}

pub fn notifications_undecided() -> bool {
    web_sys::Notification::permission() == web_sys::NotificationPermission::Default
}

/// Asks the person; done when they have answered (or the browser answered for them).
pub async fn ask_for_notifications() {
    if let Ok(p) = web_sys::Notification::request_permission() {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
}

/// Shows a system notification when allowed; otherwise does nothing.
pub fn notify(title: &str, body: &str) {
    if notifications_allowed() {
        let opts = web_sys::NotificationOptions::new();
        opts.set_body(body);
        let _ = web_sys::Notification::new_with_options(title, &opts);
    }
}
