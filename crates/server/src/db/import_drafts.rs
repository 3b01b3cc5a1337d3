// SPDX-License-Identifier: EUPL-1.2
//! Rows of an import kept as drafts for the editors to complete: listed,
//! opened with the row as the file wrote it, and completed into a
//! submission awaiting the editors, with the row's provenance and an audit
//! entry. A completed draft keeps no copy of the row.

use super::{DbError, audit, imports, now};
use domain::curation::api::AuditAction;
use domain::questionnaire::import::api::{DraftEntry, ImportDraft};
use rusqlite::{Connection, OptionalExtension, params};

/// The columns of a [`DraftEntry`], read by [`entry`].
const ENTRY: &str = "d.id, b.file_name, d.row_number, json_extract(d.answers, '$.title'), d.problems";
/// The drafts still to complete, with their batch.
const OPEN: &str = "FROM import_drafts d JOIN import_batches b ON b.id = d.batch_id WHERE d.completed_at IS NULL";

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<DraftEntry> {
    let problems: String = r.get(4)?;
    Ok(DraftEntry {
        id: r.get(0)?,
        file_name: r.get(1)?,
        row: r.get(2)?,
        title: r.get::<_, Option<String>>(3).ok().flatten(),
        problems: serde_json::from_str(&problems).unwrap_or_default(),
    })
}

/// The drafts still to complete, oldest first.
pub fn open(conn: &Connection) -> Result<Vec<DraftEntry>, DbError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {ENTRY} {OPEN} ORDER BY d.id"))?;
    Ok(stmt.query_map([], entry)?.collect::<Result<_, _>>()?)
}

/// How many drafts are still to complete.
pub fn open_count(conn: &Connection) -> Result<usize, DbError> {
    Ok(conn.query_row("SELECT count(*) FROM import_drafts WHERE completed_at IS NULL", [], |r| r.get(0))?)
}

/// A draft still to complete.
pub fn draft(conn: &Connection, id: i64) -> Result<Option<ImportDraft>, DbError> {
    let found = conn
        .query_row(&format!("SELECT {ENTRY}, d.cells, d.answers, b.headers {OPEN} AND d.id = ?1"), [id], |r| {
            Ok((entry(r)?, r.get::<_, String>(5)?, r.get::<_, String>(6)?, r.get::<_, Option<String>>(7)?))
        })
        .optional()?;
    let Some((entry, cells, answers, headers)) = found else { return Ok(None) };
    let cells: Vec<String> = serde_json::from_str(&cells)?;
    let headers: Vec<String> = headers.and_then(|h| serde_json::from_str(&h).ok()).unwrap_or_default();
    let cells = cells.into_iter().enumerate().map(|(i, cell)| (headers.get(i).cloned().unwrap_or_default(), cell));
    Ok(Some(ImportDraft { entry, cells: cells.collect(), answers: serde_json::from_str(&answers)? }))
}

/// Stores a completed draft as a submission awaiting the editors, with the
/// row's provenance, and forgets the row; `None` when there is no such
/// draft to complete (unknown, or completed already).
pub fn complete(
    conn: &mut Connection,
    id: i64,
    practice: &domain::Practice,
    by: &str,
) -> Result<Option<domain::PracticeId>, DbError> {
    let tx = conn.transaction()?;
    let found: Option<(i64, usize, String, Option<String>, String)> = tx
        .query_row(
            &format!("SELECT d.batch_id, d.row_number, d.row_key, d.submitted, b.file_name {OPEN} AND d.id = ?1"),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((batch, number, key, submitted, file_name)) = found else { return Ok(None) };
    let Some(reference) = imports::store_row(&tx, batch, number, &key, practice, submitted.as_deref())? else {
        return Ok(None);
    };
    let row_id: i64 =
        tx.query_row("SELECT id FROM practices WHERE reference = ?1", [reference.as_str()], |r| r.get(0))?;
    let stamp = now();
    tx.execute(
        "UPDATE import_drafts SET completed_at = ?1, completed_by = ?2, practice_id = ?3, cells = '[]', answers = '{}'
         WHERE id = ?4",
        params![stamp, by, row_id, id],
    )?;
    let message = format!("{file_name}, riga {number}: completata dalla redazione");
    let entry = audit::Entry {
        actor: by,
        action: AuditAction::Import,
        practice: Some(row_id),
        before: None,
        after: None,
        message: Some(&message),
    };
    audit::record(&tx, &entry, &stamp)?;
    tx.commit()?;
    Ok(Some(reference))
}
