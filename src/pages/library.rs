//! Library: the results kept on this device (`library/`), with their sizes and the room the
//! browser gives this site; play one (its job page, from the kept files), export it as a ZIP,
//! remove one or all; ask the browser to keep them for good.

use crate::browser::now_ms;
use crate::components::screen_head;
use crate::i18n::{t, tn};
use crate::library::files::{self, estimate, persist, whole};
use crate::library::list::{self, Kept};
use crate::mixer::audio::export::{save, zip_all};
use crate::results::files::{human_bytes, result_name};
use crate::routing::route::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A kept result and whether all its files are still there.
#[derive(Clone)]
struct Shelf {
    kept: Kept,
    whole: bool,
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let shelves = RwSignal::new(None::<(Vec<Shelf>, usize)>);
    let room = RwSignal::new(None::<(f64, f64)>);
    let lasting = RwSignal::new(None::<bool>);
    let said = RwSignal::new(None::<String>);
    let look = move || {
        spawn_local(async move {
            let (kept, unreadable) = list::read();
            let mut out = Vec::with_capacity(kept.len());
            for k in kept {
                let whole = whole(&k.hash, k.bytes.len()).await;
                out.push(Shelf { kept: k, whole });
            }
            shelves.try_set(Some((out, unreadable)));
            room.try_set(estimate().await);
            lasting.try_set(Some(persist(false).await));
        });
    };
    look();
    let remove = move |hash: String| {
        spawn_local(async move {
            files::remove(&hash).await;
            list::remove(Some(&hash));
            look();
        });
    };
    let remove_all = move |_| {
        spawn_local(async move {
            files::remove_all().await;
            list::remove(None);
            look();
        });
    };
    let ask = move |_| {
        spawn_local(async move {
            let granted = persist(true).await;
            lasting.set(Some(granted));
            said.set(Some(if granted {
                t("The browser will keep these until you remove them.").into()
            } else {
                t("The browser refused: it may still clear these when the device runs short of space.").into()
            }));
        });
    };
    view! {
        <section aria-labelledby="library-title">
            {screen_head(&Route::Library)}
            <p>{move || room.get().map(|(used, quota)| tr!("This site uses {used} of the {quota} the browser gives it.", used = human_bytes(used), quota = human_bytes(quota)))}</p>
            <div class="row">
                {move || match lasting.get() {
                    Some(true) => view! { <p class="help">{t("The browser keeps these until you remove them.")}</p> }.into_any(),
                    Some(false) => view! {
                        <p class="help">{t("The browser may clear these when the device runs short of space.")}</p>
                        <button type="button" class="secondary" on:click=ask>{t("Ask the browser to keep them")}</button>
                    }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            {move || said.get().map(|s| view! { <p role="status">{s}</p> })}
            {move || match shelves.get() {
                None => view! { <crate::components::Loading text=t("Reading the library…") /> }.into_any(),
                Some((list, unreadable)) => view! {
                    {(unreadable > 0).then(|| view! { <p class="error">{tn(unreadable as u64, "{n} entry of the library could not be read.", "{n} entries of the library could not be read.")}</p> })}
                    {if list.is_empty() {
                        view! { <p>{t("Nothing is kept yet.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="library">
                                {list.into_iter().map(|s| shelf(s, remove)).collect_view()}
                            </ul>
                            <button type="button" class="secondary" on:click=remove_all>{t("Remove everything kept")}</button>
                        }.into_any()
                    }}
                }.into_any(),
            }}
        </section>
    }
}

/// One kept result: its name (a link to play it), model, size and date; export and remove.
fn shelf(s: Shelf, remove: impl Fn(String) + Copy + 'static) -> impl IntoView {
    let name = s.kept.file_name.clone();
    let hash = s.kept.hash.clone();
    let zipping = RwSignal::new(None::<String>);
    let export = {
        let k = s.kept.clone();
        move |_| {
            let k = k.clone();
            zipping.set(Some(t("Making the ZIP…").into()));
            spawn_local(async move {
                let mut parts = Vec::new();
                for (i, f) in k.files().iter().enumerate() {
                    match files::blob(&k.hash, i).await {
                        Some(b) => parts.push((
                            result_name(
                                &k.file_name,
                                &f.stem,
                                f.download.as_deref(),
                                &f.url,
                                k.long_names,
                            ),
                            b,
                        )),
                        None => {
                            zipping.set(Some(t("A kept file could not be read back.").into()));
                            return;
                        }
                    }
                }
                match zip_all(&parts, |_, _| {}).await {
                    Ok(zip) => {
                        save(&zip, &format!("{}.zip", k.file_name));
                        zipping.set(None);
                    }
                    Err(e) => zipping.set(Some(e)),
                }
            });
        }
    };
    let model = s.kept.model();
    let days = ((now_ms() - s.kept.kept_ms) / 86_400_000.0)
        .floor()
        .max(0.0) as u64;
    view! {
        <li class="shelf">
            <a href=Route::Job(hash.clone()).href() translate="no">{name.clone()}</a>
            <span class="help" translate="no">{model}</span>
            <span class="help">{human_bytes(s.kept.total_bytes())}</span>
            <span class="help">{if days == 0 { t("kept today").into() } else { tn(days, "kept {n} day ago", "kept {n} days ago") }}</span>
            {(!s.whole).then(|| view! { <span class="error-inline">{t("Damaged: some of its files are gone from this device.")}</span> })}
            {s.whole.then(|| view! { <button type="button" class="link" on:click=export.clone()>{tr!("Export {name} as ZIP", name = name.clone())}</button> })}
            <button type="button" class="link" on:click=move |_| remove(hash.clone())>{tr!("Remove {name}", name = name.clone())}</button>
            {move || zipping.get().map(|z| view! { <span role="status">{z}</span> })}
        </li>
    }
}
