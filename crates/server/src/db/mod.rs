// SPDX-License-Identifier: EUPL-1.2
//! The SQLite database: opening and migrating it, one writer and a pool of
//! read-only connections, and the queries the handlers use, one module per
//! table family. Functions here return the database's own errors; handlers
//! decide what the client is told.

pub mod accounts;
pub mod adoptions;
pub mod audit;
pub mod curating;
pub mod harvest;
pub mod import_drafts;
pub mod imports;
pub mod invitations;
pub mod living;
pub mod outbox;
pub mod practices;
pub mod ratings;
pub mod reports;
pub mod rounds;
pub mod subscriptions;

pub use curating::*;
pub use living::*;
pub use practices::*;
pub use rounds::CONTINUOUS_ROUND;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
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
    #[error("no read connection: {0}")]
    Pool(#[from] r2d2::Error),
    #[error(
        "the database at {path} has schema version {found}, made by a newer release of Buone pratiche; this \
         server knows versions up to {SCHEMA_VERSION} and cannot use it. Install the release that made it (or a \
         newer one), or restore a backup made by this release with `server restore FILE` (a copy written before \
         an upgrade sits beside the database: *.before-schema-*.sqlite)"
    )]
    TooNew { path: String, found: i64 },
}

/// The schema's version once every migration has run (SQLite's `user_version`).
pub const SCHEMA_VERSION: i64 = 16;

/// The schema, one migration per file, applied in order on every start.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/0001_practices.sql")),
        M::up(include_str!("../../migrations/0002_submissions.sql")),
        M::up(include_str!("../../migrations/0003_curation.sql")),
        M::up(include_str!("../../migrations/0004_rounds.sql")),
        M::up(include_str!("../../migrations/0005_settings.sql")),
        M::up(include_str!("../../migrations/0006_accessibility_reports.sql")),
        M::up(include_str!("../../migrations/0007_service_ratings.sql")),
        M::up(include_str!("../../migrations/0008_outbox.sql")),
        M::up(include_str!("../../migrations/0009_subscriptions.sql")),
        M::up(include_str!("../../migrations/0010_reuse.sql")),
        M::up(include_str!("../../migrations/0011_invitations.sql")),
        M::up(include_str!("../../migrations/0012_adoption_comune.sql")),
        M::up(include_str!("../../migrations/0013_languages.sql")),
        M::up(include_str!("../../migrations/0014_imports.sql")),
        M::up(include_str!("../../migrations/0015_harvest.sql")),
        M::up(include_str!("../../migrations/0016_import_drafts.sql")),
    ])
}

/// How many read-only connections serve readers at once: one per core (at
/// least two, at most eight). Reads are CPU work; more connections than
/// cores only take turns.
fn readers() -> u32 {
    std::thread::available_parallelism().map_or(2, |n| u32::try_from(n.get()).unwrap_or(8).clamp(2, 8))
}

/// A handle on the database, cheap to clone. SQLite allows one writer at a
/// time: one connection behind a mutex writes; a small pool of read-only
/// connections serves every read beside it (WAL lets them see the last
/// committed state while a write is in progress). Both run on tokio's
/// blocking pool, never on the async workers.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: r2d2::Pool<r2d2_sqlite::SqliteConnectionManager>,
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
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(DbError::TooNew { path: path.display().to_string(), found });
        }
        if found > 0 && found < SCHEMA_VERSION {
            let copy = crate::backup::before_upgrade(&conn, path, found)?;
            tracing::info!(from = found, to = SCHEMA_VERSION, copy = %copy.display(), "upgrading the database's schema; copied it first");
        }
        migrations().to_latest(&mut conn)?;
        let manager = r2d2_sqlite::SqliteConnectionManager::file(path)
            .with_flags(OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI)
            .with_init(|conn| conn.busy_timeout(std::time::Duration::from_secs(5)));
        // A file connection does not go stale: no health check on every checkout.
        let readers =
            r2d2::Pool::builder().max_size(readers()).min_idle(Some(1)).test_on_check_out(false).build(manager)?;
        Ok(Self { writer: Arc::new(Mutex::new(conn)), readers })
    }

    /// Runs `f` with the writing connection on the blocking pool: for every
    /// change (and reads that must sit in the same transaction as one).
    pub async fn call<R, F>(&self, f: F) -> Result<R, DbError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<R, DbError> + Send + 'static,
    {
        let conn = Arc::clone(&self.writer);
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave SQLite half-written
            // (transactions roll back), so a poisoned lock is safe to reuse.
            let mut conn = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut conn)
        })
        .await?
    }

    /// Runs `f` with the writing connection in this thread: for start-up
    /// work, before the server serves anything.
    pub fn call_now<R>(&self, f: impl FnOnce(&mut Connection) -> Result<R, DbError>) -> Result<R, DbError> {
        let mut conn = self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut conn)
    }

    /// Runs `f` with a read-only connection on the blocking pool: it never
    /// waits for a write to finish, and cannot change anything.
    pub async fn read<R, F>(&self, f: F) -> Result<R, DbError>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R, DbError> + Send + 'static,
    {
        let readers = self.readers.clone();
        tokio::task::spawn_blocking(move || f(&*readers.get()?)).await?
    }
}

