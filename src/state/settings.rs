//! The API address and token, kept in localStorage and shared through a typed context.

use crate::api::request::normalize_base;
use crate::api::{Access, Client, DEFAULT_BASE};
use crate::state::storage;
use leptos::prelude::*;

/// localStorage keys (documented in the README).
pub const KEY_BASE: &str = "mvsep.api_base";
pub const KEY_TOKEN: &str = "mvsep.api_token";

/// The base used when none was saved: on a local development or demo server (which proxy
/// `/api`), this origin; elsewhere the public service.
pub fn default_base(page_host: &str) -> String {
    match page_host {
        "127.0.0.1" | "localhost" | "[::1]" => String::new(),
        _ => DEFAULT_BASE.to_string(),
    }
}

/// What is saved, as plain values.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub base: String,
    pub token: Option<String>,
}

impl Saved {
    pub fn load() -> Self {
        let host = web_sys::window()
            .and_then(|w| w.location().hostname().ok())
            .unwrap_or_default();
        Self {
            base: storage::get(KEY_BASE).unwrap_or_else(|| default_base(&host)),
            token: storage::get(KEY_TOKEN).filter(|t| !t.trim().is_empty()),
        }
    }
}

/// The settings context: signals every page reads the client from.
#[derive(Clone, Copy)]
pub struct Settings {
    pub base: RwSignal<String>,
    pub token: RwSignal<Option<String>>,
}

impl Settings {
    pub fn load() -> Self {
        let saved = Saved::load();
        Self {
            base: RwSignal::new(saved.base),
            token: RwSignal::new(saved.token),
        }
    }

    /// Takes what another tab stored: a new address or token, or a log-out.
    pub fn reload(&self) {
        let saved = Saved::load();
        if self.base.get_untracked() != saved.base {
            self.base.set(saved.base);
        }
        if self.token.get_untracked() != saved.token {
            self.token.set(saved.token);
        }
    }

    /// Validates and stores both values; the error says what to fix.
    pub fn save(&self, base: &str, token: &str) -> Result<(), String> {
        let base = normalize_base(base)?;
        let token = token.trim().to_string();
        let stored = storage::set(KEY_BASE, &base)
            && if token.is_empty() {
                storage::remove(KEY_TOKEN);
                true
            } else {
                storage::set(KEY_TOKEN, &token)
            };
        self.base.set(base);
        self.token.set(Some(token).filter(|t| !t.is_empty()));
        if stored {
            Ok(())
        } else {
            Err(crate::i18n::t(
                "The browser refused to store the settings (private mode or full storage): \
                 they last only until this tab closes.",
            )
            .into())
        }
    }

    /// Forgets the token and nothing else.
    pub fn forget_token(&self) {
        storage::remove(KEY_TOKEN);
        self.token.set(None);
    }

    /// The address and token as values, read without tracking (for actions and effects). Both
    /// are kept as `Access` wants them (the token is never empty: see `load` and `save`).
    pub fn access_untracked(&self) -> Access {
        Access {
            base: self.base.get_untracked(),
            token: self.token.get_untracked(),
        }
    }

    /// A client for the current settings (tracks both signals).
    pub fn client(&self) -> Client {
        Access {
            base: self.base.get(),
            token: self.token.get(),
        }
        .here()
    }

    pub fn has_token(&self) -> bool {
        self.token.with(Option::is_some)
    }
}

pub fn provide_settings() -> Settings {
    let s = Settings::load();
    provide_context(s);
    s
}

pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}
