//! What a finished job gives back, for people: `files.rs` names, sizes and lengths (a stem's
//! download name, bytes and durations in the language's units), `subtitles.rs` what a result
//! file is shown as (a stem, timed subtitles, text) and SRT/VTT cues. Pure: tested natively.

pub mod files;
pub mod subtitles;
