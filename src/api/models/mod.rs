//! Serde models of what the service sends. No Leptos, no DOM.

pub mod account;
pub mod algorithm;
pub mod quality;
pub mod separation;
pub mod site;

pub use account::{AlgorithmRef, HistoryEntry, Notice, User};
pub use algorithm::{Algorithm, AlgorithmField, Audience, Input, Scope};
pub use quality::{Leaderboard, QcCreated, QcEntry};
pub use separation::{
    Created, Job, JobData, JobOptions, RemoteType, ResultFile, Status, OUTPUT_FORMATS,
};
pub use site::{Demo, NewsItem, SiteQueue};
