//! What pressing Separate makes of the form, decided without touching anything: the jobs to
//! queue and which of the form's files each takes, the songs left in the form, and what the
//! screen says. Tested natively (tests/plan.rs); `submit.rs` carries it out.

use crate::api::models::{Algorithm, Input, JobOptions, RemoteType};
use crate::catalog::options::{self, submission, Values};
use crate::i18n::{t, tn};
use crate::state::job::{Phase, TrackedJob};

/// A song in the form.
#[derive(Debug, Clone, PartialEq)]
pub struct Song {
    pub name: String,
    pub bytes: f64,
    pub secs: Option<f64>,
    /// The plan cannot take it (the reason is shown beside it): it stays in the form.
    pub refused: bool,
}

/// The form when Separate is pressed, as plain values.
#[derive(Debug, Clone)]
pub struct Submission {
    pub chosen: Option<Algorithm>,
    /// Why the chosen model cannot be used now, if it cannot.
    pub refusal: Option<String>,
    pub values: Values,
    pub output_format: u8,
    pub is_demo: bool,
    /// What the model takes: songs, nothing, or a target and a reference.
    pub input: Input,
    /// A link instead of songs, and where the service fetches it from.
    pub link: Option<(String, RemoteType)>,
    /// A mastering job's target (name, bytes), once both files are chosen.
    pub pair: Option<(String, f64)>,
    pub api_base: String,
    /// (price coefficient, options' multiplier)
    pub price: (f64, f64),
}

/// Which of the form's files a job takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Files {
    None,
    Song(usize),
    /// The target and the reference.
    Pair,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Nothing is sent: why, and the options that need a value (none when they are complete).
    Refused {
        why: String,
        fields: Vec<(String, String)>,
    },
    /// These go to the queue; `kept`: the songs left in the form; `said`: what the screen says.
    Queue {
        jobs: Vec<(TrackedJob, Files)>,
        kept: Vec<usize>,
        said: String,
    },
}

fn refused(why: &str) -> Plan {
    Plan::Refused {
        why: why.into(),
        fields: Vec::new(),
    }
}

/// The plan for `s` and its `songs`; `id` makes each job's local id, `now_ms` is when it is
/// pressed.
pub fn plan(s: &Submission, songs: &[Song], mut id: impl FnMut() -> String, now_ms: f64) -> Plan {
    let Some(alg) = &s.chosen else {
        return refused(t("Choose a model first."));
    };
    if let Some(r) = &s.refusal {
        return refused(r);
    }
    let fields = match submission(alg, &s.values) {
        Ok(fields) => fields,
        Err(fields) => {
            return Plan::Refused {
                why: t("Some options need a value.").into(),
                fields,
            }
        }
    };
    let opts = JobOptions {
        sep_type: alg.render_id,
        fields: fields.clone(),
        output_format: s.output_format,
        is_demo: s.is_demo,
    };
    let option_text = option_labels(alg, &fields);
    let mut draft = |name: String, bytes: f64, input: Input| {
        let mut job = TrackedJob::new(id(), name, s.api_base.clone(), Phase::Queued, now_ms);
        job.file_bytes = bytes;
        job.input = input;
        job.algorithm = alg.name.clone();
        job.options = opts.clone();
        job.option_text = option_text.clone();
        job
    };
    let one = |job: TrackedJob, files: Files, said: &str| Plan::Queue {
        jobs: vec![(job, files)],
        kept: Vec::new(),
        said: said.into(),
    };
    match (s.input, &s.pair) {
        (Input::Prompt, _) => {
            let job = draft(options::prompt_name(alg, &fields), 0.0, Input::Prompt);
            return one(
                job,
                Files::None,
                t("Sent to the queue: the service makes it from the options."),
            );
        }
        (Input::Pair, Some((name, bytes))) => {
            let job = draft(name.clone(), *bytes, Input::Pair);
            return one(
                job,
                Files::Pair,
                t("The target and its reference were sent to the queue."),
            );
        }
        (Input::Pair, None) => {
            return refused(t(
                "Choose both files: the target to master and the reference it should sound like.",
            ))
        }
        (Input::Song, _) => {}
    }
    if let Some((link, remote)) = &s.link {
        let Some(url) = crate::api::web_url::web_url(link) else {
            return refused(t("The link must start with https:// or http://"));
        };
        let mut job = draft(link_name(&url), 0.0, Input::Song);
        job.source_url = Some(url);
        job.remote_type = Some(*remote);
        return one(job, Files::None, t("The link was sent to the queue."));
    }
    if songs.is_empty() {
        return refused(t("Add at least one song."));
    }
    let (kept, sent): (Vec<usize>, Vec<usize>) = (0..songs.len()).partition(|&i| songs[i].refused);
    if sent.is_empty() {
        return refused(&tr!("None of the songs can be sent: {blocked} cannot be taken (the reason is next to each).", blocked = kept.len()));
    }
    let jobs = sent
        .iter()
        .map(|&i| {
            let song = &songs[i];
            let mut job = draft(song.name.clone(), song.bytes, Input::Song);
            job.duration_secs = song.secs;
            job.cost = super::cost::cost(song.secs, s.price);
            (job, Files::Song(i))
        })
        .collect();
    Plan::Queue {
        jobs,
        kept,
        said: tn(
            sent.len() as u64,
            "{n} song added to the queue; it is sent when a slot frees on your plan.",
            "{n} songs added to the queue; they are sent as slots free on your plan.",
        ),
    }
}

/// A link's job is named by the last part of its path.
fn link_name(url: &str) -> String {
    url.split(['?', '#'])
        .next()
        .unwrap_or(url)
        .rsplit('/')
        .next()
        .unwrap_or("link")
        .to_string()
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
