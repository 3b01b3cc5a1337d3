// SPDX-License-Identifier: EUPL-1.2
//! The community of practice's public endpoints: "Contatta il referente"
//! (a reader's message relayed to a practice's hidden contact) and "Segui
//! questa ricerca" (a weekly digest of a catalogue view, confirmed by a
//! mailed link, cancelled in one click). Each queues its messages in the
//! transaction that records it.

use super::ERROR;
use crate::AppState;
use crate::client::ClientIp;
use crate::db::{self, subscriptions};
use crate::error::{ApiError, ApiJson, ApiPath, ApiQuery};
use crate::mail::follow::{self, Links};
use crate::mail::{self, Site, letters};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use domain::PracticeId;
use domain::community::reuse::{AdoptionDeclaration, AdoptionReceived};
use domain::community::{ContactRequest, ContactSent, FollowPending, FollowRequest, Subscription};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(contact_the_referent))
        .routes(routes!(declare_adoption))
        .routes(routes!(follow_view))
        .routes(routes!(confirm_subscription))
        .routes(routes!(unsubscribe))
}

/// "L'abbiamo adottata anche noi": another body declares it took up a
/// published practice. The declaration waits for the curators; once
/// published it shows on the practice's page. A retry with the same
/// `Idempotency-Key` stores nothing more.
#[utoipa::path(post, path = "/api/practices/{id}/adoptions", tag = "catalogue", request_body = AdoptionDeclaration,
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001"),
           ("Idempotency-Key" = String, Header, description = "16-128 characters A-Z a-z 0-9 - _, one per declaration")),
    responses((status = 202, body = AdoptionReceived), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn declare_adoption(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(declaration): ApiJson<AdoptionDeclaration>,
) -> Result<(StatusCode, Json<AdoptionReceived>), ApiError> {
    state.guard.check_form(
        client,
        &declaration.website,
        declaration.validate(Some(domain::record::comuni::shipped())),
    )?;
    let key = super::submissions::idempotency_key(&headers)?;
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let practice = id.clone();
    match state.db.call(move |conn| db::adoptions::declare(conn, &practice, &key, &declaration)).await? {
        db::adoptions::Declared::Stored => Ok((StatusCode::ACCEPTED, Json(AdoptionReceived { practice: id }))),
        db::adoptions::Declared::NoPractice => Err(ApiError::NotFound),
    }
}

/// "Contatta il referente": relays a reader's message to the private contact
/// of a published practice, without showing the address, with a copy to the
/// sender; the referent's reply goes to the sender. A retry with the same
/// `Idempotency-Key` sends nothing more.
#[utoipa::path(post, path = "/api/practices/{id}/contact", tag = "catalogue", request_body = ContactRequest,
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001"),
           ("Idempotency-Key" = String, Header, description = "16-128 characters A-Z a-z 0-9 - _, one per message")),
    responses((status = 202, body = ContactSent), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn contact_the_referent(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ContactRequest>,
) -> Result<(StatusCode, Json<ContactSent>), ApiError> {
    state.guard.check_form(client, &request.website, request.validate())?;
    let key = super::submissions::idempotency_key(&headers)?;
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let lookup = id.clone();
    let referent = state.db.read(move |conn| db::referent(conn, &lookup)).await?.ok_or(ApiError::NotFound)?;
    if referent.declines {
        return Err(ApiError::Conflict(crate::messages::REFERENT_DECLINES.into()));
    }
    state.contact_limits.check(&request.email, id.as_str())?;
    let reply_to = mail::mailbox_of(request.name.trim(), request.email.trim())
        .ok_or_else(|| ApiError::BadRequest(crate::messages::UNUSABLE_SENDER.into()))?;
    let site = Site::of(&state);
    let copy_to = request.email.trim().to_owned();
    let (sender, sender_lang) = (copy_to.clone(), crate::language::current());
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let relay = letters::contact_relay(&site, &id, &referent.title, &request);
            let mut relay = relay.to(&site, format!("contact:{id}:{key}:relay"), &referent.email, referent.lang);
            relay.reply_to = Some(reply_to);
            mail::queue(&tx, &relay)?;
            let copy = letters::contact_copy(&site, &id, &referent.title, &request);
            mail::queue(&tx, &copy.to(&site, format!("contact:{id}:{key}:copy"), &sender, Some(sender_lang)))?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    state.mail.wake();
    Ok((StatusCode::ACCEPTED, Json(ContactSent { copy_to })))
}

/// "Segui questa ricerca": mails `email` a link to confirm that it follows
/// the view; answers the same whether or not the address already follows it.
#[utoipa::path(post, path = "/api/subscriptions", tag = "catalogue", request_body = FollowRequest,
    responses((status = 202, body = FollowPending), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn follow_view(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(request): ApiJson<FollowRequest>,
) -> Result<(StatusCode, Json<FollowPending>), ApiError> {
    state.guard.check_form(client, &request.website, request.validate())?;
    let email = request.email.trim().to_owned();
    state.contact_limits.check_sender(&email)?;
    let view = crate::catalogue_view::canonical_view(&request.view);
    let (site, keys, address) = (Site::of(&state), state.follow_keys.clone(), email.clone());
    let lang = crate::language::current();
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let now = db::now();
            let id = subscriptions::upsert(&tx, &address, &view, lang, &now)?;
            let letter = letters::follow_confirm(&crate::catalogue_view::query_of(&view), &Links::of(&site, &keys, id));
            // Asked again later, the link is mailed again.
            mail::queue(&tx, &letter.to(&site, format!("follow:{id}:{now}"), &address, Some(lang)))?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    state.mail.wake();
    Ok((StatusCode::ACCEPTED, Json(FollowPending { email })))
}

/// A subscription link's code.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct Code {
    /// The code after `#` in the mailed link.
    code: String,
}

/// Confirms a subscription from the mailed link; its first digest comes in a week.
#[utoipa::path(post, path = "/api/subscriptions/confirm", tag = "catalogue", params(Code),
    responses((status = 200, body = Subscription), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn confirm_subscription(
    State(state): State<AppState>,
    ApiQuery(Code { code }): ApiQuery<Code>,
) -> Result<Json<Subscription>, ApiError> {
    let view = change_subscription(&state, &code, |tx, id| {
        let now = time::OffsetDateTime::now_utc();
        subscriptions::confirm(tx, id, &db::rfc3339(now), &db::rfc3339(now + follow::DIGEST_EVERY))
    })
    .await?;
    Ok(Json(Subscription { view: view.ok_or(ApiError::NotFound)? }))
}

/// Applies `change` to the subscription `code` names, in a transaction;
/// the view it returns (`None`: there is no such subscription). A code the
/// server did not sign is 404.
async fn change_subscription(
    state: &AppState,
    code: &str,
    change: fn(&rusqlite::Transaction<'_>, i64) -> Result<Option<String>, db::DbError>,
) -> Result<Option<String>, ApiError> {
    let id = state.follow_keys.id_of(code).ok_or(ApiError::NotFound)?;
    let view = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let view = change(&tx, id)?;
            tx.commit()?;
            Ok(view)
        })
        .await?;
    Ok(view)
}

/// Cancels a subscription and deletes the address: from the page the
/// digest links to, or in one click from a mail program (RFC 8058, which
/// posts `List-Unsubscribe=One-Click`; any body is ignored). Cancelling what
/// is already cancelled answers the same.
#[utoipa::path(post, path = "/api/subscriptions/unsubscribe", tag = "catalogue", params(Code),
    responses((status = 200, body = Subscription), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn unsubscribe(
    State(state): State<AppState>,
    ApiQuery(Code { code }): ApiQuery<Code>,
) -> Result<Json<Subscription>, ApiError> {
    let view = change_subscription(&state, &code, subscriptions::remove).await?;
    Ok(Json(Subscription { view: view.unwrap_or_default() }))
}
