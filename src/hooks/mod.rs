//! Reactive helpers every layer above uses: data loaded into a signal ([`load`], [`Task`]), a
//! clock, a view drawn over frames, whether there is a network, and work repeated while the tab
//! is visible. Their timers and requests end with the owner that made them (the screen, the
//! component), via `on_cleanup`.

pub mod clock;
pub mod frames;
pub mod load;
pub mod online;
pub mod visible;

pub use clock::use_clock;
pub use frames::{after_frame, one_a_frame};
pub use load::{load, Loaded, Task};
pub use online::online;
pub use visible::{every, every_visible, on_visible};
