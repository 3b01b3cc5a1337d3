// SPDX-License-Identifier: EUPL-1.2
//! Practices and their versions: submissions, updates through the private
//! link, the public reads, and what the back office reads and changes. The
//! rules (which state follows which, what a decision makes public) are the
//! domain's; these functions carry them out.

use super::{DbError, now, practice_id_at, status_at};
use domain::api::{Answers, OwnSubmission, QueueEntry};
use domain::curation::{self, CurationAction, Effects};
use domain::fields::key;
use domain::living::Freshness;
use domain::practice::{PublicationFacts, QUESTIONNAIRE_VERSION};
use domain::reuse::{FollowUp, PracticeLink};
use domain::vocabulary::ModerationStatus;
use domain::{Practice, PracticeId, PublicPractice};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::sync::LazyLock;

/// SQL, for a `practices p` row: the latest version of its answer.
const LATEST_ANSWER: &str =
    "(SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id ORDER BY v.version DESC LIMIT 1)";

/// SQL, for a `practices p` row: how many versions it has.
const VERSIONS: &str = "(SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id)";

/// SQL, for a `practices p` row: the respondent sent an update of a
/// published practice that no curator has accepted yet (its latest version is
/// not the public answer). Curators' corrections update the public answer at
/// once, so they never leave one pending.
pub static UPDATE_PENDING: LazyLock<String> = LazyLock::new(|| {
    format!("(p.moderation_status = '{}' AND {LATEST_ANSWER} IS NOT p.answer)", ModerationStatus::Pubblicata.code())
});

