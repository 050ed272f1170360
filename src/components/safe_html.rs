use crate::safe_html::sanitize;
use leptos::prelude::*;

/// Server HTML (descriptions, news), sanitised before it reaches the DOM.
#[component]
pub fn SafeHtml(
    /// Untrusted HTML from the service.
    #[prop(into)]
    html: String,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let clean = sanitize(&html);
    // data-html: the one mark that lets HTML of this app's making in (src/boot.js, Trusted Types).
    view! { <div class=class.unwrap_or_else(|| "server-html".into()) data-html inner_html=clean></div> }
}

split_fn! {
    sanitizer / preload_sanitizer;
    /// [`SafeHtml`] with the sanitiser's code fetched when first needed (a model's description).
    pub fn lazy_safe_html(html: String) -> AnyView {
        view! { <SafeHtml html=html /> }.into_any()
    }
}
