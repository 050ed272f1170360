//! Small wrappers over browser facilities used by state and pages: the clock, visibility,
//! notifications, the tab title, and reading a media file's length.

pub mod audio;
pub mod lang;
pub mod media;
pub mod page;

pub use page::{is_hidden, notify, now_ms, random_unit, set_title};
