//! The shell: the contexts every screen reads, the navigation bar and the current screen
//! (`screens.rs`: the view of each route; every screen but Separate a lazily loaded chunk).

pub mod screens;

use crate::app::screens::{pending, prefetch, screen};
use crate::components::{queue_line, Nav};
use crate::i18n::t;
use crate::routing::route::Route;
use crate::routing::router::{on_link_intent, provide_location, use_location};
use crate::state::{
    provide_queue_watch, provide_session, provide_settings, provide_tracker, use_queue_watch,
};
use leptos::prelude::*;

/// The contexts every screen reads: the location, the settings, the account, the queue and the
/// jobs. Provided a task before [`App`] is drawn (`main.rs`): with the drawing, the one task held
/// a phone's main thread for 50-56 ms (4x slower CPU, traced).
pub fn provide_state() {
    provide_location();
    let settings = provide_settings();
    let watch = provide_queue_watch(settings);
    provide_tracker(provide_session(settings), watch);
}

/// The shell, under an owner [`provide_state`] has filled.
#[component]
pub fn App() -> impl IntoView {
    let location = use_location();
    let watch = use_queue_watch();
    let status = Signal::derive(move || watch.queue.with(|q| q.as_ref().map(queue_line)));
    // Only a change of path swaps the screen; a change of query is read by the screen itself.
    let route = Memo::new(move |_| Route::at(&location.path.get()));
    // A link about to be followed fetches its screen's code.
    on_link_intent(|path| prefetch(&Route::at(&path)));
    // The screen is drawn in the frame's own callback, after the shell: both in one task held a
    // phone's main thread for some 150 ms (4x slower CPU); still painted together.
    let drawn = RwSignal::new(false);
    request_animation_frame(move || drawn.set(true));
    // The header too is drawn in a task of its own, where the static shell's is taken away: the
    // whole start in one held a phone's main thread for some 65 ms (4x slower CPU).
    let header = RwSignal::new(false);
    set_timeout(
        move || {
            header.set(true);
            remove_shell_header();
            // The language menu is drawn at the end of this task.
            set_timeout(crate::i18n::refocus_menu, std::time::Duration::ZERO);
        },
        std::time::Duration::ZERO,
    );
    view! {
        <a class="skip" href="#main">{t("Skip to content")}</a>
        {move || header.get().then(|| view! { <Nav status=status current=route /> })}
        <main id="main" tabindex="-1">{move || {
            let r = route.get();
            // Until then, what the static shell showed.
            if drawn.get() { screen(r) } else { pending(&r, t("Loading…")) }
        }}</main>
    }
}

/// The static shell's header in index.html, kept until the app's own is drawn.
pub const SHELL_HEADER: &str = "[data-shell]";

fn remove_shell_header() {
    if let Some(h) = document().query_selector(SHELL_HEADER).ok().flatten() {
        h.remove();
    }
}
