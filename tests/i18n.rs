//! The catalogues against the code: every key the code uses is in every catalogue, no catalogue
//! keeps a key nobody uses, slots and plural forms match; and the lookup rules themselves.

use mvsep_web::i18n::{fill, install, t, tn, LANGS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A Rust string literal's text from just after its opening quote; returns it and the rest.
fn literal(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                '\'' => out.push('\''),
                'u' => {
                    let rest = &s[i + 2..];
                    let end = rest.find('}')?;
                    let code = u32::from_str_radix(&rest[1..end], 16).ok()?;
                    out.push(char::from_u32(code)?);
                    for _ in 0..=end {
                        chars.next();
                    }
                }
                '\n' => {
                    // A line continuation: the next line's leading spaces are not in the text.
                    while let Some((j, w)) = chars.clone().next() {
                        if !w.is_whitespace() {
                            let _ = j;
                            break;
                        }
                        chars.next();
                    }
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Every key in the code: `t("…")`, `k("…")`, `tr!("…"`, and the second text of `tn(n, "…", "…")`
/// (the first is English's singular, not a key). Plural keys are returned apart.
fn keys_in(dir: &Path, keys: &mut BTreeSet<String>, plurals: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_in(&path, keys, plurals);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.starts_with("src/i18n") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (i, _) in code.match_indices('(') {
            let before = &code[..i];
            let name_start = before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '!'))
                .map_or(0, |p| p + 1);
            let name = &before[name_start..];
            let after = code[i + 1..].trim_start();
            match name {
                "t" | "k" | "tr!" | "around" => {
                    if let Some(rest) = after.strip_prefix('"') {
                        keys.insert(literal(rest).unwrap().0);
                    }
                }
                "tn" => {
                    // tn(<count>, "one", "other")
                    let first = after.find('"').unwrap();
                    let (_, rest) = literal(&after[first + 1..]).unwrap();
                    let second = rest.find('"').unwrap();
                    plurals.insert(literal(&rest[second + 1..]).unwrap().0);
                }
                _ => {}
            }
        }
    }
}

/// The texts `src/sw-client.js` shows ("a new version is ready"), written there as `say("…")`.
fn client_keys(js: &str, keys: &mut BTreeSet<String>) {
    for (i, _) in js.match_indices("say(\"") {
        let rest = &js[i + "say(\"".len()..];
        keys.insert(rest[..rest.find('"').unwrap()].to_string());
    }
}

/// The static shell's texts (index.html, elements marked `data-t`: the aria-label, else the text).
fn shell_keys(html: &str, keys: &mut BTreeSet<String>) {
    for (i, _) in html.match_indices(" data-t>") {
        let tag_start = html[..i].rfind('<').unwrap();
        let tag = &html[tag_start..i];
        let key = match tag.split_once("aria-label=\"") {
            Some((_, rest)) => rest.split('"').next().unwrap(),
            None => html[i + " data-t>".len()..].split('<').next().unwrap(),
        };
        keys.insert(key.to_string());
    }
}

#[test]
fn the_static_shell_knows_the_languages_and_its_texts_are_keys() {
    let html = std::fs::read_to_string("index.html").unwrap();
    let codes: Vec<&str> = LANGS.iter().map(|(c, _)| *c).collect();
    assert!(
        html.contains(&format!("data-langs=\"{}\"", codes.join(" "))),
        "index.html's data-langs lists i18n::LANGS"
    );
    let names: String = LANGS
        .iter()
        .map(|(c, n)| format!("<option lang=\"{c}\">{n}</option>"))
        .collect();
    assert!(
        html.contains(&names),
        "the shell's stand-in language menu has i18n::LANGS's names, each in its language (it holds the menu's room)"
    );
    let mut keys = BTreeSet::new();
    shell_keys(&html, &mut keys);
    for k in [
        "Main",
        "Skip to content",
        "Separate",
        "Settings",
        "Loading…",
    ] {
        assert!(keys.contains(k), "the shell marks {k:?}");
    }
}

/// index.html's static head of each screen says what `components::screen_head` draws (the app
/// replaces one with the other in place), and style/main.css can show each.
#[test]
fn the_static_shell_heads_say_what_the_screens_draw() {
    let html = std::fs::read_to_string("index.html").unwrap();
    let code = std::fs::read_to_string("src/components/screen_head.rs").unwrap();
    let css = std::fs::read_to_string("style/main.css").unwrap();
    let mut drawn = BTreeSet::new();
    for (i, _) in code.match_indices("t(\"") {
        drawn.insert(literal(&code[i + 3..]).unwrap().0);
    }
    let blocks: Vec<&str> = html.split("<div data-head=\"").skip(1).collect();
    assert!(
        blocks.len() >= 10,
        "index.html has a static head per screen"
    );
    for block in blocks {
        let (name, rest) = block.split_once('"').unwrap();
        let mut keys = BTreeSet::new();
        shell_keys(&rest[..rest.find("</div>").unwrap()], &mut keys);
        assert!(!keys.is_empty(), "{name}'s static head has texts");
        for k in keys {
            assert!(
                drawn.contains(&k),
                "{name}'s static head says {k:?}, which screen_head.rs does not"
            );
        }
        assert!(
            css.contains(&format!("[data-screen={name}] [data-head={name}]")),
            "style/main.css shows {name}'s static head"
        );
    }
}

fn slots(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(a) = rest.find('{') {
        let Some(b) = rest[a..].find('}') else { break };
        out.insert(rest[a..a + b + 1].to_string());
        rest = &rest[a + b + 1..];
    }
    out
}

