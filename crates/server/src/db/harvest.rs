// SPDX-License-Identifier: EUPL-1.2
//! Harvest sources, their runs, and the practices that came from them. A
//! run's plan is written in one transaction with its run row and audit
//! entry; a failed run writes only its run row and the source's last error,
//! so the previous harvest stays whole.

use super::{DbError, NewPractice, Stored, SubmissionKeys, audit, insert_practice_in, now};
use crate::harvest::plan::{Existing, Held, Plan, Step};
use domain::PracticeId;
use domain::curation::api::AuditAction;
use domain::harvest::api::{Counts, HarvestRun, HarvestSource, NewHarvestSource, RunOutcome, SourceChange, SourceKind};
use domain::harvest::{Failure, PracticeSource};
use domain::record::vocabulary::ModerationStatus;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// How many runs are kept per source (they hold no personal data).
pub const RUNS_KEPT: i64 = 200;

const SOURCE_COLUMNS: &str = "s.id, s.key, s.name, s.url, s.kind, s.contact_email, s.curated, s.active, s.every_hours,
    s.last_run_at, s.last_ok_at, s.last_error,
    (SELECT count(*) FROM harvested h WHERE h.source_id = s.id),
    (SELECT count(*) FROM harvested h WHERE h.source_id = s.id AND h.gone_at IS NOT NULL)";

fn source_at(r: &rusqlite::Row<'_>) -> rusqlite::Result<HarvestSource> {
    let error: Option<String> = r.get(11)?;
    Ok(HarvestSource {
        id: r.get(0)?,
        key: r.get(1)?,
        name: r.get(2)?,
        url: r.get(3)?,
        kind: SourceKind::from_code(&r.get::<_, String>(4)?).ok_or_else(|| super::invalid(4, "not a source's kind"))?,
        contact_email: r.get(5)?,
        curated: r.get(6)?,
        active: r.get(7)?,
        every_hours: r.get(8)?,
        last_run_at: r.get(9)?,
        last_ok_at: r.get(10)?,
        last_error: error.and_then(|e| serde_json::from_str(&e).ok()),
        practices: r.get(12)?,
        gone: r.get(13)?,
    })
}

/// Every source, in the order they were added.
pub fn sources(conn: &Connection) -> Result<Vec<HarvestSource>, DbError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {SOURCE_COLUMNS} FROM harvest_sources s ORDER BY s.id"))?;
    Ok(stmt.query_map([], source_at)?.collect::<Result<_, _>>()?)
}

/// One source, and the digest of the body its last good run read.
pub fn source(conn: &Connection, id: i64) -> Result<Option<(HarvestSource, Option<String>)>, DbError> {
    let sql = format!("SELECT {SOURCE_COLUMNS}, s.last_sha256 FROM harvest_sources s WHERE s.id = ?1");
    Ok(conn.query_row(&sql, [id], |r| Ok((source_at(r)?, r.get(14)?))).optional()?)
}

/// A short name for addresses: the name folded, `[a-z0-9-]`, at most 40.
fn slug(name: &str) -> String {
    let folded = domain::text::fold(name);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    if slug.is_empty() { "fonte".into() } else { slug.trim_end_matches('-').to_owned() }
}

/// Adds a source (`None`: its address is a source already).
pub fn add_source(conn: &mut Connection, new: &NewHarvestSource, by: &str) -> Result<Option<HarvestSource>, DbError> {
    let tx = conn.transaction()?;
    let url = new.url.trim();
    let taken: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM harvest_sources WHERE url = ?1)", [url], |r| r.get(0))?;
    if taken {
        return Ok(None);
    }
    let base = slug(&new.name);
    let mut key = base.clone();
    let mut n = 1;
    while tx
        .query_row("SELECT EXISTS (SELECT 1 FROM harvest_sources WHERE key = ?1)", [&key], |r| r.get::<_, bool>(0))?
    {
        n += 1;
        key = format!("{base}-{n}");
    }
    let stamp = now();
    tx.execute(
        "INSERT INTO harvest_sources (key, name, url, kind, contact_email, curated, every_hours, added_at, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            key,
            new.name.trim(),
            url,
            new.kind.code(),
            new.contact_email.trim(),
            new.curated,
            new.every_hours,
            stamp,
            by
        ],
    )?;
    let id = tx.last_insert_rowid();
    let message = format!("{}: {url}", new.name.trim());
    let entry = source_entry(by, &message);
    audit::record(&tx, &entry, &stamp)?;
    tx.commit()?;
    Ok(source(conn, id)?.map(|(source, _)| source))
}

