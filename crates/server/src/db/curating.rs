// SPDX-License-Identifier: EUPL-1.2
//! What the back office reads and changes of a practice: the queue, a
//! review, decisions and corrections, the referent, the curators' export.

use super::practices::{LATEST_ANSWER, UPDATE_PENDING, VERSIONS, confirm_after_days, insert_version};
use super::{DbError, lang_at, now, practice_id_at, status_at};
use domain::api::Answers;
use domain::community::living::Freshness;
use domain::curation::Effects;
use domain::curation::api::QueueEntry;
use domain::record::vocabulary::ModerationStatus;
use domain::{Lang, Practice, PracticeId};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Every submission as the editors' queue lists it, oldest first.
pub fn queue(conn: &Connection) -> Result<Vec<QueueEntry>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.reference, p.answer ->> '$.title', p.answer ->> '$.entity_name', p.moderation_status, p.demo,
                p.submitted_at, p.updated_at, p.version, {}, coalesce(p.confirmed_at, p.submitted_at),
                p.import_batch IS NOT NULL,
                (SELECT s.name FROM harvested h JOIN harvest_sources s ON s.id = h.source_id WHERE h.practice_id = p.id)
         FROM practices p ORDER BY p.submitted_at, p.id",
        *UPDATE_PENDING
    ))?;
    let (now, after_days) = (now(), confirm_after_days(conn)?);
    let rows = stmt.query_map([], |r| {
        let status = status_at(r, 3)?;
        let confirmed_at: String = r.get(9)?;
        Ok(QueueEntry {
            id: practice_id_at(r, 0)?,
            title: r.get(1)?,
            entity_name: r.get(2)?,
            moderation_status: status,
            demo: r.get(4)?,
            submitted_at: r.get(5)?,
            updated_at: r.get(6)?,
            version: r.get(7)?,
            update_pending: r.get(8)?,
            stale: status == ModerationStatus::Pubblicata
                && Freshness::of(&confirmed_at, &now, after_days) == Freshness::Stale,
            imported: r.get(10)?,
            harvested_from: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// How many submissions wait for the editors (new ones, and published
/// practices with an update to review): the daily digest's and the
/// metrics' count.
pub fn awaiting_curators(conn: &Connection) -> Result<usize, DbError> {
    let queue = queue(conn)?;
    Ok(queue.iter().filter(|e| domain::curation::awaits_curators(e.moderation_status, e.update_pending)).count())
}

/// A submission as the editors review it, every field.
pub struct ReviewRow {
    pub row_id: i64,
    pub moderation_status: ModerationStatus,
    pub version: i64,
    pub demo: bool,
    pub submitted_at: String,
    pub updated_at: String,
    pub published_at: Option<String>,
    pub curator_message: Option<String>,
    /// The latest version of the answer.
    pub latest: Answers,
    /// What changes are compared with: the public answer for a pending
    /// update, otherwise the version before the latest.
    pub baseline: Option<Answers>,
    pub versions: i64,
    pub update_pending: bool,
    pub imported_from: Option<domain::curation::api::Provenance>,
}

/// The submission with this reference, for review.
pub fn review(conn: &Connection, id: &PracticeId) -> Result<Option<ReviewRow>, DbError> {
    let found = conn
        .query_row(
            &format!(
                "SELECT p.id, p.moderation_status, p.version, p.demo, p.submitted_at, p.updated_at, p.published_at,
                        p.curator_message, {LATEST_ANSWER}, {VERSIONS}, {}, p.answer,
                        (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id
                         ORDER BY v.version DESC LIMIT 1 OFFSET 1),
                        b.file_name, p.import_row, p.import_submitted, b.headers, b.mapping
                 FROM practices p LEFT JOIN import_batches b ON b.id = p.import_batch WHERE p.reference = ?1",
                *UPDATE_PENDING
            ),
            [id.as_str()],
            |r| {
                let update_pending: bool = r.get(10)?;
                let baseline: Option<String> = if update_pending { r.get(11)? } else { r.get(12)? };
                Ok((
                    ReviewRow {
                        row_id: r.get(0)?,
                        moderation_status: status_at(r, 1)?,
                        version: r.get(2)?,
                        demo: r.get(3)?,
                        submitted_at: r.get(4)?,
                        updated_at: r.get(5)?,
                        published_at: r.get(6)?,
                        curator_message: r.get(7)?,
                        latest: Answers::new(),
                        baseline: None,
                        versions: r.get(9)?,
                        update_pending,
                        imported_from: match r.get::<_, Option<String>>(13)? {
                            Some(file_name) => Some(domain::curation::api::Provenance {
                                file_name,
                                row: r.get(14)?,
                                submitted: r.get(15)?,
                                columns: super::imports::columns_used(
                                    r.get::<_, Option<String>>(16)?.as_deref(),
                                    &r.get::<_, String>(17)?,
                                ),
                            }),
                            None => None,
                        },
                    },
                    r.get::<_, String>(8)?,
                    baseline,
                ))
            },
        )
        .optional()?;
    let Some((mut row, latest, baseline)) = found else { return Ok(None) };
    row.latest = serde_json::from_str(&latest)?;
    row.baseline = baseline.as_deref().map(serde_json::from_str).transpose()?;
    Ok(Some(row))
}

/// Every other submission's reference, body and title (for duplicates).
pub fn titles_except(conn: &Connection, id: &PracticeId) -> Result<Vec<(PracticeId, String, String)>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT reference, answer ->> '$.entity_name', answer ->> '$.title' FROM practices WHERE reference != ?1",
    )?;
    let rows = stmt.query_map([id.as_str()], |r| Ok((practice_id_at(r, 0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// A submission's state, read inside the transaction that will change it.
pub struct PracticeState {
    pub row_id: i64,
    pub status: ModerationStatus,
    pub version: i64,
    pub update_pending: bool,
}

/// The state of the submission with this reference.
pub fn state(tx: &Transaction<'_>, id: &PracticeId) -> Result<Option<PracticeState>, DbError> {
    let state = |r: &rusqlite::Row<'_>| {
        Ok(PracticeState { row_id: r.get(0)?, status: status_at(r, 1)?, version: r.get(2)?, update_pending: r.get(3)? })
    };
    let sql = format!(
        "SELECT p.id, p.moderation_status, p.version, {} FROM practices p WHERE p.reference = ?1",
        *UPDATE_PENDING
    );
    Ok(tx.query_row(&sql, [id.as_str()], state).optional()?)
}

/// The latest version's contact e-mail and title of the practice `row_id`:
/// where and about what the respondent is written to.
pub fn respondent_of(tx: &Transaction<'_>, row_id: i64) -> Result<(String, String, Option<Lang>), DbError> {
    let sql = format!(
        "SELECT json_extract(a.answer, '$.contact_email'), json_extract(a.answer, '$.title'), a.lang
         FROM (SELECT {LATEST_ANSWER} AS answer, p.lang FROM practices p WHERE p.id = ?1) a"
    );
    Ok(tx.query_row(&sql, [row_id], |r| Ok((r.get(0)?, r.get(1)?, lang_at(r, 2)?)))?)
}

/// The reference, title and contact e-mail of the practice behind a private
/// link (its hash), if any.
pub fn respondent_by_link(
    conn: &Connection,
    token_hash: &str,
) -> Result<Option<(PracticeId, String, String)>, DbError> {
    let sql = format!(
        "SELECT p.reference, json_extract({LATEST_ANSWER}, '$.title'), json_extract({LATEST_ANSWER}, '$.contact_email')
         FROM practices p WHERE p.edit_token_hash = ?1"
    );
    let row = |r: &rusqlite::Row<'_>| Ok((practice_id_at(r, 0)?, r.get(1)?, r.get(2)?));
    Ok(conn.query_row(&sql, [token_hash], row).optional()?)
}

/// A published practice's referent, as "Contatta il referente" needs them.
#[derive(Clone, Debug)]
pub struct Referent {
    /// The private contact e-mail (of the latest version).
    pub email: String,
    /// The public title.
    pub title: String,
    /// The respondent turned contact requests off.
    pub declines: bool,
    /// The language the respondent wrote in, when known.
    pub lang: Option<Lang>,
}

/// The referent of the published practice `id`, if it is published.
pub fn referent(conn: &Connection, id: &PracticeId) -> Result<Option<Referent>, DbError> {
    let sql = format!(
        "SELECT json_extract({LATEST_ANSWER}, '$.contact_email'), json_extract(p.answer, '$.title'),
                coalesce(json_extract(p.answer, '$.no_contact_requests'), 0), p.lang
         FROM practices p WHERE p.reference = ?1 AND p.moderation_status = ?2"
    );
    let row = |r: &rusqlite::Row<'_>| {
        Ok(Referent { email: r.get(0)?, title: r.get(1)?, declines: r.get(2)?, lang: lang_at(r, 3)? })
    };
    Ok(conn.query_row(&sql, params![id.as_str(), ModerationStatus::Pubblicata.code()], row).optional()?)
}

/// Carries out a decision the domain allowed: the new state, a new version
/// number, the message for the respondent if any, and its effects.
pub fn apply_decision(
    tx: &Transaction<'_>,
    row_id: i64,
    to: ModerationStatus,
    effects: Effects,
    message: Option<&str>,
    now: &str,
) -> Result<(), DbError> {
    tx.execute(
        "UPDATE practices SET moderation_status = ?2, version = version + 1, updated_at = ?3,
             curator_message = coalesce(?4, curator_message)
         WHERE id = ?1",
        params![row_id, to.code(), now, message],
    )?;
    if effects.make_latest_public {
        tx.execute(
            &format!(
                "UPDATE practices AS p SET answer = {LATEST_ANSWER}, published_at = coalesce(published_at, ?2)
                 WHERE p.id = ?1"
            ),
            params![row_id, now],
        )?;
    }
    Ok(())
}

/// Stores a curator's correction as a new version; it is the answer shown
/// at once (to the public too, when published).
pub fn apply_correction(
    tx: &Transaction<'_>,
    row_id: i64,
    answer: &Practice,
    author: &str,
    now: &str,
) -> Result<(), DbError> {
    let answer = serde_json::to_string(answer)?;
    insert_version(tx, row_id, &answer, author, now)?;
    tx.execute(
        "UPDATE practices SET answer = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
        params![row_id, answer, now],
    )?;
    Ok(())
}

/// The system columns of the curators' export, in order.
pub const CURATOR_SYSTEM_COLUMNS: [&str; 11] = [
    "id",
    "moderation_status",
    "demo",
    "collection_round",
    "questionnaire_version",
    "submitted_at",
    "updated_at",
    "published_at",
    "version",
    "versions",
    "curator_message",
];

/// Every submission, every field (private ones included), latest version,
/// with the system columns: the rows of the curators' export.
pub fn every_submission(conn: &Connection) -> Result<Vec<Answers>, DbError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT p.reference, p.moderation_status, p.demo, p.collection_round, p.questionnaire_version, p.submitted_at,
                p.updated_at, p.published_at, p.version, {VERSIONS}, p.curator_message, {LATEST_ANSWER}
         FROM practices p ORDER BY p.id"
    ))?;
    let rows = stmt.query_map([], |r| {
        let mut row: Answers =
            r.get::<_, Option<String>>(11)?.and_then(|a| serde_json::from_str(&a).ok()).unwrap_or_default();
        for (i, key) in CURATOR_SYSTEM_COLUMNS.iter().enumerate() {
            let value = match r.get_ref(i)? {
                rusqlite::types::ValueRef::Integer(n) if *key == "demo" => serde_json::Value::Bool(n != 0),
                rusqlite::types::ValueRef::Integer(n) => n.into(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                _ => serde_json::Value::Null,
            };
            row.insert((*key).to_owned(), value);
        }
        Ok(row)
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}
