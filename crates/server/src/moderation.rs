//! The curators' API: sign in and out, the queue of submissions by state,
//! a submission with every field, and decisions. Decisions follow the domain's
//! state machine (an invalid one answers 409), name the version they were
//! taken on (a stale one answers 409, so two curators never overwrite each
//! other silently) and are written to the audit log.

use crate::AppState;
use crate::auth::{self, Admin, Curator, User};
use crate::db::{self, DbError};
use crate::error::{ApiError, ApiJson, ApiPath, ApiQuery};
use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use domain::PracticeId;
use domain::curation::{self, CurationAction};
use domain::vocabulary::ModerationStatus;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

const ERROR: &str = crate::openapi::ERROR_DESCRIPTION;

/// The session and moderation routes; state-changing requests must come from our pages.
pub fn router(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(whoami, sign_in, sign_out))
        .routes(routes!(queue))
        .routes(routes!(submission))
        .routes(routes!(decide))
        .routes(routes!(edit))
        .routes(routes!(export_all))
        .routes(routes!(audit))
        .routes(routes!(audit_csv))
        .routes(routes!(users, add_user))
        .routes(routes!(list_rounds, add_round))
        .routes(routes!(disable_user))
        .routes(routes!(enable_user))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::same_origin_only))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Credentials {
    email: String,
    password: String,
}

/// Signs a curator in: sets the session cookie.
#[utoipa::path(post, path = "/api/session", tag = "curators", request_body = Credentials,
    responses((status = 200, body = User, headers(("Set-Cookie" = String))), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
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

/// Signs out: ends the session and clears the cookie.
#[utoipa::path(delete, path = "/api/session", tag = "curators",
    responses((status = 204, description = "Signed out", headers(("Set-Cookie" = String))), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
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

/// Who is signed in.
#[utoipa::path(get, path = "/api/session", tag = "curators", security(("session" = [])),
    responses((status = 200, body = User), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn whoami(Curator(user): Curator) -> Json<User> {
    Json(user)
}

/// One submission in the queue.
#[derive(Serialize, ToSchema)]
struct QueueEntry {
    id: PracticeId,
    title: String,
    entity_name: String,
    moderation_status: ModerationStatus,
    demo: bool,
    submitted_at: String,
    updated_at: String,
    version: i64,
    /// The respondent sent an update of this published practice, not yet accepted.
    update_pending: bool,
}

#[derive(Serialize, ToSchema)]
struct QueuePage {
    /// How many submissions are in each state.
    #[schema(value_type = BTreeMap<String, usize>)]
    counts: BTreeMap<ModerationStatus, usize>,
    /// Published practices with an update from the respondent waiting.
    updates_pending: usize,
    /// Submissions awaiting the editors (`stato=da_curare`).
    to_curate: usize,
    submissions: Vec<QueueEntry>,
}

/// The `stato` of the queue's first tab: whatever awaits the editors.
const TO_CURATE: &str = "da_curare";

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct QueueFilter {
    /// Only submissions in this state, or `da_curare`: new, in review, or
    /// with an update waiting.
    stato: Option<String>,
    /// `true`: only published practices with an update waiting.
    aggiornamenti: Option<bool>,
    /// Words to find in the reference, title or body's name (case and accents ignored).
    q: Option<String>,
}

fn queue_rows(conn: &Connection) -> Result<Vec<QueueEntry>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.reference, p.answer ->> '$.title', p.answer ->> '$.entity_name', p.moderation_status, p.demo,
                p.submitted_at, p.updated_at, p.version, {}
         FROM practices p ORDER BY p.submitted_at, p.id",
        db::UPDATE_PENDING
    ))?;
    let rows = stmt.query_map([], |r| {
        let (reference, status): (String, String) = (r.get(0)?, r.get(3)?);
        let (Ok(id), Some(moderation_status)) = (PracticeId::parse(&reference), ModerationStatus::from_code(&status))
        else {
            return Ok(None);
        };
        Ok(Some(QueueEntry {
            id,
            title: r.get(1)?,
            entity_name: r.get(2)?,
            moderation_status,
            demo: r.get(4)?,
            submitted_at: r.get(5)?,
            updated_at: r.get(6)?,
            version: r.get(7)?,
            update_pending: r.get(8)?,
        }))
    })?;
    Ok(rows.filter_map(Result::transpose).collect::<Result<Vec<_>, _>>()?)
}

