//! The chosen model: its name, its short description and, folded, the long one (the service's
//! HTML, sanitised) in the language when the service has it. Its code is fetched when a model is
//! first chosen: a first visit has none chosen.

use crate::api::models::Algorithm;
use crate::components::{lazy_safe_html, lazy_view};
use crate::i18n::t;
use leptos::prelude::*;

split_fn! {
    model_about / preload_model_about;
    /// [`ModelAbout`], fetched with the first model chosen.
    pub fn lazy_model_about(algorithm: Algorithm) -> AnyView {
        view! { <ModelAbout algorithm=algorithm /> }.into_any()
    }
}

#[component]
pub fn ModelAbout(algorithm: Algorithm) -> impl IntoView {
    let d = algorithm.description_in(crate::i18n::code()).cloned();
    let short = d
        .as_ref()
        .and_then(|d| d.short_description.clone())
        .or(algorithm.description.clone());
    view! {
        <div class="chosen-model">
            <h3>{algorithm.name.clone()}</h3>
            {short.map(|s| view! { <p>{s}</p> })}
            {d.and_then(|d| d.long_description).map(|html| view! {
                <details>
                    <summary>{t("About this model")}</summary>
                    {lazy_view(move || lazy_safe_html(html.clone()), || ().into_any(), true)}
                </details>
            })}
        </div>
    }
}
