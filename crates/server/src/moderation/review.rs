// SPDX-License-Identifier: EUPL-1.2
//! A submission with every field, for review: what changed, possible
//! duplicates, the actions its state allows and its history.

use super::ERROR;
use crate::AppState;
use crate::auth::Curator;
use crate::db;
use crate::error::{ApiError, ApiPath};
use axum::Json;
use axum::extract::State;
use domain::PracticeId;
use domain::record::fields::key;
use domain::{api::Answers, curation::api::Review};

/// The questionnaire's fields whose answers differ between two versions.
fn changed_fields(before: &Answers, after: &Answers) -> Vec<String> {
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
fn possible_duplicates(others: Vec<(PracticeId, String, String)>, answers: &Answers) -> Vec<PracticeId> {
    let text = |key: &str| answers.get(key).and_then(serde_json::Value::as_str).unwrap_or_default();
    let entity = domain::text::fold(text(key::ENTITY_NAME).trim());
    others
        .into_iter()
        .filter(|(_, other_entity, other_title)| {
            domain::text::fold(other_entity.trim()) == entity && similar_titles(text(key::TITLE), other_title)
        })
        .map(|(id, _, _)| id)
        .collect()
}

/// A submission with every field, for review.
#[utoipa::path(get, path = "/api/moderation/submissions/{id}", tag = "curators", security(("session" = [])),
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001")), responses((status = 200, body = Review), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn submission(
    State(state): State<AppState>,
    Curator(_curator): Curator,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Review>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let found = state
        .db
        .read(move |conn| {
            let Some(row) = db::review(conn, &id)? else { return Ok(None) };
            let others = db::titles_except(conn, &id)?;
            let history = db::audit::entries(conn, Some(&id))?;
            let harvested_from = db::harvest::source_of(conn, &id)?;
            Ok(Some((id, row, others, history, harvested_from)))
        })
        .await?;
    let (id, row, others, history, harvested_from) = found.ok_or(ApiError::NotFound)?;
    Ok(Json(Review {
        possible_duplicates: possible_duplicates(others, &row.latest),
        changed_fields: row.baseline.as_ref().map(|b| changed_fields(b, &row.latest)).unwrap_or_default(),
        allowed_actions: domain::curation::allowed(row.moderation_status, row.update_pending),
        id,
        moderation_status: row.moderation_status,
        version: row.version,
        demo: row.demo,
        submitted_at: row.submitted_at,
        updated_at: row.updated_at,
        published_at: row.published_at,
        curator_message: row.curator_message,
        answers: row.latest,
        versions: row.versions,
        update_pending: row.update_pending,
        history,
        imported_from: row.imported_from,
        harvested_from,
    }))
}