/// Submissions, oldest first, with the count of each state; `?stato=`,
/// `?aggiornamenti=true` and `?q=` filter.
#[utoipa::path(get, path = "/api/moderation/submissions", tag = "curators", security(("session" = [])),
    params(QueueFilter), responses((status = 200, body = QueuePage), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn queue(
    State(state): State<AppState>,
    Curator(_curator): Curator,
    ApiQuery(filter): ApiQuery<QueueFilter>,
) -> Result<Json<QueuePage>, ApiError> {
    // `da_curare`: what awaits the editors (the queue's first tab).
    let to_curate_only = filter.stato.as_deref() == Some(TO_CURATE);
    let wanted = match filter.stato.as_deref() {
        None | Some("") | Some(TO_CURATE) => None,
        Some(code) => {
            Some(ModerationStatus::from_code(code).ok_or(ApiError::BadRequest(format!("stato sconosciuto: {code}")))?)
        }
    };
    let rows = state.db.call(|conn| queue_rows(conn)).await?;
    let mut counts: BTreeMap<ModerationStatus, usize> = ModerationStatus::ALL.iter().map(|s| (*s, 0)).collect();
    for row in &rows {
        *counts.entry(row.moderation_status).or_default() += 1;
    }
    let updates_pending = rows.iter().filter(|r| r.update_pending).count();
    let awaits = |r: &QueueEntry| domain::curation::awaits_curators(r.moderation_status, r.update_pending);
    let to_curate = rows.iter().filter(|r| awaits(r)).count();
    let only_updates = filter.aggiornamenti == Some(true);
    let words: Vec<String> = filter.q.as_deref().map(|q| domain::text::tokens(q).collect()).unwrap_or_default();
    let found = |r: &QueueEntry| {
        let text = domain::text::fold(&format!("{} {} {}", r.id.as_str(), r.title, r.entity_name));
        words.iter().all(|w| text.contains(w.as_str()))
    };
    let submissions = rows
        .into_iter()
        .filter(|r| {
            wanted.is_none_or(|w| r.moderation_status == w)
                && (!to_curate_only || awaits(r))
                && (!only_updates || r.update_pending)
                && found(r)
        })
        .collect();
    Ok(Json(QueuePage { counts, updates_pending, to_curate, submissions }))
}

/// A submission with every field, private ones included, for review.
#[derive(Serialize, ToSchema)]
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
    #[schema(value_type = domain::Practice)]
    answers: serde_json::Value,
    /// How many versions the respondent has sent.
    versions: i64,
    /// The actions the state allows.
    allowed_actions: Vec<CurationAction>,
    /// Other submissions from the same body with a similar title.
    possible_duplicates: Vec<PracticeId>,
    /// For an update: the fields that differ from the previous version (for
    /// a pending update of a published practice: from the published one).
    changed_fields: Vec<String>,
    /// The respondent sent an update of this published practice; the
    /// published version stays public until `accept_update`.
    update_pending: bool,
    /// Every decision and correction on it, with the editors' messages, newest first.
    history: Vec<AuditEntry>,
}

/// The questionnaire's fields whose answers differ between two versions.
fn changed_fields(before: &serde_json::Value, after: &serde_json::Value) -> Vec<String> {
    domain::questionnaire::QUESTIONNAIRE
        .fields()
        .filter(|f| before.get(f.key) != after.get(f.key))
        .map(|f| f.key.to_owned())
        .collect()
}

/// Titles alike when most of their words are shared (Jaccard index >= 0.5).
fn similar_titles(a: &str, b: &str) -> bool {
    let words =
        |t: &str| domain::text::tokens(t).filter(|w| w.chars().count() > 2).collect::<std::collections::BTreeSet<_>>();
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    union > 0 && a.intersection(&b).count() * 2 >= union
}

