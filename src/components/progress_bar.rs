use leptos::prelude::*;

/// A labelled progress bar (a native `<progress>`, read by screen readers).
#[component]
pub fn ProgressBar(
    /// 0.0 to 1.0; None shows an indeterminate bar.
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// What is progressing, e.g. "Upload of song.mp3".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <progress
            class="bar"
            aria-label=label
            max="1"
            value=move || value.get().map(|v| crate::results::files::fixed(v, 4))
        ></progress>
    }
}
