use crate::api::models::Algorithm;
use crate::catalog::options::{fields, is_visible, set_value, value_of, Control, Values};
use crate::i18n::t;
use leptos::prelude::*;

/// One control per option field of an algorithm, in name order; fields hidden by a condition
/// are not shown (and not sent).
#[component]
pub fn OptionForm(
    /// The chosen algorithm.
    algorithm: Algorithm,
    /// The chosen values, read and written.
    values: RwSignal<Values>,
    /// Field errors (field name, message).
    #[prop(into)]
    errors: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let alg = StoredValue::new(algorithm.clone());
    fields(&algorithm)
        .into_iter()
        .map(|f| {
            let id = format!("opt-{}", f.name);
            let name = f.name.clone();
            let field_id = f.id;
            let visible = move || values.with(|v| alg.with_value(|a| is_visible(a, field_id, v)));
            let current = {
                let name = name.clone();
                move || values.with(|v| value_of(v, &name).unwrap_or("").to_string())
            };
            let on_input = {
                let name = name.clone();
                move |ev: web_sys::Event| values.update(|v| set_value(v, &name, &event_target_value(&ev)))
            };
            let err_name = StoredValue::new(name.clone());
            let error = move || errors.with(|e| err_name.with_value(|en| e.iter().find(|(n, _)| n == en).map(|(_, m)| m.clone())));
            let err_id = format!("{id}-error");
            let control = match f.control.clone() {
                Control::Select(opts) => {
                    let current = current.clone();
                    view! {
                        <select id=id.clone() on:change=on_input prop:value=current.clone()>
                            {opts
                                .0
                                .into_iter()
                                .map(|(k, label)| {
                                    let key = k.clone();
                                    let current = current.clone();
                                    view! { <option value=k selected=move || current() == key>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    }
                    .into_any()
                }
                Control::Text => view! {
                    <input id=id.clone() type="text" required=f.required prop:value=current on:input=on_input
                        aria-invalid=move || error().is_some().to_string() aria-describedby=err_id.clone() />
                }
                .into_any(),
                Control::Textarea => view! {
                    <textarea id=id.clone() rows="4" required=f.required prop:value=current on:input=on_input
                        aria-invalid=move || error().is_some().to_string() aria-describedby=err_id.clone()></textarea>
                }
                .into_any(),
            };
            let required = f.required && !matches!(f.control, Control::Select(_));
            view! {
                <div class="field" data-field=name.clone() style:display=move || if visible() { "" } else { "none" }>
                    // The service's own words for its options stay as it writes them.
                    <label for=id.clone()><span translate="no">{f.label.clone()}</span>{required.then(|| t(" (required)"))}</label>
                    {control}
                    {f.help_link.clone().map(|href| view! {
                        <a class="help" href=href target="_blank" rel="noopener noreferrer">
                            {t("About this option:")}" "<span translate="no">{f.label.clone()}</span>
                        </a>
                    })}
                    <p class="field-error" id=format!("{id}-error") role="alert">{error}</p>
                </div>
            }
        })
        .collect_view()
}

split_fn! {
    option_form / preload_option_form;
    /// [`OptionForm`] with its code fetched when a model is first chosen.
    pub fn lazy_option_form(
        algorithm: Algorithm,
        values: RwSignal<Values>,
        errors: RwSignal<Vec<(String, String)>>
    ) -> AnyView {
        view! { <OptionForm algorithm=algorithm values=values errors=errors /> }.into_any()
    }
}
