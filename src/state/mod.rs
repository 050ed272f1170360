//! Everything the app remembers in the browser, exposed to pages through typed contexts.

pub mod settings;
pub mod storage;

pub use settings::{provide_settings, use_settings, Settings};
