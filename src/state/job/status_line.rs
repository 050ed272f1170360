//! The one line that says, for people, where a followed job is.

use crate::api::models::Status;
use crate::i18n::t;
use crate::state::job::Phase;
use crate::state::job::{Note, TrackedJob};

impl TrackedJob {
    /// The line without its running clock (see [`Self::running_clock`]): what a screen reader
    /// is told, when the state changes (queued, position, done, failed), not every second.
    pub fn status_said(&self) -> String {
        match self.running_clock(0.0) {
            Some(_) => t("Processing").into(),
            None => self.status_line(0.0),
        }
    }

    /// How long the service has been working on it, while it is.
    pub fn running_clock(&self, now_ms: f64) -> Option<String> {
        let since = self.processing_since_ms?;
        let working = matches!(self.phase, Phase::Submitted)
            && self.status == Some(Status::Processing)
            && !self.check_failed;
        working.then(|| crate::results::files::human_duration((now_ms - since) / 1000.0))
    }

    /// One line saying where the job is, for people.
    pub fn status_line(&self, now_ms: f64) -> String {
        self.line_with(now_ms, &|n| n.text(&self.file_name))
    }

    /// The line of a job only viewed, not followed: its only notes are those of the service's
    /// answer (its words, or that the job is gone). The code that words the app's own notes
    /// is then not fetched with the job page (a shared link's first visit).
    pub fn viewed_line(&self, now_ms: f64) -> String {
        self.line_with(now_ms, &|n| n.of_answer().unwrap_or_default())
    }

    fn line_with(&self, now_ms: f64, note: &dyn Fn(&Note) -> String) -> String {
        let note_text = || self.note.as_ref().map(note);
        let msg = || note_text().unwrap_or_default();
        match self.phase {
            Phase::Queued => {
                note_text().unwrap_or_else(|| t("Waiting for a free slot on your plan").into())
            }
            Phase::Uploading if self.source_url.is_some() => {
                t("Sending the link to the service…").into()
            }
            // The lookup before a cut-off upload is sent again says so.
            Phase::Uploading => note_text().unwrap_or_else(|| t("Uploading…").into()),
            Phase::Interrupted | Phase::Refused => msg(),
            Phase::Submitted if self.is_fetching_link() => match note_text() {
                Some(m) => tr!("The service is fetching the link: {m}", m = m),
                None => t("The service is fetching the link…").into(),
            },
            Phase::Submitted | Phase::Ended => {
                let line = match self.status {
                    None => t("Sent; checking its state…").into(),
                    Some(Status::Waiting) => match self.queue {
                        Some((pos, of)) => tr!(
                            "Waiting in the queue: position {pos} of {of}",
                            pos = pos,
                            of = of
                        ),
                        None => t("Waiting in the queue").into(),
                    },
                    Some(Status::Processing) => {
                        let secs = self
                            .processing_since_ms
                            .map(|t| (now_ms - t) / 1000.0)
                            .unwrap_or(0.0);
                        tr!(
                            "Processing for {time}",
                            time = crate::results::files::human_duration(secs)
                        )
                    }
                    Some(Status::Distributing) => match self.chunks {
                        Some((done, all)) => {
                            tr!(
                                "Split over several servers: {done} of {all} parts done",
                                done = done,
                                all = all
                            )
                        }
                        None => t("Split over several servers").into(),
                    },
                    Some(Status::Merging) => t("Merging the parts").into(),
                    Some(Status::Done) if self.is_finishing() => {
                        t("Finishing: the files are being written").into()
                    }
                    Some(Status::Done) => t("Done").into(),
                    Some(Status::Failed) => tr!(
                        "Failed: {why}",
                        why = note_text().unwrap_or_else(|| t("the service gave no reason").into())
                    ),
                    Some(Status::NotFound) => msg(),
                    Some(Status::Unknown) => match &self.status_name {
                        Some(n) if !n.trim().is_empty() => {
                            tr!("In progress: {state}", state = n.trim())
                        }
                        _ => t("In progress").into(),
                    },
                };
                match (note_text(), self.status) {
                    // A polling error shows next to the last known state.
                    (
                        Some(m),
                        Some(
                            Status::Waiting
                            | Status::Processing
                            | Status::Distributing
                            | Status::Merging,
                        ),
                    )
                    | (Some(m), None)
                        if self.check_failed =>
                    {
                        format!("{line}. {m}")
                    }
                    _ => line,
                }
            }
        }
    }
}
