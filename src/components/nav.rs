use leptos::prelude::*;
use leptos_router::components::A;

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
pub fn Nav() -> impl IntoView {
    view! {
        <header class="site">
            <a class="brand" href="/">"mvsep-web"</a>
            <nav aria-label="Main">
                <ul>
                    {SCREENS
                        .iter()
                        .map(|(href, label)| view! { <li><A href=*href exact=true>{*label}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
