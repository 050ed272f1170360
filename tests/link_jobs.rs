#![cfg(not(target_arch = "wasm32"))]
//! Link jobs as the real service runs them: the short hash create answers is followed through
//! `get-remote` ("being downloaded, please wait", then the real job's hash), the job is never
//! sent twice meanwhile, and a reload resumes at the right step. Bodies as the service's API page
//! and other clients show them (no recording of get-remote exists).

use mvsep_web::api::decode::{decode, RawResponse};
use mvsep_web::api::endpoints as ep;
use mvsep_web::api::models::{Job, Status};
use mvsep_web::api::ApiError;
use mvsep_web::state::job::link::LINK_GRACE_MS;
use mvsep_web::state::job::saved::decode as decode_saved;
use mvsep_web::state::job::Phase;
use mvsep_web::state::job::TrackedJob;

const WAIT: &str = r#"{"success":false,"data":{"message":"Your audio file is being downloaded, please wait a while..."}}"#;

fn remote(body: &str) -> Result<Job, ApiError> {
    decode(&RawResponse::new(200, body), ep::get_remote("abc").envelope)
}

/// A link job just sent: the service answered the short hash `abc`.
fn sent() -> TrackedJob {
    let mut j = TrackedJob::new(
        "id-1".into(),
        "song.mp3".into(),
        "https://mvsep.com".into(),
        Phase::Submitted,
        1000.0,
    );
    j.source_url = Some("https://example.com/song.mp3".into());
    j.remote_hash = Some("abc".into());
    j.submitted_ms = Some(1000.0);
    j
}

#[test]
fn the_waiting_answer_is_the_services_words_and_not_an_end() {
    let Err(ApiError::Server { message, .. }) = remote(WAIT) else {
        panic!("success:false without a status reads as the service's words");
    };
    let mut j = sent();
    assert!(j.is_sent() && j.is_fetching_link() && j.needs_poll());
    assert!(!j.take_remote_wait(&message, 60_000.0));
    assert_eq!(j.phase, Phase::Submitted);
    assert_eq!(
        j.status_line(60_000.0),
        "The service is fetching the link: Your audio file is being downloaded, please wait a while..."
    );
}

#[test]
fn done_names_the_real_job_which_is_followed_from_then_on() {
    let answer = remote(
        r#"{"success":true,"status":"done","data":{"queue_count":0,"current_order":0,"message":"","link":"https://mvsep.com/result/20260101-aa-song.mp3","hash":"20260101-aa-song.mp3"}}"#,
    )
    .unwrap();
    let mut j = sent();
    assert!(!j.take_remote(&answer, 5000.0), "named, not ended");
    assert_eq!(j.hash.as_deref(), Some("20260101-aa-song.mp3"));
    assert_eq!(
        j.remote_hash.as_deref(),
        Some("abc"),
        "both hashes are kept"
    );
    assert!(!j.is_fetching_link() && j.needs_poll());
    assert_eq!(j.status, None, "the real job's state is not known yet");
}

#[test]
fn a_queue_answer_before_the_name_shows_the_place_and_a_failure_ends_the_job() {
    let mut j = sent();
    let waiting = remote(
        r#"{"success":true,"status":"waiting","data":{"queue_count":9,"current_order":"3","hash":"abc"}}"#,
    )
    .unwrap();
    assert!(!j.take_remote(&waiting, 5000.0));
    assert!(j.is_fetching_link());
    assert_eq!(j.queue, Some((3, 9)));
    let failed = remote(
        r#"{"success":true,"status":"failed","data":{"message":"Mega links cannot be fetched"}}"#,
    )
    .unwrap();
    assert!(j.take_remote(&failed, 6000.0));
    assert_eq!(j.phase, Phase::Ended);
    assert_eq!(
        j.status_line(6000.0),
        "Failed: Mega links cannot be fetched"
    );
}

#[test]
fn a_short_hash_get_remote_does_not_know_is_asked_for_with_get() {
    let mut j = sent();
    let nf = remote(r#"{"success":false,"status":"not_found","data":{"message":"File or File Hash not found"}}"#).unwrap();
    assert_eq!(nf.status, Status::NotFound);
    assert!(!j.take_remote(&nf, 5000.0));
    assert_eq!(j.hash.as_deref(), Some("abc"));
    assert_eq!(j.phase, Phase::Submitted);
}

#[test]
fn waiting_past_the_grace_period_ends_with_the_services_words() {
    let mut j = sent();
    assert!(j.take_remote_wait("please wait", 1000.0 + LINK_GRACE_MS + 1.0));
    assert_eq!(j.phase, Phase::Ended);
    assert_eq!(j.status, Some(Status::Failed));
    assert!(j
        .status_line(0.0)
        .contains("did not fetch the link within 5 minutes. It said: please wait"));
}

#[test]
fn a_reload_resumes_at_the_right_step_and_older_saved_jobs_still_read() {
    let mut j = sent();
    let text = serde_json::to_string(&vec![j.clone()]).unwrap();
    let (back, kept_aside) = decode_saved(&text);
    assert!(kept_aside.is_empty());
    assert_eq!(back[0].remote_hash.as_deref(), Some("abc"));
    assert!(back[0].is_fetching_link());
    // Saved before link jobs had a short hash: no field, read as none.
    j.remote_hash = None;
    j.hash = Some("h".into());
    let mut v = serde_json::to_value(vec![j]).unwrap();
    v[0].as_object_mut().unwrap().remove("remote_hash");
    let (old, kept_aside) = decode_saved(&v.to_string());
    assert!(kept_aside.is_empty());
    assert_eq!(old[0].remote_hash, None);
    assert!(!old[0].is_fetching_link() && old[0].is_sent());
}

#[test]
fn a_job_state_is_read_whatever_the_http_status() {
    let body = r#"{"success":false,"status":"not_found","data":{"message":"File or File Hash not found"}}"#;
    let job: Job = decode(
        &RawResponse::new(404, body),
        ep::get_job("x", false, None).envelope,
    )
    .expect("a state, not an error");
    assert_eq!(job.status, Status::NotFound);
    // A 404 page or an error without a status is still an error.
    assert!(decode::<Job>(
        &RawResponse::new(404, r#"{"message":"Not Found"}"#),
        ep::get_job("x", false, None).envelope
    )
    .is_err());
}

#[test]
fn a_status_this_app_does_not_know_is_shown_by_name_and_followed() {
    let job: Job = decode(
        &RawResponse::new(200, r#"{"success":"true","status":"converting","data":{}}"#),
        ep::get_job("x", false, None).envelope,
    )
    .expect("an unknown status and success as text are read");
    assert!(job.success, "success as the text \"true\"");
    assert_eq!(job.status, Status::Unknown);
    let mut j = sent();
    j.remote_hash = None;
    j.hash = Some("h".into());
    assert!(!j.take_answer(&job, 2000.0), "followed on, not ended");
    assert_eq!(j.status_line(2000.0), "In progress: converting");
    // Known statuses read as before, in any case, with success as 1.
    let done: Job = decode(
        &RawResponse::new(
            200,
            r#"{"success":1,"status":"Waiting","data":{"current_order":2,"queue_count":5}}"#,
        ),
        ep::get_job("x", false, None).envelope,
    )
    .unwrap();
    assert_eq!(done.status, Status::Waiting);
    assert!(!j.take_answer(&done, 3000.0));
    assert!(j.status_line(3000.0).starts_with("Waiting in the queue"));
}
