use crate::api::models::{Algorithm, Audience, Input};
use crate::catalog::list::{grouped, Purpose, SortBy};
use crate::hooks::after_frame;
use crate::i18n::{number, t, tn};
use leptos::prelude::*;
use std::sync::Arc;

/// What the model takes, where it is not a song.
fn input_badge(a: &Algorithm) -> Option<&'static str> {
    match a.input() {
        Input::Prompt => Some(t("No song: from its options")),
        Input::Pair => Some(t("Two songs: target and reference")),
        Input::Song => None,
    }
}

fn badge(a: &Algorithm) -> Option<(&'static str, &'static str)> {
    match a.audience() {
        Audience::Premium => Some(("premium", t("Premium"))),
        Audience::Registered => Some(("registered", t("Registered users"))),
        Audience::Everyone => None,
    }
}

/// Models drawn in one frame, about: two groups at a time (some 12 models) took up to 70 ms of a
/// phone's frame (4x slower CPU).
const MODELS_A_FRAME: usize = 6;

/// Where the next frame's drawing stops: whole groups (of 1 to 20 models), at least one.
fn next_cut(groups: &[(String, Vec<Algorithm>)], from: usize) -> usize {
    let (mut to, mut models) = (from, 0);
    while to < groups.len() && (to == from || models + groups[to].1.len() <= MODELS_A_FRAME) {
        models += groups[to].1.len();
        to += 1;
    }
    to
}