/// Other practices from the same body (ignoring case and accents) with a similar title.
fn possible_duplicates(
    conn: &Connection,
    id: &PracticeId,
    answers: &serde_json::Value,
) -> Result<Vec<PracticeId>, DbError> {
    let entity = domain::text::fold(answers["entity_name"].as_str().unwrap_or_default().trim());
    let title = answers["title"].as_str().unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT reference, answer ->> '$.entity_name', answer ->> '$.title' FROM practices WHERE reference != ?1",
    )?;
    let rows = stmt
        .query_map([id.as_str()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    let mut found = Vec::new();
    for row in rows {
        let (reference, other_entity, other_title) = row?;
        if domain::text::fold(other_entity.trim()) == entity && similar_titles(title, &other_title) {
            found.extend(PracticeId::parse(&reference).ok());
        }
    }
    Ok(found)
}

/// A submission with every field, for review.
#[utoipa::path(get, path = "/api/moderation/submissions/{id}", tag = "curators", security(("session" = [])),
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001")), responses((status = 200, body = Review), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn submission(
    State(state): State<AppState>,
    Curator(_curator): Curator,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Review>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let found = state
        .db
        .call(move |conn| {
            let row = conn
                .query_row(
                    &format!(
                        "SELECT p.moderation_status, p.version, p.demo, p.submitted_at, p.updated_at, p.published_at, p.curator_message,
                            (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id ORDER BY v.version DESC LIMIT 1),
                            (SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id),
                            {}, p.answer
                         FROM practices p WHERE p.reference = ?1",
                        db::UPDATE_PENDING
                    ),
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
                            r.get::<_, bool>(9)?,
                            r.get::<_, String>(10)?,
                        ))
                    },
                )
                .optional()?;
            let Some(row) = row else { return Ok(None) };
            let answers: serde_json::Value = row.7.as_deref().map(serde_json::from_str).transpose()?.unwrap_or_default();
            let duplicates = possible_duplicates(conn, &id, &answers)?;
            let previous: Option<String> = conn
                .query_row(
                    "SELECT v.answer FROM practice_versions v JOIN practices p ON p.id = v.practice_id
                     WHERE p.reference = ?1 ORDER BY v.version DESC LIMIT 1 OFFSET 1",
                    [id.as_str()],
                    |r| r.get(0),
                )
                .optional()?;
            // A pending update is compared with what the public sees, anything
            // else with the version before it.
            let baseline = if row.9 { Some(row.10.clone()) } else { previous };
            let changed = match baseline {
                Some(baseline) => changed_fields(&serde_json::from_str(&baseline)?, &answers),
                None => Vec::new(),
            };
            let history = audit_entries(conn, Some(id.as_str()))?;
            Ok(Some((id, row, answers, duplicates, changed, history)))
        })
        .await?;
    let (
        id,
        (
            status,
            version,
            demo,
            submitted_at,
            updated_at,
            published_at,
            curator_message,
            _,
            versions,
            update_pending,
            _,
        ),
        answers,
        duplicates,
        changed,
        history,
    ) = found.ok_or(ApiError::NotFound)?;
    let moderation_status = ModerationStatus::from_code(&status).ok_or(ApiError::NotFound)?;
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
        allowed_actions: curation::allowed(moderation_status, update_pending),
        update_pending,
        possible_duplicates: duplicates,
        changed_fields: changed,
        history,
    }))
}

/// A curator's decision on a submission.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Decision {
    action: CurationAction,
    /// To the respondent (changes requested) or the reason (rejection).
    #[serde(default)]
    message: Option<String>,
    /// The version the curator saw; a newer one means somebody else acted.
    expected_version: i64,
}

#[derive(Serialize, ToSchema)]
struct DecisionOutcome {
    moderation_status: ModerationStatus,
    version: i64,
}

enum Applied {
    Done(ModerationStatus, i64),
    Missing,
    Stale(i64),
    Invalid(ModerationStatus),
    /// `accept_update` with no update waiting.
    NoUpdate,
}

