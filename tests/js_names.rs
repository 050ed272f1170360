#![cfg(not(target_arch = "wasm32"))]
//! Every name the app calls the browser by (`browser::js`: a method, a property, a global), read
//! from the code, is listed in `tests/fixtures/js_names.txt`; the browser tests (tests/web.rs)
//! check that each of them exists in Chromium, so a misspelt name fails a test instead of doing
//! nothing. `JS_NAMES=write cargo test --test js_names` writes the list anew.

use std::collections::BTreeSet;
use std::path::Path;

/// The Js methods that take a name as their first argument.
const BY_NAME: [&str; 8] = [
    ".get(\"",
    ".set(\"",
    ".num(\"",
    ".flag(\"",
    ".text(\"",
    ".call(\"",
    "Js::global(\"",
    "Js::new(\"",
];

fn names_in(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            names_in(&path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        // Only files that talk to the browser by name.
        if !code.contains("browser::js::") && !path.ends_with("browser/js.rs") {
            continue;
        }
        for pattern in BY_NAME {
            for (i, _) in code.match_indices(pattern) {
                let rest = &code[i + pattern.len()..];
                let name = &rest[..rest.find('"').unwrap()];
                if !name.is_empty() {
                    out.insert(name.to_string());
                }
            }
        }
    }
}

#[test]
fn every_name_the_app_calls_the_browser_by_is_listed_for_the_browser_test() {
    let mut found = BTreeSet::new();
    names_in(Path::new("src"), &mut found);
    let file = "tests/fixtures/js_names.txt";
    let text: String = found.iter().map(|n| format!("{n}\n")).collect();
    if std::env::var("JS_NAMES").as_deref() == Ok("write") {
        std::fs::write(file, &text).unwrap();
    }
    let listed = std::fs::read_to_string(file).unwrap_or_default();
    assert!(found.len() > 40, "the code was read: {found:?}");
    assert_eq!(
        listed, text,
        "{file} is not the list of names the code calls the browser by: \
         run JS_NAMES=write cargo test --test js_names"
    );
}
