//! The site's lists: algorithms (recorded), news (recorded, en and ru), demos, queue.

use axum::extract::{Query, State};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

use crate::machine::{phase, Phase};
use crate::world::*;

pub const XSS: &str = r#"<img src=x onerror="window.__xss=1"><script>window.__xss=1</script><a href="javascript:window.__xss=1">click</a>"#;

fn page(q: &HashMap<String, String>, max: usize) -> (usize, usize) {
    let start = q.get("start").and_then(|s| s.parse().ok()).unwrap_or(0);
    let limit = q
        .get("limit")
        .and_then(|s| s.parse().ok())
        .unwrap_or(max)
        .clamp(1, max);
    (start, limit)
}

fn xss_on(app: &App) -> bool {
    app.world.lock().unwrap().faults.xss
}

pub async fn algorithms(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let scope = q.get("scopes").map(String::as_str);
    let xss = xss_on(&app);
    let dialect = app.world.lock().unwrap().faults.dialect;
    let list: Vec<Value> = app.algorithms[..app.served_count]
        .iter()
        // A model of a list without `audio_widget` takes a song.
        .filter(|a| {
            scope.is_none_or(|s| a["audio_widget"].as_str().unwrap_or("single_upload") == s)
        })
        .cloned()
        .map(|mut a| {
            if xss {
                for d in a["algorithm_descriptions"]
                    .as_array_mut()
                    .into_iter()
                    .flatten()
                {
                    let long = d["long_description"].as_str().unwrap_or("").to_string();
                    d["long_description"] = json!(format!("{XSS}{long}"));
                }
            }
            if dialect {
                crate::dialect::algorithm(&mut a);
            }
            a
        })
        .collect();
    ok(Value::Array(list))
}

pub async fn news(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let (start, limit) = page(&q, 20);
    let items = match q.get("lang").map(String::as_str) {
        Some("ru") => &app.news_ru,
        _ => &app.news_en,
    };
    let xss = xss_on(&app);
    let list: Vec<Value> = items
        .iter()
        .skip(start)
        .take(limit)
        .cloned()
        .map(|mut n| {
            if xss {
                n["text"] = json!(format!("{XSS}{}", n["text"].as_str().unwrap_or("")));
            }
            n
        })
        .collect();
    ok(Value::Array(list))
}

pub async fn demo(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let (start, limit) = page(&q, 20);
    let w = app.world.lock().unwrap();
    let xss = w.faults.xss;
    // Jobs published with is_demo=1 first (newest first), then the recorded ones.
    let published: Vec<Value> = w
        .jobs
        .iter()
        .rev()
        .filter(|j| j.is_demo)
        .map(|j| {
            json!({
                "hash": j.hash,
                "date": j.created_at.get(..16).unwrap_or(&j.created_at),
                "input_audio": if xss {
                    "javascript:window.__xss=1".to_string()
                } else {
                    format!("/storage/temp/{}", crate::form::encode_path(&j.hash))
                },
                "algorithm": {
                    "name": j.algorithm["name"], "algorithm_group_id": j.algorithm["algorithm_group_id"],
                    "orientation": j.algorithm["orientation"], "render_id": j.algorithm["render_id"],
                    "order_id": j.algorithm["order_id"], "created_at": j.algorithm["created_at"],
                    "updated_at": j.algorithm["updated_at"],
                }
            })
        })
        .collect();
    let list: Vec<Value> = published
        .into_iter()
        .chain(app.demo.iter().cloned())
        .skip(start)
        .take(limit)
        .collect();
    ok(Value::Array(list))
}

pub async fn queue(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let cfg = &app.config;
    let w = app.world.lock().unwrap();
    let mut in_process = 0;
    let (mut premium, mut registered, mut unregistered) = (0, 0, 0);
    for j in &w.jobs {
        match phase(&cfg.timing, &j.facts, j.created.elapsed(), cfg.expire) {
            Phase::Waiting { .. } => match j.account {
                Some(i) if w.accounts[i].premium_active() => premium += 1,
                Some(_) => registered += 1,
                None => unregistered += 1,
            },
            p if p.is_running() => in_process += 1,
            _ => {}
        }
    }
    // Other people's work, so the numbers look like a real site's.
    let mut body = json!({"queue": {
        "in_process": in_process + 4, "premium": premium + 1, "registered": registered + 6, "unregistered": unregistered + 12,
    }});
    if let Some(i) = q.get("api_token").and_then(|t| w.account_by_token(t)) {
        let plan = if w.accounts[i].premium_active() {
            "premium"
        } else {
            "registered"
        };
        let n = if plan == "premium" {
            premium + 1
        } else {
            registered + 6
        };
        // The 2026 shape: `current` (older answers said `plan`), and a free plan's day.
        body["current"] = json!({"plan": plan, "queue": n});
        if plan != "premium" {
            let (left, max) = w.free_left(i);
            body["free_separations"] = json!({"left": left, "max": max});
        }
    }
    ok(body)
}
