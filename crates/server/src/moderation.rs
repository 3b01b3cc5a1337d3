//! The curators' API: sign in and out, the queue of submissions by state,
//! a submission with every field, and decisions. Decisions follow the domain's
//! state machine (an invalid one answers 409), name the version they were
//! taken on (a stale one answers 409, so two curators never overwrite each
//! other silently) and are written to the audit log.

use crate::AppState;
use crate::auth::{self, Admin, Curator, User};
use crate::db::{self, DbError};
use crate::error::{ApiError, ApiJson};
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::PracticeId;
use domain::curation::{self, CurationAction};
use domain::vocabulary::ModerationStatus;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::SocketAddr;

/// The session and moderation routes; state-changing requests must come from our pages.
pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/api/session", get(whoami).post(sign_in).delete(sign_out))
        .route("/api/moderation/submissions", get(queue))
        .route("/api/moderation/submissions/{id}", get(submission))
        .route("/api/moderation/submissions/{id}/actions", post(decide))
        .route("/api/moderation/audit", get(audit))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::same_origin_only))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    email: String,
    password: String,
}

async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiJson(credentials): ApiJson<Credentials>,
) -> Result<impl IntoResponse, ApiError> {
    state.login_guard.check_rate(client.ip())?;
    let Credentials { email, password } = credentials;
    let outcome = state.db.call(move |conn| auth::login(conn, &email, &password)).await?;
    let (user, token) = outcome.ok_or(ApiError::BadCredentials)?;
    let cookie = auth::session_cookie(&token, state.public_url.starts_with("https://"));
    Ok(([(header::SET_COOKIE, cookie)], Json(user)))
}

async fn sign_out(
    State(state): State<AppState>,
    parts: axum::http::request::Parts,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(token) = auth::session_token(&parts) {
        state.db.call(move |conn| auth::revoke(conn, &token)).await?;
    }
    let cookie = auth::session_cookie("", state.public_url.starts_with("https://"));
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]))
}

async fn whoami(Curator(user): Curator) -> Json<User> {
    Json(user)
}

/// One submission in the queue.
#[derive(Serialize)]
struct QueueEntry {
    id: PracticeId,
    title: String,
    entity_name: String,
    moderation_status: ModerationStatus,
    demo: bool,
    submitted_at: String,
    updated_at: String,
    version: i64,
}

#[derive(Serialize)]
struct QueuePage {
    counts: BTreeMap<ModerationStatus, usize>,
    submissions: Vec<QueueEntry>,
}

#[derive(Deserialize)]
struct QueueFilter {
    stato: Option<String>,
}

fn queue_rows(conn: &Connection) -> Result<Vec<QueueEntry>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT reference, answer ->> '$.title', answer ->> '$.entity_name', moderation_status, demo, submitted_at, updated_at, version
         FROM practices ORDER BY submitted_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get::<_, String>(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
        ))
    })?;
    let mut entries = Vec::new();
    for row in rows {
        let (reference, title, entity_name, status, demo, submitted_at, updated_at, version) = row?;
        let (Ok(id), Some(moderation_status)) = (PracticeId::parse(&reference), ModerationStatus::from_code(&status))
        else {
            continue;
        };
        entries.push(QueueEntry { id, title, entity_name, moderation_status, demo, submitted_at, updated_at, version });
    }
    Ok(entries)
}

/// Submissions, oldest first, with the count of each state; `?stato=` filters.
async fn queue(
    State(state): State<AppState>,
    Curator(_): Curator,
    Query(filter): Query<QueueFilter>,
) -> Result<Json<QueuePage>, ApiError> {
    let wanted = match filter.stato.as_deref() {
        None | Some("") => None,
        Some(code) => {
            Some(ModerationStatus::from_code(code).ok_or(ApiError::BadRequest(format!("stato sconosciuto: {code}")))?)
        }
    };
    let rows = state.db.call(|conn| queue_rows(conn)).await?;
    let mut counts: BTreeMap<ModerationStatus, usize> = ModerationStatus::ALL.iter().map(|s| (*s, 0)).collect();
    for row in &rows {
        *counts.entry(row.moderation_status).or_default() += 1;
    }
    let submissions = rows.into_iter().filter(|r| wanted.is_none_or(|w| r.moderation_status == w)).collect();
    Ok(Json(QueuePage { counts, submissions }))
}

/// A submission with every field, private ones included, for review.
#[derive(Serialize)]
struct Review {
    id: PracticeId,
    moderation_status: ModerationStatus,
    version: i64,
    demo: bool,
    submitted_at: String,
    updated_at: String,
    published_at: Option<String>,
    curator_message: Option<String>,
    /// The latest answer, every field.
    answers: serde_json::Value,
    /// How many versions the respondent has sent.
    versions: i64,
    /// The actions the state allows.
    allowed_actions: Vec<CurationAction>,
}

