// SPDX-License-Identifier: EUPL-1.2
//! The curators' downloads: every submission with every field, and the
//! audit log (admins).

use super::ERROR;
use crate::AppState;
use crate::auth::{Admin, Curator};
use crate::db;
use crate::error::ApiError;
use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use domain::curation::api::AuditEntry;

/// The columns of the curators' export: the system facts, then every answer
/// column ever asked (`EXPORT_COLUMNS`, append-only, so nothing shifts).
fn curator_columns() -> Vec<&'static str> {
    db::CURATOR_SYSTEM_COLUMNS.into_iter().chain(domain::questionnaire::EXPORT_COLUMNS.iter().copied()).collect()
}

/// Every submission, every field (private ones included), latest version.
#[utoipa::path(get, path = "/api/moderation/export.csv", tag = "curators", security(("session" = [])),
    responses((status = 200, description = "Every submission, every field, as CSV", content_type = "text/csv", body = String), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn export_all(
    State(state): State<AppState>,
    Curator(_curator): Curator,
) -> Result<impl IntoResponse, ApiError> {
    let rows = state.db.read(db::every_submission).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8; header=present"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"buone-pratiche-redazione.csv\""),
        ],
        crate::export::rows_to_csv(&curator_columns(), rows),
    ))
}

/// Every curation action, newest first (admins only).
#[utoipa::path(get, path = "/api/moderation/audit", tag = "admins", security(("session" = [])),
    responses((status = 200, body = Vec<AuditEntry>), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn audit(
    State(state): State<AppState>,
    Admin(_admin): Admin,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    Ok(Json(state.db.read(|conn| db::audit::entries(conn, None)).await?))
}

/// The audit log as CSV (admins only).
#[utoipa::path(get, path = "/api/moderation/audit.csv", tag = "admins", security(("session" = [])),
    responses((status = 200, description = "The audit log as CSV", content_type = "text/csv", body = String), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn audit_csv(state: State<AppState>, admin: Admin) -> Result<impl IntoResponse, ApiError> {
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
