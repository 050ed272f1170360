//! Each fault switch, turned on through the admin endpoint, does what it says.

mod support;
use serde_json::json;
use std::time::{Duration, Instant};
use support::*;

#[tokio::test]
async fn server_errors_are_html_pages() {
    let s = start(&[]).await;
    s.admin(json!({"error_rate": 1.0})).await;
    let r = s.raw("/api/app/algorithms").await;
    assert_eq!(r.status().as_u16(), 502);
    assert!(r.text().await.unwrap().contains("<html>"));
    s.admin(json!({"error_rate": 0.5})).await;
    let mut bad = 0;
    for _ in 0..10 {
        let r = s.raw("/api/app/news").await;
        bad += usize::from(r.status().as_u16() == 502);
    }
    assert_eq!(bad, 5);
}

#[tokio::test]
async fn rate_limit_sends_retry_after() {
    let s = start(&[]).await;
    s.admin(json!({"rate_limit_rate": 1.0, "retry_after_secs": 7}))
        .await;
    let r = s.raw(&format!("/api/app/user?api_token={FREE}")).await;
    assert_eq!(r.status().as_u16(), 429);
    assert_eq!(r.headers()["retry-after"], "7");
}

#[tokio::test]
async fn malformed_json_does_not_parse() {
    let s = start(&[]).await;
    s.admin(json!({"malformed_rate": 1.0})).await;
    let r = s.raw(&format!("/api/app/user?api_token={FREE}")).await;
    assert_eq!(r.status().as_u16(), 200);
    let text = r.text().await.unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
}

#[tokio::test]
async fn dropped_connections_fail_the_read() {
    let s = start(&[]).await;
    s.admin(json!({"drop_rate": 1.0})).await;
    let r = s
        .http
        .get(format!("{}/api/app/algorithms", s.base))
        .send()
        .await;
    let failed = match r {
        Err(_) => true,
        Ok(resp) => resp.bytes().await.is_err(),
    };
    assert!(failed);
}

#[tokio::test]
async fn latency_is_added() {
    let s = start(&["--latency-ms", "300"]).await;
    let t = Instant::now();
    s.get("/api/app/queue").await;
    assert!(t.elapsed() >= Duration::from_millis(300));
    s.admin(json!({"latency_ms": 0})).await;
    let t = Instant::now();
    s.get("/api/app/queue").await;
    assert!(t.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn cors_headers_on_and_off() {
    let s = start(&[]).await;
    let cross_origin = || async {
        s.http
            .get(format!("{}/api/app/queue", s.base))
            .header("Origin", "http://127.0.0.1:9")
            .send()
            .await
            .unwrap()
    };
    let r = cross_origin().await;
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    s.admin(json!({"cors": false})).await;
    let r = cross_origin().await;
    assert!(r.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn xss_payloads_reach_news_and_descriptions() {
    let s = start(&["--xss", "on"]).await;
    let (_, news) = s.get("/api/app/news?lang=en").await;
    assert!(news[0]["text"].as_str().unwrap().contains("onerror"));
    let (_, algos) = s.get("/api/app/algorithms").await;
    assert!(algos[0]["algorithm_descriptions"][0]["long_description"]
        .as_str()
        .unwrap()
        .contains("<script>"));
    let r = s
        .http
        .post(format!("{}/__admin/reset", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
}

#[tokio::test]
async fn drop_after_carries_out_the_call_then_drops_the_answer() {
    let s = start(&["--queue", "50"]).await;
    s.admin(json!({"drop_after_rate": 1.0})).await;
    let form = reqwest::multipart::Form::new()
        .text("api_token", FREE)
        .text("sep_type", "40")
        .part(
            "audiofile",
            reqwest::multipart::Part::bytes(tone(1.0)).file_name("a.wav"),
        );
    let r = s
        .http
        .post(format!("{}/api/separation/create", s.base))
        .multipart(form)
        .send()
        .await;
    let failed = match r {
        Err(_) => true,
        Ok(resp) => resp.bytes().await.is_err(),
    };
    assert!(failed, "the client never hears the answer");
    s.admin(json!({"drop_after_rate": 0.0})).await;
    let (_, h) = s
        .get(&format!("/api/app/separation_history?api_token={FREE}"))
        .await;
    assert_eq!(
        h["data"].as_array().unwrap().len(),
        1,
        "but the job was created"
    );
}
