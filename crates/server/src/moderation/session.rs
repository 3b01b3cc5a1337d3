// SPDX-License-Identifier: EUPL-1.2
//! Signing in and out, who is signed in, and their daily digest.

use super::ERROR;
use crate::AppState;
use crate::auth::{self, Curator};
use crate::client::ClientIp;
use crate::error::{ApiError, ApiJson};
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use domain::community::DailyDigest;
use domain::curation::api::{Credentials, User};

/// Signs a curator in: sets the session cookie.
#[utoipa::path(post, path = "/api/session", tag = "curators", request_body = Credentials,
    responses((status = 200, body = User, headers(("Set-Cookie" = String))), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn sign_in(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(credentials): ApiJson<Credentials>,
) -> Result<impl IntoResponse, ApiError> {
    state.login_guard.check_rate(client)?;
    let Credentials { email, password } = credentials;
    let (user, token) = auth::login(&state.db, email, password).await?.ok_or(ApiError::BadCredentials)?;
    let cookie = auth::session_cookie(&token, state.public_url.starts_with("https://"));
    Ok(([(header::SET_COOKIE, cookie)], Json(User::from(user))))
}

/// Signs out: ends the session and clears the cookie.
#[utoipa::path(delete, path = "/api/session", tag = "curators",
    responses((status = 204, description = "Signed out", headers(("Set-Cookie" = String))), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn sign_out(
    State(state): State<AppState>,
    parts: axum::http::request::Parts,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(token) = auth::session_token(&parts) {
        let hash = crate::sha256_hex(token.as_bytes());
        state.db.call(move |conn| crate::db::accounts::revoke(conn, &hash)).await?;
    }
    let cookie = auth::session_cookie("", state.public_url.starts_with("https://"));
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]))
}

/// Who is signed in.
#[utoipa::path(get, path = "/api/session", tag = "curators", security(("session" = [])),
    responses((status = 200, body = User), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn whoami(Curator(user): Curator) -> Json<User> {
    Json(user.into())
}

/// Whether the signed-in editor gets the daily digest of the queue.
#[utoipa::path(get, path = "/api/session/daily-digest", tag = "curators", security(("session" = [])),
    responses((status = 200, body = DailyDigest), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn daily_digest(
    State(state): State<AppState>,
    Curator(user): Curator,
) -> Result<Json<DailyDigest>, ApiError> {
    let on = state.db.read(move |conn| crate::db::subscriptions::daily_digest(conn, &user.email)).await?;
    Ok(Json(DailyDigest { daily_digest: on }))
}

/// Turns the signed-in editor's daily digest of the queue on or off.
#[utoipa::path(put, path = "/api/session/daily-digest", tag = "curators", security(("session" = [])),
    request_body = DailyDigest,
    responses((status = 200, body = DailyDigest), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn set_daily_digest(
    State(state): State<AppState>,
    Curator(user): Curator,
    ApiJson(setting): ApiJson<DailyDigest>,
) -> Result<Json<DailyDigest>, ApiError> {
    let on = setting.daily_digest;
    state.db.call(move |conn| crate::db::subscriptions::set_daily_digest(conn, &user.email, on)).await?;
    Ok(Json(setting))
}
