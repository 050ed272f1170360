#![cfg(not(target_arch = "wasm32"))]
//! The tracked job, natively: the service's answers mapped onto it (over the recorded bodies),
//! the recovery and merging of saved jobs, and the routes that open a job.

mod common;
use common::ok;
use mvsep_web::api::decode::decode;
use mvsep_web::api::endpoints as ep;
use mvsep_web::api::models::{Job, Status};
use mvsep_web::routing::route::Route;
use mvsep_web::state::job::saved::decode as decode_saved;
use mvsep_web::state::job::tabs::merge_tabs;
use mvsep_web::state::job::Phase;
use mvsep_web::state::job::{Note, TrackedJob};

fn answer(name: &str) -> Job {
    decode(&ok(name), ep::get_job("x", false, None).envelope).unwrap()
}

fn followed(hash: &str) -> TrackedJob {
    TrackedJob::from_hash("id-1".into(), hash, "https://mvsep.com".into(), 1000.0)
}

#[test]
fn a_job_known_by_its_hash_is_named_from_it() {
    let j = followed("20240205144711-c46e6a674c-my-song.mp3");
    assert_eq!(j.file_name, "my-song.mp3");
    assert_eq!(j.phase, Phase::Submitted);
    assert!(j.needs_poll());
}

#[test]
fn a_waiting_answer_gives_the_queue_position_and_does_not_end_the_job() {
    let mut j = followed("h");
    assert!(!j.take_answer(&answer("postman_separation_get_waiting_200"), 2000.0));
    assert_eq!(j.status, Some(Status::Waiting));
    assert_eq!(j.phase, Phase::Submitted);
    assert!(j.status_line(2000.0).starts_with("Waiting in the queue"));
}

#[test]
fn a_done_answer_with_files_ends_the_job_once_with_its_results() {
    let mut j = followed("h");
    assert!(j.take_answer(
        &answer("testliteral_ablevsep_separation_get_done_files"),
        2000.0
    ));
    assert_eq!(j.phase, Phase::Ended);
    let r = j.result.clone().expect("results");
    assert!(!r.files.is_empty());
    assert_eq!(j.status_line(2000.0), "Done");
    // The same answer again is not a second ending (no second notification).
    assert!(!j.take_answer(
        &answer("testliteral_ablevsep_separation_get_done_files"),
        3000.0
    ));
}

#[test]
fn not_found_ends_the_job_and_says_why() {
    let mut j = followed("h");
    assert!(j.take_answer(&answer("separation_get_not_found"), 2000.0));
    assert_eq!(j.status, Some(Status::NotFound));
    assert_eq!(j.note, Some(Note::Gone));
    assert!(j.note_text().unwrap_or_default().contains("expired"));
}

#[test]
fn saved_jobs_come_back_with_cut_off_uploads_marked_interrupted() {
    let mut up = followed("a");
    up.hash = None;
    up.phase = Phase::Uploading;
    let mut queued = followed("b");
    queued.hash = None;
    queued.phase = Phase::Queued;
    let mut c = followed("c");
    c.id = "id-c".into();
    let (up, queued) = (
        TrackedJob {
            id: "id-a".into(),
            ..up
        },
        TrackedJob {
            id: "id-b".into(),
            ..queued
        },
    );
    let text = serde_json::to_string(&vec![up, queued, c]).unwrap();
    let (saved, unreadable) = decode_saved(&text);
    assert!(unreadable.is_empty());
    // After a reload the tab that saved them is gone (a new page is a new tab): taken over.
    let back = merge_tabs(&[], saved, "me", |_| false, &[]);
    assert_eq!(back.len(), 3);
    assert_eq!(back[0].phase, Phase::Interrupted);
    assert!(
        back[0].cut_off,
        "an upload cut off may have reached the service"
    );
    assert_eq!(back[1].phase, Phase::Interrupted);
    assert_eq!(back[2].phase, Phase::Submitted);
}

