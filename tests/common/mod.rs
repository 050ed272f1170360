#![allow(dead_code)]
use mvsep_web::api::RawResponse;

/// A recorded body from tests/fixtures (copied from the real service's saved answers).
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn ok(name: &str) -> RawResponse {
    RawResponse::new(200, fixture(name))
}

pub fn with_status(status: u16, name: &str) -> RawResponse {
    RawResponse::new(status, fixture(name))
}
