//! The interface language. English is built in: its texts are the keys themselves, so a text a
//! catalogue lacks reads as English, never as a raw key. Another language is one JSON catalogue
//! (`src/i18n/lang/<code>.json`, served as `/lang/<code>.json`) fetched when it is chosen, plus
//! its line in [`LANGS`].

mod format;
mod load;

pub use format::{date, fixed, number, plural_category};
pub use load::{choose, provide, start, use_lang};

use std::cell::RefCell;
use std::collections::HashMap;

/// Every language offered: its code (BCP 47, also the catalogue's file name) and its own name.
pub const LANGS: [(&str, &str); 3] = [("en", "English"), ("ru", "Русский"), ("zh-CN", "简体中文")];

thread_local! {
    static CURRENT: RefCell<(&'static str, HashMap<String, &'static str>)> =
        RefCell::new(("en", HashMap::new()));
}

/// The code of the language the interface speaks now.
pub fn code() -> &'static str {
    CURRENT.with(|c| c.borrow().0)
}

/// The language of the service's own texts: it writes news in Russian and English only.
pub fn service_lang() -> &'static str {
    if code() == "ru" {
        "ru"
    } else {
        "en"
    }
}

/// Makes `code` current with its catalogue's entries (a plural's forms as `key#category`).
/// Texts live as long as the page: a catalogue is read once per choice of language.
pub fn install(code: &'static str, entries: Vec<(String, String)>) {
    let table = entries
        .into_iter()
        .map(|(k, v)| (k, &*Box::leak(v.into_boxed_str())))
        .collect();
    CURRENT.with(|c| *c.borrow_mut() = (code, table));
}

/// Marks a text as a key where it is defined (a table, a constant) and translated where it is
/// shown, with [`t`]; the catalogue check finds it by this name.
pub const fn k(key: &'static str) -> &'static str {
    key
}

/// `key` (an English text) in the current language.
pub fn t(key: &'static str) -> &'static str {
    CURRENT.with(|c| c.borrow().1.get(key).copied().unwrap_or(key))
}

/// `key` with its `{name}` slots filled; see [`tr!`](crate::tr).
pub fn fill(key: &'static str, args: &[(&str, &str)]) -> String {
    let mut out = t(key).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A count with its noun, in the plural form the language asks for: `one` is the English text
/// for 1, `other` for any other count (and the catalogue's key). `{n}` is the formatted count.
pub fn tn(n: u64, one: &'static str, other: &'static str) -> String {
    let text = CURRENT.with(|c| {
        let c = c.borrow();
        if c.0 == "en" {
            return if n == 1 { one } else { other };
        }
        let form = format!("{other}#{}", plural_category(c.0, n as f64));
        let any = format!("{other}#other");
        c.1.get(&form)
            .or_else(|| c.1.get(&any))
            .copied()
            .unwrap_or(if n == 1 { one } else { other })
    });
    text.replace("{n}", &number(n as f64, 0))
}

/// `tr!("Sent {done} of {all}", done = a, all = b)`: a translated text with named slots.
#[macro_export]
macro_rules! tr {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill($key, &[$((stringify!($name), &$value.to_string())),*])
    };
}
