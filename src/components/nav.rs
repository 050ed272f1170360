use leptos::prelude::*;

/// Every screen, in the order of the navigation bar.
pub const SCREENS: [(&str, &str); 8] = [
    ("/", "Separate"),
    ("/jobs", "Jobs"),
    ("/history", "History"),
    ("/demos", "Demos"),
    ("/news", "News"),
    ("/leaderboard", "Leaderboard"),
    ("/account", "Account"),
    ("/settings", "Settings"),
];

/// The site header with the main navigation; the current page is marked by the router.
#[component]
pub fn Nav(
    /// A one-line status of the service's queue, when known.
    #[prop(into)]
    status: Signal<Option<String>>,
    /// The current path, to mark the current screen.
    #[prop(into)]
    current: Signal<String>,
) -> impl IntoView {
    view! {
        <header class="site">
            <a class="brand" href="/">"mvsep-web"</a>
            <nav aria-label="Main">
                <ul>
                    {SCREENS
                        .iter()
                        .map(|(href, label)| view! { <li><a href=*href aria-current=move || (current.get().trim_end_matches('/') == href.trim_end_matches('/')).then_some("page")>{*label}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
            <p class="queue-status help" aria-live="off">{move || status.get()}</p>
        </header>
    }
}
