//! Components and state in a real browser (headless Chromium): real DOM, real localStorage.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use mvsep_web::api::ApiError;
use mvsep_web::components::{ErrorView, SecretInput};
use mvsep_web::pages::SettingsPage;
use mvsep_web::state::settings::{KEY_BASE, KEY_TOKEN};
use mvsep_web::state::{provide_settings, Settings};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh_root() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn input(root: &HtmlElement, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into()
}

fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text}"))
}

fn type_into(el: &HtmlInputElement, value: &str) {
    el.set_value(value);
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn submit(root: &web_sys::HtmlElement) {
    let form: web_sys::HtmlFormElement = root
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
}

#[component]
fn SettingsHost() -> impl IntoView {
    provide_settings();
    view! { <SettingsPage /> }
}

#[wasm_bindgen_test]
async fn settings_persist_in_local_storage_and_survive_a_remount() {
    storage().clear().unwrap();
    let root = fresh_root();
    let handle = mount_to(root.clone(), SettingsHost);
    tick().await;
    type_into(&input(&root, "#api-base"), "https://de.mvsep.com/");
    type_into(&input(&root, "#api-token"), "  tok-123  ");
    submit(&root);
    tick().await;
    assert!(root.text_content().unwrap().contains("Settings saved."));
    assert_eq!(
        storage().get_item(KEY_BASE).unwrap().as_deref(),
        Some("https://de.mvsep.com")
    );
    assert_eq!(
        storage().get_item(KEY_TOKEN).unwrap().as_deref(),
        Some("tok-123")
    );
    drop(handle);
    assert!(
        root.query_selector("#api-token").unwrap().is_none(),
        "unmounted"
    );

    // A new mount reads what the last one stored.
    let handle = mount_to(root.clone(), SettingsHost);
    tick().await;
    assert_eq!(input(&root, "#api-base").value(), "https://de.mvsep.com");
    assert_eq!(input(&root, "#api-token").value(), "tok-123");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_bad_address_is_refused_and_nothing_is_stored() {
    storage().clear().unwrap();
    let root = fresh_root();
    let _handle = mount_to(root.clone(), SettingsHost);
    tick().await;
    type_into(&input(&root, "#api-base"), "mvsep.com");
    submit(&root);
    tick().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("must start with https://"));
    assert_eq!(storage().get_item(KEY_BASE).unwrap(), None);
}

#[wasm_bindgen_test]
async fn forget_token_keeps_the_address() {
    storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let s = Settings::load();
        s.save("https://mvsep.com", "abc").unwrap();
        s.forget_token();
        assert_eq!(s.token.get_untracked(), None);
    });
    assert_eq!(storage().get_item(KEY_TOKEN).unwrap(), None);
    assert_eq!(
        storage().get_item(KEY_BASE).unwrap().as_deref(),
        Some("https://mvsep.com")
    );
}

#[wasm_bindgen_test]
async fn secret_input_shows_and_hides_on_click() {
    let root = fresh_root();
    let value = RwSignal::new("secret".to_string());
    let _handle = mount_to(
        root.clone(),
        move || view! { <SecretInput id="s" value=value /> },
    );
    tick().await;
    let field = input(&root, "#s");
    assert_eq!(field.type_(), "password");
    assert_eq!(field.value(), "secret");
    let toggle = button(&root, "Show");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    toggle.click();
    tick().await;
    assert_eq!(field.type_(), "text");
    assert_eq!(toggle.text_content().unwrap(), "Hide");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    type_into(&field, "changed");
    assert_eq!(value.get_untracked(), "changed");
}

#[wasm_bindgen_test]
async fn error_view_shows_the_message_and_retries_on_click() {
    let root = fresh_root();
    let retries = RwSignal::new(0);
    let err = ApiError::Server {
        status: 400,
        message: "Seperation type is unavailable".into(),
    };
    let _handle = mount_to(root.clone(), move || {
        view! { <ErrorView error=err.clone() on_retry=Callback::new(move |_| retries.update(|n| *n += 1)) /> }
    });
    tick().await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert_eq!(
        alert.text_content().unwrap().trim_end_matches("Try again"),
        "Seperation type is unavailable (HTTP 400)"
    );
    button(&root, "Try again").click();
    button(&root, "Try again").click();
    tick().await;
    assert_eq!(retries.get_untracked(), 2);
}

mod option_form {
    use super::*;
    use mvsep_web::api::decode::decode;
    use mvsep_web::api::models::Algorithm;
    use mvsep_web::api::request::Envelope;
    use mvsep_web::api::RawResponse;
    use mvsep_web::catalog::options::{fields, initial_values, is_visible, Control};
    use mvsep_web::components::OptionForm;

    fn list(body: &str) -> Vec<Algorithm> {
        decode(&RawResponse::new(200, body), Envelope::Bare).unwrap()
    }

    fn lists() -> Vec<Algorithm> {
        let mut all = list(include_str!("fixtures/postman_algorithms_200.json"));
        all.extend(list(include_str!("fixtures/algorithms_2026_sample.json")));
        all
    }

