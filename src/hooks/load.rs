//! Data loaded from the API into a signal. Pages use this rather than `LocalResource` +
//! `Suspense`: the async machinery those instantiate per type costs about 20 kB of brotli'd wasm
//! for every screen, and this does the same job (loading, error, refetch, no stale answers, and
//! the requests aborted when the screen goes away).

use crate::api::{ApiError, Cancel};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::sync::{Arc, Mutex};

pub struct Loaded<T: Send + Sync + 'static> {
    /// None until the first answer; a refetch keeps the last one until the next arrives.
    pub value: RwSignal<Option<Result<T, ApiError>>>,
    /// A refetch is under way (`value` still holds the last answer): views may say so quietly,
    /// and nothing shown is rebuilt or announced again meanwhile.
    pub reloading: RwSignal<bool>,
    version: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Loaded<T> {}

impl<T: Clone + Send + Sync + 'static> Loaded<T> {
    /// Loads again, keeping the value until the answer (the signals `source` reads also reload
    /// it when they change, and then the value is cleared: it answered another question).
    pub fn refetch(&self) {
        self.version.update(|v| *v += 1);
    }
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.value.get()
    }
    /// The value when loaded without error.
    pub fn ok(&self) -> Option<T> {
        self.value.get().and_then(Result::ok)
    }
}

/// Runs `source` now and whenever a signal it reads (before its first await) changes. Its calls
/// are aborted through the [`Cancel`] it is given when a newer load starts or the owner (the
/// screen) goes away, as the Leptos hackernews example aborts its fetches.
pub fn load<T, Fut>(source: impl Fn(Cancel) -> Fut + 'static) -> Loaded<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let l = Loaded {
        value: RwSignal::new(None),
        reloading: RwSignal::new(false),
        version: RwSignal::new(0),
    };
    // The running load's cancel and the version it was started for (outside the reactive arena,
    // so the cleanup can still read it while the owner is being disposed).
    let running = Arc::new(Mutex::new((Cancel::new(), 0u32)));
    let current = running.clone();
    Effect::new(move |_| {
        l.version.track();
        let version = l.version.get_untracked();
        let cancel = Cancel::new();
        let (before, seen) = std::mem::replace(&mut *running.lock().unwrap(), (cancel, version));
        before.abort();
        let fut = source(cancel);
        if version != seen && l.value.with_untracked(Option::is_some) {
            l.reloading.set(true);
        } else {
            l.value.set(None);
        }
        let running = running.clone();
        spawn_local(async move {
            let r = fut.await;
            // An answer to an older request (aborted, or overtaken) is dropped.
            if running.lock().unwrap().0 == cancel {
                l.value.try_set(Some(r));
                l.reloading.try_set(false);
            }
        });
    });
    on_cleanup(move || current.lock().unwrap().0.abort());
    l
}

/// A request the person starts (a submit, a switch): its last answer and whether one is running.
/// Lighter than `Action` for the same reason as [`Loaded`].
pub struct Task<T: Send + Sync + 'static> {
    pub value: RwSignal<Option<Result<T, ApiError>>>,
    pub pending: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for Task<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Task<T> {}

impl<T: Send + Sync + 'static> Default for Task<T> {
    fn default() -> Self {
        Self {
            value: RwSignal::new(None),
            pending: RwSignal::new(false),
        }
    }
}

impl<T: Send + Sync + 'static> Task<T> {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn run(&self, fut: impl Future<Output = Result<T, ApiError>> + 'static) {
        let t = *self;
        t.pending.set(true);
        spawn_local(async move {
            let r = fut.await;
            t.value.try_set(Some(r));
            t.pending.try_set(false);
        });
    }
}
