use crate::i18n::t;
use leptos::prelude::*;

/// A password-style input with a button that shows or hides what was typed.
#[component]
pub fn SecretInput(
    /// The element id, for the `<label for>`.
    #[prop(into)]
    id: String,
    /// The value, read and written.
    value: RwSignal<String>,
    /// Form field name (for password managers).
    #[prop(optional, into)]
    name: Option<String>,
    /// Ids of the elements that explain the field or say what is wrong with it.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    view! {
        <span class="secret">
            <input
                id=id
                name=name
                aria-describedby=described_by
                type=move || if shown.get() { "text" } else { "password" }
                autocomplete="off"
                spellcheck="false"
                // Not bind:value: its machinery would land in every screen with a secret field.
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <button
                type="button"
                class="secondary"
                aria-pressed=move || shown.get().to_string()
                on:click=move |_| shown.update(|s| *s = !*s)
            >
                {move || if shown.get() { t("Hide") } else { t("Show") }}
            </button>
        </span>
    }
}
