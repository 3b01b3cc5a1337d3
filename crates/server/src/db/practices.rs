// SPDX-License-Identifier: EUPL-1.2
//! Practices and their versions: submissions, updates through the private
//! link, the public reads, and what the back office reads and changes. The
//! rules (which state follows which, what a decision makes public) are the
//! domain's; these functions carry them out.

use super::{DbError, now, practice_id_at, status_at};
use domain::community::living::Freshness;
use domain::community::reuse::{FollowUp, PracticeLink};
use domain::curation::{self, CurationAction};
use domain::record::practice::{PublicationFacts, QUESTIONNAIRE_VERSION};
use domain::record::vocabulary::ModerationStatus;
use domain::{Practice, PracticeId, PublicPractice};
use domain::{api::Answers, questionnaire::api::OwnSubmission};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::sync::LazyLock;

/// SQL, for a `practices p` row: the latest version of its answer.
pub(super) const LATEST_ANSWER: &str =
    "(SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id ORDER BY v.version DESC LIMIT 1)";

/// SQL, for a `practices p` row: how many versions it has.
pub(super) const VERSIONS: &str = "(SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id)";

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
    /// The language the respondent wrote in: the letters about the practice
    /// come in it.
    pub lang: domain::Lang,
}

impl SubmissionKeys {
    /// The keys of a practice that enters without a respondent (imported,
    /// harvested): its private link's token is one nobody holds, so it has
    /// no private link.
    pub fn without_private_link(idempotency_key: String, request_hash: String) -> Result<Self, DbError> {
        use sha2::{Digest, Sha256};
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| DbError::Io(std::io::Error::other(e.to_string())))?;
        let edit_token_hash = format!("{:x}", Sha256::digest(secret));
        Ok(Self { idempotency_key, request_hash, edit_token_hash, lang: domain::Lang::It })
    }
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
    let stored = insert_practice_in(&tx, new)?;
    if let Stored::Created(_) = stored {
        tx.commit()?;
    }
    Ok(stored)
}

/// [`insert_practice`] within the transaction `tx`: an import stores all its
/// rows in one.
pub(super) fn insert_practice_in(tx: &Transaction<'_>, new: &NewPractice) -> Result<Stored, DbError> {
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
             confirmed_at, derived_from, lang)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?9, ?10, ?11, ?7, ?12, ?13)",
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
            keys.map(|k| k.lang.tag()),
        ],
    )?;
    let row_id = tx.last_insert_rowid();
    insert_version(tx, row_id, &answer, "respondent", &now)?;
    Ok(Stored::Created(id))
}

/// Adds the next version of a practice's answer.
pub(super) fn insert_version(
    tx: &Transaction<'_>,
    row_id: i64,
    answer: &str,
    author: &str,
    now: &str,
) -> Result<i64, DbError> {
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
    let answer = serde_json::to_string(answer)?;
    let update = domain::curation::api::AuditAction::Update;
    let version = add_version(&tx, row_id, from, &answer, "respondent", update, &now())?;
    tx.commit()?;
    Ok(Some((id, version)))
}

/// Adds `answer` as the next version of the practice `row_id` (in state
/// `from`) from its referent or its source, `actor`: a published practice
/// keeps its public answer until a curator accepts the update; an
/// unpublished one shows the new version to curators; a submission the
/// editors asked changes to goes back to the queue. The history records
/// `update` (or the return to the queue). Returns the version's number.
pub(super) fn add_version(
    tx: &Transaction<'_>,
    row_id: i64,
    from: ModerationStatus,
    answer: &str,
    actor: &str,
    update: domain::curation::api::AuditAction,
    now: &str,
) -> Result<i64, DbError> {
    let version = insert_version(tx, row_id, answer, actor, now)?;
    tx.execute("UPDATE practices SET confirmed_at = ?2 WHERE id = ?1", params![row_id, now])?;
    let entry = |action, after: ModerationStatus| super::audit::Entry {
        actor,
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
        super::audit::record(
            tx,
            &entry(domain::curation::api::AuditAction::Curation(CurationAction::Resubmit), to),
            now,
        )?;
    } else {
        super::audit::record(tx, &entry(update, from), now)?;
    }
    Ok(version)
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
        .unwrap_or(domain::community::living::DEFAULT_CONFIRM_AFTER_DAYS))
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
    practice.source = super::harvest::source_of(conn, &practice.id)?;
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
