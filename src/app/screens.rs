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

/// The lazily loaded screens, a line each: `route pattern => name / preload_name (args) => view;`
/// (the pattern binds the args). Makes each screen's `split_fn!`, and the two matches over the
/// routes, [`build`] and [`prefetch`], so that a screen is named in one place. Separate and the
/// missing page are built in: named in the matches, which stay exhaustive (a new route that is in
/// neither does not compile).
macro_rules! lazy_screens {
    ($($route:pat => $name:ident / $preload:ident ($($arg:ident: $ty:ty),*) => $view:expr;)*) => {
        $(split_fn! {
            $name / $preload;
            fn $name($($arg: $ty),*) -> AnyView {
                $view.into_any()
            }
        })*

        /// The screen of a lazily loaded route, from its chunk. One function for all of them,
        /// boxed: a generic `lazy` for each screen was some 2 kB more of the main module.
        fn build(route: &Route) -> Build {
            match route.clone() {
                $($route => Box::pin($name($($arg),*)),)*
                // Drawn by `screen` itself.
                Route::Separate | Route::NotFound => Box::pin(async { Ok(().into_any()) }),
            }
        }

        /// Fetches a route's chunk ahead of time, so that following its link shows it at once.
        /// A failure is ignored here: showing the screen tries again and says so.
        #[allow(unused_variables)] // the patterns' bindings, for `build`
        pub fn prefetch(route: &Route) {
            let load: Chunk<()> = match route {
                $($route => Box::pin($preload()),)*
                Route::Separate | Route::NotFound => return,
            };
            leptos::task::spawn_local(async move {
                let _ = load.await;
            });
        }
    };
}

use crate::pages::{
    AccountPage, DemosPage, HistoryPage, JobPage, JobsPage, LeaderboardPage, LibraryPage, NewsPage,
    QcEntryPage, QcQueuePage, QcSubmitPage, SettingsPage,
};

type Chunk<T> = std::pin::Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;
type Build = Chunk<AnyView>;

lazy_screens! {
    Route::Jobs => jobs_screen / preload_jobs() => view! { <JobsPage /> };
    Route::Job(hash) => job_screen / preload_job(hash: String) => view! { <JobPage hash=hash /> };
    Route::History => history_screen / preload_history() => view! { <HistoryPage /> };
    Route::Library => library_screen / preload_library() => view! { <LibraryPage /> };
    Route::Demos => demos_screen / preload_demos() => view! { <DemosPage /> };
    Route::News => news_screen / preload_news() => view! { <NewsPage /> };
    Route::Leaderboard => leaderboard_screen / preload_leaderboard() => view! { <LeaderboardPage /> };
    Route::QcEntry(id) => qc_entry_screen / preload_qc_entry(id: i64) => view! { <QcEntryPage id=id /> };
    Route::QcQueue => qc_queue_screen / preload_qc_queue() => view! { <QcQueuePage /> };
    Route::QcSubmit => qc_submit_screen / preload_qc_submit() => view! { <QcSubmitPage /> };
    Route::Account => account_screen / preload_account() => view! { <AccountPage /> };
    Route::Settings => settings_screen / preload_settings() => view! { <SettingsPage /> };
}

/// The view of a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Separate => view! { <SeparatePage /> }.into_any(),
        Route::NotFound => view! { <NotFound /> }.into_any(),
        route => lazy(route),
    }
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
