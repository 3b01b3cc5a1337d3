//! The JSON API under `/api`. Handlers are short: extract, ask the domain,
//! call a `db` function, answer.

use crate::AppState;
use crate::db::{self, NewPractice};
use crate::error::{ApiError, ApiJson};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{any, get, post};
use axum::{Json, Router};
use domain::practice::Catalogue;
use domain::vocabulary::{CollectionRound, ModerationStatus};
use domain::{CatalogueEntry, Practice, PracticeId, PublicPractice};
use serde::Serialize;

/// The `/api` routes. Any other path under `/api` answers a JSON 404, even
/// when the app's single-page fallback serves every other unknown path.
pub fn router() -> Router<AppState> {
    let not_found = || async { ApiError::NotFound };
    Router::new()
        .route("/api/health", get(health))
        .route("/api/catalogue", get(catalogue))
        .route("/api/practices/{id}", get(practice))
        .route("/api/submissions", post(submit))
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
/// function feeds the API and the static `catalogue.json`.
pub async fn build_catalogue(db: &db::Db) -> Result<Catalogue, db::DbError> {
    let practices = db.call(|conn| db::published_practices(conn)).await?;
    Ok(Catalogue {
        generated_at: db::now(),
        licence: domain::practice::LICENCE.to_owned(),
        practices: practices.iter().map(CatalogueEntry::from).collect(),
    })
}

async fn catalogue(State(state): State<AppState>) -> Result<Json<Catalogue>, ApiError> {
    Ok(Json(build_catalogue(&state.db).await?))
}

async fn practice(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<PublicPractice>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let found = state.db.call(move |conn| db::published_practice(conn, &id)).await?;
    found.map(Json).ok_or(ApiError::NotFound)
}

#[derive(Serialize)]
struct Receipt {
    id: PracticeId,
}

async fn submit(
    State(state): State<AppState>,
    ApiJson(answer): ApiJson<Practice>,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    answer.validate().map_err(ApiError::Invalid)?;
    let new = NewPractice {
        answer,
        status: ModerationStatus::Inviata,
        demo: false,
        round: CollectionRound::RaccoltaContinua,
    };
    let id = state.db.call(move |conn| db::insert_practice(conn, &new)).await?;
    Ok((StatusCode::CREATED, Json(Receipt { id })))
}
