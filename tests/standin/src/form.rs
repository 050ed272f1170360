//! Reads POST bodies: multipart (as the API page shows) or urlencoded, with the file part
//! streamed to disk and never held whole in memory.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, StatusCode};
use axum::response::Response;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

use crate::world::refuse;

pub struct Upload {
    pub field: String,
    pub file_name: String,
    pub path: PathBuf,
    pub bytes: u64,
}

pub struct Form {
    pub fields: HashMap<String, String>,
    /// The file parts, in the order sent (mastering sends two).
    pub uploads: Vec<Upload>,
}

impl Form {
    /// The first file part (the song, or the zip).
    pub fn upload(&self) -> Option<&Upload> {
        self.uploads.first()
    }
    /// The file part named `field`.
    pub fn file(&self, field: &str) -> Option<&Upload> {
        self.uploads.iter().find(|u| u.field == field)
    }
    /// Removes every stored file part.
    pub async fn remove_files(&self) {
        for u in &self.uploads {
            let _ = tokio::fs::remove_file(&u.path).await;
        }
    }
    pub fn get(&self, k: &str) -> Option<&str> {
        self.fields
            .get(k)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Reads the body; a file over `max_bytes` is refused as the service would, and removed.
pub async fn read(req: Request, tmp_dir: &Path, max_bytes: u64) -> Result<Form, Response> {
    let ctype = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    if ctype.starts_with("application/x-www-form-urlencoded") {
        let bytes = axum::body::to_bytes(req.into_body(), 1 << 20)
            .await
            .map_err(|_| refuse(StatusCode::BAD_REQUEST, "Malformed form body"))?;
        let fields = parse_urlencoded(&String::from_utf8_lossy(&bytes));
        return Ok(Form {
            fields,
            uploads: Vec::new(),
        });
    }
    if !ctype.starts_with("multipart/form-data") {
        return Ok(Form {
            fields: HashMap::new(),
            uploads: Vec::new(),
        });
    }
    let mut mp = Multipart::from_request(req, &())
        .await
        .map_err(|e| refuse(StatusCode::BAD_REQUEST, &e.body_text()))?;
    let mut fields = HashMap::new();
    let mut uploads: Vec<Upload> = Vec::new();
    let bad = |e: axum::extract::multipart::MultipartError| {
        refuse(StatusCode::BAD_REQUEST, &e.body_text())
    };
    loop {
        let mut field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            // Some clients send an empty form as a bare closing boundary.
            Err(_) if fields.is_empty() && uploads.is_empty() => break,
            Err(e) => return Err(bad(e)),
        };
        let name = field.name().unwrap_or("").to_string();
        if let Some(file_name) = field.file_name().map(str::to_string) {
            tokio::fs::create_dir_all(tmp_dir).await.ok();
            let path = tmp_dir.join(format!("upload-{}-{}", std::process::id(), unique()));
            let mut out = tokio::fs::File::create(&path).await.map_err(|_| {
                refuse(StatusCode::INTERNAL_SERVER_ERROR, "Cannot store the upload")
            })?;
            let mut bytes = 0u64;
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                bytes += chunk.len() as u64;
                if bytes > max_bytes {
                    drop(out);
                    let _ = tokio::fs::remove_file(&path).await;
                    for u in &uploads {
                        let _ = tokio::fs::remove_file(&u.path).await;
                    }
                    return Err(too_large(max_bytes));
                }
                out.write_all(&chunk).await.map_err(|_| {
                    refuse(StatusCode::INTERNAL_SERVER_ERROR, "Cannot store the upload")
                })?;
            }
            out.flush().await.ok();
            uploads.push(Upload {
                field: name,
                file_name,
                path,
                bytes,
            });
        } else {
            let text = field.text().await.map_err(bad)?;
            fields.insert(name, text);
        }
    }
    Ok(Form { fields, uploads })
}

pub fn too_large(max_bytes: u64) -> Response {
    refuse(
        StatusCode::BAD_REQUEST,
        &format!(
            "File size exceeds the limit of {} MB for your account",
            max_bytes >> 20
        ),
    )
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// A urlencoded body's fields (form_urlencoded: the rule browsers use, `+` as a space).
pub fn parse_urlencoded(s: &str) -> HashMap<String, String> {
    form_urlencoded::parse(s.as_bytes()).into_owned().collect()
}

/// What stays as it is in a path segment: RFC 3986's unreserved characters.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one path segment of a URL.
pub fn encode_path(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}
