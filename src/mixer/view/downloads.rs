//! "Download this mix" (a WAV of what is heard, the loop region if one is on) and "Download
//! all" (one ZIP of the stems, from the files already fetched, or fetched for it).

use super::desk::{Desk, DeskState};
use crate::browser::fetch;
use crate::i18n::{k, t};
use crate::mixer::audio::export;
use crate::mixer::audio::Player;
use crate::mixer::model::rules::fixed;
use crate::results::files::stem_of;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

pub const NO_EXPORT: &str = k("These files come from a site that does not let this page read them (no CORS), so the mix plays here but cannot be rendered to a file or zipped; download the stems one by one, or point Settings at a proxy on this site.");

#[component]
pub fn Downloads(
    desk: Desk,
    /// The song's file name, for naming the files.
    #[prop(into)]
    song: String,
) -> impl IntoView {
    let d = desk;
    let busy = RwSignal::new(String::new());
    let song = StoredValue::new(stem_of(&song).to_string());
    let export_mix = move |_| {
        let Some(((tracks, map), ctx, rate)) = d.player.with_value(|p| match p {
            Some(Player::Web(w)) => Some((w.heard(), w.context().clone(), w.sample_rate())),
            _ => None,
        }) else {
            return;
        };
        let mix = d.mix.get_untracked();
        let region = d.range.get_untracked().active();
        let span = region.unwrap_or((0.0, d.duration.get_untracked()));
        let shift = (d.rate.get_untracked(), d.key.get_untracked());
        let name = format!(
            "{}_mix{}{}.wav",
            song.get_value(),
            region.map_or(String::new(), |(a, b)| format!(
                "_{}-{}s",
                fixed(a, 1),
                fixed(b, 1)
            )),
            shifted_name(shift)
        );
        busy.set(t("Rendering the mix…").into());
        spawn_local(async move {
            match export::mix_wav(&ctx, &tracks, &map, rate, &mix, span, shift).await {
                Ok(blob) => {
                    export::save(&blob, &name);
                    busy.try_set(tr!("Saved {name}.", name = name));
                }
                Err(e) => {
                    busy.try_set(e);
                }
            }
        });
    };
    let zip = move |_| {
        let stems = d.stems.get_value();
        let have = d.blobs.with_value(|b| b.clone());
        let name = format!("{}_stems.zip", song.get_value());
        spawn_local(async move {
            let mut files = Vec::with_capacity(stems.len());
            for (i, s) in stems.iter().enumerate() {
                let blob = match have.get(i) {
                    Some(b) => b.clone(),
                    None => {
                        busy.try_set(tr!("Fetching {k} of {n}…", k = i + 1, n = stems.len()));
                        match fetch::blob(&s.url).await {
                            Ok(b) => b,
                            Err(_) => {
                                one_by_one(&stems);
                                busy.try_set(tr!(
                                    "{why} Downloading them one by one instead.",
                                    why = t(NO_EXPORT)
                                ));
                                return;
                            }
                        }
                    }
                };
                files.push((s.name.clone(), blob));
            }
            let progress = move |k: usize, n: usize| {
                busy.try_set(tr!("Zipping {k} of {n}…", k = k, n = n));
            };
            match export::zip_all(&files, progress).await {
                Ok(blob) => {
                    export::save(&blob, &name);
                    busy.try_set(tr!("Saved {name}.", name = name));
                }
                Err(e) => {
                    busy.try_set(e);
                }
            }
        });
    };
    view! {
        <div class="row">
            <button type="button" on:click=export_mix
                disabled=move || !matches!(d.phase.get(), DeskState::Ready { media: false })>{t("Download this mix")}</button>
            <button type="button" class="secondary" on:click=zip>{t("Download all (ZIP)")}</button>
        </div>
        {move || d.is_media().then(|| view! { <p class="help">{NO_EXPORT}</p> })}
        <p class="help" role="status">{move || busy.get()}</p>
    }
}

/// What a mix at another tempo or key adds to its file's name ("_0.80x_+2st").
fn shifted_name((tempo, key): (f64, f64)) -> String {
    let mut s = String::new();
    if tempo != 1.0 {
        s += &format!("_{}x", fixed(tempo, 2));
    }
    if key != 0.0 {
        s += &format!("_{}{}st", if key > 0.0 { "+" } else { "" }, fixed(key, 0));
    }
    s
}

/// The browser's own downloads, a moment apart so it lets them all through.
fn one_by_one(stems: &[super::desk::Stem]) {
    let doc = web_sys::window().and_then(|w| w.document());
    for (i, s) in stems.iter().enumerate() {
        let (url, name, doc) = (s.url.clone(), s.name.clone(), doc.clone());
        set_timeout(
            move || {
                if let Some(a) = doc.and_then(|d| d.create_element("a").ok()) {
                    let _ = a.set_attribute("href", &url);
                    let _ = a.set_attribute("download", &name);
                    a.unchecked_into::<web_sys::HtmlElement>().click();
                }
            },
            std::time::Duration::from_millis(400 * i as u64),
        );
    }
}