    fn shown(root: &HtmlElement) -> Vec<String> {
        let nodes = root.query_selector_all(".field").unwrap();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .filter(|e| e.style().get_property_value("display").unwrap() != "none")
            .map(|e| e.get_attribute("data-field").unwrap())
            .collect()
    }

    #[wasm_bindgen_test]
    async fn every_algorithm_of_both_lists_renders_its_fields() {
        let mut kinds = std::collections::BTreeSet::new();
        for alg in lists() {
            let root = fresh_root();
            let values = RwSignal::new(initial_values(&alg, &vec![]));
            let a = alg.clone();
            let handle = mount_to(root.clone(), move || {
                view! { <OptionForm algorithm=a.clone() values=values errors=Signal::derive(Vec::new) /> }
            });
            tick().await;
            let want: Vec<String> = fields(&alg)
                .into_iter()
                .filter(|f| values.with_untracked(|v| is_visible(&alg, f.id, v)))
                .map(|f| f.name)
                .collect();
            assert_eq!(shown(&root), want, "{}", alg.name);
            for f in fields(&alg) {
                let el = root
                    .query_selector(&format!("#opt-{}", f.name))
                    .unwrap()
                    .expect("control");
                let tag = el.tag_name().to_lowercase();
                match &f.control {
                    Control::Select(opts) => {
                        assert_eq!(tag, "select");
                        let sel: web_sys::HtmlSelectElement = el.unchecked_into();
                        let keys: Vec<String> = (0..sel.length())
                            .filter_map(|i| sel.item(i))
                            .map(|o| o.unchecked_into::<web_sys::HtmlOptionElement>().value())
                            .collect();
                        assert_eq!(
                            keys,
                            opts.keys().map(str::to_string).collect::<Vec<_>>(),
                            "{} {}: server order",
                            alg.name,
                            f.name
                        );
                        if !keys.is_empty() {
                            assert_eq!(
                                Some(sel.value()),
                                f.default.clone(),
                                "{} {}: the default is chosen",
                                alg.name,
                                f.name
                            );
                        }
                        kinds.insert("select");
                    }
                    Control::Text => {
                        assert_eq!(tag, "input");
                        kinds.insert("text");
                    }
                    Control::Textarea => {
                        assert_eq!(tag, "textarea");
                        kinds.insert("textarea");
                    }
                }
            }
            drop(handle);
            root.remove();
        }
        assert_eq!(
            kinds.len(),
            3,
            "select, text and textarea all met: {kinds:?}"
        );
    }

    #[wasm_bindgen_test]
    async fn a_condition_shows_its_field_when_the_other_changes() {
        let alg = lists()
            .into_iter()
            .find(|a| a.id == 39 && a.algorithm_fields.len() == 3)
            .unwrap();
        let root = fresh_root();
        let values = RwSignal::new(initial_values(&alg, &vec![]));
        let a = alg.clone();
        let _handle = mount_to(root.clone(), move || {
            view! { <OptionForm algorithm=a.clone() values=values errors=Signal::derive(Vec::new) /> }
        });
        tick().await;
        assert!(!shown(&root).contains(&"add_opt3".to_string()));
        let sel: web_sys::HtmlSelectElement = root
            .query_selector("#opt-add_opt1")
            .unwrap()
            .unwrap()
            .unchecked_into();
        sel.set_value("171");
        sel.dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        tick().await;
        assert_eq!(
            mvsep_web::catalog::options::value_of(&values.get_untracked(), "add_opt1"),
            Some("171")
        );
        assert!(
            shown(&root).contains(&"add_opt3".to_string()),
            "shown once add_opt1 is 171"
        );
        sel.set_value("81");
        sel.dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        tick().await;
        assert!(!shown(&root).contains(&"add_opt3".to_string()));
    }
}

/// Every name the app calls the browser by (tests/fixtures/js_names.txt, checked against the code
/// by tests/js_names.rs) exists in this browser: as a global, or on a global object, any web
/// API's prototype or its constructor (a static such as `IDBKeyRange.bound`). A misspelt name
/// would otherwise do nothing, silently.
#[wasm_bindgen_test]
fn every_name_the_app_calls_the_browser_by_exists() {
    let exists = js_sys::Function::new_with_args(
        "name",
        "const owners = [globalThis, document, navigator, location];
         for (const k of Object.getOwnPropertyNames(globalThis)) {
           let v; try { v = globalThis[k]; } catch { continue; }
           if (typeof v === 'function' && v.prototype) owners.push(v.prototype, v);
         }
         return owners.some((o) => { try { return name in o; } catch { return false; } });",
    );
    let missing: Vec<&str> = include_str!("fixtures/js_names.txt")
        .lines()
        .filter(|n| {
            !exists
                .call1(&wasm_bindgen::JsValue::NULL, &(*n).into())
                .unwrap()
                .is_truthy()
        })
        .collect();
    assert!(missing.is_empty(), "not in this browser: {missing:?}");
    // And the check can fail: a misspelt name is found nowhere.
    assert!(!exists
        .call1(&wasm_bindgen::JsValue::NULL, &"createGian".into())
        .unwrap()
        .is_truthy());
}
