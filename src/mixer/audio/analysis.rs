//! The song's tempo and key, worked out off the page's thread: a module Worker (`src/analysis.js`,
//! copied into the build by `scripts/split-dist.sh` under a name carrying a hash of its source)
//! reads the stems' WAV files, mixes them down and answers. The page's policy lets a Worker be
//! made only from a Trusted Types URL: the `mvsep-analysis` policy gives that file's and no other.

use super::track::Track;
use crate::browser::asset::{fnv, named};
use crate::browser::js::{n, next_message, s, Js};
use crate::i18n::t;
use js_sys::{Array, Object, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// The worker's source, hashed for its name (only the hash is kept in the module).
const HASH: u64 = fnv(include_bytes!("../../analysis.js"));
/// A quiet minute with no word from the worker: it is given up on.
const SILENT_MS: f64 = 60_000.0;

/// What was found. `None`: the song does not show one (silence, no steady beat).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Beats per minute as recorded, and the first beat (seconds).
    pub tempo: Option<(f64, f64)>,
    /// The tonic (0 = C … 11 = B) and whether minor.
    pub key: Option<(u8, bool)>,
}

fn file() -> String {
    named("analysis", HASH, "js")
}

thread_local! {
    static POLICY: OnceCell<Option<Js>> = const { OnceCell::new() };
}

/// The worker's URL as the policy allows it (a plain string where Trusted Types are not).
fn script_url() -> Option<JsValue> {
    let types = Js::global("trustedTypes");
    if types.is_nullish() {
        return Some(s(&file()));
    }
    let policy = POLICY.with(|p| {
        p.get_or_init(|| {
            let only = Closure::<dyn Fn(String) -> JsValue>::new(|u: String| {
                if u == file() {
                    s(&u)
                } else {
                    JsValue::NULL
                }
            });
            let rules = Object::new();
            let _ = Reflect::set(&rules, &s("createScriptURL"), only.as_ref());
            only.forget();
            types
                .call("createPolicy", &[s("mvsep-analysis"), rules.into()])
                .ok()
        })
        .clone()
    })?;
    policy
        .call("createScriptURL", &[s(&file())])
        .ok()
        .map(|u| u.0)
}

/// Analyses `tracks` (their WAV files); `progress(0..1)` as they are read. `Err`: the worker's
/// words, or why it could not run.
pub async fn analyse(tracks: &[Track], progress: impl Fn(f64)) -> Result<Found, String> {
    let files = Array::new();
    for track in tracks {
        let Some((blob, l)) = track.wav() else {
            return Err(t("a stem could not be read as WAV.").into());
        };
        let f = Object::new();
        for (k, v) in [
            ("blob", blob.0),
            ("start", n(l.data_start as f64)),
            ("frames", n(l.frames as f64)),
            ("channels", n(l.channels as f64)),
            ("bits", n(l.bits as f64)),
            ("format", n(l.format as f64)),
            ("block", n(l.block as f64)),
            ("rate", n(l.rate as f64)),
        ] {
            let _ = Reflect::set(&f, &s(k), &v);
        }
        files.push(&f);
    }
    let url = script_url().ok_or(t("this browser would not start it."))?;
    let opts = Object::new();
    let _ = Reflect::set(&opts, &s("type"), &s("module"));
    let worker = Js::new("Worker", &[url, opts.into()])
        .map_err(|_| t("this browser would not start it."))?;
    let _ = worker.call("postMessage", &[files.into()]);
    let out = loop {
        let Some(m) = next_message(&worker, SILENT_MS).await else {
            break Err(t("it stopped answering.").into());
        };
        if let Some(p) = own(&m, "progress").0.as_f64() {
            progress(p);
        } else if !own(&m, "result").is_nullish() {
            break Ok(found(&own(&m, "result")));
        } else {
            break Err(own(&m, "error").0.as_string().unwrap_or_default());
        }
    };
    let _ = worker.call("terminate", &[]);
    out
}

/// A field of the worker's answer (its own names, not the browser's: tests/js_names.rs).
fn own(o: &Js, k: &str) -> Js {
    Js(Reflect::get(&o.0, &s(k)).unwrap_or(JsValue::UNDEFINED))
}

fn num(o: &Js, k: &str) -> f64 {
    own(o, k).0.as_f64().unwrap_or(f64::NAN)
}

/// Read loosely: a tempo or key that is not one is not claimed.
fn found(r: &Js) -> Found {
    let t = own(r, "tempo");
    let k = own(r, "key");
    Found {
        tempo: (!t.is_nullish())
            .then(|| (num(&t, "bpm"), num(&t, "beat")))
            .filter(|(b, at)| b.is_finite() && *b > 0.0 && at.is_finite()),
        key: (!k.is_nullish())
            .then(|| (num(&k, "tonic"), own(&k, "minor").0.is_truthy()))
            .filter(|(t, _)| (0.0..12.0).contains(t))
            .map(|(t, m)| (t as u8, m)),
    }
}
