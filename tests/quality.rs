#![cfg(not(target_arch = "wasm32"))]
use mvsep_web::api::decode::decode;
use mvsep_web::api::models::{Leaderboard, QcEntry};
use mvsep_web::api::request::Envelope;
use mvsep_web::api::RawResponse;
use mvsep_web::quality::*;

fn entry(json: &str) -> QcEntry {
    serde_json::from_str(json).unwrap()
}

#[test]
fn metrics_text_parses_with_broken_values_missing() {
    let m = parse_metrics("SDR vocals: 11.2345\nSDR instrum: 17.5\nSDR bass: 0\nSDR drums: -1000.0000\nnonsense line\nSDR other: abc");
    assert_eq!(
        m,
        vec![
            ("vocals".into(), Some(11.2345)),
            ("instrum".into(), Some(17.5)),
            ("bass".into(), None),
            ("drums".into(), None)
        ]
    );
    assert_eq!(
        parse_metrics("vocals = 9.1"),
        vec![("vocals".into(), Some(9.1))]
    );
    assert_eq!(clean(-1000.0), None);
    assert_eq!(clean(f64::NAN), None);
    assert_eq!(clean(-2.5), Some(-2.5));
}

#[test]
fn values_come_from_fields_or_metrics() {
    let e = entry(
        r#"{"id":1,"sdr_vocals":"11.5000","sdr_bass":"0","metrics":"SDR vocals: 11.5\nSDR other: 6.25"}"#,
    );
    assert_eq!(value_for(&e, "vocals"), Some(11.5));
    assert_eq!(value_for(&e, "bass"), None, "0 is broken, shown missing");
    assert_eq!(value_for(&e, "other"), Some(6.25), "from the metric text");
    let o = entry(r#"{"id":2,"metrics":{"vocals":"10.1","drums":-1000}}"#);
    // Map order depends on serde_json's preserve_order (on when the stand-in shares the build).
    let mut m = metrics_of(&o);
    m.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        m,
        vec![("drums".into(), None), ("vocals".into(), Some(10.1))]
    );
}

#[test]
fn best_per_stem_and_bars() {
    let rows = vec![
        entry(r#"{"id":1,"sdr_vocals":"10","sdr_instrum":"17"}"#),
        entry(r#"{"id":2,"sdr_vocals":"12","sdr_instrum":"-1000"}"#),
        entry(r#"{"id":3,"sdr_vocals":"11"}"#),
    ];
    let stems = vec![
        "vocals".to_string(),
        "instrum".to_string(),
        "bass".to_string(),
    ];
    assert_eq!(
        best_per_stem(&rows, &stems),
        vec![Some(12.0), Some(17.0), None]
    );
    let b = bars(&[Some(10.0), Some(12.0), None, Some(11.0)]);
    assert_eq!(b[1], 1.0);
    assert!((b[0] - 0.1).abs() < 1e-9);
    assert_eq!(b[2], 0.0);
    assert!(b[3] > b[0] && b[3] < b[1]);
}

#[test]
fn board_state_round_trips_through_the_url() {
    let s = BoardState {
        dataset: 3,
        sort: Some("lead".into()),
        filter: "bs ro".into(),
        page: 4,
    };
    let q = s.to_query();
    assert_eq!(q, "dataset=3&sort=lead&filter=bs%20ro&page=4");
    let back = BoardState::from_params(|k| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.into_owned())
    });
    assert_eq!(back, s);
    assert_eq!(back.query().start, 150);
    assert_eq!(back.query().filter.as_deref(), Some("bs ro"));
    assert_eq!(
        s.with(|x| x.sort = Some("back".into())).page,
        1,
        "a new sort starts at page 1"
    );
    let d = BoardState::from_params(|_| None);
    assert_eq!((d.dataset, d.page, d.sort.clone()), (1, 1, None));
    assert_eq!(dataset_name(11), "Male/Female vocals separation");
    assert_eq!(dataset_name(12), "Dataset 12");
    assert!(is_zip(b"PK\x03\x04rest"));
    assert!(!is_zip(b"hello"));
}

#[test]
fn a_board_with_1000_rows_decodes() {
    let rows: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                r#"{{"id":{i},"algo_name":"m{i}","sdr_vocals":"{}.5","ensemble":0}}"#,
                i % 13
            )
        })
        .collect();
    let body = format!(
        r#"{{"data":[{}],"dataset_type":1,"sortables":["vocals"],"sort":"vocals"}}"#,
        rows.join(",")
    );
    let b: Leaderboard = decode(&RawResponse::new(200, body), Envelope::Whole).unwrap();
    assert_eq!(b.data.len(), 1000);
    assert_eq!(best_per_stem(&b.data, &b.sortables), vec![Some(12.5)]);
}
