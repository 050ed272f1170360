#![cfg(not(target_arch = "wasm32"))]
//! The names of the files chunks fetch themselves: FNV-1a as scripts/split-dist.sh computes it.

use mvsep_web::browser::asset::{fnv, named};

#[test]
fn fnv_1a_matches_its_published_vectors_and_names_files_as_the_build_does() {
    assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
    assert_eq!(
        named("mixer", 0x8594_4171_f739_67e8, "css"),
        "mixer-85944171.css"
    );
    let style = mvsep_web::mixer::style();
    assert!(style.starts_with("mixer-") && style.ends_with(".css") && style.len() == 18);
}
