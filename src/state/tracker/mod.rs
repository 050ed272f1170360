//! Sends queued files within the plan's parallel limit and polls every submitted job until it
//! ends, within the request budget, pausing while the tab is hidden. One tracker per app,
//! shared through a context; pages read its signals and call its methods.

use crate::api::models::{Status, User};
use crate::api::{ApiError, Client, UploadHandle};
use crate::browser::{self, now_ms, random_unit};
use crate::i18n::t;
use crate::logic::batch::Phase;
use crate::state::jobs::{self, TrackedJob};
use crate::state::saved_jobs;
use crate::state::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

mod engine;
mod follow;
mod id_map;
mod progress;
mod saved;

pub use id_map::IdMap;
pub use progress::Progress;

#[derive(Default)]
struct Schedule {
    next_poll: IdMap<f64>,
    in_flight: IdMap<()>,
    failures: IdMap<u32>,
    /// Request times, overall and per job, for the budget.
    recent: Vec<f64>,
    recent_per_job: IdMap<Vec<f64>>,
    /// No new upload before this time (after a parallel-limit refusal).
    hold_uploads_until: f64,
}

#[derive(Clone, Copy)]
pub struct Tracker {
    pub jobs: RwSignal<Vec<TrackedJob>>,
    pub progress: RwSignal<IdMap<Progress>>,
    /// The account for the current token (plan, balance), re-read when a job ends.
    pub account: RwSignal<Option<User>>,
    files: StoredValue<IdMap<web_sys::File>, LocalStorage>,
    uploads: StoredValue<IdMap<UploadHandle>, LocalStorage>,
    sched: StoredValue<Schedule, LocalStorage>,
    /// How many saved entries could not be read and are kept aside (known once they are read).
    pub kept_aside: RwSignal<usize>,
    /// Whether the saved jobs have been read: nothing is written before (it would erase them).
    restored: RwSignal<bool>,
    settings: Settings,
}

impl Tracker {
    pub fn new(settings: Settings) -> Self {
        let saved = saved_jobs::stored();
        let t = Self {
            jobs: RwSignal::new(Vec::new()),
            progress: RwSignal::new(IdMap::new()),
            account: RwSignal::new(None),
            files: StoredValue::new_local(IdMap::new()),
            uploads: StoredValue::new_local(IdMap::new()),
            sched: StoredValue::new_local(Schedule::default()),
            kept_aside: RwSignal::new(0),
            restored: RwSignal::new(saved.is_none()),
            settings,
        };
        // Reading and writing the saved jobs is code of its own (the engine's chunk), fetched
        // only when there is something saved or to save: not on a first visit.
        if let Some(text) = saved {
            spawn_local(async move {
                let _ = saved::restore(t, text).await;
            });
        }
        // Another tab wrote: its jobs are shown here, a token it set or forgot is this tab's too.
        // (The store reads before it writes, and writes only what changed, so tabs do not wake
        // each other for ever.)
        browser::page::on_storage(move || {
            spawn_local(async move {
                let _ = saved::store(t).await;
            });
        });
        // Every change is written at once: a crash loses nothing.
        Effect::new(move |_| {
            let empty = t.jobs.with(Vec::is_empty);
            if t.restored.get() && !(empty && saved_jobs::stored().is_none()) {
                spawn_local(async move {
                    let _ = saved::store(t).await;
                });
            }
        });
        // The plan (parallel limit, balance) comes from the account.
        Effect::new(move |_| {
            settings.base.track();
            settings.token.track();
            t.refresh_account();
        });
        let _ = set_interval_with_handle(move || t.pump(), Duration::from_millis(1000));
        browser::page::on_visible(move || {
            browser::set_title("mvsep-web");
            // Back in view: ask about every job now.
            t.sched
                .update_value(|s| s.next_poll.values_mut().for_each(|v| *v = 0.0));
            t.pump();
        });
        t
    }

    /// Reads the account again (after a job ends, its credits have changed).
    pub fn refresh_account(&self) {
        let client = self.settings.client();
        let t = *self;
        if client.token.is_none() {
            t.account.set(None);
            return;
        }
        spawn_local(async move {
            // Reading the account is code of its own, fetched only once there is a token.
            let _ = engine::read_account(t, client).await;
        });
    }

