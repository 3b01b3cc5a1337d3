// SPDX-License-Identifier: EUPL-1.2
//! The editors' and admins' API (`/api/session`, `/api/moderation/...`). The
//! session lives in an HttpOnly cookie the browser sends by itself; each
//! request that goes through tells the session's watcher it is open, and one
//! refused for want of it ends as [`ApiError::SignedOut`].

use super::{ApiError, Body, Method, Session, decode, exchange, json_body, report, request};
use domain::PracticeId;
use domain::{
    curation::api::{
        Account, AuditEntry, Correction, Credentials, Decision, DecisionOutcome, NewAccount, QueueFilter, QueuePage,
        Review, User,
    },
    harvest::api::{HarvestRun, HarvestSource, NewHarvestSource, SourceChange},
    questionnaire::import::api::{Checked, Completion, DraftEntry, ImportDraft, Imported, Upload, WithMapping},
    questionnaire::rounds::{NewRound, Round},
};
use serde::de::DeserializeOwned;

/// A request that needs the session.
async fn call<T: DeserializeOwned>(method: Method, url: &str, body: Option<String>) -> Result<T, ApiError> {
    decode(&with_session(method, url, body.map(Body::Json)).await?)
}

/// The exchange of a request that needs the session; one that goes through
/// says the session is open.
async fn with_session(method: Method, url: &str, body: Option<Body>) -> Result<String, ApiError> {
    let answer = exchange(method, url, &[], body).await;
    if answer.is_ok() {
        report(Session::Open);
    }
    answer
}

