//! The only code that touches localStorage. A browser that refuses storage (private mode,
//! quota) degrades to "nothing remembered", never to a crash.

use serde::{de::DeserializeOwned, Serialize};

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Returns false when the browser refused to store (quota, disabled storage).
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// The value kept as JSON under `key`; None when absent or unreadable.
pub fn get_json<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&get(key)?).ok()
}

/// Keeps `value` as JSON under `key`; false when the browser refused.
pub fn set_json<T: Serialize>(key: &str, value: &T) -> bool {
    serde_json::to_string(value).is_ok_and(|text| set(key, &text))
}

/// A list of texts kept under `key` (none when absent or unreadable).
pub fn get_list(key: &str) -> Vec<String> {
    get_json(key).unwrap_or_default()
}

/// Adds `items` to the list under `key`, each once, keeping the newest `keep`.
pub fn add_to_list<'a>(key: &str, items: impl IntoIterator<Item = &'a String>, keep: usize) {
    let mut all = get_list(key);
    let before = all.len();
    for i in items {
        if !all.contains(i) {
            all.push(i.clone());
        }
    }
    if all.len() == before {
        return;
    }
    let skip = all.len().saturating_sub(keep);
    set_json(key, &&all[skip..]);
}
