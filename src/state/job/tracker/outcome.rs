//! What a create's answer does to its job: followed once the service has it, back in the queue
//! for the plan's limit, sent again by itself after a passing failure, or the person asked, with
//! the facts. Engine's chunk code, with `engine.rs`.

use super::Tracker;
use crate::api::ApiError;
use crate::browser::{monotonic_ms, now_ms, random_unit};
use crate::state::job::queue::{after_failure, is_limit_refusal, AfterFailure, AUTO_RETRIES};
use crate::state::job::{Note, Phase, Step};
use leptos::prelude::*;

impl Tracker {
    /// `link`: the job was made from a link, so the hash answered is the short one that
    /// `get-remote` follows.
    pub(super) fn after_send(
        &self,
        id: &str,
        r: Result<crate::api::models::Created, ApiError>,
        link: bool,
    ) {
        match r {
            Ok(created) => {
                self.update(id, |j| {
                    if link {
                        j.remote_hash = Some(created.hash);
                    } else {
                        j.hash = Some(created.hash);
                    }
                    j.phase = Phase::Submitted;
                    j.submitted_ms = Some(now_ms());
                });
                self.watch.refresh(self.settings);
                if self.get(id).is_some_and(|j| j.takes_files()) {
                    Self::let_go_of(vec![id.to_string()]);
                }
                // The file is not needed any more; the first question in 2 s.
                self.tab.update_value(|s| {
                    s.of(id, |l| {
                        l.files.clear();
                        l.next_poll = monotonic_ms() + 2000.0;
                    })
                });
            }
            Err(ApiError::Server { message, .. }) if is_limit_refusal(&message) => {
                // The plan's limit: back to the queue, not an error.
                self.update(id, |j| {
                    j.phase = Phase::Queued;
                    j.note = Some(Note::SlotWait(message));
                });
                // What runs now is what the plan allows: no more are sent until one ends.
                let running = self.jobs.with_untracked(|l| {
                    l.iter()
                        .filter(|j| j.id != id && j.phase.holds_slot(j.is_final()))
                        .count()
                });
                self.tab.update_value(|s| {
                    s.hold_uploads_until = monotonic_ms() + 10_000.0;
                    s.learned_limit = Some((untrack(|| self.session.premium()), running.max(1)));
                });
            }
            Err(ApiError::Aborted) => self.update(id, |j| {
                j.phase = Phase::Interrupted;
                j.note = Some(Note::UploadCancelled);
            }),
            Err(e) => return self.failed(id, e, false),
        }
        self.wake();
    }

    /// A create (or, `checking`, the history lookup before resending one) failed: sent again
    /// after a while when the reason may pass, looked for first when it may have been made;
    /// else the person is asked, with the facts.
    pub(super) fn failed(&self, id: &str, e: ApiError, checking: bool) {
        let Some(job) = self.get(id) else { return };
        let can_check = self.settings.token.with_untracked(Option::is_some);
        let rule = after_failure(&e, job.attempts, can_check, random_unit());
        let step = if checking { Step::Look } else { Step::Send };
        // A lookup that failed says nothing of the create: it is still to be looked for.
        let may_exist = |m: bool| m || checking;
        self.update(id, |j| match rule {
            AfterFailure::Retry {
                wait_ms,
                may_exist: m,
            } => {
                j.phase = Phase::Queued;
                j.cut_off = j.cut_off || may_exist(m);
                j.attempts += 1;
                j.retry_at_ms = Some(now_ms() + wait_ms as f64);
                j.note = Some(Note::RetryIn {
                    step,
                    error: e.clone(),
                    wait_s: wait_ms.div_ceil(1000),
                    attempt: j.attempts,
                    of: AUTO_RETRIES,
                });
            }
            AfterFailure::Ask { may_exist: m } => {
                j.phase = Phase::Interrupted;
                j.cut_off = j.cut_off || may_exist(m);
                j.note = Some(Note::AskRetry {
                    step,
                    error: e.clone(),
                    unsure: may_exist(m) && !can_check,
                });
            }
            AfterFailure::Refused => {
                j.phase = Phase::Refused;
                j.note = Some(Note::Refused(e.clone()));
            }
        });
        // The next step comes when the wait is over (the tracker's tick).
        self.wake();
    }
}
