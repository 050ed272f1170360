//! What pressing Separate does: check the model and its options, then put each song (or the
//! link) in the tracker's queue. Its code is fetched at the first press.

use super::songs::{pending_refusal, Pending};
use crate::api::models::{Algorithm, Input, JobOptions, RemoteType};
use crate::browser::{now_ms, random_unit};
use crate::catalog::options::{self, submission, Values};
use crate::i18n::{t, tn};
use crate::state::job::Phase;
use crate::state::job::{new_id, TrackedJob};
use crate::state::Tracker;
use leptos::prelude::*;

/// The form as it stands when Separate is pressed, and where the outcome is written. Read when
/// pressed: the screen may be gone when this code arrives, so its signals are only written,
/// and only while they exist.
pub struct Form {
    pub chosen: Option<Algorithm>,
    /// Why the chosen model cannot be used now, if it cannot.
    pub refusal: Option<String>,
    pub values: Values,
    pub field_errors: RwSignal<Vec<(String, String)>>,
    pub submit_error: RwSignal<Option<String>>,
    pub submitted: RwSignal<Option<String>>,
    pub output_format: u8,
    pub is_demo: bool,
    pub use_link: bool,
    pub link: String,
    pub link_out: RwSignal<String>,
    pub remote: RemoteType,
    pub pending: Vec<Pending>,
    pub pending_out: RwSignal<Vec<Pending>, LocalStorage>,
    /// What the model takes: songs (above), nothing, or the pair below.
    pub input: Input,
    /// A mastering job's (target, reference).
    pub pair: (Option<web_sys::File>, Option<web_sys::File>),
    pub api_base: String,
    pub tracker: Tracker,
    pub premium: bool,
    /// (price coefficient, options' multiplier)
    pub price: (f64, f64),
}

split_fn! {
    separate_submit / preload_submit;
    pub fn send(f: Form) -> () {
        enqueue(f)
    }
}

fn enqueue(mut f: Form) {
    f.submit_error.try_set(None);
    f.submitted.try_set(None);
    let Some(alg) = f.chosen else {
        f.submit_error
            .try_set(Some(t("Choose a model first.").into()));
        return;
    };
    if let Some(r) = f.refusal {
        f.submit_error.try_set(Some(r));
        return;
    }
    let fields = match submission(&alg, &f.values) {
        Ok(fields) => {
            f.field_errors.try_set(Vec::new());
            fields
        }
        Err(e) => {
            f.field_errors.try_set(e);
            f.submit_error
                .try_set(Some(t("Some options need a value.").into()));
            return;
        }
    };
    let opts = JobOptions {
        sep_type: alg.render_id,
        fields: fields.clone(),
        output_format: f.output_format,
        is_demo: f.is_demo,
    };
    let option_text = option_labels(&alg, &fields);
    let draft = |name: String, bytes: f64| {
        let mut job = TrackedJob::new(
            new_id(now_ms(), random_unit()),
            name,
            f.api_base.clone(),
            Phase::Queued,
            now_ms(),
        );
        job.file_bytes = bytes;
        job.algorithm = alg.name.clone();
        job.options = opts.clone();
        job.option_text = option_text.clone();
        job
    };
    match (f.input, f.pair) {
        (Input::Prompt, _) => {
            let mut job = draft(options::prompt_name(&alg, &fields), 0.0);
            job.input = Input::Prompt;
            f.tracker.enqueue(job, Vec::new());
            f.submitted.try_set(Some(
                t("Sent to the queue: the service makes it from the options.").into(),
            ));
            return;
        }
        (Input::Pair, (Some(target), Some(reference))) => {
            let mut job = draft(target.name(), target.size());
            job.input = Input::Pair;
            f.tracker.enqueue(job, vec![target, reference]);
            f.submitted.try_set(Some(
                t("The target and its reference were sent to the queue.").into(),
            ));
            return;
        }
        (Input::Pair, _) => {
            f.submit_error.try_set(Some(
                t("Choose both files: the target to master and the reference it should sound like.")
                    .into(),
            ));
            return;
        }
        (Input::Song, _) => {}
    }
    if f.use_link {
        let Some(url) = crate::api::web_url::web_url(&f.link) else {
            f.submit_error.try_set(Some(
                t("The link must start with https:// or http://").into(),
            ));
            return;
        };
        let name = url
            .split(['?', '#'])
            .next()
            .unwrap_or(&url)
            .rsplit('/')
            .next()
            .unwrap_or("link")
            .to_string();
        let mut job = draft(name, 0.0);
        job.source_url = Some(url);
        job.remote_type = Some(f.remote);
        f.tracker.enqueue(job, Vec::new());
        f.link_out.try_set(String::new());
        f.submitted
            .try_set(Some(t("The link was sent to the queue.").into()));
        return;
    }
    let items = std::mem::take(&mut f.pending);
    if items.is_empty() {
        f.submit_error
            .try_set(Some(t("Add at least one song.").into()));
        return;
    }
    let mut sent = 0;
    let mut kept = Vec::new();
    for p in items {
        if pending_refusal(&p, f.premium).is_some() {
            kept.push(p);
            continue;
        }
        let mut job = draft(p.file.name(), p.file.size());
        job.duration_secs = p.duration.flatten();
        job.cost = super::cost(job.duration_secs, f.price);
        f.tracker.enqueue(job, vec![p.file.clone()]);
        sent += 1;
    }
    let blocked = kept.len();
    f.pending_out.try_set(kept);
    if sent == 0 {
        f.submit_error.try_set(Some(tr!("None of the songs can be sent: {blocked} cannot be taken (the reason is next to each).", blocked = blocked)));
    } else {
        f.submitted.try_set(Some(tn(
            sent as u64,
            "{n} song added to the queue; it is sent when a slot frees on your plan.",
            "{n} songs added to the queue; they are sent as slots free on your plan.",
        )));
    }
}

/// "Overlap: 87.5%" for each sent option.
fn option_labels(alg: &Algorithm, sent: &Values) -> Vec<String> {
    options::fields(alg)
        .into_iter()
        .filter_map(|f| {
            let v = options::value_of(sent, &f.name)?;
            let shown = match &f.control {
                options::Control::Select(o) => o.get(v).unwrap_or(v).to_string(),
                _ => v.to_string(),
            };
            Some(format!("{}: {shown}", f.label))
        })
        .collect()
}
