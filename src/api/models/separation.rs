//! `/api/separation/*`: creating jobs and reading their state and results.

use crate::api::de;
use crate::i18n::k;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `data` of a successful create.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Created {
    pub hash: String,
    #[serde(default)]
    pub link: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotFound,
    Waiting,
    Processing,
    Distributing,
    Merging,
    Done,
    Failed,
    /// A status this client does not know yet; shown as is and polled on.
    #[serde(other)]
    Unknown,
}

/// One result file. The service has no `name` or `link`: `type` is the stem label.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct ResultFile {
    #[serde(rename = "type", default)]
    pub stem: String,
    pub url: String,
    #[serde(default)]
    pub download: Option<String>,
    /// A human string such as "5.70 MB".
    #[serde(default, deserialize_with = "de::opt_string_flex")]
    pub size: Option<String>,
    /// The exact size, where the service sends it (a number, or a number as text).
    #[serde(default, deserialize_with = "de::opt_f64_flex")]
    pub bytes: Option<f64>,
    /// A waveform, if the service sends one (seen once, shape unknown): kept as it came and
    /// read by the mixer (`mixer::model::peaks::from_json`). Not saved with the job (it can be large).
    #[serde(default, skip_serializing)]
    pub peaks: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct InputFile {
    pub url: String,
    #[serde(default, deserialize_with = "de::opt_string_flex")]
    pub size: Option<String>,
    #[serde(default)]
    pub download: Option<String>,
}

/// `data` of `/api/separation/get`; which fields are present depends on the status.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
pub struct JobData {
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub queue_count: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub current_order: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub finished_chunks: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64_flex")]
    pub all_chunks: Option<i64>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub algorithm: Option<String>,
    #[serde(default)]
    pub algorithm_description: Option<String>,
    /// A label such as "mp3 (320 kbps)", not the integer sent at create.
    #[serde(default, deserialize_with = "de::opt_string_flex")]
    pub output_format: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string_flex")]
    pub size: Option<String>,
    /// getID3 output with mixed types: kept raw.
    #[serde(default)]
    pub tags: Option<Value>,
    #[serde(default)]
    pub input_file: Option<InputFile>,
    #[serde(default, deserialize_with = "de::null_as_default")]
    pub files: Vec<ResultFile>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub hash: Option<String>,
}

/// The whole answer of `/api/separation/get` (and `get-remote`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(from = "RawJob")]
pub struct Job {
    pub success: bool,
    pub status: Status,
    /// The status as the service named it (one this client does not know is shown by name).
    pub status_name: String,
    pub data: JobData,
}

#[derive(Deserialize)]
struct RawJob {
    #[serde(default, deserialize_with = "de::bool01")]
    success: bool,
    #[serde(deserialize_with = "de::string_flex")]
    status: String,
    #[serde(default)]
    data: JobData,
}

impl From<RawJob> for Job {
    fn from(r: RawJob) -> Self {
        let status = serde_json::from_value(Value::String(r.status.trim().to_ascii_lowercase()))
            .unwrap_or(Status::Unknown);
        Job {
            success: r.success,
            status,
            status_name: r.status,
            data: r.data,
        }
    }
}

impl Job {
    /// The one rule for "this job has ended": failed, gone, or done with its files listed
    /// (`done` arrives before the file list is written: it is polled on until files appear).
    pub fn has_ended(&self) -> bool {
        match self.status {
            Status::Done => !self.data.files.is_empty(),
            Status::Failed | Status::NotFound => true,
            _ => false,
        }
    }
}

/// Output formats (`output_format`), their names as keys of the interface's texts; 4 and 5 are
/// for premium users.
pub const OUTPUT_FORMATS: [(u8, &str, bool); 6] = [
    (0, k("MP3 320 kbps"), false),
    (1, k("WAV 16 bit"), false),
    (2, k("FLAC 16 bit"), false),
    (3, k("M4A"), false),
    (4, k("WAV 32 bit"), true),
    (5, k("FLAC 24 bit"), true),
];

/// Where a `url` job's input is fetched from (`remote_type`). Stored with a saved job under the
/// service's own words ("mega"); a word this version does not know reads as a direct link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RemoteType {
    Mega,
    Drive,
    Dropbox,
    #[serde(other)]
    Direct,
}

impl RemoteType {
    pub fn as_str(self) -> &'static str {
        match self {
            RemoteType::Direct => "direct",
            RemoteType::Mega => "mega",
            RemoteType::Drive => "drive",
            RemoteType::Dropbox => "dropbox",
        }
    }
}

/// The options of a new job, as the create form sends them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct JobOptions {
    pub sep_type: i64,
    /// (add_optN, key) pairs, keys exactly as the server listed them.
    pub fields: Vec<(String, String)>,
    pub output_format: u8,
    pub is_demo: bool,
}
