//! The tracker's side of `browser::kept_files`: a job's files are kept in IndexedDB from the
//! moment it is queued until the service has them, so a reload (or a tab that closed) picks the
//! batch up where it was; a job forgotten or sent lets go of them. Engine's chunk code.

use super::Tracker;
use crate::api::models::Input;
use crate::browser::kept_files;
use crate::state::job::Phase;
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Tracker {
    /// Keeps the files of jobs queued in this tab since the last step (once each).
    pub(super) fn keep_new_files(&self) {
        let new: Vec<(String, Vec<web_sys::File>)> = self
            .tab
            .try_update_value(|s| {
                s.jobs
                    .iter_mut()
                    .filter(|(_, l)| !l.kept && !l.files.is_empty())
                    .map(|(id, l)| {
                        l.kept = true;
                        (id.to_string(), l.files.clone())
                    })
                    .collect()
            })
            .unwrap_or_default();
        for (id, files) in new {
            spawn_local(async move {
                kept_files::keep(&id, &files).await;
            });
        }
    }

    /// Jobs picked up after a reload with their files still to send: those whose files this
    /// browser kept go on by themselves (a cut-off upload is looked for at the service first);
    /// the others keep asking for them.
    pub(super) fn resume_kept(&self) {
        let me = super::persist::me();
        let waiting: Vec<(String, usize)> = self.jobs.with_untracked(|l| {
            l.iter()
                .filter(|j| j.resume && j.owner.as_deref() == Some(me.as_str()))
                .map(|j| (j.id.clone(), if j.input == Input::Pair { 2 } else { 1 }))
                .collect()
        });
        for (id, count) in waiting {
            self.update(&id, |j| j.resume = false);
            let t = *self;
            spawn_local(async move {
                let files = kept_files::files(&id).await;
                if files.len() != count || t.tab.with_value(|s| s.has_file(&id)) {
                    return;
                }
                t.tab.update_value(|s| {
                    s.of(&id, |l| {
                        l.files = files;
                        l.kept = true;
                    })
                });
                t.update(&id, |j| {
                    if j.phase == Phase::Interrupted && !j.is_sent() {
                        j.phase = Phase::Queued;
                        j.note = None;
                    }
                });
                t.wake();
            });
        }
    }

    /// Lets go of the kept files of `ids` (sent, or forgotten).
    pub(super) fn let_go_of(ids: Vec<String>) {
        if ids.is_empty() {
            return;
        }
        spawn_local(async move {
            for id in ids {
                kept_files::drop_files(&id).await;
            }
        });
    }

    /// After a reload: lets go of what no job still to send needs (left by a crash between a
    /// send and its letting go, or by a job forgotten in a closed tab).
    pub(super) fn sweep_kept(&self) {
        let needed: Vec<String> = self.jobs.with_untracked(|l| {
            l.iter()
                .filter(|j| j.takes_files() && !j.is_sent() && !j.is_final())
                .map(|j| j.id.clone())
                .collect()
        });
        spawn_local(async move {
            let stale = kept_files::ids()
                .await
                .into_iter()
                .filter(|id| !needed.contains(id))
                .collect();
            Self::let_go_of(stale);
        });
    }
}
