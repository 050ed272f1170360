//! `/api/separation/*`: create (upload or URL) in `create.rs` with its options check, the work
//! in `render.rs`, get (with mirror) and cancel in `get.rs`, and how the service names things in
//! `naming.rs`; models that take no song or two, or write text, in `kinds.rs`. get-remote is
//! `remote.rs`.

mod checks;
mod create;
mod get;
mod kinds;
mod naming;
mod options;
mod render;

pub use create::create;
pub use get::{cancel, get, not_found};
pub use naming::{format_of, human_size, slug, stems_of};
