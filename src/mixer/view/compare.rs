//! A/B: another result of the same song (another model, other options) plays in step with this
//! one; X or one button switches which is heard, stem by stem, without a gap.

use super::desk::{Desk, DeskState};
use super::is_web;
use crate::api::models::ResultFile;
use crate::i18n::t;
use crate::mixer::audio::load::load_other;
use crate::mixer::audio::Player;
use crate::results::subtitles::{shown_as, Shown};
use leptos::prelude::*;
use leptos::task::spawn_local;

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
                .filter(|f| {
                    is_web(&f.url)
                        && shown_as(f.download.as_deref().unwrap_or(&f.url)) == Shown::Audio
                })
                .map(|f| (f.stem, f.url.trim().to_string()))
                .collect();
            d.compare(o.label, files);
        }
    };
    let ready = move || matches!(d.phase.get(), DeskState::Ready { media: false });
    move || {
        let list = others.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="row compare">
                    <label>{t("Compare with ")}
                        <select on:change=choose disabled=move || !ready()>
                            <option value="">{t("another result of this song…")}</option>
                            {list.into_iter().enumerate().map(|(i, o)| view! {
                                <option value=i.to_string()>{o.label}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    {move || d.other.get().map(|label| view! {
                        <button type="button" class="secondary" aria-pressed=move || d.hearing_b.get().to_string()
                            on:click=move |_| d.switch_ab()>
                            {move || if d.hearing_b.get() { tr!("Hearing B: {label}", label = label) } else { t("Hearing A: this result").to_string() }}
                        </button>
                    })}
                    <p class="help" role="status">{move || if ready() { d.compare_note.get() } else { t("Play this result first to compare it with another.").into() }}</p>
                </div>
            }
        })
    }
}

/// What comparing does to the mixer.
impl Desk {
    /// Loads another result of the song (`label`, its stems `files` as (label, url)) to play in
    /// step with this one, heard when switched to.
    pub fn compare(&self, label: String, files: Vec<(String, String)>) {
        let Some(ctx) = self.player.with_value(|p| match p {
            Some(Player::Web(w)) => Some(w.context().clone()),
            _ => None,
        }) else {
            self.compare_note.set(t("Play this result first: comparing needs its stems loaded, from a site that lets this page read them.").into());
            return;
        };
        let d = *self;
        let n = files.len();
        let (labels, urls): (Vec<String>, Vec<String>) = files.into_iter().unzip();
        self.compare_note
            .set(tr!("Loading {label}…", label = label));
        spawn_local(async move {
            let name = label.clone();
            let progress = move |k: usize| {
                d.compare_note.try_set(tr!(
                    "Loading {name}: step {k} of {all}…",
                    name = name,
                    k = k,
                    all = 2 * n
                ));
            };
            let result = load_other(&ctx, &urls, progress).await;
            let first: Vec<String> = d
                .stems
                .with_value(|s| s.iter().map(|s| s.label.clone()).collect());
            match result {
                Ok(tracks) => {
                    let added = d.player.try_update_value(|p| match p {
                        Some(Player::Web(w)) => w.add_other(tracks, &labels, &first),
                        _ => false,
                    });
                    if added == Some(true) {
                        d.other.try_set(Some(label));
                        d.hearing_b.try_set(false);
                        d.compare_note.try_set(
                            t("Ready: press X or the button to switch, without a gap.").into(),
                        );
                    }
                }
                Err(e) => {
                    d.compare_note.try_set(e);
                }
            }
        });
    }

    /// Switches between this result (A) and the one compared with (B).
    pub fn switch_ab(&self) {
        let Some(label) = self.other.get_untracked() else {
            return;
        };
        let b = !self.hearing_b.get_untracked();
        self.with_player(|p| {
            if let Player::Web(w) = p {
                w.switch(usize::from(b));
            }
        });
        self.hearing_b.set(b);
        self.said.set(if b {
            tr!("Hearing B: {label}", label = label)
        } else {
            t("Hearing A: this result").into()
        });
    }
}