/// A submission's row id, state code and version, read inside the
/// transaction that will change them.
fn practice_state(tx: &rusqlite::Transaction<'_>, id: &PracticeId) -> Result<Option<(i64, String, i64)>, DbError> {
    Ok(tx
        .query_row("SELECT id, moderation_status, version FROM practices WHERE reference = ?1", [id.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?)
}

fn apply(conn: &mut Connection, id: &PracticeId, actor: &str, decision: &Decision) -> Result<Applied, DbError> {
    let tx = conn.transaction()?;
    let Some((practice_id, status, version)) = practice_state(&tx, id)? else { return Ok(Applied::Missing) };
    let Some(from) = ModerationStatus::from_code(&status) else { return Ok(Applied::Missing) };
    if version != decision.expected_version {
        return Ok(Applied::Stale(version));
    }
    let Ok(to) = curation::transition(from, decision.action) else { return Ok(Applied::Invalid(from)) };
    if decision.action == CurationAction::AcceptUpdate {
        let pending: bool = tx.query_row(
            &format!("SELECT {} FROM practices p WHERE p.id = ?1", db::UPDATE_PENDING),
            [practice_id],
            |r| r.get(0),
        )?;
        if !pending {
            return Ok(Applied::NoUpdate);
        }
    }
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

/// A decision: the workflow's state machine says which are allowed (409 otherwise).
#[utoipa::path(post, path = "/api/moderation/submissions/{id}/actions", tag = "curators", security(("session" = [])),
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001")), request_body = Decision, responses((status = 200, body = DecisionOutcome), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn decide(
    State(state): State<AppState>,
    Curator(user): Curator,
    ApiPath(id): ApiPath<String>,
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
    if message.chars().any(domain::validation::is_forbidden_char) {
        let mut errors = domain::FieldErrors::default();
        errors.add("message", domain::FieldError::ForbiddenCharacters);
        return Err(ApiError::Invalid(errors));
    }
    let actor = user.email.clone();
    match state.db.call(move |conn| apply(conn, &id, &actor, &decision)).await? {
        Applied::Done(moderation_status, version) => {
            crate::publish::refresh_live(&state).await;
            Ok(Json(DecisionOutcome { moderation_status, version }))
        }
        Applied::Missing => Err(ApiError::NotFound),
        Applied::Stale(current) => Err(ApiError::Conflict(format!(
            "Un'altra persona ha appena modificato questa pratica (versione {current}): ricarica la pagina e decidi di nuovo."
        ))),
        Applied::Invalid(from) => Err(ApiError::Conflict(format!(
            "Questa azione non è possibile per una pratica nello stato «{}».",
            from.label(domain::Lang::It)
        ))),
        Applied::NoUpdate => {
            Err(ApiError::Conflict("Non c'è un aggiornamento del referente da pubblicare per questa pratica.".into()))
        }
    }
}

/// One line of the audit log.
#[derive(Serialize, ToSchema)]
struct AuditEntry {
    at: String,
    actor: String,
    action: String,
    practice: Option<String>,
    before: Option<String>,
    after: Option<String>,
    message: Option<String>,
}

/// The audit log, newest first: every entry, or those of one practice.
fn audit_entries(conn: &Connection, practice: Option<&str>) -> Result<Vec<AuditEntry>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.at, a.actor, a.action, p.reference, a.before, a.after, a.message
         FROM audit_log a LEFT JOIN practices p ON p.id = a.practice_id
         WHERE ?1 IS NULL OR p.reference = ?1 ORDER BY a.id DESC",
    )?;
    let rows = stmt.query_map([practice], |r| {
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
}

/// Every curation action, newest first (admins only).
#[utoipa::path(get, path = "/api/moderation/audit", tag = "admins", security(("session" = [])),
    responses((status = 200, body = Vec<AuditEntry>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn audit(State(state): State<AppState>, Admin(_admin): Admin) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let entries = state.db.call(|conn| audit_entries(conn, None)).await?;
    Ok(Json(entries))
}

/// A curator's correction of a submission's text or classification.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Edit {
    /// The corrected answers (every field, as in a submission).
    #[schema(value_type = domain::Practice)]
    answers: serde_json::Map<String, serde_json::Value>,
    expected_version: i64,
}

/// Stores a curator's correction as a new version (the respondent's versions
/// are kept); a published practice shows it at once.
#[utoipa::path(post, path = "/api/moderation/submissions/{id}/edit", tag = "curators", security(("session" = [])),
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001")), request_body = Edit, responses((status = 200, body = DecisionOutcome), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn edit(
    State(state): State<AppState>,
    Curator(user): Curator,
    ApiPath(id): ApiPath<String>,
    ApiJson(edit): ApiJson<Edit>,
) -> Result<Json<DecisionOutcome>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let answer = domain::questionnaire::QUESTIONNAIRE
        .accept(edit.answers, Some(domain::comuni::shipped()))
        .map_err(ApiError::Invalid)?;
    let actor = user.email;
    let expected = edit.expected_version;
    let outcome = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let Some((practice_id, status, version)) = practice_state(&tx, &id)? else { return Ok(Applied::Missing) };
            if version != expected {
                return Ok(Applied::Stale(version));
            }
            let now = db::now();
            let answer = serde_json::to_string(&answer)?;
            tx.execute(
                "INSERT INTO practice_versions (practice_id, version, answer, questionnaire_version, author, created_at)
                 SELECT ?1, coalesce(max(version), 0) + 1, ?2, ?3, ?4, ?5 FROM practice_versions WHERE practice_id = ?1",
                params![practice_id, answer, domain::practice::QUESTIONNAIRE_VERSION, format!("curator:{actor}"), now],
            )?;
            tx.execute(
                "UPDATE practices SET answer = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
                params![practice_id, answer, now],
            )?;
            tx.execute(
                "INSERT INTO audit_log (at, actor, action, practice_id, before, after) VALUES (?1, ?2, 'edit', ?3, ?4, ?4)",
                params![now, actor, practice_id, status],
            )?;
            tx.commit()?;
            Ok(Applied::Done(ModerationStatus::from_code(&status).unwrap_or(ModerationStatus::Inviata), version + 1))
        })
        .await?;
    match outcome {
        Applied::Done(moderation_status, version) => {
            crate::publish::refresh_live(&state).await;
            Ok(Json(DecisionOutcome { moderation_status, version }))
        }
        Applied::Missing | Applied::Invalid(_) | Applied::NoUpdate => Err(ApiError::NotFound),
        Applied::Stale(current) => Err(ApiError::Conflict(format!(
            "Un'altra persona ha appena modificato questa pratica (versione {current}): ricarica la pagina e riprova."
        ))),
    }
}

