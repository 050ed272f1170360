#![cfg(not(target_arch = "wasm32"))]
//! A job's note: kept as data and put into words in the language shown now; the text an older
//! version saved (`message`) comes back as the service's words.

use mvsep_web::api::ApiError;
use mvsep_web::i18n::install;
use mvsep_web::state::job::saved::{decode, encode};
use mvsep_web::state::job::{Note, Phase, Step, TrackedJob, SCHEMA};

/// A catalogue's plain texts (plural forms left out), as the app installs them.
fn catalogue(code: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("src/i18n/lang/{code}.json")).unwrap();
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    map.into_iter()
        .filter_map(|(k, v)| Some((k, v.as_str()?.to_string())))
        .collect()
}

fn job() -> TrackedJob {
    TrackedJob::new(
        "j".into(),
        "song.wav".into(),
        String::new(),
        Phase::Interrupted,
        0.0,
    )
}

#[test]
fn a_saved_note_reads_in_the_language_shown_now() {
    let mut j = job();
    j.note = Some(Note::RetryIn {
        step: Step::Send,
        error: ApiError::TimedOut {
            base: "https://mvsep.com".into(),
            secs: 30,
        },
        wait_s: 7,
        attempt: 2,
        of: 6,
    });
    let (saved, _) = decode(&encode(&[j]));
    let j = &saved[0];
    install("en", Vec::new(), None);
    let english = j.note_text().unwrap();
    assert!(english.starts_with("Not sent:"), "{english}");
    assert!(english.contains("attempt 2 of 6"), "{english}");
    install("ru", catalogue("ru"), None);
    let russian = j.note_text().unwrap();
    assert!(russian.contains("(попытка 2 из 6)"), "{russian}");
    assert!(!russian.contains("Not sent"), "{russian}");
    install("zh-CN", catalogue("zh-CN"), None);
    let chinese = j.note_text().unwrap();
    assert_ne!(chinese, english);
    assert!(!chinese.contains("Trying again"), "{chinese}");
    install("en", Vec::new(), None);
    assert_eq!(
        j.note_text().unwrap(),
        english,
        "back in English after the switch"
    );
}

#[test]
fn every_note_is_saved_and_read_back_as_it_was() {
    let e = ApiError::Server {
        status: 400,
        message: "Not enough credits".into(),
    };
    let notes = [
        Note::Service("Файл загружается".into()),
        Note::Refused(e.clone()),
        Note::CheckFailed {
            error: e.clone(),
            retry_in_s: 5,
        },
        Note::CheckGaveUp {
            error: e.clone(),
            attempts: 10,
        },
        Note::Expired,
        Note::Gone,
        Note::Looking,
        Note::LookStopped,
        Note::CannotLook(ApiError::Elsewhere {
            base: "https://x.example".into(),
        }),
        Note::ChooseAgain,
        Note::SlotWait("You already have a job in process".into()),
        Note::UploadCancelled,
        Note::CutOffByReload,
        Note::QueuedAtClose,
        Note::AskRetry {
            step: Step::Look,
            error: e,
            unsure: true,
        },
        Note::LinkNotFetched {
            minutes: 5,
            words: "please wait".into(),
        },
        Note::Cancelled,
    ];
    let jobs: Vec<TrackedJob> = notes
        .iter()
        .map(|n| TrackedJob {
            note: Some(n.clone()),
            ..job()
        })
        .collect();
    let (back, unreadable) = decode(&encode(&jobs));
    assert!(unreadable.is_empty());
    for (j, n) in back.iter().zip(&notes) {
        assert_eq!(j.note.as_ref(), Some(n));
        assert!(!j.note_text().unwrap().is_empty());
    }
    // The one that names the file names this job's.
    assert!(back[9].note_text().unwrap().contains("song.wav"));
}

#[test]
fn an_older_versions_text_note_becomes_the_services_words_and_is_not_written_back() {
    let mut old = serde_json::to_value(job()).unwrap();
    let o = old.as_object_mut().unwrap();
    o.remove("note");
    o.insert("schema".into(), 2.into());
    o.insert(
        "message".into(),
        "Загрузка не завершилась: страница была закрыта".into(),
    );
    let (saved, unreadable) = decode(&serde_json::to_string(&[old]).unwrap());
    assert!(unreadable.is_empty());
    assert_eq!(saved[0].schema, SCHEMA);
    assert_eq!(
        saved[0].note,
        Some(Note::Service(
            "Загрузка не завершилась: страница была закрыта".into()
        ))
    );
    assert!(
        saved[0].unknown.is_empty(),
        "message is not kept as unknown"
    );
    let written: serde_json::Value = serde_json::from_str(&encode(&saved)).unwrap();
    assert!(written[0].get("message").is_none());
    assert_eq!(written[0]["schema"], 3);
}

#[test]
fn a_newer_versions_message_field_is_left_as_it_is() {
    let mut newer = serde_json::to_value(job()).unwrap();
    newer["schema"] = (SCHEMA + 1).into();
    newer["message"] = "kept".into();
    let (saved, _) = decode(&serde_json::to_string(&[newer]).unwrap());
    assert_eq!(saved[0].note, None);
    let written: serde_json::Value = serde_json::from_str(&encode(&saved)).unwrap();
    assert_eq!(written[0]["message"], "kept");
}
