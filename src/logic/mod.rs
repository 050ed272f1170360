//! Pure logic the screens and the tracker decide with: option forms and cost, the algorithm
//! catalogue, the batch queue's rules and the job's phase, polling and backoff, paging, the
//! leaderboard's tables and the connection check's verdicts. No Leptos, no DOM: tested with plain
//! `cargo test`.

pub mod batch;
pub mod catalog;
pub mod connection;
pub mod files;
pub mod fold;
pub mod options;
pub mod paging;
pub mod polling;
pub mod quality;
