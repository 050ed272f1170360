#![allow(dead_code)]
use mvsep_standin::config::Config;
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

pub const FREE: &str = mvsep_standin::world::FREE_TOKEN;
pub const PREMIUM: &str = mvsep_standin::world::PREMIUM_TOKEN;

pub struct Server {
    pub base: String,
    pub data: PathBuf,
    pub http: reqwest::Client,
    _stop: tokio::sync::oneshot::Sender<()>,
}

/// Starts a stand-in on a free loopback port with extra flags.
pub async fn start(flags: &[&str]) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut args: Vec<String> = vec!["standin".into()];
    args.extend(flags.iter().map(|s| s.to_string()));
    let mut config = Config::from_args(&args).unwrap();
    config.port = port;
    config.data_dir =
        std::env::temp_dir().join(format!("standin-test-{}-{port}", std::process::id()));
    let data = config.data_dir.clone();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(mvsep_standin::serve_on(listener, config, async {
        let _ = rx.await;
    }));
    Server {
        base: format!("http://127.0.0.1:{port}"),
        data,
        http: reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .unwrap(),
        _stop: tx,
    }
}

impl Server {
    /// A GET whose answer is read by the test itself.
    pub async fn raw(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }
    pub async fn get(&self, path: &str) -> (u16, Value) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, Value) {
        let mut form = Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        self.post_form(path, form).await
    }
    pub async fn post_form(&self, path: &str, form: Form) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }
    /// Creates a job from bytes named `name`.
    pub async fn create(
        &self,
        token: Option<&str>,
        sep_type: &str,
        name: &str,
        bytes: Vec<u8>,
        extra: &[(&str, &str)],
    ) -> (u16, Value) {
        let mut form = Form::new()
            .text("sep_type", sep_type.to_string())
            .part("audiofile", Part::bytes(bytes).file_name(name.to_string()));
        if let Some(t) = token {
            form = form.text("api_token", t.to_string());
        }
        for (k, v) in extra {
            form = form.text(k.to_string(), v.to_string());
        }
        self.post_form("/api/separation/create", form).await
    }
    /// Polls a job until `status` (bounded: 40 s).
    pub async fn poll_until(&self, hash: &str, want: &str, need_files: bool) -> Value {
        let mut seen = Vec::new();
        for _ in 0..400 {
            let (_, j) = self
                .get(&format!("/api/separation/get?hash={}", enc(hash)))
                .await;
            let status = j["status"].as_str().unwrap_or("").to_string();
            if seen.last() != Some(&status) {
                seen.push(status.clone());
            }
            let has_files = j["data"]["files"].as_array().is_some_and(|f| !f.is_empty());
            if status == want && (!need_files || has_files) {
                return serde_json::json!({"job": j, "seen": seen});
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{hash} never reached {want}; saw {seen:?}");
    }
    /// Follows a link job's short hash through `get-remote` until the service names the real
    /// job (or says it failed); the answers seen, the last one last.
    pub async fn follow_link(&self, short: &str) -> Vec<Value> {
        let mut seen = Vec::new();
        for _ in 0..200 {
            let (_, r) = self
                .get(&format!("/api/separation/get-remote?hash={}", enc(short)))
                .await;
            let over = r["success"] == true;
            seen.push(r);
            if over {
                return seen;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{short} was never fetched; saw {seen:?}");
    }
    pub async fn admin(&self, faults: Value) {
        let r = self
            .http
            .post(format!("{}/__admin/faults", self.base))
            .json(&faults)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
    }
}

pub fn enc(s: &str) -> String {
    mvsep_standin::form::encode_path(s)
}

/// A stereo WAV tone of `secs` seconds.
pub fn tone(secs: f64) -> Vec<u8> {
    let path = std::env::temp_dir().join(format!("tone-{}-{secs}.wav", std::process::id()));
    mvsep_standin::audio::write_tone(&path, secs, 8000).unwrap();
    let b = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(path);
    b
}

pub fn fixture(name: &str) -> Value {
    let p = format!("{}/../fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}
