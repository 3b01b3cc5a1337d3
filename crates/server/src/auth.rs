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
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "bp_session";
/// How long a session lasts.
pub const SESSION_HOURS: i64 = 8;
/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 12;

/// What a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reviews and decides on submissions.
    Curator,
    /// A curator who also manages accounts and reads the audit log.
    Admin,
}

impl Role {
    /// The role's name, as stored.
    pub const fn code(self) -> &'static str {
        match self {
            Role::Curator => "curator",
            Role::Admin => "admin",
        }
    }

    /// The role with this name.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "curator" => Some(Role::Curator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// A signed-in user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct User {
    #[serde(skip)]
    pub id: i64,
    pub email: String,
    pub role: Role,
}

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

/// Adds an account.
pub fn create_user(conn: &Connection, email: &str, role: Role, password: &str) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO users (email, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![email.trim(), role.code(), hash_password(password), db::now()],
    )?;
    Ok(())
}

/// Checks credentials; on success opens a session and returns its secret.
pub fn login(conn: &Connection, email: &str, password: &str) -> Result<Option<(User, String)>, DbError> {
    let found: Option<(i64, String, String, String, bool)> = conn
        .query_row("SELECT id, email, role, password_hash, disabled FROM users WHERE email = ?1", [email.trim()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((id, email, role, hash, disabled)) = found else {
        verify_password(password, decoy_hash());
        return Ok(None);
    };
    if !verify_password(password, &hash) || disabled {
        return Ok(None);
    }
    let Some(role) = Role::from_code(&role) else { return Ok(None) };
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).expect("the operating system provides randomness");
    let token: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![sha256_hex(token.as_bytes()), id, db::now(), later(SESSION_HOURS)],
    )?;
    Ok(Some((User { id, email, role }, token)))
}

/// The user of a live session.
pub fn session_user(conn: &Connection, token: &str) -> Result<Option<User>, DbError> {
    let found: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT u.id, u.email, u.role FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ?1 AND s.revoked = 0 AND s.expires_at > ?2 AND u.disabled = 0",
            params![sha256_hex(token.as_bytes()), db::now()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(found.and_then(|(id, email, role)| Some(User { id, email, role: Role::from_code(&role)? })))
}

/// Ends a session.
pub fn revoke(conn: &Connection, token: &str) -> Result<(), DbError> {
    conn.execute("UPDATE sessions SET revoked = 1 WHERE token_hash = ?1", [sha256_hex(token.as_bytes())])?;
    Ok(())
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
        let user = state.db.call(move |conn| session_user(conn, &token)).await?;
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