/// How a new practice enters the database.
pub struct NewPractice {
    pub answer: Practice,
    pub status: ModerationStatus,
    pub demo: bool,
    /// The collection round's code (`raccolta_continua` outside every round).
    pub round: String,
    /// The published practice it started from ("Parti da questa pratica").
    pub derived_from: Option<PracticeId>,
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
        let existing: Option<(PracticeId, String)> = tx
            .query_row(
                "SELECT reference, request_hash FROM practices WHERE idempotency_key = ?1",
                [&keys.idempotency_key],
                |row| Ok((practice_id_at(row, 0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((id, hash)) = existing {
            return Ok(if hash == keys.request_hash { Stored::Replayed(id) } else { Stored::KeyReused });
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
             answer, submitted_at, published_at, updated_at, idempotency_key, request_hash, edit_token_hash,
             confirmed_at, derived_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?9, ?10, ?11, ?7, ?12)",
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
            new.derived_from.as_ref().map(PracticeId::as_str),
        ],
    )?;
    let row_id = tx.last_insert_rowid();
    insert_version(&tx, row_id, &answer, "respondent", &now)?;
    tx.commit()?;
    Ok(Stored::Created(id))
}

/// Adds the next version of a practice's answer.
fn insert_version(tx: &Transaction<'_>, row_id: i64, answer: &str, author: &str, now: &str) -> Result<i64, DbError> {
    Ok(tx.query_row(
        "INSERT INTO practice_versions (practice_id, version, answer, questionnaire_version, author, created_at)
         SELECT ?1, coalesce(max(version), 0) + 1, ?2, ?3, ?4, ?5 FROM practice_versions WHERE practice_id = ?1
         RETURNING version",
        params![row_id, answer, QUESTIONNAIRE_VERSION, author, now],
        |r| r.get(0),
    )?)
}

/// The submission whose private link token hashes to `token_hash`.
pub fn own_submission(conn: &Connection, token_hash: &str) -> Result<Option<OwnSubmission>, DbError> {
    let row = conn
        .query_row(
            &format!(
                "SELECT p.reference, p.moderation_status, p.submitted_at, p.updated_at, p.curator_message,
                        {VERSIONS}, {LATEST_ANSWER}, coalesce(p.confirmed_at, p.submitted_at)
                 FROM practices p WHERE p.edit_token_hash = ?1"
            ),
            [token_hash],
            |row| {
                let submission = OwnSubmission {
                    id: practice_id_at(row, 0)?,
                    moderation_status: status_at(row, 1)?,
                    submitted_at: row.get(2)?,
                    updated_at: row.get(3)?,
                    curator_message: row.get(4)?,
                    versions: row.get(5)?,
                    answers: Answers::new(),
                    confirmed_at: row.get(7)?,
                    freshness: Freshness::Current,
                };
                Ok((submission, row.get::<_, String>(6)?))
            },
        )
        .optional()?;
    let Some((mut submission, answer)) = row else { return Ok(None) };
    submission.answers = serde_json::from_str(&answer)?;
    if submission.moderation_status == ModerationStatus::Pubblicata {
        submission.freshness = Freshness::of(&submission.confirmed_at, &now(), confirm_after_days(conn)?);
    }
    Ok(Some(submission))
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
    let found: Option<(i64, PracticeId, ModerationStatus)> = tx
        .query_row(
            "SELECT id, reference, moderation_status FROM practices WHERE edit_token_hash = ?1",
            [token_hash],
            |row| Ok((row.get(0)?, practice_id_at(row, 1)?, status_at(row, 2)?)),
        )
        .optional()?;
    let Some((row_id, id, from)) = found else { return Ok(None) };
    let now = now();
    let answer = serde_json::to_string(answer)?;
    let version = insert_version(&tx, row_id, &answer, "respondent", &now)?;
    tx.execute("UPDATE practices SET confirmed_at = ?2 WHERE id = ?1", params![row_id, now])?;
    let entry = |action, after: ModerationStatus| super::audit::Entry {
        actor: "respondent",
        action,
        practice: Some(row_id),
        before: Some(from.code()),
        after: Some(after.code()),
        message: None,
    };
    if from == ModerationStatus::Pubblicata {
        // The published version stays public until a curator accepts the
        // update; the new version number makes a decision taken on the old
        // review stale.
        tx.execute("UPDATE practices SET version = version + 1 WHERE id = ?1", [row_id])?;
    } else {
        tx.execute("UPDATE practices SET answer = ?2, updated_at = ?3 WHERE id = ?1", params![row_id, answer, now])?;
    }
    // Sending the requested changes puts the submission back in the queue;
    // any other update stays in its state and is in the history as such.
    if let Ok(to) = curation::transition(from, CurationAction::Resubmit) {
        tx.execute(
            "UPDATE practices SET moderation_status = ?2, version = version + 1 WHERE id = ?1",
            params![row_id, to.code()],
        )?;
        super::audit::record(&tx, &entry(domain::api::AuditAction::Curation(CurationAction::Resubmit), to), &now)?;
    } else {
        super::audit::record(&tx, &entry(domain::api::AuditAction::Update, from), &now)?;
    }
    tx.commit()?;
    Ok(Some((id, version)))
}

/// True when no practice at all is stored.
pub fn is_empty(conn: &Connection) -> Result<bool, DbError> {
    Ok(conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM practices)", [], |row| row.get(0))?)
}

const PUBLIC_COLUMNS: &str = "reference, demo, published_at, updated_at, collection_round, questionnaire_version, \
                              answer, coalesce(confirmed_at, submitted_at), derived_from";

fn public_practice(row: &rusqlite::Row<'_>) -> rusqlite::Result<(PublicationFacts, String)> {
    let facts = PublicationFacts {
        id: practice_id_at(row, 0)?,
        demo: row.get(1)?,
        published_at: row.get(2)?,
        updated_at: row.get(3)?,
        collection_round: row.get(4)?,
        questionnaire_version: row.get(5)?,
        confirmed_at: row.get(7)?,
        derived_from: row.get::<_, Option<String>>(8)?.map(|_| practice_id_at(row, 8)).transpose()?,
    };
    Ok((facts, row.get(6)?))
}

/// The setting that holds `BP_CONFIRM_AFTER_DAYS`, written at start-up, so
/// the static publication and the server read the same rule.
pub const CONFIRM_AFTER_DAYS: &str = "confirm_after_days";

/// After how many days a respondent is asked to confirm (the setting, or the default).
pub fn confirm_after_days(conn: &Connection) -> Result<u32, DbError> {
    Ok(super::setting(conn, CONFIRM_AFTER_DAYS)?
        .and_then(|days| days.parse().ok())
        .unwrap_or(domain::living::DEFAULT_CONFIRM_AFTER_DAYS))
}

/// Another published practice as a link, if `reference` is one.
fn published_link(conn: &Connection, sql_where: &str, reference: &str) -> Result<Vec<PracticeLink>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT reference, answer ->> '$.title', answer ->> '$.entity_name' FROM practices
         WHERE {sql_where} = ?1 AND moderation_status = ?2 ORDER BY published_at, id"
    ))?;
    let rows = stmt.query_map([reference, ModerationStatus::Pubblicata.code()], |r| {
        Ok(PracticeLink { id: practice_id_at(r, 0)?, title: r.get(1)?, entity_name: r.get(2)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A published practice with what happened since: its accepted adoptions,
/// the published practice it derives from and those derived from it, and
/// whether it is "da aggiornare" at `now`.
fn with_follow_up(
    conn: &Connection,
    facts: PublicationFacts,
    answer: &str,
    now: &str,
    after_days: u32,
) -> Result<PublicPractice, DbError> {
    let mut practice = PublicPractice::new(facts, serde_json::from_str(answer)?);
    let id = practice.id.as_str().to_owned();
    practice.follow_up = FollowUp {
        stale: Freshness::of(&practice.confirmed_at, now, after_days) == Freshness::Stale,
        adopted_by: super::adoptions::published_of(conn, &practice.id)?,
        derived_from: match &practice.derived_from {
            Some(origin) => published_link(conn, "reference", origin.as_str())?.pop(),
            None => None,
        },
        inspired: published_link(conn, "derived_from", &id)?,
    };
    Ok(practice)
}

/// Every published practice, most recently published first.
pub fn published_practices(conn: &Connection) -> Result<Vec<PublicPractice>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PUBLIC_COLUMNS} FROM practices WHERE moderation_status = ?1 ORDER BY published_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([ModerationStatus::Pubblicata.code()], public_practice)?;
    let (now, after_days) = (now(), confirm_after_days(conn)?);
    rows.map(|row| {
        let (facts, answer) = row?;
        with_follow_up(conn, facts, &answer, &now, after_days)
    })
    .collect()
}

/// One published practice, if there is one with this reference.
pub fn published_practice(conn: &Connection, id: &PracticeId) -> Result<Option<PublicPractice>, DbError> {
    let found = conn
        .query_row(
            &format!("SELECT {PUBLIC_COLUMNS} FROM practices WHERE reference = ?1 AND moderation_status = ?2"),
            [id.as_str(), ModerationStatus::Pubblicata.code()],
            public_practice,
        )
        .optional()?;
    let (now, after_days) = (now(), confirm_after_days(conn)?);
    found.map(|(facts, answer)| with_follow_up(conn, facts, &answer, &now, after_days)).transpose()
}

/// Every submission as the editors' queue lists it, oldest first.
pub fn queue(conn: &Connection) -> Result<Vec<QueueEntry>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.reference, p.answer ->> '$.title', p.answer ->> '$.entity_name', p.moderation_status, p.demo,
                p.submitted_at, p.updated_at, p.version, {}, coalesce(p.confirmed_at, p.submitted_at)
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
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
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
}

/// The submission with this reference, for review.
pub fn review(conn: &Connection, id: &PracticeId) -> Result<Option<ReviewRow>, DbError> {
    let found = conn
        .query_row(
            &format!(
                "SELECT p.id, p.moderation_status, p.version, p.demo, p.submitted_at, p.updated_at, p.published_at,
                        p.curator_message, {LATEST_ANSWER}, {VERSIONS}, {}, p.answer,
                        (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id
                         ORDER BY v.version DESC LIMIT 1 OFFSET 1)
                 FROM practices p WHERE p.reference = ?1",
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
pub fn respondent_of(tx: &Transaction<'_>, row_id: i64) -> Result<(String, String), DbError> {
    let sql = format!(
        "SELECT json_extract(a.answer, '$.contact_email'), json_extract(a.answer, '$.title')
         FROM (SELECT {LATEST_ANSWER} AS answer FROM practices p WHERE p.id = ?1) a"
    );
    Ok(tx.query_row(&sql, [row_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
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
}

/// The referent of the published practice `id`, if it is published.
pub fn referent(conn: &Connection, id: &PracticeId) -> Result<Option<Referent>, DbError> {
    let sql = format!(
        "SELECT json_extract({LATEST_ANSWER}, '$.contact_email'), json_extract(p.answer, '$.title'),
                coalesce(json_extract(p.answer, '$.no_contact_requests'), 0)
         FROM practices p WHERE p.reference = ?1 AND p.moderation_status = ?2"
    );
    let row = |r: &rusqlite::Row<'_>| Ok(Referent { email: r.get(0)?, title: r.get(1)?, declines: r.get(2)? });
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

/// What became of a respondent's confirmation.
#[derive(Debug, PartialEq, Eq)]
pub enum Confirming {
    /// Confirmed (or marked concluded) now, at this time.
    Done(String),
    /// No practice has this private link (or the mailed link was used).
    NoLink,
    /// Only a published practice is confirmed.
    NotPublished,
    /// An update waits for the editors: concluding now would hide it.
    UpdatePending,
    /// The end month does not fit the practice (before its start).
    Invalid(domain::FieldErrors),
}

/// Who confirms a practice: the holder of its private link, or of the
/// confirmation link mailed for one period (valid while "confermata il" is
/// still the one it was mailed for, so it works once).
pub enum Confirmer<'a> {
    /// The hash of the private link.
    PrivateLink(&'a str),
    /// The mailed link's practice and the "confermata il" it was sent for.
    Mailed { practice: &'a PracticeId, confirmed_at: &'a str },
}

/// The respondent confirms that the published description is current, or
/// marks the practice concluded: the public answer gets `status = conclusa`
/// and the end month at once, as a new version (a narrow, factual change the
/// editors see in the history). Either way "confermata il" becomes now.
pub fn confirm(
    conn: &mut Connection,
    confirmer: &Confirmer<'_>,
    confirmation: &domain::living::Confirmation,
) -> Result<Confirming, DbError> {
    use domain::living::Confirmation;
    let tx = conn.transaction()?;
    let select = format!("SELECT p.id, p.moderation_status, p.answer, {} FROM practices p", *UPDATE_PENDING);
    let row = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, status_at(r, 1)?, r.get(2)?, r.get(3)?));
    let found: Option<(i64, ModerationStatus, String, bool)> = match confirmer {
        Confirmer::PrivateLink(hash) => {
            tx.query_row(&format!("{select} WHERE p.edit_token_hash = ?1"), [hash], row).optional()?
        }
        Confirmer::Mailed { practice, confirmed_at } => tx
            .query_row(
                &format!("{select} WHERE p.reference = ?1 AND coalesce(p.confirmed_at, p.submitted_at) = ?2"),
                [practice.as_str(), confirmed_at],
                row,
            )
            .optional()?,
    };
    let Some((row_id, status, answer, update_pending)) = found else { return Ok(Confirming::NoLink) };
    if status != ModerationStatus::Pubblicata {
        return Ok(Confirming::NotPublished);
    }
    let now = now();
    let action = match confirmation {
        Confirmation::Current => domain::api::AuditAction::Confirm,
        Confirmation::Concluded { end_date } => {
            if update_pending {
                return Ok(Confirming::UpdatePending);
            }
            let mut answers: domain::api::Answers = serde_json::from_str(&answer)?;
            answers.insert(key::STATUS.into(), domain::vocabulary::PracticeStatus::Conclusa.code().into());
            answers.insert(key::END_DATE.into(), end_date.trim().into());
            let concluded = match domain::questionnaire::QUESTIONNAIRE.accept(answers, Some(domain::comuni::shipped()))
            {
                Ok(practice) => serde_json::to_string(&practice)?,
                Err(errors) => return Ok(Confirming::Invalid(errors)),
            };
            insert_version(&tx, row_id, &concluded, "respondent", &now)?;
            tx.execute(
                "UPDATE practices SET answer = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
                params![row_id, concluded, now],
            )?;
            domain::api::AuditAction::Conclude
        }
    };
    tx.execute("UPDATE practices SET confirmed_at = ?2 WHERE id = ?1", params![row_id, now])?;
    let entry = super::audit::Entry {
        actor: "respondent",
        action,
        practice: Some(row_id),
        before: Some(status.code()),
        after: Some(status.code()),
        message: None,
    };
    super::audit::record(&tx, &entry, &now)?;
    tx.commit()?;
    Ok(Confirming::Done(now))
}

/// True when `id` is a published practice: a submission may start from it.
pub fn is_published(conn: &Connection, id: &PracticeId) -> Result<bool, DbError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM practices WHERE reference = ?1 AND moderation_status = ?2)",
        [id.as_str(), ModerationStatus::Pubblicata.code()],
        |r| r.get(0),
    )?)
}

/// A published practice whose respondent is due to confirm it.
pub struct DueConfirmation {
    pub id: PracticeId,
    pub title: String,
    pub contact_email: String,
    /// "Confermata il" (RFC 3339): names the request, so each period asks once.
    pub confirmed_at: String,
}

/// The published practices due for confirmation at `now`.
pub fn due_confirmations(conn: &Connection, now: &str) -> Result<Vec<DueConfirmation>, DbError> {
    let after_days = confirm_after_days(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.reference, p.answer ->> '$.title', json_extract({LATEST_ANSWER}, '$.contact_email'),
                coalesce(p.confirmed_at, p.submitted_at)
         FROM practices p WHERE p.moderation_status = ?1 AND p.demo = 0"
    ))?;
    let rows = stmt.query_map([ModerationStatus::Pubblicata.code()], |r| {
        Ok(DueConfirmation {
            id: practice_id_at(r, 0)?,
            title: r.get(1)?,
            contact_email: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            confirmed_at: r.get(3)?,
        })
    })?;
    let mut due = Vec::new();
    for row in rows {
        let row = row?;
        if Freshness::of(&row.confirmed_at, now, after_days).is_due() && !row.contact_email.is_empty() {
            due.push(row);
        }
    }
    Ok(due)
}