#[test]
fn one_damaged_saved_entry_is_kept_aside_and_the_others_come_back() {
    let good = serde_json::to_value(followed("20240101-x-a.wav")).unwrap();
    let damaged = serde_json::json!({"id": 7, "phase": "Martian"});
    let text = serde_json::to_string(&vec![good.clone(), damaged.clone(), good]).unwrap();
    let (back, unreadable) = decode_saved(&text);
    assert_eq!(back.len(), 2);
    assert_eq!(unreadable.len(), 1);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&unreadable[0]).unwrap(),
        damaged
    );
}

#[test]
fn a_saved_list_that_is_not_json_is_kept_whole() {
    let (back, unreadable) = decode_saved("[{\"id\": \"cut off");
    assert!(back.is_empty());
    assert_eq!(unreadable, ["[{\"id\": \"cut off"]);
}

fn owned(hash: &str, id: &str, owner: Option<&str>) -> TrackedJob {
    let mut j = followed(hash);
    j.id = id.into();
    j.owner = owner.map(str::to_string);
    j
}

#[test]
fn jobs_opened_before_the_saved_ones_were_read_are_kept_unless_saved_already() {
    let saved = vec![owned("20240101-x-a.wav", "id-1", None)];
    let same = owned("20240101-x-a.wav", "id-2", Some("me"));
    let other = owned("20240101-y-b.wav", "id-3", Some("me"));
    let all = merge_tabs(&[same, other], saved, "me", |_| false, &[]);
    let hashes: Vec<_> = all.iter().map(|j| j.hash.clone().unwrap()).collect();
    assert_eq!(hashes, ["20240101-x-a.wav", "20240101-y-b.wav"]);
    assert!(all.iter().all(|j| j.owner.as_deref() == Some("me")));
}

#[test]
fn two_tabs_never_write_over_each_others_jobs() {
    // Tab A stored its job; tab B, which never saw it, merges before writing its own.
    let a = owned("20240101-x-a.wav", "a-1", Some("A"));
    let b = owned("20240101-y-b.wav", "b-1", Some("B"));
    let written_by_b = merge_tabs(
        std::slice::from_ref(&b),
        vec![a.clone()],
        "B",
        |t| t == "A",
        &[],
    );
    assert_eq!(written_by_b.len(), 2, "a third tab reads both");
    // A's copy of its own job wins over what B stored of it; B's stays B's.
    let mut a_later = a.clone();
    a_later.status = Some(Status::Done);
    let written_by_a = merge_tabs(&[a_later.clone()], written_by_b, "A", |t| t == "B", &[]);
    assert_eq!(written_by_a[0], a_later);
    assert_eq!(written_by_a[1], b);
    // In B, A's job is A's: shown as stored, never sent or polled by B.
    let in_b = merge_tabs(
        &[b.clone(), a.clone()],
        written_by_a.clone(),
        "B",
        |t| t == "A",
        &[],
    );
    assert_eq!(in_b[0].status, Some(Status::Done));
    assert_eq!(in_b[0].owner.as_deref(), Some("A"));
}

#[test]
fn a_gone_tabs_jobs_are_taken_over_and_recovered_and_forgotten_ones_stay_forgotten() {
    let mut uploading = owned("20240101-x-a.wav", "a-1", Some("A"));
    uploading.hash = None;
    uploading.phase = Phase::Uploading;
    let queued_link = {
        let mut j = owned("x", "a-2", Some("A"));
        j.hash = None;
        j.phase = Phase::Queued;
        j.source_url = Some("https://example.com/a.mp3".into());
        j
    };
    let stored = vec![uploading.clone(), queued_link];
    // A is alive: its upload is left to it.
    let live = merge_tabs(&[], stored.clone(), "B", |t| t == "A", &[]);
    assert_eq!(live[0].phase, Phase::Uploading);
    assert_eq!(live[1].owner.as_deref(), Some("A"));
    // A is gone: B takes both, the upload as after a reload; the link job will be sent by B.
    let gone = merge_tabs(&[], stored, "B", |_| false, &[]);
    assert_eq!(gone[0].phase, Phase::Interrupted);
    assert!(gone[0].cut_off);
    assert_eq!(
        (gone[1].phase.clone(), gone[1].owner.as_deref()),
        (Phase::Queued, Some("B"))
    );
    // A tab that took a job over keeps it, even against an old copy claiming it.
    let back = merge_tabs(&[uploading], gone.clone(), "A", |t| t == "B", &[]);
    assert_eq!(back[0].owner.as_deref(), Some("B"));
    // Forgotten in any tab: gone from every tab's list.
    let after = merge_tabs(&gone, gone.clone(), "B", |_| false, &["a-1".to_string()]);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].id, "a-2");
}

