//! What a job's card says beside its state. The service's words are kept as it wrote them; the
//! app's own notes are kept as data and put into words when shown, in the language of the page
//! then (a note saved in one language reads in another after a switch, and in every tab).

use crate::api::ApiError;
use crate::i18n::t;
use serde::{Deserialize, Serialize};

/// Which call a failed create was: the create itself, or the history lookup before resending
/// a cut-off one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Step {
    Send,
    Look,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Note {
    /// The service's own words (a failure reason, a refusal, "being downloaded…"), as written.
    Service(String),
    /// The service refused the job; the error says how.
    Refused(ApiError),
    /// A check of its state failed; the next one is in `retry_in_s`.
    CheckFailed { error: ApiError, retry_in_s: u64 },
    /// Checking stopped after `attempts` failures in a row.
    CheckGaveUp { error: ApiError, attempts: u32 },
    /// Sent more than 72 hours ago: no longer checked by itself.
    Expired,
    /// The service answered `not_found`.
    Gone,
    /// Looking in the history for a cut-off upload before sending it again.
    Looking,
    /// That lookup was stopped by the person.
    LookStopped,
    /// The lookup could not be made (the token does not go to the job's address).
    CannotLook(ApiError),
    /// This tab no longer holds its file.
    ChooseAgain,
    /// The plan's parallel limit, in the service's words: back in the queue.
    SlotWait(String),
    /// The person cancelled the upload.
    UploadCancelled,
    /// The page closed mid-upload.
    CutOffByReload,
    /// The page closed while it waited for a slot.
    QueuedAtClose,
    /// A create failed for a reason that may pass: sent again in `wait_s` by itself.
    RetryIn {
        step: Step,
        error: ApiError,
        wait_s: u64,
        attempt: u32,
        of: u32,
    },
    /// A create failed and the person is asked; `unsure`: it may be at the service, and this
    /// browser cannot look.
    AskRetry {
        step: Step,
        error: ApiError,
        unsure: bool,
    },
    /// The service did not fetch a link within `minutes`; its last words.
    LinkNotFetched { minutes: u32, words: String },
    /// Cancelled at the service, which said nothing more.
    Cancelled,
}

impl Note {
    /// A note of the service's answer (its words, or that the job is gone) in the current
    /// language; none for the app's own notes of sending and following.
    pub fn of_answer(&self) -> Option<String> {
        match self {
            Note::Service(words) => Some(words.clone()),
            Note::Gone => Some(t("The result has expired (the service keeps results about 72 hours) or never existed.").into()),
            _ => None,
        }
    }

    /// The note in the current language; `file_name` is the job's (some notes name it).
    pub fn text(&self, file_name: &str) -> String {
        if let Some(words) = self.of_answer() {
            return words;
        }
        let step = |s: &Step| match s {
            Step::Send => t("Not sent:"),
            Step::Look => t("Could not check whether the service already has it:"),
        };
        match self {
            Note::Service(_) | Note::Gone => String::new(),
            Note::Refused(e) => e.to_string(),
            Note::CheckFailed { error, retry_in_s } => tr!(
                "Could not check this job: {e} Trying again in {s} s.",
                e = error,
                s = retry_in_s
            ),
            Note::CheckGaveUp { error, attempts } => tr!(
                "Stopped checking this job after {n} failed attempts: {e} Check again when the service answers.",
                n = attempts,
                e = error
            ),
            Note::Expired => t("Sent more than 72 hours ago, longer than the service keeps a job: no longer checked. Check again to ask the service once more.").into(),
            Note::Looking => t("Checking whether the service already has it…").into(),
            Note::LookStopped => t("Check stopped. Retry looks for it at the service before sending it.").into(),
            Note::CannotLook(e) => format!("{} {e}", step(&Step::Look)),
            Note::ChooseAgain => tr!("Choose {name} again to send it.", name = file_name),
            Note::SlotWait(words) => tr!("Waiting for a free slot ({message})", message = words),
            Note::UploadCancelled => t("Upload cancelled. Retry to send it again.").into(),
            Note::CutOffByReload => t("The upload did not finish: the page was closed or reloaded. Retry to send it again.").into(),
            Note::QueuedAtClose => t("This file was waiting for a free slot when the page was closed. Retry and choose the file again.").into(),
            Note::RetryIn { step: s, error, wait_s, attempt, of } => tr!(
                "{what} {e} Trying again in {s} s (attempt {k} of {n}).",
                what = step(s),
                e = error,
                s = wait_s,
                k = attempt,
                n = of
            ),
            Note::AskRetry { step: s, error, unsure: true } => tr!("{what} {e} The service may have received it, and without a token this browser cannot look. Check the service before you retry, or it may be charged twice.", what = step(s), e = error),
            Note::AskRetry { step: s, error, unsure: false } => {
                tr!("{what} {e} Retry to send it again.", what = step(s), e = error)
            }
            Note::LinkNotFetched { minutes, words } => tr!(
                "The service did not fetch the link within {n} minutes. It said: {words}",
                n = minutes,
                words = words
            ),
            Note::Cancelled => t("Cancelled").into(),
        }
    }
}
