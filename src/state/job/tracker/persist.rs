//! Reading and writing the saved jobs, shared with the other tabs (see `state::job::tabs`): code of
//! the engine's chunk, fetched only when there is something saved or to save (not on a first
//! visit).

use super::Tracker;
use crate::browser::now_ms;
use crate::state::job::saved::{self, KEY_JOBS};
use crate::state::job::tabs;
use crate::state::storage;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// The job ids this tab held after its last sync: one gone since was forgotten here.
    static KNOWN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

split_fn! {
    tracker_engine / preload_restore;
    /// Reads the saved jobs into the tracker (with any opened meanwhile), then follows them.
    pub fn restore(t: Tracker, text: String) -> () {
        let (jobs, unreadable) = saved::decode(&text);
        // Before anything is written over them: what cannot be read is kept, not dropped.
        saved::set_aside(&unreadable);
        let n = saved::set_aside_entries().len();
        t.saving.update(|s| s.unreadable = n);
        take(t, jobs);
        t.sweep_kept();
        t.restored.set(true);
        t.wake();
    }
}

split_fn! {
    tracker_engine / preload_store;
    /// Merges this tab's jobs with what every tab has stored, writes the result if it changed,
    /// and shows it: after every change here, and whenever another tab writes to localStorage
    /// (whose address or token, a log-out, is then this tab's too).
    pub fn store(t: Tracker) -> () {
        t.settings.reload();
        let before = storage::get(KEY_JOBS).unwrap_or_default();
        let (stored, unreadable) = saved::decode(&before);
        if !before.is_empty() {
            saved::set_aside(&unreadable);
        }
        let gone = KNOWN.with(|k| t.jobs.with_untracked(|now| tabs::forget(&k.borrow(), now)));
        Tracker::let_go_of(gone);
        let merged = take(t, stored);
        let text = saved::encode(&merged);
        // Unchanged, nothing is written: two tabs do not wake each other for ever.
        if text != before && !(merged.is_empty() && before.is_empty()) {
            beat(now_ms());
            let full = !saved::save(&merged) && !make_room(t, &merged);
            if t.saving.with_untracked(|s| s.full != full) {
                t.saving.update(|s| s.full = full);
            }
        }
        t.wake();
    }
}

thread_local! {
    /// This tab's id, made when the engine first runs: the jobs it owns (and those made here,
    /// which have no owner yet) are the ones it sends and polls (see `state::job::tabs`).
    static TAB: String = crate::state::job::new_id(now_ms(), crate::browser::random_unit());
}

pub(super) fn me() -> String {
    TAB.with(String::clone)
}

/// Says every few seconds that this tab is there, so other tabs leave its jobs to it; before
/// its jobs are first written, so no tab takes them for a gone tab's. A tab that closes says
/// so, and its jobs are taken over at once.
pub(super) fn beat(now: f64) {
    thread_local! {
        static LAST: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
    }
    if LAST.with(|l| now - l.get() < 5000.0) {
        return;
    }
    let first = LAST.with(|l| l.replace(now)) == f64::NEG_INFINITY;
    let me = me();
    tabs::beat(&me, now);
    if first {
        crate::browser::page::on_pagehide(move || tabs::leave(&me));
    }
}

/// The storage refused `jobs`: they are saved without the finished ones past the service's
/// expiry, if there are any; false when that is not enough.
fn make_room(t: Tracker, jobs: &[crate::state::job::TrackedJob]) -> bool {
    let kept = saved::without_expired(jobs, now_ms());
    if kept.len() == jobs.len() || !saved::save(&kept) {
        return false;
    }
    t.jobs.set(kept);
    true
}

/// Merges `stored` into the tracker's jobs (see `tabs::merge_tabs`); returns the result.
fn take(
    t: Tracker,
    stored: Vec<crate::state::job::TrackedJob>,
) -> Vec<crate::state::job::TrackedJob> {
    let me = me();
    let now = now_ms();
    let forgotten = tabs::forgotten();
    let merged = t.jobs.with_untracked(|ours| {
        tabs::merge_tabs(ours, stored, &me, |o| tabs::alive(o, now), &forgotten)
    });
    KNOWN.with(|k| *k.borrow_mut() = merged.iter().map(|j| j.id.clone()).collect());
    if t.jobs.with_untracked(|l| *l != merged) {
        t.jobs.set(merged.clone());
    }
    t.resume_kept();
    merged
}
