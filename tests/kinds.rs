#![cfg(not(target_arch = "wasm32"))]
//! Every kind of model: what each takes, what the picker calls it, how its job is named and
//! sent; text results; and the service's other shapes (the stand-in's dialect) read as the
//! recorded ones.

mod common;
use common::fixture;
use mvsep_web::api::decode::{decode, decode_each};
use mvsep_web::api::endpoints as ep;
use mvsep_web::api::models::{Algorithm, Created, Input, Job, Status};
use mvsep_web::api::request::Envelope;
use mvsep_web::api::RawResponse;
use mvsep_web::catalog::list::{grouped, Purpose, SortBy};
use mvsep_web::catalog::options::{initial_values, prompt_name, set_value, submission};
use mvsep_web::results::subtitles::{clock, cues, shown_as, Shown};
use mvsep_web::state::cache::join_lists;
use serde_json::Value;

fn all() -> Vec<Algorithm> {
    let body = join_lists(&[fixture("algorithms_2026_full"), fixture("algorithms_kinds")]);
    decode(&RawResponse::new(200, body), Envelope::Bare).unwrap()
}

fn by_render(list: &[Algorithm], render: i64) -> Algorithm {
    list.iter().find(|a| a.render_id == render).unwrap().clone()
}

#[test]
fn each_model_says_what_it_takes_and_does() {
    let list = all();
    assert_eq!(list.len(), 120);
    let kind = |r| by_render(&list, r);
    assert_eq!(kind(62).input(), Input::Prompt);
    assert_eq!(kind(104).input(), Input::Pair);
    assert_eq!(kind(40).input(), Input::Song);
    assert_eq!(Purpose::of(&kind(62)), Purpose::Generate);
    assert_eq!(Purpose::of(&kind(104)), Purpose::Master);
    assert_eq!(Purpose::of(&kind(39)), Purpose::Transcribe, "Whisper");
    assert_eq!(
        Purpose::of(&kind(120)),
        Purpose::Generate,
        "Qwen3-TTS voice cloning"
    );
    assert_eq!(Purpose::of(&kind(40)), Purpose::Separate);
    let enhance = grouped(&list, "", SortBy::Service, Some(Purpose::Enhance));
    let names: Vec<&str> = enhance
        .iter()
        .flat_map(|(_, v)| v.iter().map(|a| a.name.as_str()))
        .collect();
    assert!(names.iter().any(|n| n.starts_with("AudioSR")), "{names:?}");
    // Every active model is under exactly one kind, so the filter loses none.
    let count = |t: Option<Purpose>| -> usize {
        grouped(&list, "", SortBy::Service, t)
            .iter()
            .map(|(_, v)| v.len())
            .sum()
    };
    let by_kind: usize = Purpose::ALL.iter().map(|t| count(Some(*t))).sum();
    assert_eq!(by_kind, count(None));
    assert!(Purpose::ALL.iter().all(|t| count(Some(*t)) > 0));
}

#[test]
fn a_prompt_job_is_named_by_its_prompt_and_keeps_its_newlines() {
    let list = all();
    let sao = by_render(&list, 62);
    let mut v = initial_values(&sao, &Vec::new());
    assert!(submission(&sao, &v).is_err(), "the prompt is required");
    set_value(&mut v, "add_opt1", "  A calm piano\nwith rain \n");
    let sent = submission(&sao, &v).unwrap();
    assert_eq!(
        sent[0],
        ("add_opt1".into(), "A calm piano\nwith rain".into())
    );
    assert_eq!(
        sent[1],
        ("add_opt2".into(), "10".into()),
        "the length's default"
    );
    assert_eq!(prompt_name(&sao, &sent), "A calm piano.wav");
    // A model with ten options sends them all, in their order; its first written field names it.
    let ace = by_render(&list, 115);
    let mut v = initial_values(&ace, &Vec::new());
    set_value(&mut v, "add_opt1", "lofi, warm");
    let sent = submission(&ace, &v).unwrap();
    let names: Vec<&str> = sent.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "add_opt1",
            "add_opt3",
            "add_opt4",
            "add_opt5",
            "add_opt6",
            "add_opt8",
            "add_opt9",
            "add_opt10"
        ]
    );
    assert_eq!(prompt_name(&ace, &sent), "lofi, warm.wav");
}

#[test]
fn creates_send_the_files_each_kind_takes() {
    let opts = Default::default();
    assert_eq!(
        ep::create_from_file(None, &opts, ep::SONG).file_fields,
        ["audiofile"]
    );
    let pair = ep::create_from_file(Some("t"), &opts, ep::TARGET_AND_REFERENCE);
    assert_eq!(
        pair.file_fields,
        ["target_audiofile", "reference_audiofile"]
    );
    let none = ep::create_from_file(Some("t"), &opts, ep::NO_FILE);
    assert!(none.file_fields.is_empty());
    assert!(none.form.iter().any(|(k, _)| k == "sep_type"));
}