fn source_entry<'a>(by: &'a str, message: &'a str) -> audit::Entry<'a> {
    audit::Entry {
        actor: by,
        action: AuditAction::HarvestSource,
        practice: None,
        before: None,
        after: None,
        message: Some(message),
    }
}

/// Changes what `change` names of a source.
pub fn change_source(
    conn: &mut Connection,
    id: i64,
    change: &SourceChange,
    by: &str,
) -> Result<Option<HarvestSource>, DbError> {
    let tx = conn.transaction()?;
    let found = tx.execute(
        "UPDATE harvest_sources SET active = coalesce(?2, active), curated = coalesce(?3, curated),
             every_hours = coalesce(?4, every_hours) WHERE id = ?1",
        params![id, change.active, change.curated, change.every_hours],
    )?;
    if found == 0 {
        return Ok(None);
    }
    let message = format!("fonte {id}: {}", serde_json::to_string(change)?);
    audit::record(&tx, &source_entry(by, &message), &now())?;
    tx.commit()?;
    Ok(source(conn, id)?.map(|(source, _)| source))
}

/// The active sources due at `now` (never run, or run `every_hours` ago).
pub fn due(conn: &Connection, now: &str) -> Result<Vec<i64>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM harvest_sources WHERE active = 1
             AND (last_run_at IS NULL OR datetime(last_run_at, '+' || every_hours || ' hours') <= datetime(?1))
         ORDER BY id",
    )?;
    Ok(stmt.query_map([now], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// A source's runs, newest first.
pub fn runs(conn: &Connection, source_id: i64, limit: i64) -> Result<Vec<HarvestRun>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, source_id, started_at, finished_at, outcome, failure, counts, problems
         FROM harvest_runs WHERE source_id = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![source_id, limit], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, String>(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
    })?;
    let mut runs = Vec::new();
    for row in rows {
        let (id, source_id, started_at, finished_at, outcome, failure, counts, problems): (
            i64,
            i64,
            String,
            String,
            String,
            Option<String>,
            String,
            String,
        ) = row?;
        runs.push(HarvestRun {
            id,
            source_id,
            started_at,
            finished_at,
            outcome: RunOutcome::from_code(&outcome).unwrap_or(RunOutcome::Failed),
            failure: failure.and_then(|f| serde_json::from_str(&f).ok()),
            counts: serde_json::from_str(&counts).unwrap_or_default(),
            problems: serde_json::from_str(&problems).unwrap_or_default(),
        });
    }
    Ok(runs)
}

/// What is held from `source_id` (and the URIs held from other sources).
pub fn existing(conn: &Connection, source_id: i64) -> Result<Existing, DbError> {
    let mut existing = Existing::default();
    let mut stmt = conn.prepare_cached(
        "SELECT remote_id, practice_id, content_sha256, gone_at IS NOT NULL, source_id = ?1, uri FROM harvested",
    )?;
    let mut rows = stmt.query([source_id])?;
    while let Some(r) = rows.next()? {
        if r.get::<_, bool>(4)? {
            let held = Held { row_id: r.get(1)?, hash: r.get(2)?, gone: r.get(3)? };
            existing.by_remote.insert(r.get(0)?, held);
        } else {
            existing.elsewhere.insert(r.get(5)?);
        }
    }
    Ok(existing)
}

