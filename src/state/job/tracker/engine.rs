//! The tracker's engine: sending files, following jobs, reading their answers. It runs only
//! once something was submitted, so in the split build its code is a chunk fetched then (see
//! `Tracker::wake`), not part of the first screen.

use super::{saved, Progress, Tracker};
use crate::api::models::{Input, RemoteType};
use crate::api::{endpoints, ApiError, Cancel};
use crate::browser::{is_hidden, monotonic_ms, now_ms};
use crate::state::job::polling::{self, within_budget};
use crate::state::job::queue::next_to_send;
use crate::state::job::{self, TrackedJob};
use crate::state::job::{Note, Phase};
use leptos::prelude::*;
use leptos::task::spawn_local;

split_fn! {
    tracker_engine / preload_tracker_engine;
    /// One step of the engine: what can start now, starts.
    pub fn step(t: Tracker) -> () {
        t.run()
    }
}

impl Tracker {
    /// Starts what can start: uploads into free slots, polls that are due.
    pub(super) fn run(&self) {
        let now = now_ms();
        let mono = monotonic_ms();
        saved::beat(now);
        self.keep_new_files();
        let me = saved::me();
        // Made here and not yet stored (no owner), or this tab's.
        // (A newer version's job is left to a tab of that version.)
        let mine = |j: &TrackedJob| !j.is_newer() && j.owner.as_deref().is_none_or(|o| o == me);
        // Another tab's jobs count against the plan's slots, but only their own tab sends them.
        let items: Vec<(Phase, bool)> = self.jobs.with_untracked(|l| {
            l.iter()
                .map(|j| match j.phase {
                    // Not this tab's to send, or resent automatically later.
                    Phase::Queued if !mine(j) || j.retry_at_ms.is_some_and(|t| t > now) => {
                        (Phase::Interrupted, false)
                    }
                    _ => (j.phase.clone(), j.is_final()),
                })
                .collect()
        });
        if self.tab.with_value(|s| mono >= s.hold_uploads_until) {
            if let Some(i) = next_to_send(&items, untrack(|| self.limit())) {
                if let Some(id) = self.jobs.with_untracked(|l| l.get(i).map(|j| j.id.clone())) {
                    self.send(id);
                }
            }
        }
        // No polling while the tab is hidden, whoever woke the engine (a tick, an upload that
        // finished, a job that ended); the tab's return asks at once.
        if is_hidden() {
            return;
        }
        // Each due job, and whether it is past the service's expiry (unless the person asked).
        let due: Vec<(String, bool)> = self.jobs.with_untracked(|l| {
            l.iter()
                .filter(|j| j.needs_poll() && mine(j))
                .filter_map(|j| {
                    self.tab.with_value(|s| {
                        let local = s.jobs.get(&j.id);
                        if local.is_some_and(|l| l.in_flight || l.next_poll > mono) {
                            return None;
                        }
                        let sent = j.submitted_ms.unwrap_or(j.created_ms);
                        let expired = polling::past_expiry(sent, now)
                            && !local.is_some_and(|l| l.asked_again);
                        Some((j.id.clone(), expired))
                    })
                })
                .collect()
        });
        for (id, expired) in due {
            if expired {
                self.update(&id, |j| {
                    j.phase = Phase::Interrupted;
                    j.note = Some(Note::Expired);
                });
                continue;
            }
            let allowed = self.tab.with_value(|s| {
                within_budget(mono, &s.recent, polling::OVERALL_PER_MINUTE)
                    && within_budget(
                        mono,
                        s.jobs.get(&id).map_or(&[][..], |l| &l.recent),
                        polling::PER_JOB_PER_MINUTE,
                    )
            });
            if !allowed {
                break;
            }
            self.poll(id);
        }
    }

