//! Submitting results to the quality checker: a zip (checked to be one before upload, sent
//! straight from the File with progress), the model's name and description, dataset, ensemble
//! flag and a password for deleting it later.

use crate::api::endpoints::QcSubmission;
use crate::api::models::quality::DATASET_TYPES;
use crate::api::{ApiError, UploadHandle};
use crate::components::{screen_head, DropZone, ErrorView, ProgressBar, SecretInput};
use crate::i18n::{around, t};
use crate::quality::is_zip;
use crate::results::files::human_bytes;
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::use_settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The first bytes of a file, read without reading the rest.
async fn head(file: &web_sys::File) -> Vec<u8> {
    let Ok(part) = file.slice_with_i32_and_i32(0, 4) else {
        return Vec::new();
    };
    match wasm_bindgen_futures::JsFuture::from(part.array_buffer()).await {
        Ok(buf) => js_sys::Uint8Array::new(buf.unchecked_ref()).to_vec(),
        Err(_) => Vec::new(),
    }
}

#[component]
pub fn QcSubmitPage() -> impl IntoView {
    let settings = use_settings();
    let location = use_location();
    let file = RwSignal::new_local(None::<web_sys::File>);
    let zip_error = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let dataset = RwSignal::new(1i64);
    let ensemble = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<f64>);
    let error = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    // The upload in flight: Cancel stops it, and so does leaving the screen.
    let upload = StoredValue::new_local(None::<UploadHandle>);
    let stop = move || {
        if let Some(h) = upload.try_update_value(Option::take).flatten() {
            h.abort();
        }
    };
    on_cleanup(stop);
    let pick = Callback::new(move |files: Vec<web_sys::File>| {
        let Some(f) = files.into_iter().next() else {
            return;
        };
        spawn_local(async move {
            if is_zip(&head(&f).await) {
                zip_error.set(None);
                file.set(Some(f));
            } else {
                zip_error.set(Some(tr!(
                    "{name} is not a zip archive: pack the separated stems into a .zip first.",
                    name = f.name()
                )));
                file.set(None);
            }
        });
    });
    let field = move |f: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .map(|e| e.field_errors(f).join(" "))
                    .filter(|m| !m.is_empty())
            })
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let Some(zip) = file.get_untracked() else {
            zip_error.set(Some(t("Choose the zip with your results.").into()));
            return;
        };
        let client = settings.client();
        let (n, t, pw) = (
            name.get_untracked(),
            text.get_untracked(),
            password.get_untracked(),
        );
        let s = QcSubmission {
            algo_name: &n,
            main_text: &t,
            dataset_type: dataset.get_untracked(),
            password: &pw,
            ensemble: ensemble.get_untracked(),
        };
        match client.qc_add_with_progress(&s, &zip, move |loaded, total| {
            progress.set((total > 0.0).then(|| loaded / total))
        }) {
            Ok((handle, answer)) => {
                upload.set_value(Some(handle));
                sending.set(true);
                spawn_local(async move {
                    let r = answer.await;
                    upload.try_set_value(None);
                    sending.try_set(false);
                    progress.try_set(None);
                    match r {
                        Ok(created) => location.navigate(&Route::QcEntry(created.id).href()),
                        Err(e) => {
                            error.try_set(Some(e));
                        }
                    }
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section aria-labelledby="qcs-title">
            {screen_head(&Route::QcSubmit)}
            <Show when=move || settings.has_token() fallback=|| {
                let (before, after) = around("Submitting needs your API token: {link}.");
                view! { <p>{before}<a href=Route::Settings.href()>{t("add it in Settings")}</a>{after}</p> }
            }>
                <form class="stack" on:submit=submit novalidate>
                    <DropZone id="zip-file" described_by="qc-zip-error" on_files=pick accept=".zip,application/zip" prompt=t("Drop the zip of your separated stems here, or choose it.") />
                    {move || file.get().map(|f| view! { <p class="help">{format!("{} · {}", f.name(), human_bytes(f.size()))}</p> })}
                    <p class="field-error" id="qc-zip-error" role="alert">{move || zip_error.get().or_else(field("zipfile"))}</p>
                    <label for="qc-name">{t("Model name")}</label>
                    <input id="qc-name" aria-describedby="qc-name-error" aria-invalid=move || field("algo_name")().is_some().to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    <p class="field-error" id="qc-name-error" role="alert">{field("algo_name")}</p>
                    <label for="qc-text">{t("Description")}</label>
                    <textarea id="qc-text" rows="3" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <label for="qc-dataset">{t("Dataset")}</label>
                    <select id="qc-dataset" aria-describedby="qc-dataset-error" on:change=move |ev| dataset.set(event_target_value(&ev).parse().unwrap_or(1))>
                        {DATASET_TYPES.iter().map(|(t, n)| { let t = *t; view! { <option value=t.to_string() selected=move || dataset.get() == t translate="no">{*n}</option> } }).collect_view()}
                    </select>
                    <p class="field-error" id="qc-dataset-error" role="alert">{field("dataset_type")}</p>
                    <label class="check"><input type="checkbox" prop:checked=move || ensemble.get() on:change=move |ev| ensemble.set(event_target_checked(&ev)) />{t("An ensemble of models")}</label>
                    <label for="qc-password">{t("Password (to delete the entry later)")}</label>
                    <SecretInput id="qc-password" described_by="qc-password-error" value=password />
                    <p class="field-error" id="qc-password-error" role="alert">{field("password")}</p>
                    <div class="row"><button type="submit" disabled=move || sending.get()>{t("Submit")}</button></div>
                    {move || sending.get().then(|| view! {
                        <ProgressBar value=Signal::derive(move || progress.get()) label=t("Upload of the zip") />
                        <div class="row"><button type="button" class="secondary" on:click=move |_| stop()>{t("Cancel the upload")}</button></div>
                    })}
                    {move || error.get().filter(|e| !matches!(e, ApiError::Validation { .. })).map(|e| view! { <ErrorView error=e /> })}
                </form>
            </Show>
        </section>
    }
}
