// SPDX-License-Identifier: EUPL-1.2
//! Retention as a job: deletes or blanks the personal data the privacy
//! notice keeps for a limited time, once that time is up (GDPR art. 5(1)(e)).
//! The notice (`/privacy`, from `domain::site::operator::Retention`) and this
//! job read the same settings (`BP_RETENTION_*`). A practice's public content
//! and its audit trail stay; the audit log records that a purge happened,
//! never the values it removed.
//!
//! | Data | Kept for | Then |
//! |---|---|---|
//! | A practice's referent (name, role, e-mail, phone), in every version | `contact_months` after publication or rejection | blanked |
//! | An adoption's contact (name, e-mail) | `contact_months` after the editors' decision | blanked |
//! | A closed (disabled) account, its sessions | `account_months` after it was closed | deleted |
//! | Signed-in sessions | until they expire or are revoked | deleted |
//! | Accessibility reports | `feedback_months` after the report | deleted |
//! | Service ratings | `feedback_months` after sending | deleted |
//! | A round's invitees | a year after the round closes | deleted |
//! | An uploaded spreadsheet of responses not imported | a day after the upload | deleted |
//! | An imported row kept as a draft and never completed | `contact_months` after the import | deleted |
//!
//! Mail is deleted by the outbox (`mail_days`), unconfirmed subscriptions by
//! the hourly schedule (`mail::follow`), logs by the journal (`log_days`);
//! the harvest's reads (no personal data) are pruned to the last 200 per
//! source by the harvest itself (`db::harvest::RUNS_KEPT`).

use crate::db::{self, DbError, audit};
use domain::curation::api::AuditAction;
use domain::record::fields::key;
use domain::record::vocabulary::ModerationStatus;
use domain::site::operator::Retention;
use rusqlite::{Connection, params};

/// The referent's fields of an answer: the notice's "name, e-mail and
/// phone" (and role). The other private fields are the consents, kept as the
/// proof of them.
const REFERENT: [&str; 4] = [key::CONTACT_NAME, key::CONTACT_ROLE, key::CONTACT_EMAIL, key::CONTACT_PHONE];

/// Who the audit log names as the actor of a purge.
pub const ACTOR: &str = "conservazione";

/// What one run removed (or, in a dry run, would remove).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub referents: usize,
    pub adoption_contacts: usize,
    pub accounts: usize,
    pub sessions: usize,
    pub reports: usize,
    pub ratings: usize,
    pub invitees: usize,
    pub uploads: usize,
    pub drafts: usize,
}

impl Purged {
    pub fn total(&self) -> usize {
        self.referents
            + self.adoption_contacts
            + self.accounts
            + self.sessions
            + self.reports
            + self.ratings
            + self.invitees
            + self.uploads
            + self.drafts
    }

    /// One line per kind, as `server purge` prints it.
    pub fn lines(&self) -> Vec<String> {
        [
            ("practices' referents blanked", self.referents),
            ("adoptions' contacts blanked", self.adoption_contacts),
            ("closed accounts deleted", self.accounts),
            ("ended sessions deleted", self.sessions),
            ("accessibility reports deleted", self.reports),
            ("service ratings deleted", self.ratings),
            ("round invitees deleted", self.invitees),
            ("uploaded spreadsheets deleted", self.uploads),
            ("imported drafts never completed deleted", self.drafts),
        ]
        .into_iter()
        .map(|(what, count)| format!("{count:>6}  {what}"))
        .collect()
    }
}

