//! The MVSEP client: one async method per endpoint, against a configurable base URL.

use crate::api::decode::{fit, RawResponse};
use crate::api::endpoints::{self, BoardQuery, QcSubmission};
use crate::api::error::ApiError;
use crate::api::locate::named;
use crate::api::models::*;
use crate::api::request::Request;
use crate::api::transport::{self, Cancel, FileBody, UploadHandle};
use serde::de::DeserializeOwned;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Client {
    /// `https://mvsep.com`, a mirror, or `` for this origin (behind a proxy).
    pub base: String,
    pub token: Option<String>,
    /// A token is held but may not go to `base` (see `Access`): calls that need it fail with
    /// `Elsewhere` instead of "no token".
    withheld: bool,
    /// Aborts this client's calls (see [`Client::cancelled_by`]).
    pub cancel: Option<Cancel>,
}

impl Client {
    /// A client without a token (signing in, registering, the model list, a job's state):
    /// clients with one are built by [`Access`](crate::api::Access), which keeps the rule.
    pub fn public(base: impl Into<String>) -> Self {
        Self::with_token(base.into(), None)
    }

    /// `token` as `Access` leaves it: none when it is empty.
    pub(super) fn with_token(base: String, token: Option<String>) -> Self {
        Self {
            base,
            token,
            withheld: false,
            cancel: None,
        }
    }

    pub(super) fn withheld(base: String) -> Self {
        Self {
            withheld: true,
            ..Self::public(base)
        }
    }

    /// The token, for a call that needs it.
    fn need(&self) -> Result<&str, ApiError> {
        if self.withheld {
            return Err(ApiError::Elsewhere {
                base: self.base.clone(),
            });
        }
        self.token
            .as_deref()
            .filter(|t| !t.is_empty())
            .ok_or(ApiError::Unauthorized {
                message: Some(crate::i18n::t("No API token is set").into()),
            })
    }

    /// The same client, its calls aborted when `cancel` is (a screen's loads when it goes away).
    pub fn cancelled_by(mut self, cancel: Cancel) -> Self {
        self.cancel = Some(cancel);
        self
    }

    async fn run<T: DeserializeOwned>(&self, req: Request) -> Result<T, ApiError> {
        let raw = transport::send(&self.base, &req, self.cancel).await?;
        match fit(&raw, req.envelope)? {
            Ok(v) => Ok(v),
            Err(m) => Err(named(raw.body, m).await),
        }
    }

    fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Sends a multipart request with a file, reporting upload progress; the handle cancels it.
    fn upload<T: DeserializeOwned>(
        &self,
        req: Request,
        files: &[&FileBody],
        on_progress: impl Fn(f64, f64) + 'static,
    ) -> Result<
        (
            UploadHandle,
            impl std::future::Future<Output = Result<T, ApiError>>,
        ),
        ApiError,
    > {
        let envelope = req.envelope;
        let (handle, answer) = transport::upload(&self.base, &req, files, on_progress)?;
        Ok((handle, async move {
            let raw = answer.await?;
            match fit(&raw, envelope)? {
                Ok(v) => Ok(v),
                Err(m) => Err(named(raw.body, m).await),
            }
        }))
    }

