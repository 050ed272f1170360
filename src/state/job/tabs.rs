//! Several tabs sharing one saved job list. Each job belongs to the tab that made or followed
//! it: only that tab sends and polls it, and its copy wins; the other tabs show the job as it
//! stores it (they hear of every write through the `storage` event). A tab that is gone (no
//! heartbeat) hands its jobs to whichever tab reads them next, which picks them up as after a
//! reload. A job forgotten in one tab is forgotten in all. So no tab writes over another's
//! jobs, and no job is sent by two tabs.

use crate::state::job::saved::recover;
use crate::state::job::TrackedJob;
use crate::state::storage;

/// Ids of jobs forgotten in some tab (kept so that no other tab's copy brings them back).
pub const KEY_FORGOTTEN: &str = "mvsep.jobs.forgotten";
/// `mvsep.tab.<id>`: when that tab last said it is there (ms since the epoch).
const TAB_PREFIX: &str = "mvsep.tab.";
/// A tab silent for longer is gone. Hidden tabs' timers may run only once a minute.
pub const GONE_AFTER_MS: f64 = 90_000.0;
const FORGOTTEN_KEPT: usize = 500;

/// This tab's jobs merged with those stored by every tab. For a job both have: this tab's copy
/// if it owns the job, else the stored one (its owner's). A stored job whose owner is gone is
/// taken over (`alive` says which tabs live) and recovered as after a reload. Stored order
/// first, then this tab's jobs the store does not have yet; `forgotten` ones are left out.
pub fn merge_tabs(
    ours: &[TrackedJob],
    stored: Vec<TrackedJob>,
    me: &str,
    alive: impl Fn(&str) -> bool,
    forgotten: &[String],
) -> Vec<TrackedJob> {
    // A job of this tab's list without an owner was made here and not yet stored.
    let mine = |j: &TrackedJob| j.owner.as_deref().is_none_or(|o| o == me);
    let mut out: Vec<TrackedJob> = Vec::with_capacity(stored.len() + ours.len());
    for s in stored {
        if forgotten.contains(&s.id) || out.iter().any(|j| same(j, &s)) {
            continue;
        }
        let ours_too = ours.iter().find(|o| o.id == s.id);
        let taken_over = s.owner.as_deref().is_some_and(|o| o != me && alive(o));
        let mut j = match ours_too {
            Some(o) if mine(o) && !taken_over => TrackedJob {
                owner: Some(me.to_string()),
                ..o.clone()
            },
            _ => s,
        };
        if !j.is_newer() && !j.owner.as_deref().is_some_and(|o| o == me || alive(o)) {
            j.owner = Some(me.to_string());
            recover(&mut j);
        }
        out.push(j);
    }
    for o in ours {
        if !forgotten.contains(&o.id) && !out.iter().any(|j| same(j, o)) {
            let mut j = o.clone();
            j.owner.get_or_insert_with(|| me.to_string());
            out.push(j);
        }
    }
    out
}

/// The same job: one id, or one hash at the service.
fn same(a: &TrackedJob, b: &TrackedJob) -> bool {
    a.id == b.id || (a.hash.is_some() && a.hash == b.hash)
}

/// Ids this tab knew and no longer has, added to the forgotten ones (the newest kept); returned.
pub fn forget(known: &[String], now: &[TrackedJob]) -> Vec<String> {
    let gone: Vec<String> = known
        .iter()
        .filter(|k| !now.iter().any(|j| &j.id == *k))
        .cloned()
        .collect();
    storage::add_to_list(KEY_FORGOTTEN, gone.iter(), FORGOTTEN_KEPT);
    gone
}

pub fn forgotten() -> Vec<String> {
    storage::get_list(KEY_FORGOTTEN)
}

/// Says this tab is there (at most every few seconds, by the caller).
pub fn beat(me: &str, now_ms: f64) {
    storage::set(&format!("{TAB_PREFIX}{me}"), &crate::i18n::fixed(now_ms, 0));
}

/// This tab is closing: its jobs may be taken over at once.
pub fn leave(me: &str) {
    storage::remove(&format!("{TAB_PREFIX}{me}"));
}

/// Whether tab `id` has said it is there lately.
pub fn alive(id: &str, now_ms: f64) -> bool {
    storage::get(&format!("{TAB_PREFIX}{id}"))
        .and_then(|t| t.parse::<f64>().ok())
        .is_some_and(|t| now_ms - t < GONE_AFTER_MS)
}