/// Text for a path segment or a query value.
fn encoded(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// Signs in; the session lives in an HttpOnly cookie.
pub async fn sign_in(credentials: &Credentials) -> Result<User, ApiError> {
    call(Method::Post, "/api/session", json_body(credentials)).await
}

/// Who is signed in.
pub async fn whoami() -> Result<User, ApiError> {
    call(Method::Get, "/api/session", None).await
}

/// Signs out.
pub async fn sign_out() -> Result<(), ApiError> {
    request(Method::Delete, "/api/session", &[], None).await
}

/// The query string of a queue filter (`stato=…&q=…`), empty for everything.
pub fn queue_query(filter: &QueueFilter) -> String {
    let QueueFilter { stato, aggiornamenti, da_aggiornare, q } = filter;
    let pairs = [
        stato.as_deref().map(|s| format!("stato={}", encoded(s))),
        aggiornamenti.map(|a| format!("aggiornamenti={a}")),
        da_aggiornare.map(|a| format!("da_aggiornare={a}")),
        q.as_deref().map(|q| format!("q={}", encoded(q))),
    ];
    pairs.into_iter().flatten().collect::<Vec<_>>().join("&")
}

/// The queue, with the count of each state.
pub async fn queue(filter: &QueueFilter) -> Result<QueuePage, ApiError> {
    call(Method::Get, &format!("/api/moderation/submissions?{}", queue_query(filter)), None).await
}

/// One submission with every field, for review.
pub async fn review(id: &PracticeId) -> Result<Review, ApiError> {
    call(Method::Get, &format!("/api/moderation/submissions/{id}"), None).await
}

/// The imported rows kept as drafts, still to complete.
pub async fn import_drafts() -> Result<Vec<DraftEntry>, ApiError> {
    call(Method::Get, "/api/moderation/import-drafts", None).await
}

/// One imported draft, to complete.
pub async fn import_draft(id: i64) -> Result<ImportDraft, ApiError> {
    call(Method::Get, &format!("/api/moderation/import-drafts/{id}"), None).await
}

/// Completes an imported draft: the new submission's identifier.
pub async fn complete_draft(id: i64, completion: &Completion) -> Result<PracticeId, ApiError> {
    call(Method::Post, &format!("/api/moderation/import-drafts/{id}/complete"), json_body(completion)).await
}

/// A decision on a submission.
pub async fn decide(id: &PracticeId, decision: &Decision) -> Result<DecisionOutcome, ApiError> {
    call(Method::Post, &format!("/api/moderation/submissions/{id}/actions"), json_body(decision)).await
}

/// A curator's correction, stored as a new version.
pub async fn correct(id: &PracticeId, correction: &Correction) -> Result<DecisionOutcome, ApiError> {
    call(Method::Post, &format!("/api/moderation/submissions/{id}/edit"), json_body(correction)).await
}

/// Every collection round.
pub async fn rounds() -> Result<Vec<Round>, ApiError> {
    call(Method::Get, "/api/moderation/rounds", None).await
}

/// Defines a collection round (admins).
pub async fn add_round(round: &NewRound) -> Result<Round, ApiError> {
    call(Method::Post, "/api/moderation/rounds", json_body(round)).await
}

/// A round's invitees and who answered (admins).
pub async fn invitees(round: &str) -> Result<domain::community::invitations::RoundInvitations, ApiError> {
    call(Method::Get, &domain::community::invitations::invitees_url(&encoded(round)), None).await
}

/// Adds a CSV list of invitees to a round (admins).
pub async fn add_invitees(
    round: &str,
    list: &domain::community::invitations::NewInvitees,
) -> Result<domain::community::invitations::InviteesAdded, ApiError> {
    call(Method::Post, &domain::community::invitations::invitees_url(&encoded(round)), json_body(list)).await
}

/// Takes an invitee off a round's list (admins).
pub async fn remove_invitee(round: &str, id: i64) -> Result<(), ApiError> {
    call(Method::Delete, &format!("{}/{id}", domain::community::invitations::invitees_url(&encoded(round))), None).await
}

/// Every account (admins).
pub async fn accounts() -> Result<Vec<Account>, ApiError> {
    call(Method::Get, "/api/moderation/users", None).await
}

/// Adds an account (admins).
pub async fn add_account(account: &NewAccount) -> Result<Account, ApiError> {
    call(Method::Post, "/api/moderation/users", json_body(account)).await
}

/// Disables an account and ends its sessions (admins).
pub async fn disable_account(email: &str) -> Result<(), ApiError> {
    call(Method::Post, &format!("/api/moderation/users/{}/disable", encoded(email)), None).await
}

/// Enables a disabled account again (admins).
pub async fn enable_account(email: &str) -> Result<(), ApiError> {
    call(Method::Post, &format!("/api/moderation/users/{}/enable", encoded(email)), None).await
}

/// The audit log, newest first (admins).
pub async fn audit() -> Result<Vec<AuditEntry>, ApiError> {
    call(Method::Get, "/api/moderation/audit", None).await
}

/// Every accessibility report, the open ones first.
pub async fn accessibility_reports() -> Result<Vec<domain::site::feedback::ReportItem>, ApiError> {
    call(Method::Get, "/api/moderation/accessibility-reports", None).await
}

/// Marks a report handled, or open again.
pub async fn handle_accessibility_report(id: i64, handled: bool) -> Result<(), ApiError> {
    let handling = domain::site::feedback::ReportHandling { handled };
    call(Method::Put, &format!("/api/moderation/accessibility-reports/{id}"), json_body(&handling)).await
}

/// The service ratings' results (admins).
pub async fn daily_digest() -> Result<domain::community::DailyDigest, ApiError> {
    call(Method::Get, domain::community::DAILY_DIGEST_URL, None).await
}

pub async fn set_daily_digest(on: bool) -> Result<domain::community::DailyDigest, ApiError> {
    let setting = domain::community::DailyDigest { daily_digest: on };
    call(Method::Put, domain::community::DAILY_DIGEST_URL, json_body(&setting)).await
}

pub async fn outbox() -> Result<domain::community::Outbox, ApiError> {
    call(Method::Get, domain::community::OUTBOX_URL, None).await
}

pub async fn rating_results() -> Result<domain::site::feedback::RatingResults, ApiError> {
    call(Method::Get, "/api/moderation/service-ratings", None).await
}

/// Every declaration of adoption, waiting ones first.
pub async fn adoptions() -> Result<Vec<domain::community::reuse::AdoptionEntry>, ApiError> {
    call(Method::Get, domain::community::reuse::MODERATION_ADOPTIONS_URL, None).await
}

/// A decision on a declaration of adoption.
pub async fn decide_adoption(id: i64, decision: &domain::community::reuse::AdoptionDecision) -> Result<(), ApiError> {
    call(Method::Post, &format!("{}/{id}", domain::community::reuse::MODERATION_ADOPTIONS_URL), json_body(decision))
        .await
}

/// Sends a spreadsheet of responses (CSV or XLSX) to be read and kept.
pub async fn upload_sheet(file: web_sys::File) -> Result<Upload, ApiError> {
    let url = format!("/api/moderation/imports?name={}", encoded(&file.name()));
    decode(&with_session(Method::Post, &url, Some(Body::File(file))).await?)
}

/// The dry run: what importing the upload with `mapping` would do.
pub async fn check_import(upload: i64, mapping: &WithMapping) -> Result<Checked, ApiError> {
    call(Method::Post, &format!("/api/moderation/imports/{upload}/check"), json_body(mapping)).await
}

/// Imports the upload's ready rows into the curation queue.
pub async fn import(upload: i64, mapping: &WithMapping) -> Result<Imported, ApiError> {
    call(Method::Post, &format!("/api/moderation/imports/{upload}/import"), json_body(mapping)).await
}

/// Undoes an import nobody has curated yet: how many practices it removed.
pub async fn undo_import(batch: i64) -> Result<usize, ApiError> {
    call(Method::Post, &format!("/api/moderation/import-batches/{batch}/undo"), None).await
}

/// The sources of the harvest, with their last run (admins).
pub async fn harvest_sources() -> Result<Vec<HarvestSource>, ApiError> {
    call(Method::Get, HARVEST_SOURCES, None).await
}

pub async fn add_harvest_source(source: &NewHarvestSource) -> Result<HarvestSource, ApiError> {
    call(Method::Post, HARVEST_SOURCES, json_body(source)).await
}

pub async fn change_harvest_source(id: i64, change: &SourceChange) -> Result<HarvestSource, ApiError> {
    call(Method::Patch, &format!("{HARVEST_SOURCES}/{id}"), json_body(change)).await
}

/// Reads a source now: what the run did (a failed run is an answer too).
pub async fn run_harvest_source(id: i64) -> Result<HarvestRun, ApiError> {
    call(Method::Post, &format!("{HARVEST_SOURCES}/{id}/run"), None).await
}

const HARVEST_SOURCES: &str = "/api/moderation/harvest-sources";
