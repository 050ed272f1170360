//! The stem mixer's audio: result files fetched as Blobs (kept by the browser, on disk for big
//! ones), played through Web Audio when the page may read them, or through one `<audio>` per
//! stem kept in sync when it may not; and the files it saves (the mix as WAV, all stems as ZIP).

pub mod analysis;
pub mod export;
mod graph;
pub mod load;
pub mod media;
pub mod player;
mod shifted;
pub mod track;
pub mod webaudio;

pub use load::{load, Loaded};
pub use player::Player;
