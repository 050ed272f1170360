//! The lanes' shared time axis: one ruler over the waveforms (times, the song's beats, the loop,
//! the markers, the playhead), zoom up to 50 px a second with an overview strip to move about, a
//! loop dragged out on the ruler, and named markers to jump between. The ruler and the strip are
//! for the pointer; everything on them has a key or a button too.

use super::desk::Desk;
use crate::browser::js::Js;
use crate::i18n::t;
use crate::mixer::model::rules::{clock, fixed};
use crate::mixer::model::timeline::{self, Marker};
use crate::mixer::saved;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;

/// How far one press zooms.
const STEP: f64 = 2.0;
/// A drag on the ruler shorter than this (seconds) is a click: the playhead goes there.
const CLICK: f64 = 0.1;

#[derive(Clone, Copy)]
pub struct Lanes {
    /// 1: the whole song in view.
    pub factor: RwSignal<f64>,
    pub start: RwSignal<f64>,
    pub markers: RwSignal<Vec<Marker>>,
    ruler: NodeRef<Div>,
    /// A loop being dragged out on the ruler: where it began and where it is.
    drag: RwSignal<Option<(f64, f64)>>,
}

impl Lanes {
    /// `of`: the result, for its markers kept from an earlier visit.
    pub fn new(of: &str) -> Self {
        Self {
            factor: RwSignal::new(1.0),
            start: RwSignal::new(0.0),
            markers: RwSignal::new(saved::markers(of)),
            ruler: NodeRef::new(),
            drag: RwSignal::new(None),
        }
    }
}

impl Desk {
    /// The seconds in view (tracked).
    pub fn window(&self) -> (f64, f64) {
        timeline::window(
            self.duration.get(),
            self.lanes.factor.get(),
            self.lanes.start.get(),
        )
    }

    fn window_now(&self) -> (f64, f64) {
        untrack(|| self.window())
    }

    /// Zooms in (`by` > 1) or out around the playhead (or the middle when it is out of view);
    /// `None`: the whole song.
    pub fn zoom(&self, by: Option<f64>) {
        let l = self.lanes;
        let width = l
            .ruler
            .get_untracked()
            .map_or(600.0, |r| Js(r.into()).num("clientWidth"));
        let dur = self.duration.get_untracked();
        let most = timeline::max_factor(dur, width);
        let f = by.map_or(1.0, |b| (l.factor.get_untracked() * b).clamp(1.0, most));
        let w = self.window_now();
        let pos = self.pos.get_untracked();
        let anchor = if (w.0..=w.1).contains(&pos) {
            pos
        } else {
            (w.0 + w.1) / 2.0
        };
        l.start.set(timeline::zoom_start(dur, f, anchor, w));
        l.factor.set(f);
        self.said.set(tr!("Zoom {x}×", x = fixed(f, 1)));
    }
}

/// Where a pointer is across the element it was heard on, and that element's width (from the
/// pointer's place on the page: `offsetX` would be from whatever child is under it).
pub(super) fn across(ev: &Js) -> (f64, f64) {
    let rect = ev
        .get("currentTarget")
        .call("getBoundingClientRect", &[])
        .unwrap_or(Js(wasm_bindgen::JsValue::UNDEFINED));
    (ev.num("clientX") - rect.num("left"), rect.num("width"))
}

/// Ctrl+wheel (and a trackpad's pinch, which browsers send as one) over `lanes` zooms. Leptos
/// listens for wheels on the window, where the browser makes them passive: a listener of its
/// own, not passive, so the page itself does not zoom.
pub fn wheel_zoom(d: Desk, lanes: NodeRef<leptos::html::Ul>) {
    Effect::new(move |_| {
        let Some(el) = lanes.get() else {
            return;
        };
        let el = Js(el.into());
        let wheel =
            Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(move |ev: wasm_bindgen::JsValue| {
                let e = Js(ev);
                if !e.flag("ctrlKey") {
                    return;
                }
                let _ = e.call("preventDefault", &[]);
                d.zoom(Some(if e.num("deltaY") < 0.0 { 1.25 } else { 0.8 }));
            });
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"passive".into(), &false.into());
        let f: wasm_bindgen::JsValue = wheel.as_ref().clone();
        let _ = el.call(
            "addEventListener",
            &["wheel".into(), f.clone(), opts.into()],
        );
        // Held until the mixer goes, then taken off.
        let held = StoredValue::new_local(Some((el, f, wheel)));
        on_cleanup(move || {
            held.update_value(|h| {
                if let Some((el, f, _wheel)) = h.take() {
                    let _ = el.call("removeEventListener", &["wheel".into(), f]);
                }
            });
        });
    });
}

/// The time under a pointer event on the ruler.
fn time_of(d: Desk, ev: &leptos::ev::PointerEvent) -> f64 {
    let (x, w) = across(&Js(ev.clone().into()));
    timeline::time_at(x, w, d.window_now())
}

