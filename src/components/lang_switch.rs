use wasm_bindgen::JsCast;
use crate::i18n::{LANGS, self, t};
use leptos::prelude::*;

/// The header's language menu: each language by its own name; a change fetches its catalogue
/// and renders the app again, keeping the focus here.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let views = i18n::use_lang();
    let error = RwSignal::new(None::<String>);
    let pick = move |ev: web_sys::Event| {
        let value = event_target_value(&ev);
        let Some(&(code, _)) = LANGS.iter().find(|(c, _)| *c == value) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match i18n::choose(code, views).await {
                Ok(()) => {
                    if let Some(el) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id("lang"))
                    {
                        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <label class="lang">
            <span class="visually-hidden">{t("Language")}</span>
            <select id="lang" on:change=pick>
                {LANGS
                    .iter()
                    .map(|(c, name)| {
                        view! { <option value=*c lang=*c selected=*c == i18n::code()>{*name}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
        {move || error.get().map(|e| view! {
            <p class="error" role="alert">{t("This language could not be loaded:")}" "{e}</p>
        })}
    }
}
