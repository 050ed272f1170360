use crate::quality::bars;
use leptos::prelude::*;

/// The caption's line above the bars, about (style/main.css: 1.5 line height).
const CAPTION_PX: usize = 24;

/// Horizontal bars of one stem's SDR for the rows on screen, drawn as SVG from the data. The
/// numbers are in the table too; the chart is labelled as a summary for screen readers.
#[component]
pub fn SdrChart(
    /// (name, value) in table order.
    rows: Vec<(String, Option<f64>)>,
    /// The stem shown.
    #[prop(into)]
    stem: String,
) -> impl IntoView {
    let lengths = bars(&rows.iter().map(|(_, v)| *v).collect::<Vec<_>>());
    let h = 18;
    let height = (rows.len() * h).max(h);
    let label = tr!(
        "Bar chart of SDR {stem} for the {n} models on this page; the values are in the table.",
        stem = stem,
        n = rows.len()
    );
    view! {
        // Laid out and painted only once near the screen (style/main.css): below the table, on a
        // phone it is far out of view, and it was a third of the frame that drew the board (some
        // 95 ms at 4x CPU). Its height is known, so nothing moves when it is drawn.
        <figure class="chart" style:contain-intrinsic-block-size=format!("auto {}px", height + CAPTION_PX)>
            <figcaption>{tr!("SDR {stem}, this page", stem = stem)}</figcaption>
            <svg role="img" aria-label=label viewBox=format!("0 0 600 {height}") width="100%" preserveAspectRatio="none"
                height=height>
                {rows.into_iter().zip(lengths).enumerate().map(|(i, ((name, v), len))| {
                    let y = i * h;
                    view! {
                        <g>
                            <rect x="220" y=y + 3 height=h - 6 width=crate::i18n::fixed(len * 330.0, 1) class="bar-fill"></rect>
                            <text x="214" y=y + 13 text-anchor="end" class="bar-label" translate="no">{clip(&name)}</text>
                            <text x=crate::i18n::fixed(226.0 + len * 330.0, 1) y=y + 13 class="bar-value">
                                {v.map(|v| crate::i18n::number(v, 2)).unwrap_or_else(|| "–".into())}
                            </text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

/// A model's name as its bar's label has room for it: 32 characters, the last an ellipsis where
/// it is cut (the table above has the whole name).
fn clip(name: &str) -> String {
    match name.char_indices().nth(31) {
        Some((at, _)) if name.chars().count() > 32 => format!("{}…", &name[..at]),
        _ => name.to_string(),
    }
}
