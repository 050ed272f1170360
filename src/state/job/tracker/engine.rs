//! The tracker's engine: sending files, following jobs, reading their answers. It runs only
//! once something was submitted, so in the split build its code is a chunk fetched then (see
//! `Tracker::wake`), not part of the first screen.

use super::{persist, Progress, Tracker};
use crate::api::models::RemoteType;
use crate::browser::{is_hidden, monotonic_ms, now_ms};
use crate::state::job::polling::{self, within_budget};
use crate::state::job::queue::{next_to_send, sending, Sending};
use crate::state::job::TrackedJob;
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
        persist::beat(now);
        self.keep_new_files();
        let me = persist::me();
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
        let client = access.client(&job.api_base);
        let files = self
            .tab
            .with_value(|s| s.jobs.get(&id).map(|l| l.files.clone()))
            .unwrap_or_default();
        let token = access.token_for(&job.api_base).map(|t| t.is_some());
        let how = sending(&job, token, files.len());
        let t = *self;
        match how {
            Sending::CannotLook(e) => self.update(&id, |j| {
                j.phase = Phase::Interrupted;
                j.note = Some(Note::CannotLook(e));
            }),
            Sending::NeedsFiles => self.update(&id, |j| {
                j.phase = Phase::Interrupted;
                j.note = Some(Note::ChooseAgain);
            }),
            Sending::Look => self.look_first(id, job.file_name, client),
            Sending::Link => {
                self.uploading(&id);
                let url = job.source_url.unwrap_or_default();
                let remote = job.remote_type.unwrap_or(RemoteType::Direct);
                spawn_local(async move {
                    let r = client.create_from_url(&job.options, &url, remote).await;
                    t.after_send(&id, r, true);
                });
            }
            Sending::Options => {
                self.uploading(&id);
                spawn_local(async move {
                    let r = client.create_without_file(&job.options).await;
                    t.after_send(&id, r, false);
                });
            }
            Sending::Files(parts) => {
                self.uploading(&id);
                self.upload(id, &job.options, parts, files, client);
            }
        }
    }

    fn uploading(&self, id: &str) {
        self.update(id, |j| {
            j.phase = Phase::Uploading;
            j.note = None;
        });
    }

    /// Sends the files, with progress; the handle lets the card cancel it.
    fn upload(
        &self,
        id: String,
        options: &crate::api::models::JobOptions,
        parts: &'static [&'static str],
        files: Vec<web_sys::File>,
        client: crate::api::Client,
    ) {
        let t = *self;
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
        let blobs: Vec<&web_sys::Blob> = files.iter().map(|f| f.as_ref()).collect();
        match client.create_with_progress(options, parts, &blobs, on_progress) {
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
