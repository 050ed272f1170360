//! What a person does to a job from its card: send it again (with its file when this browser
//! no longer holds it), stop its upload, cancel it at the service.

use super::Tracker;
use crate::api::models::{Input, Status};
use crate::api::ApiError;
use crate::i18n::t;
use crate::state::job::{Note, Phase};
use leptos::prelude::*;

impl Tracker {
    /// Sends an interrupted or refused job again; a file job needs its file.
    pub fn retry(&self, id: &str, file: Option<web_sys::File>) -> Result<(), String> {
        let Some(job) = self.get(id) else {
            return Err(t("This job is gone.").into());
        };
        if job.is_sent() && job.phase == Phase::Interrupted {
            // Polling had stopped: check again, from the start of the backoff.
            self.tab.update_value(|s| {
                s.of(id, |l| {
                    l.failures = 0;
                    l.next_poll = 0.0;
                    l.asked_again = true;
                })
            });
            self.update(id, |j| {
                j.phase = Phase::Submitted;
                j.note = None;
            });
            self.wake();
            return Ok(());
        }
        if job.is_sent() {
            return Err(t("The service already has this job: it is not sent twice.").into());
        }
        let has_file = file.is_some() || self.tab.with_value(|s| s.has_file(id));
        if job.input == Input::Pair && !self.tab.with_value(|s| s.has_file(id)) {
            return Err(t("Choose its target and reference again on Separate: this browser no longer holds them.").into());
        }
        if job.takes_files() && !has_file {
            return Err(tr!("Choose {name} again to retry.", name = job.file_name));
        }
        if let Some(f) = file {
            if f.name() != job.file_name || (f.size() - job.file_bytes).abs() > 0.5 {
                return Err(tr!(
                    "That is not {name} ({size}).",
                    name = job.file_name,
                    size = crate::results::files::human_bytes(job.file_bytes)
                ));
            }
            self.tab.update_value(|s| s.of(id, |l| l.files = vec![f]));
        }
        self.update(id, |j| {
            j.phase = Phase::Queued;
            j.note = None;
            j.attempts = 0;
            j.retry_at_ms = None;
        });
        self.wake();
        Ok(())
    }

    /// Whether retrying this job needs the person to pick its file again.
    pub fn needs_file(&self, id: &str) -> bool {
        self.get(id)
            .is_some_and(|j| j.takes_files() && j.input == Input::Song && !j.is_sent())
            && !self.tab.with_value(|s| s.has_file(id))
    }

    /// Stops an upload in progress, or the lookup before one (it can be retried).
    pub fn cancel_upload(&self, id: &str) {
        let (upload, lookup) = self.tab.with_value(|s| {
            s.jobs
                .get(id)
                .map_or((None, None), |l| (l.upload.clone(), l.lookup))
        });
        if let Some(h) = upload {
            h.abort();
        }
        if let Some(c) = lookup {
            c.abort();
        }
    }

    /// Cancels a waiting job at the service (credits come back).
    pub async fn cancel_job(&self, id: &str) -> Result<String, ApiError> {
        let Some(job) = self.get(id) else {
            return Err(ApiError::Aborted);
        };
        let Some(hash) = job.hash.clone() else {
            return Err(ApiError::Aborted);
        };
        let client = self.settings.access_untracked().client(&job.api_base);
        let notice = client.cancel(&hash).await?;
        self.update(id, |j| {
            j.phase = Phase::Ended;
            j.status = Some(Status::Failed);
            j.note = Some(
                notice
                    .message
                    .clone()
                    .map_or(Note::Cancelled, Note::Service),
            );
        });
        self.refresh_account();
        self.wake();
        Ok(notice.message.unwrap_or_else(|| t("Cancelled").into()))
    }
}
