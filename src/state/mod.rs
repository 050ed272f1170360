//! Everything the app remembers in the browser, exposed to pages through typed contexts.

pub mod cache;
pub mod choices;
pub mod jobs;
pub mod link_jobs;
pub mod mixes;
pub mod saved_jobs;
pub mod session;
pub mod settings;
pub mod site_queue;
pub mod status_line;
pub mod storage;
pub mod tabs;
pub mod tracker;

pub use session::{provide_session, use_session, Session};
pub use settings::{provide_settings, use_settings, Settings};
pub use site_queue::{provide_queue_watch, use_queue_watch, QueueWatch};
pub use tracker::{provide_tracker, use_tracker, Tracker};
