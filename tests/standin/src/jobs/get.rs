//! `separation/get` (with the mirror) and `separation/cancel`, and where result files are kept.

use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;

use super::naming::{format_of, human_size, split_ext};
use crate::form;
use crate::machine::{phase, Phase};
use crate::world::*;

pub fn not_found() -> Response {
    ok(
        json!({"success": false, "status": "not_found", "data": {"message": "File or File Hash not found"}}),
    )
}

pub async fn get(State(app): State<Arc<App>>, headers: HeaderMap, Query(q): Params) -> Response {
    let cfg = &app.config;
    let Some(hash) = q.get("hash") else {
        return refuse_fields(&[("hash", "The hash field is required.")]);
    };
    let mut w = app.world.lock().unwrap();
    let Some(ji) = w.jobs.iter().position(|j| &j.hash == hash) else {
        return not_found();
    };
    let mirror = q.get("mirror").map(String::as_str) == Some("1");
    if mirror {
        let Some(i) = q.get("api_token").and_then(|t| w.account_by_token(t)) else {
            return invalid_token();
        };
        if w.accounts[i].credits < 1 {
            return refuse_errors(
                StatusCode::BAD_REQUEST,
                "The mirror download costs 1 credit and you have none",
            );
        }
        w.accounts[i].credits -= 1;
    }
    let job = &w.jobs[ji];
    let p = phase(&cfg.timing, &job.facts, job.created.elapsed(), cfg.expire);
    let base = origin(&headers, cfg.port);
    // Result files from another origin (the same server under its other name), which sends no
    // CORS headers for them: the page may play them but not read them.
    let base = if w.faults.foreign_files {
        crate::peaks::other_name(&base)
    } else {
        base
    };
    let data = match &p {
        Phase::Expired => return not_found(),
        Phase::Waiting {
            current_order,
            queue_count,
        } => json!({"queue_count": queue_count, "current_order": current_order}),
        Phase::Distributing {
            finished_chunks,
            all_chunks,
        } => json!({"finished_chunks": finished_chunks, "all_chunks": all_chunks}),
        Phase::Merging => {
            let n = crate::machine::all_chunks(&cfg.timing, job.facts.duration_secs);
            json!({"finished_chunks": n, "all_chunks": n})
        }
        Phase::Processing => json!({}),
        Phase::Failed(m) => json!({"message": m}),
        Phase::Cancelled => json!({"message": "The separation was cancelled"}),
        Phase::DoneEmpty | Phase::Done => {
            let storage = cfg.data_dir.join("storage");
            let mut d = done_data(
                job,
                &storage,
                &base,
                p == Phase::Done,
                mirror,
                w.faults.peaks,
            );
            if w.faults.xss {
                crate::peaks::hostile_urls(&mut d);
            }
            d
        }
    };
    let mut body = json!({"success": true, "status": p.status(), "data": data});
    if w.faults.dialect {
        crate::dialect::job(&mut body);
    }
    ok(body)
}

/// A done job's data; its files are read from `storage` (this server's).
fn done_data(
    job: &Job,
    storage: &Path,
    base: &str,
    with_files: bool,
    mirror: bool,
    peaks: bool,
) -> Value {
    let path = |f: &ResultFile| storage.join(&job.hash).join(&f.file_name);
    let bytes = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let (label, _) = format_of(job.output_format);
    let suffix = if mirror { "?mirror=1" } else { "" };
    let files: Vec<Value> = if with_files {
        job.files
            .iter()
            .map(|f| {
                let mut v = json!({
                    "type": f.label,
                    "url": format!("{base}/storage/{}/{}{suffix}", crate::form::encode_path(&job.hash), crate::form::encode_path(&f.file_name)),
                    "download": f.file_name,
                    "size": human_size(bytes(&path(f))),
                    "bytes": bytes(&path(f)),
                });
                if peaks {
                    v["peaks"] = json!(crate::peaks::of_file(&path(f)));
                }
                v
            })
            .collect()
    } else {
        Vec::new()
    };
    let host = base.trim_start_matches("http://");
    json!({
        "algorithm": job.algorithm["name"],
        "algorithm_description": job.algorithm["description"].as_str().unwrap_or(""),
        "size": human_size(job.input_bytes),
        "output_format": label,
        "tags": {"audio": {"dataformat": split_ext(&job.input_name).1, "channels": 2, "lossless": false}, "tags": {}},
        "input_file": {
            "url": format!("{base}/storage/temp/{}", crate::form::encode_path(&job.hash)),
            "size": human_size(job.input_bytes),
            "download": format!("{}_[{host}].{}", split_ext(&job.hash).0, split_ext(&job.hash).1),
        },
        "files": files,
        "date": job.created_at,
    })
}

pub async fn cancel(State(app): State<Arc<App>>, req: Request) -> Response {
    let cfg = app.config.clone();
    let f = match form::read(req, &cfg.data_dir.join("tmp"), 1 << 20).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut w = app.world.lock().unwrap();
    let Some(i) = f.get("api_token").and_then(|t| w.account_by_token(t)) else {
        return invalid_token();
    };
    let Some(ji) = f.get("hash").and_then(|h| {
        w.jobs
            .iter()
            .position(|j| j.hash == h && j.account == Some(i))
    }) else {
        return refuse(StatusCode::BAD_REQUEST, "File or File Hash not found");
    };
    let job = &w.jobs[ji];
    match phase(&cfg.timing, &job.facts, job.created.elapsed(), cfg.expire) {
        Phase::Waiting { .. } => {
            let refund = job.credits;
            w.jobs[ji].facts.cancelled = true;
            w.jobs[ji].credits = 0;
            w.accounts[i].credits += refund;
            ok(
                json!({"success": true, "message": format!("The separation was cancelled; {refund} credits were returned")}),
            )
        }
        _ => refuse(
            StatusCode::BAD_REQUEST,
            "The separation has already started and can no longer be cancelled",
        ),
    }
}
