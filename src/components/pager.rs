use crate::i18n::t;
use crate::routing::route::Route;
use leptos::prelude::*;

/// Previous / next links that keep the page in the URL (`?page=N`).
#[component]
pub fn Pager(
    /// The current 1-based page.
    page: u32,
    /// Whether a next page may exist.
    has_next: bool,
    /// The list's screen.
    route: Route,
    /// Other query parameters the list keeps from page to page, e.g. `lang=ru`.
    #[prop(optional_no_strip)]
    keep: Option<String>,
) -> impl IntoView {
    let keep = keep.map(|k| format!("&{k}")).unwrap_or_default();
    let path = route.href();
    let href = move |p: u32| format!("{path}?page={p}{keep}");
    view! {
        <nav class="pager row" aria-label=t("Pages")>
            {(page > 1).then(|| view! { <a href=href(page - 1)>{t("← Newer")}</a> })}
            <span aria-current="page">{tr!("Page {page}", page = page)}</span>
            {has_next.then(|| view! { <a href=href(page + 1)>{t("Older →")}</a> })}
        </nav>
    }
}
