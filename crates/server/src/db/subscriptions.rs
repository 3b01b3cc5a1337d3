// SPDX-License-Identifier: EUPL-1.2
//! Subscriptions to catalogue views ("Segui questa ricerca") and the
//! curators' digest setting.

use super::DbError;
use domain::Lang;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Adds `email`'s subscription to `view`, or finds the one it has; its id.
/// The digests come in `lang` first (the latest choice counts).
pub fn upsert(tx: &Transaction<'_>, email: &str, view: &str, lang: Lang, now: &str) -> Result<i64, DbError> {
    Ok(tx.query_row(
        "INSERT INTO subscriptions (email, view, created_at, lang) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (email, view) DO UPDATE SET email = excluded.email, lang = excluded.lang
         RETURNING id",
        params![email, view, now, lang.tag()],
        |r| r.get(0),
    )?)
}

/// Confirms subscription `id`: its first digest is due `first_digest`
/// (RFC 3339) and covers what changes from `now`. Its view, if it exists.
pub fn confirm(tx: &Transaction<'_>, id: i64, now: &str, first_digest: &str) -> Result<Option<String>, DbError> {
    Ok(tx
        .query_row(
            "UPDATE subscriptions SET confirmed_at = coalesce(confirmed_at, ?2),
                 last_digest_at = coalesce(last_digest_at, ?2), next_digest_at = coalesce(next_digest_at, ?3)
             WHERE id = ?1 RETURNING view",
            params![id, now, first_digest],
            |r| r.get(0),
        )
        .optional()?)
}

/// Deletes subscription `id`; its view, if it existed.
pub fn remove(tx: &Transaction<'_>, id: i64) -> Result<Option<String>, DbError> {
    Ok(tx.query_row("DELETE FROM subscriptions WHERE id = ?1 RETURNING view", [id], |r| r.get(0)).optional()?)
}

/// A confirmed subscription whose digest is due.
#[derive(Clone, Debug)]
pub struct DueDigest {
    pub id: i64,
    pub email: String,
    pub view: String,
    /// The digest covers changes after this (RFC 3339).
    pub since: String,
    /// When it was due: it names the digest.
    pub due_at: String,
    /// The subscriber's language, when known.
    pub lang: Option<Lang>,
}

/// The confirmed subscriptions whose digest is due at `now`.
pub fn due(conn: &Connection, now: &str) -> Result<Vec<DueDigest>, DbError> {
    let mut statement = conn.prepare(
        "SELECT id, email, view, last_digest_at, next_digest_at, lang FROM subscriptions
         WHERE confirmed_at IS NOT NULL AND next_digest_at <= ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([now], |r| {
        let (id, email, view, since, due_at) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        Ok(DueDigest { id, email, view, since, due_at, lang: super::lang_at(r, 5)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Subscription `id`'s digest went out (or had nothing): it covers up to
/// `now`, and the next is due `next`.
pub fn digested(tx: &Transaction<'_>, id: i64, now: &str, next: &str) -> Result<(), DbError> {
    tx.execute(
        "UPDATE subscriptions SET last_digest_at = ?2, next_digest_at = ?3 WHERE id = ?1",
        params![id, now, next],
    )?;
    Ok(())
}

/// Deletes subscriptions not confirmed since before `before`.
pub fn prune_unconfirmed(tx: &Transaction<'_>, before: &str) -> Result<usize, DbError> {
    Ok(tx.execute("DELETE FROM subscriptions WHERE confirmed_at IS NULL AND created_at < ?1", [before])?)
}

/// The curators and admins who get the daily digest: (id, e-mail).
pub fn digest_readers(conn: &Connection) -> Result<Vec<(i64, String)>, DbError> {
    let mut statement =
        conn.prepare("SELECT id, email FROM users WHERE disabled = 0 AND daily_digest = 1 ORDER BY id")?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Turns the daily digest on or off for the account `email`.
pub fn set_daily_digest(conn: &Connection, email: &str, on: bool) -> Result<bool, DbError> {
    Ok(conn.execute("UPDATE users SET daily_digest = ?2 WHERE email = ?1", params![email, on])? == 1)
}

/// Whether the account `email` gets the daily digest.
pub fn daily_digest(conn: &Connection, email: &str) -> Result<bool, DbError> {
    Ok(conn
        .query_row("SELECT daily_digest FROM users WHERE email = ?1", [email], |r| r.get(0))
        .optional()?
        .unwrap_or(false))
}
