use leptos::prelude::*;

/// Previous / next links that keep the page in the URL (`?page=N`).
#[component]
pub fn Pager(
    /// The current 1-based page.
    page: u32,
    /// Whether a next page may exist.
    has_next: bool,
    /// The path of the list, e.g. "/history".
    path: &'static str,
) -> impl IntoView {
    view! {
        <nav class="pager row" aria-label="Pages">
            {(page > 1).then(|| view! { <a href=format!("{path}?page={}", page - 1)>"← Newer"</a> })}
            <span aria-current="page">{format!("Page {page}")}</span>
            {has_next.then(|| view! { <a href=format!("{path}?page={}", page + 1)>"Older →"</a> })}
        </nav>
    }
}
