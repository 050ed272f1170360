//! Paging over the service's lists (at most 20 a call) and the small displays of history rows.

use crate::i18n::t;

/// The service returns at most this many rows a call.
pub const PAGE_SIZE: u32 = 20;

/// `start` for a 1-based page number (a bad or missing number is page 1).
pub fn start_of(page: u32, size: u32) -> u32 {
    page.max(1).saturating_sub(1).saturating_mul(size)
}

/// The page number from the URL's `page` parameter.
pub fn page_from_query(q: Option<&str>) -> u32 {
    q.and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// Whether there may be a next page: a full page came back.
pub fn has_next(rows_on_page: usize, size: u32) -> bool {
    rows_on_page as u32 >= size
}

/// History's `time_left` (hours until deletion) for people; negative values are expired.
pub fn time_left(hours: Option<i64>, exists: bool) -> String {
    match hours {
        _ if !exists => t("deleted").into(),
        None => t("unknown").into(),
        Some(h) if h < 0 => t("expired").into(),
        Some(0) => t("less than an hour left").into(),
        Some(h) if h < 48 => crate::tr!("{h} h left", h = h),
        Some(h) => crate::tr!("{d} days {h} h left", d = h / 24, h = h % 24),
    }
}

/// Whether a history row can still be opened.
pub fn openable(hours: Option<i64>, exists: bool) -> bool {
    exists && hours.is_none_or(|h| h >= 0)
}

/// Picks the news language: the interface's if the service has any in it, else English.
pub fn news_lang(interface: &str, found_in_interface: bool) -> &str {
    if found_in_interface {
        interface
    } else {
        "en"
    }
}
