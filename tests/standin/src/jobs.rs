//! `/api/separation/*`: create (upload or URL), get (with mirror), get-remote, cancel.

use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::audio::{self, Recipe, Stem, WavKind};
use crate::form::{self, Form};
use crate::machine::{credits, phase, Facts, Phase};
use crate::world::*;

/// Output formats: (label the service reports, what the stand-in writes). mp3, flac and m4a are
/// substituted by WAV (see the README).
pub fn format_of(code: u8) -> (&'static str, WavKind) {
    match code {
        1 => ("wav (16 bit)", WavKind::Int16),
        2 => ("flac (16 bit)", WavKind::Int16),
        3 => ("m4a (aac)", WavKind::Int16),
        4 => ("wav (32 bit)", WavKind::Float32),
        5 => ("flac (24 bit)", WavKind::Int24),
        _ => ("mp3 (320 kbps)", WavKind::Int16),
    }
}

pub fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.2} MB", bytes as f64 / 1048576.0)
    } else {
        format!("{:.2} KB", bytes as f64 / 1024.0)
    }
}

pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "audio".into()
    } else {
        out.chars().take(60).collect()
    }
}

/// The public origin of this server as the client reached it, for the URLs it hands out.
pub fn origin(headers: &HeaderMap, port: u16) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| format!("127.0.0.1:{port}"));
    format!("http://{host}")
}

