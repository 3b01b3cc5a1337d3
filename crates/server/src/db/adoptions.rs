// SPDX-License-Identifier: EUPL-1.2
//! Declarations of adoption: stored once per idempotency key, listed for the
//! curators, decided by the domain's `adoption_transition`, read publicly
//! once published.

use super::{DbError, invalid, now, practice_id_at, status_at};
use domain::PracticeId;
use domain::community::reuse::{AdoptionDeclaration, AdoptionEntry, PublicAdoption};
use domain::curation::api::AuditAction;
use domain::curation::{CurationAction, InvalidTransition, adoption_transition};
use domain::record::geo::Region;
use domain::record::vocabulary::{EntityType, ModerationStatus};
use rusqlite::{Connection, OptionalExtension, params};

/// What became of a declaration.
#[derive(Debug, PartialEq, Eq)]
pub enum Declared {
    /// Stored now (or earlier under the same key): it waits for the curators.
    Stored,
    /// No published practice has this reference.
    NoPractice,
}

/// Stores a declaration of adoption of the published practice `practice`.
/// A retry with the same key stores nothing more.
pub fn declare(
    conn: &mut Connection,
    practice: &PracticeId,
    key: &str,
    declaration: &AdoptionDeclaration,
) -> Result<Declared, DbError> {
    let tx = conn.transaction()?;
    let row: Option<i64> = tx
        .query_row(
            "SELECT id FROM practices WHERE reference = ?1 AND moderation_status = ?2",
            params![practice.as_str(), ModerationStatus::Pubblicata.code()],
            |r| r.get(0),
        )
        .optional()?;
    let Some(practice_id) = row else { return Ok(Declared::NoPractice) };
    tx.execute(
        "INSERT INTO adoptions (practice_id, idempotency_key, entity_type, entity_name, region_code, adopted_on,
             adapted, changes, contact_name, contact_email, created_at, comune_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (idempotency_key) DO NOTHING",
        params![
            practice_id,
            key,
            declaration.entity_type.code(),
            declaration.entity_name.trim(),
            declaration.region_code.map(Region::code),
            declaration.adopted_on.trim(),
            declaration.adapted,
            declaration.changes.trim(),
            declaration.referent_name.trim(),
            declaration.referent_email.trim(),
            now(),
            declaration.comune(),
        ],
    )?;
    tx.commit()?;
    Ok(Declared::Stored)
}

const PUBLIC_COLUMNS: &str = "p.reference, a.entity_type, a.entity_name, a.region_code, a.adopted_on, a.adapted, \
                              a.changes, coalesce(a.published_at, ''), a.comune_code";
/// The columns `public_adoption` reads; a query's own come after them.
const PUBLIC_COLUMN_COUNT: usize = 9;

fn public_adoption(row: &rusqlite::Row<'_>) -> rusqlite::Result<PublicAdoption> {
    let entity_type: String = row.get(1)?;
    let region: String = row.get(3)?;
    Ok(PublicAdoption {
        practice: practice_id_at(row, 0)?,
        entity_type: EntityType::from_code(&entity_type).ok_or_else(|| invalid(1, "not an entity type"))?,
        entity_name: row.get(2)?,
        region_code: Region::from_code(&region).ok_or_else(|| invalid(3, "not a region"))?,
        comune_code: row.get(8)?,
        adopted_on: row.get(4)?,
        adapted: row.get(5)?,
        changes: row.get(6)?,
        published_at: row.get(7)?,
    })
}

/// Every published declaration of the published practices, by practice, then
/// adoption month: the open-data file.
pub fn published(conn: &Connection) -> Result<Vec<PublicAdoption>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PUBLIC_COLUMNS} FROM adoptions a JOIN practices p ON p.id = a.practice_id
         WHERE a.moderation_status = ?1 AND p.moderation_status = ?1
         ORDER BY p.reference, a.adopted_on, a.id"
    ))?;
    let rows = stmt.query_map([ModerationStatus::Pubblicata.code()], public_adoption)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The published declarations of one practice, oldest adoption first.
