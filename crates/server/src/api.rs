//! The JSON API under `/api`. Handlers are short: extract, ask the domain,
//! call a `db` function, answer.

use crate::db::{self, NewPractice, OwnSubmission, Stored, SubmissionKeys};
use crate::error::{ApiError, ApiJson};
use crate::{AppState, sha256_hex};
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use domain::practice::Catalogue;
use domain::questionnaire::QUESTIONNAIRE;
use domain::vocabulary::ModerationStatus;
use domain::{CatalogueEntry, PracticeId, PublicPractice};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::net::SocketAddr;

/// The `/api` routes. Any other path under `/api` answers a JSON 404, even
/// when the app's single-page fallback serves every other unknown path.
pub fn router() -> Router<AppState> {
    let not_found = || async { ApiError::NotFound };
    Router::new()
        .route("/api/health", get(health))
        .route("/api/catalogue", get(catalogue))
        .route("/api/practices/{id}", get(practice))
        .route("/api/data-dictionary", get(data_dictionary))
        .route("/api/rounds/current", get(current_round))
        .route("/api/export.csv", get(export_csv))
        .route("/api/export.json", get(export_json))
        .route("/api/submissions", post(submit))
        .route("/api/submissions/mine", get(own_submission).put(update_own_submission))
        .route("/opendata/", get(|| async { axum::response::Redirect::to("/dati-aperti") }))
        .route("/opendata/{name}", get(opendata_file))
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
}

async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.db.call(|conn| db::ping(conn)).await?;
    Ok(Json(Health { status: "ok" }))
}

/// Builds the catalogue document from the published practices: the same
/// function feeds the API and the static `catalogue.json`. Its date is the
/// latest change among them, so the same data always gives the same bytes.
pub async fn build_catalogue(db: &db::Db) -> Result<Catalogue, db::DbError> {
    let practices = db.call(|conn| db::published_practices(conn)).await?;
    let latest = practices.iter().map(|p| p.updated_at.as_str()).max().unwrap_or("1970-01-01T00:00:00Z");
    Ok(Catalogue {
        generated_at: latest.to_owned(),
        licence: domain::practice::LICENCE.to_owned(),
        practices: practices.iter().map(CatalogueEntry::from).collect(),
    })
}

/// A JSON answer with an ETag: a client that has these bytes already gets 304.
fn json_with_etag<T: Serialize>(value: &T, headers: &HeaderMap) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = serde_json::to_vec(value).expect("API documents serialize");
    let etag = format!("\"{}\"", &sha256_hex(&body)[..32]);
    let cached = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag || tag.trim() == "*"));
    let common = [(header::ETAG, etag), (header::CACHE_CONTROL, "no-cache".to_owned())];
    if cached {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    (common, [(header::CONTENT_TYPE, "application/json".to_owned())], body).into_response()
}

async fn catalogue(State(state): State<AppState>, headers: HeaderMap) -> Result<axum::response::Response, ApiError> {
    Ok(json_with_etag(&build_catalogue(&state.db).await?, &headers))
}

async fn practice(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<axum::response::Response, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let found = state.db.call(move |conn| db::published_practice(conn, &id)).await?;
    Ok(json_with_etag(&found.ok_or(ApiError::NotFound)?, &headers))
}

/// The published practices a catalogue view (its URL parameters) selects.
async fn selected(db: &db::Db, params: &[(String, String)]) -> Result<Vec<PublicPractice>, ApiError> {
    let query = domain::catalogue::Query::from_pairs(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let practices = db.call(|conn| db::published_practices(conn)).await?;
    Ok(crate::export::select(practices, &query))
}

fn attachment(extension: &str) -> String {
    format!("attachment; filename=\"buone-pratiche-{}.{extension}\"", &db::now()[..10])
}

/// The practices of a catalogue view, every public field, as CSV.
async fn export_csv(
    State(state): State<AppState>,
    axum::extract::Query(params): axum::extract::Query<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = selected(&state.db, &params).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8; header=present".to_owned()),
            (header::CONTENT_DISPOSITION, attachment("csv")),
        ],
        crate::export::to_csv(&practices),
    ))
}

/// The same practices as JSON, with their licence.
async fn export_json(
    State(state): State<AppState>,
    axum::extract::Query(params): axum::extract::Query<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = selected(&state.db, &params).await?;
    let body = serde_json::json!({ "licence": domain::practice::LICENCE, "practices": practices });
    Ok(([(header::CONTENT_DISPOSITION, attachment("json"))], Json(body)))
}

/// One open-data file, made from the published practices.
async fn opendata_file(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let media_type = crate::opendata::media_type(&name).ok_or(ApiError::NotFound)?;
    let practices = state.db.call(|conn| db::published_practices(conn)).await?;
    let body = crate::opendata::render(&name, &state.public_url, &practices).ok_or(ApiError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, media_type)], body))
}

