//! The library: results kept on this device, to play with no network or after the service has
//! deleted them (it keeps results about 72 hours).
//! - `list.rs`: what is kept (each job as it was, its files' sizes), in localStorage
//! - `files.rs`: the files themselves, Blobs in IndexedDB, which the service worker (src/sw.js)
//!   gives the mixer at this site's own addresses (`kept/<hash>/<n>`), as the service would,
//!   ranges included.
//!
//! A result is listed only once all its files are stored: nothing half-kept is listed as whole.

pub mod files;
pub mod list;
