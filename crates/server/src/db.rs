//! The SQLite database: opening, migrating, and the queries the handlers use.
//! Functions here return the database's own errors; handlers decide what the
//! client is told.

use domain::practice::{PublicationFacts, QUESTIONNAIRE_VERSION};
use domain::vocabulary::ModerationStatus;
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

/// The schema's version once every migration has run (SQLite's `user_version`).
pub const SCHEMA_VERSION: i64 = 4;

/// The schema, one migration per file, applied in order on every start.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/0001_practices.sql")),
        M::up(include_str!("../migrations/0002_submissions.sql")),
        M::up(include_str!("../migrations/0003_curation.sql")),
        M::up(include_str!("../migrations/0004_rounds.sql")),
    ])
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
    /// The collection round's code (`raccolta_continua` outside every round).
    pub round: String,
    /// For respondents' submissions: exactly-once storage and the private link.
    pub submission: Option<SubmissionKeys>,
}

/// What makes a respondent's submission idempotent and editable later.
pub struct SubmissionKeys {
    pub idempotency_key: String,
    /// SHA-256 (hex) of what was submitted under the key.
    pub request_hash: String,
    /// SHA-256 (hex) of the private link's token.
    pub edit_token_hash: String,
}

/// What became of a submission.
#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    /// Stored now, under this reference.
    Created(PracticeId),
    /// The same submission was already stored under this reference.
    Replayed(PracticeId),
    /// The idempotency key was already used for a different submission.
    KeyReused,
    /// The private link's secret already belongs to another submission.
    TokenReused,
}

/// Stores a practice with a fresh citable reference, and its first version.
/// A submission whose idempotency key is known is not stored again.
pub fn insert_practice(conn: &mut Connection, new: &NewPractice) -> Result<Stored, DbError> {
    let tx = conn.transaction()?;
    if let Some(keys) = &new.submission {
        let existing: Option<(String, String)> = tx
            .query_row(
                "SELECT reference, request_hash FROM practices WHERE idempotency_key = ?1",
                [&keys.idempotency_key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((reference, hash)) = existing {
            return Ok(if hash == keys.request_hash {
                Stored::Replayed(PracticeId::parse(&reference).map_err(|_| invalid_reference())?)
            } else {
                Stored::KeyReused
            });
        }
        let token_taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM practices WHERE edit_token_hash = ?1)",
            [&keys.edit_token_hash],
            |row| row.get(0),
        )?;
        if token_taken {
            return Ok(Stored::TokenReused);
        }
    }
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
    let answer = serde_json::to_string(&new.answer)?;
    let keys = new.submission.as_ref();
    tx.execute(
        "INSERT INTO practices (reference, moderation_status, demo, collection_round, questionnaire_version,
             answer, submitted_at, published_at, updated_at, idempotency_key, request_hash, edit_token_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?9, ?10, ?11)",
        params![
            id.as_str(),
            new.status.code(),
            new.demo,
            new.round,
            QUESTIONNAIRE_VERSION,
            answer,
            now,
            published_at,
            keys.map(|k| &k.idempotency_key),
            keys.map(|k| &k.request_hash),
            keys.map(|k| &k.edit_token_hash),
        ],
    )?;
    let practice_id = tx.last_insert_rowid();
    insert_version(&tx, practice_id, 1, &answer, "respondent", &now)?;
    tx.commit()?;
    Ok(Stored::Created(id))
}

fn invalid_reference() -> DbError {
    DbError::Sqlite(rusqlite::Error::InvalidColumnType(0, "reference".into(), rusqlite::types::Type::Text))
}

fn insert_version(
    tx: &rusqlite::Transaction<'_>,
    practice_id: i64,
    version: i64,
    answer: &str,
    author: &str,
    now: &str,
) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO practice_versions (practice_id, version, answer, questionnaire_version, author, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![practice_id, version, answer, QUESTIONNAIRE_VERSION, author, now],
    )?;
    Ok(())
}

/// A respondent's own submission, as the private link shows it.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct OwnSubmission {
    pub id: PracticeId,
    pub moderation_status: ModerationStatus,
    pub versions: i64,
    pub submitted_at: String,
    pub updated_at: String,
    /// The editors' latest message (changes requested, or a rejection's reason).
    pub curator_message: Option<String>,
    /// The latest version of the answer, private fields included.
    #[schema(value_type = domain::Practice)]
    pub answers: serde_json::Value,
}

