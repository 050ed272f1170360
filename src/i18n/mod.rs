//! The interface language. English is built in: its texts are the keys themselves, so a text a
//! catalogue lacks reads as English, never as a raw key. Another language is one JSON catalogue
//! (`src/i18n/lang/<code>.json`, served as `lang/<code>.json` beside index.html) plus its line in [`LANGS`]; it is
//! fetched before the app is drawn, so a change of language reloads the page.

mod format;
mod start;

pub use format::fixed;
pub use start::{choose, failure, refocus_menu, start};

use std::cell::RefCell;
use std::fmt::Display;

/// Every language offered: its code (BCP 47, also the catalogue's file name) and its own name.
pub const LANGS: [(&str, &str); 3] = [("en", "English"), ("ru", "Русский"), ("zh-CN", "简体中文")];

/// How a language writes numbers, plural forms and dates (the browser's `Intl`).
#[derive(Clone, Copy)]
pub struct Formatters {
    pub number: fn(&str, f64, u32) -> String,
    pub plural: fn(&str, f64) -> String,
    pub date: fn(&str, &str) -> Option<String>,
}

struct Current {
    code: &'static str,
    /// A plural's forms as `key#category`. Searched in order: a few hundred entries, looked
    /// up when a view is built, and no sorting or hashing code in the first visit's module.
    table: Vec<(String, &'static str)>,
    fmt: Option<Formatters>,
}

thread_local! {
    static CURRENT: RefCell<Current> =
        const { RefCell::new(Current { code: "en", table: Vec::new(), fmt: None }) };
}

/// The code of the language the interface speaks now.
pub fn code() -> &'static str {
    CURRENT.with(|c| c.borrow().code)
}

/// The language of the service's own texts: it writes news in Russian and English only.
pub fn service_lang() -> &'static str {
    if code() == "ru" {
        "ru"
    } else {
        "en"
    }
}

/// Makes `code` current with its catalogue's entries. Texts live as long as the page: a
/// catalogue is read once per page load.
pub fn install(code: &'static str, entries: Vec<(String, String)>, fmt: Option<Formatters>) {
    let table = entries
        .into_iter()
        .map(|(k, v)| (k, &*Box::leak(v.into_boxed_str())))
        .collect();
    CURRENT.with(|c| *c.borrow_mut() = Current { code, table, fmt });
}

fn lookup(c: &Current, key: &str) -> Option<&'static str> {
    c.table.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

/// Marks a text as a key where it is defined (a table, a constant) and translated where it is
/// shown, with [`t`]; the catalogue check finds it by this name.
pub const fn k(key: &'static str) -> &'static str {
    key
}

/// `key` (an English text) in the current language.
pub fn t(key: &'static str) -> &'static str {
    CURRENT.with(|c| lookup(&c.borrow(), key).unwrap_or(key))
}

/// `key`'s text on either side of its `{link}` slot, in the current language: a sentence around
/// a link, which each language words and punctuates as a whole (Chinese ends it with "。").
pub fn around(key: &'static str) -> (&'static str, &'static str) {
    let text = t(key);
    text.split_once("{link}").unwrap_or((text, ""))
}

/// `key` with its `{name}` slots filled; see [`tr!`](crate::tr).
pub fn fill(key: &'static str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = t(key).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// A count with its noun, in the plural form the language asks for: `one` is the English text
/// for 1, `other` for any other count (and the catalogue's key). `{n}` is the formatted count.
pub fn tn(n: u64, one: &'static str, other: &'static str) -> String {
    let english = if n == 1 { one } else { other };
    let text = CURRENT.with(|c| {
        let c = c.borrow();
        let Some(f) = c.fmt else {
            return lookup(&c, english).unwrap_or(english);
        };
        let form = format!("{other}#{}", (f.plural)(c.code, n as f64));
        lookup(&c, &form)
            .or_else(|| lookup(&c, &format!("{other}#other")))
            .unwrap_or(english)
    });
    text.replace("{n}", &number(n as f64, 0))
}

/// `x` with `places` decimals, grouped and punctuated for the language.
pub fn number(x: f64, places: u32) -> String {
    let f = CURRENT.with(|c| c.borrow().fmt.map(|f| (f.number, c.borrow().code)));
    match f {
        Some((number, code)) => number(code, x, places),
        None => fixed(x, places),
    }
}

/// A date the service wrote (`2025-05-01 12:00:00`) as the language writes it; in English, and
/// for a text that is not a date, as the service wrote it.
pub fn date(text: &str) -> String {
    let f = CURRENT.with(|c| c.borrow().fmt.map(|f| (f.date, c.borrow().code)));
    f.and_then(|(date, code)| date(code, text))
        .unwrap_or_else(|| text.to_string())
}

/// `tr!("Sent {done} of {all}", done = a, all = b)`: a translated text with named slots.
#[macro_export]
macro_rules! tr {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill($key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}
