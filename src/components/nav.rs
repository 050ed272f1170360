use crate::components::LangSwitch;
use crate::i18n::t;
use crate::routing::route::{Route, NAV};
use leptos::prelude::*;

/// The site header with the main navigation; the current page is marked by the router.
#[component]
pub fn Nav(
    /// A one-line status of the service's queue, when known.
    #[prop(into)]
    status: Signal<Option<String>>,
    /// The current screen, to mark it.
    #[prop(into)]
    current: Signal<Route>,
) -> impl IntoView {
    view! {
        <header class="site">
            <a class="brand" href=Route::Separate.href()>"mvsep-web"</a>
            <nav aria-label=t("Main")>
                <ul>
                    {NAV
                        .into_iter()
                        .map(|(route, label)| {
                            let href = route.href();
                            let here = move || current.with(|c| *c == route).then_some("page");
                            view! { <li><a href=href aria-current=here>{t(label)}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <LangSwitch />
            <p class="queue-status help" aria-live="off">{move || status.get()}</p>
        </header>
    }
}