    /// How many jobs may run at once: 1 free (or unknown), 10 premium.
    pub fn limit(&self) -> usize {
        self.account.with(plan_limit)
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

    /// Adds a file to the queue (sent when a slot frees).
    pub fn enqueue(&self, job: TrackedJob, file: Option<web_sys::File>) {
        if let Some(f) = file {
            self.files.update_value(|m| {
                m.insert(job.id.clone(), f);
            });
        }
        self.jobs.update(|l| l.push(job));
        self.pump();
    }

    /// Sends an interrupted or refused job again; a file job needs its file.
    pub fn retry(&self, id: &str, file: Option<web_sys::File>) -> Result<(), String> {
        let Some(job) = self.get(id) else {
            return Err(t("This job is gone.").into());
        };
        if job.is_sent() && job.phase == Phase::Interrupted {
            // Polling had stopped: check again, from the start of the backoff.
            self.sched.update_value(|s| {
                s.failures.remove(id);
                s.next_poll.remove(id);
            });
            self.update(id, |j| {
                j.phase = Phase::Submitted;
                j.message = None;
            });
            self.pump();
            return Ok(());
        }
        if job.is_sent() {
            return Err(t("The service already has this job: it is not sent twice.").into());
        }
        let has_file = file.is_some() || self.files.with_value(|m| m.contains_key(id));
        if job.source_url.is_none() && !has_file {
            return Err(tr!("Choose {name} again to retry.", name = job.file_name));
        }
        if let Some(f) = file {
            if f.name() != job.file_name || (f.size() - job.file_bytes).abs() > 0.5 {
                return Err(tr!(
                    "That is not {name} ({size}).",
                    name = job.file_name,
                    size = crate::logic::files::human_bytes(job.file_bytes)
                ));
            }
            self.files.update_value(|m| {
                m.insert(id.to_string(), f);
            });
        }
        self.update(id, |j| {
            j.phase = Phase::Queued;
            j.message = None;
            j.attempts = 0;
            j.retry_at_ms = None;
        });
        self.pump();
        Ok(())
    }

    /// Whether retrying this job needs the person to pick its file again.
    pub fn needs_file(&self, id: &str) -> bool {
        self.get(id)
            .is_some_and(|j| j.source_url.is_none() && !j.is_sent())
            && !self.files.with_value(|m| m.contains_key(id))
    }

    /// Stops an upload in progress (it can be retried).
    pub fn cancel_upload(&self, id: &str) {
        if let Some(h) = self.uploads.with_value(|m| m.get(id).cloned()) {
            h.abort();
        }
    }

    /// Forgets a job in this browser (the service keeps it).
    pub fn remove(&self, id: &str) {
        self.cancel_upload(id);
        self.files.update_value(|m| {
            m.remove(id);
        });
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
        let id = jobs::new_id(now_ms(), random_unit());
        let job = TrackedJob::from_hash(
            id.clone(),
            hash,
            self.settings.base.get_untracked(),
            now_ms(),
        );
        self.jobs.update(|l| l.push(job));
        self.pump();
        id
    }

    /// Cancels a waiting job at the service (credits come back).
    pub async fn cancel_job(&self, id: &str) -> Result<String, ApiError> {
        let Some(job) = self.get(id) else {
            return Err(ApiError::Aborted);
        };
        let Some(hash) = job.hash.clone() else {
            return Err(ApiError::Aborted);
        };
        let client = Client::new(job.api_base.clone(), self.settings.token.get_untracked());
        let notice = client.cancel(&hash).await?;
        self.update(id, |j| {
            j.phase = Phase::Ended;
            j.status = Some(Status::Failed);
            j.message = Some(
                notice
                    .message
                    .clone()
                    .unwrap_or_else(|| t("Cancelled").into()),
            );
        });
        self.refresh_account();
        self.pump();
        Ok(notice.message.unwrap_or_else(|| t("Cancelled").into()))
    }

    /// Starts what can start: uploads into free slots, polls that are due. With nothing to send
    /// or follow (a first visit) it returns at once, and the engine's code is never fetched.
    pub fn pump(&self) {
        let busy = self
            .jobs
            .with_untracked(|l| l.iter().any(|j| j.phase == Phase::Queued || j.needs_poll()));
        if busy {
            let t = *self;
            spawn_local(async move {
                // A chunk that cannot be fetched now is tried again at the next tick.
                let _ = engine::step(t).await;
            });
        }
    }
}

fn plan_limit(user: &Option<User>) -> usize {
    user.as_ref().map_or(1, User::parallel_limit)
}

pub fn provide_tracker(settings: Settings) -> Tracker {
    let t = Tracker::new(settings);
    provide_context(t);
    t
}

pub fn use_tracker() -> Tracker {
    expect_context::<Tracker>()
}