/// Writes a run's plan, in one transaction.
pub fn apply(
    conn: &mut Connection,
    source: &HarvestSource,
    plan: &Plan,
    body_sha256: &str,
    started: &str,
) -> Result<HarvestRun, DbError> {
    let tx = conn.transaction()?;
    let stamp = now();
    let run = insert_run(&tx, source.id, started, &stamp, RunOutcome::Ok, None, &plan.counts, &plan.problems)?;
    let actor = format!("raccolta:{}", source.key);
    for step in &plan.steps {
        match step {
            Step::Create(ready) => {
                let status = if source.curated { ModerationStatus::Pubblicata } else { ModerationStatus::Inviata };
                let key = format!("harvest:{}:{}", source.id, ready.remote_id);
                let new = NewPractice {
                    answer: ready.practice.clone(),
                    status,
                    demo: false,
                    round: super::CONTINUOUS_ROUND.into(),
                    derived_from: None,
                    submission: Some(SubmissionKeys::without_private_link(key, ready.hash.clone())?),
                };
                let Stored::Created(id) = insert_practice_in(&tx, &new)? else { continue };
                let row_id: i64 =
                    tx.query_row("SELECT id FROM practices WHERE reference = ?1", [id.as_str()], |r| r.get(0))?;
                tx.execute("UPDATE practice_versions SET author = ?2 WHERE practice_id = ?1", params![row_id, actor])?;
                tx.execute(
                    "INSERT INTO harvested (practice_id, source_id, remote_id, uri, remote_modified, content_sha256, last_run)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![row_id, source.id, ready.remote_id, ready.uri, ready.modified, ready.hash, run.id],
                )?;
            }
            Step::Update { row_id, ready } => {
                let from: ModerationStatus =
                    tx.query_row("SELECT moderation_status FROM practices WHERE id = ?1", [row_id], |r| {
                        super::status_at(r, 0)
                    })?;
                let answer = serde_json::to_string(&ready.practice)?;
                super::practices::add_version(&tx, *row_id, from, &answer, &actor, AuditAction::Harvest, &stamp)?;
                if source.curated && from == ModerationStatus::Pubblicata {
                    tx.execute(
                        "UPDATE practices SET answer = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
                        params![row_id, answer, stamp],
                    )?;
                }
                tx.execute(
                    "UPDATE harvested SET content_sha256 = ?2, remote_modified = ?3, last_run = ?4, gone_at = NULL
                     WHERE practice_id = ?1",
                    params![row_id, ready.hash, ready.modified, run.id],
                )?;
            }
            Step::Unchanged { row_id, modified } => {
                tx.execute(
                    "UPDATE harvested SET remote_modified = coalesce(?2, remote_modified), last_run = ?3, gone_at = NULL
                     WHERE practice_id = ?1",
                    params![row_id, modified, run.id],
                )?;
            }
        }
    }
    for row_id in &plan.gone {
        tx.execute(
            "UPDATE harvested SET gone_at = coalesce(gone_at, ?2) WHERE practice_id = ?1",
            params![row_id, stamp],
        )?;
    }
    tx.execute(
        "UPDATE harvest_sources SET last_run_at = ?2, last_ok_at = ?2, last_error = NULL, last_sha256 = ?3 WHERE id = ?1",
        params![source.id, stamp, body_sha256],
    )?;
    let Counts { created, updated, .. } = plan.counts;
    let skipped = plan.counts.read - created - updated - plan.counts.unchanged;
    let message =
        format!("{}: {created} nuove, {updated} aggiornate, {skipped} saltate (esecuzione {})", source.name, run.id);
    let entry = audit::Entry {
        actor: &actor,
        action: AuditAction::Harvest,
        practice: None,
        before: None,
        after: None,
        message: Some(&message),
    };
    audit::record(&tx, &entry, &stamp)?;
    prune_runs(&tx, source.id)?;
    tx.commit()?;
    Ok(run)
}

