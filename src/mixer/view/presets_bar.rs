//! Presets from the stem names and the person's saved mixes for this model.

use super::desk::Desk;
use crate::i18n::t;
use crate::mixer::model::presets::{presets, SavedMix};
use crate::mixer::saved as mixes;
use leptos::prelude::*;

#[component]
pub fn PresetsBar(
    desk: Desk,
    /// Saved mixes are kept per model.
    #[prop(into)]
    model: String,
) -> impl IntoView {
    let d = desk;
    let labels: Vec<String> = d
        .stems
        .with_value(|s| s.iter().map(|s| s.label.clone()).collect());
    let built_in = StoredValue::new(presets(&labels));
    let labels = StoredValue::new(labels);
    let model = StoredValue::new(model);
    let saved = RwSignal::new(mixes::for_model(&model.get_value()));
    let name = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let choose = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let target = crate::browser::js::Js(ev.target().into());
        if let Some(i) = v.strip_prefix("p").and_then(|i| i.parse::<usize>().ok()) {
            if let Some(p) = built_in.with_value(|b| b.get(i).cloned()) {
                d.change_mix(|m| m.set_muted(&p.muted));
                note.set(tr!("{name} applied.", name = t(p.name)));
            }
        } else if let Some(n) = v.strip_prefix("s:") {
            if let Some(s) = saved.with_untracked(|s| s.iter().find(|m| m.name == n).cloned()) {
                let mix = labels.with_value(|l| s.to_mix(l));
                d.change_mix(|m| *m = mix);
                name.set(s.name.clone());
                note.set(tr!("{name} applied.", name = s.name));
            }
        } else if v == "all" {
            let n = d.count();
            d.change_mix(|m| *m = crate::mixer::model::Mix::new(n));
            note.set(t("Every stem at full volume.").into());
        }
        // The list is a menu of actions: it goes back to its prompt.
        target.set("value", "");
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            note.set(t("Give the mix a name first.").into());
            return;
        }
        let mix = labels.with_value(|l| SavedMix::from_mix(&n, l, &d.mix.get_untracked()));
        let m = model.get_value();
        note.set(if mixes::save(&m, mix) {
            tr!("Saved “{n}” for {m}.", n = n, m = m)
        } else {
            t("The browser refused to store the mix (storage full or disabled).").into()
        });
        saved.set(mixes::for_model(&m));
    };
    let delete = move |_| {
        let n = name.get_untracked().trim().to_string();
        mixes::remove(&model.get_value(), &n);
        saved.set(mixes::for_model(&model.get_value()));
        note.set(tr!("Deleted “{n}”.", n = n));
    };
    let has_saved_name = move || {
        let n = name.get();
        saved.with(|s| s.iter().any(|m| m.name == n.trim()))
    };
    view! {
        <div class="presets row">
            <label>{t("Preset ")}
                <select on:change=choose>
                    <option value="">{t("Choose a mix…")}</option>
                    <option value="all">{t("All stems")}</option>
                    {built_in.get_value().into_iter().enumerate().map(|(i, p)| view! {
                        <option value=format!("p{i}")>{t(p.name)}</option>
                    }).collect_view()}
                    {move || saved.get().into_iter().map(|m| view! {
                        <option value=format!("s:{}", m.name)>{tr!("Saved: {name}", name = m.name)}</option>
                    }).collect_view()}
                </select>
            </label>
            <form class="row" on:submit=save>
                <label>{t("Mix name ")}
                    <input type="text" maxlength="60" bind:value=name />
                </label>
                <button type="submit" class="secondary">{t("Save mix")}</button>
                {move || has_saved_name().then(|| view! {
                    <button type="button" class="secondary" on:click=delete>{t("Delete saved mix")}</button>
                })}
            </form>
            <p class="help" role="status">{move || note.get()}</p>
        </div>
    }
}
