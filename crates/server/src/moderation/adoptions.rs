// SPDX-License-Identifier: EUPL-1.2
//! Declarations of adoption in the editors' queue: listed with their private
//! contact, decided by the domain's `adoption_transition` (publish, refuse,
//! withdraw, archive, reopen), each decision logged. Publishing one changes
//! the public practice page, so the static publication is written again.

use super::ERROR;
use crate::AppState;
use crate::auth::Curator;
use crate::db::{self, adoptions::Refused};
use crate::error::{ApiError, ApiJson, ApiPath};
use crate::messages::Message;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::community::reuse::{AdoptionDecision, AdoptionEntry};

/// Every declaration of adoption, the waiting ones first.
#[utoipa::path(get, path = "/api/moderation/adoptions", tag = "curators", security(("session" = [])),
    responses((status = 200, body = Vec<AdoptionEntry>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn list_adoptions(
    State(state): State<AppState>,
    Curator(_curator): Curator,
) -> Result<Json<Vec<AdoptionEntry>>, ApiError> {
    Ok(Json(state.db.read(db::adoptions::all).await?))
}

/// A decision on a declaration, taken on the version the curator saw.
#[utoipa::path(post, path = "/api/moderation/adoptions/{id}", tag = "curators", security(("session" = [])),
    params(("id" = i64, Path, description = "The declaration's number")),
    request_body = AdoptionDecision,
    responses((status = 204, description = "Decided"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn decide_adoption(
    State(state): State<AppState>,
    Curator(curator): Curator,
    ApiPath(id): ApiPath<i64>,
    ApiJson(decision): ApiJson<AdoptionDecision>,
) -> Result<StatusCode, ApiError> {
    let actor = curator.email.clone();
    let outcome =
        state.db.call(move |conn| db::adoptions::decide(conn, id, decision.action, decision.version, &actor)).await?;
    match outcome {
        Ok(_) => {
            state.publish();
            Ok(StatusCode::NO_CONTENT)
        }
        Err(Refused::NotFound) => Err(ApiError::NotFound),
        Err(Refused::Stale) => Err(ApiError::Conflict(crate::messages::ADOPTION_STALE.into())),
        Err(Refused::NotAllowed(invalid)) => Err(ApiError::Conflict(Message::AdoptionNotAllowed(invalid))),
    }
}
