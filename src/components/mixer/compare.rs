//! A/B: another result of the same song (another model, other options) plays in step with this
//! one; X or one button switches which is heard, stem by stem, without a gap.

use super::desk::{Desk, Phase};
use super::{is_audio, is_web};
use crate::api::models::ResultFile;
use leptos::prelude::*;

/// Another done result of the same song.
#[derive(Clone, Debug, PartialEq)]
pub struct Other {
    /// The model and options, as the person knows it.
    pub label: String,
    pub files: Vec<ResultFile>,
}

#[component]
pub fn Compare(desk: Desk, others: Signal<Vec<Other>>) -> impl IntoView {
    let d = desk;
    let choose = move |ev: leptos::ev::Event| {
        let Ok(i) = event_target_value(&ev).parse::<usize>() else {
            return;
        };
        if let Some(o) = others.with_untracked(|l| l.get(i).cloned()) {
            let files = o
                .files
                .into_iter()
                .filter(|f| is_web(&f.url) && is_audio(f.download.as_deref().unwrap_or(&f.url)))
                .map(|f| (f.stem, f.url.trim().to_string()))
                .collect();
            d.compare(o.label, files);
        }
    };
    let ready = move || matches!(d.phase.get(), Phase::Ready { media: false });
    move || {
        let list = others.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="row compare">
                    <label>"Compare with "
                        <select on:change=choose disabled=move || !ready()>
                            <option value="">"another result of this song…"</option>
                            {list.into_iter().enumerate().map(|(i, o)| view! {
                                <option value=i.to_string()>{o.label}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    {move || d.other.get().map(|label| view! {
                        <button type="button" class="secondary" aria-pressed=move || d.hearing_b.get().to_string()
                            on:click=move |_| d.switch_ab()>
                            {move || if d.hearing_b.get() { format!("Hearing B: {label}") } else { "Hearing A: this result".to_string() }}
                        </button>
                    })}
                    <p class="help" role="status">{move || if ready() { d.compare_note.get() } else { "Play this result first to compare it with another.".into() }}</p>
                </div>
            }
        })
    }
}
