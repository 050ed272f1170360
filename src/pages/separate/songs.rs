//! The song input of Separate: files (dropped or chosen, each with its length, cost and whether
//! the plan takes it) or one link and where it points.

use super::cost::cost;
use crate::api::models::RemoteType;
use crate::browser::{self, now_ms, random_unit};
use crate::components::DropZone;
use crate::i18n::{t, tn};
use crate::results::files::{guess_remote, human_bytes, human_duration, refusal};
use crate::state::job::new_id;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the file pickers take: the service's audio formats, and video it reads the sound of.
pub const AUDIO_FILES: &str =
    "audio/*,video/mp4,video/webm,.mp3,.wav,.flac,.ogg,.m4a,.aac,.opus,.webm";

/// A song picked but not sent yet.
#[derive(Clone)]
pub struct Pending {
    pub key: String,
    pub file: web_sys::File,
    /// None while the length is being read; Some(None) when the browser could not read it.
    pub duration: Option<Option<f64>>,
}

/// Why the plan cannot take this song, if it cannot.
pub fn pending_refusal(p: &Pending, premium: bool) -> Option<String> {
    refusal(
        &p.file.name(),
        p.file.size(),
        p.duration.flatten(),
        p.duration.map(|d| d.is_some()).filter(|ok| !ok),
        premium,
    )
}

#[component]
pub fn SongInput(
    /// A link rather than files.
    use_link: RwSignal<bool>,
    /// The files picked, in order.
    pending: RwSignal<Vec<Pending>, LocalStorage>,
    link: RwSignal<String>,
    remote: RwSignal<RemoteType>,
    /// The chosen model's (coefficient, multiplier), for each file's cost.
    price: Signal<(f64, f64)>,
    premium: Signal<bool>,
) -> impl IntoView {
    let cost_of = move |d: Option<f64>| cost(d, price.get());
    let reason_of = move |p: &Pending| pending_refusal(p, premium.get());
    let add_files = Callback::new(move |picked: Vec<web_sys::File>| {
        for file in picked {
            let key = new_id(now_ms(), random_unit());
            pending.update(|p| {
                p.push(Pending {
                    key: key.clone(),
                    file: file.clone(),
                    duration: None,
                })
            });
            spawn_local(async move {
                let d = browser::media::duration_secs(&file).await;
                pending.update(|p| {
                    if let Some(x) = p.iter_mut().find(|x| x.key == key) {
                        x.duration = Some(d);
                    }
                });
            });
        }
    });
    view! {
        <div class="row" role="radiogroup" aria-label=t("Input")>
            <label class="check"><input type="radio" name="input" prop:checked=move || !use_link.get() on:change=move |_| use_link.set(false) />{t("Files")}</label>
            <label class="check"><input type="radio" name="input" prop:checked=move || use_link.get() on:change=move |_| use_link.set(true) />{t("A link")}</label>
        </div>
        <Show when=move || use_link.get() fallback=move || view! {
            <DropZone id="audio-files" on_files=add_files multiple=true accept=AUDIO_FILES
                prompt=t("Drop songs here, or choose them. Several at once form a queue.") />
            <ul class="pending">
                <For each=move || pending.get() key=|p| p.key.clone() let:p>
                    {
                        let key = p.key.clone();
                        let pk = StoredValue::new(p.key.clone());
                        let info = move || pending.with(|l| pk.with_value(|k| l.iter().find(|x| &x.key == k).cloned()));
                        view! {
                            <li>
                                <strong translate="no">{p.file.name()}</strong>
                                <span class="help">{human_bytes(p.file.size())}</span>
                                {move || info().map(|x| match x.duration {
                                    None => view! { <span class="help">{t("reading its length…")}</span> }.into_any(),
                                    Some(Some(d)) => view! { <span class="help">{format!("{} · {}", human_duration(d), tn(cost_of(Some(d)).unwrap_or(1), "{n} credit", "{n} credits"))}</span> }.into_any(),
                                    Some(None) => view! { <span class="help">{t("length unknown")}</span> }.into_any(),
                                })}
                                {move || info().and_then(|x| reason_of(&x)).map(|r| view! { <span class="error-inline">{r}</span> })}
                                <button type="button" class="link" on:click=move |_| pending.update(|l| l.retain(|x| x.key != key))>
                                    {tr!("Remove {name}", name = p.file.name())}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        }>
            <div class="field">
                <label for="link">{t("Link to the song")}</label>
                <input id="link" type="url" inputmode="url" placeholder=t("https://…")
                    prop:value=move || link.get()
                    on:input=move |ev| { let v = event_target_value(&ev); remote.set(guess_remote(&v)); link.set(v); } />
                <label for="remote-type">{t("Where the link points")}</label>
                <select id="remote-type" on:change=move |ev| remote.set(match event_target_value(&ev).as_str() {
                    "mega" => RemoteType::Mega, "drive" => RemoteType::Drive, "dropbox" => RemoteType::Dropbox, _ => RemoteType::Direct })>
                    {[RemoteType::Direct, RemoteType::Mega, RemoteType::Drive, RemoteType::Dropbox].into_iter().map(|r| view! {
                        <option value=r.as_str() selected=move || remote.get() == r>{match r {
                            RemoteType::Direct => t("A direct link to the file"), RemoteType::Mega => "Mega",
                            RemoteType::Drive => "Google Drive", RemoteType::Dropbox => "Dropbox" }}</option>
                    }).collect_view()}
                </select>
            </div>
        </Show>
    }
}
