//! Each screen's heading and the lines under it that never change. The one home of these
//! texts: the screen draws them, and so does the shell while the screen's code is on its way
//! (`app::screens`), so the heading does not blink away between the two. index.html's static
//! shell shows the same before the wasm arrives (its `data-head` blocks; tests/i18n.rs checks
//! they say the same as this file).

use crate::i18n::t;
use crate::routing::route::Route;
use leptos::prelude::*;

/// The heading (with the id its section is labelled by) and the lines under it, for a screen
/// whose head does not depend on data or on the person; None for the others.
pub fn screen_head(route: &Route) -> Option<AnyView> {
    let back = || view! { <p><a href=Route::Leaderboard.href()>{t("← Leaderboard")}</a></p> };
    Some(match route {
        Route::Separate => view! {
            <h1 id="separate-title">{t("Separate")}</h1>
            <p class="help">{t("Split songs into their parts (vocals, drums, bass and more) with one of MVSEP\u{2019}s models: choose a model and its options, add songs, and start. The service keeps results about 72 hours.")}</p>
        }
        .into_any(),
        Route::Jobs => view! {
            <h1 id="jobs-title">{t("Jobs")}</h1>
            <p class="help">{t("Jobs started in this browser. They are kept here across reloads; the service keeps results about 72 hours.")}</p>
        }
        .into_any(),
        Route::Library => view! {
            <h1 id="library-title">{t("Library")}</h1>
            <p class="help">{t("Results kept on this device play here with no network, and after the service has deleted them (it keeps results for about 72 hours). On a result, press \u{201c}Keep on this device\u{201d}.")}</p>
        }
        .into_any(),
        Route::Leaderboard => view! {
            <h1 id="board-title">{t("Leaderboard")}</h1>
            <p class="help">
                {t("The quality checker compares separation models on fixed datasets. ")}
                <a href=Route::QcQueue.href()>{t("Evaluation queue")}</a>" · "<a href=Route::QcSubmit.href()>{t("Submit results")}</a>
            </p>
        }
        .into_any(),
        Route::QcQueue => view! { <h1 id="qcq-title">{t("Evaluation queue")}</h1>{back()} }.into_any(),
        Route::QcSubmit => view! { <h1 id="qcs-title">{t("Submit results")}</h1>{back()} }.into_any(),
        Route::History => view! { <h1 id="history-title">{t("History")}</h1> }.into_any(),
        Route::Demos => view! { <h1 id="demos-title">{t("Demos")}</h1> }.into_any(),
        Route::News => view! { <h1 id="news-title">{t("News")}</h1> }.into_any(),
        Route::Account => view! { <h1 id="account-title">{t("Account")}</h1> }.into_any(),
        Route::Settings => view! { <h1 id="settings-title">{t("Settings")}</h1> }.into_any(),
        _ => return None,
    })
}
