// SPDX-License-Identifier: EUPL-1.2
//! Accounts, for admins: list, add, disable and enable.

use super::ERROR;
use crate::AppState;
use crate::auth::{self, Admin};
use crate::db::{self, audit};
use crate::error::{ApiError, ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::curation::api::{Account, AuditAction, NewAccount};

/// Every account (admins only).
#[utoipa::path(get, path = "/api/moderation/users", tag = "admins", security(("session" = [])),
    responses((status = 200, body = Vec<Account>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn users(State(state): State<AppState>, Admin(_admin): Admin) -> Result<Json<Vec<Account>>, ApiError> {
    Ok(Json(state.db.read(db::accounts::all).await?))
}

/// Adds an account (admins only); the action is logged in the same transaction.
#[utoipa::path(post, path = "/api/moderation/users", tag = "admins", security(("session" = [])),
    request_body = NewAccount, responses((status = 201, body = Account), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn add_user(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiJson(account): ApiJson<NewAccount>,
) -> Result<(StatusCode, Json<Account>), ApiError> {
    account.check().map_err(ApiError::Invalid)?;
    // Argon2 takes its time here, holding no connection.
    let password = account.password.clone();
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let email = account.email.trim().to_owned();
    let role = account.role;
    let created = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            if db::accounts::exists(&tx, &email)? {
                return Ok(None);
            }
            db::accounts::insert(&tx, &email, role, &hash)?;
            let now = db::now();
            let after = format!("{email} ({})", role.code());
            let entry = audit::Entry {
                actor: &admin.email,
                action: AuditAction::AddUser,
                practice: None,
                before: None,
                after: Some(&after),
                message: None,
            };
            audit::record(&tx, &entry, &now)?;
            tx.commit()?;
            Ok(Some(Account { email, role, disabled: false, created_at: now }))
        })
        .await?;
    match created {
        Some(account) => Ok((StatusCode::CREATED, Json(account))),
        None => Err(ApiError::Conflict(crate::messages::ACCOUNT_EMAIL_TAKEN.into())),
    }
}

/// Disables an account and ends its sessions (admins only); the action is logged.
#[utoipa::path(post, path = "/api/moderation/users/{email}/disable", tag = "admins", security(("session" = [])),
    params(("email" = String, Path, description = "The account's e-mail")),
    responses((status = 204, description = "Disabled, sessions ended"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn disable_user(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(email): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    if email.trim().eq_ignore_ascii_case(&admin.email) {
        return Err(ApiError::Conflict(crate::messages::DISABLING_ONESELF.into()));
    }
    switch_account(&state, admin.email, email, true).await
}

/// Enables a disabled account again (admins only); the action is logged. Its
/// old sessions stay ended: the person signs in again.
#[utoipa::path(post, path = "/api/moderation/users/{email}/enable", tag = "admins", security(("session" = [])),
    params(("email" = String, Path, description = "The account's e-mail")),
    responses((status = 204, description = "Enabled"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn enable_user(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(email): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    switch_account(&state, admin.email, email, false).await
}

/// Disables (ending its sessions) or enables an account, in one transaction
/// with its audit entry; an unknown account is a 404.
async fn switch_account(state: &AppState, actor: String, email: String, disable: bool) -> Result<StatusCode, ApiError> {
    let changed = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let email = email.trim();
            let changed = db::accounts::set_disabled(&tx, email, disable)?;
            if changed {
                let action = if disable { AuditAction::DisableUser } else { AuditAction::EnableUser };
                let entry = audit::Entry {
                    actor: &actor,
                    action,
                    practice: None,
                    before: Some(email),
                    after: None,
                    message: None,
                };
                audit::record(&tx, &entry, &db::now())?;
            }
            tx.commit()?;
            Ok(changed)
        })
        .await?;
    if changed { Ok(StatusCode::NO_CONTENT) } else { Err(ApiError::NotFound) }
}
