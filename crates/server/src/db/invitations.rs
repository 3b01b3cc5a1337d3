// SPDX-License-Identifier: EUPL-1.2
//! A round's invitees: added from a list, read with whether they answered,
//! stamped when their invitation and reminder are queued, and deleted a year
//! after the round closed.

use super::{DbError, now, practice_id_at};
use domain::community::invitations::{
    Answer, Invitee, InviteeStatus, InviteesAdded, KEEP_DAYS_AFTER_CLOSE, MatchedBy, same_entity,
};
use domain::dates::Day;
use domain::questionnaire::rounds::Round;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Adds `invitees` to `round`'s list: a new address is added; an address
/// already there (whatever its case) takes the body's name given now.
pub fn add(tx: &Transaction<'_>, round: &str, invitees: &[Invitee]) -> Result<InviteesAdded, DbError> {
    let stamp = now();
    let mut done = InviteesAdded { added: 0, updated: 0 };
    let mut rename =
        tx.prepare("UPDATE round_invitees SET entity = ?3 WHERE round_code = ?1 AND lower(email) = lower(?2)")?;
    let mut insert =
        tx.prepare("INSERT INTO round_invitees (round_code, entity, email, added_at) VALUES (?1, ?2, ?3, ?4)")?;
    for invitee in invitees {
        let (entity, email) = (invitee.entity.trim(), invitee.email.trim());
        if rename.execute(params![round, email, entity])? > 0 {
            done.updated += 1;
        } else {
            insert.execute(params![round, entity, email, stamp])?;
            done.added += 1;
        }
    }
    Ok(done)
}

/// Takes invitee `id` off `round`'s list: its address, or `None` when there is no such invitee.
pub fn remove(tx: &Transaction<'_>, round: &str, id: i64) -> Result<Option<String>, DbError> {
    let email = tx
        .query_row(
            "DELETE FROM round_invitees WHERE id = ?1 AND round_code = ?2 RETURNING email",
            params![id, round],
            |r| r.get(0),
        )
        .optional()?;
    Ok(email)
}

/// A submission that may answer an invitation.
struct Sent {
    practice: domain::PracticeId,
    entity: String,
    email: String,
    submitted_at: String,
    /// The ISTAT code of the Comune that sent it, when it is a Comune and
    /// its Comuni tell it.
    comune: Option<String>,
}

/// Every submission sent since `day`, the first first (whatever became of it:
/// an answer is an answer).
fn sent_since(conn: &Connection, day: Day) -> Result<Vec<Sent>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT reference, coalesce(json_extract(answer, '$.entity_name'), ''),
                coalesce(json_extract(answer, '$.contact_email'), ''), submitted_at,
                coalesce(json_extract(answer, '$.comune_codes'), '[]'),
                json_extract(answer, '$.entity_type') IS 'comune'
         FROM practices WHERE submitted_at >= ?1 AND id NOT IN (SELECT practice_id FROM harvested)
         ORDER BY submitted_at, id",
    )?;
    let rows = stmt.query_map([day.to_string()], |r| {
        let entity: String = r.get(1)?;
        let codes: String = r.get(4)?;
        let codes: Vec<domain::record::geo::ComuneCode> = serde_json::from_str(&codes).unwrap_or_default();
        let is_comune: bool = r.get(5)?;
        Ok(Sent {
            practice: practice_id_at(r, 0)?,
            comune: if is_comune && !codes.is_empty() { comune_code(&entity, &codes) } else { None },
            entity,
            email: r.get(2)?,
            submitted_at: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The ISTAT code of the Comune a body is (`ComuneIndex::body_comune`).
fn comune_code(body: &str, codes: &[domain::record::geo::ComuneCode]) -> Option<String> {
    domain::record::comuni::shipped().body_comune(body, codes).map(|comune| comune.code.clone())
}

/// The first submission that answers `invitee`: by its address, else by its
/// body: the same Comune (ISTAT code), else the same name.
fn answer_of(invitee: &Invitee, sent: &[Sent]) -> Option<Answer> {
    let answer = |s: &Sent, matched_by| Answer {
        practice: s.practice.clone(),
        submitted_at: s.submitted_at.clone(),
        matched_by,
    };
    let comune = comune_code(&invitee.entity, &[]);
    let same_body = |s: &Sent| {
        comune.as_ref().is_some_and(|code| s.comune.as_ref() == Some(code)) || same_entity(&invitee.entity, &s.entity)
    };
    sent.iter()
        .find(|s| invitee.same_address(&s.email))
        .map(|s| answer(s, MatchedBy::Email))
        .or_else(|| sent.iter().find(|s| same_body(s)).map(|s| answer(s, MatchedBy::Entity)))
}

/// `round`'s invitees in the order they were added, each with its answer.
pub fn list(conn: &Connection, round: &Round) -> Result<Vec<InviteeStatus>, DbError> {
    let sent = sent_since(conn, round.opens_on)?;
    let mut stmt = conn.prepare(
        "SELECT id, entity, email, invited_at, reminded_at FROM round_invitees WHERE round_code = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([&round.code], |r| {
        Ok(InviteeStatus {
            id: r.get(0)?,
            entity: r.get(1)?,
            email: r.get(2)?,
            invited_at: r.get(3)?,
            reminded_at: r.get(4)?,
            answer: None,
        })
    })?;
    let mut invitees = rows.collect::<Result<Vec<_>, _>>()?;
    for status in &mut invitees {
        let invitee = Invitee { entity: status.entity.clone(), email: status.email.clone() };
        status.answer = answer_of(&invitee, &sent);
    }
    Ok(invitees)
}

/// Notes that invitee `id`'s invitation was queued at `stamp`.
pub fn invited(tx: &Transaction<'_>, id: i64, stamp: &str) -> Result<(), DbError> {
    tx.execute("UPDATE round_invitees SET invited_at = ?2 WHERE id = ?1", params![id, stamp])?;
    Ok(())
}

/// Notes that invitee `id`'s reminder was queued at `stamp`.
pub fn reminded(tx: &Transaction<'_>, id: i64, stamp: &str) -> Result<(), DbError> {
    tx.execute("UPDATE round_invitees SET reminded_at = ?2 WHERE id = ?1", params![id, stamp])?;
    Ok(())
}

/// Deletes the invitees of rounds that closed more than a year before `today`.
pub fn prune(tx: &Transaction<'_>, today: Day) -> Result<usize, DbError> {
    let cutoff = today.plus_days(-KEEP_DAYS_AFTER_CLOSE).to_string();
    Ok(tx.execute(
        "DELETE FROM round_invitees WHERE round_code IN (SELECT code FROM rounds WHERE closes_on < ?1)",
        [cutoff],
    )?)
}