pub fn published_of(conn: &Connection, practice: &PracticeId) -> Result<Vec<PublicAdoption>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PUBLIC_COLUMNS} FROM adoptions a JOIN practices p ON p.id = a.practice_id
         WHERE p.reference = ?1 AND a.moderation_status = ?2 ORDER BY a.adopted_on, a.id"
    ))?;
    let rows = stmt.query_map(params![practice.as_str(), ModerationStatus::Pubblicata.code()], public_adoption)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every declaration, for the curators: waiting ones first, then newest.
pub fn all(conn: &Connection) -> Result<Vec<AdoptionEntry>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PUBLIC_COLUMNS}, a.id, p.answer ->> '$.title', a.contact_name, a.contact_email,
                a.moderation_status, a.version, a.created_at
         FROM adoptions a JOIN practices p ON p.id = a.practice_id
         ORDER BY a.moderation_status != ?1, a.id DESC"
    ))?;
    let rows = stmt.query_map([ModerationStatus::Inviata.code()], |row| {
        Ok(AdoptionEntry {
            adoption: public_adoption(row)?,
            id: row.get(PUBLIC_COLUMN_COUNT)?,
            practice_title: row.get(PUBLIC_COLUMN_COUNT + 1)?,
            contact_name: row.get(PUBLIC_COLUMN_COUNT + 2)?,
            contact_email: row.get(PUBLIC_COLUMN_COUNT + 3)?,
            status: status_at(row, PUBLIC_COLUMN_COUNT + 4)?,
            version: row.get(PUBLIC_COLUMN_COUNT + 5)?,
            created_at: row.get(PUBLIC_COLUMN_COUNT + 6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many declarations wait for the curators.
pub fn waiting(conn: &Connection) -> Result<u32, DbError> {
    Ok(conn.query_row(
        "SELECT count(*) FROM adoptions WHERE moderation_status = ?1",
        [ModerationStatus::Inviata.code()],
        |r| r.get(0),
    )?)
}

/// Why a decision on a declaration was not taken.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    NotFound,
    /// Someone decided since the curator looked: the version moved on.
    Stale,
    NotAllowed(InvalidTransition),
}

/// Takes `action` on declaration `id`, seen at `version`, in one
/// transaction with its audit entry; returns the new state.
pub fn decide(
    conn: &mut Connection,
    id: i64,
    action: CurationAction,
    version: i64,
    actor: &str,
) -> Result<Result<ModerationStatus, Refused>, DbError> {
    let tx = conn.transaction()?;
    let found: Option<(ModerationStatus, i64, i64)> = tx
        .query_row("SELECT moderation_status, version, practice_id FROM adoptions WHERE id = ?1", [id], |r| {
            Ok((status_at(r, 0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((from, current, practice)) = found else { return Ok(Err(Refused::NotFound)) };
    if current != version {
        return Ok(Err(Refused::Stale));
    }
    let to = match adoption_transition(from, action) {
        Ok(to) => to,
        Err(invalid) => return Ok(Err(Refused::NotAllowed(invalid))),
    };
    let now = now();
    tx.execute(
        "UPDATE adoptions SET moderation_status = ?2, version = version + 1,
             published_at = CASE WHEN ?2 = ?4 THEN coalesce(published_at, ?3) ELSE published_at END
         WHERE id = ?1",
        params![id, to.code(), now, ModerationStatus::Pubblicata.code()],
    )?;
    let message = format!("adozione {id}: {}", action.code());
    super::audit::record(
        &tx,
        &super::audit::Entry {
            actor,
            action: AuditAction::DecideAdoption,
            practice: Some(practice),
            before: Some(from.code()),
            after: Some(to.code()),
            message: Some(&message),
        },
        &now,
    )?;
    tx.commit()?;
    Ok(Ok(to))
}
