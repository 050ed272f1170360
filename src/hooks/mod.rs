//! Reactive helpers every layer above uses: data loaded into a signal ([`load`], [`Task`]), a
//! clock, and work repeated while the tab is visible. Their timers and requests end with the
//! owner that made them (the screen, the component), through `on_cleanup`.

pub mod clock;
pub mod load;
pub mod visible;

pub use clock::use_clock;
pub use load::{load, Loaded, Task};
pub use visible::{every, every_visible, on_visible};
