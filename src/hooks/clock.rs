//! A clock for elapsed times.

use super::visible::every;
use crate::browser::now_ms;
use leptos::prelude::*;
use std::time::Duration;

/// A clock signal ticking every second while its owner lives.
pub fn use_clock() -> Signal<f64> {
    let now = RwSignal::new(now_ms());
    every(Duration::from_secs(1), move || now.set(now_ms()));
    now.into()
}
