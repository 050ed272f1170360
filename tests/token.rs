//! The token goes only to the API address in Settings or the service's own hosts.

use leptos::prelude::*;
use mvsep_web::api::ApiError;
use mvsep_web::state::settings::Settings;

fn settings(base: &str, token: Option<&str>) -> Settings {
    Settings {
        base: RwSignal::new(base.into()),
        token: RwSignal::new(token.map(Into::into)),
    }
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
