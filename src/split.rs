//! Code fetched on first use. In the split release build (`--features split`, made by
//! `scripts/split-dist.sh`) a `split_fn!` function is cut into its own wasm chunk, fetched when
//! it is first called (or preloaded); elsewhere (`trunk serve`, tests, clippy) it is a plain
//! async function of the one module.

use crate::components::ChunkFailed;
use leptos::prelude::*;
pub use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// `split_fn! { chunk / preload; fn name(args) -> T { body } }` defines `async fn name(args) ->
/// Result<T, SplitLoaderError>` and `async fn preload() -> Result<(), SplitLoaderError>`.
/// `fallible`: a chunk that cannot be fetched is an `Err`, not an abort of the whole module.
macro_rules! split_fn {
    ($chunk:ident / $preload:ident;
     $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        $vis async fn $preload() -> Result<(), $crate::split::SplitLoaderError> {
            Ok(())
        }
    };
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Loading,
    Ready,
    Failed,
}

/// Shows `pending` until `build` (a `split_fn!` call) is done, then its view; if the chunk
/// cannot be fetched, says so and offers to try again. `part`: a piece of a screen, not a whole. No `<Suspense>`: around a lazy screen it
/// disposed signals still in use while navigating.
pub fn lazy_view<F, Fut>(build: F, pending: fn() -> AnyView, part: bool) -> AnyView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    // One copy of the machinery below for every use: boxed, not generic.
    let build: Box<dyn Fn() -> Pending> = Box::new(move || Box::pin(build()));
    lazy_boxed(build, pending, part)
}

type Pending = std::pin::Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

fn lazy_boxed(build: Box<dyn Fn() -> Pending>, pending: fn() -> AnyView, part: bool) -> AnyView {
    let slot = StoredValue::new_local(None::<AnyView>);
    let phase = RwSignal::new(Phase::Loading);
    let build = StoredValue::new_local(build);
    // The view is built inside the task: it must run under this view's owner (contexts).
    let owner = Owner::current();
    let start = move || {
        phase.set(Phase::Loading);
        let Some(fut) = build.try_with_value(|b| b()) else {
            return;
        };
        let run = move || {
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                match fut.await {
                    Ok(view) => {
                        slot.try_update_value(|s| *s = Some(view));
                        phase.try_set(Phase::Ready);
                    }
                    Err(_) => {
                        phase.try_set(Phase::Failed);
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
        Phase::Loading => pending(),
        Phase::Ready => slot
            .try_update_value(|s| s.take())
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Phase::Failed => {
            let retry = start.clone();
            view! { <ChunkFailed on_retry=Callback::new(move |_| retry()) part=part /> }.into_any()
        }
    })
    .into_any()
}