#[component]
pub fn Ruler(desk: Desk) -> impl IntoView {
    let d = desk;
    let l = d.lanes;
    let at = move |t: f64| format!("{}%", fixed(timeline::pct(t, d.window()), 3));
    // Markers outlast a reload: kept whenever they change.
    let of = d
        .stems
        .with_value(|s| s.first().map(|s| s.url.clone()).unwrap_or_default());
    Effect::new(move |seen: Option<()>| {
        let marks = l.markers.get();
        if seen.is_some() {
            saved::keep_markers(&of, &marks);
        }
    });
    // Paging on with the playhead when zoomed in.
    Effect::new(move |_| {
        let p = d.pos.get();
        if l.factor.get_untracked() > 1.0 && l.drag.get_untracked().is_none() {
            if let Some(s) = timeline::follow(p, d.window_now()) {
                l.start.set(s);
            }
        }
    });
    let ticks = move || {
        let (v0, v1) = d.window();
        let step = timeline::tick_step(v1 - v0, 8.0);
        let first = (v0 / step).ceil() as i64;
        (first..)
            .map(move |k| k as f64 * step)
            .take_while(move |t| *t <= v1)
            .map(|t| view! { <span class="tick" style:left=at(t)>{clock(t)}</span> })
            .collect_view()
    };
    let beats = move || {
        let (v0, v1) = d.window();
        let grid = d.beat.clicks.get().grid?;
        // Beats drawn only where there is room for them.
        ((v1 - v0) / grid.period() <= 160.0).then(|| {
            grid.beats(v0, v1)
                .into_iter()
                .map(|(t, bar)| view! { <span class="beat" class:bar=bar style:left=at(t)></span> })
                .collect_view()
        })
    };
    let down = move |ev: leptos::ev::PointerEvent| {
        let t = time_of(d, &ev);
        let _ = Js(ev.clone().into())
            .get("currentTarget")
            .call("setPointerCapture", &[ev.pointer_id().into()]);
        l.drag.set(Some((t, t)));
    };
    let moved = move |ev: leptos::ev::PointerEvent| {
        if let Some((a, _)) = l.drag.get_untracked() {
            l.drag.set(Some((a, time_of(d, &ev))));
        }
    };
    let up = move |_| {
        let Some((a, b)) = l.drag.get_untracked() else {
            return;
        };
        l.drag.set(None);
        if (b - a).abs() < CLICK {
            d.seek(a);
            return;
        }
        let (a, b) = (a.min(b), a.max(b));
        let snap = |t: f64| match d.beat.clicks.get_untracked().grid {
            Some(g) if d.beat.snap.get_untracked() => g.snap(t),
            _ => t,
        };
        d.set_loop(|r| {
            r.set_a(snap(a));
            r.set_b(snap(b));
        });
    };
    let band = move || {
        let (a, b) = match l.drag.get() {
            Some((a, b)) => (a.min(b), a.max(b)),
            None => d.range.get().region()?,
        };
        Some(view! {
            <div class="loop-band" class:off=move || l.drag.get().is_none() && !d.range.get().on
                style:left=at(a) style:width=format!("{}%", fixed(timeline::pct(b, d.window()) - timeline::pct(a, d.window()), 3))></div>
        })
    };
    let whole = move |t: f64| {
        format!(
            "{}%",
            fixed(timeline::pct(t, (0.0, d.duration.get().max(0.001))), 3)
        )
    };
    let overview = move |ev: leptos::ev::MouseEvent| {
        let (x, w) = across(&Js(ev.into()));
        let t = timeline::time_at(x, w, (0.0, d.duration.get_untracked()));
        let (v0, v1) = d.window_now();
        l.start.set(t - (v1 - v0) / 2.0);
    };
    view! {
        <div class="lane-axis">
            <div class="row lane-tools">
                <button type="button" class="secondary" on:click=move |_| d.zoom(Some(STEP))>{t("Zoom in")}</button>
                <button type="button" class="secondary" on:click=move |_| d.zoom(Some(1.0 / STEP))
                    disabled=move || l.factor.get() <= 1.0>{t("Zoom out")}</button>
                <button type="button" class="secondary" on:click=move |_| d.zoom(None)
                    disabled=move || l.factor.get() <= 1.0>{t("Whole song")}</button>
                <button type="button" class="secondary" on:click=move |_| d.add_marker()>{t("Add marker")}</button>
            </div>
            <div class="lane-time" aria-hidden="true">
                <div class="ruler" node_ref=l.ruler on:pointerdown=down on:pointermove=moved on:pointerup=up>
                    {ticks}{beats}{band}
                    {move || l.markers.get().into_iter().map(|m| view! {
                        <span class="mark" style:left=at(m.at)>{m.name}</span>
                    }).collect_view()}
                    <div class="playhead" style:left=move || at(d.pos.get())></div>
                </div>
                <div class="overview" hidden=move || l.factor.get() <= 1.0 on:click=overview>
                    <div class="view" style:left=move || whole(d.window().0)
                        style:width=move || { let (v0, v1) = d.window(); format!("{}%", fixed(timeline::pct(v1, (0.0, d.duration.get().max(0.001))) - timeline::pct(v0, (0.0, d.duration.get().max(0.001))), 3)) }></div>
                    <div class="playhead" style:left=move || whole(d.pos.get())></div>
                </div>
            </div>
            <super::markers::Markers desk=d />
        </div>
    }
}
