//! Small wrappers over browser facilities used by state and pages: the clock, visibility,
//! notifications, the tab title, reading a media file's length, and probing what a host lets
//! this page do (the connection check).

pub mod asset;
pub mod fetch;
pub mod idb;
pub mod js;
pub mod kept_files;
pub mod media;
pub mod page;
pub mod probe;

pub use page::{is_hidden, monotonic_ms, notify, now_ms, random_unit, set_title};
