//! The quality checker's leaderboards: one dataset at a time, sorted by a stem, filtered by
//! name, paged; a table with the best value per stem marked, and a bar chart of the sorted stem.
//! The dataset, sort, filter and page live in the URL.

use crate::api::models::quality::{QcEntry, DATASET_TYPES};
use crate::components::{loaded_view, screen_head, SdrChart};
use crate::hooks::{load, one_a_frame};
use crate::i18n::{t, tn};
use crate::quality::{best_per_stem, dataset_name, value_for, BoardState, BOARD_PAGE};
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::use_settings;
use leptos::prelude::*;

fn fmt(v: Option<f64>) -> String {
    v.map(|v| crate::i18n::number(v, 2))
        .unwrap_or_else(|| "–".into())
}

/// Where the board's parts end: the first, drawn with the screen, fills a phone's screen; the
/// others come one a frame (`one_a_frame`), then the chart and the pager. All 50 rows in one
/// frame held a phone's main thread for 56-86 ms (4x slower CPU); a part added later lays out
/// only its own rows.
const PARTS: [usize; 4] = [10, 20, 35, usize::MAX];

/// The board's rows as `<tbody>`s, `body(0)` to `body(3)` (`PARTS`). The columns' widths are
/// set (style/main.css, a fixed layout), so a later, longer name never widens a column under the
/// first rows.
fn board_rows(
    rows: Vec<QcEntry>,
    stems: Vec<String>,
    best: Vec<Option<f64>>,
    start: usize,
) -> impl Fn(usize) -> AnyView + Clone + Send + Sync + 'static {
    let shared = std::sync::Arc::new((rows, stems, best));
    move |part| {
        let (rows, stems, best) = &*shared;
        let from = part.checked_sub(1).map_or(0, |p| PARTS[p]);
        view! {
            <tbody>
                {rows.iter().enumerate().take(PARTS[part]).skip(from).map(|(i, e)| view! {
                    <tr>
                        <td>{start + i + 1}</td>
                        <td translate="no"><a href=Route::QcEntry(e.id).href()>{e.algo_name.clone().unwrap_or_else(|| tr!("Entry {id}", id = e.id))}</a></td>
                        // The day is what compares models; the time would wrap the column. (The
                        // day is the first ten characters in any of the service's date forms.)
                        <td>{e.date.as_ref().or(e.created_at.as_ref()).map(|d| d.get(..10).unwrap_or(d)).map(crate::i18n::date)}</td>
                        <td>{if e.ensemble { t("ensemble") } else { t("single") }}</td>
                        {stems.iter().zip(best).map(|(s, b)| {
                            let v = value_for(e, s);
                            let top = v.is_some() && v == *b;
                            view! { <td class="num" class:best=top>{fmt(v)}{top.then(|| view! { <span class="visually-hidden">{t(" (best)")}</span> })}</td> }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        }
        .into_any()
    }
}

#[component]
pub fn LeaderboardPage() -> impl IntoView {
    let settings = use_settings();
    let location = use_location();
    let state = Signal::derive(move || {
        location.query.track();
        BoardState::from_params(|k| location.param(k))
    });
    let board = load(move |cancel| {
        let client = settings.client().cancelled_by(cancel);
        let q = state.get().query();
        async move { client.qc_leaderboard(&q).await }
    });
    let url = |s: &BoardState| format!("{}?{}", Route::Leaderboard.href(), s.to_query());
    let go = move |s: BoardState| location.navigate(&url(&s));
    // The filter is sent a moment after typing stops, and replaces the address (no history spam).
    let typed = RwSignal::new(state.get_untracked().filter);
    let debounce = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    let on_filter = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        typed.set(v.clone());
        if let Some(h) = debounce.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || location.replace(&url(&state.get_untracked().with(|s| s.filter = v))),
            std::time::Duration::from_millis(350),
        );
        debounce.set_value(handle.ok());
    };

    view! {
        <section aria-labelledby="board-title">
            {screen_head(&Route::Leaderboard)}
            <div class="row">
                <label>
                    {t("Dataset")}
                    <select on:change=move |ev| go(state.get_untracked().with(|s| s.dataset = event_target_value(&ev).parse().unwrap_or(1)))>
                        {DATASET_TYPES.iter().map(|(t, name)| {
                            let t = *t;
                            view! { <option value=t.to_string() selected=move || state.get().dataset == t translate="no">{*name}</option> }
                        }).collect_view()}
                        {move || {
                            let d = state.get().dataset;
                            (!DATASET_TYPES.iter().any(|(t, _)| *t == d)).then(|| view! { <option value=d.to_string() selected=true translate="no">{dataset_name(d)}</option> })
                        }}
                    </select>
                </label>
                <label class="grow">
                    {t("Filter by model name")}
                    <input type="search" prop:value=move || typed.get() on:input=on_filter />
                </label>
            </div>
            {loaded_view(board, t("Loading the leaderboard…"), move |b| {
                let st = state.get_untracked();
                let stems = b.sortables.clone();
                let sort = b.sort.clone().or(st.sort.clone()).or_else(|| stems.first().cloned()).unwrap_or_default();
                let best = best_per_stem(&b.data, &stems);
                let empty = b.data.is_empty();
                let start = (st.page - 1) * BOARD_PAGE;
                let more = b.data.len() as u32 >= BOARD_PAGE;
                let chart: Vec<(String, Option<f64>)> = b.data.iter().map(|e| (e.algo_name.clone().unwrap_or_default(), value_for(e, &sort))).collect();
                let total = b.total.map(|t| tn(t.max(0) as u64, "{n} entry", "{n} entries")).unwrap_or_default();
                let sort_stems = stems.clone();
                // The later parts, then the chart with the pager (the last switch).
                let later = one_a_frame::<{ PARTS.len() }>();
                let last = later[PARTS.len() - 1];
                let body = board_rows(b.data, stems.clone(), best, start as usize);
                view! {
                    <div class="row">
                        <label>
                            {t("Sort by")}
                            <select on:change=move |ev| go(state.get_untracked().with(|s| s.sort = Some(event_target_value(&ev)))) >
                                {sort_stems.iter().map(|s| {
                                    let chosen = *s == sort;
                                    view! { <option value=s.clone() selected=chosen translate="no">{format!("SDR {s}")}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <p class="help" role="status">{total}</p>
                    </div>
                    {if empty {
                        view! { <p>{t("No entries match.")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="board ranks" style=("--stems", stems.len().to_string())>
                                    <caption class="visually-hidden">{tr!("{dataset} leaderboard, sorted by SDR {stem}", dataset = dataset_name(st.dataset), stem = sort)}</caption>
                                    <thead><tr>
                                        <th scope="col">"#"</th><th scope="col">{t("Model")}</th><th scope="col">{t("Date")}</th><th scope="col">{t("Kind")}</th>
                                        {stems.iter().map(|s| view! { <th scope="col" class="num">{format!("SDR {s}")}</th> }).collect_view()}
                                    </tr></thead>
                                    {body(0)}
                                    {(1..PARTS.len()).map(|k| {
                                        let body = body.clone();
                                        move || later[k - 1].get().then(|| body(k))
                                    }).collect_view()}
                                </table>
                            </div>
                            // The chart's 200 SVG elements took a phone's frame some 25 ms (4x slower CPU).
                            {move || last.get().then(|| view! { <SdrChart rows=chart.clone() stem=sort.clone() /> }.into_any())}
                        }.into_any()
                    }}
                    // Below the rows and the chart: drawn with the chart, so it never moves down.
                    {move || last.get().then(|| view! {
                        <nav class="pager row" aria-label=t("Pages")>
                            {(st.page > 1).then(|| view! { <a href=url(&BoardState { page: st.page - 1, ..st.clone() })>{t("← Previous")}</a> })}
                            <span aria-current="page">{tr!("Page {page}", page = st.page)}</span>
                            {more.then(|| view! { <a href=url(&BoardState { page: st.page + 1, ..st.clone() })>{t("Next →")}</a> })}
                        </nav>
                    }.into_any())}
                }.into_any()
            })}
        </section>
    }
}
