//! What pressing Separate does: the plan (`plan.rs`) made of the form, carried out: each job put
//! in the tracker's queue with its files, and the outcome written back. Its code is fetched at
//! the first press.

use super::plan::{plan, Files, Plan, Song, Submission};
use super::songs::{pending_refusal, Pending};
use crate::api::models::{Algorithm, Input, RemoteType};
use crate::browser::{now_ms, random_unit};
use crate::catalog::options::Values;
use crate::state::job::new_id;
use crate::state::Tracker;
use leptos::prelude::*;

/// The form as it stands when Separate is pressed, with its files (`plan::Submission` is the
/// same as plain values, which the plan decides on).
pub struct Form {
    pub chosen: Option<Algorithm>,
    /// Why the chosen model cannot be used now, if it cannot.
    pub refusal: Option<String>,
    pub values: Values,
    pub output_format: u8,
    pub is_demo: bool,
    pub use_link: bool,
    pub link: String,
    pub remote: RemoteType,
    pub pending: Vec<Pending>,
    /// What the model takes: songs (above), nothing, or the pair below.
    pub input: Input,
    /// A mastering job's (target, reference).
    pub pair: (Option<web_sys::File>, Option<web_sys::File>),
    pub api_base: String,
    pub premium: bool,
    /// (price coefficient, options' multiplier)
    pub price: (f64, f64),
    pub out: Outlets,
}

/// Where the outcome is written: the screen may be gone when this code arrives, so its signals
/// are only written, and only while they exist.
#[derive(Clone, Copy)]
pub struct Outlets {
    pub field_errors: RwSignal<Vec<(String, String)>>,
    pub submit_error: RwSignal<Option<String>>,
    pub submitted: RwSignal<Option<String>>,
    pub link: RwSignal<String>,
    pub pending: RwSignal<Vec<Pending>, LocalStorage>,
    pub tracker: Tracker,
}

split_fn! {
    separate_submit / preload_submit;
    pub fn send(f: Form) -> () {
        enqueue(f)
    }
}

fn enqueue(f: Form) {
    let out = f.out;
    out.submit_error.try_set(None);
    out.submitted.try_set(None);
    let link = f.use_link.then(|| (f.link.clone(), f.remote));
    let s = Submission {
        chosen: f.chosen,
        refusal: f.refusal,
        values: f.values,
        output_format: f.output_format,
        is_demo: f.is_demo,
        input: f.input,
        link: link.clone(),
        songs: f
            .pending
            .iter()
            .map(|p| Song {
                name: p.file.name(),
                bytes: p.file.size(),
                secs: p.duration.flatten(),
                refused: pending_refusal(p, f.premium).is_some(),
            })
            .collect(),
        pair: match &f.pair {
            (Some(target), Some(_)) => Some((target.name(), target.size())),
            _ => None,
        },
        api_base: f.api_base,
        price: f.price,
    };
    match plan(&s, || new_id(now_ms(), random_unit()), now_ms()) {
        Plan::Refused { why, fields } => {
            out.field_errors.try_set(fields);
            out.submit_error.try_set(Some(why));
        }
        Plan::Queue { jobs, kept, said } => {
            out.field_errors.try_set(Vec::new());
            for (job, files) in jobs {
                let files = match (files, &f.pair) {
                    (Files::Song(i), _) => vec![f.pending[i].file.clone()],
                    (Files::Pair, (Some(target), Some(reference))) => {
                        vec![target.clone(), reference.clone()]
                    }
                    _ => Vec::new(),
                };
                out.tracker.enqueue(job, files);
            }
            if link.is_some() {
                out.link.try_set(String::new());
            } else if s.input == Input::Song {
                let kept = kept.into_iter().map(|i| f.pending[i].clone()).collect();
                out.pending.try_set(kept);
            }
            out.submitted.try_set(Some(said));
        }
    }
}
