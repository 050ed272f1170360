//! Where the token may go, as the one door every client with a token is built through: only to
//! the API address in Settings and the service's own hosts. A stored job keeps the address it
//! was made at, which may be another's: a client for it carries no token, and a call there that
//! needs one is not sent (`ApiError::Elsewhere`).

use crate::api::{ApiError, Client};

/// The service's own hosts: the token may go to any of them.
pub const SERVICE_HOSTS: [&str; 6] = [
    "https://mvsep.com",
    "https://de.mvsep.com",
    "https://de2.mvsep.com",
    "https://hk.mvsep.com",
    "https://sg.mvsep.com",
    "https://mirror.mvsep.com",
];

/// The API address in Settings and the token, as plain values (both as `normalize_base` and a
/// trim leave them, so addresses compare exactly).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Access {
    pub base: String,
    pub token: Option<String>,
}

impl Access {
    pub fn new(base: impl Into<String>, token: Option<String>) -> Self {
        Self {
            base: base.into(),
            token: token.filter(|t| !t.trim().is_empty()),
        }
    }

    /// The token for a call to `base`, if the rule lets it go there; `Elsewhere` when one is
    /// held and may not.
    pub fn token_for(&self, base: &str) -> Result<Option<String>, ApiError> {
        if self.token.is_none() || self.base == base || SERVICE_HOSTS.contains(&base) {
            Ok(self.token.clone())
        } else {
            Err(ApiError::Elsewhere {
                base: base.to_string(),
            })
        }
    }

    /// A client for `base`: with the token where the rule lets it go, else without it, its
    /// calls that need one failing with `Elsewhere` before anything is sent.
    pub fn client(&self, base: &str) -> Client {
        match self.token_for(base) {
            Ok(token) => Client::with_token(base.to_string(), token),
            Err(_) => Client::withheld(base.to_string()),
        }
    }

    /// A client for the API address in Settings, which the token always goes to.
    pub fn here(self) -> Client {
        Client::with_token(self.base, self.token)
    }
}
