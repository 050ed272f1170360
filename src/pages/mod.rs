//! One file per routed screen. Pages own resources and actions and render components.

pub mod account;
pub mod demos;
pub mod history;
pub mod job;
pub mod jobs;
pub mod leaderboard;
pub mod library;
pub mod news;
pub mod not_found;
pub mod paging;
pub mod qc_entry;
pub mod qc_queue;
pub mod qc_submit;
pub mod separate;
pub mod settings;

pub use account::AccountPage;
pub use demos::DemosPage;
pub use history::HistoryPage;
pub use job::JobPage;
pub use jobs::JobsPage;
pub use leaderboard::LeaderboardPage;
pub use library::LibraryPage;
pub use news::NewsPage;
pub use not_found::NotFound;
pub use qc_entry::QcEntryPage;
pub use qc_queue::QcQueuePage;
pub use qc_submit::QcSubmitPage;
pub use separate::SeparatePage;
pub use settings::SettingsPage;
