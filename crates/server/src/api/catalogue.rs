// SPDX-License-Identifier: EUPL-1.2
//! The catalogue and the open data: the published practices, one practice,
//! who took part, the downloads of a catalogue view, the open-data files
//! and the data dictionary.

use super::{ERROR, json_with_etag};
use crate::AppState;
use crate::db;
use crate::error::{ApiError, ApiPath, ApiQuery};
use crate::export::PracticesDocument;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use domain::questionnaire::QUESTIONNAIRE;
use domain::record::practice::Catalogue;
use domain::{CatalogueEntry, PracticeId, PublicPractice};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(catalogue))
        .routes(routes!(practice))
        .routes(routes!(data_dictionary))
        .routes(routes!(participation))
        .routes(routes!(export_csv))
        .routes(routes!(export_json))
        .routes(routes!(opendata_file))
        .route("/opendata/", axum::routing::get(|| async { axum::response::Redirect::to("/dati-aperti") }))
}

/// Builds the catalogue document from the published practices: the same
/// function feeds the API and the static `catalogue.json`. Its date is the
/// latest change among them, so the same data always gives the same bytes.
pub async fn build_catalogue(db: &db::Db) -> Result<Catalogue, db::DbError> {
    let practices = db.read(db::published_practices).await?;
    Ok(catalogue_of(&practices))
}

/// The catalogue document of these published practices.
pub fn catalogue_of(practices: &[PublicPractice]) -> Catalogue {
    Catalogue {
        generated_at: crate::opendata::modified(practices).to_owned(),
        licence: domain::record::practice::LICENCE.to_owned(),
        practices: practices.iter().map(CatalogueEntry::from).collect(),
    }
}

/// Every published practice, with the fields the catalogue lists and searches.
#[utoipa::path(get, path = "/api/catalogue", tag = "catalogue",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = Catalogue, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn catalogue(State(state): State<AppState>, headers: HeaderMap) -> Result<axum::response::Response, ApiError> {
    Ok(json_with_etag(&build_catalogue(&state.db).await?, &headers))
}

/// Who took part: per region and for the nation, the Comuni, Ambiti and
/// Regioni that sent published practices, how many, and the share of the
/// region's Comuni and population (2011 census) they cover; for every round
/// together and for each collection round.
#[utoipa::path(get, path = "/api/participation", tag = "catalogue",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = domain::community::participation::Participation, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn participation(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<axum::response::Response, ApiError> {
    Ok(json_with_etag(&crate::participation::build(&state.db).await?, &headers))
}

/// One published practice, every public field.
#[utoipa::path(get, path = "/api/practices/{id}", tag = "catalogue",
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001"),
           ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = PublicPractice, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn practice(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<axum::response::Response, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let found = state.db.read(move |conn| db::published_practice(conn, &id)).await?;
    Ok(json_with_etag(&found.ok_or(ApiError::NotFound)?, &headers))
}

/// The published practices a catalogue view (its URL parameters) selects.
async fn selected(db: &db::Db, params: &[(String, String)]) -> Result<Vec<PublicPractice>, ApiError> {
    let query = domain::catalogue::Query::from_pairs(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let lang = params.iter().rev().find(|(k, _)| k == "lang").and_then(|(_, v)| domain::Lang::from_tag(v));
    let practices = db.read(db::published_practices).await?;
    Ok(crate::export::select(practices, &query, lang.unwrap_or_default()))
}

fn attachment(extension: &str) -> String {
    format!("attachment; filename=\"buone-pratiche-{}.{extension}\"", &db::now()[..10])
}

/// The practices of a catalogue view, every public field, as CSV.
#[utoipa::path(get, path = "/api/export.csv", tag = "catalogue", params(crate::openapi::CatalogueView),
    responses(
        (status = 200, description = "RFC 4180 CSV in UTF-8, one row per practice", content_type = "text/csv", body = String),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn export_csv(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = selected(&state.db, &params).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8; header=present".to_owned()),
            (header::CONTENT_DISPOSITION, attachment("csv")),
        ],
        crate::export::to_csv(&practices, &state.public_url),
    ))
}

/// The same practices as JSON, with their licence.
#[utoipa::path(get, path = "/api/export.json", tag = "catalogue", params(crate::openapi::CatalogueView),
    responses((status = 200, body = PracticesDocument), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn export_json(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = selected(&state.db, &params).await?;
    let body = PracticesDocument::new(&practices, &state.public_url, &state.operator);
    // Serialized here, while the practices it borrows are alive.
    let json = axum::response::IntoResponse::into_response(Json(body));
    Ok(([(header::CONTENT_DISPOSITION, attachment("json"))], json))
}

/// One open-data file, made from the published practices: `buone-pratiche.csv`,
/// `buone-pratiche.json`, `partecipazione.csv` (who took part, per round and
/// region), `dizionario-dati.json`, `dcat.ttl` (DCAT-AP_IT) or `feed.atom`
/// (with a catalogue view's parameters, the feed of that view).
#[utoipa::path(get, path = "/opendata/{name}", tag = "catalogue",
    params(("name" = String, Path, description = "The file's name"), crate::openapi::CatalogueView),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"), (PracticesDocument = "application/json"), (String = "text/turtle"),
            (String = "application/atom+xml")
        )),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn opendata_file(
    State(state): State<AppState>,
    ApiPath(name): ApiPath<String>,
    ApiQuery(params): ApiQuery<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let media_type = crate::opendata::media_type(&name).ok_or(ApiError::NotFound)?;
    let view = crate::catalogue_view::canonical_view(&params);
    let body = if name == "feed.atom" && !view.is_empty() {
        // The feed of one catalogue view, for partners' sites and feed readers.
        let practices = selected(&state.db, &params).await?;
        crate::opendata::view_feed(&state.public_url, &view, &practices)
    } else {
        let (practices, rounds) =
            state.db.read(|conn| Ok((db::published_practices(conn)?, db::rounds::all(conn)?))).await?;
        crate::opendata::render(&name, &state.public_url, &state.operator, &practices, &rounds)
            .ok_or(ApiError::NotFound)?
    };
    Ok(([(header::CONTENT_TYPE, media_type)], body))
}

/// The data dictionary: one entry per field, in questionnaire order, with its
/// labels, kind, codes and visibility, derived from the definition.
#[derive(Serialize, ToSchema)]
struct DataDictionary {
    questionnaire_version: u32,
    columns: Vec<domain::questionnaire::DictionaryEntry>,
    /// Personal data kept outside the practice record ("Contatta il
    /// referente", "Segui questa ricerca", the outbox): never exported.
    community: Vec<domain::questionnaire::DictionaryEntry>,
}

/// What each field and column means, from the questionnaire's definition.
#[utoipa::path(get, path = "/api/data-dictionary", tag = "catalogue",
    responses((status = 200, body = DataDictionary), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn data_dictionary() -> Json<DataDictionary> {
    Json(DataDictionary {
        questionnaire_version: QUESTIONNAIRE.version,
        columns: QUESTIONNAIRE.dictionary(),
        community: domain::questionnaire::community_data(),
    })
}
