// SPDX-License-Identifier: EUPL-1.2
//! Imports of spreadsheets of responses: the uploads, the mappings saved per
//! header row, and the batches, each imported practice naming its batch and
//! row. An import stores every ready row in one transaction with its audit
//! entry; a batch nobody has curated yet can be undone whole.

use super::{DbError, NewPractice, Stored, SubmissionKeys, audit, insert_practice_in, now};
use domain::curation::api::AuditAction;
use domain::questionnaire::import::{Mapping, Sheet};
use domain::record::vocabulary::ModerationStatus;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// An upload as stored.
pub struct Upload {
    pub id: i64,
    pub file_name: String,
    pub file_sha256: String,
    pub sheet: Sheet,
}

/// Keeps an upload; returns its id.
pub fn add_upload(conn: &Connection, file_name: &str, bytes: &[u8], sheet: &Sheet, by: &str) -> Result<i64, DbError> {
    let digest = format!("{:x}", Sha256::digest(bytes));
    conn.execute(
        "INSERT INTO import_uploads (file_name, file_sha256, sheet, uploaded_at, uploaded_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![file_name, digest, serde_json::to_string(sheet)?, now(), by],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn upload(conn: &Connection, id: i64) -> Result<Option<Upload>, DbError> {
    let row = conn
        .query_row("SELECT file_name, file_sha256, sheet FROM import_uploads WHERE id = ?1", [id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
        })
        .optional()?;
    row.map(|(file_name, file_sha256, sheet)| {
        Ok(Upload { id, file_name, file_sha256, sheet: serde_json::from_str(&sheet)? })
    })
    .transpose()
}

/// The mapping saved for files with these headers.
pub fn saved_mapping(conn: &Connection, headers: &[String]) -> Result<Option<Mapping>, DbError> {
    let saved: Option<String> = conn
        .query_row("SELECT mapping FROM import_mappings WHERE headers = ?1", [serde_json::to_string(headers)?], |r| {
            r.get(0)
        })
        .optional()?;
    // A mapping an older release saved in another shape is proposed afresh.
    Ok(saved.and_then(|text| serde_json::from_str(&text).ok()))
}

/// The key that makes a row's import happen once: the SHA-256 of its cells,
/// whatever file (or position in it) the row comes in.
pub fn row_key(row: &[String]) -> String {
    let mut hasher = Sha256::new();
    for cell in row {
        hasher.update(cell.trim().as_bytes());
        hasher.update([0x1f]);
    }
    format!("import:{:x}", hasher.finalize())
}

/// For each row key, whether that row was imported already (as a practice,
/// or as a draft for the editors).
pub fn imported(conn: &Connection, keys: &[String]) -> Result<Vec<bool>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM practices WHERE idempotency_key = ?1)
             OR EXISTS (SELECT 1 FROM import_drafts WHERE row_key = ?1)",
    )?;
    keys.iter().map(|key| Ok(stmt.query_row([key], |r| r.get(0))?)).collect()
}

/// One row ready to become a submission.
pub struct Row {
    /// Its number in the spreadsheet (the header is row 1).
    pub number: usize,
    pub key: String,
    pub practice: domain::Practice,
    pub submitted: Option<String>,
}

/// A row with problems, to keep as a draft for the editors.
pub struct DraftRow {
    pub number: usize,
    pub key: String,
    /// As the file wrote it.
    pub cells: Vec<String>,
    /// What the mapping could read.
    pub answers: domain::api::Answers,
    /// In words.
    pub problems: Vec<String>,
    pub submitted: Option<String>,
}

/// What an import stored.
pub struct Batch {
    pub id: i64,
    pub created: usize,
    pub already: usize,
    pub drafts: usize,
}

/// Stores `rows` as submissions awaiting the editors and `drafts` as drafts
/// for them to complete, in one transaction with the batch and its audit
/// entry, and saves `mapping` for files with the upload's headers. No
/// private link is made (nobody receives one).
pub fn import(
    conn: &mut Connection,
    upload: &Upload,
    mapping: &Mapping,
    rows: &[Row],
    drafts: &[DraftRow],
    by: &str,
) -> Result<Batch, DbError> {
    let tx = conn.transaction()?;
    let stamp = now();
    let mapping_json = serde_json::to_string(mapping)?;
    let headers_json = serde_json::to_string(&upload.sheet.headers)?;
    tx.execute(
        "INSERT INTO import_batches (file_name, file_sha256, mapping, headers, imported_at, imported_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![upload.file_name, upload.file_sha256, mapping_json, headers_json, stamp, by],
    )?;
    let batch = tx.last_insert_rowid();
    let (mut created, mut already) = (0, 0);
    for row in rows {
        match store_row(&tx, batch, row.number, &row.key, &row.practice, row.submitted.as_deref())? {
            Some(_) => created += 1,
            None => already += 1,
        }
    }
    let mut drafted = 0;
    for draft in drafts {
        drafted += tx.execute(
            "INSERT OR IGNORE INTO import_drafts (batch_id, row_number, row_key, cells, answers, problems, submitted, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                batch,
                draft.number,
                draft.key,
                serde_json::to_string(&draft.cells)?,
                serde_json::to_string(&draft.answers)?,
                serde_json::to_string(&draft.problems)?,
                draft.submitted,
                stamp
            ],
        )?;
    }
    tx.execute(
        "INSERT INTO import_mappings (headers, mapping, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (headers) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
        params![headers_json, mapping_json, stamp],
    )?;
    let message = format!("{}: {created} pratiche importate, {drafted} bozze (lotto {batch})", upload.file_name);
    let entry = audit::Entry {
        actor: by,
        action: AuditAction::Import,
        practice: None,
        before: None,
        after: None,
        message: Some(&message),
    };
    audit::record(&tx, &entry, &stamp)?;
    tx.execute("DELETE FROM import_uploads WHERE id = ?1 OR uploaded_at < ?2", params![upload.id, day_before(&stamp)])?;
    tx.commit()?;
    Ok(Batch { id: batch, created, already, drafts: drafted })
}

