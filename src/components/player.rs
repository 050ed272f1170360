//! The browser's own audio player, drawn once the text around it is painted.

use crate::browser::page::shown;
use leptos::prelude::*;

/// An `<audio controls>` of `src`, in a box of its height from the start, the player itself once
/// the browser has painted `after` (a selector of text marked `elementtiming`; 300 ms at most).
/// Chromium draws the player's icons from `data:` addresses, and Lighthouse counts each as a
/// request on the way to the page's largest paint: a result and Demos, the screens with players,
/// were 2.03 s of simulated mobile LCP where the others were 1.95 s, and 1.95 s with the players
/// hidden. Drawn after that paint, they move nothing (a frame later was not always after it).
#[component]
pub fn Player(
    /// The file: an http(s) or blob address (checked by the caller).
    #[prop(into)]
    src: String,
    /// What the player plays, for a screen reader ("Play the input").
    #[prop(into)]
    label: String,
    /// What is painted first, which the player waits for.
    after: &'static str,
) -> impl IntoView {
    let drawn = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        shown(after).await;
        drawn.try_set(true);
    });
    view! {
        <div class="player">
            {move || drawn.get().then(|| view! {
                <audio controls preload="none" src=src.clone() aria-label=label.clone()></audio>
            })}
        </div>
    }
}
