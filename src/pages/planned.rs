//! Screens whose issues have not landed yet. Each says plainly what it will hold; none pretends
//! to work.

use leptos::prelude::*;

/// (path, title, what the screen will hold)
pub const PLANNED: [(&str, &str, &str); 4] = [
    ("history", "History", "Your separation history from the service, page by page, with what still exists."),
    ("demos", "Demos", "The site's demo gallery: inputs and results of each model."),
    ("news", "News", "The service's news in your language."),
    ("leaderboard", "Leaderboard", "The quality checker's leaderboards per dataset, sortable by stem, with a chart, entries and submissions."),
];

/// A screen that is not built yet.
#[component]
pub fn Planned(
    /// Which entry of [`PLANNED`] this is.
    key: &'static str,
) -> impl IntoView {
    let (_, title, what) = PLANNED
        .iter()
        .find(|(k, _, _)| *k == key)
        .copied()
        .unwrap_or(("", "Coming", ""));
    view! {
        <section aria-labelledby="planned-title">
            <h1 id="planned-title">{title}</h1>
            <p class="planned"><strong>"Not built yet. "</strong>"This screen will hold: " {what}</p>
        </section>
    }
}
