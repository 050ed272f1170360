use crate::i18n::{self, t, LANGS};
use leptos::prelude::*;

/// The header's language menu: each language by its own name. A change reloads the page in
/// the new language (see `i18n::choose`); a language that could not be loaded says why here.
#[component]
pub fn LangSwitch() -> impl IntoView {
    // The options as markup: the same elements for a fraction of the code of a view per option.
    let options: String = LANGS
        .iter()
        .map(|(c, name)| {
            let sel = if *c == i18n::code() { " selected" } else { "" };
            format!("<option value=\"{c}\" lang=\"{c}\"{sel}>{name}</option>")
        })
        .collect();
    let failure = i18n::failure();
    let ok = failure.is_none();
    view! {
        <label class="lang">
            <span class="visually-hidden">{t("Language")}</span>
            // data-html: options of this app's making, let in by src/boot.js's policy.
            <select id="lang" data-html inner_html=options on:change=move |ev| i18n::choose(&event_target_value(&ev))></select>
        </label>
        <p class="error" role="alert" hidden=ok>
            {failure.map(|e| format!("{} {e}", t("This language could not be loaded:")))}
        </p>
    }
}
