//! The algorithms list, cached in localStorage with a time-to-live, per API address.

use crate::api::decode::{list_items, read_items};
use crate::api::models::{Algorithm, Scope};
use crate::api::request::Envelope;
use crate::api::{ApiError, Cancel, Client, RawResponse};
use crate::browser::page::breathe;
use crate::state::storage;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where and when the cached list was fetched, and in how many parts; the list itself is under
/// [`KEY_BODY`] and a part's number, as the service sent it (inside this JSON it was escaped and
/// unescaped whole at every read).
pub const KEY_ALGORITHMS: &str = "mvsep.algorithms";
const KEY_BODY: &str = "mvsep.algorithms.body";
/// The list changes a few times a month; six hours keeps it fresh without refetching ~200 kB.
pub const TTL_MS: f64 = 6.0 * 3600.0 * 1000.0;
/// Characters a part, about: the 2026 list (1 MB) written whole held a phone's main thread for
/// 35-60 ms (4x slower CPU), half of it handing the text to the browser; a part is written in
/// a task of its own.
const PART: usize = 256 * 1024;

#[derive(Serialize, Deserialize)]
struct Cached {
    base: String,
    saved_ms: f64,
    /// 0 in a line written before the parts: that list is fetched again.
    #[serde(default)]
    parts: usize,
}

fn part_key(i: usize) -> String {
    format!("{KEY_BODY}.{i}")
}

/// The cached body for `base` if younger than the TTL, with its age in ms (a part a task, as
/// it was written: handing a text to the wasm costs about as much as writing it).
async fn load(base: &str, now_ms: f64) -> Option<(String, f64)> {
    let c: Cached = storage::get_json(KEY_ALGORITHMS)?;
    let age = now_ms - c.saved_ms;
    if c.base != base || !(0.0..TTL_MS).contains(&age) || c.parts == 0 {
        return None;
    }
    let mut body = String::new();
    for i in 0..c.parts {
        breathe().await;
        body.push_str(&storage::get(&part_key(i))?);
    }
    Some((body, age))
}

/// The body cut into parts of about [`PART`] characters, each cut at a character's boundary.
pub fn parts(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let mut at = PART.min(rest.len());
        while !rest.is_char_boundary(at) {
            at += 1;
        }
        let (part, after) = rest.split_at(at);
        out.push(part);
        rest = after;
    }
    out
}

/// Writes the list a part a task. The line goes last and is taken away first, so a list half
/// written (the page closed, a full storage) is never read; a full storage only costs a
/// refetch next time.
pub async fn save(base: String, now_ms: f64, body: String) {
    let before = storage::get_json::<Cached>(KEY_ALGORITHMS).map_or(0, |c| c.parts);
    storage::remove(KEY_ALGORITHMS);
    // The whole body, as versions before the parts kept it.
    storage::remove(KEY_BODY);
    let parts = parts(&body);
    for (i, part) in parts.iter().enumerate() {
        breathe().await;
        if !storage::set(&part_key(i), part) {
            (0..i).for_each(|i| storage::remove(&part_key(i)));
            return;
        }
    }
    // What a longer list before this one left.
    (parts.len()..before).for_each(|i| storage::remove(&part_key(i)));
    storage::set_json(
        KEY_ALGORITHMS,
        &Cached {
            base,
            saved_ms: now_ms,
            parts: parts.len(),
        },
    );
}

/// The model list as the Separate screen shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelList {
    /// Shared, not copied: the views that read it (the picker, the chosen model, the list's
    /// line) each took a copy of all 117 models (some 900 kB) when it arrived.
    pub list: Arc<Vec<Algorithm>>,
    /// Models in a shape the app cannot read, left out of the list.
    pub unreadable: usize,
    /// How old the list is (0 when just fetched).
    pub age_ms: f64,
}

/// A list read a dozen models at a time, the page breathing between: the 2026 list (117
/// models, 900 kB) read at once held a phone's main thread for about 70 ms at a time.
async fn read(raw: &RawResponse) -> Result<(Vec<Algorithm>, usize), ApiError> {
    let items = list_items(raw, Envelope::Bare)?;
    let mut list = Vec::with_capacity(items.len());
    let mut unreadable = 0;
    for slice in items.chunks(12) {
        breathe().await;
        let (mut read, bad) = read_items(slice);
        list.append(&mut read);
        unreadable += bad;
    }
    // The list is then shown in a task of its own, not in the last slice's.
    breathe().await;
    Ok((list, unreadable))
}

/// The model list for `base`: from the cache when it is fresh (unless `force`), else from the
/// service, cached again.
pub async fn load_algorithms(
    base: String,
    force: bool,
    now_ms: f64,
    cancel: Cancel,
) -> Result<ModelList, ApiError> {
    if !force {
        if let Some((body, age_ms)) = load(&base, now_ms).await {
            if let Ok((list, unreadable)) = read(&RawResponse::new(200, body)).await {
                return Ok(ModelList {
                    list: Arc::new(list),
                    unreadable,
                    age_ms,
                });
            }
        }
    }
    let client = Client::public(base.clone()).cancelled_by(cancel);
    let mut raw = client.algorithms_answer(Some(Scope::SingleUpload)).await?;
    let mut got = read(&raw).await?;
    // Some hosts answer the scoped list empty: fall back to the whole list.
    if got.0.is_empty() && got.1 == 0 {
        raw = client.algorithms_answer(None).await?;
        got = read(&raw).await?;
    }
    let (mut list, mut unreadable) = got;
    let mut bodies = vec![raw.body];
    // The other input kinds: a host that does not answer them only lacks those models.
    for scope in [Scope::NoUpload, Scope::MatcheringUpload] {
        let Ok(raw) = client.algorithms_answer(Some(scope)).await else {
            continue;
        };
        if let Ok((more, bad)) = read(&raw).await {
            // A host that ignores `scopes` answers the whole list again: it is there already.
            if more.first().map(|a| a.id) != list.first().map(|a| a.id) {
                list.extend(more);
                unreadable += bad;
                bodies.push(raw.body);
            }
        }
    }
    // Once the list is shown (its first groups take a frame or two), in a task of its own:
    // writing 900 kB to localStorage is some 50 ms on a phone, which would hold back that paint.
    // (A timer, not `page::after_paint`: this is the first visit's code, and every byte counts.)
    let body = join_lists(&bodies);
    leptos::prelude::set_timeout(
        move || leptos::task::spawn_local(save(base, now_ms, body)),
        std::time::Duration::from_millis(300),
    );
    Ok(ModelList {
        list: Arc::new(list),
        unreadable,
        age_ms: 0.0,
    })
}

/// The lists as one JSON array, to cache as the service sent them; only the first when another
/// is not a plain array.
pub fn join_lists(bodies: &[String]) -> String {
    let inner: Option<Vec<&str>> = bodies
        .iter()
        .map(|b| {
            let b = b.trim();
            b.strip_prefix('[')?.strip_suffix(']').map(str::trim)
        })
        .collect();
    match inner {
        Some(parts) => {
            let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
            format!("[{}]", parts.join(","))
        }
        None => bodies.first().cloned().unwrap_or_default(),
    }
}
