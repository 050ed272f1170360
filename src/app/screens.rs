//! The screen for each route. Separate is built in; every other screen's code is a wasm chunk
//! fetched the first time it is shown, or earlier when its link is hovered or focused.
//!
//! The chunks exist only in the split release build (`--features split`, run by
//! `scripts/split-dist.sh`). Without the feature (`trunk serve`, `cargo test`, clippy) the same
//! functions are plain async calls into the one module.

use crate::components::lazy_view;
use crate::components::{screen_head, Loading};
use crate::i18n::t;
use crate::pages::{NotFound, SeparatePage};
use crate::routing::route::Route;
use crate::split::SplitLoaderError;
use leptos::prelude::*;
use std::future::Future;

/// One lazily loaded screen: `name / preload_name (args) => view;`.
macro_rules! lazy_screens {
    ($($name:ident / $preload:ident ($($arg:ident: $ty:ty),*) => $view:expr;)*) => {$(
        split_fn! {
            $name / $preload;
            fn $name($($arg: $ty),*) -> AnyView {
                $view.into_any()
            }
        }
    )*};
}

use crate::pages::{
    AccountPage, DemosPage, HistoryPage, JobPage, JobsPage, LeaderboardPage, LibraryPage, NewsPage,
    QcEntryPage, QcQueuePage, QcSubmitPage, SettingsPage,
};

lazy_screens! {
    jobs_screen / preload_jobs() => view! { <JobsPage /> };
    job_screen / preload_job(hash: String) => view! { <JobPage hash=hash /> };
    history_screen / preload_history() => view! { <HistoryPage /> };
    library_screen / preload_library() => view! { <LibraryPage /> };
    demos_screen / preload_demos() => view! { <DemosPage /> };
    news_screen / preload_news() => view! { <NewsPage /> };
    leaderboard_screen / preload_leaderboard() => view! { <LeaderboardPage /> };
    qc_entry_screen / preload_qc_entry(id: i64) => view! { <QcEntryPage id=id /> };
    qc_queue_screen / preload_qc_queue() => view! { <QcQueuePage /> };
    qc_submit_screen / preload_qc_submit() => view! { <QcSubmitPage /> };
    account_screen / preload_account() => view! { <AccountPage /> };
    settings_screen / preload_settings() => view! { <SettingsPage /> };
}

/// The view of a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Separate => view! { <SeparatePage /> }.into_any(),
        Route::NotFound => view! { <NotFound /> }.into_any(),
        route => lazy(route),
    }
}

type Build = std::pin::Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// The screen of a lazily loaded route, from its chunk. One function for all of them, boxed:
/// a generic `lazy` for each screen was some 2 kB more of the main module.
fn build(route: &Route) -> Build {
    match route.clone() {
        // Built in, drawn by `screen` itself.
        Route::Separate | Route::NotFound => Box::pin(async { Ok(().into_any()) }),
        Route::Jobs => Box::pin(jobs_screen()),
        Route::Job(hash) => Box::pin(job_screen(hash)),
        Route::History => Box::pin(history_screen()),
        Route::Library => Box::pin(library_screen()),
        Route::Demos => Box::pin(demos_screen()),
        Route::News => Box::pin(news_screen()),
        Route::Leaderboard => Box::pin(leaderboard_screen()),
        Route::QcEntry(id) => Box::pin(qc_entry_screen(id)),
        Route::QcQueue => Box::pin(qc_queue_screen()),
        Route::QcSubmit => Box::pin(qc_submit_screen()),
        Route::Account => Box::pin(account_screen()),
        Route::Settings => Box::pin(settings_screen()),
    }
}

/// Fetches a route's chunk ahead of time, so that following its link shows it at once. A
/// failure is ignored here: showing the screen tries again and says so.
pub fn prefetch(route: &Route) {
    let load: std::pin::Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>> = match route {
        Route::Separate | Route::NotFound => return,
        Route::Jobs => Box::pin(preload_jobs()),
        Route::Job(_) => Box::pin(preload_job()),
        Route::History => Box::pin(preload_history()),
        Route::Library => Box::pin(preload_library()),
        Route::Demos => Box::pin(preload_demos()),
        Route::News => Box::pin(preload_news()),
        Route::Leaderboard => Box::pin(preload_leaderboard()),
        Route::QcEntry(_) => Box::pin(preload_qc_entry()),
        Route::QcQueue => Box::pin(preload_qc_queue()),
        Route::QcSubmit => Box::pin(preload_qc_submit()),
        Route::Account => Box::pin(preload_account()),
        Route::Settings => Box::pin(preload_settings()),
    };
    leptos::task::spawn_local(async move {
        let _ = load.await;
    });
}

/// A screen from its chunk: its head and "Loading…" until it is in (the head as the screen and
/// the static shell draw it: it stays put); if it cannot be fetched, says so with Try again and
/// Reload.
fn lazy(route: Route) -> AnyView {
    let head = route.clone();
    lazy_view(
        move || build(&route),
        move || pending(&head, t("Loading this screen…")),
        false,
    )
}

/// A screen not drawn yet: its head, as the static shell and the screen draw it (so the heading
/// never leaves the page), and a loading line.
pub fn pending(route: &Route, text: &'static str) -> AnyView {
    view! { {screen_head(route)} <Loading text=text /> }.into_any()
}