async fn submission(
    State(state): State<AppState>,
    Curator(_): Curator,
    Path(id): Path<String>,
) -> Result<Json<Review>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let found = state
        .db
        .call(move |conn| {
            let row = conn
                .query_row(
                    "SELECT p.moderation_status, p.version, p.demo, p.submitted_at, p.updated_at, p.published_at, p.curator_message,
                            (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id ORDER BY v.version DESC LIMIT 1),
                            (SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id)
                     FROM practices p WHERE p.reference = ?1",
                    [id.as_str()],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                            r.get::<_, Option<String>>(7)?,
                            r.get(8)?,
                        ))
                    },
                )
                .optional()?;
            Ok(row.map(|row| (id, row)))
        })
        .await?;
    let (id, (status, version, demo, submitted_at, updated_at, published_at, curator_message, answer, versions)) =
        found.ok_or(ApiError::NotFound)?;
    let moderation_status = ModerationStatus::from_code(&status).ok_or(ApiError::NotFound)?;
    let answers = answer.map(|a| serde_json::from_str(&a)).transpose().map_err(DbError::from)?.unwrap_or_default();
    Ok(Json(Review {
        id,
        moderation_status,
        version,
        demo,
        submitted_at,
        updated_at,
        published_at,
        curator_message,
        answers,
        versions,
        allowed_actions: curation::allowed(moderation_status),
    }))
}

/// A curator's decision on a submission.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Decision {
    action: CurationAction,
    /// To the respondent (changes requested) or the reason (rejection).
    #[serde(default)]
    message: Option<String>,
    /// The version the curator saw; a newer one means somebody else acted.
    expected_version: i64,
}

#[derive(Serialize)]
struct DecisionOutcome {
    moderation_status: ModerationStatus,
    version: i64,
}

enum Applied {
    Done(ModerationStatus, i64),
    Missing,
    Stale(i64),
    Invalid(ModerationStatus),
}

fn apply(conn: &mut Connection, id: &PracticeId, actor: &str, decision: &Decision) -> Result<Applied, DbError> {
    let tx = conn.transaction()?;
    let found: Option<(i64, String, i64)> = tx
        .query_row("SELECT id, moderation_status, version FROM practices WHERE reference = ?1", [id.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((practice_id, status, version)) = found else { return Ok(Applied::Missing) };
    let Some(from) = ModerationStatus::from_code(&status) else { return Ok(Applied::Missing) };
    if version != decision.expected_version {
        return Ok(Applied::Stale(version));
    }
    let Ok(to) = curation::transition(from, decision.action) else { return Ok(Applied::Invalid(from)) };
    let now = db::now();
    // The latest version of the answer becomes the public one when published.
    tx.execute(
        "UPDATE practices SET moderation_status = ?2, version = version + 1, updated_at = ?3,
             published_at = CASE WHEN ?2 = 'pubblicata' THEN coalesce(published_at, ?3) ELSE published_at END,
             answer = CASE WHEN ?2 = 'pubblicata'
                 THEN (SELECT v.answer FROM practice_versions v WHERE v.practice_id = practices.id ORDER BY v.version DESC LIMIT 1)
                 ELSE answer END,
             curator_message = CASE WHEN ?4 IS NOT NULL THEN ?4 ELSE curator_message END
         WHERE id = ?1",
        params![practice_id, to.code(), now, decision.message],
    )?;
    let action = serde_json::to_value(decision.action)?.as_str().unwrap_or_default().to_owned();
    tx.execute(
        "INSERT INTO audit_log (at, actor, action, practice_id, before, after, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![now, actor, action, practice_id, from.code(), to.code(), decision.message],
    )?;
    tx.commit()?;
    Ok(Applied::Done(to, version + 1))
}

async fn decide(
    State(state): State<AppState>,
    Curator(user): Curator,
    Path(id): Path<String>,
    ApiJson(decision): ApiJson<Decision>,
) -> Result<Json<DecisionOutcome>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    if decision.action == CurationAction::Resubmit {
        return Err(ApiError::Forbidden);
    }
    let message = decision.message.as_deref().map(str::trim).unwrap_or_default();
    if decision.action.needs_message() && message.is_empty() {
        let mut errors = domain::FieldErrors::default();
        errors.add("message", domain::FieldError::Required);
        return Err(ApiError::Invalid(errors));
    }
    if message.chars().count() > 2000 {
        let mut errors = domain::FieldErrors::default();
        errors.add("message", domain::FieldError::TooLong { max: 2000 });
        return Err(ApiError::Invalid(errors));
    }
    let actor = user.email.clone();
    match state.db.call(move |conn| apply(conn, &id, &actor, &decision)).await? {
        Applied::Done(moderation_status, version) => Ok(Json(DecisionOutcome { moderation_status, version })),
        Applied::Missing => Err(ApiError::NotFound),
        Applied::Stale(current) => Err(ApiError::Conflict(format!(
            "Un'altra persona ha appena modificato questa pratica (versione {current}): ricarica la pagina e decidi di nuovo."
        ))),
        Applied::Invalid(from) => Err(ApiError::Conflict(format!(
            "Questa azione non è possibile per una pratica nello stato «{}».",
            from.label(domain::Lang::It)
        ))),
    }
}

/// One line of the audit log.
#[derive(Serialize)]
struct AuditEntry {
    at: String,
    actor: String,
    action: String,
    practice: Option<String>,
    before: Option<String>,
    after: Option<String>,
    message: Option<String>,
}

/// Every curation action, newest first (admins only).
async fn audit(State(state): State<AppState>, Admin(_): Admin) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let entries = state
        .db
        .call(|conn| {
            let mut stmt = conn.prepare(
                "SELECT a.at, a.actor, a.action, p.reference, a.before, a.after, a.message
                 FROM audit_log a LEFT JOIN practices p ON p.id = a.practice_id ORDER BY a.id DESC",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(AuditEntry {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    action: r.get(2)?,
                    practice: r.get(3)?,
                    before: r.get(4)?,
                    after: r.get(5)?,
                    message: r.get(6)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await?;
    Ok(Json(entries))
}
