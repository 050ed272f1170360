//! The quality checker: the leaderboards per dataset, the queue, entries, add and delete. The
//! datasets and seeded entries are `seed.rs`.

mod seed;

use seed::{dataset, metrics_for};
pub use seed::{seed, DATASETS};

use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::form;
use crate::world::*;

/// How long a new entry waits before it is "evaluated".
fn eval_delay(app: &App) -> Duration {
    app.config.timing.processing * 2
}

/// Evaluates entries whose time has come (lazily, on every read).
fn settle(app: &App, w: &mut World) {
    let delay = eval_delay(app);
    for e in
        w.qc.iter_mut()
            .filter(|e| e.metrics.is_none() && e.created.elapsed() >= delay)
    {
        let stems = dataset(e.dataset_type).map(|d| d.2).unwrap_or(&["vocals"]);
        e.metrics = Some(metrics_for(e.id, stems));
        e.message = "Processed".into();
    }
}

fn entry_json(e: &QcEntry) -> Value {
    let mut v = json!({
        "id": e.id,
        "algo_name": e.algo_name,
        "main_text": e.main_text,
        "dataset_type": e.dataset_type,
        "ensemble": u8::from(e.ensemble),
        "date": e.date,
        "processed": u8::from(e.metrics.is_some()),
        "message": e.message,
        "metrics": e.metrics.as_ref().map(|m| m.iter().map(|(s, v)| format!("SDR {s}: {v:.4}")).collect::<Vec<_>>().join("\n")),
    });
    for (s, val) in e.metrics.iter().flatten() {
        v[format!("sdr_{s}")] = json!(format!("{val:.4}"));
    }
    v
}

fn num(q: &HashMap<String, String>, k: &str, default: i64) -> i64 {
    q.get(k).and_then(|s| s.parse().ok()).unwrap_or(default)
}

pub async fn leaderboard(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let t = num(&q, "dataset_type", 0);
    let Some((_, _, stems, _)) = dataset(t) else {
        return refuse(StatusCode::BAD_REQUEST, "Unknown dataset type");
    };
    let sort = q
        .get("sort")
        .filter(|s| stems.contains(&s.as_str()))
        .cloned()
        .unwrap_or_else(|| stems[0].to_string());
    let filter = q
        .get("algo_name_filter")
        .map(|f| f.to_lowercase())
        .unwrap_or_default();
    let start = num(&q, "start", 0).max(0) as usize;
    let limit = num(&q, "limit", 50).clamp(1, 1000) as usize;
    let mut w = app.world.lock().unwrap();
    settle(&app, &mut w);
    let mut rows: Vec<&QcEntry> =
        w.qc.iter()
            .filter(|e| {
                e.dataset_type == t
                    && e.metrics.is_some()
                    && e.algo_name.to_lowercase().contains(&filter)
            })
            .collect();
    let key = |e: &QcEntry| {
        e.metrics
            .iter()
            .flatten()
            .find(|(s, _)| *s == sort)
            .map(|(_, v)| *v)
            .unwrap_or(f64::MIN)
    };
    rows.sort_by(|a, b| key(b).total_cmp(&key(a)).then(a.id.cmp(&b.id)));
    let total = rows.len();
    let data: Vec<Value> = rows
        .into_iter()
        .skip(start)
        .take(limit)
        .map(entry_json)
        .collect();
    ok(json!({"data": data, "dataset_type": t, "sortables": stems, "sort": sort, "total": total}))
}

pub async fn queue(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let start = num(&q, "start", 0).max(0) as usize;
    let limit = num(&q, "limit", 20).clamp(1, 100) as usize;
    let mut w = app.world.lock().unwrap();
    settle(&app, &mut w);
    let mut rows: Vec<&QcEntry> = w.qc.iter().collect();
    rows.sort_by_key(|e| std::cmp::Reverse(e.id));
    ok(Value::Array(
        rows.into_iter()
            .skip(start)
            .take(limit)
            .map(entry_json)
            .collect(),
    ))
}

pub async fn entry(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let id = num(&q, "id", -1);
    let mut w = app.world.lock().unwrap();
    settle(&app, &mut w);
    match w.qc.iter().find(|e| e.id == id) {
        Some(e) => ok(json!({"success": true, "data": entry_json(e)})),
        None => reply(
            StatusCode::BAD_REQUEST,
            json!({"data": {"message": "Job not found"}}),
        ),
    }
}

pub async fn add(State(app): State<Arc<App>>, headers: HeaderMap, req: Request) -> Response {
    let f = match form::read(
        req,
        &app.config.data_dir.join("tmp"),
        app.config.premium_upload_mb << 20,
    )
    .await
    {
        Ok(f) => f,
        Err(r) => return r,
    };
    let upload_path = f.upload().map(|u| u.path.clone());
    let result = admit(&app, &headers, &f);
    if let Some(p) = upload_path {
        let _ = std::fs::remove_file(p);
    }
    result
}

fn admit(app: &App, headers: &HeaderMap, f: &form::Form) -> Response {
    let mut w = app.world.lock().unwrap();
    if f.get("api_token")
        .and_then(|t| w.account_by_token(t))
        .is_none()
    {
        return invalid_token();
    }
    let mut errors = Vec::new();
    if f.get("algo_name").is_none() {
        errors.push(("algo_name", "The algo name field is required."));
    }
    if f.get("password").is_none() {
        errors.push(("password", "The password field is required."));
    }
    let t: i64 = f
        .get("dataset_type")
        .and_then(|s| s.parse().ok())
        .unwrap_or(-1);
    if dataset(t).is_none() {
        errors.push(("dataset_type", "The selected dataset type is invalid."));
    }
    let is_zip = f.upload().is_some_and(|u| {
        let mut magic = [0u8; 4];
        use std::io::Read;
        std::fs::File::open(&u.path)
            .and_then(|mut h| h.read_exact(&mut magic))
            .is_ok()
            && &magic == b"PK\x03\x04"
    });
    if f.upload().is_none() {
        errors.push(("zipfile", "The zipfile field is required."));
    } else if !is_zip {
        errors.push(("zipfile", "The zipfile must be a file of type: zip."));
    }
    if !errors.is_empty() {
        return refuse_fields(&errors);
    }
    let id = w.next_qc_id;
    w.next_qc_id += 1;
    w.qc.push(QcEntry {
        id,
        algo_name: f.get("algo_name").unwrap_or_default().to_string(),
        main_text: f.get("main_text").unwrap_or_default().to_string(),
        dataset_type: t,
        ensemble: f.get("ensemble") == Some("1"),
        date: now_string(),
        password: f.get("password").unwrap_or_default().to_string(),
        created: Instant::now(),
        metrics: None,
        message: "Waiting for evaluation".into(),
    });
    let base = origin(headers, app.config.port);
    ok(
        json!({"success": true, "data": {"id": id, "link": format!("{base}/api/quality_checker/entry?id={id}")}}),
    )
}

pub async fn delete(State(app): State<Arc<App>>, req: Request) -> Response {
    let f = match form::read(req, &app.config.data_dir.join("tmp"), 1 << 20).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let id: i64 = f.get("id").and_then(|s| s.parse().ok()).unwrap_or(-1);
    let mut w = app.world.lock().unwrap();
    let Some(i) = w.qc.iter().position(|e| e.id == id) else {
        return refuse(StatusCode::BAD_REQUEST, "Job not found");
    };
    if Some(w.qc[i].password.as_str()) != f.get("password") {
        return refuse(StatusCode::BAD_REQUEST, "Wrong password");
    }
    w.qc.remove(i);
    ok(json!({"success": true, "data": {"message": "successfully deleted"}}))
}