/// Records a run that read nothing: the run row and the source's last
/// error; nothing else changes.
pub fn failed(conn: &mut Connection, source_id: i64, failure: &Failure, started: &str) -> Result<HarvestRun, DbError> {
    let tx = conn.transaction()?;
    let stamp = now();
    let run = insert_run(&tx, source_id, started, &stamp, RunOutcome::Failed, Some(failure), &Counts::default(), &[])?;
    tx.execute(
        "UPDATE harvest_sources SET last_run_at = ?2, last_error = ?3 WHERE id = ?1",
        params![source_id, stamp, serde_json::to_string(failure)?],
    )?;
    prune_runs(&tx, source_id)?;
    tx.commit()?;
    Ok(run)
}

/// Records a run that found the same bytes as the last good one.
pub fn unchanged(conn: &mut Connection, source_id: i64, started: &str) -> Result<HarvestRun, DbError> {
    let tx = conn.transaction()?;
    let stamp = now();
    let run = insert_run(&tx, source_id, started, &stamp, RunOutcome::Unchanged, None, &Counts::default(), &[])?;
    tx.execute(
        "UPDATE harvest_sources SET last_run_at = ?2, last_ok_at = ?2, last_error = NULL WHERE id = ?1",
        params![source_id, stamp],
    )?;
    prune_runs(&tx, source_id)?;
    tx.commit()?;
    Ok(run)
}

#[allow(clippy::too_many_arguments)]
fn insert_run(
    tx: &Transaction<'_>,
    source_id: i64,
    started: &str,
    finished: &str,
    outcome: RunOutcome,
    failure: Option<&Failure>,
    counts: &Counts,
    problems: &[domain::harvest::ItemProblem],
) -> Result<HarvestRun, DbError> {
    let failure_json = failure.map(serde_json::to_string).transpose()?;
    tx.execute(
        "INSERT INTO harvest_runs (source_id, started_at, finished_at, outcome, failure, counts, problems)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            source_id,
            started,
            finished,
            outcome.code(),
            failure_json,
            serde_json::to_string(counts)?,
            serde_json::to_string(problems)?
        ],
    )?;
    Ok(HarvestRun {
        id: tx.last_insert_rowid(),
        source_id,
        started_at: started.to_owned(),
        finished_at: finished.to_owned(),
        outcome,
        failure: failure.cloned(),
        counts: *counts,
        problems: problems.to_vec(),
    })
}

fn prune_runs(tx: &Transaction<'_>, source_id: i64) -> Result<(), DbError> {
    tx.execute(
        "DELETE FROM harvest_runs WHERE source_id = ?1 AND id NOT IN
             (SELECT id FROM harvest_runs WHERE source_id = ?1 ORDER BY id DESC LIMIT ?2)
         AND id NOT IN (SELECT last_run FROM harvested)",
        params![source_id, RUNS_KEPT],
    )?;
    Ok(())
}

/// Where the practice `reference` was harvested from, if it was.
pub fn source_of(conn: &Connection, reference: &PracticeId) -> Result<Option<PracticeSource>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.key, s.name, s.url, h.uri, h.remote_id, h.remote_modified
         FROM harvested h JOIN harvest_sources s ON s.id = h.source_id JOIN practices p ON p.id = h.practice_id
         WHERE p.reference = ?1",
    )?;
    let found = stmt
        .query_row([reference.as_str()], |r| {
            Ok(PracticeSource {
                key: r.get(0)?,
                name: r.get(1)?,
                url: r.get(2)?,
                uri: r.get(3)?,
                id: r.get(4)?,
                modified: r.get(5)?,
            })
        })
        .optional()?;
    Ok(found)
}

/// Whether the practice `row_id` was harvested (nobody here to write to).
pub fn is_harvested(conn: &Connection, row_id: i64) -> Result<bool, DbError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM harvested WHERE practice_id = ?1)", [row_id], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sources_key_is_its_name_folded() {
        assert_eq!(super::slug("Regione Umbria"), "regione-umbria");
        assert_eq!(super::slug("  Città di Forlì — Servizi sociali!"), "citta-di-forli-servizi-sociali");
        assert_eq!(super::slug("???"), "fonte");
    }
}
