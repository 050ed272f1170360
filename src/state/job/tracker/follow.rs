//! Following sent jobs: asking the service where each is (a link job first through
//! `get-remote`), backing off on errors, and taking in the answers. Part of the engine's chunk.

use super::Tracker;
use crate::api::models::{Job, Status};
use crate::api::{ApiError, Client};
use crate::browser::{self, monotonic_ms, now_ms, random_unit};
use crate::state::job::link;
use crate::state::job::polling::{self, backoff_ms, interval_ms};
use crate::state::job::{Note, Phase};
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Tracker {
    pub(super) fn poll(&self, id: String) {
        let Some(job) = self.get(&id) else { return };
        let link = job.is_fetching_link();
        let Some(hash) = job.hash.clone().or(job.remote_hash.clone()) else {
            return;
        };
        let now = monotonic_ms();
        self.tab.update_value(|s| {
            s.recent.push(now);
            polling::prune(now, &mut s.recent);
            s.of(&id, |l| {
                l.in_flight = true;
                l.recent.push(now);
                polling::prune(now, &mut l.recent);
            });
        });
        let client = Client::public(job.api_base.clone());
        let t = *self;
        spawn_local(async move {
            let r = if link {
                client.job_remote(&hash).await
            } else {
                client.job(&hash).await
            };
            t.tab.update_value(|s| s.of(&id, |l| l.in_flight = false));
            match r {
                Ok(j) if link => t.apply_remote(&id, Ok(j)),
                Ok(j) => t.apply(&id, j),
                // "Being downloaded, please wait": the service's words, not a failure.
                Err(ApiError::Server { message, .. }) if link => t.apply_remote(&id, Err(message)),
                Err(e) => {
                    let failures = t
                        .tab
                        .with_value(|s| s.jobs.get(&id).map_or(0, |l| l.failures));
                    let wait = backoff_ms(failures, random_unit(), e.retry_after());
                    t.tab.update_value(|s| {
                        s.of(&id, |l| {
                            l.failures = failures + 1;
                            l.next_poll = monotonic_ms() + wait as f64;
                            l.told_to_wait = e.retry_after().is_some();
                        })
                    });
                    t.update(&id, |j| {
                        j.check_failed = true;
                        if failures + 1 >= polling::GIVE_UP_AFTER {
                            j.phase = Phase::Interrupted;
                            j.note = Some(Note::CheckGaveUp {
                                error: e.clone(),
                                attempts: failures + 1,
                            });
                        } else {
                            j.note = Some(Note::CheckFailed {
                                error: e.clone(),
                                retry_in_s: wait / 1000,
                            });
                        }
                    });
                }
            }
        });
    }

    fn apply(&self, id: &str, job: Job) {
        let now = now_ms();
        let wait = interval_ms(job.status, job.data.current_order.map(|o| o - 1));
        let mut ended = None;
        self.update(id, |j| {
            if j.take_answer(&job, now) {
                ended = Some((j.file_name.clone(), job.status));
            }
        });
        self.settle(id, wait, ended);
    }

    /// `get-remote`'s answer for a link job, or its "please wait" words.
    fn apply_remote(&self, id: &str, answer: Result<Job, String>) {
        let now = now_ms();
        let mut ended = None;
        let mut named = false;
        self.update(id, |j| {
            let over = match &answer {
                Ok(job) => j.take_remote(job, now),
                Err(m) => j.take_remote_wait(m, now),
            };
            named = !j.is_fetching_link();
            if over {
                ended = Some((j.file_name.clone(), j.status.unwrap_or(Status::Failed)));
            }
        });
        // Once named, the real job is asked for at once.
        let wait = if named { 300 } else { link::LINK_POLL_MS };
        self.settle(id, wait, ended);
    }

    /// After an answer: the next question in `wait` ms; an ended job is announced.
    fn settle(&self, id: &str, wait: u64, ended: Option<(String, Status)>) {
        self.tab.update_value(|s| {
            s.of(id, |l| {
                l.failures = 0;
                l.next_poll = monotonic_ms() + wait as f64;
                l.told_to_wait = false;
            })
        });
        if let Some((name, status)) = ended {
            let title = if status == Status::Done {
                tr!("✓ {name} is ready", name = name)
            } else {
                tr!("✗ {name} did not finish", name = name)
            };
            browser::set_title(&format!("{title} — mvsep-web"));
            browser::notify("mvsep-web", &title);
            // The balance has changed; the freed slot is filled now.
            self.refresh_account();
            self.wake();
        }
    }
}
