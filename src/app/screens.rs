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
    match route.clone() {
        Route::Separate => view! { <SeparatePage /> }.into_any(),
        Route::NotFound => view! { <NotFound /> }.into_any(),
        Route::Jobs => lazy(&route, jobs_screen),
        Route::Job(hash) => lazy(&route, move || job_screen(hash.clone())),
        Route::History => lazy(&route, history_screen),
        Route::Library => lazy(&route, library_screen),
        Route::Demos => lazy(&route, demos_screen),
        Route::News => lazy(&route, news_screen),
        Route::Leaderboard => lazy(&route, leaderboard_screen),
        Route::QcEntry(id) => lazy(&route, move || qc_entry_screen(id)),
        Route::QcQueue => lazy(&route, qc_queue_screen),
        Route::QcSubmit => lazy(&route, qc_submit_screen),
        Route::Account => lazy(&route, account_screen),
        Route::Settings => lazy(&route, settings_screen),
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
fn lazy<F, Fut>(route: &Route, build: F) -> AnyView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let route = route.clone();
    lazy_view(
        build,
        move || {
            view! { {screen_head(&route)} <Loading text=t("Loading this screen…") /> }.into_any()
        },
        false,
    )
}
