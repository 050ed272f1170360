//! Sends queued files within the plan's parallel limit and polls every submitted job until it
//! ends, within the request budget, pausing while the tab is hidden. One tracker per app,
//! shared through a context; pages read its signals and call its methods.

use crate::browser::{self, now_ms, random_unit};
use crate::hooks::{every, on_visible};
use crate::state::job::saved;
use crate::state::job::Phase;
use crate::state::job::{self, TrackedJob};
use crate::state::settings::Settings;
use crate::state::{QueueWatch, Session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

mod actions;
mod engine;
mod follow;
mod id_map;
mod kept;
mod local;
mod lookup;
mod outcome;
mod persist;
mod progress;

pub use id_map::IdMap;
use local::TabState;
pub use progress::Progress;

/// How the saved list stands (one signal: each costs the first visit).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Saving {
    /// Saved entries that could not be read and are set aside (known once they are read).
    pub unreadable: usize,
    /// The browser refused to store the jobs (its storage is full), even without expired ones.
    pub full: bool,
}

#[derive(Clone, Copy)]
pub struct Tracker {
    pub jobs: RwSignal<Vec<TrackedJob>>,
    pub progress: RwSignal<IdMap<Progress>>,
    /// Whose jobs these are: the token, and the account's plan (its parallel limit).
    pub session: Session,
    /// The service's queue, read again when a job is made (a free plan's day has one less).
    pub watch: QueueWatch,
    /// What this tab knows of each job and a reload loses (see `local.rs`).
    tab: StoredValue<TabState, LocalStorage>,
    /// What Jobs says of the saved list: entries set aside, a full storage.
    pub saving: RwSignal<Saving>,
    /// Whether the saved jobs have been read: nothing is written before (it would erase them).
    restored: RwSignal<bool>,
    settings: Settings,
}

impl Tracker {
    pub fn new(session: Session, watch: QueueWatch) -> Self {
        let settings = session.settings;
        let saved = saved::saved_text();
        let t = Self {
            jobs: RwSignal::new(Vec::new()),
            progress: RwSignal::new(IdMap::new()),
            session,
            watch,
            tab: StoredValue::new_local(TabState::default()),
            saving: RwSignal::new(Saving::default()),
            restored: RwSignal::new(saved.is_none()),
            settings,
        };
        // Reading and writing the saved jobs is code of its own (the engine's chunk), fetched
        // only when there is something saved or to save: not on a first visit.
        if let Some(text) = saved {
            spawn_local(async move {
                let _ = persist::restore(t, text).await;
            });
        }
        // Another tab wrote: its jobs are shown here, a token it set or forgot is this tab's too.
        // (The store reads before it writes, and writes only what changed, so tabs do not wake
        // each other for ever.)
        browser::page::on_storage(move || {
            spawn_local(async move {
                let _ = persist::store(t).await;
            });
        });
        // Every change is written at once: a crash loses nothing.
        Effect::new(move |_| {
            let empty = t.jobs.with(Vec::is_empty);
            if t.restored.get() && !(empty && saved::saved_text().is_none()) {
                spawn_local(async move {
                    let _ = persist::store(t).await;
                });
            }
        });
        // The plan (parallel limit) comes from the session's account; a new answer may free
        // slots, which the next tick (below) fills.
        // Uploads go on while the tab is hidden (polls wait: `run` checks).
        every(Duration::from_millis(1000), move || t.wake());
        on_visible(move || {
            browser::set_title("mvsep-web");
            // Back in view: ask about every job now, but one the service told to wait.
            t.tab.update_value(|s| {
                s.jobs
                    .values_mut()
                    .filter(|l| !l.told_to_wait)
                    .for_each(|l| l.next_poll = 0.0)
            });
            t.wake();
        });
        t
    }

    /// Reads the account again (after a job ends, its credits have changed).
    pub fn refresh_account(&self) {
        self.session.refresh();
    }

    /// How many jobs may run at once: the plan's (1 free), or what the service's last refusal
    /// for its limit showed it allows; none known for premium before that.
    pub fn limit(&self) -> Option<usize> {
        let premium = self.session.premium();
        let learned = self.tab.with_value(|s| s.learned_limit);
        self.session
            .limit()
            .or(learned.filter(|(p, _)| *p == premium).map(|(_, n)| n))
    }

    fn update(&self, id: &str, f: impl FnOnce(&mut TrackedJob)) {
        self.jobs.update(|list| {
            if let Some(j) = list.iter_mut().find(|j| j.id == id) {
                f(j);
            }
        });
    }

    fn get(&self, id: &str) -> Option<TrackedJob> {
        self.jobs
            .with_untracked(|l| l.iter().find(|j| j.id == id).cloned())
    }

    /// Adds a job to the queue (sent when a slot frees) with its files: none, the song, or the
    /// target and the reference.
    pub fn enqueue(&self, job: TrackedJob, files: Vec<web_sys::File>) {
        if !files.is_empty() {
            self.tab
                .update_value(|s| s.of(&job.id, |l| l.files = files));
        }
        self.jobs.update(|l| l.push(job));
        self.wake();
    }

    /// Forgets a job in this browser (the service keeps it).
    pub fn remove(&self, id: &str) {
        self.cancel_upload(id);
        self.tab.update_value(|s| s.jobs.remove(id));
        self.jobs.update(|l| l.retain(|j| j.id != id));
    }

    /// Tracks a job by its hash (a bookmark or the history), if not tracked yet; returns its id.
    pub fn open(&self, hash: &str) -> String {
        if let Some(j) = self
            .jobs
            .with_untracked(|l| l.iter().find(|j| j.hash.as_deref() == Some(hash)).cloned())
        {
            return j.id;
        }
        let id = job::new_id(now_ms(), random_unit());
        let job = TrackedJob::from_hash(
            id.clone(),
            hash,
            self.settings.base.get_untracked(),
            now_ms(),
        );
        self.jobs.update(|l| l.push(job));
        self.wake();
        id
    }

    /// Asks for one step of the engine (uploads into free slots, polls that are due) soon:
    /// every change asks, several asks before it runs are one step, and a step never starts
    /// another from inside itself, so the flow runs one way. With nothing to send or follow (a
    /// first visit) nothing is asked, and the engine's code is never fetched.
    pub fn wake(&self) {
        let busy = self
            .jobs
            .with_untracked(|l| l.iter().any(|j| j.phase == Phase::Queued || j.needs_poll()));
        if !busy || self.tab.with_value(|s| s.woken) {
            return;
        }
        self.tab.update_value(|s| s.woken = true);
        let t = *self;
        spawn_local(async move {
            t.tab.update_value(|s| s.woken = false);
            // A chunk that cannot be fetched now is tried again at the next tick.
            let _ = engine::step(t).await;
        });
    }
}

pub fn provide_tracker(session: Session, watch: QueueWatch) -> Tracker {
    let t = Tracker::new(session, watch);
    provide_context(t);
    t
}

pub fn use_tracker() -> Tracker {
    expect_context::<Tracker>()
}
