//! Untyped calls into the browser, by name: the mixer's audio, the connection check's requests.
//! Every typed web-sys binding adds an import (its name and a JS shim) to the main module, which
//! the first visit downloads even when only a chunk calls it: the mixer's ~70 bindings cost 4 kB
//! there. These go through Reflect and Function instead.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A browser object the mixer talks to by name.
#[derive(Clone, Debug)]
pub struct Js(pub JsValue);

pub type JsResult = Result<Js, JsValue>;

impl Js {
    /// A global by name (`AudioContext`, `window`...).
    pub fn global(name: &str) -> Js {
        Js(js_sys::global().into()).get(name)
    }

    pub fn get(&self, key: &str) -> Js {
        Js(Reflect::get(&self.0, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED))
    }

    pub fn num(&self, key: &str) -> f64 {
        self.get(key).0.as_f64().unwrap_or(f64::NAN)
    }

    pub fn flag(&self, key: &str) -> bool {
        self.get(key).0.is_truthy()
    }

    pub fn text(&self, key: &str) -> String {
        self.get(key).0.as_string().unwrap_or_default()
    }

    pub fn set(&self, key: &str, value: impl Into<JsValue>) {
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
    }

    /// `this.method(...args)`.
    pub fn call(&self, method: &str, args: &[JsValue]) -> JsResult {
        let f: Function = self.get(method).0.dyn_into()?;
        let out = match args {
            [] => f.call0(&self.0),
            [a] => f.call1(&self.0, a),
            [a, b] => f.call2(&self.0, a, b),
            [a, b, c] => f.call3(&self.0, a, b, c),
            _ => f.apply(&self.0, &args.iter().collect::<Array>()),
        };
        out.map(Js)
    }

    /// `new Ctor(...args)` for a global constructor.
    pub fn new(ctor: &str, args: &[JsValue]) -> JsResult {
        let c: Function = Js::global(ctor).0.dyn_into()?;
        Reflect::construct(&c, &args.iter().collect::<Array>()).map(Js)
    }

    /// Awaits this value as a promise.
    pub async fn wait(self) -> JsResult {
        JsFuture::from(Promise::resolve(&self.0)).await.map(Js)
    }

    pub fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }
}

pub fn n(v: f64) -> JsValue {
    JsValue::from_f64(v)
}

pub fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// `samples.len()` values of a Float32Array (a channel's data) from `start`, into `out`.
pub fn copy_floats(array: &Js, start: u32, out: &mut [f32]) {
    let a: js_sys::Float32Array = array.0.clone().unchecked_into();
    a.subarray(start, start + out.len() as u32).copy_to(out);
}

/// Yields to the browser once (a zero-delay timer), so long work lets the page breathe.
pub async fn yield_now() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = Js::global("window").call("setTimeout", &[resolve.into(), 0.into()]);
    });
    let _ = JsFuture::from(p).await;
}

/// The data of the next message `port` (a MessagePort or a Worker) receives, or `None` after `ms`.
pub async fn next_message(port: &Js, ms: f64) -> Option<Js> {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        port.set("onmessage", resolve.clone());
        let _ = Js::global("window").call("setTimeout", &[resolve.into(), n(ms)]);
    });
    let got = Js(JsFuture::from(p).await.ok()?);
    (!got.is_nullish()).then(|| got.get("data"))
}
