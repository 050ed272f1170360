//! The person's saved mixes, per model, in localStorage. A stored value that cannot be read is
//! read as "none saved" and, before anything is written over it, kept under another key.

use crate::mixer::model::presets::{self, SavedMix, SavedMixes};
use crate::state::storage;

const KEY: &str = "mvsep.mixes";

pub fn all() -> SavedMixes {
    storage::get_json(KEY).unwrap_or_default()
}

pub fn for_model(model: &str) -> Vec<SavedMix> {
    all().remove(model).unwrap_or_default()
}

/// What is stored, for changing it: an unreadable value is set aside first.
fn for_writing() -> SavedMixes {
    match storage::get(KEY) {
        Some(t) => serde_json::from_str(&t).unwrap_or_else(|_| {
            storage::set(&format!("{KEY}.unreadable"), &t);
            SavedMixes::default()
        }),
        None => SavedMixes::default(),
    }
}

/// Saves (or replaces) a mix; false when the browser refused to store it.
pub fn save(model: &str, mix: SavedMix) -> bool {
    let mut all = for_writing();
    presets::save(&mut all, model, mix);
    storage::set_json(KEY, &all)
}

pub fn remove(model: &str, name: &str) {
    let mut all = for_writing();
    presets::remove(&mut all, model, name);
    storage::set_json(KEY, &all);
}