#[test]
fn lists_of_each_scope_are_cached_as_one() {
    let a = r#"[{"id":1,"name":"a","render_id":1}]"#.to_string();
    let b = " [ ] ".to_string();
    let c = r#"[{"id":2,"name":"b","render_id":2},{"id":3,"name":"c","render_id":3}]"#.to_string();
    let joined = join_lists(&[a.clone(), b, c]);
    let list: Vec<Algorithm> = decode(&RawResponse::new(200, joined), Envelope::Bare).unwrap();
    assert_eq!(list.iter().map(|a| a.id).collect::<Vec<_>>(), [1, 2, 3]);
    // A list that is not a plain array: only the first is kept.
    assert_eq!(join_lists(&[a.clone(), "{\"data\":[]}".into()]), a);
}

#[test]
fn text_results_are_told_apart_and_subtitles_read_with_their_times() {
    assert_eq!(shown_as("talk.srt"), Shown::Subtitles);
    assert_eq!(shown_as("https://x/a/talk.VTT?x=1"), Shown::Subtitles);
    assert_eq!(shown_as("talk.txt"), Shown::Text);
    assert_eq!(shown_as("talk.json"), Shown::Text);
    assert_eq!(shown_as("song_vocals.flac"), Shown::Audio);
    assert_eq!(shown_as("https://x/file"), Shown::Audio);
    assert_eq!(shown_as("piano.mid"), Shown::Download);
    let srt = "1\r\n00:00:00,000 --> 00:00:02,000\r\nLine one\r\n\r\n2\r\n00:01:02,500 --> 00:01:04,000\r\nTwo\r\nlines\r\n";
    let c = cues(srt);
    assert_eq!(c.len(), 2);
    assert_eq!(
        (c[1].start, c[1].end, c[1].text.as_str()),
        (62.5, 64.0, "Two\nlines")
    );
    let vtt = "WEBVTT\n\nNOTE made by a test\n\n00:05.000 --> 00:07.250 align:start\nHello\n\nintro\n01:00:00.000 --> 01:00:01.000\nLate\n";
    let c = cues(vtt);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(
        (c[0].start, c[0].end, c[0].text.as_str()),
        (5.0, 7.25, "Hello")
    );
    assert_eq!(c[1].start, 3600.0);
    assert_eq!(
        (clock(62.5), clock(3601.0)),
        ("1:02".to_string(), "1:00:01".to_string())
    );
    assert!(cues("just some words").is_empty());
}

/// The stand-in's dialect shapes (tests/standin/src/dialect.rs), as other clients saw them.
#[test]
fn the_services_other_shapes_read_as_the_recorded_ones() {
    let mut list: Vec<Value> = serde_json::from_str(&fixture("algorithms_2026_sample")).unwrap();
    let plain: Vec<Algorithm> = decode(
        &RawResponse::new(200, fixture("algorithms_2026_sample")),
        Envelope::Bare,
    )
    .unwrap();
    for a in &mut list {
        a["render_id"] = Value::from(a["render_id"].to_string());
        a["is_active"] = Value::from("1");
        a["audio_upload_disabled"] = Value::from(false);
        let c = a["price_coefficient"].as_f64().unwrap();
        a["price_coefficient"] = Value::from(format!("{c:.4}"));
        for f in a["algorithm_fields"].as_array_mut().unwrap() {
            f["required"] = Value::from(f["required"] == 1);
            let object: Value = serde_json::from_str(f["options"].as_str().unwrap()).unwrap();
            f["options"] = object;
        }
    }
    let body = serde_json::to_string(&list).unwrap();
    let (read, unreadable) =
        decode_each::<Algorithm>(&RawResponse::new(200, body), Envelope::Bare).unwrap();
    assert_eq!(unreadable, 0);
    for (a, b) in read.iter().zip(&plain) {
        assert_eq!(
            (a.render_id, a.is_active, a.price_coefficient),
            (b.render_id, b.is_active, b.price_coefficient)
        );
        for (x, y) in a.sorted_fields().iter().zip(b.sorted_fields()) {
            assert_eq!(
                x.option_pairs().unwrap(),
                y.option_pairs().unwrap(),
                "{}",
                a.name
            );
            assert_eq!(x.required, y.required);
        }
    }
    let created: Created = decode(
        &RawResponse::new(200, r#"{"success":"true","data":{"link":"l","hash":"h"}}"#),
        ep::create_from_file(None, &Default::default(), ep::SONG).envelope,
    )
    .unwrap();
    assert_eq!(created.hash, "h");
    let job = |status: &str, bytes: &str| {
        format!(
            r#"{{"success":true,"status":"{status}","data":{{"files":[{{"type":"Vocals","url":"https://x/v.wav","size":"1.00 MB","bytes":{bytes}}}]}}}}"#
        )
    };
    let converting: Job = decode(
        &RawResponse::new(200, job("converting", "1")),
        Envelope::Whole,
    )
    .unwrap();
    assert_eq!(
        (converting.status, converting.status_name.as_str()),
        (Status::Unknown, "converting")
    );
    let no_files = r#"{"success":true,"status":"processing","data":{"files":null}}"#;
    let processing: Job = decode(&RawResponse::new(200, no_files), Envelope::Whole).unwrap();
    assert!(
        processing.data.files.is_empty(),
        "files: null reads as none"
    );
    for bytes in ["\"1048577\"", "1048577"] {
        let done: Job =
            decode(&RawResponse::new(200, job("done", bytes)), Envelope::Whole).unwrap();
        assert_eq!(done.data.files[0].bytes, Some(1048577.0), "{bytes}");
    }
}
