//! `/api/separation/get-remote`: a link job by the short hash its create answered, as the real
//! service runs it ("being downloaded" first, then the real job's hash); any other job by its own.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::json;
use std::sync::Arc;

use crate::jobs::not_found;
use crate::machine::{phase, Phase};
use crate::world::{ok, origin, refuse_fields, App, Job, Params};

pub async fn get_remote(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(q): Params,
) -> Response {
    let cfg = &app.config;
    let Some(hash) = q.get("hash") else {
        return refuse_fields(&[("hash", "The hash field is required.")]);
    };
    let w = app.world.lock().unwrap();
    let base = origin(&headers, cfg.port);
    if let Some(job) = w.jobs.iter().find(|j| j.short.as_ref() == Some(hash)) {
        return link_state(job, cfg, &base);
    }
    let Some(job) = w.jobs.iter().find(|j| &j.hash == hash) else {
        return not_found();
    };
    let p = phase(&cfg.timing, &job.facts, job.created.elapsed(), cfg.expire);
    let (order, count) = match p {
        Phase::Waiting {
            current_order,
            queue_count,
        } => (current_order, queue_count),
        _ => (0, 0),
    };
    let message = match &p {
        Phase::Failed(m) => m.clone(),
        _ => String::new(),
    };
    ok(json!({"success": true, "status": p.status(), "data": {
        "queue_count": count, "current_order": order, "message": message,
        "link": format!("{base}/result/{hash}"), "hash": hash,
    }}))
}

/// A link job asked for by its short hash: "being downloaded" for a while, as the real service
/// answers, then `done` naming the real job (or `failed` when the link could not be fetched).
fn link_state(job: &Job, cfg: &crate::config::Config, base: &str) -> Response {
    if job.created.elapsed() < job.link_wait {
        return ok(json!({"success": false, "data": {
            "message": "Your audio file is being downloaded, please wait a while..."
        }}));
    }
    if let Phase::Failed(m) = phase(&cfg.timing, &job.facts, job.created.elapsed(), cfg.expire) {
        return ok(json!({"success": true, "status": "failed", "data": {"message": m}}));
    }
    ok(json!({"success": true, "status": "done", "data": {
        "queue_count": 0, "current_order": 0, "message": "",
        "link": format!("{base}/result/{}", job.hash), "hash": job.hash,
    }}))
}
