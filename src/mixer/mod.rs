//! The stem mixer, whole: what a person hears and sees of a result's stems.
//! - `model/`: its pure rules (gains from mute, solo and dB; presets; the loop; keys; the WAV
//!   and ZIP writers; peaks; a file's sample rate; the plan of 5-s windows), tested natively
//! - `audio/`: its audio engine (stems fetched as Blobs; Web Audio or synced `<audio>`; the mix
//!   rendered and the stems zipped)
//! - `view/`: its views (the desk's state and actions, transport, stem rows, presets, A/B,
//!   downloads), a chunk of its own fetched when a result is shown
//! - `saved.rs`: the person's saved mixes in localStorage
//!
//! Imports run one way: view → audio → model; nothing here is imported by the first visit's
//! screen but `view::lazy_mixer`.

pub mod audio;
pub mod model;
pub mod saved;
pub mod view;

/// The mixer's own stylesheet (`style/mixer.css`), fetched with its code: not on the first visit.
pub fn style() -> String {
    use crate::browser::asset::{fnv, named};
    const HASH: u64 = fnv(include_bytes!("../../style/mixer.css"));
    named("mixer", HASH, "css")
}
