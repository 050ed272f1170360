//! The fault switches applied: the middleware in front of `/api/`, and `/__admin/faults` to read
//! and change them.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;

use crate::faults::{Counters, Fault, Faults};
use crate::world::App;

const BAD_GATEWAY: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

pub async fn middleware(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if !path.starts_with("/api/") {
        return next.run(req).await;
    }
    let (faults, fault) = {
        let mut w = app.world.lock().unwrap();
        let f = w.faults.clone();
        let fault = w.fault_counters.next(&f);
        (f, fault)
    };
    if req.method() == Method::OPTIONS {
        return with_cors(StatusCode::NO_CONTENT.into_response(), &faults);
    }
    if faults.latency_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(faults.latency_ms)).await;
    }
    let resp = match fault {
        Fault::None => next.run(req).await,
        Fault::Error => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            BAD_GATEWAY,
        )
            .into_response(),
        Fault::RateLimited => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, faults.retry_after_secs.to_string())],
            "Too Many Attempts.",
        )
            .into_response(),
        Fault::Malformed => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"success\":true,\"data\":{\"name\":\"trunc",
        )
            .into_response(),
        Fault::Drop => dropped(),
        Fault::Slow => {
            tokio::time::sleep(std::time::Duration::from_millis(faults.slow_ms)).await;
            next.run(req).await
        }
        Fault::DropAfter => {
            let _ = next.run(req).await;
            dropped()
        }
    };
    with_cors(resp, &faults)
}

/// The headers and a first piece of the body go out, then the connection drops. Something must
/// reach the client first: a connection that closes before any byte of the answer makes Chromium
/// send the request again by itself on a fresh connection (it takes the server for one that
/// closed an idle keep-alive socket), so a create dropped after its work became two jobs at the
/// service that no client could have prevented.
fn dropped() -> Response {
    let body = Body::from_stream(futures_util::stream::unfold(0u8, |step| async move {
        match step {
            0 => Some((Ok(b"{\"success\":".to_vec()), 1)),
            1 => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                Some((Err(std::io::Error::other("dropped by fault switch")), 2))
            }
            _ => None,
        }
    }));
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body)
        .unwrap()
}

fn with_cors(mut resp: Response, f: &Faults) -> Response {
    if f.cors {
        let h = resp.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, OPTIONS"),
        );
        h.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Retry-After"),
        );
    }
    resp
}

/// `GET /__admin/faults`: the switches in force.
pub async fn get_faults(State(app): State<Arc<App>>) -> Json<Faults> {
    Json(app.world.lock().unwrap().faults.clone())
}

/// `POST /__admin/faults` with a JSON object: the named switches change, the rest stay.
pub async fn set_faults(
    State(app): State<Arc<App>>,
    Json(patch): Json<serde_json::Value>,
) -> Response {
    let mut w = app.world.lock().unwrap();
    let mut current = serde_json::to_value(&w.faults).unwrap();
    if let (Some(cur), Some(p)) = (current.as_object_mut(), patch.as_object()) {
        for (k, v) in p {
            cur.insert(k.clone(), v.clone());
        }
    }
    match serde_json::from_value::<Faults>(current) {
        Ok(f) => {
            w.faults = f.clone();
            w.fault_counters = Counters::default();
            Json(f).into_response()
        }
        Err(e) => (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    }
}
