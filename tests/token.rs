//! The token goes only to the API address in Settings or the service's own hosts, and every
//! client that carries it is built through `Access`, which keeps that rule.

use leptos::prelude::*;
use mvsep_web::api::ApiError;
use mvsep_web::state::settings::Settings;

/// The rule as the app reads it: from Settings' signals, through `Access`.
fn settings(base: &str, token: Option<&str>) -> mvsep_web::api::Access {
    Settings {
        base: RwSignal::new(base.into()),
        token: RwSignal::new(token.map(Into::into)),
    }
    .access_untracked()
}

#[test]
fn the_token_goes_to_the_settings_address_and_the_services_hosts_only() {
    let owner = Owner::new();
    owner.with(|| {
        let s = settings("https://proxy.example.org", Some("tok"));
        assert_eq!(
            s.token_for("https://proxy.example.org"),
            Ok(Some("tok".into()))
        );
        // Both are stored normalized, so the comparison is exact: another spelling is another.
        assert!(s.token_for("https://proxy.example.org.evil").is_err());
        assert_eq!(
            s.token_for("https://de.mvsep.com"),
            Ok(Some("tok".into())),
            "the service's own"
        );
        assert_eq!(
            s.token_for("https://old-proxy.example.org"),
            Err(ApiError::Elsewhere {
                base: "https://old-proxy.example.org".into()
            })
        );
        assert!(
            s.token_for("").is_err(),
            "this site's /api is not the Settings address here"
        );
        assert!(s.token_for("https://mvsep.com.evil.example").is_err());
        let same_site = settings("", Some("tok"));
        assert_eq!(same_site.token_for(""), Ok(Some("tok".into())));
        assert!(same_site.token_for("http://127.0.0.1:9").is_err());
        // Without a token there is nothing to keep back.
        assert_eq!(settings("", None).token_for("https://x.example"), Ok(None));
    });
}

/// Polls a future once: the calls below must fail before anything is sent, so once is enough.
fn at_once<F: std::future::Future>(f: F) -> F::Output {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(f).poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("it went on to send"),
    }
}

#[test]
fn every_client_with_a_token_comes_through_access_which_keeps_the_rule() {
    use mvsep_web::api::{Access, Client};
    let access = Access::new("https://proxy.example.org", Some("tok".into()));
    // The Settings address and the service's own hosts get the token.
    assert_eq!(access.clone().here().token.as_deref(), Some("tok"));
    assert_eq!(
        access.client("https://hk.mvsep.com").token.as_deref(),
        Some("tok")
    );
    // Another address does not; a call there that needs it is not sent, and says why.
    let elsewhere = access.client("https://old-proxy.example.org");
    assert_eq!(elsewhere.token, None);
    let gone = ApiError::Elsewhere {
        base: "https://old-proxy.example.org".into(),
    };
    assert_eq!(at_once(elsewhere.cancel("h")), Err(gone.clone()));
    assert_eq!(at_once(elsewhere.user()), Err(gone.clone()));
    assert_eq!(at_once(elsewhere.mirror("h")), Err(gone));
    // A public client has no token, and says so rather than "elsewhere".
    let public = Client::public("https://proxy.example.org");
    assert_eq!(public.token, None);
    assert!(matches!(
        at_once(public.user()),
        Err(ApiError::Unauthorized { .. })
    ));
    // No token held: nothing to keep back, and a call that needs one says it is missing.
    let none = Access::new("", None).client("https://x.example");
    assert!(matches!(
        at_once(none.history(0, 20)),
        Err(ApiError::Unauthorized { .. })
    ));
    // An empty token is no token.
    assert_eq!(Access::new("", Some("  ".into())).token, None);
}