/// Removes what `retention` no longer allows to keep at `now`, in one
/// transaction; with `dry_run`, counts it and changes nothing.
pub fn purge(
    conn: &mut Connection,
    retention: &Retention,
    now: time::OffsetDateTime,
    dry_run: bool,
) -> Result<Purged, DbError> {
    let at = db::rfc3339(now);
    let contact = format!("+{} months", retention.contact_months);
    let feedback = format!("+{} months", retention.feedback_months);
    let account = format!("+{} months", retention.account_months);
    let tx = conn.transaction()?;
    let mut purged = Purged::default();

    // A practice's referent, from the last decision that published or
    // rejected it (the practice's own dates where no decision was logged).
    let decided = [ModerationStatus::Pubblicata, ModerationStatus::Respinta, ModerationStatus::Archiviata]
        .map(|status| format!("'{}'", status.code()))
        .join(", ");
    let due: Vec<i64> = tx
        .prepare(&format!(
            "SELECT p.id FROM practices p
             WHERE p.moderation_status IN ({decided})
               AND coalesce(p.answer ->> '$.{email}', '') <> ''
               AND datetime(coalesce(
                     (SELECT max(a.at) FROM audit_log a WHERE a.practice_id = p.id AND a.after IN ({decided})),
                     p.published_at, p.updated_at), ?1) <= datetime(?2)",
            email = key::CONTACT_EMAIL,
        ))?
        .query_map(params![contact, at], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let blank = format!(
        "json_set(json_remove(answer, '$.{role}', '$.{phone}'), '$.{name}', '', '$.{email}', '')",
        role = REFERENT[1],
        phone = REFERENT[3],
        name = REFERENT[0],
        email = REFERENT[2],
    );
    for id in &due {
        tx.execute(&format!("UPDATE practices SET answer = {blank} WHERE id = ?1"), [id])?;
        tx.execute(&format!("UPDATE practice_versions SET answer = {blank} WHERE practice_id = ?1"), [id])?;
        let entry = audit::Entry {
            actor: ACTOR,
            action: AuditAction::Purge,
            practice: Some(*id),
            before: None,
            after: None,
            message: Some("referente"),
        };
        audit::record(&tx, &entry, &at)?;
    }
    purged.referents = due.len();

    // An adoption's contact, from the editors' decision on it.
    purged.adoption_contacts = tx.execute(
        "UPDATE adoptions SET contact_name = '', contact_email = ''
         WHERE moderation_status <> ?3 AND contact_email <> ''
           AND datetime(coalesce(
                 (SELECT max(a.at) FROM audit_log a
                  WHERE a.action = ?4 AND a.message LIKE 'adozione ' || adoptions.id || ':%'),
                 published_at, created_at), ?1) <= datetime(?2)",
        params![contact, at, ModerationStatus::Inviata.code(), AuditAction::DecideAdoption.code()],
    )?;

    // Closed accounts, from the day they were closed, with their sessions.
    let closed = "SELECT u.id FROM users u WHERE u.disabled = 1
           AND datetime(coalesce(
                 (SELECT max(a.at) FROM audit_log a WHERE a.action = ?3 AND a.before = u.email COLLATE NOCASE),
                 u.created_at), ?1) <= datetime(?2)";
    let disabled = AuditAction::DisableUser.code();
    tx.execute(&format!("DELETE FROM sessions WHERE user_id IN ({closed})"), params![account, at, disabled])?;
    purged.accounts =
        tx.execute(&format!("DELETE FROM users WHERE id IN ({closed})"), params![account, at, disabled])?;
    purged.sessions =
        tx.execute("DELETE FROM sessions WHERE revoked = 1 OR datetime(expires_at) <= datetime(?1)", [&at])?;

    purged.uploads =
        tx.execute("DELETE FROM import_uploads WHERE datetime(uploaded_at, '+1 day') <= datetime(?1)", [&at])?;

    purged.drafts = tx.execute(
        "DELETE FROM import_drafts WHERE completed_at IS NULL AND datetime(created_at, ?1) <= datetime(?2)",
        params![contact, at],
    )?;

    purged.reports = tx.execute(
        "DELETE FROM accessibility_reports WHERE datetime(received_at, ?1) <= datetime(?2)",
        params![feedback, at],
    )?;
    purged.ratings =
        tx.execute("DELETE FROM service_ratings WHERE datetime(day, ?1) <= datetime(?2)", params![feedback, at])?;
    purged.invitees = tx.execute(
        "DELETE FROM round_invitees
         WHERE round_code IN (SELECT code FROM rounds WHERE date(closes_on, '+1 year') <= date(?1))",
        [&at],
    )?;

    let others = purged.total() - purged.referents;
    if others > 0 {
        let message = format!(
            "contatti di adozioni {}, account {}, sessioni {}, segnalazioni {}, valutazioni {}, invitati {}, fogli caricati {}",
            purged.adoption_contacts,
            purged.accounts,
            purged.sessions,
            purged.reports,
            purged.ratings,
            purged.invitees,
            purged.uploads
        );
        let entry = audit::Entry {
            actor: ACTOR,
            action: AuditAction::Purge,
            practice: None,
            before: None,
            after: None,
            message: Some(&message),
        };
        audit::record(&tx, &entry, &at)?;
    }
    if !dry_run {
        tx.commit()?;
    }
    Ok(purged)
}

/// Runs [`purge`] now and then every `every`, for ever.
pub async fn run(db: db::Db, retention: Retention, every: std::time::Duration) {
    loop {
        let now = time::OffsetDateTime::now_utc();
        match db.call(move |conn| purge(conn, &retention, now, false)).await {
            Ok(purged) if purged.total() > 0 => {
                tracing::info!(?purged, "retention: personal data past its time removed")
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "retention: the purge failed"),
        }
        tokio::time::sleep(every).await;
    }
}

/// `server purge [--dry-run]`: one run now, printing what it removed.
pub async fn command(config: &crate::config::Config, dry_run: bool) -> Result<(), Box<dyn std::error::Error>> {
    let db = db::Db::open(&config.database)?;
    let retention = config.retention();
    let purged = db.call(move |conn| purge(conn, &retention, time::OffsetDateTime::now_utc(), dry_run)).await?;
    println!("{}", if dry_run { "would remove (dry run, nothing changed):" } else { "removed:" });
    for line in purged.lines() {
        println!("{line}");
    }
    Ok(())
}
