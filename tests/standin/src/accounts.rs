//! Login, register, user, history and the premium and long-file-name switches.

use axum::extract::{Query, Request, State};
use axum::response::Response;
use serde_json::{json, Value};
use std::sync::Arc;

use crate::form;
use crate::machine::phase;
use crate::world::*;

async fn small_form(app: &App, req: Request) -> Result<form::Form, Response> {
    form::read(req, &app.config.data_dir.join("tmp"), 1 << 20).await
}

pub async fn login(State(app): State<Arc<App>>, req: Request) -> Response {
    let f = match small_form(&app, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut missing = Vec::new();
    if f.get("email").is_none() {
        missing.push(("email", "The email field is required."));
    }
    if f.get("password").is_none() {
        missing.push(("password", "The password field is required."));
    }
    if !missing.is_empty() {
        return refuse_fields(&missing);
    }
    let w = app.world.lock().unwrap();
    let email = f.get("email").unwrap_or_default().to_lowercase();
    match w.accounts.iter().find(|a| a.email == email) {
        Some(a) if a.password == f.get("password").unwrap_or_default() => {
            let mut data = a.json(Value::Null);
            data.as_object_mut().unwrap().remove("current_queue");
            ok(json!({"success": true, "data": data}))
        }
        _ => refuse_fields(&[("email", "These credentials do not match our records.")]),
    }
}

pub async fn register(State(app): State<Arc<App>>, req: Request) -> Response {
    let f = match small_form(&app, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut errors = Vec::new();
    let name = f.get("name").unwrap_or_default().trim().to_string();
    let email = f.get("email").unwrap_or_default().trim().to_lowercase();
    let password = f.get("password").unwrap_or_default().to_string();
    if name.is_empty() {
        errors.push(("name", "The name field is required."));
    }
    if email.is_empty() {
        errors.push(("email", "The email field is required."));
    } else if !email.contains('@') || !email.contains('.') {
        errors.push(("email", "The email must be a valid email address."));
    }
    if password.is_empty() {
        errors.push(("password", "The password field is required."));
    } else if password.chars().count() < 8 {
        errors.push(("password", "The password must be at least 8 characters."));
    } else if f.get("password_confirmation") != Some(password.as_str()) {
        errors.push(("password", "The password confirmation does not match."));
    }
    let mut w = app.world.lock().unwrap();
    if !email.is_empty() && w.accounts.iter().any(|a| a.email == email) {
        errors.push(("email", "The email has already been taken."));
    }
    if !errors.is_empty() {
        return refuse_fields(&errors);
    }
    // The stand-in skips the e-mail step: the account can log in at once.
    let token = format!(
        "standin-user-token-{:016x}",
        w.accounts.len() as u64 * 0x9e37_79b9 + 7
    );
    w.accounts.push(Account {
        name,
        email: email.clone(),
        password,
        token: Some(token),
        credits: 0,
        premium_enabled: false,
        long_filenames: false,
        created_at: now_string(),
    });
    ok(json!({"success": true, "message": format!("Account verification email sent to {email}")}))
}

/// The account's running jobs, as `current_queue` lists them.
fn running_jobs(app: &App, w: &World, account: usize) -> Value {
    let t = &app.config.timing;
    let list: Vec<Value> = w
        .jobs
        .iter()
        .filter(|j| j.account == Some(account))
        .filter_map(|j| {
            let p = phase(t, &j.facts, j.created.elapsed(), app.config.expire);
            p.is_running().then(
                || json!({"hash": j.hash, "status": p.status(), "algorithm": j.algorithm["name"]}),
            )
        })
        .collect();
    Value::Array(list)
}

pub async fn user(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let w = app.world.lock().unwrap();
    let Some(i) = q.get("api_token").and_then(|t| w.account_by_token(t)) else {
        return invalid_token();
    };
    let queue = running_jobs(&app, &w, i);
    let mut data = w.accounts[i].json(queue);
    if w.faults.dialect {
        crate::dialect::account(&mut data);
    }
    ok(json!({"success": true, "data": data}))
}

pub async fn history(State(app): State<Arc<App>>, Query(q): Params) -> Response {
    let w = app.world.lock().unwrap();
    let Some(i) = q.get("api_token").and_then(|t| w.account_by_token(t)) else {
        return invalid_token();
    };
    let start: usize = q.get("start").and_then(|s| s.parse().ok()).unwrap_or(0);
    let limit: usize = q
        .get("limit")
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
        .clamp(1, 20);
    let expire = app.config.expire.as_secs_f64();
    let rows: Vec<Value> = w
        .jobs
        .iter()
        .rev()
        .filter(|j| j.account == Some(i))
        .skip(start)
        .take(limit)
        .map(|j| {
            let left_hours = ((expire - j.created.elapsed().as_secs_f64()) / 3600.0).floor() as i64;
            json!({
                "id": j.id,
                "hash": j.hash,
                "created_at": j.created_at,
                "updated_at": j.created_at,
                "job_exists": j.created.elapsed() < app.config.expire,
                "credits": j.credits,
                "time_left": left_hours,
                "algorithm": {
                    "name": j.algorithm["name"],
                    "algorithm_group_id": j.algorithm["algorithm_group_id"],
                    "orientation": j.algorithm["orientation"],
                    "render_id": j.algorithm["render_id"],
                    "order_id": j.algorithm["order_id"],
                    "created_at": j.algorithm["created_at"],
                    "updated_at": j.algorithm["updated_at"],
                }
            })
        })
        .collect();
    let mut rows = rows;
    if w.faults.dialect {
        rows.iter_mut().for_each(crate::dialect::history_row);
    }
    ok(json!({"success": true, "data": rows}))
}

async fn switch(
    app: Arc<App>,
    req: Request,
    on: bool,
    set: impl FnOnce(&mut Account, bool),
) -> Response {
    let f = match small_form(&app, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut w = app.world.lock().unwrap();
    let Some(i) = f.get("api_token").and_then(|t| w.account_by_token(t)) else {
        return invalid_token();
    };
    set(&mut w.accounts[i], on);
    let message = if on {
        "successfully enabled"
    } else {
        "successfully disabled"
    };
    ok(json!({"success": true, "message": message}))
}

pub async fn enable_premium(State(app): State<Arc<App>>, req: Request) -> Response {
    switch(app, req, true, |a, on| a.premium_enabled = on).await
}
pub async fn disable_premium(State(app): State<Arc<App>>, req: Request) -> Response {
    switch(app, req, false, |a, on| a.premium_enabled = on).await
}
pub async fn enable_long(State(app): State<Arc<App>>, req: Request) -> Response {
    switch(app, req, true, |a, on| a.long_filenames = on).await
}
pub async fn disable_long(State(app): State<Arc<App>>, req: Request) -> Response {
    switch(app, req, false, |a, on| a.long_filenames = on).await
}
