//! The routes and the contexts every page reads.

use crate::components::{queue_line, Nav};
use crate::pages::{
    AccountPage, DemosPage, HistoryPage, JobPage, JobsPage, LeaderboardPage, NewsPage, NotFound,
    QcEntryPage, QcQueuePage, QcSubmitPage, SeparatePage, SettingsPage,
};
use crate::router::{decode, provide_location};
use crate::state::{provide_queue_watch, provide_settings, provide_tracker};
use leptos::prelude::*;

/// The screen for a path.
fn route(path: &str) -> AnyView {
    let path = path.trim_end_matches('/');
    match path {
        "" => view! { <SeparatePage /> }.into_any(),
        "/jobs" => view! { <JobsPage /> }.into_any(),
        "/history" => view! { <HistoryPage /> }.into_any(),
        "/demos" => view! { <DemosPage /> }.into_any(),
        "/news" => view! { <NewsPage /> }.into_any(),
        "/leaderboard" => view! { <LeaderboardPage /> }.into_any(),
        "/leaderboard/queue" => view! { <QcQueuePage /> }.into_any(),
        "/leaderboard/submit" => view! { <QcSubmitPage /> }.into_any(),
        "/account" => view! { <AccountPage /> }.into_any(),
        "/settings" => view! { <SettingsPage /> }.into_any(),
        _ if path.starts_with("/leaderboard/entry/") => {
            match path["/leaderboard/entry/".len()..].parse::<i64>() {
                Ok(id) => view! { <QcEntryPage id=id /> }.into_any(),
                Err(_) => view! { <NotFound /> }.into_any(),
            }
        }
        _ => match path.strip_prefix("/jobs/") {
            Some(hash) if !hash.is_empty() && !hash.contains('/') => {
                view! { <JobPage hash=decode(hash) /> }.into_any()
            }
            _ => view! { <NotFound /> }.into_any(),
        },
    }
}

#[component]
pub fn App() -> impl IntoView {
    let location = provide_location();
    let settings = provide_settings();
    provide_tracker(settings);
    let watch = provide_queue_watch(settings);
    let status = Signal::derive(move || watch.queue.with(|q| q.as_ref().map(queue_line)));
    // Only a change of path swaps the screen; a change of query is read by the screen itself.
    let path = Memo::new(move |_| location.path.get());
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        <Nav status=status current=Signal::derive(move || path.get()) />
        <main id="main" tabindex="-1">{move || route(&path.get())}</main>
    }
}
