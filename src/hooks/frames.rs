//! A view drawn over several frames.

use leptos::prelude::*;

/// Runs `f` once the next frame is painted, in a task of its own. In a frame's own callback the
/// drawing and the browser's layout of it are one task: 40-88 ms on a phone (4x slower CPU) for
/// a part of Separate; apart, each is about half.
pub fn after_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// `N` switches that turn on one per frame, the first a frame from now: for drawing a big view in
/// parts. A phone (4x slower CPU) spent 50-120 ms on a whole screen of this app in one task,
/// long enough to hold back a tap; a part a frame keeps each task short, and each part is
/// painted as it comes. Each switch changes once, so a part is drawn once. They stop with their
/// owner (the screen gone, `try_update` does nothing).
pub fn one_a_frame<const N: usize>() -> [Memo<bool>; N] {
    let stage = RwSignal::new(0);
    fn next(stage: RwSignal<usize>, n: usize) {
        after_frame(move || {
            if stage.try_update(|s| *s += 1).is_some() && stage.get_untracked() < n {
                next(stage, n);
            }
        });
    }
    if N > 0 {
        next(stage, N);
    }
    std::array::from_fn(|k| Memo::new(move |_| stage.get() > k))
}