/// The stems an algorithm writes for the chosen options: (key, label).
pub fn stems_of(alg: &Value, chosen: &HashMap<String, String>) -> Vec<(String, String)> {
    let parse =
        |v: &Value| -> Option<Value> { v.as_str().and_then(|s| serde_json::from_str(s).ok()) };
    let pairs = |v: &Value| -> Vec<(String, String)> {
        v.as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, l)| (k.clone(), l.as_str().unwrap_or(k).to_string()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut stems: Vec<(String, String)> = parse(&alg["outputs"])
        .map(|v| pairs(&v))
        .unwrap_or_default();
    if stems.is_empty() {
        if let Some(Value::Array(keys)) = parse(&alg["output_stems"]) {
            stems = keys
                .iter()
                .filter_map(Value::as_str)
                .map(|k| (k.to_string(), title(k)))
                .collect();
        }
    }
    if stems.is_empty() {
        // Older lists: the stems are named in the algorithm's name, "Demucs4 HT (vocals, drums, bass, other)".
        let name = alg["name"].as_str().unwrap_or("");
        if let (Some(a), Some(b)) = (name.rfind('('), name.rfind(')')) {
            if a < b {
                stems = name[a + 1..b]
                    .split(',')
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty() && s.len() < 30)
                    .map(|s| (slug(s), title(s)))
                    .collect();
            }
        }
    }
    if stems.is_empty() {
        stems = vec![
            ("vocals".into(), "Vocals".into()),
            ("instrum".into(), "Instrumental".into()),
        ];
    }
    // Options that add or replace outputs.
    for f in alg["algorithm_fields"].as_array().into_iter().flatten() {
        let Some(chosen_key) = f["name"].as_str().and_then(|n| chosen.get(n)) else {
            continue;
        };
        let Some(ov) = parse(&f["output_overrides"]) else {
            continue;
        };
        let Some(rule) = ov.get(chosen_key) else {
            continue;
        };
        let outs = pairs(&rule["outputs"]);
        match rule["mode"].as_str() {
            Some("set") if !outs.is_empty() => stems = outs,
            Some("add") => stems.extend(outs),
            _ => {}
        }
    }
    stems
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The chosen options, checked against the algorithm's fields as the service checks them.
fn options(alg: &Value, f: &Form) -> Result<(HashMap<String, String>, f64), Response> {
    let mut chosen = HashMap::new();
    let mut multiplier = 1.0;
    let mut errors: Vec<(String, String)> = Vec::new();
    for field in alg["algorithm_fields"].as_array().into_iter().flatten() {
        let name = field["name"].as_str().unwrap_or("").to_string();
        let required = field["required"].as_i64().unwrap_or(0) == 1;
        let kind = field["input_type"].as_str().unwrap_or("select");
        let given = f.get(&name).map(str::to_string);
        if kind == "select" {
            let opts: serde_json::Map<String, Value> = field["options"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or_default();
            let value = given.or_else(|| field["default_key"].as_str().map(str::to_string));
            match value {
                Some(v) if opts.is_empty() || opts.contains_key(&v) => {
                    for rule in field["price_rules"].as_array().into_iter().flatten() {
                        let key = match &rule["option_key"] {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        if key == v {
                            let m = match &rule["value"] {
                                Value::String(s) => s.parse().unwrap_or(1.0),
                                other => other.as_f64().unwrap_or(1.0),
                            };
                            multiplier *= m;
                        }
                    }
                    chosen.insert(name, v);
                }
                Some(_) => errors.push((
                    name.clone(),
                    format!("The selected {} is invalid.", name.replace('_', " ")),
                )),
                None if required => errors.push((
                    name.clone(),
                    format!("The {} field is required.", name.replace('_', " ")),
                )),
                None => {}
            }
        } else {
            match given {
                Some(v) => {
                    chosen.insert(name, v);
                }
                None if required => errors.push((
                    name.clone(),
                    format!("The {} field is required.", name.replace('_', " ")),
                )),
                None => {}
            }
        }
    }
    if errors.is_empty() {
        Ok((chosen, multiplier))
    } else {
        let refs: Vec<(&str, &str)> = errors
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        Err(refuse_fields(&refs))
    }
}

pub async fn create(State(app): State<Arc<App>>, headers: HeaderMap, req: Request) -> Response {
    let cfg = &app.config;
    let max = cfg.free_upload_mb.max(cfg.premium_upload_mb) << 20;
    let f = match form::read(req, &cfg.data_dir.join("tmp"), max).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let result = admit(&app, &headers, &f).await;
    if result.is_err() {
        if let Some(u) = &f.upload {
            let _ = tokio::fs::remove_file(&u.path).await;
        }
    }
    result.unwrap_or_else(|r| r)
}

/// Checks a create request and starts the job, or answers the refusal.
async fn admit(app: &Arc<App>, headers: &HeaderMap, f: &Form) -> Result<Response, Response> {
    let cfg = &app.config;
    let account = match f.get("api_token") {
        Some(t) => Some(
            app.world
                .lock()
                .unwrap()
                .account_by_token(t)
                .ok_or_else(invalid_token)?,
        ),
        None => None,
    };
    let premium = account.is_some_and(|i| app.world.lock().unwrap().accounts[i].premium_active());
    let Some(sep_type) = f.get("sep_type") else {
        return Err(refuse_fields(&[(
            "sep_type",
            "The sep type field is required.",
        )]));
    };
    let alg = app
        .algorithms
        .iter()
        .find(|a| {
            a["render_id"].to_string().as_str() == sep_type && a["is_active"].as_i64() != Some(0)
        })
        .cloned()
        .ok_or_else(|| refuse_fields(&[("sep_type", "The selected sep type is invalid.")]))?;
    match alg["orientation"].as_i64().unwrap_or(0) {
        1 if account.is_none() => {
            return Err(refuse_errors(
                StatusCode::BAD_REQUEST,
                "Seperation type is available only for registered users",
            ))
        }
        2 if !premium => {
            return Err(refuse_errors(
                StatusCode::BAD_REQUEST,
                "Seperation type is unavailable until you purchase premium membership",
            ))
        }
        _ => {}
    }
    let output_format: u8 = match f.get("output_format").unwrap_or("0").parse() {
        Ok(n) if n <= 5 => n,
        _ => {
            return Err(refuse_fields(&[(
                "output_format",
                "The selected output format is invalid.",
            )]))
        }
    };
    if output_format >= 4 && !premium {
        return Err(refuse_errors(
            StatusCode::BAD_REQUEST,
            "This output format is available only for premium users",
        ));
    }
    let (chosen, multiplier) = options(&alg, f)?;
    let limit_bytes = if premium {
        cfg.premium_upload_mb
    } else {
        cfg.free_upload_mb
    } << 20;
    let remote = match (&f.upload, f.get("url")) {
        (Some(u), _) if u.bytes > limit_bytes => return Err(form::too_large(limit_bytes)),
        (Some(u), _) if u.bytes == 0 => {
            return Err(refuse_fields(&[(
                "audiofile",
                "The audiofile must be a file.",
            )]))
        }
        (Some(_), _) => None,
        (None, Some(url)) => Some((
            url.to_string(),
            f.get("remote_type").unwrap_or("direct").to_string(),
        )),
        (None, None) => {
            return Err(refuse_fields(&[(
                "audiofile",
                "The audiofile field is required when url is not present.",
            )]))
        }
    };
    if let Some((_, kind)) = &remote {
        if !["direct", "mega", "drive", "dropbox"].contains(&kind.as_str()) {
            return Err(refuse_fields(&[(
                "remote_type",
                "The selected remote type is invalid.",
            )]));
        }
    }
    if let Some(i) = account {
        let w = app.world.lock().unwrap();
        let running = w
            .jobs
            .iter()
            .filter(|j| {
                j.account == Some(i)
                    && phase(&cfg.timing, &j.facts, j.created.elapsed(), cfg.expire).is_running()
            })
            .count();
        let limit = if premium { 10 } else { 1 };
        if running >= limit {
            return Err(refuse_errors(
                StatusCode::BAD_REQUEST,
                &format!("You can run only {limit} separation(s) at the same time. Wait until the current one finishes."),
            ));
        }
    }
    // Length and cost are known now for uploads; URL jobs learn them after the download.
    let mut duration = None;
    let mut cost = 0;
    if let Some(u) = &f.upload {
        let path = u.path.clone();
        let probed = tokio::task::spawn_blocking(move || audio::duration_secs(&path))
            .await
            .unwrap_or_else(|_| Err(audio::NOT_AUDIO.into()));
        if let Ok(secs) = probed {
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
            duration = Some(secs);
            if premium {
                cost = credits(
                    secs,
                    alg["price_coefficient"].as_f64().unwrap_or(1.0),
                    multiplier,
                );
            }
        }
    }
    let input_name = match (&f.upload, &remote) {
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
    };
    let (hash, short, job_index) = {
        let mut w = app.world.lock().unwrap();
        if let Some(i) = account {
            if cost > w.accounts[i].credits {
                return Err(refuse_errors(
                    StatusCode::BAD_REQUEST,
                    &format!(
                        "Not enough premium minutes: this job costs {cost}, you have {}",
                        w.accounts[i].credits
                    ),
                ));
            }
            w.accounts[i].credits -= cost;
        }
        let id = w.next_job_id;
        w.next_job_id += 1;
        let now = now_string();
        let stamp: String = now.chars().filter(char::is_ascii_digit).collect();
        let (stem, ext) = split_ext(&input_name);
        let hash = format!(
            "{stamp}-{:010x}-{}.{}",
            (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 24 & 0xff_ffff_ffff,
            slug(&stem),
            ext
        );
        let queue_ahead = w.faults.queue_ahead.unwrap_or(cfg.timing.queue_ahead);
        let link_wait = std::time::Duration::from_millis(w.faults.link_wait_ms.unwrap_or(1500));
        // The real service answers a link job with a short hash of its own (see get_remote).
        let short = remote.as_ref().map(|_| {
            format!(
                "{:012x}",
                (id as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 16
            )
        });
        w.jobs.push(Job {
            id,
            hash: hash.clone(),
            account,
            created: Instant::now(),
            created_at: now,
            algorithm: alg.clone(),
            facts: Facts {
                queue_ahead,
                duration_secs: duration,
                rendered: None,
                cancelled: false,
            },
            files: Vec::new(),
            input_name: input_name.clone(),
            input_bytes: f.upload.as_ref().map(|u| u.bytes).unwrap_or(0),
            output_format,
            credits: cost,
            is_demo: f.get("is_demo") == Some("1"),
            short: short.clone(),
            link_wait,
        });
        (hash, short, w.jobs.len() - 1)
    };
    let input_path = cfg.data_dir.join("storage").join("temp").join(&hash);
    tokio::fs::create_dir_all(input_path.parent().unwrap())
        .await
        .ok();
    if let Some(u) = &f.upload {
        if tokio::fs::rename(&u.path, &input_path).await.is_err() {
            let _ = tokio::fs::copy(&u.path, &input_path).await;
            let _ = tokio::fs::remove_file(&u.path).await;
        }
    }
    let long_names = account.is_some_and(|i| app.world.lock().unwrap().accounts[i].long_filenames);
    let plan = RenderPlan {
        app: app.clone(),
        job_index,
        hash: hash.clone(),
        input: input_path,
        stems: stems_of(&alg, &chosen),
        kind: format_of(output_format).1,
        long_names,
        algo_slug: slug(alg["name"].as_str().unwrap_or("")),
        remote,
        charge: (
            account,
            premium,
            alg["price_coefficient"].as_f64().unwrap_or(1.0) * multiplier,
        ),
    };
    tokio::spawn(plan.run());
    let base = origin(headers, cfg.port);
    let answered = short.unwrap_or(hash);
    Ok(ok(
        json!({"success": true, "data": {"link": format!("{base}/result/{answered}"), "hash": answered}}),
    ))
}

fn split_ext(name: &str) -> (String, String) {
    match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && e.len() <= 5 => (s.to_string(), e.to_ascii_lowercase()),
        _ => (name.to_string(), "mp3".into()),
    }
}

struct RenderPlan {
    app: Arc<App>,
    job_index: usize,
    hash: String,
    input: PathBuf,
    stems: Vec<(String, String)>,
    kind: WavKind,
    long_names: bool,
    algo_slug: String,
    remote: Option<(String, String)>,
    /// (account, premium, coefficient × multiplier): URL jobs are charged once their length is known.
    charge: (Option<usize>, bool, f64),
}

impl RenderPlan {
    async fn run(self) {
        let outcome = self.produce().await;
        let mut w = self.app.world.lock().unwrap();
        let job = &mut w.jobs[self.job_index];
        match outcome {
            Ok((secs, files)) => {
                job.facts.duration_secs.get_or_insert(secs);
                job.files = files;
                job.facts.rendered = Some(Ok(()));
            }
            Err(reason) => job.facts.rendered = Some(Err(reason)),
        }
    }

    async fn produce(&self) -> Result<(f64, Vec<ResultFile>), String> {
        if let Some((url, kind)) = &self.remote {
            fetch_remote(url, kind, &self.input).await?;
            let (account, premium, coef) = self.charge;
            if let (Some(i), true) = (account, premium) {
                let path = self.input.clone();
                let secs = tokio::task::spawn_blocking(move || audio::duration_secs(&path))
                    .await
                    .map_err(|e| e.to_string())??;
                let cost = credits(secs, coef, 1.0);
                let mut w = self.app.world.lock().unwrap();
                if w.accounts[i].credits < cost {
                    return Err(format!("Not enough premium minutes: this job costs {cost}"));
                }
                w.accounts[i].credits -= cost;
                w.jobs[self.job_index].credits = cost;
            }
        }
        let song = self.hash.splitn(3, '-').nth(2).unwrap_or(&self.hash);
        let song = song
            .rsplit_once('.')
            .map(|(s, _)| s)
            .unwrap_or(song)
            .to_string();
        let dir = self.app.config.data_dir.join("storage").join(&self.hash);
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(|e| e.to_string())?;
        let files: Vec<ResultFile> = self
            .stems
            .iter()
            .map(|(key, label)| ResultFile {
                label: label.clone(),
                file_name: if self.long_names {
                    format!("{song}_{key}_{}.wav", self.algo_slug)
                } else {
                    format!("{song}_{key}.wav")
                },
            })
            .collect();
        let plan: Vec<Stem> = self
            .stems
            .iter()
            .zip(&files)
            .map(|((key, _), f)| Stem {
                recipe: recipe(key),
                path: dir.join(&f.file_name),
            })
            .collect();
        let input = self.input.clone();
        let kind = self.kind;
        let secs = tokio::task::spawn_blocking(move || audio::render(&input, &plan, kind))
            .await
            .map_err(|e| e.to_string())??;
        Ok((secs, files))
    }
}

fn recipe(key: &str) -> Recipe {
    audio::recipe_for(key)
}

/// Downloads a `direct` URL (loopback only: the stand-in has no other network); the other
/// hosts fail as the service does when it cannot reach them.
async fn fetch_remote(url: &str, kind: &str, to: &Path) -> Result<(), String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let cannot = |what: &str| {
        format!(
            "Could not download the file from {what}. Check that the link is public and direct."
        )
    };
    match kind {
        "mega" => return Err(cannot("Mega")),
        "drive" => return Err(cannot("Google Drive")),
        "dropbox" => return Err(cannot("Dropbox")),
        _ => {}
    }
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| cannot("the URL"))?;
    let (hostport, path) = rest
        .split_once('/')
        .map(|(h, p)| (h, format!("/{p}")))
        .unwrap_or((rest, "/".into()));
    let host = hostport.split(':').next().unwrap_or("");
    if !(host == "127.0.0.1" || host == "localhost") {
        return Err(cannot("the URL"));
    }
    let addr = if hostport.contains(':') {
        hostport.to_string()
    } else {
        format!("{hostport}:80")
    };
    let mut s = tokio::net::TcpStream::connect(addr.replace("localhost", "127.0.0.1"))
        .await
        .map_err(|_| cannot("the URL"))?;
    s.write_all(
        format!("GET {path} HTTP/1.0\r\nHost: {hostport}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .await
    .map_err(|_| cannot("the URL"))?;
    let mut file = tokio::fs::File::create(to)
        .await
        .map_err(|e| e.to_string())?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut head = Vec::new();
    let mut in_body = false;
    loop {
        let n = s.read(&mut buf).await.map_err(|_| cannot("the URL"))?;
        if n == 0 {
            break;
        }
        if in_body {
            file.write_all(&buf[..n]).await.map_err(|e| e.to_string())?;
            continue;
        }
        head.extend_from_slice(&buf[..n]);
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            let status_ok = head.starts_with(b"HTTP/1.1 200") || head.starts_with(b"HTTP/1.0 200");
            if !status_ok {
                return Err(cannot("the URL"));
            }
            file.write_all(&head[end + 4..])
                .await
                .map_err(|e| e.to_string())?;
            in_body = true;
        }
    }
    file.flush().await.map_err(|e| e.to_string())
}

pub type Params = Query<HashMap<String, String>>;

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
            let mut d = done_data(job, &base, p == Phase::Done, mirror, w.faults.peaks);
            if w.faults.xss {
                crate::peaks::hostile_urls(&mut d);
            }
            d
        }
    };
    ok(json!({"success": true, "status": p.status(), "data": data}))
}

fn done_data(job: &Job, base: &str, with_files: bool, mirror: bool, peaks: bool) -> Value {
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
                    "size": human_size(file_size(&job.hash, &f.file_name)),
                });
                if peaks {
                    v["peaks"] = json!(crate::peaks::of_file(&storage_path(&job.hash, &f.file_name)));
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

/// Where result files live (set once at start).
pub fn set_storage(dir: PathBuf) {
    STORAGE_DIR.set(dir).ok();
}
static STORAGE_DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Where a job's result file is kept.
fn storage_path(hash: &str, name: &str) -> PathBuf {
    STORAGE_DIR
        .get()
        .map(|d| d.join(hash).join(name))
        .unwrap_or_default()
}

fn file_size(hash: &str, name: &str) -> u64 {
    STORAGE_DIR
        .get()
        .and_then(|d| std::fs::metadata(d.join(hash).join(name)).ok())
        .map(|m| m.len())
        .unwrap_or(0)
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
