//! A job made from a link, as the real service runs it: create answers a short hash that
//! `separation/get` does not know; `get-remote` with it says "being downloaded, please wait" for
//! a while, then names the real job, which is followed as any other. Both hashes are kept, so a
//! reload resumes at the right step.

use crate::api::models::{Job, Status};
use crate::state::job::Phase;
use crate::state::job::{Note, TrackedJob};

/// How long the service may take to fetch a link before its "please wait" counts as a refusal.
pub const LINK_GRACE_MS: f64 = 5.0 * 60_000.0;
/// Between two questions while the link is fetched.
pub const LINK_POLL_MS: u64 = 4000;

impl TrackedJob {
    /// The service knows this job, by its own hash or a link's short one: it is never sent again.
    pub fn is_sent(&self) -> bool {
        self.hash.is_some() || self.remote_hash.is_some()
    }

    /// Still waiting for the service to fetch the link and name the real job.
    pub fn is_fetching_link(&self) -> bool {
        self.hash.is_none() && self.remote_hash.is_some()
    }

    /// Takes in `get-remote`'s answer; true when the job has just ended (the link could not be
    /// fetched).
    pub fn take_remote(&mut self, answer: &Job, now_ms: f64) -> bool {
        let short = self.remote_hash.clone().unwrap_or_default();
        let named = answer
            .data
            .hash
            .clone()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty());
        match (answer.status, named) {
            // The real job, named: followed with `separation/get` from now on.
            (_, Some(real)) if real != short || answer.status == Status::Done => {
                self.hash = Some(real);
                self.status = None;
                self.note = None;
                false
            }
            // Done without a name, or a short hash `get-remote` does not know: the service may
            // follow this job by the hash it gave; ask `separation/get` with it.
            (Status::Done | Status::NotFound, _) => {
                self.hash = Some(short);
                self.status = None;
                self.note = None;
                false
            }
            _ => self.take_answer(answer, now_ms),
        }
    }

    /// `get-remote` answered `success:false` with `message` (its "being downloaded, please
    /// wait"): waiting, within the grace period; after it, the job ends with the service's words.
    pub fn take_remote_wait(&mut self, message: &str, now_ms: f64) -> bool {
        let since = self.submitted_ms.unwrap_or(self.created_ms);
        if now_ms - since < LINK_GRACE_MS {
            self.status = None;
            self.note = Some(message.trim().to_string())
                .filter(|m| !m.is_empty())
                .map(Note::Service);
            return false;
        }
        self.status = Some(Status::Failed);
        self.note = Some(Note::LinkNotFetched {
            minutes: (LINK_GRACE_MS / 60_000.0) as u32,
            words: message.trim().to_string(),
        });
        self.phase = Phase::Ended;
        true
    }
}
