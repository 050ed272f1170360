//! What pressing Separate does: the plan (`plan.rs`) made of the form, carried out: each job put
//! in the tracker's queue with its files, and the outcome written back. Its code is fetched at
//! the first press.

use super::plan::{plan, Files, Plan, Song, Submission};
use super::songs::{pending_refusal, Pending};
use crate::api::models::Input;
use crate::browser::{now_ms, random_unit};
use crate::state::job::new_id;
use crate::state::Tracker;
use leptos::prelude::*;

/// The form as it stands when Separate is pressed: its values, which the plan decides on, and
/// the files they stand for.
pub struct Form {
    pub submission: Submission,
    /// The songs, read for the plan here (see `songs`): as code of the first visit that cost
    /// 0.3 kB.
    pub pending: Vec<Pending>,
    pub premium: bool,
    /// A mastering job's (target, reference).
    pub pair: (Option<web_sys::File>, Option<web_sys::File>),
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

/// The songs in the form as the plan reads them.
fn songs(pending: &[Pending], premium: bool) -> Vec<Song> {
    pending
        .iter()
        .map(|p| Song {
            name: p.file.name(),
            bytes: p.file.size(),
            secs: p.duration.flatten(),
            refused: pending_refusal(p, premium).is_some(),
        })
        .collect()
}

fn enqueue(f: Form) {
    let out = f.out;
    out.submit_error.try_set(None);
    out.submitted.try_set(None);
    let s = &f.submission;
    let songs = songs(&f.pending, f.premium);
    match plan(s, &songs, || new_id(now_ms(), random_unit()), now_ms()) {
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
            if s.link.is_some() {
                out.link.try_set(String::new());
            } else if s.input == Input::Song {
                let kept = kept.into_iter().map(|i| f.pending[i].clone()).collect();
                out.pending.try_set(kept);
            }
            out.submitted.try_set(Some(said));
        }
    }
}
