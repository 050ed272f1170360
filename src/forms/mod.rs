//! Pure logic behind the Separate screen: option forms, cost, the algorithm catalogue, polling
//! and the batch queue. No Leptos, no DOM: tested with plain `cargo test`.

pub mod batch;
pub mod catalog;
pub mod connection;
pub mod files;
pub mod options;
pub mod paging;
pub mod polling;
pub mod quality;
