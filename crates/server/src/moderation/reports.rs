// SPDX-License-Identifier: EUPL-1.2
//! What people tell the editors about the service: accessibility reports in
//! the editors' queue (listed, marked handled, and open again, an undo; each
//! decision logged), and the service ratings' results, for admins.

use super::ERROR;
use crate::AppState;
use crate::auth::{Admin, Curator};
use crate::db::{self, audit};
use crate::error::{ApiError, ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::curation::api::AuditAction;
use domain::site::feedback::{RatingResults, ReportHandling, ReportItem, reference};

/// Every accessibility report, the open ones first.
#[utoipa::path(get, path = "/api/moderation/accessibility-reports", tag = "curators", security(("session" = [])),
    responses((status = 200, body = Vec<ReportItem>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn list_reports(
    State(state): State<AppState>,
    Curator(_curator): Curator,
) -> Result<Json<Vec<ReportItem>>, ApiError> {
    Ok(Json(state.db.read(db::reports::all).await?))
}

/// Marks a report handled (`{"handled": true}`) or open again (`false`).
#[utoipa::path(put, path = "/api/moderation/accessibility-reports/{id}", tag = "curators", security(("session" = [])),
    params(("id" = i64, Path, description = "The report's number")),
    request_body = ReportHandling,
    responses((status = 204, description = "Done (or already so)"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn handle_report(
    State(state): State<AppState>,
    Curator(curator): Curator,
    ApiPath(id): ApiPath<i64>,
    ApiJson(handling): ApiJson<ReportHandling>,
) -> Result<StatusCode, ApiError> {
    let found = state
        .db
        .call(move |conn| {
            if !db::reports::exists(conn, id)? {
                return Ok(false);
            }
            let tx = conn.transaction()?;
            let at = db::now();
            let by = handling.handled.then_some(curator.email.as_str());
            if db::reports::set_handled(&tx, id, by, &at)? {
                let after = reference(id);
                let entry = audit::Entry {
                    actor: &curator.email,
                    action: if handling.handled { AuditAction::HandleReport } else { AuditAction::ReopenReport },
                    practice: None,
                    before: None,
                    after: Some(&after),
                    message: None,
                };
                audit::record(&tx, &entry, &at)?;
            }
            tx.commit()?;
            Ok(true)
        })
        .await?;
    if found { Ok(StatusCode::NO_CONTENT) } else { Err(ApiError::NotFound) }
}

/// The service ratings: how many of each number of stars, and the latest
/// comments (admins only).
#[utoipa::path(get, path = "/api/moderation/service-ratings", tag = "admins", security(("session" = [])),
    responses((status = 200, body = RatingResults), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn rating_results(
    State(state): State<AppState>,
    Admin(_admin): Admin,
) -> Result<Json<RatingResults>, ApiError> {
    Ok(Json(state.db.read(db::ratings::results).await?))
}
