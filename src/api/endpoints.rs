//! One request builder per endpoint of the MVSEP API. Pure: tested natively.

use crate::api::models::{JobOptions, RemoteType, Scope};
use crate::api::request::{Envelope, Request};

/// The file parts of a create: a song, none (a model that makes audio from its options), or a
/// target and the reference it is mastered to.
pub const SONG: &[&str] = &["audiofile"];
pub const NO_FILE: &[&str] = &[];
pub const TARGET_AND_REFERENCE: &[&str] = &["target_audiofile", "reference_audiofile"];

/// `/api/separation/create` with file parts named `files` (attached by the transport).
pub fn create_from_file(token: Option<&str>, opts: &JobOptions, files: &[&'static str]) -> Request {
    files.iter().fold(
        job_form(
            Request::post("/api/separation/create", Envelope::Data),
            token,
            opts,
        ),
        |req, f| req.with_file(f),
    )
}

/// `/api/separation/create` from a URL the service fetches itself.
pub fn create_from_url(
    token: Option<&str>,
    opts: &JobOptions,
    url: &str,
    remote: RemoteType,
) -> Request {
    job_form(
        Request::post("/api/separation/create", Envelope::Data),
        token,
        opts,
    )
    .param("url", url)
    .param("remote_type", remote.as_str())
}

fn job_form(req: Request, token: Option<&str>, opts: &JobOptions) -> Request {
    let mut req = req
        .param_opt("api_token", token)
        .param("sep_type", opts.sep_type)
        .param("output_format", opts.output_format);
    for (name, key) in &opts.fields {
        // Keys go exactly as the server listed them ("0.3", "bass_0"), never re-cast.
        req = req.param(name, key);
    }
    if opts.is_demo {
        req = req.param("is_demo", 1);
    }
    req
}

/// `/api/separation/get`; `mirror` needs the token and costs 1 credit.
pub fn get_job(hash: &str, mirror: bool, token: Option<&str>) -> Request {
    let req = Request::get("/api/separation/get", Envelope::Whole).param("hash", hash);
    if mirror {
        req.param("mirror", 1).param_opt("api_token", token)
    } else {
        req
    }
}

pub fn get_remote(hash: &str) -> Request {
    Request::get("/api/separation/get-remote", Envelope::Whole).param("hash", hash)
}

pub fn cancel(token: &str, hash: &str) -> Request {
    Request::post("/api/separation/cancel", Envelope::Whole)
        .param("api_token", token)
        .param("hash", hash)
}

pub fn algorithms(scope: Option<Scope>) -> Request {
    Request::get("/api/app/algorithms", Envelope::Bare)
        .param_opt("scopes", scope.map(Scope::as_str))
}

pub fn news(lang: &str, start: u32, limit: u32) -> Request {
    Request::get("/api/app/news", Envelope::Bare)
        .param("lang", lang)
        .param("start", start)
        .param("limit", limit.min(20))
}

pub fn queue(token: Option<&str>) -> Request {
    Request::get("/api/app/queue", Envelope::Whole).param_opt("api_token", token)
}

pub fn demo(start: u32, limit: u32) -> Request {
    Request::get("/api/app/demo", Envelope::Bare)
        .param("start", start)
        .param("limit", limit.min(20))
}

pub fn login(email: &str, password: &str) -> Request {
    Request::post("/api/app/login", Envelope::Data)
        .param("email", email)
        .param("password", password)
}

pub fn register(name: &str, email: &str, password: &str, confirmation: &str) -> Request {
    Request::post("/api/app/register", Envelope::Whole)
        .param("name", name)
        .param("email", email)
        .param("password", password)
        .param("password_confirmation", confirmation)
}

pub fn user(token: &str) -> Request {
    Request::get("/api/app/user", Envelope::Data).param("api_token", token)
}

pub fn history(token: &str, start: u32, limit: u32) -> Request {
    Request::get("/api/app/separation_history", Envelope::Data)
        .param("api_token", token)
        .param("start", start)
        .param("limit", limit.min(20))
}

/// `enable_premium` / `disable_premium`.
pub fn set_premium(token: &str, on: bool) -> Request {
    let path = if on {
        "/api/app/enable_premium"
    } else {
        "/api/app/disable_premium"
    };
    Request::post(path, Envelope::Whole).param("api_token", token)
}

/// `enable_long_filenames` / `disable_long_filenames`.
pub fn set_long_filenames(token: &str, on: bool) -> Request {
    let path = if on {
        "/api/app/enable_long_filenames"
    } else {
        "/api/app/disable_long_filenames"
    };
    Request::post(path, Envelope::Whole).param("api_token", token)
}

pub fn qc_queue(start: u32, limit: u32) -> Request {
    Request::get("/api/quality_checker/queue", Envelope::Bare)
        .param("start", start)
        .param("limit", limit)
}

/// Leaderboard query: dataset, paging, name filter and the stem to sort by.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoardQuery {
    pub dataset_type: i64,
    pub start: u32,
    pub limit: u32,
    pub filter: Option<String>,
    pub sort: Option<String>,
}

pub fn qc_leaderboard(q: &BoardQuery) -> Request {
    Request::get("/api/quality_checker/leaderboard", Envelope::Whole)
        .param("dataset_type", q.dataset_type)
        .param("start", q.start)
        .param("limit", q.limit)
        .param_opt(
            "algo_name_filter",
            q.filter.as_deref().filter(|f| !f.is_empty()),
        )
        .param_opt("sort", q.sort.as_deref())
}

/// A new quality-checker entry; the zip is attached as `zipfile` by the transport.
pub struct QcSubmission<'a> {
    pub algo_name: &'a str,
    pub main_text: &'a str,
    pub dataset_type: i64,
    pub password: &'a str,
    pub ensemble: bool,
}

pub fn qc_add(token: &str, s: &QcSubmission) -> Request {
    Request::post("/api/quality_checker/add", Envelope::Data)
        .param("api_token", token)
        .param("algo_name", s.algo_name)
        .param("main_text", s.main_text)
        .param("dataset_type", s.dataset_type)
        .param("password", s.password)
        .param("ensemble", u8::from(s.ensemble))
        .with_file("zipfile")
}

pub fn qc_entry(id: i64) -> Request {
    Request::get("/api/quality_checker/entry", Envelope::Data).param("id", id)
}

pub fn qc_delete(id: i64, password: &str) -> Request {
    Request::post("/api/quality_checker/delete", Envelope::Data)
        .param("id", id)
        .param("password", password)
}
