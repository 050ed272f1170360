//! The typed MVSEP client. Everything here but `transport` and `client` is plain Rust with no
//! browser in it, so `cargo test` covers it on the host.

pub mod access;
pub mod de;
pub mod decode;
pub mod endpoints;
pub mod error;
mod locate;
pub mod models;
pub mod request;
pub mod web_url;

pub mod client;
mod transport;

pub use access::Access;
pub use client::Client;
pub use decode::RawResponse;
pub use error::ApiError;
pub use transport::{Cancel, FileBody, UploadHandle};

/// The public service.
pub const DEFAULT_BASE: &str = "https://mvsep.com";
