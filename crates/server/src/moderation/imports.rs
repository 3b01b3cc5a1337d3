// SPDX-License-Identifier: EUPL-1.2
//! Importing a spreadsheet of responses (admins): the file is read and kept
//! (`upload`), a mapping is tried on every row (`check`, the dry run, with
//! the questionnaire's own rules), the ready rows become submissions in the
//! curation queue (`import`), and a batch nobody has curated yet can be
//! undone (`undo`). Rows with problems stay out until the file or the
//! mapping is fixed; importing again creates only what is new.

use super::ERROR;
use crate::AppState;
use crate::auth::Admin;
use crate::db::{DbError, imports};
use crate::error::{ApiBytes, ApiError, ApiJson, ApiPath, ApiQuery};
use crate::messages::Message;
use axum::Json;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use domain::Lang;
use domain::questionnaire::import::api::{Checked, Imported, RowCheck, Upload, WithMapping};
use domain::questionnaire::import::{Mapping, Sheet};
use domain::{FieldError, FieldErrors};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The import routes; the upload takes files up to `sheet::MAX_BYTES`.
pub(super) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload))
        .layer(DefaultBodyLimit::max(crate::sheet::MAX_BYTES + 1))
        .routes(routes!(check))
        .routes(routes!(import))
        .routes(routes!(undo))
}

/// The uploaded file's name.
#[derive(serde::Deserialize, utoipa::IntoParams)]
pub(super) struct FileName {
    /// As the administrator's computer called it (shown in the provenance).
    name: String,
}

/// Reads a CSV or XLSX file of responses (the request's body, at most
/// 10 MiB and 5,000 rows) and keeps it for the next steps; proposes a
/// mapping, or the one saved for files with the same headers.
#[utoipa::path(post, path = "/api/moderation/imports", tag = "admins", security(("session" = [])),
    params(FileName),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Upload), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn upload(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiQuery(FileName { name }): ApiQuery<FileName>,
    ApiBytes(body): ApiBytes,
) -> Result<(StatusCode, Json<Upload>), ApiError> {
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        let mut errors = FieldErrors::default();
        errors.add("name", FieldError::Invalid { detail: "the file's name".into() });
        return Err(ApiError::Invalid(errors));
    }
    let bytes = body.to_vec();
    let read = bytes.clone();
    let sheet = tokio::task::spawn_blocking(move || crate::sheet::read(&read))
        .await
        .map_err(|e| ApiError::Internal(DbError::Io(std::io::Error::other(e.to_string()))))?
        .map_err(ApiError::Invalid)?;
    let (stored, file_name) = (sheet.clone(), name.clone());
    let (id, saved) = state
        .db
        .call(move |conn| {
            let id = imports::add_upload(conn, &name, &bytes, &stored, &admin.email)?;
            Ok((id, imports::saved_mapping(conn, &stored.headers)?))
        })
        .await?;
    let samples = sheet.rows.iter().take(3).cloned().collect();
    let usable = saved.filter(|mapping| mapping.check(&sheet).is_ok());
    let answer = Upload {
        id,
        file_name,
        rows: sheet.rows.len(),
        headers: sheet.headers.clone(),
        samples,
        saved: usable.is_some(),
        mapping: usable.unwrap_or_else(|| Mapping::suggest(&sheet)),
    };
    Ok((StatusCode::CREATED, Json(answer)))
}

/// Every row read with the mapping, as an import would store it.
struct Trial {
    rows: Vec<RowCheck>,
    ready: Vec<imports::Row>,
    /// The rows with problems, as drafts would keep them.
    drafts: Vec<imports::DraftRow>,
    values: std::collections::BTreeMap<String, Vec<String>>,
}

impl Trial {
    /// Rows left out until their problems are solved.
    fn with_problems(&self) -> usize {
        self.rows.iter().filter(|r| !r.already && !r.problems.is_empty()).count()
    }

    /// Rows imported before.
    fn already(&self) -> usize {
        self.rows.iter().filter(|r| r.already).count()
    }
}

/// Reads every row of `upload` with `mapping` (off the async threads).
async fn trial(state: &AppState, upload: &imports::Upload, mapping: &Mapping, lang: Lang) -> Result<Trial, ApiError> {
    if let Err(reason) = mapping.check(&upload.sheet) {
        let mut errors = FieldErrors::default();
        errors.add("mapping", FieldError::Invalid { detail: reason });
        return Err(ApiError::Invalid(errors));
    }
    let (sheet, mapping) = (upload.sheet.clone(), mapping.clone());
    let keys: Vec<String> = sheet.rows.iter().map(|row| imports::row_key(row)).collect();
    let lookup = keys.clone();
    let already: Vec<bool> = state.db.read(move |conn| imports::imported(conn, &lookup)).await?;
    tokio::task::spawn_blocking(move || read_all(&sheet, &mapping, &keys, &already, lang))
        .await
        .map_err(|e| ApiError::Internal(DbError::Io(std::io::Error::other(e.to_string()))))
}

