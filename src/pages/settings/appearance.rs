//! The theme: as the system says (`prefers-color-scheme`), or light or dark whatever it says.
//! index.html applies the stored choice before the first paint, so no screen flashes.

use crate::i18n::t;
use crate::state::storage;
use leptos::prelude::*;

const KEY: &str = "mvsep.theme";

fn apply(theme: &str) {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(html) = html {
        let _ = match theme {
            "" => html.remove_attribute("data-theme"),
            t => html.set_attribute("data-theme", t),
        };
    }
}

#[component]
pub fn Appearance() -> impl IntoView {
    let now = storage::get(KEY).unwrap_or_default();
    let pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v.is_empty() {
            storage::remove(KEY);
        } else {
            storage::set(KEY, &v);
        }
        apply(&v);
    };
    let options = [
        ("", t("As the system")),
        ("light", t("Light")),
        ("dark", t("Dark")),
    ];
    view! {
        <h2>{t("Appearance")}</h2>
        <label for="theme">{t("Theme")}</label>
        <select id="theme" on:change=pick>
            {options
                .into_iter()
                .map(|(v, label)| view! { <option value=v selected=now == v>{label}</option> })
                .collect_view()}
        </select>
    }
}
