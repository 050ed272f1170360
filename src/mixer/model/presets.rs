//! Mixes named after what they leave: "Karaoke" (all but the vocals), "Only vocals", "No
//! drums"... offered only when the result's stems allow them; and the person's own saved mixes,
//! kept per model by stem name so they fit the next result of that model.

use super::rules::{Mix, StemMix};
use crate::i18n::k;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Vocals,
    Drums,
    Bass,
    Piano,
    Guitar,
    Other,
}

/// What a stem holds, from its label ("Vocals (fullness 1)", "drums", "Instrumental"...).
pub fn kind(label: &str) -> Kind {
    let s = label.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&[
        "instrum",
        "accomp",
        "music",
        "karaoke",
        "no vocals",
        "other",
    ]) {
        Kind::Other
    } else if has(&["vocal", "voice", "lead", "speech", "choir", "sing"]) {
        Kind::Vocals
    } else if has(&["drum", "kick", "snare", "cymbal", "hh", "percussion"]) {
        Kind::Drums
    } else if has(&["bass"]) {
        Kind::Bass
    } else if has(&["piano", "keys"]) {
        Kind::Piano
    } else if has(&["guitar"]) {
        Kind::Guitar
    } else {
        Kind::Other
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// An English key, translated where it is shown.
    pub name: &'static str,
    /// Which stems it mutes, by position.
    pub muted: Vec<bool>,
}

/// The presets this result's stems allow: each must leave something audible and mute something.
pub fn presets(labels: &[String]) -> Vec<Preset> {
    let kinds: Vec<Kind> = labels.iter().map(|l| kind(l)).collect();
    let without = |k: Kind| kinds.iter().map(|x| *x == k).collect::<Vec<_>>();
    let only = |k: Kind| kinds.iter().map(|x| *x != k).collect::<Vec<_>>();
    let candidates = [
        (k("Karaoke"), without(Kind::Vocals)),
        (k("Only vocals"), only(Kind::Vocals)),
        (k("No drums"), without(Kind::Drums)),
        (k("No bass"), without(Kind::Bass)),
        (k("No piano"), without(Kind::Piano)),
        (k("No guitar"), without(Kind::Guitar)),
        (k("Only drums"), only(Kind::Drums)),
        (k("Only bass"), only(Kind::Bass)),
    ];
    candidates
        .into_iter()
        .filter(|(_, m)| m.iter().any(|x| *x) && m.iter().any(|x| !*x))
        .map(|(name, muted)| Preset { name, muted })
        .collect()
}

/// A mix the person saved, by stem label, so it applies to any result with those stems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SavedMix {
    pub name: String,
    pub stems: BTreeMap<String, StemMix>,
    pub master_db: f64,
}

impl SavedMix {
    pub fn from_mix(name: &str, labels: &[String], mix: &Mix) -> Self {
        Self {
            name: name.trim().to_string(),
            stems: labels
                .iter()
                .cloned()
                .zip(mix.stems.iter().cloned())
                .collect(),
            master_db: mix.master_db,
        }
    }

    /// The mix for these stems: a stem the saved mix does not name keeps its default.
    pub fn to_mix(&self, labels: &[String]) -> Mix {
        Mix {
            stems: labels
                .iter()
                .map(|l| self.stems.get(l).cloned().unwrap_or_default())
                .collect(),
            master_db: self.master_db,
        }
    }
}

/// Saved mixes by model name. A newer mix of the same name replaces the older.
pub type SavedMixes = BTreeMap<String, Vec<SavedMix>>;

pub fn save(all: &mut SavedMixes, model: &str, mix: SavedMix) {
    let list = all.entry(model.to_string()).or_default();
    list.retain(|m| m.name != mix.name);
    list.push(mix);
}

pub fn remove(all: &mut SavedMixes, model: &str, name: &str) {
    if let Some(list) = all.get_mut(model) {
        list.retain(|m| m.name != name);
        if list.is_empty() {
            all.remove(model);
        }
    }
}
