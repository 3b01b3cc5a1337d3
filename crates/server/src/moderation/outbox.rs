// SPDX-License-Identifier: EUPL-1.2
//! The outbox as admins read it (`/redazione/posta`): every message queued,
//! where it is on its way, and what the mail server said.

use super::ERROR;
use crate::AppState;
use crate::auth::Admin;
use crate::db;
use crate::error::ApiError;
use axum::Json;
use axum::extract::State;

/// The outbox, newest first, and whether a mail server delivers it (admins
/// only: it holds addresses).
#[utoipa::path(get, path = "/api/moderation/outbox", tag = "admins", security(("session" = [])),
    responses((status = 200, body = domain::community::Outbox), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn outbox(
    State(state): State<AppState>,
    Admin(_admin): Admin,
) -> Result<Json<domain::community::Outbox>, ApiError> {
    let messages = state.db.read(|conn| db::outbox::newest(conn, OUTBOX_SHOWN)).await?;
    Ok(Json(domain::community::Outbox { delivering: state.mail.delivering(), messages }))
}

/// The most recent messages the outbox page lists.
const OUTBOX_SHOWN: usize = 500;
