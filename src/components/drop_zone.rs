use crate::i18n::t;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn collect(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Drop files here or pick them; keyboard users reach the picker button.
#[component]
pub fn DropZone(
    /// Called with the files dropped or picked.
    on_files: Callback<Vec<web_sys::File>>,
    /// The visible prompt.
    #[prop(into)]
    prompt: String,
    /// `accept` of the file input, e.g. "audio/*".
    #[prop(into)]
    accept: String,
    #[prop(optional)] multiple: bool,
    /// Element id of the input (for labels and tests).
    #[prop(into)]
    id: String,
    /// Id of the element that says what is wrong with the choice (its error line).
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    view! {
        <div
            class="drop"
            class:over=move || over.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                let files = collect(ev.data_transfer().and_then(|d| d.files()));
                if !files.is_empty() {
                    on_files.run(files);
                }
            }
        >
            <p>{prompt}</p>
            <label class="button" for=id.clone()>{t("Choose files…")}</label>
            <input
                id=id
                aria-describedby=described_by
                class="visually-hidden-file"
                type="file"
                accept=accept
                multiple=multiple
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    let files = collect(input.files());
                    input.set_value("");
                    if !files.is_empty() {
                        on_files.run(files);
                    }
                }
            />
        </div>
    }
}

/// The `<input>` behind an event.
pub fn event_target<T: JsCast>(ev: &web_sys::Event) -> T {
    ev.target().expect("event target").unchecked_into()
}
