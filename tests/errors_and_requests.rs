#![cfg(not(target_arch = "wasm32"))]
//! Error envelopes, request building, option key order, and decoders that never panic.

mod common;
use common::fixture;
use mvsep_web::api::de::OrderedPairs;
use mvsep_web::api::decode::{decode, server_message};
use mvsep_web::api::endpoints as ep;
use mvsep_web::api::models::*;
use mvsep_web::api::request::{encode, normalize_base, Envelope, Method};
use mvsep_web::api::{ApiError, RawResponse};

fn err<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    status: u16,
    body: &str,
    env: Envelope,
) -> ApiError {
    decode::<T>(&RawResponse::new(status, body), env).unwrap_err()
}

#[test]
fn every_envelope_yields_the_server_message() {
    let cases = [
        (
            r#"{"success":false,"data":{"message":"File is too large"}}"#,
            "File is too large",
        ),
        (
            r#"{"success":false,"errors":["Limit reached","try later"]}"#,
            "Limit reached try later",
        ),
        (
            r#"{"success":false,"message":"Not enough credits"}"#,
            "Not enough credits",
        ),
        (
            r#"{"success":false,"errors":{"sep_type":["The sep type is invalid."]}}"#,
            "The sep type is invalid.",
        ),
    ];
    for (body, want) in cases {
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(server_message(&v).as_deref(), Some(want), "{body}");
        match err::<Created>(400, body, Envelope::Data) {
            ApiError::Server {
                status: 400,
                message,
            } => assert_eq!(message, want),
            other => panic!("{body}: {other:?}"),
        }
    }
}

#[test]
fn success_false_with_200_is_a_refusal() {
    let e = err::<Created>(
        200,
        r#"{"success":false,"data":{"message":"You already have a job in process"}}"#,
        Envelope::Data,
    );
    assert_eq!(
        e,
        ApiError::Server {
            status: 200,
            message: "You already have a job in process".into()
        }
    );
}

#[test]
fn unauthorized_keeps_the_message_and_asks_to_check_the_token() {
    let e = err::<User>(
        401,
        r#"{"success":false,"data":{"message":"Invalid API token"}}"#,
        Envelope::Data,
    );
    assert_eq!(
        e,
        ApiError::Unauthorized {
            message: Some("Invalid API token".into())
        }
    );
    let text = e.to_string();
    assert!(
        text.contains("Invalid API token") && text.contains("Settings"),
        "{text}"
    );
}

#[test]
fn rate_limit_reads_retry_after() {
    let raw = RawResponse {
        status: 429,
        retry_after: Some("17".into()),
        body: "Too Many Attempts.".into(),
    };
    let e = decode::<User>(&raw, Envelope::Data).unwrap_err();
    assert_eq!(e.retry_after(), Some(17));
    assert!(e.is_transient());
    assert!(e.to_string().contains("17"));
}

#[test]
fn html_error_pages_are_not_json() {
    let e = err::<User>(
        502,
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        Envelope::Data,
    );
    assert!(matches!(e, ApiError::NotJson { status: 502, .. }));
    assert!(e.is_transient());
    assert!(e.to_string().contains("HTTP 502"));
    let e = err::<User>(200, "<html>Welcome to nginx</html>", Envelope::Data);
    assert!(e.to_string().contains("Welcome to nginx"), "{e}");
}

