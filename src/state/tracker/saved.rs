//! Reading and writing the saved jobs: code of the engine's chunk, fetched only when there is
//! something saved or to save (not on a first visit).

use super::Tracker;
use crate::state::saved_jobs;
use leptos::prelude::*;

split_fn! {
    tracker_engine / preload_restore;
    /// Reads the saved jobs into the tracker (with any opened meanwhile), then follows them.
    pub fn restore(t: Tracker, text: String) -> () {
        let (saved, unreadable) = saved_jobs::decode(&text);
        // Before anything is written over them: what cannot be read is kept, not dropped.
        saved_jobs::keep_aside(&unreadable);
        t.kept_aside.set(saved_jobs::kept_aside().len());
        t.jobs.update(|l| *l = saved_jobs::merge(saved, std::mem::take(l)));
        t.restored.set(true);
        t.pump();
    }
}

split_fn! {
    tracker_engine / preload_store;
    /// Writes the jobs as they are now.
    pub fn store(t: Tracker) -> () {
        t.jobs.with_untracked(|j| saved_jobs::save(j));
    }
}