/// The plural categories a language must give (CLDR cardinal rules).
fn categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "ru" => &["one", "few", "many", "other"],
        l if l.starts_with("zh") => &["other"],
        _ => &["one", "other"],
    }
}

#[test]
fn every_catalogue_has_exactly_the_keys_the_code_uses() {
    let (mut keys, mut plurals) = (BTreeSet::new(), BTreeSet::new());
    keys_in(Path::new("src"), &mut keys, &mut plurals);
    shell_keys(&std::fs::read_to_string("index.html").unwrap(), &mut keys);
    let client = std::fs::read_to_string("src/sw-client.js").unwrap();
    client_keys(&client, &mut keys);
    assert!(
        keys.contains("Reload"),
        "the worker's client's texts are read"
    );
    assert!(
        keys.len() > 300,
        "the scan finds the interface's texts ({})",
        keys.len()
    );
    assert!(
        keys.contains("Separate")
            && keys.contains("Could not check this job: {e} Trying again in {s} s.")
    );
    // `I18N_KEYS=<file> cargo test --test i18n`: a starting catalogue for a new language.
    if let Ok(out) = std::env::var("I18N_KEYS") {
        let mut start = serde_json::Map::new();
        for k in &keys {
            start.insert(k.clone(), k.clone().into());
        }
        for k in &plurals {
            start.insert(k.clone(), serde_json::json!({ "one": k, "other": k }));
        }
        std::fs::write(out, serde_json::to_string_pretty(&start).unwrap()).unwrap();
    }
    let mut problems = Vec::new();
    for (lang, _) in LANGS.iter().filter(|(l, _)| *l != "en") {
        let path = format!("src/i18n/lang/{lang}.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path} is missing"));
        let cat: BTreeMap<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        for key in keys.iter().chain(&plurals) {
            match cat.get(key) {
                None => problems.push(format!("{lang}: missing {key:?}")),
                Some(serde_json::Value::String(v)) if keys.contains(key) => {
                    if slots(v) != slots(key) {
                        problems.push(format!("{lang}: slots differ in {key:?}: {v:?}"));
                    }
                }
                Some(serde_json::Value::Object(forms)) if plurals.contains(key) => {
                    for cat in categories(lang) {
                        match forms.get(*cat).and_then(|v| v.as_str()) {
                            None => problems.push(format!("{lang}: {key:?} lacks the {cat} form")),
                            Some(v) if !v.contains("{n}") && *cat != "one" => {
                                problems.push(format!("{lang}: {key:?} {cat} form has no {{n}}"))
                            }
                            _ => {}
                        }
                    }
                }
                Some(_) => problems.push(format!("{lang}: {key:?} has the wrong shape")),
            }
        }
        for key in cat.keys() {
            if !keys.contains(key) && !plurals.contains(key) {
                problems.push(format!("{lang}: {key:?} is used nowhere"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn english_is_built_in_and_a_missing_key_reads_as_english() {
    assert_eq!(t("Separate"), "Separate");
    assert_eq!(tn(0, "{n} credit", "{n} credits"), "0 credits");
    assert_eq!(tn(1, "{n} credit", "{n} credits"), "1 credit");
    assert_eq!(tn(10, "{n} job", "{n} jobs"), "10 jobs");
    install(
        "ru",
        vec![
            ("Separate".into(), "Разделить".into()),
            ("Sent {a} of {b}".into(), "Отправлено {a} из {b}".into()),
        ],
        None,
    );
    assert_eq!(t("Separate"), "Разделить");
    assert_eq!(
        t("Jobs"),
        "Jobs",
        "a key the catalogue lacks is English, never a raw key"
    );
    assert_eq!(
        fill("Sent {a} of {b}", &[("a", &2), ("b", &"5")]),
        "Отправлено 2 из 5"
    );
    install("en", Vec::new(), None);
    assert_eq!(t("Separate"), "Separate");
}

/// The real catalogue of `lang`, as the browser side hands it over (plain texts only).
fn catalogue(lang: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("src/i18n/lang/{lang}.json")).unwrap();
    let map: BTreeMap<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    map.into_iter()
        .filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_string())))
        .collect()
}

#[test]
fn a_sentence_with_the_services_words_in_it_is_punctuated_by_its_language() {
    use mvsep_web::api::ApiError;
    let refused = ApiError::Unauthorized {
        message: Some("Invalid API token".into()),
    };
    install("zh-CN", catalogue("zh-CN"), None);
    assert_eq!(
        refused.to_string(),
        "服务器拒绝了令牌或请求（HTTP 401）：Invalid API token。请在“设置”中检查 API 令牌。"
    );
    install("en", Vec::new(), None);
    assert_eq!(
        refused.to_string(),
        "The server refused the token or the request (HTTP 401): Invalid API token. Check the API token in Settings."
    );
    assert_eq!(
        ApiError::Unauthorized { message: None }.to_string(),
        "The server refused the token or the request (HTTP 401). Check the API token in Settings."
    );
}

#[test]
fn the_cost_line_ends_with_its_languages_full_stop() {
    use mvsep_web::pages::separate::cost::{cost_line, Songs};
    install("zh-CN", catalogue("zh-CN"), None);
    let line = cost_line(Songs::Link, None, false);
    assert!(line.ends_with('。') && !line.contains('.'), "{line}");
    install("en", Vec::new(), None);
    assert!(cost_line(Songs::Link, None, false).ends_with("reads it."));
}
