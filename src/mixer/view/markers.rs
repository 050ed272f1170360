//! Named markers in the song: added at the playhead (a button or M), jumped between (, and .),
//! renamed or removed in a list under the ruler; kept per result (`mixer::saved`).

use super::desk::Desk;
use crate::i18n::t;
use crate::mixer::model::rules::clock;
use crate::mixer::model::timeline;
use leptos::prelude::*;

impl Desk {
    /// A marker at the playhead, named in turn.
    pub fn add_marker(&self) {
        let at = self.pos.get_untracked();
        let name = tr!(
            "Marker {n}",
            n = self.lanes.markers.with_untracked(Vec::len) + 1
        );
        self.said
            .set(tr!("{name} at {at}", name = name.clone(), at = clock(at)));
        self.lanes.markers.update(|m| {
            timeline::add_marker(m, at, name);
        });
    }

    /// To the next marker (`forward`) or the one before.
    pub fn jump_marker(&self, forward: bool) {
        let pos = self.pos.get_untracked();
        let to = self.lanes.markers.with_untracked(|m| {
            timeline::next_marker(m, pos, forward).map(|m| (m.at, m.name.clone()))
        });
        match to {
            Some((at, name)) => {
                self.seek(at);
                self.said.set(name);
            }
            None => self.said.set(t("No marker there").into()),
        }
    }
}

/// The markers as a list: each jumps there, can be renamed, or removed.
#[component]
pub fn Markers(desk: Desk) -> impl IntoView {
    let d = desk;
    let l = d.lanes;
    move || {
        let marks = l.markers.get();
        (!marks.is_empty()).then(|| {
            view! {
                <ul class="markers">
                    {marks.into_iter().enumerate().map(|(i, m)| {
                        let (name, name2, name3) = (m.name.clone(), m.name.clone(), m.name.clone());
                        view! {
                            <li>
                                <button type="button" class="secondary" on:click=move |_| d.seek(m.at)>{format!("{} · {}", name, clock(m.at))}</button>
                                <input type="text" prop:value=name2 aria-label=tr!("Name of {name}", name = name3.clone())
                                    on:change=move |ev| { let v = event_target_value(&ev); l.markers.update(|ms| if let Some(x) = ms.get_mut(i) { x.name = v; }); } />
                                <button type="button" class="secondary" aria-label=tr!("Remove {name}", name = name3)
                                    on:click=move |_| l.markers.update(|ms| { if i < ms.len() { ms.remove(i); } })>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