/// The columns of the curators' export: the system facts, then every answer
/// column ever asked (`EXPORT_COLUMNS`, append-only, so nothing shifts).
fn curator_columns() -> Vec<&'static str> {
    const SYSTEM: [&str; 11] = [
        "id",
        "moderation_status",
        "demo",
        "collection_round",
        "questionnaire_version",
        "submitted_at",
        "updated_at",
        "published_at",
        "version",
        "versions",
        "curator_message",
    ];
    SYSTEM.into_iter().chain(domain::questionnaire::EXPORT_COLUMNS.iter().copied()).collect()
}

/// Every submission, every field (private ones included), latest version.
#[utoipa::path(get, path = "/api/moderation/export.csv", tag = "curators", security(("session" = [])),
    responses((status = 200, description = "Every submission, every field, as CSV", content_type = "text/csv", body = String), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn export_all(State(state): State<AppState>, Curator(_curator): Curator) -> Result<impl IntoResponse, ApiError> {
    let rows = state
        .db
        .call(|conn| {
            let mut stmt = conn.prepare(
                "SELECT p.reference, p.moderation_status, p.demo, p.collection_round, p.questionnaire_version, p.submitted_at,
                        p.updated_at, p.published_at, p.version, p.curator_message,
                        (SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id),
                        (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id ORDER BY v.version DESC LIMIT 1)
                 FROM practices p ORDER BY p.id",
            )?;
            let rows = stmt.query_map([], |r| {
                let mut row: serde_json::Map<String, serde_json::Value> = r
                    .get::<_, Option<String>>(11)?
                    .and_then(|a| serde_json::from_str(&a).ok())
                    .unwrap_or_default();
                let text = |i: usize| -> rusqlite::Result<serde_json::Value> {
                    Ok(r.get::<_, Option<String>>(i)?.map_or(serde_json::Value::Null, serde_json::Value::String))
                };
                for (i, key) in [(0, "id"), (1, "moderation_status"), (3, "collection_round"), (5, "submitted_at"), (6, "updated_at"), (7, "published_at"), (9, "curator_message")] {
                    row.insert(key.into(), text(i)?);
                }
                row.insert("demo".into(), r.get::<_, bool>(2)?.into());
                row.insert("questionnaire_version".into(), r.get::<_, i64>(4)?.into());
                row.insert("version".into(), r.get::<_, i64>(8)?.into());
                row.insert("versions".into(), r.get::<_, i64>(10)?.into());
                Ok(row)
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8; header=present"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"buone-pratiche-redazione.csv\""),
        ],
        crate::export::rows_to_csv(&curator_columns(), rows),
    ))
}

/// The audit log as CSV (admins only).
#[utoipa::path(get, path = "/api/moderation/audit.csv", tag = "admins", security(("session" = [])),
    responses((status = 200, description = "The audit log as CSV", content_type = "text/csv", body = String), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn audit_csv(state: State<AppState>, admin: Admin) -> Result<impl IntoResponse, ApiError> {
    let Json(entries) = audit(state, admin).await?;
    let rows = entries.into_iter().filter_map(|e| match serde_json::to_value(e) {
        Ok(serde_json::Value::Object(map)) => Some(map),
        _ => None,
    });
    let columns = ["at", "actor", "action", "practice", "before", "after", "message"];
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8; header=present")],
        crate::export::rows_to_csv(&columns, rows),
    ))
}

