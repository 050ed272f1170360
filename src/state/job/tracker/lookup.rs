//! The lookup before a cut-off upload is sent again: the service may have received it, so its
//! newest history rows are searched for a job made from this file before anything is resent.

use super::Tracker;
use crate::api::models::Created;
use crate::api::{ApiError, Cancel, Client};
use crate::state::job::{self, Note, Phase};
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Tracker {
    pub(super) fn look_first(&self, id: String, file_name: String, client: Client) {
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
                    .find(|h| job::made_from(h, &file_name) && !known.contains(h))
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
                Ok(Some(hash)) => t.after_send(&id, Ok(Created { hash, link: None }), false),
                Ok(None) => {
                    t.update(&id, |j| j.phase = Phase::Queued);
                    t.wake();
                }
                // Not known whether the service has it: never sent blindly.
                Err(e) => t.failed(&id, e, true),
            }
        });
    }
}