    fn send(&self, id: String) {
        let Some(mut job) = self.get(&id) else { return };
        if !job.cut_off {
            // Not at any service yet: it goes to the API address in Settings now.
            job.api_base = self.settings.base.get_untracked();
            self.update(&id, |j| j.api_base = job.api_base.clone());
        }
        // A cut-off upload may be at its old address, which gets the token only if Settings
        // still points there (or it is the service's own host).
        let access = self.settings.access_untracked();
        if let Err(e) = access.token_for(&job.api_base) {
            return self.update(&id, |j| {
                j.phase = Phase::Interrupted;
                j.note = Some(Note::CannotLook(e));
            });
        }
        let client = access.client(&job.api_base);
        // A cut-off upload may have reached the service: look in the history before sending it
        // again, so that one file never becomes two jobs.
        if job.cut_off && client.token.is_some() {
            self.update(&id, |j| {
                j.phase = Phase::Uploading;
                j.cut_off = false;
                j.note = Some(Note::Looking);
            });
            // Its card's cancel stops the lookup too (up to the 30-s deadline otherwise).
            let cancel = Cancel::new();
            self.tab
                .update_value(|s| s.of(&id, |l| l.lookup = Some(cancel)));
            let client = client.cancelled_by(cancel);
            let t = *self;
            spawn_local(async move {
                let known: Vec<String> = t
                    .jobs
                    .with_untracked(|l| l.iter().filter_map(|j| j.hash.clone()).collect());
                let found = client.history(0, 20).await.map(|rows| {
                    rows.into_iter()
                        .map(|r| r.hash)
                        .find(|h| job::made_from(h, &job.file_name) && !known.contains(h))
                });
                // Done with: its controller goes.
                cancel.abort();
                t.tab.update_value(|s| s.of(&id, |l| l.lookup = None));
                match found {
                    Err(ApiError::Aborted) => t.update(&id, |j| {
                        j.phase = Phase::Interrupted;
                        j.cut_off = true;
                        j.note = Some(Note::LookStopped);
                    }),
                    Ok(Some(hash)) => t.after_send(
                        &id,
                        Ok(crate::api::models::Created { hash, link: None }),
                        false,
                    ),
                    Ok(None) => {
                        t.update(&id, |j| j.phase = Phase::Queued);
                        t.wake();
                    }
                    // Not known whether the service has it: never sent blindly.
                    Err(e) => t.failed(&id, e, true),
                }
            });
            return;
        }
        self.update(&id, |j| {
            j.phase = Phase::Uploading;
            j.note = None;
        });
        let t = *self;
        if let Some(url) = job.source_url.clone() {
            let remote = job.remote_type.unwrap_or(RemoteType::Direct);
            spawn_local(async move {
                let r = client.create_from_url(&job.options, &url, remote).await;
                t.after_send(&id, r, true);
            });
            return;
        }
        if job.input == Input::Prompt {
            spawn_local(async move {
                let r = client.create_without_file(&job.options).await;
                t.after_send(&id, r, false);
            });
            return;
        }
        let fields = match job.input {
            Input::Pair => endpoints::TARGET_AND_REFERENCE,
            _ => endpoints::SONG,
        };
        let files = self
            .tab
            .with_value(|s| s.jobs.get(&id).map(|l| l.files.clone()))
            .filter(|f| f.len() == fields.len());
        let Some(files) = files else {
            self.update(&id, |j| {
                j.phase = Phase::Interrupted;
                j.note = Some(Note::ChooseAgain);
            });
            return;
        };
        let started = now_ms();
        let progress_id = id.clone();
        let on_progress = move |loaded: f64, total: f64| {
            t.progress.update(|m| {
                m.insert(
                    progress_id.clone(),
                    Progress {
                        loaded,
                        total,
                        started_ms: started,
                        now_ms: now_ms(),
                    },
                );
            });
        };
        let parts: Vec<&web_sys::Blob> = files.iter().map(|f| f.as_ref()).collect();
        match client.create_with_progress(&job.options, fields, &parts, on_progress) {
            Ok((handle, answer)) => {
                self.tab
                    .update_value(|s| s.of(&id, |l| l.upload = Some(handle)));
                spawn_local(async move {
                    let r = answer.await;
                    t.tab.update_value(|s| s.of(&id, |l| l.upload = None));
                    t.progress.update(|m| {
                        m.remove(&id);
                    });
                    t.after_send(&id, r, false);
                });
            }
            Err(e) => self.after_send(&id, Err(e), false),
        }
    }
}