/// The data dictionary: one entry per field, in questionnaire order, with its
/// labels, kind, codes and visibility, derived from the definition.
#[derive(Serialize)]
struct DataDictionary {
    questionnaire_version: u32,
    columns: Vec<domain::questionnaire::DictionaryEntry>,
}

async fn data_dictionary() -> Json<DataDictionary> {
    Json(DataDictionary { questionnaire_version: QUESTIONNAIRE.version, columns: QUESTIONNAIRE.dictionary() })
}

/// The round open today, or the continuous collection (`round: null`).
async fn current_round(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let round = state.db.call(|conn| db::current_round(conn)).await?;
    Ok(Json(serde_json::json!({ "round": round })))
}

/// A respondent's submission.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Submission {
    /// The answers, keyed by the questionnaire's field keys.
    answers: Map<String, Value>,
    /// The private link's secret, generated by the browser; only its hash is kept.
    edit_token: String,
    /// The honeypot: a field people never see, so never fill.
    #[serde(default)]
    website: String,
    /// Seconds the respondent spent on the form.
    fill_seconds: u64,
}

/// The receipt of a stored submission.
#[derive(Serialize)]
struct Receipt {
    id: PracticeId,
}

/// Tokens and keys are URL-safe base64 or UUID-like text of sensible length.
fn is_key(text: &str, min: usize) -> bool {
    (min..=128).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default();
    if is_key(key, 16) {
        Ok(key.to_owned())
    } else {
        Err(ApiError::BadRequest("manca l'intestazione Idempotency-Key (16-128 caratteri A-Z, a-z, 0-9, - e _)".into()))
    }
}

fn token_hash(token: &str) -> Result<String, ApiError> {
    if is_key(token, 32) { Ok(sha256_hex(token.as_bytes())) } else { Err(ApiError::InvalidLink) }
}

async fn submit(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(submission): ApiJson<Submission>,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    state.guard.check_rate(client.ip())?;
    let idempotency_key = idempotency_key(&headers)?;
    state.guard.check_human(&submission.website, submission.fill_seconds)?;
    let edit_token_hash = token_hash(&submission.edit_token)
        .map_err(|_| ApiError::BadRequest("edit_token deve avere 32-128 caratteri A-Z, a-z, 0-9, - e _".into()))?;
    let answer =
        QUESTIONNAIRE.accept(submission.answers, Some(domain::comuni::shipped())).map_err(ApiError::Invalid)?;
    let canonical = serde_json::to_string(&answer).expect("a practice serializes");
    let request_hash = sha256_hex(format!("{canonical}\n{edit_token_hash}").as_bytes());
    let round = state.db.call(|conn| db::current_round(conn)).await?;
    let new = NewPractice {
        answer,
        status: ModerationStatus::Inviata,
        demo: false,
        round: round.map_or_else(|| db::CONTINUOUS_ROUND.to_owned(), |r| r.code),
        submission: Some(SubmissionKeys { idempotency_key, request_hash, edit_token_hash }),
    };
    match state.db.call(move |conn| db::insert_practice(conn, &new)).await? {
        Stored::Created(id) | Stored::Replayed(id) => Ok((StatusCode::CREATED, Json(Receipt { id }))),
        Stored::KeyReused => Err(ApiError::IdempotencyKeyReused),
        Stored::TokenReused => Err(ApiError::Conflict(
            "Questo link privato appartiene già a un'altra pratica: ricarica la pagina e invia di nuovo.".into(),
        )),
    }
}

fn bearer_token_hash(headers: &HeaderMap) -> Result<String, ApiError> {
    let value = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
    token_hash(value.strip_prefix("Bearer ").ok_or(ApiError::InvalidLink)?.trim())
}

async fn own_submission(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<OwnSubmission>, ApiError> {
    let hash = bearer_token_hash(&headers)?;
    let found = state.db.call(move |conn| db::own_submission(conn, &hash)).await?;
    found.map(Json).ok_or(ApiError::InvalidLink)
}

/// An update through the private link.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Update {
    answers: Map<String, Value>,
}

#[derive(Serialize)]
struct UpdateReceipt {
    id: PracticeId,
    version: i64,
}

async fn update_own_submission(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(update): ApiJson<Update>,
) -> Result<Json<UpdateReceipt>, ApiError> {
    let hash = bearer_token_hash(&headers)?;
    let answer = QUESTIONNAIRE.accept(update.answers, Some(domain::comuni::shipped())).map_err(ApiError::Invalid)?;
    let updated = state.db.call(move |conn| db::update_own_submission(conn, &hash, &answer)).await?;
    let (id, version) = updated.ok_or(ApiError::InvalidLink)?;
    Ok(Json(UpdateReceipt { id, version }))
}
