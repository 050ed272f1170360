//! Pure logic behind the stem mixer: what each stem contributes to the mix, presets, the loop,
//! the keys, and the files the browser writes (WAV, ZIP, waveform peaks). No Leptos, no DOM:
//! tested with plain `cargo test`.

pub mod grid;
pub mod keys;
pub mod peaks;
pub mod presets;
pub mod rate;
pub mod rules;
pub mod timeline;
pub mod wav;
pub mod window;
pub mod zip;

pub use rules::{db_to_gain, LoopRange, Mix, StemMix};
