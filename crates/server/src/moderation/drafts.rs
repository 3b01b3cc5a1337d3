// SPDX-License-Identifier: EUPL-1.2
//! Imported rows kept as drafts (curators): the list, one draft with its
//! row as the file wrote it, and its completion with the questionnaire's own
//! rules, which makes it a submission awaiting the editors.

use super::ERROR;
use crate::AppState;
use crate::auth::Curator;
use crate::db::import_drafts;
use crate::error::{ApiError, ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::PracticeId;
use domain::questionnaire::import::api::{Completion, DraftEntry, ImportDraft};

/// The imported rows still to complete, oldest first.
#[utoipa::path(get, path = "/api/moderation/import-drafts", tag = "curators", security(("session" = [])),
    responses((status = 200, body = Vec<DraftEntry>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn list_drafts(
    State(state): State<AppState>,
    Curator(_user): Curator,
) -> Result<Json<Vec<DraftEntry>>, ApiError> {
    Ok(Json(state.db.read(import_drafts::open).await?))
}

/// One draft to complete: the row as the file wrote it, what could be read
/// from it, and what stands in the way. 404 once completed.
#[utoipa::path(get, path = "/api/moderation/import-drafts/{id}", tag = "curators", security(("session" = [])),
    params(("id" = i64, Path, description = "The draft")),
    responses((status = 200, body = ImportDraft), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn draft(
    State(state): State<AppState>,
    Curator(_user): Curator,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ImportDraft>, ApiError> {
    state.db.read(move |conn| import_drafts::draft(conn, id)).await?.map(Json).ok_or(ApiError::NotFound)
}

/// Completes a draft: the answers are checked as a submission's are (422
/// with every field to fix) and stored as a submission awaiting the
/// editors, with the row's provenance. 404 for a draft completed already.
#[utoipa::path(post, path = "/api/moderation/import-drafts/{id}/complete", tag = "curators", security(("session" = [])),
    params(("id" = i64, Path, description = "The draft")),
    request_body = Completion,
    responses((status = 201, body = String, description = "The new submission's identifier"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn complete_draft(
    State(state): State<AppState>,
    Curator(user): Curator,
    ApiPath(id): ApiPath<i64>,
    ApiJson(Completion { answers }): ApiJson<Completion>,
) -> Result<(StatusCode, Json<PracticeId>), ApiError> {
    let practice = domain::questionnaire::QUESTIONNAIRE
        .accept(answers, Some(domain::record::comuni::shipped()))
        .map_err(ApiError::Invalid)?;
    let done = state.db.call(move |conn| import_drafts::complete(conn, id, &practice, &user.email)).await?;
    done.map(|id| (StatusCode::CREATED, Json(id))).ok_or(ApiError::NotFound)
}
