//! The library's list (src/library/list.rs): what a kept result holds, how its page is drawn
//! from it, and where its files are kept.

use mvsep_web::api::models::{ResultFile, Status};
use mvsep_web::library::list::{kept_url, Kept};
use mvsep_web::state::job::{JobResult, TrackedJob};

fn file(stem: &str, url: &str) -> ResultFile {
    serde_json::from_value(serde_json::json!({ "type": stem, "url": url })).unwrap()
}

fn done(hash: &str) -> TrackedJob {
    let mut j = TrackedJob::from_hash("id".into(), hash, "https://mvsep.com".into(), 1000.0);
    j.file_name = "song.wav".into();
    j.algorithm = "BS Roformer".into();
    j.option_text = vec!["Overlap: 4".into()];
    j.long_names = true;
    j.status = Some(Status::Done);
    j.result = Some(JobResult {
        files: vec![
            file("Vocals", "https://mvsep.com/f/v.wav"),
            file("Other", "https://mvsep.com/f/o.wav"),
        ],
        algorithm: Some("BS Roformer 2025".into()),
        ..JobResult::default()
    });
    j
}

#[test]
fn a_kept_result_draws_its_page_as_it_was_kept() {
    let k = Kept::of(&done("2026-abc"), vec![10.0, 20.0], 5000.0)
        .expect("a done job with a hash is kept");
    assert_eq!(k.total_bytes(), 30.0);
    assert_eq!(k.model(), "BS Roformer 2025");
    let j = k.job(9000.0);
    assert_eq!(j.hash.as_deref(), Some("2026-abc"));
    assert_eq!(j.status, Some(Status::Done));
    assert_eq!((j.file_name.as_str(), j.long_names), ("song.wav", true));
    assert_eq!(j.option_text, vec!["Overlap: 4".to_string()]);
    assert_eq!(j.result.unwrap().files.len(), 2);
    // What is stored reads back as it was.
    let text = serde_json::to_string(&k).unwrap();
    assert_eq!(serde_json::from_str::<Kept>(&text).unwrap(), k);
}

#[test]
fn nothing_is_kept_of_a_job_without_a_hash_or_a_result() {
    let mut j = done("h");
    j.hash = None;
    assert!(Kept::of(&j, vec![], 0.0).is_none());
    let mut j = done("h");
    j.result = None;
    assert!(Kept::of(&j, vec![], 0.0).is_none());
}

#[test]
fn kept_files_live_at_this_sites_own_addresses() {
    assert_eq!(kept_url("2026-abc", 0), "kept/2026-abc/0");
    // A hash is one segment of the address, whatever it holds.
    assert_eq!(kept_url("a/b c+d", 3), "kept/a%2Fb%20c%2Bd/3");
    let k = Kept::of(&done("x y"), vec![1.0, 2.0], 0.0).unwrap();
    let files = k.kept_files();
    assert_eq!(files[1].url, "kept/x%20y/1");
    assert_eq!(files[0].stem, "Vocals");
}

#[test]
fn the_input_is_the_file_after_the_results_when_it_was_kept() {
    let without = Kept::of(&done("h1"), vec![1.0, 2.0], 0.0).unwrap();
    assert_eq!(without.kept_input(), None);
    let with = Kept::of(&done("h1"), vec![1.0, 2.0, 5.0], 0.0).unwrap();
    assert_eq!(with.kept_input().as_deref(), Some("kept/h1/2"));
    assert_eq!(with.total_bytes(), 8.0);
}
