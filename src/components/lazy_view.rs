//! A view built by a `split_fn!` (code fetched on first use): loading, then the view, or "could
//! not be loaded" with Try again.

use crate::browser::page::breathe;
use crate::components::ChunkFailed;
use crate::split::SplitLoaderError;
use leptos::prelude::*;
use std::future::Future;

#[derive(Clone, Copy, PartialEq)]
enum ChunkState {
    Loading,
    Ready,
    Failed,
}

/// Shows `pending` until `build` (a `split_fn!` call) is done, then its view; if the chunk
/// cannot be fetched, says so and offers to try again. `part`: a piece of a screen, not a whole. No `<Suspense>`: around a lazy screen it
/// disposed signals still in use while navigating.
pub fn lazy_view<F, Fut>(
    build: F,
    pending: impl Fn() -> AnyView + Send + Sync + 'static,
    part: bool,
) -> AnyView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    // One copy of the machinery below for every use: boxed, not generic.
    let build: Box<dyn Fn() -> Pending> = Box::new(move || Box::pin(build()));
    lazy_boxed(build, Box::new(pending), part)
}

type Pending = std::pin::Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

fn lazy_boxed(
    build: Box<dyn Fn() -> Pending>,
    pending: Box<dyn Fn() -> AnyView + Send + Sync>,
    part: bool,
) -> AnyView {
    let slot = StoredValue::new_local(None::<AnyView>);
    let phase = RwSignal::new(ChunkState::Loading);
    let build = StoredValue::new_local(build);
    // The view is built inside the task: it must run under this view's owner (contexts).
    let owner = Owner::current();
    let start = move || {
        phase.set(ChunkState::Loading);
        let Some(mut fut) = build.try_with_value(|b| b()) else {
            return;
        };
        let run = move || {
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let mut polls = 0;
                let done = std::future::poll_fn(|cx| {
                    polls += 1;
                    fut.as_mut().poll(cx)
                })
                .await;
                match done {
                    Ok(view) => {
                        // A chunk that had to come is drawn a task after it is in: its start,
                        // the screen's state and its drawing in one task held a phone's main
                        // thread for some 55 ms (4x slower CPU, traced on Settings). One
                        // already in is drawn at once, with no frame of "Loading" between.
                        if polls > 1 {
                            breathe().await;
                        }
                        slot.try_update_value(|s| *s = Some(view));
                        phase.try_set(ChunkState::Ready);
                    }
                    Err(_) => {
                        phase.try_set(ChunkState::Failed);
                    }
                }
            })
        };
        match &owner {
            Some(o) => o.with(|| untrack(run)),
            None => untrack(run),
        }
    };
    start();
    (move || match phase.get() {
        ChunkState::Loading => pending(),
        ChunkState::Ready => slot
            .try_update_value(|s| s.take())
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        ChunkState::Failed => {
            let retry = start.clone();
            view! { <ChunkFailed on_retry=Callback::new(move |_| retry()) part=part /> }.into_any()
        }
    })
    .into_any()
}
