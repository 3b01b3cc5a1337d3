// SPDX-License-Identifier: EUPL-1.2
//! Collection rounds: listed for curators, defined by admins.

use super::ERROR;
use crate::AppState;
use crate::auth::{Admin, Curator};
use crate::db::{self, audit};
use crate::error::{ApiError, ApiJson};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::{
    curation::api::AuditAction,
    questionnaire::rounds::{NewRound, Round},
};

/// Every collection round.
#[utoipa::path(get, path = "/api/moderation/rounds", tag = "curators", security(("session" = [])),
    responses((status = 200, body = Vec<Round>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn list_rounds(
    State(state): State<AppState>,
    Curator(_curator): Curator,
) -> Result<Json<Vec<Round>>, ApiError> {
    Ok(Json(state.db.read(db::rounds::all).await?))
}

/// Defines a collection round (admins only); the action is logged in the same transaction.
#[utoipa::path(post, path = "/api/moderation/rounds", tag = "admins", security(("session" = [])),
    request_body = NewRound, responses((status = 201, body = Round), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn add_round(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiJson(round): ApiJson<NewRound>,
) -> Result<(StatusCode, Json<Round>), ApiError> {
    let round = round.parse().map_err(ApiError::Invalid)?;
    let stored = round.clone();
    let created = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let inserted = db::rounds::insert(&tx, &round)?;
            if inserted {
                let after = format!("{} {}..{}", round.code, round.opens_on, round.closes_on);
                let entry = audit::Entry {
                    actor: &admin.email,
                    action: AuditAction::AddRound,
                    practice: None,
                    before: None,
                    after: Some(&after),
                    message: None,
                };
                audit::record(&tx, &entry, &db::now())?;
            }
            tx.commit()?;
            Ok(inserted)
        })
        .await?;
    if created {
        Ok((StatusCode::CREATED, Json(stored)))
    } else {
        Err(ApiError::Conflict(crate::messages::ROUND_CODE_TAKEN.into()))
    }
}
