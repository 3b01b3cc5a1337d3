// SPDX-License-Identifier: EUPL-1.2
//! A published practice kept current: the respondent's confirmation ("È
//! ancora attuale?") and the practices due for one.

use super::practices::{LATEST_ANSWER, UPDATE_PENDING, confirm_after_days, insert_version};
use super::{DbError, now, practice_id_at, status_at};
use domain::PracticeId;
use domain::community::living::Freshness;
use domain::record::fields::key;
use domain::record::vocabulary::ModerationStatus;
use rusqlite::{Connection, OptionalExtension, params};

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
    confirmation: &domain::community::living::Confirmation,
) -> Result<Confirming, DbError> {
    use domain::community::living::Confirmation;
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
        Confirmation::Current => domain::curation::api::AuditAction::Confirm,
        Confirmation::Concluded { end_date } => {
            if update_pending {
                return Ok(Confirming::UpdatePending);
            }
            let mut answers: domain::api::Answers = serde_json::from_str(&answer)?;
            answers.insert(key::STATUS.into(), domain::record::vocabulary::PracticeStatus::Conclusa.code().into());
            answers.insert(key::END_DATE.into(), end_date.trim().into());
            let concluded =
                match domain::questionnaire::QUESTIONNAIRE.accept(answers, Some(domain::record::comuni::shipped())) {
                    Ok(practice) => serde_json::to_string(&practice)?,
                    Err(errors) => return Ok(Confirming::Invalid(errors)),
                };
            insert_version(&tx, row_id, &concluded, "respondent", &now)?;
            tx.execute(
                "UPDATE practices SET answer = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
                params![row_id, concluded, now],
            )?;
            domain::curation::api::AuditAction::Conclude
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
    /// The language the respondent wrote in, when known.
    pub lang: Option<domain::Lang>,
}

/// The published practices due for confirmation at `now`.
pub fn due_confirmations(conn: &Connection, now: &str) -> Result<Vec<DueConfirmation>, DbError> {
    let after_days = confirm_after_days(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.reference, p.answer ->> '$.title', json_extract({LATEST_ANSWER}, '$.contact_email'),
                coalesce(p.confirmed_at, p.submitted_at), p.lang
         FROM practices p WHERE p.moderation_status = ?1 AND p.demo = 0
             AND NOT EXISTS (SELECT 1 FROM harvested h WHERE h.practice_id = p.id)"
    ))?;
    let rows = stmt.query_map([ModerationStatus::Pubblicata.code()], |r| {
        Ok(DueConfirmation {
            id: practice_id_at(r, 0)?,
            title: r.get(1)?,
            contact_email: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            confirmed_at: r.get(3)?,
            lang: super::lang_at(r, 4)?,
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
