// SPDX-License-Identifier: EUPL-1.2
//! Decisions and corrections. The domain says whether a decision is allowed
//! and what it does (`curation::decide`); a decision names the version it was
//! taken on (a stale one answers 409, so two curators never overwrite each
//! other silently); the change and its audit entry are one transaction; the
//! static publication follows in the background once it is committed. A
//! decision the respondent is told of queues its message in that transaction.

use super::ERROR;
use crate::AppState;
use crate::auth::Curator;
use crate::db::{self, DbError, audit};
use crate::error::{ApiError, ApiJson, ApiPath};
use crate::mail::{self, Site, letters};
use crate::messages::{self, Message};
use axum::Json;
use axum::extract::State;
use domain::curation::api::{AuditAction, Correction, Decision, DecisionOutcome};
use domain::curation::{self, CurationAction, Refusal};
use domain::record::vocabulary::ModerationStatus;
use domain::{PracticeId, Text};

/// What became of a decision or a correction.
enum Applied {
    Done { outcome: DecisionOutcome, changes_public: bool },
    Missing,
    Stale(i64),
    Refused(Refusal),
}

/// The answer to a decision or correction that was not applied.
fn refused(applied: Applied, retry: Text) -> ApiError {
    match applied {
        Applied::Done { .. } | Applied::Missing => ApiError::NotFound,
        Applied::Stale(version) => ApiError::Conflict(Message::Stale { version, retry }),
        Applied::Refused(Refusal::NotAllowed(invalid)) => ApiError::Conflict(Message::NotAllowed(invalid.from)),
        Applied::Refused(Refusal::NoUpdate) => ApiError::Conflict(messages::NO_UPDATE_TO_PUBLISH.into()),
    }
}

fn apply(
    conn: &mut rusqlite::Connection,
    id: &PracticeId,
    actor: &str,
    decision: &Decision,
    site: &Site,
) -> Result<Applied, DbError> {
    let tx = conn.transaction()?;
    let Some(state) = db::state(&tx, id)? else { return Ok(Applied::Missing) };
    if state.version != decision.expected_version {
        return Ok(Applied::Stale(state.version));
    }
    let decided = match curation::decide(state.status, decision.action, state.update_pending) {
        Ok(decided) => decided,
        Err(refusal) => return Ok(Applied::Refused(refusal)),
    };
    let now = db::now();
    let message = decision.message.as_deref();
    db::apply_decision(&tx, state.row_id, decided.to, decided.effects, message, &now)?;
    let entry = audit::Entry {
        actor,
        action: AuditAction::Curation(decision.action),
        practice: Some(state.row_id),
        before: Some(state.status.code()),
        after: Some(decided.to.code()),
        message,
    };
    audit::record(&tx, &entry, &now)?;
    let (contact, title, lang) = db::respondent_of(&tx, state.row_id)?;
    // A harvested practice's referent is its source's editors: they are
    // not written to.
    let harvested = db::harvest::is_harvested(&tx, state.row_id)?;
    let letter = letters::after_decision(site, decision.action, id, &title, decision.message());
    if let Some(letter) = letter.filter(|_| !harvested) {
        // One message per decision: the version it made names it.
        mail::queue(&tx, &letter.to(site, format!("decision:{id}:{}", state.version + 1), &contact, lang))?;
    }
    tx.commit()?;
    let outcome = DecisionOutcome { moderation_status: decided.to, version: state.version + 1 };
    Ok(Applied::Done { outcome, changes_public: decided.effects.changes_public() })
}

/// A decision: the workflow's state machine says which are allowed (409 otherwise).
#[utoipa::path(post, path = "/api/moderation/submissions/{id}/actions", tag = "curators", security(("session" = [])),
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001")), request_body = Decision, responses((status = 200, body = DecisionOutcome), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn decide(
    State(state): State<AppState>,
    Curator(user): Curator,
    ApiPath(id): ApiPath<String>,
    ApiJson(decision): ApiJson<Decision>,
) -> Result<Json<DecisionOutcome>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    if decision.action == CurationAction::Resubmit {
        return Err(ApiError::Forbidden);
    }
    decision.check().map_err(ApiError::Invalid)?;
    let (actor, site) = (user.email, Site::of(&state));
    match state.db.call(move |conn| apply(conn, &id, &actor, &decision, &site)).await? {
        Applied::Done { outcome, changes_public } => {
            state.mail.wake();
            if changes_public {
                state.publish();
            }
            Ok(Json(outcome))
        }
        other => Err(refused(other, messages::DECIDE_AGAIN)),
    }
}

/// Stores a curator's correction as a new version (the respondent's versions
/// are kept); a published practice shows it at once.
#[utoipa::path(post, path = "/api/moderation/submissions/{id}/edit", tag = "curators", security(("session" = [])),
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001")), request_body = Correction, responses((status = 200, body = DecisionOutcome), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn edit(
    State(state): State<AppState>,
    Curator(user): Curator,
    ApiPath(id): ApiPath<String>,
    ApiJson(correction): ApiJson<Correction>,
) -> Result<Json<DecisionOutcome>, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let answer = domain::questionnaire::QUESTIONNAIRE
        .accept(correction.answers, Some(domain::record::comuni::shipped()))
        .map_err(ApiError::Invalid)?;
    let (actor, expected) = (user.email, correction.expected_version);
    let applied = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let Some(state) = db::state(&tx, &id)? else { return Ok(Applied::Missing) };
            if state.version != expected {
                return Ok(Applied::Stale(state.version));
            }
            let now = db::now();
            db::apply_correction(&tx, state.row_id, &answer, &format!("curator:{actor}"), &now)?;
            let entry = audit::Entry {
                actor: &actor,
                action: AuditAction::Edit,
                practice: Some(state.row_id),
                before: Some(state.status.code()),
                after: Some(state.status.code()),
                message: None,
            };
            audit::record(&tx, &entry, &now)?;
            tx.commit()?;
            let outcome = DecisionOutcome { moderation_status: state.status, version: state.version + 1 };
            Ok(Applied::Done { outcome, changes_public: state.status == ModerationStatus::Pubblicata })
        })
        .await?;
    match applied {
        Applied::Done { outcome, changes_public } => {
            if changes_public {
                state.publish();
            }
            Ok(Json(outcome))
        }
        other => Err(refused(other, messages::TRY_AGAIN)),
    }
}
