//! Who uses the app: the address and token from Settings, and the account they open (plan,
//! balance, switches), read once for every screen. A change at the service (a switch, a job
//! that spent credits) is one [`Session::refresh`], and all that shows the account follows.

use crate::api::models::User;
use crate::api::{ApiError, Client};
use crate::state::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct Session {
    pub settings: Settings,
    /// The account for the token: None without a token or before its first answer. A refresh
    /// keeps it until the new answer, so nothing that shows it is rebuilt meanwhile.
    pub account: RwSignal<Option<Result<User, ApiError>>>,
}

impl Session {
    fn new(settings: Settings) -> Self {
        let s = Self {
            settings,
            account: RwSignal::new(None),
        };
        // Another address or token is another account.
        Effect::new(move |_| {
            settings.base.track();
            settings.token.track();
            s.account.set(None);
            s.refresh();
        });
        s
    }

    /// Reads the account again.
    pub fn refresh(&self) {
        let client = self.settings.access_untracked().here();
        if client.token.is_none() {
            self.account.set(None);
            return;
        }
        let s = *self;
        spawn_local(async move {
            // Reading the account is code of its own, fetched only once there is a token.
            let _ = read_account(s, client).await;
        });
    }

    /// The account, when it has been read (tracked).
    pub fn user(&self) -> Option<User> {
        self.account.with(|a| a.clone().and_then(Result::ok))
    }

    /// Whether premium use is on (tracked; false until the account is read).
    pub fn premium(&self) -> bool {
        self.account
            .with(|a| matches!(a, Some(Ok(u)) if u.premium_enabled))
    }

    /// The premium balance in credits, when known (tracked).
    pub fn balance(&self) -> Option<i64> {
        self.account.with(|a| match a {
            Some(Ok(u)) => u.premium_minutes,
            _ => None,
        })
    }

    /// The plan's parallel limit: 1 free (or unknown), none known for premium.
    pub fn limit(&self) -> Option<usize> {
        (!self.premium()).then_some(1)
    }
}

split_fn! {
    tracker_engine / preload_account_reader;
    /// Reads the account for `client`'s token; an answer for a token no longer set is dropped.
    pub fn read_account(s: Session, client: Client) -> () {
        spawn_local(async move {
            let r = client.user().await;
            if s.settings.token.try_get_untracked().flatten() == client.token {
                s.account.try_set(Some(r));
            }
        })
    }
}

pub fn provide_session(settings: Settings) -> Session {
    let s = Session::new(settings);
    provide_context(s);
    s
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
