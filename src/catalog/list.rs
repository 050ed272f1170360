//! The algorithm catalogue: active ones only, searched, sorted and grouped.

use crate::api::models::{Algorithm, Input};
use crate::catalog::fold::fold;
use crate::i18n::t;
use crate::order::sort_by;

/// What a model does, for the picker's filter: the service's groups say it only in their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Separate,
    Enhance,
    Generate,
    Master,
    Transcribe,
}

impl Purpose {
    pub const ALL: [Purpose; 5] = [
        Purpose::Separate,
        Purpose::Enhance,
        Purpose::Generate,
        Purpose::Master,
        Purpose::Transcribe,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Separate => t("Separate stems"),
            Purpose::Enhance => t("Restore and enhance"),
            Purpose::Generate => t("Generate (music, voice)"),
            Purpose::Master => t("Master to a reference"),
            Purpose::Transcribe => t("Transcribe (text, MIDI)"),
        }
    }
    /// What `a` does: its input kind, else what its name and group say.
    pub fn of(a: &Algorithm) -> Purpose {
        match a.input() {
            Input::Prompt => return Purpose::Generate,
            Input::Pair => return Purpose::Master,
            Input::Song => {}
        }
        let name = fold(&a.name);
        let group = a
            .algorithm_group
            .as_ref()
            .map(|g| fold(&g.name))
            .unwrap_or_default();
        let has = |s: &str, words: &[&str]| words.iter().any(|w| s.contains(w));
        if has(&name, &["extract text", "midi"]) {
            Purpose::Transcribe
        } else if has(&name, &["voice cloning", "tts"]) {
            Purpose::Generate
        } else if has(&group, &["upscale", "restor"]) {
            Purpose::Enhance
        } else {
            Purpose::Separate
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The service's order (`order_id`, then the list's own order).
    #[default]
    Service,
    Usage,
    Rating,
}

impl SortBy {
    pub fn key(self) -> &'static str {
        match self {
            SortBy::Service => "service",
            SortBy::Usage => "usage",
            SortBy::Rating => "rating",
        }
    }
    pub fn from_key(k: &str) -> Self {
        match k {
            "usage" => SortBy::Usage,
            "rating" => SortBy::Rating,
            _ => SortBy::Service,
        }
    }
}

/// Whether `alg` matches every word of `query` in its name, descriptions or stems.
pub fn matches(alg: &Algorithm, query: &str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    if words.is_empty() {
        return true;
    }
    let mut hay = fold(&alg.name);
    for d in &alg.algorithm_descriptions {
        if let Some(s) = &d.short_description {
            hay.push(' ');
            hay.push_str(&fold(s));
        }
    }
    if let Some(d) = &alg.description {
        hay.push(' ');
        hay.push_str(&fold(d));
    }
    for s in alg.stem_labels() {
        hay.push(' ');
        hay.push_str(&fold(&s));
    }
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// Groups of (group name, algorithms), groups in the order their best member sorts; only those
/// that do `task`, when one is given.
pub fn grouped<'a>(
    algs: &'a [Algorithm],
    query: &str,
    sort: SortBy,
    task: Option<Purpose>,
) -> Vec<(String, Vec<&'a Algorithm>)> {
    // With a query, models named by it come before those only described by it.
    let named = |a: &Algorithm| {
        let n = fold(&a.name);
        query.split_whitespace().all(|w| n.contains(&fold(w)))
    };
    let mut list: Vec<(bool, usize, &Algorithm)> = algs
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_active && matches(a, query))
        .filter(|(_, a)| task.is_none_or(|k| Purpose::of(a) == k))
        .map(|(i, a)| (named(a), i, a))
        .collect();
    sort_by(&mut list, |(na, ia, a), (nb, ib, b)| {
        nb.cmp(na).then_with(|| match sort {
            SortBy::Service => a
                .order_id
                .unwrap_or(i64::MAX)
                .cmp(&b.order_id.unwrap_or(i64::MAX))
                .then(ia.cmp(ib)),
            SortBy::Usage => b
                .usage
                .unwrap_or(0)
                .cmp(&a.usage.unwrap_or(0))
                .then(ia.cmp(ib)),
            SortBy::Rating => {
                let r = |x: &Algorithm| x.rating.as_ref().and_then(|r| r.average).unwrap_or(0.0);
                r(b).total_cmp(&r(a)).then(ia.cmp(ib))
            }
        })
    });
    let mut groups: Vec<(String, Vec<&Algorithm>)> = Vec::new();
    for (_, _, a) in list {
        let name = a.group_name();
        match groups.iter_mut().find(|(g, _)| *g == name) {
            Some((_, v)) => v.push(a),
            None => groups.push((name, vec![a])),
        }
    }
    groups
}
