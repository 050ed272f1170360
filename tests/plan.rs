#![cfg(not(target_arch = "wasm32"))]
//! What pressing Separate makes of the form (`pages::separate::plan`), for each kind of model:
//! the jobs, which files each takes, the songs left in the form, and what the screen says.

mod common;
use common::fixture;
use mvsep_web::api::decode::decode;
use mvsep_web::api::models::{Algorithm, Input, RemoteType};
use mvsep_web::api::request::Envelope;
use mvsep_web::api::RawResponse;
use mvsep_web::catalog::options::{initial_values, set_value};
use mvsep_web::pages::separate::plan::{plan, Files, Plan, Song, Submission};
use mvsep_web::state::cache::join_lists;
use mvsep_web::state::job::Phase;

fn model(render: i64) -> Algorithm {
    let body = join_lists(&[fixture("algorithms_2026_full"), fixture("algorithms_kinds")]);
    let list: Vec<Algorithm> = decode(&RawResponse::new(200, body), Envelope::Bare).unwrap();
    list.into_iter().find(|a| a.render_id == render).unwrap()
}

fn song(name: &str, secs: f64, refused: bool) -> Song {
    Song {
        name: name.into(),
        bytes: secs * 176_400.0,
        secs: Some(secs),
        refused,
    }
}

fn form(alg: Algorithm) -> Submission {
    Submission {
        values: initial_values(&alg, &Vec::new()),
        input: alg.input(),
        chosen: Some(alg),
        refusal: None,
        output_format: 1,
        is_demo: false,
        link: None,
        pair: None,
        api_base: "https://mvsep.com".into(),
        price: (1.0, 1.0),
    }
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id{n}")
    }
}

#[test]
fn songs_become_one_queued_job_each_and_refused_ones_stay_in_the_form() {
    let f = form(model(40));
    let songs = vec![
        song("a.wav", 60.0, false),
        song("too long.wav", 9000.0, true),
        song("b.wav", 180.0, false),
    ];
    let Plan::Queue { jobs, kept, said } = plan(&f, &songs, ids(), 5.0) else {
        panic!("queued")
    };
    assert_eq!(kept, vec![1]);
    assert_eq!(
        said,
        "2 songs added to the queue; they are sent as slots free on your plan."
    );
    let files: Vec<Files> = jobs.iter().map(|(_, f)| *f).collect();
    assert_eq!(files, vec![Files::Song(0), Files::Song(2)]);
    let (a, b) = (&jobs[0].0, &jobs[1].0);
    assert_eq!((a.id.as_str(), b.id.as_str()), ("id1", "id2"));
    assert_eq!(a.file_name, "a.wav");
    assert_eq!(a.phase, Phase::Queued);
    assert_eq!(a.created_ms, 5.0);
    assert_eq!(a.options.sep_type, 40);
    assert_eq!(a.cost, Some(1));
    assert_eq!(b.cost, Some(3));
    assert_eq!(b.duration_secs, Some(180.0));
    assert!(!a.option_text.is_empty(), "what was asked, for the card");
}

#[test]
fn nothing_goes_without_a_model_songs_or_complete_options() {
    let mut f = form(model(40));
    f.chosen = None;
    assert!(
        matches!(plan(&f, &[], ids(), 0.0), Plan::Refused { why, .. } if why == "Choose a model first.")
    );
    let f = form(model(40));
    assert!(
        matches!(plan(&f, &[], ids(), 0.0), Plan::Refused { why, .. } if why == "Add at least one song.")
    );
    let f = form(model(40));
    let songs = vec![song("x.wav", 9000.0, true)];
    let Plan::Refused { why, fields } = plan(&f, &songs, ids(), 0.0) else {
        panic!("refused")
    };
    assert!(
        why.starts_with("None of the songs can be sent: 1 cannot"),
        "{why}"
    );
    assert!(fields.is_empty());
    // A prompt model without its prompt: the field says what it needs.
    let f = form(model(62));
    let Plan::Refused { why, fields } = plan(&f, &[], ids(), 0.0) else {
        panic!("refused")
    };
    assert_eq!(why, "Some options need a value.");
    assert_eq!(fields[0].0, "add_opt1");
    let mut f = form(model(40));
    f.refusal = Some("Premium only".into());
    assert!(
        matches!(plan(&f, &[], ids(), 0.0), Plan::Refused { why, .. } if why == "Premium only")
    );
}

#[test]
fn a_link_a_prompt_and_a_pair_each_make_one_job_of_their_kind() {
    let mut f = form(model(40));
    f.link = Some((
        "https://example.org/music/song.mp3?x=1".into(),
        RemoteType::Direct,
    ));
    let Plan::Queue { jobs, said, .. } = plan(&f, &[], ids(), 0.0) else {
        panic!("queued")
    };
    assert_eq!(said, "The link was sent to the queue.");
    assert_eq!(jobs[0].0.file_name, "song.mp3");
    assert_eq!(
        jobs[0].0.source_url.as_deref(),
        Some("https://example.org/music/song.mp3?x=1")
    );
    assert_eq!(jobs[0].1, Files::None);
    f.link = Some(("javascript:alert(1)".into(), RemoteType::Direct));
    assert!(matches!(plan(&f, &[], ids(), 0.0), Plan::Refused { .. }));

    let mut f = form(model(62));
    set_value(&mut f.values, "add_opt1", "A calm piano\nwith rain");
    let Plan::Queue { jobs, .. } = plan(&f, &[], ids(), 0.0) else {
        panic!("queued")
    };
    assert_eq!(jobs[0].0.input, Input::Prompt);
    assert_eq!(jobs[0].0.file_name, "A calm piano.wav");
    assert_eq!(jobs[0].1, Files::None);

    let mut f = form(model(104));
    assert!(
        matches!(plan(&f, &[], ids(), 0.0), Plan::Refused { why, .. } if why.starts_with("Choose both files"))
    );
    f.pair = Some(("target.wav".into(), 1000.0));
    let Plan::Queue { jobs, .. } = plan(&f, &[], ids(), 0.0) else {
        panic!("queued")
    };
    assert_eq!(jobs[0].0.input, Input::Pair);
    assert_eq!(
        (jobs[0].0.file_name.as_str(), jobs[0].0.file_bytes),
        ("target.wav", 1000.0)
    );
    assert_eq!(jobs[0].1, Files::Pair);
}
