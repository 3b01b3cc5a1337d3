// SPDX-License-Identifier: EUPL-1.2
//! Accessibility reports (the statement's feedback form).

use super::DbError;
use domain::site::feedback::{AccessibilityReport, ReportItem, reference};
use rusqlite::{Connection, Transaction, params};

/// Stores a checked report; returns its id.
pub fn insert(tx: &Transaction<'_>, report: &AccessibilityReport, at: &str) -> Result<i64, DbError> {
    tx.execute(
        "INSERT INTO accessibility_reports (page, description, email, received_at) VALUES (?1, ?2, ?3, ?4)",
        params![report.page.trim(), report.description.trim(), report.email.trim(), at],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Every report, those still open first, then the newest.
pub fn all(conn: &Connection) -> Result<Vec<ReportItem>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, page, description, email, received_at, handled_at, handled_by FROM accessibility_reports
         ORDER BY handled_at IS NOT NULL, id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        Ok(ReportItem {
            id,
            reference: reference(id),
            page: r.get(1)?,
            description: r.get(2)?,
            email: r.get(3)?,
            received_at: r.get(4)?,
            handled_at: r.get(5)?,
            handled_by: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Marks report `id` handled by `by` (or, with `by` None, open again);
/// false when there is no such report or it is already in that state.
pub fn set_handled(tx: &Transaction<'_>, id: i64, by: Option<&str>, at: &str) -> Result<bool, DbError> {
    let changed = match by {
        Some(by) => tx.execute(
            "UPDATE accessibility_reports SET handled_at = ?2, handled_by = ?3 WHERE id = ?1 AND handled_at IS NULL",
            params![id, at, by],
        )?,
        None => tx.execute(
            "UPDATE accessibility_reports SET handled_at = NULL, handled_by = NULL WHERE id = ?1 AND handled_at IS NOT NULL",
            [id],
        )?,
    };
    Ok(changed > 0)
}

/// True when report `id` exists.
pub fn exists(conn: &Connection, id: i64) -> Result<bool, DbError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM accessibility_reports WHERE id = ?1)", [id], |r| r.get(0))?)
}
