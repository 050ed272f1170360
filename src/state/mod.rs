//! Everything the app remembers in the browser, exposed to pages through typed contexts: the
//! settings and the session (token, account), the model list's cache, choices, the
//! service's queue, and the job (`job/`: the followed job, its rules and the tracker).

pub mod cache;
pub mod choices;
pub mod job;
pub mod session;
pub mod settings;
pub mod site_queue;
pub mod storage;

pub use job::tracker::{provide_tracker, use_tracker, Tracker};
pub use session::{provide_session, use_session, Session};
pub use settings::{provide_settings, use_settings, Settings};
pub use site_queue::{provide_queue_watch, use_queue_watch, QueueWatch};