    /// Creates a job from its files (`endpoints::SONG` or `TARGET_AND_REFERENCE`, in that
    /// order), with upload progress.
    pub fn create_with_progress(
        &self,
        opts: &JobOptions,
        fields: &[&'static str],
        files: &[&FileBody],
        on_progress: impl Fn(f64, f64) + 'static,
    ) -> Result<
        (
            UploadHandle,
            impl std::future::Future<Output = Result<Created, ApiError>>,
        ),
        ApiError,
    > {
        self.upload(
            endpoints::create_from_file(self.token(), opts, fields),
            files,
            on_progress,
        )
    }

    /// Adds a quality-checker entry (`zipfile`), with upload progress.
    pub fn qc_add_with_progress(
        &self,
        s: &QcSubmission<'_>,
        zip: &FileBody,
        on_progress: impl Fn(f64, f64) + 'static,
    ) -> Result<
        (
            UploadHandle,
            impl std::future::Future<Output = Result<QcCreated, ApiError>>,
        ),
        ApiError,
    > {
        self.upload(endpoints::qc_add(self.need()?, s), &[zip], on_progress)
    }

    /// Creates a job of a model that takes no song: its options are the whole input.
    pub async fn create_without_file(&self, opts: &JobOptions) -> Result<Created, ApiError> {
        self.run(endpoints::create_from_file(
            self.token(),
            opts,
            endpoints::NO_FILE,
        ))
        .await
    }

    pub async fn create_from_url(
        &self,
        opts: &JobOptions,
        url: &str,
        remote: RemoteType,
    ) -> Result<Created, ApiError> {
        self.run(endpoints::create_from_url(self.token(), opts, url, remote))
            .await
    }

    /// A job's state (no token).
    pub async fn job(&self, hash: &str) -> Result<Job, ApiError> {
        self.run(endpoints::get_job(hash, false, None)).await
    }

    /// A job's state with mirror links: it costs a credit and needs the token.
    pub async fn mirror(&self, hash: &str) -> Result<Job, ApiError> {
        self.run(endpoints::get_job(hash, true, Some(self.need()?)))
            .await
    }

    pub async fn job_remote(&self, hash: &str) -> Result<Job, ApiError> {
        self.run(endpoints::get_remote(hash)).await
    }

    pub async fn cancel(&self, hash: &str) -> Result<Notice, ApiError> {
        self.run(endpoints::cancel(self.need()?, hash)).await
    }

    /// The algorithms read one by one, how many could not be read, and the body as sent (for
    /// caching it as is).
    /// The model list's answer as sent, read by the caller (`decode::list_items`): the whole
    /// list is some 900 kB, read a few models at a time and cached as it came.
    pub async fn algorithms_answer(&self, scope: Option<Scope>) -> Result<RawResponse, ApiError> {
        transport::send(&self.base, &endpoints::algorithms(scope), self.cancel).await
    }

    pub async fn algorithms(&self, scope: Option<Scope>) -> Result<Vec<Algorithm>, ApiError> {
        self.run(endpoints::algorithms(scope)).await
    }

    pub async fn news(
        &self,
        lang: &str,
        start: u32,
        limit: u32,
    ) -> Result<Vec<NewsItem>, ApiError> {
        self.run(endpoints::news(lang, start, limit)).await
    }

    pub async fn queue(&self) -> Result<SiteQueue, ApiError> {
        self.run(endpoints::queue(self.token())).await
    }

    pub async fn demo(&self, start: u32, limit: u32) -> Result<Vec<Demo>, ApiError> {
        self.run(endpoints::demo(start, limit)).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Result<User, ApiError> {
        self.run(endpoints::login(email, password)).await
    }

    pub async fn register(
        &self,
        name: &str,
        email: &str,
        password: &str,
        confirmation: &str,
    ) -> Result<Notice, ApiError> {
        self.run(endpoints::register(name, email, password, confirmation))
            .await
    }

    pub async fn user(&self) -> Result<User, ApiError> {
        self.run(endpoints::user(self.need()?)).await
    }

    pub async fn history(&self, start: u32, limit: u32) -> Result<Vec<HistoryEntry>, ApiError> {
        self.run(endpoints::history(self.need()?, start, limit))
            .await
    }

    pub async fn set_premium(&self, on: bool) -> Result<Notice, ApiError> {
        self.run(endpoints::set_premium(self.need()?, on)).await
    }

    pub async fn set_long_filenames(&self, on: bool) -> Result<Notice, ApiError> {
        self.run(endpoints::set_long_filenames(self.need()?, on))
            .await
    }

    pub async fn qc_queue(&self, start: u32, limit: u32) -> Result<Vec<QcEntry>, ApiError> {
        self.run(endpoints::qc_queue(start, limit)).await
    }

    pub async fn qc_leaderboard(&self, q: &BoardQuery) -> Result<Leaderboard, ApiError> {
        self.run(endpoints::qc_leaderboard(q)).await
    }

    pub async fn qc_entry(&self, id: i64) -> Result<QcEntry, ApiError> {
        self.run(endpoints::qc_entry(id)).await
    }

    pub async fn qc_delete(&self, id: i64, password: &str) -> Result<Notice, ApiError> {
        self.run(endpoints::qc_delete(id, password)).await
    }
}
