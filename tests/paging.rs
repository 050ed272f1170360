#![cfg(not(target_arch = "wasm32"))]
use mvsep_web::pages::paging::*;

#[test]
fn paging_maths() {
    assert_eq!(start_of(1, 20), 0);
    assert_eq!(start_of(3, 20), 40);
    assert_eq!(start_of(0, 20), 0, "page 0 is page 1");
    assert_eq!(start_of(u32::MAX, 20), u32::MAX, "no overflow");
    assert_eq!(page_from_query(Some("4")), 4);
    assert_eq!(page_from_query(Some("-2")), 1);
    assert_eq!(page_from_query(Some("x")), 1);
    assert_eq!(page_from_query(None), 1);
    assert!(has_next(20, 20));
    assert!(!has_next(7, 20));
}

#[test]
fn time_left_display() {
    assert_eq!(time_left(Some(-2038), true), "expired");
    assert_eq!(time_left(Some(0), true), "less than an hour left");
    assert_eq!(time_left(Some(5), true), "5 h left");
    assert_eq!(time_left(Some(71), true), "2 days 23 h left");
    assert_eq!(time_left(Some(30), false), "deleted");
    assert_eq!(time_left(None, true), "unknown");
    assert!(!openable(Some(-1), true));
    assert!(openable(Some(3), true));
    assert!(!openable(Some(3), false));
    assert_eq!(news_lang("ru", true), "ru");
    assert_eq!(news_lang("ru", false), "en");
}
