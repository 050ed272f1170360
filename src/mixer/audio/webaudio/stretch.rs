//! Tempo and key for the whole mix: signalsmith-stretch (MIT, from npm; copied into the build by
//! `scripts/split-dist.sh`) as an AudioWorklet fed live by the mix. The stems play at
//! `playbackRate = tempo`, all together, so they stay sample-locked; this one node on the mix
//! then moves the pitch back (and on by the transpose): `shift(tempo, semitones)`.
//!
//! Its own main-thread wrapper loads the worklet from a `blob:` URL, which the page's policy
//! refuses; the file is the worklet module as it is, and its port speaks `[id, method, ...args]`
//! (answered `[id, value]`, after one `["ready", ...]`).

use crate::browser::js::{n, next_message, s, Js};
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

/// The module's file in the build (its version in the name; split-dist.sh checks it is npm's).
const MODULE: &str = "signalsmith-stretch-1.3.2.js";
const NODE: &str = "signalsmith-stretch";
/// How long the worklet may take to start (it compiles its wasm) before it is given up on.
const START_MS: f64 = 10_000.0;

pub struct Stretch {
    pub node: Js,
    /// Seconds from the mix into the node to the sound out of it.
    pub latency: f64,
}

/// Semitones the node shifts for the mix played at `tempo` (which moved the pitch by
/// 12·log2(tempo)) to sound `transpose` semitones from the recording.
pub fn shift(tempo: f64, transpose: f64) -> f64 {
    transpose - 12.0 * tempo.log2()
}

fn post(port: &Js, items: &[JsValue]) {
    let _ = port.call("postMessage", &[items.iter().collect::<Array>().into()]);
}

/// Calls `method` in the worklet and waits for its answer (passing the `time` notes it sends).
async fn ask(port: &Js, id: f64, method: &str, arg: JsValue) -> Option<JsValue> {
    post(port, &[n(id), s(method), arg]);
    for _ in 0..4 {
        let m = next_message(port, START_MS).await?;
        let m = m.0.dyn_ref::<Array>()?;
        if m.get(0).as_f64() == Some(id) {
            return Some(m.get(1));
        }
    }
    None
}

/// A change of the worklet's schedule: on, `semitones` from now.
fn change(semitones: f64) -> JsValue {
    object(&[("active", JsValue::TRUE), ("semitones", n(semitones))])
}

/// An object of the library's own names (options and messages; not the browser's names, which
/// tests/js_names.rs lists).
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &s(k), v);
    }
    o.into()
}

impl Stretch {
    /// The node in `ctx` (a live or an offline context), started, shifting nothing yet.
    pub async fn load(ctx: &Js) -> Option<Self> {
        ctx.get("audioWorklet")
            .call("addModule", &[s(MODULE)])
            .ok()?
            .wait()
            .await
            .ok()?;
        let opts = object(&[
            ("numberOfInputs", n(1.0)),
            ("numberOfOutputs", n(1.0)),
            ("outputChannelCount", Array::of1(&n(2.0)).into()),
        ]);
        let node = Js::new("AudioWorkletNode", &[ctx.0.clone(), s(NODE), opts]).ok()?;
        let port = node.get("port");
        let ready = next_message(&port, START_MS).await?;
        if ready.0.dyn_ref::<Array>()?.get(0).as_string()? != "ready" {
            return None;
        }
        let latency = ask(&port, 0.0, "latency", JsValue::UNDEFINED)
            .await?
            .as_f64()?;
        let me = Self { node, latency };
        me.shift(0.0);
        Some(me)
    }

    /// `shift`, known to be in place before anything more is sent (for a render about to start).
    pub async fn settle(&self, semitones: f64) -> Option<()> {
        ask(&self.node.get("port"), 2.0, "schedule", change(semitones))
            .await
            .map(|_| ())
    }

    /// Shifts the sound going through by `semitones` from now on.
    pub fn shift(&self, semitones: f64) {
        post(
            &self.node.get("port"),
            &[n(1.0), s("schedule"), change(semitones)],
        );
    }
}
