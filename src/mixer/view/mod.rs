//! The stem mixer on a result: every stem plays together under one transport, with mute, solo,
//! volume, pan, waveforms, an A/B loop, presets, keys, and the mix or all stems as one file. Its
//! code is a chunk of its own, fetched when a result is shown.

mod beat;
mod compare;
mod desk;
mod downloads;
mod markers;
mod presets_bar;
mod ruler;
mod stem_row;
mod tempo;
mod transport;

use crate::api::models::ResultFile;
use crate::browser::js::Js;
use crate::components::text_result::TextResult;
use crate::i18n::{t, tn};
use crate::mixer::model::keys::{action, KeyAction, HELP};
use crate::results::files::{human_bytes, result_name};
use crate::results::subtitles::{shown_as, Shown};
use beat::BeatPanel;
use compare::Compare;
pub use compare::Other;
use desk::{Desk, DeskState, Stem};
use downloads::Downloads;
use leptos::prelude::*;
use presets_bar::PresetsBar;
use ruler::Ruler;
use stem_row::StemRow;
use tempo::Tempo;
use transport::Transport;

pub(super) fn is_web(url: &str) -> bool {
    crate::api::web_url::web_url(url).is_some()
}

#[component]
pub fn Mixer(
    files: Vec<ResultFile>,
    /// The input's file name, for naming downloads.
    #[prop(into)]
    song: String,
    /// Keep the service's names (long file names are on).
    keep_service_names: bool,
    /// The model, for its saved mixes.
    #[prop(into)]
    model: String,
    /// Other done results of the same song, to compare with.
    #[prop(into)]
    others: Signal<Vec<Other>>,
) -> impl IntoView {
    let total = files.len();
    let named: Vec<Stem> = files
        .into_iter()
        .filter(|f| is_web(&f.url))
        .map(|f| Stem {
            name: result_name(
                &song,
                &f.stem,
                f.download.as_deref(),
                &f.url,
                keep_service_names,
            ),
            label: if f.stem.trim().is_empty() {
                t("Stem").into()
            } else {
                f.stem.clone()
            },
            url: f.url.trim().to_string(),
            // The exact bytes where the service sends them, else its own words.
            size: f.bytes.map(human_bytes).or(f.size.clone()),
            peaks: f
                .peaks
                .as_ref()
                .and_then(|p| crate::mixer::model::peaks::from_json(p, 400)),
        })
        .collect();
    let dropped = total - named.len();
    // Text (subtitles, transcripts) is shown as text, and what is neither is a plain download.
    let (stems, extras): (Vec<Stem>, Vec<Stem>) = named
        .into_iter()
        .partition(|s| shown_as(&s.name) == Shown::Audio);
    let d = Desk::new(stems);
    crate::hooks::every(std::time::Duration::from_millis(100), move || d.tick());
    on_cleanup(move || d.close());
    let keydown = move |ev: web_sys::KeyboardEvent| {
        // Read by name (see browser::js): typed bindings would grow the first visit.
        let e = Js(ev.clone().into());
        if e.flag("ctrlKey") || e.flag("metaKey") {
            return;
        }
        let target = e.get("target");
        let tag = target.text("tagName").to_ascii_lowercase();
        let kind = target.text("type");
        // Typing a mix's name, choosing in a list: the keys are theirs.
        if tag == "select" || tag == "textarea" || (tag == "input" && kind != "range") {
            return;
        }
        let Some(act) = action(
            &e.text("key"),
            &e.text("code"),
            e.flag("shiftKey"),
            e.flag("altKey"),
        ) else {
            return;
        };
        let on_slider = tag == "input";
        let on_button = tag == "button" || tag == "a";
        match act {
            // A slider moves with the arrows and Home; a button presses with Space.
            KeyAction::Seek(_) | KeyAction::Start if on_slider => return,
            KeyAction::PlayPause if on_button => return,
            KeyAction::PlayPause => d.toggle_play(),
            KeyAction::Seek(by) => d.nudge(by),
            KeyAction::Start => d.seek(0.0),
            KeyAction::Mute(i) => d.toggle_mute(i),
            KeyAction::Solo(i) => d.toggle_solo(i, false),
            KeyAction::SoloOnly(i) => d.toggle_solo(i, true),
            KeyAction::Loop => d.set_loop(|r| r.toggle()),
            KeyAction::SetA => d.mark(false),
            KeyAction::SetB => d.mark(true),
            KeyAction::SayTime => d.say_time(),
            KeyAction::SwitchAb => d.switch_ab(),
            KeyAction::Help => d.help.update(|h| *h = !*h),
            KeyAction::Zoom(by) => d.zoom(by),
            KeyAction::Mark => d.add_marker(),
            KeyAction::Jump(forward) => d.jump_marker(forward),
            KeyAction::Tempo(None) => tempo::set_shift(d, 1.0, 0.0),
            KeyAction::Tempo(Some(by)) => {
                tempo::set_shift(d, d.rate.get_untracked() + by, d.key.get_untracked())
            }
            KeyAction::Transpose(by) => {
                tempo::set_shift(d, d.rate.get_untracked(), d.key.get_untracked() + by)
            }
        }
        ev.prevent_default();
    };
    let status = move || match d.phase.get() {
        DeskState::Idle => t("Press Play to fetch the stems and mix them here.").to_string(),
        DeskState::Loading { done, total } => {
            let n = total / 2;
            if done < n {
                tr!("Fetching stems: {done} of {n}…", done = done, n = n)
            } else {
                tr!("Preparing stems: {k} of {n}…", k = done - n, n = n)
            }
        }
        DeskState::Ready { .. } => String::new(),
        DeskState::Failed(e) => {
            tr!(
                "The mixer could not start: {e} The stems can still be downloaded below.",
                e = e
            )
        }
    };
    let progress = move || match d.phase.get() {
        DeskState::Loading { done, total } => Some(
            view! { <progress max=total value=done aria-label=t("Loading the stems")></progress> },
        ),
        _ => None,
    };
    let count = d.count();
    let lanes = NodeRef::new();
    ruler::wheel_zoom(d, lanes);
    view! {
        <section class="mixer" aria-label=t("Mixer") on:keydown=keydown>
            {(dropped > 0).then(|| view! {
                <p class="help">{tn(dropped as u64, "{n} result file without a web address was left out.", "{n} result files without a web address were left out.")}</p>
            })}
            {(count > 0).then(|| view! {
                <Transport desk=d />
                <Tempo desk=d />
                <BeatPanel desk=d />
                <p class="help" role="status">{status}</p>
                {move || (!d.left_out.get().is_empty()).then(|| view! {
                    <p class="help">{tr!("{why} The other stems play.", why = d.left_out.get())}</p>
                })}
                {progress}
                <div id="mixer-keys" class="keys" hidden=move || !d.help.get()>
                    <h3>{t("Mixer keys")}</h3>
                    <dl>{HELP.iter().map(|(k, what)| view! { <dt><kbd>{t(k)}</kbd></dt><dd>{t(what)}</dd> }).collect_view()}</dl>
                </div>
                <PresetsBar desk=d model=model />
                <Compare desk=d others=others />
            })}
            {(count > 0).then(|| view! { <Ruler desk=d /> })}
            <ul class="stems" node_ref=lanes>
                {(0..count).map(|i| view! { <StemRow desk=d i=i /> }).collect_view()}
            </ul>
            {(!extras.is_empty()).then(|| view! {
                <h3>{if count == 0 { t("Results") } else { t("Other files") }}</h3>
                {extras.into_iter().map(|s| match shown_as(&s.name) {
                    Shown::Download => view! {
                        <p><a href=s.url download=s.name.clone()>{tr!("Download {name} ({stem})", name = s.name, stem = s.label)}</a></p>
                    }.into_any(),
                    shown => view! { <TextResult url=s.url name=s.name label=s.label shown=shown /> }.into_any(),
                }).collect_view()}
            })}
            <Downloads desk=d song=song />
            <p class="visually-hidden" role="status" aria-live="polite">{move || d.said.get()}</p>
            <div class="mixer-media" hidden node_ref=d.host></div>
        </section>
    }
}

split_fn! {
    mixer / preload_mixer;
    /// [`Mixer`] with its code fetched when a result is first shown.
    pub fn lazy_mixer(files: Vec<ResultFile>, song: String, keep_service_names: bool, model: String, others: Signal<Vec<Other>>) -> AnyView {
        view! { <Mixer files=files song=song keep_service_names=keep_service_names model=model others=others /> }.into_any()
    }
}
