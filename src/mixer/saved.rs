//! What the person keeps of the mixer in localStorage: saved mixes, per model, and a result's
//! markers. A stored value that cannot be read is read as "none saved" and, before anything is
//! written over it, kept under another key.

use crate::mixer::model::presets::{self, SavedMix, SavedMixes};
use crate::mixer::model::timeline::Marker;
use crate::state::storage;

const KEY: &str = "mvsep.mixes";
const MARKERS: &str = "mvsep.markers";
/// Results whose markers are kept (the oldest go first).
const MARKED: usize = 50;

pub fn all() -> SavedMixes {
    storage::get_json(KEY).unwrap_or_default()
}

pub fn for_model(model: &str) -> Vec<SavedMix> {
    all().remove(model).unwrap_or_default()
}

/// What is stored under `key`, for changing it: an unreadable value is set aside first.
fn for_writing<T: serde::de::DeserializeOwned + Default>(key: &str) -> T {
    match storage::get(key) {
        Some(t) => serde_json::from_str(&t).unwrap_or_else(|_| {
            storage::set(&format!("{key}.unreadable"), &t);
            T::default()
        }),
        None => T::default(),
    }
}

/// Saves (or replaces) a mix; false when the browser refused to store it.
pub fn save(model: &str, mix: SavedMix) -> bool {
    let mut all: SavedMixes = for_writing(KEY);
    presets::save(&mut all, model, mix);
    storage::set_json(KEY, &all)
}

pub fn remove(model: &str, name: &str) {
    let mut all: SavedMixes = for_writing(KEY);
    presets::remove(&mut all, model, name);
    storage::set_json(KEY, &all);
}

/// The markers of result `of` (its first stem's address), newest results last.
type Marked = Vec<(String, Vec<Marker>)>;

pub fn markers(of: &str) -> Vec<Marker> {
    storage::get_json::<Marked>(MARKERS)
        .unwrap_or_default()
        .into_iter()
        .find(|(k, _)| k == of)
        .map(|(_, m)| m)
        .unwrap_or_default()
}

/// Keeps `marks` for result `of` (none: forgets it).
pub fn keep_markers(of: &str, marks: &[Marker]) {
    let mut all: Marked = for_writing(MARKERS);
    all.retain(|(k, _)| k != of);
    if !marks.is_empty() {
        all.push((of.to_string(), marks.to_vec()));
    }
    let from = all.len().saturating_sub(MARKED);
    all.drain(..from);
    storage::set_json(MARKERS, &all);
}
