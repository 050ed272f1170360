//! The input step of the models that take no song (a note: their options are the input) or two
//! (a mastering model: the target and the reference it should sound like, one file each). Its
//! code is fetched when such a model is first chosen.

use super::songs::AUDIO_FILES;
use crate::api::models::Input;
use crate::components::DropZone;
use crate::i18n::t;
use crate::results::files::human_bytes;
use leptos::prelude::*;

/// (target, reference)
pub type Pair = RwSignal<(Option<web_sys::File>, Option<web_sys::File>), LocalStorage>;

split_fn! {
    separate_input / preload_input;
    /// The input step for a model that takes `input` (not a song).
    pub fn lazy_other_input(input: Input, pair: Pair) -> AnyView {
        match input {
            Input::Pair => view! {
                <h2>{t("3. Target and reference")}</h2>
                <PairInput pair=pair />
            }.into_any(),
            _ => view! {
                <h2>{t("3. No song needed")}</h2>
                <p class="help">{t("This model makes its audio from the options above: fill them in and press Generate.")}</p>
            }.into_any(),
        }
    }
}

#[component]
fn PairInput(pair: Pair) -> impl IntoView {
    let slot = move |reference: bool,
                     id: &'static str,
                     title: &'static str,
                     prompt: &'static str| {
        let put = Callback::new(move |files: Vec<web_sys::File>| {
            let Some(f) = files.into_iter().next() else {
                return;
            };
            pair.update(|p| {
                if reference {
                    p.1 = Some(f)
                } else {
                    p.0 = Some(f)
                }
            });
        });
        let chosen = move || {
            pair.with(|p| if reference { p.1.clone() } else { p.0.clone() })
                .map(|f| format!("{} · {}", f.name(), human_bytes(f.size())))
                .unwrap_or_else(|| t("No file chosen yet.").into())
        };
        let said = format!("{id}-chosen");
        view! {
            <div class="pair-slot">
                <h3>{title}</h3>
                <DropZone id=id on_files=put accept=AUDIO_FILES prompt=prompt described_by=said.clone() />
                <p id=said class="help" role="status">{chosen}</p>
            </div>
        }
    };
    view! {
        <div class="pair">
            {slot(false, "target-file", t("Target"), t("The track to master: drop it here, or choose it."))}
            {slot(true, "reference-file", t("Reference"), t("A finished track it should sound like: drop it here, or choose it."))}
        </div>
    }
}
