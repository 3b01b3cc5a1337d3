// SPDX-License-Identifier: EUPL-1.2
//! Curator accounts and sessions. Passwords are hashed with Argon2id (PHC
//! strings); a session is a random secret in an HttpOnly, SameSite=Strict
//! cookie (Secure when the site is served over https), known to the database
//! only by its SHA-256, expiring after eight hours and revocable by logout.
//! State-changing requests must come from our own pages (Origin and
//! Sec-Fetch-Site are checked), and failed logins are throttled per address.

use crate::db::{self, DbError};
use crate::error::ApiError;
use crate::{AppState, sha256_hex};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{Method, header, request::Parts};
use axum::middleware::Next;
use axum::response::Response;
use rusqlite::Connection;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "bp_session";
/// How long a session lasts.
pub const SESSION_HOURS: i64 = 8;

pub use domain::curation::api::Role;

/// A signed-in user, as the handlers know them.
pub type User = db::accounts::UserRow;

impl From<User> for domain::curation::api::User {
    fn from(user: User) -> Self {
        Self { email: user.email, role: user.role }
    }
}

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = domain::curation::api::NewAccount::MIN_PASSWORD;

/// Argon2id with the crate's default (OWASP-recommended) parameters.
pub fn hash_password(password: &str) -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    let salt = SaltString::encode_b64(&bytes).expect("16 bytes make a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("hashing never fails for valid parameters")
        .to_string()
}

/// True when `password` matches the stored hash.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// A hash to verify against when the e-mail is unknown, so that a wrong
/// e-mail and a wrong password take the same time.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that matches nothing"))
}

fn later(hours: i64) -> String {
    let at = (time::OffsetDateTime::now_utc() + time::Duration::hours(hours)).replace_nanosecond(0).expect("valid");
    at.format(&time::format_description::well_known::Rfc3339).expect("formats")
}

/// Adds an account, hashing its password (slow: call it off any lock the
/// request path needs, as the CLI and tests do).
pub fn create_user(conn: &Connection, email: &str, role: Role, password: &str) -> Result<(), DbError> {
    db::accounts::insert(conn, email, role, &hash_password(password))
}

/// Checks credentials; on success opens a session and returns its secret.
/// The account is read with a read connection, the password verified on the
/// blocking pool with no connection held, and only the new session is
/// written: a sign-in never holds the writer for Argon2's time.
pub async fn login(db: &db::Db, email: String, password: String) -> Result<Option<(User, String)>, DbError> {
    let found = db.read(move |conn| db::accounts::login(conn, &email)).await?;
    let verified = tokio::task::spawn_blocking(move || match found {
        None => {
            verify_password(&password, decoy_hash());
            None
        }
        Some(login) => (verify_password(&password, &login.password_hash) && !login.disabled).then_some(login.user),
    })
    .await?;
    let Some(user) = verified else { return Ok(None) };
    let token = crate::random_secret();
    let (hash, user_id) = (sha256_hex(token.as_bytes()), user.id);
    db.call(move |conn| db::accounts::open_session(conn, &hash, user_id, &later(SESSION_HOURS))).await?;
    Ok(Some((user, token)))
}

/// The session secret sent by the browser, if any.
pub fn session_token(parts: &Parts) -> Option<String> {
    parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(
        |pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == SESSION_COOKIE && value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| value.to_owned())
        },
    )
}

/// The `Set-Cookie` value opening (or, with an empty token, closing) a session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let max_age = if token.is_empty() { 0 } else { SESSION_HOURS * 3600 };
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}")
}

/// A request made by a signed-in curator (or admin); 401 otherwise.
pub struct Curator(pub User);

impl FromRequestParts<AppState> for Curator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = session_token(parts).ok_or(ApiError::Unauthorized)?;
        let hash = sha256_hex(token.as_bytes());
        let user = state.db.read(move |conn| db::accounts::session_user(conn, &hash)).await?;
        user.map(Curator).ok_or(ApiError::Unauthorized)
    }
}

/// A request made by a signed-in admin; 401 or 403 otherwise.
pub struct Admin(pub User);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Curator(user) = Curator::from_request_parts(parts, state).await?;
        if user.role == Role::Admin { Ok(Admin(user)) } else { Err(ApiError::Forbidden) }
    }
}

/// Refuses state-changing requests that do not come from our own pages:
/// a cross-site `Sec-Fetch-Site`, or an `Origin` whose host is not ours.
pub async fn same_origin_only(State(_): State<AppState>, request: Request, next: Next) -> Result<Response, ApiError> {
    if !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let headers = request.headers();
        let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        if fetch_site.is_some_and(|site| site != "same-origin" && site != "none") {
            return Err(ApiError::Forbidden);
        }
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
        if let Some(origin) = origin {
            let origin_host = origin.split_once("://").map(|(_, rest)| rest.trim_end_matches('/'));
            if origin_host.is_none() || origin_host != host {
                return Err(ApiError::Forbidden);
            }
        }
    }
    Ok(next.run(request).await)
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_hashed_with_argon2id_and_verified() {
        let hash = super::hash_password("una password lunga abbastanza");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(super::verify_password("una password lunga abbastanza", &hash));
        assert!(!super::verify_password("una password sbagliata", &hash));
        assert!(!super::verify_password("x", "not a hash"));
        assert_ne!(hash, super::hash_password("una password lunga abbastanza"), "salted");
    }

    #[test]
    fn the_cookie_is_http_only_and_strict() {
        let cookie = super::session_cookie("ab", true);
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.ends_with("; Secure"));
        assert!(super::session_cookie("", false).contains("Max-Age=0"));
    }
}