#[test]
fn routes_round_trip_and_a_plus_in_a_job_hash_stays_a_plus() {
    assert_eq!(Route::parse("/jobs/a+b%20c"), Route::Job("a+b c".into()));
    for r in [
        Route::Separate,
        Route::Jobs,
        Route::Job("20240101-x-my song+1.wav".into()),
        Route::History,
        Route::QcEntry(42),
        Route::QcQueue,
        Route::QcSubmit,
        Route::Settings,
    ] {
        assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
    }
    assert_eq!(Route::parse("/settings/"), Route::Settings);
    assert_eq!(Route::parse("/leaderboard/entry/x"), Route::NotFound);
    assert_eq!(Route::parse("/jobs/a/b"), Route::NotFound);
}

#[test]
fn the_base_path_comes_from_the_pages_base_url() {
    use mvsep_web::routing::route::base_path;
    assert_eq!(base_path("http://127.0.0.1:8791/"), "");
    assert_eq!(base_path("https://example.org/mvsep/"), "/mvsep");
    assert_eq!(
        base_path("https://example.org/a/b/index.html?x=1#y"),
        "/a/b"
    );
    assert_eq!(base_path(""), "");
    // Off the browser the app is at the root, and a screen's address is its path.
    assert_eq!(Route::at("/jobs"), Route::Jobs);
    assert_eq!(Route::Jobs.href(), "/jobs");
}

#[test]
fn results_of_the_same_song_are_found_for_comparing() {
    let job = |name: &str, bytes: f64, url: Option<&str>| {
        let mut j = TrackedJob::new(
            "id".into(),
            name.into(),
            "https://mvsep.com".into(),
            Phase::Queued,
            0.0,
        );
        j.file_bytes = bytes;
        j.source_url = url.map(str::to_string);
        j
    };
    let a = job("song.wav", 1000.0, None);
    assert!(a.same_input(&job("song.wav", 1000.0, None)));
    assert!(
        !a.same_input(&job("song.wav", 999.0, None)),
        "another size is another file"
    );
    assert!(!a.same_input(&job("other.wav", 1000.0, None)));
    // A size not known (a job opened by its hash) is not enough to say it is the same song.
    assert!(!job("song.wav", 0.0, None).same_input(&job("song.wav", 0.0, None)));
    let l = job("x", 0.0, Some("https://example.com/a.mp3"));
    assert!(l.same_input(&job("y", 0.0, Some(" https://example.com/a.mp3"))));
    assert!(!l.same_input(&job("x", 0.0, Some("https://example.com/b.mp3"))));
}

#[test]
fn a_job_made_here_is_this_tabs_and_is_not_taken_for_a_gone_tabs() {
    let mut up = owned("20240101-x-a.wav", "id-1", None);
    up.hash = None;
    up.phase = Phase::Uploading;
    let first = merge_tabs(std::slice::from_ref(&up), vec![], "me", |_| false, &[]);
    assert_eq!(first[0].owner.as_deref(), Some("me"));
    assert_eq!(
        first[0].phase,
        Phase::Uploading,
        "not recovered: it is uploading here"
    );
    // Stored once, then merged again with this tab's copy (still without an owner).
    let again = merge_tabs(&[up], first, "me", |_| false, &[]);
    assert_eq!(again[0].phase, Phase::Uploading);
    assert_eq!(again[0].owner.as_deref(), Some("me"));
}

