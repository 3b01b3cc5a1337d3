// SPDX-License-Identifier: EUPL-1.2
//! The respondents' side: the round open today, opening and sending the
//! questionnaire, and what a private link allows (reading, updating,
//! mailing the receipt, confirming the practice is current).

use super::ERROR;
use crate::client::ClientIp;
use crate::db::{self, NewPractice, Stored, SubmissionKeys};
use crate::error::{ApiError, ApiJson};
use crate::messages;
use crate::{AppState, sha256_hex};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use domain::PracticeId;
use domain::community::{ReceiptCopy, ReceiptCopySent};
use domain::questionnaire::QUESTIONNAIRE;
use domain::record::vocabulary::ModerationStatus;
use domain::{
    questionnaire::api::{OwnSubmission, Receipt, StartToken, Submission, Update, is_key},
    questionnaire::rounds::CurrentRound,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current_round))
        .routes(routes!(start))
        .routes(routes!(submit))
        .routes(routes!(own_submission, update_own_submission))
        .routes(routes!(mail_receipt_copy))
        .routes(routes!(confirm_own_submission))
}

/// The round open today, or the continuous collection (`round: null`).
#[utoipa::path(get, path = "/api/rounds/current", tag = "catalogue",
    responses((status = 200, body = CurrentRound), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn current_round(State(state): State<AppState>) -> Result<Json<CurrentRound>, ApiError> {
    let round = state.db.read(db::rounds::current).await?;
    Ok(Json(CurrentRound { round }))
}

/// Opens the questionnaire: a signed token of when, sent back with the
/// submission, from which the server measures the time spent on the form.
#[utoipa::path(post, path = "/api/submissions/start", tag = "respondents",
    responses((status = 200, body = StartToken), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn start(State(state): State<AppState>) -> Json<StartToken> {
    Json(StartToken { started: state.start_tokens.issue(crate::guard::unix_now()) })
}

/// Tokens and keys are URL-safe base64 or UUID-like text of sensible length.
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default();
    if is_key(key, 16) {
        Ok(key.to_owned())
    } else {
        Err(ApiError::BadRequest(messages::IDEMPOTENCY_KEY_MISSING.into()))
    }
}

fn token_hash(token: &str) -> Result<String, ApiError> {
    if is_key(token, domain::questionnaire::api::EDIT_TOKEN_MIN) {
        Ok(sha256_hex(token.as_bytes()))
    } else {
        Err(ApiError::InvalidLink)
    }
}

/// Submits a practice; it waits for the editors' review before publication.
/// A retry with the same `Idempotency-Key` and body gets the same receipt.
#[utoipa::path(post, path = "/api/submissions", tag = "respondents", request_body = Submission,
    params(("Idempotency-Key" = String, Header, description = "16-128 characters A-Z a-z 0-9 - _, one per submission")),
    responses((status = 201, body = Receipt), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn submit(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    ApiJson(submission): ApiJson<Submission>,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    state.guard.check_rate(client)?;
    let idempotency_key = idempotency_key(&headers)?;
    let fill_seconds = state.start_tokens.seconds_since(&submission.started, crate::guard::unix_now());
    state.guard.check_human(&submission.website, fill_seconds)?;
    let edit_token_hash =
        token_hash(&submission.edit_token).map_err(|_| ApiError::BadRequest(messages::EDIT_TOKEN_SHAPE.into()))?;
    let answer =
        QUESTIONNAIRE.accept(submission.answers, Some(domain::record::comuni::shipped())).map_err(ApiError::Invalid)?;
    let canonical = serde_json::to_string(&answer).expect("a practice serializes");
    let derived_from = submission.derived_from;
    let origin = derived_from.as_ref().map_or("", PracticeId::as_str);
    let request_hash = sha256_hex(format!("{canonical}\n{edit_token_hash}\n{origin}").as_bytes());
    if let Some(origin) = derived_from.clone()
        && !state.db.read(move |conn| db::is_published(conn, &origin)).await?
    {
        return Err(ApiError::Refused(messages::ORIGIN_NOT_PUBLISHED.into()));
    }
    let round = state.db.read(db::rounds::current).await?;
    let new = NewPractice {
        answer,
        status: ModerationStatus::Inviata,
        demo: false,
        round: round.map_or_else(|| db::CONTINUOUS_ROUND.to_owned(), |r| r.code),
        derived_from,
        submission: Some(SubmissionKeys {
            idempotency_key,
            request_hash,
            edit_token_hash,
            lang: crate::language::current(),
        }),
    };
    match state.db.call(move |conn| db::insert_practice(conn, &new)).await? {
        Stored::Created(id) | Stored::Replayed(id) => Ok((StatusCode::CREATED, Json(Receipt { id, version: None }))),
        Stored::KeyReused => Err(ApiError::IdempotencyKeyReused),
        Stored::TokenReused => Err(ApiError::Conflict(messages::EDIT_TOKEN_REUSED.into())),
    }
}

/// The private link's code the request carries (`Authorization: Bearer`).
fn bearer_token(headers: &HeaderMap) -> Result<&str, ApiError> {
    let value = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let token = value.strip_prefix("Bearer ").ok_or(ApiError::InvalidLink)?.trim();
    if is_key(token, domain::questionnaire::api::EDIT_TOKEN_MIN) { Ok(token) } else { Err(ApiError::InvalidLink) }
}

fn bearer_token_hash(headers: &HeaderMap) -> Result<String, ApiError> {
    token_hash(bearer_token(headers)?)
}

/// The submission a private link opens, with the editors' latest message.
#[utoipa::path(get, path = "/api/submissions/mine", tag = "respondents", security(("private_link" = [])),
    responses((status = 200, body = OwnSubmission), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn own_submission(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<OwnSubmission>, ApiError> {
    let hash = bearer_token_hash(&headers)?;
    let found = state.db.read(move |conn| db::own_submission(conn, &hash)).await?;
    found.map(Json).ok_or(ApiError::InvalidLink)
}

/// Sends a new version through the private link; a published practice keeps
/// its public version until the editors accept the update.
#[utoipa::path(put, path = "/api/submissions/mine", tag = "respondents", security(("private_link" = [])),
    request_body = Update,
    responses((status = 200, body = Receipt), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn update_own_submission(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(update): ApiJson<Update>,
) -> Result<Json<Receipt>, ApiError> {
    let hash = bearer_token_hash(&headers)?;
    let answer =
        QUESTIONNAIRE.accept(update.answers, Some(domain::record::comuni::shipped())).map_err(ApiError::Invalid)?;
    let updated = state.db.call(move |conn| db::update_own_submission(conn, &hash, &answer)).await?;
    let (id, version) = updated.ok_or(ApiError::InvalidLink)?;
    let version = u32::try_from(version).ok();
    Ok(Json(Receipt { id, version }))
}

/// Mails the receipt, private link included, to the practice's contact
/// e-mail, once per practice however often it is asked (the link is a
/// secret: the respondent ticks that they know).
#[utoipa::path(post, path = "/api/submissions/mine/receipt-copy", tag = "respondents", security(("private_link" = [])),
    request_body = ReceiptCopy,
    responses((status = 202, body = ReceiptCopySent), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn mail_receipt_copy(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ReceiptCopy>,
) -> Result<(StatusCode, Json<ReceiptCopySent>), ApiError> {
    state.guard.check_rate(client)?;
    let code = bearer_token(&headers)?.to_owned();
    let errors = request.validate();
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let (site, lang) = (crate::mail::Site::of(&state), crate::language::current());
    let recipient = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let Some((id, title, contact)) = db::respondent_by_link(&tx, &sha256_hex(code.as_bytes()))? else {
                return Ok(None);
            };
            let letter = crate::mail::letters::receipt_copy(&site, &id, &title, &code);
            crate::mail::queue(&tx, &letter.to(&site, format!("receipt:{id}"), &contact, Some(lang)))?;
            tx.commit()?;
            Ok(Some(contact))
        })
        .await?
        .ok_or(ApiError::InvalidLink)?;
    state.mail.wake();
    Ok((StatusCode::ACCEPTED, Json(ReceiptCopySent { recipient })))
}

/// "È ancora attuale?": through the private link, or the confirmation link
/// mailed for this period (its code as the bearer: valid once), the
/// respondent confirms in one step that the published description is
/// current, or marks the practice concluded (`{"choice": "concluded",
/// "end_date": "2026-06"}`); either renews "confermata il". Updating it is
/// the usual `PUT`, with the private link.
#[utoipa::path(post, path = "/api/submissions/mine/confirmation", tag = "respondents", security(("private_link" = [])),
    request_body = domain::community::living::Confirmation,
    responses((status = 200, body = domain::community::living::Confirmed), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn confirm_own_submission(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    ApiJson(confirmation): ApiJson<domain::community::living::Confirmation>,
) -> Result<Json<domain::community::living::Confirmed>, ApiError> {
    use db::{Confirmer, Confirming};
    state.guard.check_rate(client)?;
    // A mailed confirmation link's code has dots; a private link never does.
    let bearer = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let mailed = match bearer.strip_prefix("Bearer ").map(str::trim) {
        Some(code) if code.contains('.') => Some(state.follow_keys.confirmation_of(code).ok_or(ApiError::InvalidLink)?),
        _ => None,
    };
    let hash = if mailed.is_none() { bearer_token_hash(&headers)? } else { String::new() };
    let errors = confirmation.validate();
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let by_mail = mailed.is_some();
    let confirmed = state.db.call(move |conn| {
        let confirmer = match &mailed {
            Some((practice, confirmed_at)) => Confirmer::Mailed { practice, confirmed_at },
            None => Confirmer::PrivateLink(&hash),
        };
        db::confirm(conn, &confirmer, &confirmation)
    });
    match confirmed.await? {
        Confirming::Done(confirmed_at) => {
            state.publish();
            Ok(Json(domain::community::living::Confirmed { confirmed_at }))
        }
        Confirming::NoLink if by_mail => Err(ApiError::Conflict(messages::CONFIRMATION_LINK_USED.into())),
        Confirming::NoLink => Err(ApiError::InvalidLink),
        Confirming::NotPublished => Err(ApiError::Conflict(messages::CONFIRMING_UNPUBLISHED.into())),
        Confirming::UpdatePending => Err(ApiError::Conflict(messages::UPDATE_PENDING.into())),
        Confirming::Invalid(errors) => Err(ApiError::Invalid(errors)),
    }
}
