// SPDX-License-Identifier: EUPL-1.2
//! Harvesting other collections: a scheduled job reads each active source
//! when it is due (`run_due`), and an administrator can run one at once
//! (`run_source`). A run fetches the source's file, reads it, plans every
//! change against what is held, and writes the plan in one transaction; a
//! run that fails (the source is down, answers 404 or a web page, changed
//! shape) records why and changes nothing else.

pub mod dcat;
pub mod fetch;
pub mod plan;
pub mod read;
pub mod sheet;

use crate::AppState;
use crate::db::{self, DbError};
use domain::harvest::Failure;
use domain::harvest::api::{HarvestRun, HarvestSource, SourceKind};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// The harvest's client and limits, one run at a time.
pub struct Harvester {
    client: reqwest::Client,
    settings: fetch::Settings,
    running: tokio::sync::Mutex<()>,
}

/// The most practices one file may hold.
pub const MAX_ITEMS: usize = 5_000;

impl Harvester {
    pub fn new(settings: fetch::Settings, public_url: &str) -> Self {
        Self { client: fetch::client(&settings, public_url), settings, running: tokio::sync::Mutex::new(()) }
    }
}

/// What `run_source` could not do.
#[derive(Debug)]
pub enum NotRun {
    NoSuchSource,
    /// Another run is under way.
    Busy,
    Db(DbError),
}

impl From<DbError> for NotRun {
    fn from(error: DbError) -> Self {
        NotRun::Db(error)
    }
}

/// Runs the source `id` now, unless another run is under way.
pub async fn run_source(state: &AppState, id: i64) -> Result<HarvestRun, NotRun> {
    let _running = state.harvester.running.try_lock().map_err(|_| NotRun::Busy)?;
    run_locked(state, id).await
}

async fn run_locked(state: &AppState, id: i64) -> Result<HarvestRun, NotRun> {
    let (source, last_sha256) =
        state.db.read(move |conn| db::harvest::source(conn, id)).await?.ok_or(NotRun::NoSuchSource)?;
    let started = db::now();
    let harvester = &state.harvester;
    let Fetched { url, body, sheet } = match fetch_data(harvester, &source).await {
        Ok(fetched) => fetched,
        Err(failure) => return Ok(record_failure(state, &source, failure, started).await?),
    };
    let sha = format!("{:x}", Sha256::digest(&body));
    // A sheet is read again all the same: its mapping may have changed.
    if !sheet && last_sha256.as_deref() == Some(sha.as_str()) && source.last_error.is_none() {
        let run = state.db.call(move |conn| db::harvest::unchanged(conn, id, &started)).await?;
        return Ok(run);
    }
    let (read, imported) = match read_file(state, sheet, url, body).await? {
        Ok(read) => read,
        Err(failure) => return Ok(record_failure(state, &source, failure, started).await?),
    };
    let existing = state.db.read(move |conn| db::harvest::existing(conn, id)).await?;
    let (name, contact, ours) = (source.name.clone(), source.contact_email.clone(), state.public_url.clone());
    let mut plan = blocking(move || {
        let facts = plan::SourceFacts { name: &name, contact_email: &contact };
        plan::plan(read, &existing, &facts, &ours)
    })
    .await?;
    plan.counts.imported = imported;
    plan.counts.read += imported;
    let changes_public = source.curated && (plan.counts.created > 0 || plan.counts.updated > 0);
    let written = source.clone();
    let run = state.db.call(move |conn| db::harvest::apply(conn, &written, &plan, &sha, &started)).await?;
    tracing::info!(source = %source.key, created = run.counts.created, updated = run.counts.updated, "harvested");
    if changes_public {
        state.publish();
    }
    Ok(run)
}