#[test]
fn what_is_said_of_a_job_changes_with_its_state_not_with_its_clock() {
    let mut j = followed("p");
    j.status = Some(Status::Processing);
    j.processing_since_ms = Some(1000.0);
    assert_eq!(j.status_said(), "Processing");
    assert_eq!(j.running_clock(13_000.0).as_deref(), Some("0:12"));
    assert_eq!(j.running_clock(73_000.0).as_deref(), Some("1:12"));
    assert!(j.status_line(13_000.0).contains("0:12"));
    j.status = Some(Status::Waiting);
    j.queue = Some((3, 9));
    assert_eq!(j.status_said(), "Waiting in the queue: position 3 of 9");
    assert_eq!(j.running_clock(13_000.0), None);
}

#[test]
fn a_link_jobs_remote_type_is_stored_in_the_services_words_and_read_loosely() {
    use mvsep_web::api::models::RemoteType;
    let mut job = followed("20240205144711-c46e6a674c-song.mp3");
    job.remote_type = Some(RemoteType::Mega);
    let text = serde_json::to_string(&job).unwrap();
    assert!(text.contains(r#""remote_type":"mega""#), "{text}");
    // Saved by older versions as text; a word this version does not know is a direct link.
    for (word, read) in [
        ("drive", RemoteType::Drive),
        ("dropbox", RemoteType::Dropbox),
        ("direct", RemoteType::Direct),
        ("ftp", RemoteType::Direct),
    ] {
        let saved = text.replace(
            r#""remote_type":"mega""#,
            &format!(r#""remote_type":"{word}""#),
        );
        let back: TrackedJob = serde_json::from_str(&saved).unwrap();
        assert_eq!(back.remote_type, Some(read), "{word}");
    }
}

#[test]
fn the_static_shells_navigation_is_the_apps() {
    // index.html paints the navigation before the wasm loads; it must list what `NAV` lists.
    // Its addresses are relative to <base href> ("/" here), as the app's follow it.
    let html = std::fs::read_to_string("index.html").unwrap();
    let shell: Vec<(String, String)> = html
        .split("<li><a href=\"")
        .skip(1)
        .map(|rest| {
            let href = rest.split('"').next().unwrap();
            let href = format!("/{}", href.trim_start_matches("./"));
            let label = rest.split('>').nth(1).unwrap().split('<').next().unwrap();
            (href, label.to_string())
        })
        .collect();
    let app: Vec<(String, String)> = mvsep_web::routing::route::NAV
        .iter()
        .map(|(r, label)| (r.href(), label.to_string()))
        .collect();
    assert_eq!(shell, app);
}

#[test]
fn a_full_storage_lets_go_of_finished_jobs_past_the_services_expiry_first() {
    use mvsep_web::state::job::saved::{without_expired, EXPIRES_AFTER_MS};
    let job = |id: &str, phase: Phase, age_ms: f64| {
        TrackedJob::new(
            id.into(),
            "s.wav".into(),
            String::new(),
            phase,
            1e13 - age_ms,
        )
    };
    let jobs = vec![
        job("old done", Phase::Ended, EXPIRES_AFTER_MS + 1.0),
        job("old refused", Phase::Refused, EXPIRES_AFTER_MS * 2.0),
        job("new done", Phase::Ended, 1000.0),
        job("old but followed", Phase::Submitted, EXPIRES_AFTER_MS * 2.0),
        job("old but queued", Phase::Queued, EXPIRES_AFTER_MS * 2.0),
    ];
    let ids: Vec<String> = without_expired(&jobs, 1e13)
        .into_iter()
        .map(|j| j.id)
        .collect();
    assert_eq!(ids, ["new done", "old but followed", "old but queued"]);
}

#[test]
fn a_job_picked_up_with_files_to_send_is_marked_to_resume_from_the_kept_files() {
    use mvsep_web::state::job::saved::recover;
    let mut uploading = TrackedJob::new(
        "u".into(),
        "a.wav".into(),
        String::new(),
        Phase::Uploading,
        0.0,
    );
    recover(&mut uploading);
    assert!(
        uploading.resume && uploading.cut_off,
        "looked for at the service before it is resent"
    );
    assert_eq!(uploading.phase, Phase::Interrupted);
    let mut queued = TrackedJob::new(
        "q".into(),
        "b.wav".into(),
        String::new(),
        Phase::Queued,
        0.0,
    );
    recover(&mut queued);
    assert!(queued.resume && !queued.cut_off);
    let mut link = TrackedJob::new("l".into(), "c".into(), String::new(), Phase::Queued, 0.0);
    link.source_url = Some("https://example.org/song".into());
    recover(&mut link);
    assert!(!link.resume, "a link job needs no file");
    assert_eq!(link.phase, Phase::Queued);
    // Saved by an older version (no `resume`), it reads as not resuming.
    let (saved, unreadable) = decode_saved(
        &serde_json::to_string(&[&queued])
            .unwrap()
            .replace(",\"resume\":true", ""),
    );
    assert!(unreadable.is_empty());
    assert!(!saved[0].resume);
}

#[test]
fn fields_a_newer_version_saved_are_kept_when_this_version_writes_the_list_back() {
    let job = TrackedJob::new(
        "n".into(),
        "new.wav".into(),
        String::new(),
        Phase::Submitted,
        0.0,
    );
    let mut entry = serde_json::to_value(&job).unwrap();
    entry["stems_wanted"] = serde_json::json!(["vocals", "drums"]);
    entry["schema_note"] = serde_json::json!({"from": 3});
    let text = serde_json::to_string(&[entry]).unwrap();
    let (saved, unreadable) = decode_saved(&text);
    assert!(unreadable.is_empty());
    assert_eq!(saved[0].file_name, "new.wav");
    let written: serde_json::Value =
        serde_json::from_str(&mvsep_web::state::job::saved::encode(&saved)).unwrap();
    assert_eq!(
        written[0]["stems_wanted"],
        serde_json::json!(["vocals", "drums"])
    );
    assert_eq!(written[0]["schema_note"]["from"], 3);
    assert!(
        written[0].get("unknown").is_none(),
        "kept at the top level, where they were"
    );
}

#[test]
fn saved_jobs_carry_their_format_and_a_newer_ones_are_left_to_a_tab_of_its_version() {
    use mvsep_web::state::job::SCHEMA;
    let mut job = TrackedJob::new(
        "j".into(),
        "v.wav".into(),
        String::new(),
        Phase::Uploading,
        0.0,
    );
    job.owner = Some("gone tab".into());
    assert_eq!(job.schema, SCHEMA);
    let mut old = serde_json::to_value(&job).unwrap();
    old.as_object_mut().unwrap().remove("schema");
    let mut newer = serde_json::to_value(&job).unwrap();
    newer["id"] = "k".into();
    newer["schema"] = (SCHEMA + 1).into();
    let (saved, unreadable) = decode_saved(&serde_json::to_string(&[old, newer]).unwrap());
    assert!(unreadable.is_empty());
    // An entry saved before entries carried a format reads as the first, brought up to this one.
    assert_eq!(saved[0].schema, SCHEMA);
    assert!(saved[1].is_newer());
    // Their tab is gone: this version takes over its own format's job, not the newer one.
    let merged = merge_tabs(&[], saved, "me", |_| false, &[]);
    assert_eq!(merged[0].owner.as_deref(), Some("me"));
    assert_eq!(merged[0].phase, Phase::Interrupted);
    assert_eq!(merged[1].owner.as_deref(), Some("gone tab"));
    assert_eq!(
        merged[1].phase,
        Phase::Uploading,
        "shown as it was saved, not recovered here"
    );
    let written: serde_json::Value =
        serde_json::from_str(&mvsep_web::state::job::saved::encode(&merged)).unwrap();
    assert_eq!(written[1]["schema"], SCHEMA + 1, "written back as it is");
    // Read back, the known fields are not taken for unknown ones.
    let (again, _) = decode_saved(&written.to_string());
    assert!(again[0].unknown.is_empty());
}
