//! The SQLite database: opening, migrating, and the queries the handlers use.
//! Functions here return the database's own errors; handlers decide what the
//! client is told.

use domain::practice::{PublicationFacts, QUESTIONNAIRE_VERSION};
use domain::vocabulary::{CollectionRound, ModerationStatus};
use domain::{Practice, PracticeId, PublicPractice};
use rusqlite::{Connection, OptionalExtension, params};
use rusqlite_migration::{M, Migrations};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// What can go wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("a stored answer does not parse: {0}")]
    StoredJson(#[from] serde_json::Error),
    #[error("creating the database folder: {0}")]
    Io(#[from] std::io::Error),
    #[error("the database task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// The schema, one migration per file, applied in order on every start.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(include_str!("../migrations/0001_practices.sql"))])
}

/// A handle on the database, cheap to clone. SQLite allows one writer at a
/// time, so one connection behind a mutex is the honest model; blocking calls
/// run on tokio's blocking pool, never on the async workers.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if needed) and migrates the database file at `path`.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let mut conn = Connection::open(path)?;
        // WAL lets readers go on while a submission is written. synchronous =
        // FULL makes a committed transaction survive a power cut as well as a
        // crash: a 201 means the practice is on disk.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations().to_latest(&mut conn)?;
        Ok(Self { conn: Arc::new(Mutex::new(conn)) })
    }

    /// Runs `f` with the connection on the blocking pool.
    pub async fn call<R, F>(&self, f: F) -> Result<R, DbError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<R, DbError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave SQLite half-written
            // (transactions roll back), so a poisoned lock is safe to reuse.
            let mut conn = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut conn)
        })
        .await?
    }
}

/// The current time as RFC 3339, UTC, to the second.
pub fn now() -> String {
    let now = time::OffsetDateTime::now_utc().replace_nanosecond(0).expect("zero nanoseconds is valid");
    now.format(&time::format_description::well_known::Rfc3339).expect("a current UTC time formats")
}

/// How a new practice enters the database.
pub struct NewPractice {
    pub answer: Practice,
    pub status: ModerationStatus,
    pub demo: bool,
    pub round: CollectionRound,
}

/// Stores a practice with a fresh citable reference and returns the reference.
pub fn insert_practice(conn: &mut Connection, new: &NewPractice) -> Result<PracticeId, DbError> {
    let tx = conn.transaction()?;
    let now = now();
    let year: u16 = now[..4].parse().expect("RFC 3339 starts with the year");
    let sequence: u32 = tx.query_row(
        "INSERT INTO reference_counters (year, last) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
        [year],
        |row| row.get(0),
    )?;
    let id = PracticeId::new(year, sequence);
    let published_at = (new.status == ModerationStatus::Pubblicata).then_some(&now);
    tx.execute(
        "INSERT INTO practices (reference, moderation_status, demo, collection_round,
             questionnaire_version, answer, submitted_at, published_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)",
        params![
            id.as_str(),
            new.status.code(),
            new.demo,
            new.round.code(),
            QUESTIONNAIRE_VERSION,
            serde_json::to_string(&new.answer)?,
            now,
            published_at,
        ],
    )?;
    tx.commit()?;
    Ok(id)
}

/// True when no practice at all is stored.
pub fn is_empty(conn: &Connection) -> Result<bool, DbError> {
    Ok(conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM practices)", [], |row| row.get(0))?)
}

const PUBLIC_COLUMNS: &str =
    "reference, demo, published_at, updated_at, collection_round, questionnaire_version, answer";

fn public_practice(row: &rusqlite::Row<'_>) -> rusqlite::Result<(PublicationFacts, String)> {
    let reference: String = row.get(0)?;
    let round: String = row.get(4)?;
    let invalid = |column: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, what.to_owned().into())
    };
    let facts = PublicationFacts {
        id: PracticeId::parse(&reference).map_err(|_| invalid(0, "not a practice reference"))?,
        demo: row.get(1)?,
        published_at: row.get(2)?,
        updated_at: row.get(3)?,
        collection_round: CollectionRound::from_code(&round).ok_or_else(|| invalid(4, "unknown round"))?,
        questionnaire_version: row.get(5)?,
    };
    Ok((facts, row.get(6)?))
}

/// Every published practice, most recently published first.
pub fn published_practices(conn: &Connection) -> Result<Vec<PublicPractice>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PUBLIC_COLUMNS} FROM practices WHERE moderation_status = 'pubblicata'
         ORDER BY published_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], public_practice)?;
    rows.map(|row| {
        let (facts, answer) = row?;
        Ok(PublicPractice::new(facts, serde_json::from_str(&answer)?))
    })
    .collect()
}

/// One published practice, if there is one with this reference.
pub fn published_practice(conn: &Connection, id: &PracticeId) -> Result<Option<PublicPractice>, DbError> {
    let found = conn
        .query_row(
            &format!(
                "SELECT {PUBLIC_COLUMNS} FROM practices WHERE reference = ?1 AND moderation_status = 'pubblicata'"
            ),
            [id.as_str()],
            public_practice,
        )
        .optional()?;
    found.map(|(facts, answer)| Ok(PublicPractice::new(facts, serde_json::from_str(&answer)?))).transpose()
}

/// Answers when the database can be read.
pub fn ping(conn: &Connection) -> Result<(), DbError> {
    conn.query_row("SELECT 1", [], |_| Ok(()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().expect("every migration applies to an empty database");
    }
}