/// A searchable, sortable, grouped list of the active algorithms, as radio buttons
/// (arrow keys move within the list).
#[component]
pub fn AlgorithmPicker(
    /// The list from the service.
    #[prop(into)]
    algorithms: Signal<Arc<Vec<Algorithm>>>,
    /// The chosen algorithm's id.
    selected: RwSignal<Option<i64>>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Service);
    let task = RwSignal::new(None::<Purpose>);
    let groups = Memo::new_with_compare(
        move |_| {
            algorithms.with(|list| {
                grouped(list, &query.get(), sort.get(), task.get())
                    .into_iter()
                    .map(|(g, v)| (g, v.into_iter().cloned().collect::<Vec<_>>()))
                    .collect::<Vec<_>>()
            })
        },
        |a, b| {
            let shown = |g: &Vec<(String, Vec<Algorithm>)>| {
                g.iter()
                    .map(|(n, v)| {
                        (
                            n.clone(),
                            v.iter().map(Algorithm::shown).collect::<Vec<_>>(),
                        )
                    })
                    .collect::<Vec<_>>()
            };
            a.map(shown) != b.map(shown)
        },
    );
    let count = move || groups.with(|g| g.iter().map(|(_, v)| v.len()).sum::<usize>());
    // The whole list is some 120 models in 20 groups, about 800 elements: drawn a few models a
    // frame (whole groups), so that no one task holds a phone's main thread for long; the box
    // shows the first group at once (Separate draws the box in a frame of its own). A new search,
    // kind or order starts again from the first group: a search cleared after a narrow one
    // would otherwise draw the whole list in the keystroke's task (85 ms at 4x CPU).
    let drawn = RwSignal::new(1);
    Effect::new(move || {
        let (from, to) = (drawn.get(), groups.with(|g| next_cut(g, drawn.get())));
        if to > from {
            // Only from where it was: a search begun meanwhile started again from the first.
            after_frame(move || {
                _ = drawn.try_update(|n| {
                    if *n == from {
                        *n = to
                    }
                })
            });
        }
    });
    view! {
        <div class="picker">
            <div class="row">
                <label class="grow">
                    {t("Search models")}
                    <input
                        type="search"
                        placeholder=t("name, description or stem (e.g. drums)")
                        // Not bind:value: its machinery weighs about 2 kB of the first visit.
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            drawn.set(1);
                            query.set(event_target_value(&ev));
                        }
                    />
                </label>
                <label>
                    {t("What it does")}
                    // The value is the kind's place in `Purpose::ALL` (one digit), or empty for all.
                    <select on:change=move |ev| { drawn.set(1); task.set(event_target_value(&ev).bytes().next().and_then(|d| Purpose::ALL.get(d.wrapping_sub(b'0') as usize).copied())) }>
                        <option value="">{t("Everything")}</option>
                        {Purpose::ALL.iter().enumerate().map(|(i, k)| view! { <option value=i.to_string()>{k.label()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    {t("Sort by")}
                    <select on:change=move |ev| { drawn.set(1); sort.set(SortBy::from_key(&event_target_value(&ev))) }>
                        <option value="service">{t("Service order")}</option>
                        <option value="usage">{t("Usage")}</option>
                        <option value="rating">{t("Rating")}</option>
                    </select>
                </label>
            </div>
            <p class="help" role="status">{move || tn(count() as u64, "{n} model", "{n} models")}</p>
            <fieldset class="models">
                <legend class="visually-hidden">{t("Model")}</legend>
                // The groups are put in a box of their own: Chromium lays out a fieldset's whole
                // content again when a child is added to it, which made each frame's drawing
                // (below) cost as much as the list so far; inside a div, only what was added.
                <div>
                    <For
                        // Keys only (a group's name and models): each frame draws a few more groups, and
                        // a group's models are cloned once, when it is drawn.
                        each=move || groups.with(|g| g.iter().take(drawn.get()).map(|(n, v)| (n.clone(), v.iter().map(|a| a.id).collect::<Vec<_>>())).collect::<Vec<_>>())
                        key=|k| k.clone()
                        let:shown
                    >
                        {let group = groups.with_untracked(|g| g.iter().find(|(n, _)| *n == shown.0).cloned()).unwrap_or_default();
                        // Named by its heading: the service's words, not translated.
                        {let (gid, hid) = (group_id(&group.1), group_id(&group.1));
                        view! {
                        <div class="group" role="group" aria-labelledby=gid>
                            <h3 id=hid translate="no">{group.0.clone()}</h3>
                            {group
                                .1
                                .into_iter()
                                .map(|a| {
                                    let id = a.id;
                                    let stems = a.stem_labels().join(", ");
                                    let rating = a.rating.as_ref().and_then(|r| r.average).map(|r| format!("★ {}", number(r, 1)));
                                    let usage = a.usage.map(|u| tn(u.max(0) as u64, "{n} use", "{n} uses"));
                                    let price = a.price_coefficient.filter(|p| *p != 1.0).map(|p| tr!("×{p} credits", p = short(p)));
                                    let facts = [rating, usage, price].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                                    view! {
                                        <label class="model" class:chosen=move || selected.get() == Some(id)>
                                            <input
                                                type="radio"
                                                name="model"
                                                value=id.to_string()
                                                prop:checked=move || selected.get() == Some(id)
                                                on:change=move |_| selected.set(Some(id))
                                            />
                                            <span class="name" translate="no">{a.name.clone()}</span>
                                            {badge(&a).map(|(c, t)| view! { <span class=format!("badge {c}")>{t}</span> })}
                                            {input_badge(&a).map(|t| view! { <span class="badge kind">{t}</span> })}
                                            <span class="facts">{facts}</span>
                                            {(!stems.is_empty()).then(|| view! { <span class="stems">{t("Stems:")}" "<span translate="no">{stems}</span></span> })}
                                        </label>
                                    }
                                })
                                .collect_view()}
                        </div>
                        }}}
                    </For>
                </div>
            </fieldset>
        </div>
    }
}

/// A price factor as short as it is: 1.5, 2, 0.25 (in the language's digits).
fn short(p: f64) -> String {
    let s = number(p, 2);
    match s.find(['.', ',']) {
        Some(_) => s
            .trim_end_matches('0')
            .trim_end_matches(['.', ','])
            .to_string(),
        None => s,
    }
}

/// A group heading's id, from its first model's (a model is in one group).
fn group_id(models: &[Algorithm]) -> String {
    format!("group-{}", models.first().map_or(0, |a| a.id))
}