/// An account as admins see it.
#[derive(Serialize, ToSchema)]
struct Account {
    email: String,
    role: String,
    disabled: bool,
    created_at: String,
}

/// Every account (admins only).
#[utoipa::path(get, path = "/api/moderation/users", tag = "admins", security(("session" = [])),
    responses((status = 200, body = Vec<Account>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn users(State(state): State<AppState>, Admin(_admin): Admin) -> Result<Json<Vec<Account>>, ApiError> {
    let accounts = state
        .db
        .call(|conn| {
            let mut stmt = conn.prepare("SELECT email, role, disabled, created_at FROM users ORDER BY email")?;
            let rows = stmt.query_map([], |r| {
                Ok(Account { email: r.get(0)?, role: r.get(1)?, disabled: r.get(2)?, created_at: r.get(3)? })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await?;
    Ok(Json(accounts))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewAccount {
    email: String,
    role: auth::Role,
    password: String,
}

/// Adds an account (admins only); the action is logged.
#[utoipa::path(post, path = "/api/moderation/users", tag = "admins", security(("session" = [])),
    request_body = NewAccount, responses((status = 201, body = Account), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn add_user(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiJson(account): ApiJson<NewAccount>,
) -> Result<(StatusCode, Json<Account>), ApiError> {
    let mut errors = domain::FieldErrors::default();
    if !domain::validation::is_email(account.email.trim()) {
        errors.add("email", domain::FieldError::InvalidEmail);
    }
    if account.password.chars().count() < auth::MIN_PASSWORD {
        errors.add("password", domain::FieldError::Required);
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let created = state
        .db
        .call(move |conn| {
            let exists: bool =
                conn.query_row("SELECT EXISTS (SELECT 1 FROM users WHERE email = ?1)", [account.email.trim()], |r| {
                    r.get(0)
                })?;
            if exists {
                return Ok(None);
            }
            auth::create_user(conn, &account.email, account.role, &account.password)?;
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, after) VALUES (?1, ?2, 'add_user', ?3)",
                params![db::now(), admin.email, format!("{} ({})", account.email.trim(), account.role.code())],
            )?;
            Ok(Some(Account {
                email: account.email.trim().to_owned(),
                role: account.role.code().to_owned(),
                disabled: false,
                created_at: db::now(),
            }))
        })
        .await?;
    match created {
        Some(account) => Ok((StatusCode::CREATED, Json(account))),
        None => Err(ApiError::Conflict("Esiste già un account con questa e-mail.".into())),
    }
}

/// Disables an account and ends its sessions (admins only); the action is logged.
#[utoipa::path(post, path = "/api/moderation/users/{email}/disable", tag = "admins", security(("session" = [])),
    params(("email" = String, Path, description = "The account's e-mail")),
    responses((status = 204, description = "Disabled, sessions ended"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn disable_user(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(email): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    if email.trim().eq_ignore_ascii_case(&admin.email) {
        return Err(ApiError::Conflict("Non puoi disattivare il tuo stesso account.".into()));
    }
    switch_account(&state, admin.email, email, true).await
}

/// Disables (ending its sessions) or enables an account, in one transaction
/// with its audit entry; an unknown account is a 404.
async fn switch_account(state: &AppState, actor: String, email: String, disable: bool) -> Result<StatusCode, ApiError> {
    let changed = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let email = email.trim();
            let changed = tx.execute("UPDATE users SET disabled = ?2 WHERE email = ?1", params![email, disable])?;
            if changed > 0 {
                if disable {
                    tx.execute(
                        "UPDATE sessions SET revoked = 1 WHERE user_id = (SELECT id FROM users WHERE email = ?1)",
                        [email],
                    )?;
                }
                let action = if disable { "disable_user" } else { "enable_user" };
                tx.execute(
                    "INSERT INTO audit_log (at, actor, action, before) VALUES (?1, ?2, ?3, ?4)",
                    params![db::now(), actor, action, email],
                )?;
            }
            tx.commit()?;
            Ok(changed)
        })
        .await?;
    if changed > 0 { Ok(StatusCode::NO_CONTENT) } else { Err(ApiError::NotFound) }
}

/// Enables a disabled account again (admins only); the action is logged. Its
/// old sessions stay ended: the person signs in again.
#[utoipa::path(post, path = "/api/moderation/users/{email}/enable", tag = "admins", security(("session" = [])),
    params(("email" = String, Path, description = "The account's e-mail")),
    responses((status = 204, description = "Enabled"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn enable_user(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(email): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    switch_account(&state, admin.email, email, false).await
}

/// Every collection round.
#[utoipa::path(get, path = "/api/moderation/rounds", tag = "curators", security(("session" = [])),
    responses((status = 200, body = Vec<db::Round>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn list_rounds(
    State(state): State<AppState>,
    Curator(_curator): Curator,
) -> Result<Json<Vec<db::Round>>, ApiError> {
    Ok(Json(state.db.call(|conn| db::rounds(conn)).await?))
}

/// Defines a collection round (admins only); the action is logged.
#[utoipa::path(post, path = "/api/moderation/rounds", tag = "admins", security(("session" = [])),
    request_body = db::Round, responses((status = 201, body = db::Round), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn add_round(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiJson(round): ApiJson<db::Round>,
) -> Result<(StatusCode, Json<db::Round>), ApiError> {
    let mut errors = domain::FieldErrors::default();
    let is_code = |c: &str| {
        (3..=60).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    // Exactly YYYY-MM-DD: `time` alone would also take a signed year, and the
    // dates are compared and stored as text.
    let day = |d: &str| {
        let shaped = d.len() == 10
            && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        shaped.then(|| time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).ok()).flatten()
    };
    if !is_code(&round.code) || round.code == db::CONTINUOUS_ROUND {
        errors.add("code", domain::FieldError::InvalidChoice);
    }
    if round.name.trim().is_empty() {
        errors.add("name", domain::FieldError::Required);
    } else if round.name.chars().count() > 120 {
        errors.add("name", domain::FieldError::TooLong { max: 120 });
    } else if round.name.chars().any(domain::validation::is_forbidden_char) {
        errors.add("name", domain::FieldError::ForbiddenCharacters);
    }
    let (opens, closes) = (day(&round.opens_on), day(&round.closes_on));
    for (key, parsed) in [("opens_on", opens), ("closes_on", closes)] {
        if parsed.is_none() {
            errors.add(key, domain::FieldError::InvalidDate);
        }
    }
    if let (Some(opens), Some(closes)) = (opens, closes)
        && closes < opens
    {
        errors.add("closes_on", domain::FieldError::EndBeforeStart);
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let stored = db::Round { name: round.name.trim().to_owned(), ..round.clone() };
    let created = state
        .db
        .call(move |conn| {
            let inserted = conn.execute(
                "INSERT OR IGNORE INTO rounds (code, name, opens_on, closes_on) VALUES (?1, ?2, ?3, ?4)",
                params![round.code, round.name.trim(), round.opens_on, round.closes_on],
            )?;
            if inserted > 0 {
                conn.execute(
                    "INSERT INTO audit_log (at, actor, action, after) VALUES (?1, ?2, 'add_round', ?3)",
                    params![db::now(), admin.email, format!("{} {}..{}", round.code, round.opens_on, round.closes_on)],
                )?;
            }
            Ok(inserted > 0)
        })
        .await?;
    if created {
        Ok((StatusCode::CREATED, Json(stored)))
    } else {
        Err(ApiError::Conflict("Esiste già una raccolta con questo codice.".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::questionnaire::export_columns_after;
    use serde_json::{Map, Value, json};

    fn answer(fields: &[(&str, &str)]) -> Map<String, Value> {
        fields.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect()
    }

    fn table(csv: &[u8]) -> Vec<Vec<String>> {
        csv::Reader::from_reader(csv).records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
    }

    /// A definition loses `need_addressed` and gains `digital_tools`: the
    /// same submissions exported before and after keep every column in place.
    #[test]
    fn the_analysis_export_keeps_its_columns_when_questions_come_and_go() {
        let version_1 = ["title", "need_addressed", "summary", "contact_email"];
        let version_2 = ["title", "summary", "contact_email", "digital_tools"];
        let before = export_columns_after(&[], version_1);
        let after = export_columns_after(&before, version_2);
        assert_eq!(after, ["title", "need_addressed", "summary", "contact_email", "digital_tools"]);

        let old =
            answer(&[("title", "A"), ("need_addressed", "Isolamento"), ("summary", "S1"), ("contact_email", "a@x.it")]);
        let new = answer(&[("title", "B"), ("summary", "S2"), ("contact_email", "b@x.it"), ("digital_tools", "Video")]);
        let first = crate::export::rows_to_csv(&before, [old.clone()]);
        let second = crate::export::rows_to_csv(&after, [old, new]);
        let header =
            |csv: &[u8]| csv::Reader::from_reader(csv).headers().unwrap().iter().map(str::to_owned).collect::<Vec<_>>();
        let (header_1, header_2) = (header(&first), header(&second));
        assert_eq!(header_2[..header_1.len()], header_1[..], "no column moved");
        let (rows_1, rows_2) = (table(&first), table(&second));
        assert_eq!(rows_2[0][..header_1.len()], rows_1[0][..], "an old answer reads the same in the new export");
        assert_eq!(rows_2[1][1], "", "the removed question's column stays, empty for new answers");
        assert_eq!(
            (rows_2[0][4].as_str(), rows_2[1][4].as_str()),
            ("", "Video"),
            "the new question is the last column"
        );
    }

    #[test]
    fn the_curators_export_has_every_column_ever_asked_after_the_system_ones() {
        let columns = curator_columns();
        assert_eq!(columns[11..], domain::questionnaire::EXPORT_COLUMNS[..]);
        assert!(columns.starts_with(&["id", "moderation_status"]));
    }
}
