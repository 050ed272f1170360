use crate::api::models::ResultFile;
use crate::api::request::encode;
use crate::forms::files::result_name;
use leptos::prelude::*;

/// The result stems: label, size, a player (loads nothing until played), a download link named
/// `<song>_<stem>.<ext>`, and a link to separate the stem again.
#[component]
pub fn ResultFiles(
    files: Vec<ResultFile>,
    /// The input's file name, for naming downloads.
    #[prop(into)]
    song: String,
    /// Keep the service's names (long file names are on).
    keep_service_names: bool,
) -> impl IntoView {
    let all: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            (
                f.url.clone(),
                result_name(
                    &song,
                    &f.stem,
                    f.download.as_deref(),
                    &f.url,
                    keep_service_names,
                ),
            )
        })
        .collect();
    let download_all = move |_| {
        // One click per file, a moment apart, so the browser lets them all through.
        let doc = web_sys::window().and_then(|w| w.document());
        for (i, (url, name)) in all.iter().enumerate() {
            let (url, name, doc) = (url.clone(), name.clone(), doc.clone());
            set_timeout(
                move || {
                    if let Some(a) = doc.and_then(|d| d.create_element("a").ok()) {
                        let _ = a.set_attribute("href", &url);
                        let _ = a.set_attribute("download", &name);
                        let a: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(a);
                        a.click();
                    }
                },
                std::time::Duration::from_millis(400 * i as u64),
            );
        }
    };
    view! {
        <ul class="stems">
            {files
                .into_iter()
                .map(|f| {
                    let name = result_name(&song, &f.stem, f.download.as_deref(), &f.url, keep_service_names);
                    let again = format!("/?url={}", encode(&f.url));
                    view! {
                        <li class="stem">
                            <div class="stem-head">
                                <strong>{f.stem.clone()}</strong>
                                <span class="help">{f.size.clone().unwrap_or_default()}</span>
                            </div>
                            <audio controls preload="none" src=f.url.clone() aria-label=format!("Play {}", f.stem)></audio>
                            <div class="row">
                                <a href=f.url.clone() download=name.clone()>{format!("Download {name}")}</a>
                                <a href=again>{format!("Separate {} again", f.stem)}</a>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <button type="button" on:click=download_all>"Download all"</button>
    }
}
