//! Pure logic the screens decide with: option forms and cost, the algorithm catalogue and its
//! search, files and text results, paging, the leaderboard's tables and the connection check's
//! verdicts. (The job's own rules live with the job, in `state/job/`.) No Leptos, no DOM: tested
//! with plain `cargo test`.

pub mod catalog;
pub mod connection;
pub mod files;
pub mod fold;
pub mod options;
pub mod paging;
pub mod quality;
pub mod subtitles;
pub mod text;