/// Stores one row of `batch` as a submission awaiting the editors, with its
/// provenance; `None` when a row with this key is stored already. No
/// private link is made: its token is one nobody holds.
pub(super) fn store_row(
    tx: &rusqlite::Transaction<'_>,
    batch: i64,
    number: usize,
    key: &str,
    practice: &domain::Practice,
    submitted: Option<&str>,
) -> Result<Option<domain::PracticeId>, DbError> {
    let new = NewPractice {
        answer: practice.clone(),
        status: ModerationStatus::Inviata,
        demo: false,
        round: super::CONTINUOUS_ROUND.into(),
        derived_from: None,
        submission: Some(SubmissionKeys::without_private_link(key.to_owned(), key.to_owned())?),
    };
    let Stored::Created(id) = insert_practice_in(tx, &new)? else { return Ok(None) };
    tx.execute(
        "UPDATE practices SET import_batch = ?1, import_row = ?2, import_submitted = ?3 WHERE reference = ?4",
        params![batch, number, submitted, id.as_str()],
    )?;
    Ok(Some(id))
}

fn day_before(stamp: &str) -> String {
    let at = time::OffsetDateTime::parse(stamp, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    (at - time::Duration::days(1)).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// Why a batch cannot be undone.
#[derive(Debug, PartialEq, Eq)]
pub enum Undo {
    Done(usize),
    NotFound,
    /// Undone already.
    Gone,
    /// An editor has acted on one of its practices: they stay.
    Curated(String),
}

/// Deletes a batch's practices, if no editor has acted on any of them yet
/// (each still awaiting, at its first version); logs it.
pub fn undo(conn: &mut Connection, batch: i64, by: &str) -> Result<Undo, DbError> {
    let tx = conn.transaction()?;
    let found: Option<(String, Option<String>)> = tx
        .query_row("SELECT file_name, undone_at FROM import_batches WHERE id = ?1", [batch], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((file_name, undone_at)) = found else { return Ok(Undo::NotFound) };
    if undone_at.is_some() {
        return Ok(Undo::Gone);
    }
    let touched: Option<String> = tx
        .query_row(
            "SELECT p.reference FROM practices p WHERE p.import_batch = ?1 AND (p.moderation_status <> ?2
                 OR (SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id) > 1
                 OR EXISTS (SELECT 1 FROM audit_log a WHERE a.practice_id = p.id)) LIMIT 1",
            params![batch, ModerationStatus::Inviata.code()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(reference) = touched {
        return Ok(Undo::Curated(reference));
    }
    tx.execute("DELETE FROM import_drafts WHERE batch_id = ?1", [batch])?;
    tx.execute(
        "DELETE FROM practice_versions WHERE practice_id IN (SELECT id FROM practices WHERE import_batch = ?1)",
        [batch],
    )?;
    let deleted = tx.execute("DELETE FROM practices WHERE import_batch = ?1", [batch])?;
    let stamp = now();
    tx.execute("UPDATE import_batches SET undone_at = ?1 WHERE id = ?2", params![stamp, batch])?;
    let message = format!("{file_name}: {deleted} pratiche tolte (lotto {batch})");
    let entry = audit::Entry {
        actor: by,
        action: AuditAction::UndoImport,
        practice: None,
        before: None,
        after: None,
        message: Some(&message),
    };
    audit::record(&tx, &entry, &stamp)?;
    tx.commit()?;
    Ok(Undo::Done(deleted))
}

/// Which question each column of a batch's file filled (`headers` and
/// `mapping` as the batch stored them; columns not imported left out).
pub fn columns_used(headers: Option<&str>, mapping: &str) -> Vec<domain::curation::api::MappedColumn> {
    let headers: Vec<String> = headers.and_then(|h| serde_json::from_str(h).ok()).unwrap_or_default();
    let Ok(mapping) = serde_json::from_str::<Mapping>(mapping) else { return Vec::new() };
    headers
        .into_iter()
        .zip(mapping.columns)
        .filter(|(_, target)| target != domain::questionnaire::import::SKIP)
        .map(|(header, target)| domain::curation::api::MappedColumn { header, target })
        .collect()
}
