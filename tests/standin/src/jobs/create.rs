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
use super::kinds::{self, Input};
use super::naming::{format_of, hash_name, slug, stems_of};
use super::options::options;
use super::render::{RenderPlan, Work};
use crate::audio;
use crate::config::Config;
use crate::form::{self, Form, Upload};
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
    // What the job keeps was moved; the rest, and all of a refused one, goes.
    f.remove_files().await;
    result.unwrap_or_else(|r| r)
}

/// Checks a create request and starts the job, or answers the refusal.
async fn admit(app: &Arc<App>, headers: &HeaderMap, f: &Form) -> Result<Response, Response> {
    let cfg = &app.config;
    let asker = asker(app, f)?;
    let alg = algorithm(app, f, asker)?;
    let output_format = output_format(f, asker.1)?;
    let (chosen, multiplier) = options(&alg, f)?;
    let kind = kinds::input_of(&alg);
    let remote = match kind {
        Input::Song => source(cfg, f, asker.1)?,
        Input::Pair => kinds::both_files(f).map(|_| None)?,
        Input::Prompt => None,
    };
    within_parallel_limit(app, asker)?;
    let song = kinds::song(f, kind);
    let (duration, cost) = match kind {
        Input::Prompt => {
            let secs = kinds::length_secs(&alg, &chosen);
            let coefficient = alg["price_coefficient"].as_f64().unwrap_or(1.0);
            let cost = if asker.1 {
                credits(secs, coefficient, multiplier)
            } else {
                0
            };
            (Some(secs), cost)
        }
        _ => length_and_cost(cfg, song, asker.1, &alg, multiplier).await?,
    };
    let input_name = match kind {
        Input::Prompt => kinds::prompt_name(&alg, &chosen),
        _ => input_name(song, &remote),
    };
    let new = NewJob {
        alg: &alg,
        duration,
        cost,
        input_name,
        output_format,
        link: remote.is_some(),
    };
    let input_bytes = song.map(|u| u.bytes).unwrap_or(0);
    let (hash, short, job_index) = record(app, f, asker.0, input_bytes, new)?;
    let input = keep(cfg, song, &hash).await;
    let work = match kind {
        Input::Prompt => Work::Generate(duration.unwrap_or(10.0)),
        Input::Pair => Work::Master(
            keep(
                cfg,
                f.file("reference_audiofile"),
                &format!("{hash}.reference"),
            )
            .await,
        ),
        Input::Song if kinds::writes_text(&alg) => Work::Transcribe,
        Input::Song => Work::Separate,
    };
    let long_names = asker
        .0
        .is_some_and(|i| app.world.lock().unwrap().accounts[i].long_filenames);
    let plan = RenderPlan {
        app: app.clone(),
        job_index,
        hash: hash.clone(),
        input,
        work,
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
    let mut body = json!({"success": true, "data": {"link": format!("{base}/result/{answered}"), "hash": answered}});
    if app.world.lock().unwrap().faults.dialect {
        crate::dialect::created(&mut body);
    }
    Ok(ok(body))
}

/// An upload's length (within the plan's) and its cost; a link's are learnt after the download.
async fn length_and_cost(
    cfg: &Config,
    song: Option<&Upload>,
    premium: bool,
    alg: &Value,
    multiplier: f64,
) -> Result<(Option<f64>, i64), Response> {
    let Some(u) = song else {
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
fn input_name(song: Option<&Upload>, remote: &Link) -> String {
    match (song, remote) {
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
    input_bytes: u64,
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
    let processing = w.faults.processing_ms.map(std::time::Duration::from_millis);
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
            processing,
        },
        files: Vec::new(),
        input_name: new.input_name,
        input_bytes,
        output_format: new.output_format,
        credits: new.cost,
        is_demo: f.get("is_demo") == Some("1"),
        short: short.clone(),
        link_wait,
    });
    Ok((hash, short, w.jobs.len() - 1))
}

/// Moves an upload to where the job's input is served from, under `name` (a link job downloads
/// there, a generated piece is written there).
async fn keep(cfg: &Config, upload: Option<&Upload>, name: &str) -> PathBuf {
    let path = cfg.data_dir.join("storage").join("temp").join(name);
    tokio::fs::create_dir_all(path.parent().unwrap()).await.ok();
    if let Some(u) = upload {
        if tokio::fs::rename(&u.path, &path).await.is_err() {
            let _ = tokio::fs::copy(&u.path, &path).await;
            let _ = tokio::fs::remove_file(&u.path).await;
        }
    }
    path
}
