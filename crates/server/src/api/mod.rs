// SPDX-License-Identifier: EUPL-1.2
//! The public JSON API under `/api`, one room per area as the back office's
//! `moderation/`: the catalogue and open data (`catalogue`), the
//! respondents' submissions and private links (`submissions`), the
//! accessibility reports and ratings (`feedback`), the community of practice
//! (`community`) and the site's own files (`site`). Handlers are short:
//! extract, ask the domain, call a `db` function, answer.

mod catalogue;
mod community;
mod feedback;
mod site;
mod submissions;

pub use catalogue::{build_catalogue, catalogue_of};

use crate::AppState;
use crate::db;
use crate::error::ApiError;
use crate::sha256_hex;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::any;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// What a handler's error answers, in the OpenAPI document.
const ERROR: &str = crate::openapi::ERROR_DESCRIPTION;

/// The public routes. Any other path under `/api` answers a JSON 404, even
/// when the app's single-page fallback serves every other unknown path.
pub fn router() -> OpenApiRouter<AppState> {
    let not_found = || async { ApiError::NotFound };
    OpenApiRouter::new()
        .routes(routes!(health))
        .merge(catalogue::routes())
        .merge(submissions::routes())
        .merge(feedback::routes())
        .merge(community::routes())
        .merge(site::routes())
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
}

#[derive(Serialize, ToSchema)]
struct Health {
    status: &'static str,
}

/// The service and its database answer.
#[utoipa::path(get, path = "/api/health", tag = "catalogue",
    responses((status = 200, body = Health), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.db.read(db::ping).await?;
    Ok(Json(Health { status: "ok" }))
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
