//! Separate's form as one value: the signals a press reads and the ones it writes back.
//! `snapshot` reads them when Separate is pressed (the screen may be gone by the time the
//! submit code arrives), as the plain values the plan decides on (`plan::Submission`).

use super::pair::Pair;
use super::plan::Submission;
use super::songs::Pending;
use super::submit::{Form, Outlets};
use crate::api::models::{Algorithm, Input, RemoteType};
use crate::catalog::options::Values;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FormModel {
    pub chosen: Memo<Option<Algorithm>>,
    /// Why the chosen model cannot be used now, if it cannot.
    pub refusal: Signal<Option<String>>,
    pub values: RwSignal<Values>,
    pub output_format: RwSignal<u8>,
    pub is_demo: RwSignal<bool>,
    pub use_link: RwSignal<bool>,
    pub remote: RwSignal<RemoteType>,
    pub pair: Pair,
    pub base: RwSignal<String>,
    pub premium: Signal<bool>,
    /// (price coefficient, options' multiplier)
    pub price: (Signal<f64>, Signal<f64>),
    /// Written back: the link and the songs are read from here too.
    pub out: Outlets,
}

impl FormModel {
    /// The form as it stands, with the files its values stand for.
    pub fn snapshot(&self) -> Form {
        let songs: Vec<Pending> = self.out.pending.get_untracked();
        let pair = self.pair.get_untracked();
        let premium = self.premium.get_untracked();
        let chosen = self.chosen.get_untracked();
        let submission = Submission {
            input: chosen.as_ref().map_or(Input::Song, Algorithm::input),
            chosen,
            refusal: self.refusal.get_untracked(),
            values: self.values.get_untracked(),
            output_format: self.output_format.get_untracked(),
            is_demo: self.is_demo.get_untracked(),
            link: self
                .use_link
                .get_untracked()
                .then(|| (self.out.link.get_untracked(), self.remote.get_untracked())),
            pair: match &pair {
                (Some(target), Some(_)) => Some((target.name(), target.size())),
                _ => None,
            },
            api_base: self.base.get_untracked(),
            price: (self.price.0.get_untracked(), self.price.1.get_untracked()),
        };
        Form {
            submission,
            pending: songs,
            premium,
            pair,
            out: self.out,
        }
    }
}
