// SPDX-License-Identifier: EUPL-1.2
//! The audit log: every decision, correction, update and account or round
//! change, written by one function in the transaction of the change itself.

use super::{DbError, invalid};
use domain::PracticeId;
use domain::curation::api::{AuditAction, AuditEntry};
use rusqlite::{Connection, Transaction, params};

/// One entry, as the change that causes it describes it.
pub struct Entry<'a> {
    /// A curator's e-mail, or `respondent`.
    pub actor: &'a str,
    pub action: AuditAction,
    /// The practice's row id, when the action is on one.
    pub practice: Option<i64>,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub message: Option<&'a str>,
}

/// Writes `entry`, in the transaction of the change it records.
pub fn record(tx: &Transaction<'_>, entry: &Entry<'_>, at: &str) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO audit_log (at, actor, action, practice_id, before, after, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![at, entry.actor, entry.action.code(), entry.practice, entry.before, entry.after, entry.message],
    )?;
    Ok(())
}

/// The audit log, newest first: every entry, or those of one practice.
pub fn entries(conn: &Connection, practice: Option<&PracticeId>) -> Result<Vec<AuditEntry>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.at, a.actor, a.action, p.reference, a.before, a.after, a.message
         FROM audit_log a LEFT JOIN practices p ON p.id = a.practice_id
         WHERE ?1 IS NULL OR p.reference = ?1 ORDER BY a.id DESC",
    )?;
    let rows = stmt.query_map([practice.map(PracticeId::as_str)], |r| {
        let action: String = r.get(2)?;
        let practice = r.get::<_, Option<String>>(3)?.map(|_| super::practice_id_at(r, 3)).transpose()?;
        Ok(AuditEntry {
            at: r.get(0)?,
            actor: r.get(1)?,
            action: AuditAction::from_code(&action).ok_or_else(|| invalid(2, "not an audit action"))?,
            practice,
            before: r.get(4)?,
            after: r.get(5)?,
            message: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}
