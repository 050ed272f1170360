//! Work repeated on a timer, and work for when the tab comes back into view.

use crate::browser::{is_hidden, page};
use leptos::prelude::*;
use std::time::Duration;

/// Calls `f` every `period` until its owner is cleaned up (for app-wide owners: for ever).
pub fn every(period: Duration, f: impl Fn() + 'static) {
    let handle = set_interval_with_handle(f, period);
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
}

/// As [`every`], skipped while the tab is hidden: what is shown nobody sees, and the service
/// is asked nothing for it.
pub fn every_visible(period: Duration, f: impl Fn() + 'static) {
    every(period, move || {
        if !is_hidden() {
            f()
        }
    });
}

/// Calls `f` whenever the tab becomes visible again.
pub fn on_visible(f: impl Fn() + 'static) {
    page::on_visibility(move || {
        if !is_hidden() {
            f()
        }
    });
}
