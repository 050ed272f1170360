use crate::i18n::t;
use crate::routing::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section aria-labelledby="nf-title">
            <h1 id="nf-title">{t("Page not found")}</h1>
            <p>{t("There is no page at this address. ")} <a href=Route::Separate.href()>{t("Go to Separate")}</a> "."</p>
        </section>
    }
}
