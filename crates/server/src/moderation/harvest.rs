// SPDX-License-Identifier: EUPL-1.2
//! Harvesting other collections (admins): the sources, adding one, changing
//! its schedule or pausing it, running it now, and its runs. A run that
//! fails is still an answer (200, `outcome: failed`): it was recorded, and
//! it changed nothing else.

use super::ERROR;
use crate::AppState;
use crate::auth::Admin;
use crate::db::harvest;
use crate::error::{ApiError, ApiJson, ApiPath};
use crate::harvest::NotRun;
use crate::messages::{HARVEST_RUNNING, SOURCE_EXISTS};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::harvest::api::{HarvestRun, HarvestSource, NewHarvestSource, SourceChange};
use domain::{FieldError, FieldErrors};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(super) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sources, add_source))
        .routes(routes!(change_source))
        .routes(routes!(run_source))
        .routes(routes!(source_runs))
}

/// Every source, with its last run and how many practices came from it.
#[utoipa::path(get, path = "/api/moderation/harvest-sources", tag = "admins", security(("session" = [])),
    responses((status = 200, body = Vec<HarvestSource>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn sources(
    State(state): State<AppState>,
    Admin(_admin): Admin,
) -> Result<Json<Vec<HarvestSource>>, ApiError> {
    Ok(Json(state.db.read(harvest::sources).await?))
}

/// Adds a source: another instance's `opendata/buone-pratiche.json`. It is
/// read at its next turn (within 15 minutes), or at once with `run`.
#[utoipa::path(post, path = "/api/moderation/harvest-sources", tag = "admins", security(("session" = [])),
    request_body = NewHarvestSource,
    responses((status = 201, body = HarvestSource), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn add_source(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiJson(new): ApiJson<NewHarvestSource>,
) -> Result<(StatusCode, Json<HarvestSource>), ApiError> {
    new.check().map_err(ApiError::Invalid)?;
    match state.db.call(move |conn| harvest::add_source(conn, &new, &admin.email)).await? {
        Some(source) => Ok((StatusCode::CREATED, Json(source))),
        None => Err(ApiError::Conflict(SOURCE_EXISTS.into())),
    }
}

/// Pauses or resumes a source, marks it curated or not, or changes how
/// often it is read.
#[utoipa::path(patch, path = "/api/moderation/harvest-sources/{id}", tag = "admins", security(("session" = [])),
    params(("id" = i64, Path, description = "The source")),
    request_body = SourceChange,
    responses((status = 200, body = HarvestSource), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn change_source(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(id): ApiPath<i64>,
    ApiJson(change): ApiJson<SourceChange>,
) -> Result<Json<HarvestSource>, ApiError> {
    if change.every_hours.is_some_and(|hours| !(1..=NewHarvestSource::MAX_EVERY_HOURS).contains(&hours)) {
        let mut errors = FieldErrors::default();
        errors.add("every_hours", FieldError::Invalid { detail: "from 1 to 720 hours".into() });
        return Err(ApiError::Invalid(errors));
    }
    let changed = state.db.call(move |conn| harvest::change_source(conn, id, &change, &admin.email)).await?;
    changed.map(Json).ok_or(ApiError::NotFound)
}

/// Reads the source now. 409 while another run is under way.
#[utoipa::path(post, path = "/api/moderation/harvest-sources/{id}/run", tag = "admins", security(("session" = [])),
    params(("id" = i64, Path, description = "The source")),
    responses((status = 200, body = HarvestRun), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn run_source(
    State(state): State<AppState>,
    Admin(_admin): Admin,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<HarvestRun>, ApiError> {
    match crate::harvest::run_source(&state, id).await {
        Ok(run) => Ok(Json(run)),
        Err(NotRun::NoSuchSource) => Err(ApiError::NotFound),
        Err(NotRun::Busy) => Err(ApiError::Conflict(HARVEST_RUNNING.into())),
        Err(NotRun::Db(error)) => Err(error.into()),
    }
}

/// A source's last 50 runs, newest first, with what each counted and the
/// practices it could not take.
#[utoipa::path(get, path = "/api/moderation/harvest-sources/{id}/runs", tag = "admins", security(("session" = [])),
    params(("id" = i64, Path, description = "The source")),
    responses((status = 200, body = Vec<HarvestRun>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn source_runs(
    State(state): State<AppState>,
    Admin(_admin): Admin,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<HarvestRun>>, ApiError> {
    let runs = state
        .db
        .read(move |conn| {
            if harvest::source(conn, id)?.is_none() {
                return Ok(None);
            }
            harvest::runs(conn, id, 50).map(Some)
        })
        .await?;
    runs.map(Json).ok_or(ApiError::NotFound)
}