fn read_all(sheet: &Sheet, mapping: &Mapping, keys: &[String], already: &[bool], lang: Lang) -> Trial {
    let comuni = domain::record::comuni::shipped();
    let mut trial =
        Trial { rows: Vec::new(), ready: Vec::new(), drafts: Vec::new(), values: mapping.distinct_values(sheet) };
    for (index, row) in sheet.rows.iter().enumerate() {
        let number = index + 2;
        let read = mapping.read(row, comuni, lang);
        let word = if lang == Lang::It { "riga" } else { "row" };
        let problems: Vec<String> =
            read.problems.iter().map(|p| format!("{word} {number}, {}", p.describe(lang))).collect();
        let title = read.answers.get(domain::record::fields::key::TITLE).and_then(|t| t.as_str()).map(str::to_owned);
        trial.rows.push(RowCheck { row: number, title, already: already[index], problems: problems.clone() });
        let key = keys[index].clone();
        match (read.practice, already[index]) {
            (_, true) => {}
            (Some(practice), false) => {
                trial.ready.push(imports::Row { number, key, practice, submitted: read.submitted });
            }
            (None, false) => {
                // Kept in Italian, the editors' language, as the file wrote it.
                let problems = read.problems.iter().map(|p| p.describe(Lang::It)).collect();
                let (cells, answers, submitted) = (row.clone(), read.answers, read.submitted);
                trial.drafts.push(imports::DraftRow { number, key, cells, answers, problems, submitted });
            }
        }
    }
    trial
}

async fn upload_of(state: &AppState, id: i64) -> Result<imports::Upload, ApiError> {
    state.db.read(move |conn| imports::upload(conn, id)).await?.ok_or(ApiError::NotFound)
}

/// The dry run: what importing the upload with this mapping would do, row
/// by row, and the distinct values of each coded column to match.
#[utoipa::path(post, path = "/api/moderation/imports/{id}/check", tag = "admins", security(("session" = [])),
    params(("id" = i64, Path, description = "The upload")),
    request_body = WithMapping,
    responses((status = 200, body = Checked), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn check(
    State(state): State<AppState>,
    Admin(_admin): Admin,
    ApiPath(id): ApiPath<i64>,
    ApiJson(WithMapping { mapping, .. }): ApiJson<WithMapping>,
) -> Result<Json<Checked>, ApiError> {
    let upload = upload_of(&state, id).await?;
    let trial = trial(&state, &upload, &mapping, crate::language::current()).await?;
    let (with_problems, already) = (trial.with_problems(), trial.already());
    Ok(Json(Checked { ready: trial.ready.len(), with_problems, already, values: trial.values, rows: trial.rows }))
}

/// Imports the ready rows as submissions awaiting the editors, each with
/// its provenance (file, row, the date the file gave it), in one step; with
/// `drafts`, keeps each row with problems as a draft for the editors to
/// complete; rows imported before create nothing; the mapping is saved for
/// the next file.
#[utoipa::path(post, path = "/api/moderation/imports/{id}/import", tag = "admins", security(("session" = [])),
    params(("id" = i64, Path, description = "The upload")),
    request_body = WithMapping,
    responses((status = 200, body = Imported), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn import(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(id): ApiPath<i64>,
    ApiJson(WithMapping { mapping, drafts }): ApiJson<WithMapping>,
) -> Result<Json<Imported>, ApiError> {
    let upload = upload_of(&state, id).await?;
    let mut trial = trial(&state, &upload, &mapping, crate::language::current()).await?;
    let earlier = trial.already();
    if !drafts {
        trial.drafts.clear();
    }
    let with_problems = trial.with_problems();
    let batch = state
        .db
        .call(move |conn| imports::import(conn, &upload, &mapping, &trial.ready, &trial.drafts, &admin.email))
        .await?;
    let already = earlier + batch.already;
    // A row twice in the file is kept as a draft once: the other is left out.
    let left_out = with_problems.saturating_sub(batch.drafts);
    Ok(Json(Imported { batch: batch.id, created: batch.created, already, left_out, drafts: batch.drafts }))
}

/// Undoes an import whose practices nobody has curated yet: they are
/// deleted, and the log says so. 409 once an editor has acted on one.
#[utoipa::path(post, path = "/api/moderation/import-batches/{id}/undo", tag = "admins", security(("session" = [])),
    params(("id" = i64, Path, description = "The batch")),
    responses((status = 200, body = usize, description = "How many practices were removed"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn undo(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<usize>, ApiError> {
    match state.db.call(move |conn| imports::undo(conn, id, &admin.email)).await? {
        imports::Undo::Done(removed) => Ok(Json(removed)),
        imports::Undo::NotFound | imports::Undo::Gone => Err(ApiError::NotFound),
        imports::Undo::Curated(reference) => Err(ApiError::Conflict(Message::ImportCurated(reference))),
    }
}
