#![cfg(not(target_arch = "wasm32"))]
//! What the connection check's answers mean: a browser block told apart from a host that is not
//! there, a token refused in either of the service's shapes, and the words for each.

use mvsep_web::api::ApiError;
use mvsep_web::pages::settings::reach::{
    files_line, reach, reach_line, token_refused, Files, Reach,
};

fn network() -> ApiError {
    ApiError::Network {
        base: "https://mvsep.com".into(),
        cross_origin: true,
    }
}

#[test]
fn a_block_is_a_host_that_answers_a_plain_request() {
    assert_eq!(reach(&Ok(()), false), Reach::Works);
    assert_eq!(reach(&Err(network()), true), Reach::Blocked);
    assert_eq!(reach(&Err(network()), false), Reach::Unreachable);
    let page = ApiError::NotJson {
        status: 502,
        snippet: "<html>Bad Gateway</html>".into(),
    };
    assert!(matches!(reach(&Err(page), true), Reach::Odd(_)));
}

#[test]
fn both_shapes_of_a_refused_token_read_as_not_valid() {
    let r401 = ApiError::Unauthorized {
        message: Some("Unauthenticated.".into()),
    };
    let r400 = ApiError::Server {
        status: 400,
        message: "Invalid API key".into(),
    };
    assert_eq!(token_refused(&r401).as_deref(), Some("Unauthenticated."));
    assert_eq!(token_refused(&r400).as_deref(), Some("Invalid API key"));
    let other = ApiError::Server {
        status: 500,
        message: "Server Error".into(),
    };
    assert_eq!(token_refused(&other), None);
    assert_eq!(token_refused(&network()), None);
}

#[test]
fn each_answer_says_what_to_do() {
    let blocked = reach_line(
        &Reach::Blocked,
        "https://mvsep.com",
        "https://stems.example",
    );
    assert!(blocked.contains("does not let pages on https://stems.example call it (no CORS)"));
    assert!(blocked.contains("proxy in the README"));
    assert!(blocked.contains("https://de.mvsep.com"));
    assert!(reach_line(&Reach::Works, "", "x").contains("this site's /api"));
    assert!(reach_line(&Reach::Unreachable, "https://nope.test", "x").contains("offline"));
    assert!(files_line(Files::PlayOnly).contains("without waveforms or export"));
}
