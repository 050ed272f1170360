#![cfg(not(target_arch = "wasm32"))]
//! One model the app cannot read spoils nothing else: lists are read item by item, and option
//! lists arrive as JSON text or as the object itself.

mod common;
use common::{fixture, ok};
use mvsep_web::api::decode::decode_each;
use mvsep_web::api::endpoints as ep;
use mvsep_web::api::models::{Algorithm, Scope};
use mvsep_web::api::RawResponse;
use serde_json::Value;

fn read(body: String) -> (Vec<Algorithm>, usize) {
    decode_each(
        &RawResponse::new(200, body),
        ep::algorithms(Some(Scope::SingleUpload)).envelope,
    )
    .unwrap()
}

#[test]
fn the_full_2026_list_reads_every_model() {
    let (list, unreadable) = read(fixture("algorithms_2026_full"));
    assert_eq!((list.len(), unreadable), (117, 0));
}

#[test]
fn one_unreadable_model_is_left_out_and_counted() {
    let mut all: Vec<Value> = serde_json::from_str(&fixture("algorithms_2026_full")).unwrap();
    all[3]["id"] = Value::String("not a number".into());
    all[10] = Value::String("not even an object".into());
    let (list, unreadable) = read(serde_json::to_string(&all).unwrap());
    assert_eq!((list.len(), unreadable), (115, 2));
    let (_, whole) = read(fixture("algorithms_2026_full"));
    assert_eq!(whole, 0);
}

#[test]
fn options_sent_as_an_object_keep_the_service_order() {
    let all: Vec<Value> = serde_json::from_str(&fixture("algorithms_2026_full")).unwrap();
    let (ai, fi) = all
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            let fields = a["algorithm_fields"].as_array()?;
            fields
                .iter()
                .position(|f| f["options"].is_string())
                .map(|f| (i, f))
        })
        .expect("a field with options");
    let as_text = all[ai]["algorithm_fields"][fi]["options"]
        .as_str()
        .unwrap()
        .to_string();
    let (before, _) = read(serde_json::to_string(&all).unwrap());
    let want = before[ai].algorithm_fields[fi].option_pairs().unwrap();
    // The same options as an object, written in the service's order (not sorted).
    let body = serde_json::to_string(&all)
        .unwrap()
        .replace(&serde_json::to_string(&as_text).unwrap(), &as_text);
    let (after, unreadable) = read(body);
    assert_eq!(unreadable, 0);
    assert_eq!(after[ai].algorithm_fields[fi].option_pairs().unwrap(), want);
    assert!(!want.0.is_empty());
}

#[test]
fn the_2024_list_reads_the_same_one_by_one() {
    let (list, unreadable) =
        decode_each::<Algorithm>(&ok("postman_algorithms_200"), ep::algorithms(None).envelope)
            .unwrap();
    assert_eq!((list.len(), unreadable), (38, 0));
}

#[test]
fn a_bare_list_reads_the_same_with_or_without_its_tree() {
    use mvsep_web::api::decode::list_items;
    use mvsep_web::api::request::Envelope;
    use std::borrow::Cow;
    let items = |status: u16, body: &str, envelope: Envelope| {
        list_items(&RawResponse::new(status, body.to_string()), envelope)
            .map(|v| v.into_iter().map(Cow::into_owned).collect::<Vec<_>>())
    };
    let body = fixture("algorithms_2026_full");
    // The array cut straight from the text, and (an object around it) through the tree.
    let bare = items(200, &format!(" \n{body}"), Envelope::Bare).unwrap();
    let data = items(200, &format!("{{\"data\":{body}}}"), Envelope::Data).unwrap();
    assert_eq!(bare.len(), 117);
    // The bare list is cut from the text itself, not copied out of a tree.
    let raw = RawResponse::new(200, body.clone());
    assert!(list_items(&raw, Envelope::Bare)
        .unwrap()
        .iter()
        .all(|item| matches!(item, Cow::Borrowed(_))));
    let tree = |t: &String| serde_json::from_str::<Value>(t).unwrap();
    assert!(bare.iter().zip(&data).all(|(a, b)| tree(a) == tree(b)));
    // Commas and brackets inside items, numbers, an empty list.
    let odd = r#"[ {"a":"x, ]","b":[1,[2]]} ,3,"[,]" , null ]"#;
    assert_eq!(
        items(200, odd, Envelope::Bare).unwrap(),
        [r#"{"a":"x, ]","b":[1,[2]]}"#, "3", r#""[,]""#, "null"]
    );
    assert!(items(200, " [ ] ", Envelope::Bare).unwrap().is_empty());
    // An array where a `data` envelope was expected is still no list; a broken array, or one
    // with more after it, is not JSON.
    assert!(items(200, &body, Envelope::Data).is_err());
    for broken in [&body[..body.len() / 2], "[1,]", "[1] [2]", "[1 2]"] {
        let err = items(200, broken, Envelope::Bare).unwrap_err();
        assert!(
            matches!(err, mvsep_web::api::ApiError::NotJson { .. }),
            "{broken}: {err:?}"
        );
    }
}

#[test]
fn a_body_reads_as_utf8_else_byte_for_byte() {
    use mvsep_web::api::decode::body_text;
    assert_eq!(body_text("[1]".into()), "[1]");
    // A byte order mark is dropped; what is not UTF-8 (a Latin-1 error page) is read as Latin-1.
    assert_eq!(body_text(b"\xEF\xBB\xBF[\"a\"]".to_vec()), "[\"a\"]");
    assert_eq!(body_text(b"\"\xD0\xB4\"".to_vec()), "\"\u{434}\"");
    assert_eq!(
        body_text(b"Erreur: d\xE9j\xE0 vu".to_vec()),
        "Erreur: d\u{e9}j\u{e0} vu"
    );
}

#[test]
fn the_cached_list_is_cut_into_parts_that_join_back() {
    use mvsep_web::state::cache::parts;
    let body = fixture("algorithms_2026_full");
    let cut = parts(&body);
    assert!(
        cut.len() > 2,
        "a 1 MB list in several parts, not {}",
        cut.len()
    );
    assert_eq!(cut.concat(), body);
    assert!(cut
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 256 * 1024 + 3));
    // Never inside a character: Cyrillic and CJK are two and three bytes each.
    let wide = "ж漢".repeat(200_000);
    assert_eq!(parts(&wide).concat(), wide);
    assert!(parts("").is_empty());
}
