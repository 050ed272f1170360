//! Data loaded from the API into a signal. Pages use this rather than `LocalResource` +
//! `Suspense`: the async machinery those instantiate per type costs about 20 kB of brotli'd wasm
//! for every screen, and this does the same job (loading, error, refetch, no stale answers).

use crate::api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

pub struct Loaded<T: Send + Sync + 'static> {
    /// None while loading.
    pub value: RwSignal<Option<Result<T, ApiError>>>,
    version: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Loaded<T> {}

impl<T: Clone + Send + Sync + 'static> Loaded<T> {
    /// Loads again (the signals `source` read also reload it when they change).
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

/// Runs `source` now and whenever a signal it reads (before its first await) changes.
pub fn load<T, Fut>(source: impl Fn() -> Fut + 'static) -> Loaded<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let l = Loaded {
        value: RwSignal::new(None),
        version: RwSignal::new(0),
    };
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        l.version.track();
        let fut = source();
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        l.value.set(None);
        spawn_local(async move {
            let r = fut.await;
            // An answer to an older request is dropped.
            if latest.try_get_value() == Some(ticket) {
                l.value.try_set(Some(r));
            }
        });
    });
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