/// What a source's file holds, and how many of a sheet's rows came in
/// through the import already. A sheet is read with the mapping the import
/// saved for its header row.
async fn read_file(
    state: &AppState,
    sheet: bool,
    url: String,
    body: Vec<u8>,
) -> Result<Result<(read::Read, usize), Failure>, NotRun> {
    if !sheet {
        return blocking(move || read::instance_json(&body, &url, MAX_ITEMS).map(|read| (read, 0))).await;
    }
    let sheet = match blocking(move || crate::sheet::read(&body)).await? {
        Ok(sheet) => sheet,
        Err(errors) => return Ok(Err(sheet::refused(&errors))),
    };
    let headers = sheet.headers.clone();
    let keys: Vec<String> = sheet.rows.iter().map(|row| db::imports::row_key(row)).collect();
    let (mapping, imported) = state
        .db
        .read(move |conn| Ok((db::imports::saved_mapping(conn, &headers)?, db::imports::imported(conn, &keys)?)))
        .await?;
    let Some(mapping) = mapping.filter(|mapping| mapping.check(&sheet).is_ok()) else {
        return Ok(Err(Failure::NoMapping));
    };
    blocking(move || Ok(sheet::items(&sheet, &mapping, &url, &imported))).await
}

/// `work` off the async threads.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, NotRun> {
    tokio::task::spawn_blocking(work).await.map_err(|e| NotRun::Db(DbError::Io(std::io::Error::other(e.to_string()))))
}

/// A source's file, as fetched.
struct Fetched {
    /// Where it was read.
    url: String,
    body: Vec<u8>,
    /// A sheet of responses (a CSV or XLSX), not our JSON.
    sheet: bool,
}

/// The practices' file of a source: read at the source's address, or for a
/// DCAT catalogue at the address of its distribution in our format.
async fn fetch_data(harvester: &Harvester, source: &HarvestSource) -> Result<Fetched, Failure> {
    let get = |url: String| async move { fetch::get(&harvester.client, &harvester.settings, &url).await };
    let body = get(source.url.clone()).await?;
    let url = source.url.clone();
    match source.kind {
        SourceKind::Istanza => Ok(Fetched { url, body, sheet: false }),
        SourceKind::Csv => Ok(Fetched { url, body, sheet: true }),
        SourceKind::Dcat => {
            let mut contexts = std::collections::HashMap::new();
            for context in dcat::remote_contexts(&body) {
                contexts.insert(context.clone(), get(context).await?);
            }
            let parsed = tokio::task::spawn_blocking(move || dcat::distribution(&body, &contexts)).await;
            let parsed = parsed.map_err(|e| Failure::Shape { detail: e.to_string() })?;
            let (url, sheet) = match parsed? {
                dcat::Distribution::Json(url) => (url, false),
                dcat::Distribution::Sheet(url) => (url, true),
            };
            Ok(Fetched { body: get(url.clone()).await?, url, sheet })
        }
    }
}

async fn record_failure(
    state: &AppState,
    source: &HarvestSource,
    failure: Failure,
    started: String,
) -> Result<HarvestRun, DbError> {
    tracing::warn!(source = %source.key, failure = %failure.describe(domain::Lang::En), "harvest failed");
    let id = source.id;
    state.db.call(move |conn| db::harvest::failed(conn, id, &failure, &started)).await
}

/// Runs every active source due at `now`, one after the other.
pub async fn run_due(state: &AppState, now: time::OffsetDateTime) -> Vec<HarvestRun> {
    let _running = state.harvester.running.lock().await;
    let at = db::rfc3339(now);
    let due = match state.db.read(move |conn| db::harvest::due(conn, &at)).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(%error, "cannot read the sources due");
            return Vec::new();
        }
    };
    let mut runs = Vec::new();
    for id in due {
        match run_locked(state, id).await {
            Ok(run) => runs.push(run),
            Err(error) => tracing::error!(?error, source = id, "harvest run not recorded"),
        }
    }
    runs
}

/// The job: every `every`, the sources that are due.
pub async fn run(state: AppState, every: Duration) {
    loop {
        tokio::time::sleep(every).await;
        run_due(&state, time::OffsetDateTime::now_utc()).await;
    }
}