/// The submission whose private link token hashes to `token_hash`.
pub fn own_submission(conn: &Connection, token_hash: &str) -> Result<Option<OwnSubmission>, DbError> {
    let row = conn
        .query_row(
            "SELECT p.reference, p.moderation_status, p.submitted_at, p.updated_at, p.curator_message,
                    (SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id),
                    (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id ORDER BY v.version DESC LIMIT 1)
             FROM practices p WHERE p.edit_token_hash = ?1",
            [token_hash],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, String>(6)?,
                ))
            },
        )
        .optional()?;
    let Some((reference, status, submitted_at, updated_at, curator_message, versions, answer)) = row else {
        return Ok(None);
    };
    Ok(Some(OwnSubmission {
        id: PracticeId::parse(&reference).map_err(|_| invalid_reference())?,
        moderation_status: ModerationStatus::from_code(&status).ok_or_else(invalid_reference)?,
        versions,
        submitted_at,
        updated_at,
        curator_message,
        answers: serde_json::from_str(&answer)?,
    }))
}

/// Adds a new version of the answer behind the private link; returns the
/// reference and the new version's number. A published practice keeps its
/// public answer until a curator accepts the update; an unpublished one shows
/// the latest version to curators.
pub fn update_own_submission(
    conn: &mut Connection,
    token_hash: &str,
    answer: &Practice,
) -> Result<Option<(PracticeId, i64)>, DbError> {
    let tx = conn.transaction()?;
    let found: Option<(i64, String, String)> = tx
        .query_row(
            "SELECT id, reference, moderation_status FROM practices WHERE edit_token_hash = ?1",
            [token_hash],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let Some((practice_id, reference, status)) = found else { return Ok(None) };
    let version: i64 = tx.query_row(
        "SELECT coalesce(max(version), 0) + 1 FROM practice_versions WHERE practice_id = ?1",
        [practice_id],
        |row| row.get(0),
    )?;
    let now = now();
    let answer = serde_json::to_string(answer)?;
    insert_version(&tx, practice_id, version, &answer, "respondent", &now)?;
    if status == ModerationStatus::Pubblicata.code() {
        // The published version stays public until a curator accepts the
        // update; the new version number makes a decision taken on the old
        // review stale.
        tx.execute("UPDATE practices SET version = version + 1 WHERE id = ?1", [practice_id])?;
        tx.execute(
            "INSERT INTO audit_log (at, actor, action, practice_id, before, after) VALUES (?1, 'respondent', 'update', ?2, ?3, ?3)",
            params![now, practice_id, status],
        )?;
    } else {
        tx.execute(
            "UPDATE practices SET answer = ?2, updated_at = ?3 WHERE id = ?1",
            params![practice_id, answer, now],
        )?;
    }
    // Sending the requested changes puts the submission back in the queue.
    let from = ModerationStatus::from_code(&status);
    if let Some(to) =
        from.and_then(|from| domain::curation::transition(from, domain::curation::CurationAction::Resubmit).ok())
    {
        tx.execute(
            "UPDATE practices SET moderation_status = ?2, version = version + 1 WHERE id = ?1",
            params![practice_id, to.code()],
        )?;
        tx.execute(
            "INSERT INTO audit_log (at, actor, action, practice_id, before, after) VALUES (?1, 'respondent', 'resubmit', ?2, ?3, ?4)",
            params![now, practice_id, status, to.code()],
        )?;
    }
    tx.commit()?;
    Ok(Some((PracticeId::parse(&reference).map_err(|_| invalid_reference())?, version)))
}

/// SQL, for a `practices p` row: the respondent sent an update of a
/// published practice that no curator has accepted yet (its latest version is
/// not the public answer). Curators' corrections update the public answer at
/// once, so they never leave one pending.
pub const UPDATE_PENDING: &str = "(p.moderation_status = 'pubblicata' AND
    (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id ORDER BY v.version DESC LIMIT 1) IS NOT p.answer)";

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
        collection_round: round,
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

    #[test]
    fn the_schema_version_is_the_last_migration() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, super::SCHEMA_VERSION);
    }
}

/// The code of the continuous collection, outside every defined round.
pub const CONTINUOUS_ROUND: &str = "raccolta_continua";

/// A collection round.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub code: String,
    pub name: String,
    /// First day, `YYYY-MM-DD`.
    pub opens_on: String,
    /// Last day (the deadline), `YYYY-MM-DD`.
    pub closes_on: String,
}

fn round_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Round> {
    Ok(Round { code: r.get(0)?, name: r.get(1)?, opens_on: r.get(2)?, closes_on: r.get(3)? })
}

/// The round open today, if any.
pub fn current_round(conn: &Connection) -> Result<Option<Round>, DbError> {
    let today = &now()[..10];
    Ok(conn
        .query_row(
            "SELECT code, name, opens_on, closes_on FROM rounds WHERE opens_on <= ?1 AND closes_on >= ?1 ORDER BY closes_on LIMIT 1",
            [today],
            round_row,
        )
        .optional()?)
}

/// Every round, the most recent first.
pub fn rounds(conn: &Connection) -> Result<Vec<Round>, DbError> {
    let mut stmt = conn.prepare("SELECT code, name, opens_on, closes_on FROM rounds ORDER BY opens_on DESC")?;
    let rows = stmt.query_map([], round_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}
