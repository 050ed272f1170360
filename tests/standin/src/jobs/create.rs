//! `separation/create`: a file or a link, checked in the order the service checks (token, model,
//! format, options, input, the plan's limits: `checks.rs`), then charged, recorded and started.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::checks::{algorithm, asker, output_format, source, within_parallel_limit, Link};
use super::naming::{format_of, hash_name, slug, stems_of};
use super::options::options;
use super::render::RenderPlan;
use crate::audio;
use crate::config::Config;
use crate::form::{self, Form};
use crate::machine::{credits, Facts};
use crate::world::*;

pub async fn create(State(app): State<Arc<App>>, headers: HeaderMap, req: Request) -> Response {
    let cfg = &app.config;
    let max = cfg.free_upload_mb.max(cfg.premium_upload_mb) << 20;
    let f = match form::read(req, &cfg.data_dir.join("tmp"), max).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let result = admit(&app, &headers, &f).await;
    if result.is_err() {
        if let Some(u) = &f.upload {
            let _ = tokio::fs::remove_file(&u.path).await;
        }
    }
    result.unwrap_or_else(|r| r)
}

/// Checks a create request and starts the job, or answers the refusal.
async fn admit(app: &Arc<App>, headers: &HeaderMap, f: &Form) -> Result<Response, Response> {
    let cfg = &app.config;
    let asker = asker(app, f)?;
    let alg = algorithm(app, f, asker)?;
    let output_format = output_format(f, asker.1)?;
    let (chosen, multiplier) = options(&alg, f)?;
    let remote = source(cfg, f, asker.1)?;
    within_parallel_limit(app, asker)?;
    let (duration, cost) = length_and_cost(cfg, f, asker.1, &alg, multiplier).await?;
    let input_name = input_name(f, &remote);
    let new = NewJob {
        alg: &alg,
        duration,
        cost,
        input_name,
        output_format,
        link: remote.is_some(),
    };
    let (hash, short, job_index) = record(app, f, asker.0, new)?;
    let input = keep_input(cfg, f, &hash).await;
    let long_names = asker
        .0
        .is_some_and(|i| app.world.lock().unwrap().accounts[i].long_filenames);
    let plan = RenderPlan {
        app: app.clone(),
        job_index,
        hash: hash.clone(),
        input,
        stems: stems_of(&alg, &chosen),
        kind: format_of(output_format).1,
        long_names,
        algo_slug: slug(alg["name"].as_str().unwrap_or("")),
        remote,
        charge: (
            asker.0,
            asker.1,
            alg["price_coefficient"].as_f64().unwrap_or(1.0) * multiplier,
        ),
    };
    tokio::spawn(plan.run());
    let base = origin(headers, cfg.port);
    let answered = short.unwrap_or(hash);
    Ok(ok(
        json!({"success": true, "data": {"link": format!("{base}/result/{answered}"), "hash": answered}}),
    ))
}

/// An upload's length (within the plan's) and its cost; a link's are learnt after the download.
async fn length_and_cost(
    cfg: &Config,
    f: &Form,
    premium: bool,
    alg: &Value,
    multiplier: f64,
) -> Result<(Option<f64>, i64), Response> {
    let Some(u) = &f.upload else {
        return Ok((None, 0));
    };
    let path = u.path.clone();
    let probed = tokio::task::spawn_blocking(move || audio::duration_secs(&path))
        .await
        .unwrap_or_else(|_| Err(audio::NOT_AUDIO.into()));
    let Ok(secs) = probed else {
        return Ok((None, 0));
    };
    let max_secs = if premium {
        cfg.premium_max_secs
    } else {
        cfg.free_max_secs
    };
    if secs > max_secs {
        return Err(refuse(
            StatusCode::BAD_REQUEST,
            &format!(
                "Audio duration exceeds the limit of {} minutes for your account",
                (max_secs / 60.0) as u64
            ),
        ));
    }
    let coefficient = alg["price_coefficient"].as_f64().unwrap_or(1.0);
    let cost = if premium {
        credits(secs, coefficient, multiplier)
    } else {
        0
    };
    Ok((Some(secs), cost))
}

/// The input's file name: the upload's, or the link's last path segment.
fn input_name(f: &Form, remote: &Link) -> String {
    match (&f.upload, remote) {
        (Some(u), _) => u.file_name.clone(),
        (None, Some((url, _))) => url
            .rsplit('/')
            .next()
            .unwrap_or("remote.mp3")
            .split('?')
            .next()
            .unwrap_or("remote.mp3")
            .to_string(),
        _ => "audio.mp3".into(),
    }
}

/// What `record` writes down for a new job.
struct NewJob<'a> {
    alg: &'a Value,
    duration: Option<f64>,
    cost: i64,
    input_name: String,
    output_format: u8,
    link: bool,
}

/// Charges the account and records the job: (hash, the short hash a link job answers with, index).
fn record(
    app: &App,
    f: &Form,
    account: Option<usize>,
    new: NewJob,
) -> Result<(String, Option<String>, usize), Response> {
    let cfg = &app.config;
    let mut w = app.world.lock().unwrap();
    if let Some(i) = account {
        if new.cost > w.accounts[i].credits {
            return Err(refuse_errors(
                StatusCode::BAD_REQUEST,
                &format!(
                    "Not enough premium minutes: this job costs {}, you have {}",
                    new.cost, w.accounts[i].credits
                ),
            ));
        }
        w.accounts[i].credits -= new.cost;
    }
    let id = w.next_job_id;
    w.next_job_id += 1;
    let now = now_string();
    let stamp: String = now.chars().filter(char::is_ascii_digit).collect();
    let hash = format!(
        "{stamp}-{:010x}-{}",
        (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 24 & 0xff_ffff_ffff,
        hash_name(&new.input_name)
    );
    let queue_ahead = w.faults.queue_ahead.unwrap_or(cfg.timing.queue_ahead);
    let link_wait = std::time::Duration::from_millis(w.faults.link_wait_ms.unwrap_or(1500));
    // The real service answers a link job with a short hash of its own (see get_remote).
    let short = new.link.then(|| {
        format!(
            "{:012x}",
            (id as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 16
        )
    });
    w.jobs.push(Job {
        id,
        hash: hash.clone(),
        account,
        created: Instant::now(),
        created_at: now,
        algorithm: new.alg.clone(),
        facts: Facts {
            queue_ahead,
            duration_secs: new.duration,
            rendered: None,
            cancelled: false,
        },
        files: Vec::new(),
        input_name: new.input_name,
        input_bytes: f.upload.as_ref().map(|u| u.bytes).unwrap_or(0),
        output_format: new.output_format,
        credits: new.cost,
        is_demo: f.get("is_demo") == Some("1"),
        short: short.clone(),
        link_wait,
    });
    Ok((hash, short, w.jobs.len() - 1))
}

/// Moves the upload to where the job's input is served from (a link job downloads there).
async fn keep_input(cfg: &Config, f: &Form, hash: &str) -> PathBuf {
    let path = cfg.data_dir.join("storage").join("temp").join(hash);
    tokio::fs::create_dir_all(path.parent().unwrap()).await.ok();
    if let Some(u) = &f.upload {
        if tokio::fs::rename(&u.path, &path).await.is_err() {
            let _ = tokio::fs::copy(&u.path, &path).await;
            let _ = tokio::fs::remove_file(&u.path).await;
        }
    }
    path
}
