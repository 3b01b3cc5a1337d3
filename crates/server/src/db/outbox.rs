// SPDX-License-Identifier: EUPL-1.2
//! The outbox table: messages queued with the action that causes them, and
//! what the postman learns delivering them.

use super::DbError;
use domain::community::{Delivery, OutboxMessage};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// A message ready to queue: addressed, rendered, with the key of its cause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queued {
    /// What caused it (`decision:BP-2026-0001:4`): one message per cause.
    pub key: String,
    /// The Message-ID header, without angle brackets.
    pub message_id: String,
    pub kind: crate::mail::kind::Kind,
    pub recipient: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// The one-click unsubscribe address (List-Unsubscribe), if any.
    pub unsubscribe: Option<String>,
}

/// A message the postman is to send now.
#[derive(Clone, Debug)]
pub struct Due {
    pub id: i64,
    pub attempts: u32,
    pub message: Queued,
}

/// Queues `message` in the caller's transaction; a message with the same
/// key already queued is left as it is. True when it was added.
pub fn enqueue(tx: &Transaction<'_>, message: &Queued, now: &str, now_ms: i64) -> Result<bool, DbError> {
    let added = tx.execute(
        "INSERT INTO outbox (message_key, message_id, kind, recipient, reply_to, subject, text_body, html_body,
                             unsubscribe, created_at, next_attempt)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (message_key) DO NOTHING",
        params![
            message.key,
            message.message_id,
            message.kind.code(),
            message.recipient,
            message.reply_to,
            message.subject,
            message.text_body,
            message.html_body,
            message.unsubscribe,
            now,
            now_ms
        ],
    )?;
    Ok(added == 1)
}

/// Up to `limit` messages due at `now_ms`, oldest first.
pub fn due(conn: &Connection, now_ms: i64, limit: usize) -> Result<Vec<Due>, DbError> {
    let mut statement = conn.prepare(
        "SELECT id, attempts, message_key, message_id, kind, recipient, reply_to, subject, text_body, html_body,
                unsubscribe
         FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt <= ?1 ORDER BY id LIMIT ?2",
    )?;
    let rows = statement.query_map(params![now_ms, limit], |r| {
        let kind: String = r.get(4)?;
        Ok(Due {
            id: r.get(0)?,
            attempts: r.get(1)?,
            message: Queued {
                key: r.get(2)?,
                message_id: r.get(3)?,
                kind: crate::mail::kind::Kind::from_code(&kind)
                    .ok_or_else(|| super::invalid(4, "not a message kind"))?,
                recipient: r.get(5)?,
                reply_to: r.get(6)?,
                subject: r.get(7)?,
                text_body: r.get(8)?,
                html_body: r.get(9)?,
                unsubscribe: r.get(10)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The mail server accepted message `id`.
pub fn mark_sent(conn: &Connection, id: i64, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE outbox SET sent_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// An attempt failed with `error`: try again at `retry_at_ms`, or, with
/// `None`, give up.
pub fn mark_failed_attempt(
    conn: &Connection,
    id: i64,
    error: &str,
    retry_at_ms: Option<i64>,
    now: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2,
             next_attempt = coalesce(?3, next_attempt),
             failed_at = CASE WHEN ?3 IS NULL THEN ?4 END
         WHERE id = ?1",
        params![id, error, retry_at_ms, now],
    )?;
    Ok(())
}

/// When the next waiting message is due, if any (Unix milliseconds).
pub fn next_due(conn: &Connection) -> Result<Option<i64>, DbError> {
    Ok(conn
        .query_row("SELECT min(next_attempt) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL", [], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Deletes messages sent or given up before `before` (RFC 3339): they hold
/// addresses and private links, kept only as long as the privacy notice says.
pub fn prune(conn: &Connection, before: &str) -> Result<usize, DbError> {
    Ok(conn.execute("DELETE FROM outbox WHERE coalesce(sent_at, failed_at) < ?1", [before])?)
}

/// The newest `limit` messages, for admins.
pub fn newest(conn: &Connection, limit: usize) -> Result<Vec<OutboxMessage>, DbError> {
    let mut statement = conn.prepare(
        "SELECT kind, recipient, subject, text_body, created_at, attempts, last_error, sent_at, failed_at
         FROM outbox ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit], |r| {
        let (sent_at, failed_at): (Option<String>, Option<String>) = (r.get(7)?, r.get(8)?);
        let delivery = match (&sent_at, failed_at) {
            (Some(_), _) => Delivery::Sent,
            (None, Some(_)) => Delivery::Failed,
            (None, None) => Delivery::Waiting,
        };
        Ok(OutboxMessage {
            kind: r.get(0)?,
            recipient: r.get(1)?,
            subject: r.get(2)?,
            text_body: r.get(3)?,
            created_at: r.get(4)?,
            attempts: r.get(5)?,
            last_error: r.get(6)?,
            sent_at,
            delivery,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
