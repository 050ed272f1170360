//! The checks a create passes before anything is recorded, each answering the service's own
//! refusal.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use crate::config::Config;
use crate::form::{self, Form};
use crate::machine::phase;
use crate::world::*;

/// Who asks: (the account, if a token was sent; whether premium is on for it).
pub type Asker = (Option<usize>, bool);
/// A link job's source: (url, remote type).
pub type Link = Option<(String, String)>;

/// The token, if sent, must be an account's.
pub fn asker(app: &App, f: &Form) -> Result<Asker, Response> {
    let Some(token) = f.get("api_token") else {
        return Ok((None, false));
    };
    let w = app.world.lock().unwrap();
    let i = w.account_by_token(token).ok_or_else(invalid_token)?;
    Ok((Some(i), w.accounts[i].premium_active()))
}

/// The model asked for: known, active, and open to this asker.
pub fn algorithm(app: &App, f: &Form, (account, premium): Asker) -> Result<Value, Response> {
    let Some(sep_type) = f.get("sep_type") else {
        return Err(refuse_fields(&[(
            "sep_type",
            "The sep type field is required.",
        )]));
    };
    let alg = app
        .algorithms
        .iter()
        .find(|a| {
            a["render_id"].to_string().as_str() == sep_type && a["is_active"].as_i64() != Some(0)
        })
        .cloned()
        .ok_or_else(|| refuse_fields(&[("sep_type", "The selected sep type is invalid.")]))?;
    match alg["orientation"].as_i64().unwrap_or(0) {
        1 if account.is_none() => Err(refuse_errors(
            StatusCode::BAD_REQUEST,
            "Seperation type is available only for registered users",
        )),
        2 if !premium => Err(refuse_errors(
            StatusCode::BAD_REQUEST,
            "Seperation type is unavailable until you purchase premium membership",
        )),
        _ => Ok(alg),
    }
}

/// The output format code (0–5; 4 and 5 are premium).
pub fn output_format(f: &Form, premium: bool) -> Result<u8, Response> {
    let code: u8 = match f.get("output_format").unwrap_or("0").parse() {
        Ok(n) if n <= 5 => n,
        _ => {
            return Err(refuse_fields(&[(
                "output_format",
                "The selected output format is invalid.",
            )]))
        }
    };
    if code >= 4 && !premium {
        return Err(refuse_errors(
            StatusCode::BAD_REQUEST,
            "This output format is available only for premium users",
        ));
    }
    Ok(code)
}

/// A file within the plan's size, or a link of a known remote type (then returned).
pub fn source(cfg: &Config, f: &Form, premium: bool) -> Result<Link, Response> {
    let limit_bytes = if premium {
        cfg.premium_upload_mb
    } else {
        cfg.free_upload_mb
    } << 20;
    let remote = match (f.upload(), f.get("url")) {
        (Some(u), _) if u.bytes > limit_bytes => return Err(form::too_large(limit_bytes)),
        (Some(u), _) if u.bytes == 0 => {
            return Err(refuse_fields(&[(
                "audiofile",
                "The audiofile must be a file.",
            )]))
        }
        (Some(_), _) => None,
        (None, Some(url)) => Some((
            url.to_string(),
            f.get("remote_type").unwrap_or("direct").to_string(),
        )),
        (None, None) => {
            return Err(refuse_fields(&[(
                "audiofile",
                "The audiofile field is required when url is not present.",
            )]))
        }
    };
    if let Some((_, kind)) = &remote {
        if !["direct", "mega", "drive", "dropbox"].contains(&kind.as_str()) {
            return Err(refuse_fields(&[(
                "remote_type",
                "The selected remote type is invalid.",
            )]));
        }
    }
    Ok(remote)
}

/// The plan runs so many jobs at once (free 1, premium 10, as the service did when recorded).
pub fn within_parallel_limit(app: &App, (account, premium): Asker) -> Result<(), Response> {
    let Some(i) = account else { return Ok(()) };
    let cfg = &app.config;
    let w = app.world.lock().unwrap();
    let running = w
        .jobs
        .iter()
        .filter(|j| {
            j.account == Some(i)
                && phase(&cfg.timing, &j.facts, j.created.elapsed(), cfg.expire).is_running()
        })
        .count();
    if !premium && w.free_left(i).0 == 0 {
        return Err(refuse_errors(
            StatusCode::BAD_REQUEST,
            &format!(
                "You have used all {} free separations for today",
                w.free_left(i).1
            ),
        ));
    }
    let limit = if premium { 10 } else { 1 };
    if running >= limit {
        return Err(refuse_errors(
            StatusCode::BAD_REQUEST,
            &format!("You can run only {limit} separation(s) at the same time. Wait until the current one finishes."),
        ));
    }
    Ok(())
}
