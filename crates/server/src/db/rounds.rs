// SPDX-License-Identifier: EUPL-1.2
//! Collection rounds.

use super::{DbError, invalid, now};
use domain::dates::Day;
use domain::questionnaire::rounds::Round;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

pub use domain::questionnaire::rounds::CONTINUOUS_ROUND;

fn round_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Round> {
    let day = |i: usize| -> rusqlite::Result<Day> {
        Day::parse(&r.get::<_, String>(i)?).ok_or_else(|| invalid(i, "not a day YYYY-MM-DD"))
    };
    Ok(Round { code: r.get(0)?, name: r.get(1)?, opens_on: day(2)?, closes_on: day(3)? })
}

/// The round open today, if any.
pub fn current(conn: &Connection) -> Result<Option<Round>, DbError> {
    let today = &now()[..10];
    Ok(conn
        .query_row(
            "SELECT code, name, opens_on, closes_on FROM rounds WHERE opens_on <= ?1 AND closes_on >= ?1 ORDER BY closes_on LIMIT 1",
            [today],
            round_row,
        )
        .optional()?)
}

/// The round with this code.
pub fn find(conn: &Connection, code: &str) -> Result<Option<Round>, DbError> {
    Ok(conn
        .query_row("SELECT code, name, opens_on, closes_on FROM rounds WHERE code = ?1", [code], round_row)
        .optional()?)
}

/// The rounds open on `day`.
pub fn open_on(conn: &Connection, day: Day) -> Result<Vec<Round>, DbError> {
    let mut stmt =
        conn.prepare("SELECT code, name, opens_on, closes_on FROM rounds WHERE opens_on <= ?1 AND closes_on >= ?1")?;
    let rows = stmt.query_map([day.to_string()], round_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Every round, the most recent first.
pub fn all(conn: &Connection) -> Result<Vec<Round>, DbError> {
    let mut stmt = conn.prepare("SELECT code, name, opens_on, closes_on FROM rounds ORDER BY opens_on DESC")?;
    let rows = stmt.query_map([], round_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Adds a round; false when its code is taken.
pub fn insert(tx: &Transaction<'_>, round: &Round) -> Result<bool, DbError> {
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO rounds (code, name, opens_on, closes_on) VALUES (?1, ?2, ?3, ?4)",
        params![round.code, round.name, round.opens_on.to_string(), round.closes_on.to_string()],
    )?;
    Ok(inserted > 0)
}
