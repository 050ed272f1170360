//! The router and the contexts every page reads.

use crate::components::Nav;
use crate::pages::{AccountPage, JobPage, JobsPage, NotFound, Planned, SeparatePage, SettingsPage};
use crate::state::{provide_settings, provide_tracker};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let settings = provide_settings();
    provide_tracker(settings);
    view! {
        <Router>
            <a class="skip" href="#main">"Skip to content"</a>
            <Nav />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=SeparatePage />
                    <Route path=path!("/jobs") view=JobsPage />
                    <Route path=path!("/jobs/:hash") view=JobPage />
                    <Route path=path!("/history") view=|| view! { <Planned key="history" /> } />
                    <Route path=path!("/demos") view=|| view! { <Planned key="demos" /> } />
                    <Route path=path!("/news") view=|| view! { <Planned key="news" /> } />
                    <Route path=path!("/leaderboard") view=|| view! { <Planned key="leaderboard" /> } />
                    <Route path=path!("/account") view=AccountPage />
                    <Route path=path!("/settings") view=SettingsPage />
                </Routes>
            </main>
        </Router>
    }
}
