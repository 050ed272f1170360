//! A stand-in for the MVSEP API (mvsep.com) that behaves like the real service: every endpoint
//! with its real envelopes and odd types, accounts and credits, a job state machine with real
//! audio results, the quality checker, and switches for faults.

// Handlers answer refusals as ready-made responses.
#![allow(clippy::result_large_err)]

pub mod accounts;
pub mod audio;
pub mod config;
pub mod dialect;
pub mod fault_layer;
pub mod faults;
pub mod form;
pub mod jobs;
pub mod machine;
pub mod peaks;
pub mod quality;
pub mod remote;
pub mod site;
pub mod world;

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use tower_http::services::{ServeDir, ServeFile};

use config::Config;
use world::{App, World};

fn recorded(text: &str) -> Vec<Value> {
    serde_json::from_str(text).expect("recorded fixture is JSON")
}

pub fn build_app(config: Config) -> Arc<App> {
    let older = recorded(include_str!("../../fixtures/postman_algorithms_200.json"));
    let sample = recorded(include_str!("../../fixtures/algorithms_2026_sample.json"));
    let full = recorded(include_str!("../../fixtures/algorithms_2026_full.json"));
    let (mut served, other) = match config.algorithms.as_str() {
        "2024" => (older, full),
        "sample" => (sample, [full, older].concat()),
        _ => (full, older),
    };
    // The models without a song (no_upload) and for mastering (matchering_upload), shaped as the
    // API page documents them: no recording of those scopes exists.
    served.extend(recorded(include_str!(
        "../../fixtures/algorithms_kinds.json"
    )));
    let served_count = served.len();
    let algorithms = with_extras(served, other);
    let world = Mutex::new(World::new(&config, quality::seed()));
    Arc::new(App {
        world,
        algorithms,
        served_count,
        news_en: recorded(include_str!("../../fixtures/postman_news_200_2.json")),
        news_ru: recorded(include_str!("../../fixtures/postman_news_200.json")),
        demo: recorded(include_str!("../../fixtures/postman_demo_200.json")),
        config,
    })
}

/// The served list, then the other recorded lists' algorithms it lacks: the real service still
/// runs the older ids, so a client written for either list works.
fn with_extras(mut served: Vec<Value>, other: Vec<Value>) -> Vec<Value> {
    let extra: Vec<Value> = other
        .into_iter()
        .filter(|a| !served.iter().any(|s| s["render_id"] == a["render_id"]))
        .collect();
    served.extend(extra);
    served
}

/// `POST /__admin/reset`: accounts, jobs, entries and switches back to their start.
async fn reset(State(app): State<Arc<App>>) -> StatusCode {
    *app.world.lock().unwrap() = World::new(&app.config, quality::seed());
    StatusCode::NO_CONTENT
}

async fn result_page(Path(hash): Path<String>) -> Redirect {
    Redirect::to(&format!("/jobs/{}", form::encode_path(&hash)))
}

async fn api_not_found() -> Response {
    world::refuse(StatusCode::NOT_FOUND, "Not found").into_response()
}

pub fn router(app: Arc<App>) -> Router {
    let api = Router::new()
        .route("/api/separation/create", post(jobs::create))
        .route("/api/separation/get", get(jobs::get))
        .route("/api/separation/get-remote", get(remote::get_remote))
        .route("/api/separation/cancel", post(jobs::cancel))
        .route("/api/app/algorithms", get(site::algorithms))
        .route("/api/app/news", get(site::news))
        .route("/api/app/queue", get(site::queue))
        .route("/api/app/demo", get(site::demo))
        .route("/api/app/login", post(accounts::login))
        .route("/api/app/register", post(accounts::register))
        .route("/api/app/user", get(accounts::user))
        .route("/api/app/separation_history", get(accounts::history))
        .route("/api/app/enable_premium", post(accounts::enable_premium))
        .route("/api/app/disable_premium", post(accounts::disable_premium))
        .route(
            "/api/app/enable_long_filenames",
            post(accounts::enable_long),
        )
        .route(
            "/api/app/disable_long_filenames",
            post(accounts::disable_long),
        )
        .route("/api/quality_checker/queue", get(quality::queue))
        .route(
            "/api/quality_checker/leaderboard",
            get(quality::leaderboard),
        )
        .route("/api/quality_checker/entry", get(quality::entry))
        .route("/api/quality_checker/add", post(quality::add))
        .route("/api/quality_checker/delete", post(quality::delete))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        // Uploads are streamed to disk; the per-plan limits are checked while streaming.
        .layer(DefaultBodyLimit::disable());
    let mut r = api
        .route(
            "/__admin/faults",
            get(fault_layer::get_faults).post(fault_layer::set_faults),
        )
        .route("/__admin/reset", post(reset))
        .route("/result/{hash}", get(result_page))
        .nest_service(
            "/storage",
            ServeDir::new(app.config.data_dir.join("storage")),
        );
    if let Some(dir) = &app.config.static_dir {
        // The same build hosted under a sub-path too, as the README's Deploy section sets it up:
        // its files below the path, and its page with `<base href="/hosted/">`.
        let page = dir.join("index.html");
        let hosted_page = axum::routing::get(move || {
            let page = page.clone();
            async move { hosted(&page, HOSTED).await }
        });
        r = r.nest_service(
            HOSTED.trim_end_matches('/'),
            Router::new()
                .fallback_service(
                    ServeDir::new(dir)
                        .append_index_html_on_directories(false)
                        .fallback(hosted_page),
                )
                .layer(axum::middleware::from_fn(static_rules)),
        );
        // The app itself, with deep links falling back to index.html.
        let files = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
        r = r.fallback_service(
            Router::new()
                .fallback_service(files)
                .layer(axum::middleware::from_fn(static_rules)),
        );
    }
    r.layer(axum::middleware::from_fn_with_state(
        app.clone(),
        fault_layer::middleware,
    ))
    .with_state(app)
}

/// The sub-path the stand-in also hosts the app under (tests/e2e/hosting.spec.ts).
pub const HOSTED: &str = "/hosted/";

/// The app's page with its `<base href>` set to `path`, as a deployer edits it.
async fn hosted(page: &std::path::Path, path: &str) -> Response {
    let Ok(html) = tokio::fs::read_to_string(page).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let html = match html.find("<base href=") {
        Some(i) => {
            let end = i + html[i..].find('>').unwrap_or(0);
            format!("{}<base href=\"{path}\">{}", &html[..i], &html[end + 1..])
        }
        None => html,
    };
    axum::response::Html(html).into_response()
}

/// As the README's nginx block: the app's page is never cached (it names the current build's
/// files), and a missing file of the build is a 404, not the app's page, which a browser could otherwise keep
/// under a chunk's name.
async fn static_rules(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    // Only the build's own kinds of file: a job's address may end in `.wav`.
    let asset = [".wasm", ".js", ".css", ".bin"]
        .iter()
        .any(|ext| req.uri().path().ends_with(ext));
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if asset && html {
        return StatusCode::NOT_FOUND.into_response();
    }
    if html {
        res.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-cache"),
        );
    }
    res
}

/// Serves on 127.0.0.1 until `shutdown` resolves; returns the bound port.
pub async fn serve(
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port)).await?;
    serve_on(listener, config, shutdown).await
}

pub async fn serve_on(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    std::fs::create_dir_all(config.data_dir.join("storage").join("temp"))?;
    let app = build_app(config);
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await
}
