// SPDX-License-Identifier: EUPL-1.2
//! The site's own documents: who runs it (`/api/operator`), `robots.txt`,
//! `security.txt` and the sitemap.

use super::{ERROR, json_with_etag};
use crate::AppState;
use crate::db;
use crate::error::ApiError;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(operator))
        .route("/robots.txt", get(robots_txt))
        .route("/.well-known/security.txt", get(security_txt))
        .route("/sitemap.xml", get(sitemap_xml))
}

/// Who runs the site: the data controller, the contacts, the retention of
/// personal data, the publisher of the open data (the privacy notice, the
/// accessibility statement and the contacts page read it).
#[utoipa::path(get, path = "/api/operator", tag = "catalogue",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = domain::site::operator::Operator, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn operator(State(state): State<AppState>, headers: HeaderMap) -> axum::response::Response {
    json_with_etag(&*state.operator, &headers)
}

/// `robots.txt`: the private pages and the API are not for crawlers; where the sitemap is.
async fn robots_txt(State(state): State<AppState>) -> impl axum::response::IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], crate::head::robots_txt(&state.public_url))
}

/// `/.well-known/security.txt` (RFC 9116), when the operator set the contact.
async fn security_txt(State(state): State<AppState>) -> Result<impl axum::response::IntoResponse, ApiError> {
    let contact = state.operator.security_contact.as_deref().ok_or(ApiError::NotFound)?;
    let text = crate::security_txt::render(contact, &state.public_url, time::OffsetDateTime::now_utc());
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text))
}

/// `sitemap.xml`: every public page and every published practice, with when it last changed.
async fn sitemap_xml(State(state): State<AppState>) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = state.db.read(db::published_practices).await?;
    let xml = crate::head::sitemap_xml(&state.public_url, &practices);
    Ok(([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml))
}
