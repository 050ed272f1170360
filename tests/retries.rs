#![cfg(not(target_arch = "wasm32"))]
//! A create that failed: sent again by itself when the reason may pass (looked for first when
//! the service may have made the job), the person asked when it cannot be checked or the
//! retries are used up, never sent again when the service said no.

use mvsep_web::api::ApiError;
use mvsep_web::state::job::queue::{after_failure, AfterFailure, AUTO_RETRIES};

fn network() -> ApiError {
    ApiError::Network {
        base: "https://mvsep.com".into(),
        cross_origin: false,
    }
}

#[test]
fn passing_failures_are_retried_and_looked_for_first_when_the_job_may_exist() {
    let page_502 = ApiError::NotJson {
        status: 502,
        snippet: "<html>Bad Gateway".into(),
    };
    let cut_json = ApiError::NotJson {
        status: 200,
        snippet: "{\"success\":tr".into(),
    };
    let odd_200 = ApiError::Decode {
        path: "data.hash".into(),
        detail: "missing".into(),
    };
    for e in [network(), page_502, cut_json, odd_200] {
        match after_failure(&e, 0, true, 0.5) {
            AfterFailure::Retry { wait_ms, may_exist } => {
                assert!(may_exist, "{e:?} may have made the job");
                assert!(wait_ms >= 5000, "{e:?}: {wait_ms}");
            }
            other => panic!("{e:?}: {other:?}"),
        }
    }
    // A 429 was not carried out, and its Retry-After is honoured.
    let limited = ApiError::RateLimited {
        retry_after_secs: Some(40),
    };
    assert_eq!(
        after_failure(&limited, 0, false, 0.0),
        AfterFailure::Retry {
            wait_ms: 40_000,
            may_exist: false
        }
    );
}

#[test]
fn the_person_is_asked_when_it_cannot_be_checked_or_retries_are_used_up() {
    // No token: the history cannot be read, so a job that may exist is not sent blindly.
    assert_eq!(
        after_failure(&network(), 0, false, 0.5),
        AfterFailure::Ask { may_exist: true }
    );
    assert_eq!(
        after_failure(&network(), AUTO_RETRIES, true, 0.5),
        AfterFailure::Ask { may_exist: true }
    );
    assert!(matches!(
        after_failure(&network(), AUTO_RETRIES - 1, true, 0.5),
        AfterFailure::Retry { .. }
    ));
}

#[test]
fn a_refusal_is_not_sent_again() {
    let refused = ApiError::Server {
        status: 400,
        message: "Not enough premium minutes".into(),
    };
    assert_eq!(after_failure(&refused, 0, true, 0.5), AfterFailure::Refused);
    let invalid = ApiError::Validation {
        status: 422,
        fields: vec![("sep_type".into(), vec!["invalid".into()])],
    };
    assert_eq!(after_failure(&invalid, 0, true, 0.5), AfterFailure::Refused);
}

#[test]
fn how_a_job_is_sent_follows_what_it_takes_and_what_this_tab_holds() {
    use mvsep_web::api::models::Input;
    use mvsep_web::state::job::queue::{sending, Sending};
    use mvsep_web::state::job::{Phase, TrackedJob};
    let mut j = TrackedJob::new(
        "j".into(),
        "a.wav".into(),
        String::new(),
        Phase::Queued,
        0.0,
    );
    assert_eq!(sending(&j, Ok(true), 1), Sending::Files(&["audiofile"]));
    assert_eq!(
        sending(&j, Ok(false), 1),
        Sending::Files(&["audiofile"]),
        "a free upload needs no token"
    );
    assert_eq!(sending(&j, Ok(true), 0), Sending::NeedsFiles);
    j.input = Input::Pair;
    assert_eq!(
        sending(&j, Ok(true), 2),
        Sending::Files(&["target_audiofile", "reference_audiofile"])
    );
    assert_eq!(
        sending(&j, Ok(true), 1),
        Sending::NeedsFiles,
        "both or none"
    );
    j.input = Input::Prompt;
    assert_eq!(sending(&j, Ok(true), 0), Sending::Options);
    j.input = Input::Song;
    j.source_url = Some("https://example.org/a.mp3".into());
    assert_eq!(sending(&j, Ok(true), 0), Sending::Link);
    // Cut off: looked for first when a token may go there; never sent blindly where it may not.
    j.cut_off = true;
    assert_eq!(sending(&j, Ok(true), 0), Sending::Look);
    assert_eq!(
        sending(&j, Ok(false), 0),
        Sending::Link,
        "no token: nothing to look in"
    );
    let e = ApiError::Elsewhere {
        base: "https://x.example".into(),
    };
    assert_eq!(sending(&j, Err(e.clone()), 0), Sending::CannotLook(e));
}