/// The current time as RFC 3339, UTC, to the second.
pub fn now() -> String {
    rfc3339(time::OffsetDateTime::now_utc())
}

/// `at` as the database keeps times: RFC 3339, UTC, whole seconds.
pub fn rfc3339(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC).replace_nanosecond(0).expect("zero nanoseconds is valid");
    at.format(&time::format_description::well_known::Rfc3339).expect("a UTC time formats")
}

/// Answers when the database can be read.
pub fn ping(conn: &Connection) -> Result<(), DbError> {
    conn.query_row("SELECT 1", [], |_| Ok(()))?;
    Ok(())
}

/// A secret kept across restarts under `name`, made with `make` the first time.
pub fn setting_or_insert(conn: &Connection, name: &str, make: impl FnOnce() -> String) -> Result<String, DbError> {
    if let Some(value) = setting(conn, name)? {
        return Ok(value);
    }
    let value = make();
    conn.execute("INSERT OR IGNORE INTO settings (name, value) VALUES (?1, ?2)", [name, &value])?;
    // Another process may have won the race: read back what is stored.
    Ok(conn.query_row("SELECT value FROM settings WHERE name = ?1", [name], |r| r.get(0))?)
}

/// The setting `name`, if stored.
pub fn setting(conn: &Connection, name: &str) -> Result<Option<String>, DbError> {
    Ok(conn.query_row("SELECT value FROM settings WHERE name = ?1", [name], |r| r.get(0)).optional()?)
}

/// Stores the setting `name`, replacing its value.
pub fn set_setting(conn: &Connection, name: &str, value: &str) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, value],
    )?;
    Ok(())
}

/// A stored text column that does not parse into its type.
pub(crate) fn invalid(column: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, what.to_owned().into())
}

/// Column `i` of a row, a practice's reference.
pub(crate) fn practice_id_at(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<domain::PracticeId> {
    domain::PracticeId::parse(&row.get::<_, String>(i)?).map_err(|_| invalid(i, "not a practice reference"))
}

/// Column `i` of a row, a language's tag, if one was stored (and is known).
pub(crate) fn lang_at(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<domain::Lang>> {
    Ok(row.get::<_, Option<String>>(i)?.as_deref().and_then(domain::Lang::from_tag))
}

/// Column `i` of a row, a moderation state's code.
pub(crate) fn status_at(
    row: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<domain::record::vocabulary::ModerationStatus> {
    domain::record::vocabulary::ModerationStatus::from_code(&row.get::<_, String>(i)?)
        .ok_or_else(|| invalid(i, "not a moderation state"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().expect("every migration applies to an empty database");
    }

    #[test]
    fn the_schema_version_is_the_last_migration() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, super::SCHEMA_VERSION);
    }

    #[test]
    fn readers_cannot_write_and_see_what_the_writer_committed() {
        let dir = tempfile::tempdir().unwrap();
        let db = super::Db::open(&dir.path().join("t.sqlite")).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            db.call(|conn| Ok(conn.execute("INSERT INTO settings (name, value) VALUES ('a', 'b')", [])?))
                .await
                .unwrap();
            let read = db.read(|conn| Ok(conn.query_row("SELECT value FROM settings", [], |r| r.get::<_, String>(0))?));
            assert_eq!(read.await.unwrap(), "b");
            let write = db.read(|conn| Ok(conn.execute("DELETE FROM settings", [])?)).await;
            assert!(write.is_err(), "a read connection refuses to write");
        });
    }
}
