//! A job's work after it is admitted: the link downloaded (loopback only), the stems rendered
//! from the input, the outcome written back to the job.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::audio::{self, Recipe, Stem, WavKind};
use crate::machine::credits;
use crate::world::*;

/// What the job makes of its input.
pub enum Work {
    /// Stems of the song.
    Separate,
    /// A piece of so many seconds from the prompt (written as the input first).
    Generate(f64),
    /// The song brought to the loudness of this reference.
    Master(PathBuf),
    /// Subtitles and text of the song.
    Transcribe,
}

pub struct RenderPlan {
    pub app: Arc<App>,
    pub job_index: usize,
    pub hash: String,
    pub input: PathBuf,
    pub work: Work,
    pub stems: Vec<(String, String)>,
    pub kind: WavKind,
    pub long_names: bool,
    pub algo_slug: String,
    pub remote: Option<(String, String)>,
    /// (account, premium, coefficient × multiplier): URL jobs are charged once their length is known.
    pub charge: (Option<usize>, bool, f64),
}

impl RenderPlan {
    pub async fn run(self) {
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
        let (stems, gain) = match &self.work {
            Work::Separate => (self.stems.clone(), None),
            Work::Generate(secs) => {
                let (input, secs) = (self.input.clone(), *secs);
                tokio::task::spawn_blocking(move || audio::write_tone(&input, secs, 44100))
                    .await
                    .map_err(|e| e.to_string())?
                    .map_err(|e| e.to_string())?;
                (vec![("audio".into(), "Audio".into())], Some(1.0))
            }
            Work::Master(reference) => {
                let (input, reference) = (self.input.clone(), reference.clone());
                let gain = tokio::task::spawn_blocking(move || {
                    super::kinds::matching_gain(&input, &reference)
                })
                .await
                .map_err(|e| e.to_string())??;
                (vec![("mastered".into(), "Mastered".into())], Some(gain))
            }
            Work::Transcribe => {
                let path = self.input.clone();
                let secs = tokio::task::spawn_blocking(move || audio::duration_secs(&path))
                    .await
                    .map_err(|e| e.to_string())??;
                return Ok((secs, super::kinds::write_transcript(&dir, &song, secs)?));
            }
        };
        let files: Vec<ResultFile> = stems
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
        let plan: Vec<Stem> = stems
            .iter()
            .zip(&files)
            .map(|((key, _), f)| Stem {
                recipe: gain.map_or_else(|| recipe(key), audio::Recipe::Gain),
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
