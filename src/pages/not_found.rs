use crate::i18n::{around, t};
use crate::routing::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let (before, after) = around("There is no page at this address. {link}.");
    view! {
        <section aria-labelledby="nf-title">
            <h1 id="nf-title">{t("Page not found")}</h1>
            <p>{before}<a href=Route::Separate.href()>{t("Go to Separate")}</a>{after}</p>
        </section>
    }
}