#[test]
fn decode_failures_name_the_field() {
    let e = err::<User>(
        200,
        r#"{"success":true,"data":{"name":"A","premium_minutes":"lots"}}"#,
        Envelope::Data,
    );
    match e {
        ApiError::Decode { path, .. } => assert_eq!(path, "data.premium_minutes"),
        other => panic!("{other:?}"),
    }
    let e = err::<Vec<Algorithm>>(
        200,
        r#"[{"id":1,"name":"x","render_id":{"a":1}}]"#,
        Envelope::Bare,
    );
    match e {
        ApiError::Decode { path, .. } => assert_eq!(path, "[0].render_id"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn decode_failures_name_the_field_in_every_position() {
    let path = |e: ApiError| match e {
        ApiError::Decode { path, .. } => path,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        path(err::<User>(
            200,
            r#"{"success":true,"data":{"name":[1],"email":"x"}}"#,
            Envelope::Data
        )),
        "data.name"
    );
    assert_eq!(
        path(err::<Created>(
            200,
            r#"{"success":true,"data":{"link":"l"}}"#,
            Envelope::Data
        )),
        "data.hash"
    );
    assert_eq!(
        path(err::<Created>(200, r#"{"success":true}"#, Envelope::Data)),
        "data"
    );
    assert_eq!(
        path(err::<Job>(
            200,
            "{\n  \"status\": \"waiting\",\n  \"data\": {\"queue_count\": \"many\"}\n}",
            Envelope::Whole
        )),
        "data.queue_count"
    );
    assert_eq!(
        path(err::<Vec<HistoryEntry>>(
            200,
            r#"{"success":true,"data":[{"id":1,"hash":"a"},{"id":"x","hash":"b"}]}"#,
            Envelope::Data
        )),
        "data[1].id"
    );
}

#[test]
fn network_error_hints_at_the_proxy_only_cross_origin() {
    let cross = ApiError::Network {
        base: "https://mvsep.com".into(),
        cross_origin: true,
    }
    .to_string();
    assert!(cross.contains("proxy") && cross.contains("https://mvsep.com"));
    let same = ApiError::Network {
        base: "this site".into(),
        cross_origin: false,
    }
    .to_string();
    assert!(!same.contains("proxy"));
}

#[test]
fn requests_are_simple_and_carry_what_the_api_wants() {
    let opts = JobOptions {
        sep_type: 40,
        fields: vec![
            ("add_opt1".into(), "0.3".into()),
            ("add_opt2".into(), "bass_0".into()),
        ],
        output_format: 1,
        is_demo: true,
    };
    let r = ep::create_from_file(Some("tok"), &opts, ep::SONG);
    assert_eq!(r.method, Method::Post);
    assert_eq!(r.file_fields, vec!["audiofile"]);
    assert!(r.query.is_empty());
    let form: Vec<(&str, &str)> = r
        .form
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        form,
        vec![
            ("api_token", "tok"),
            ("sep_type", "40"),
            ("output_format", "1"),
            ("add_opt1", "0.3"),
            ("add_opt2", "bass_0"),
            ("is_demo", "1")
        ]
    );

    let r = ep::create_from_url(
        None,
        &JobOptions::default(),
        "https://x.test/a.mp3",
        RemoteType::Dropbox,
    );
    assert!(r.file_fields.is_empty());
    assert!(!r.carries_token());
    assert!(r.form.contains(&("remote_type".into(), "dropbox".into())));

    let hash = "20240205144711-c46e6a674c-skylar grey [remix]&x.mp3";
    let url = ep::get_job(hash, false, Some("tok")).url("https://mvsep.com/");
    assert_eq!(url, "https://mvsep.com/api/separation/get?hash=20240205144711-c46e6a674c-skylar%20grey%20%5Bremix%5D%26x.mp3");
    assert!(!url.contains("tok"), "no token without mirror");
    let url = ep::get_job("h", true, Some("tok")).url("");
    assert_eq!(url, "/api/separation/get?hash=h&mirror=1&api_token=tok");
    assert_eq!(
        ep::news("ru", 0, 50).url(""),
        "/api/app/news?lang=ru&start=0&limit=20"
    );
    assert_eq!(
        ep::algorithms(Some(Scope::NoUpload)).url("https://a"),
        "https://a/api/app/algorithms?scopes=no_upload"
    );
    assert_eq!(
        ep::user("t").url("https://a"),
        "https://a/api/app/user?api_token=t"
    );
    assert_eq!(ep::set_premium("t", false).path, "/api/app/disable_premium");
    assert_eq!(
        ep::set_long_filenames("t", true).path,
        "/api/app/enable_long_filenames"
    );
    let q = ep::qc_leaderboard(&ep::BoardQuery {
        dataset_type: 3,
        start: 20,
        limit: 20,
        filter: Some("bs ro".into()),
        sort: Some("vocals".into()),
    });
    assert_eq!(q.url(""), "/api/quality_checker/leaderboard?dataset_type=3&start=20&limit=20&algo_name_filter=bs%20ro&sort=vocals");
    assert_eq!(encode("é"), "%C3%A9");
}

#[test]
fn base_urls_are_checked() {
    assert_eq!(
        normalize_base(" https://mvsep.com/ ").unwrap(),
        "https://mvsep.com"
    );
    assert_eq!(normalize_base("").unwrap(), "");
    assert!(normalize_base("mvsep.com")
        .unwrap_err()
        .contains("https://"));
    assert!(normalize_base("https://mvsep.com/api")
        .unwrap_err()
        .contains("/api"));
}

#[test]
fn every_option_list_in_both_recordings_keeps_its_key_order() {
    for name in ["postman_algorithms_200", "algorithms_2026_sample"] {
        let raw: serde_json::Value = serde_json::from_str(&fixture(name)).unwrap();
        let algos: Vec<Algorithm> =
            decode(&RawResponse::new(200, fixture(name)), Envelope::Bare).unwrap();
        let mut fields = 0;
        for (a, ra) in algos.iter().zip(raw.as_array().unwrap()) {
            for (f, rf) in a
                .algorithm_fields
                .iter()
                .zip(ra["algorithm_fields"].as_array().unwrap())
            {
                let text = rf["options"].as_str().unwrap_or("{}");
                let pairs = f
                    .option_pairs()
                    .unwrap_or_else(|e| panic!("{} {}: {e}", a.name, f.name));
                // The order in the text itself, found by scanning for each key in turn.
                let mut pos = 0;
                for k in pairs.keys() {
                    let needle = format!("\"{k}\"");
                    let at = text[pos..]
                        .find(&needle)
                        .unwrap_or_else(|| panic!("{} {}: key {k} out of order", a.name, f.name));
                    pos += at + needle.len();
                }
                if let Some(d) = &f.default_key {
                    if !pairs.is_empty() {
                        assert!(
                            pairs.get(d).is_some(),
                            "{} {}: default {d} not an option",
                            a.name,
                            f.name
                        );
                    }
                }
                fields += 1;
            }
        }
        assert!(fields > 10, "{name}: {fields}");
    }
    let p = OrderedPairs::parse(r#"{"7":"a","1":"b","0.3":"c","bass_0":"d","auto":"e"}"#).unwrap();
    assert_eq!(
        p.keys().collect::<Vec<_>>(),
        vec!["7", "1", "0.3", "bass_0", "auto"]
    );
}

/// Truncations and type swaps of every recorded body: decoders return errors, never panic.
#[test]
fn decoders_never_panic_on_broken_bodies() {
    let names = [
        ("postman_algorithms_200", Envelope::Bare),
        ("postman_demo_200", Envelope::Bare),
        ("postman_login_200", Envelope::Data),
        ("postman_news_200", Envelope::Bare),
        ("postman_profile_separation_history_200_2", Envelope::Data),
        ("postman_separation_get_waiting_200", Envelope::Whole),
        ("postman_separation_get_done_devserver_200", Envelope::Whole),
        (
            "testliteral_ablevsep_separation_get_done_files",
            Envelope::Whole,
        ),
    ];
    let mut errors = 0;
    for (name, env) in names {
        let body = fixture(name);
        let step = (body.len() / 60).max(1);
        let mut cut = 0;
        while cut < body.len() {
            if body.is_char_boundary(cut) {
                let raw = RawResponse::new(200, &body[..cut]);
                let r = std::panic::catch_unwind(|| {
                    let _ = decode::<Vec<Algorithm>>(&raw, env);
                    let _ = decode::<User>(&raw, env);
                    let _ = decode::<Job>(&raw, env);
                    let _ = decode::<Vec<HistoryEntry>>(&raw, env);
                    decode::<Vec<Demo>>(&raw, env).is_err()
                });
                assert!(r.is_ok(), "{name} cut at {cut} panicked");
                errors += 1;
            }
            cut += step;
        }
    }
    // Mistyped values in every position of a user body.
    let swaps = ["null", "\"x\"", "[]", "{}", "-1", "1.5", "true"];
    for key in [
        "name",
        "email",
        "api_token",
        "premium_minutes",
        "premium_enabled",
        "long_filenames_enabled",
    ] {
        for s in swaps {
            let body = format!(r#"{{"success":true,"data":{{"{key}":{s}}}}}"#);
            let r = std::panic::catch_unwind(|| {
                decode::<User>(&RawResponse::new(200, &body), Envelope::Data)
            });
            assert!(r.is_ok(), "{body} panicked");
        }
    }
    assert!(errors > 100);
    // A wrong type is an error that names the field, not a silently wrong value.
    assert!(matches!(
        decode::<User>(
            &RawResponse::new(200, r#"{"success":true,"data":{"name":[]}}"#),
            Envelope::Data
        ),
        Err(ApiError::Decode { .. })
    ));
}
