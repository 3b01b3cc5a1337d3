// SPDX-License-Identifier: EUPL-1.2
//! The JSON API under `/api`. Handlers are short: extract, ask the domain,
//! call a `db` function, answer.

use crate::client::ClientIp;
use crate::db::{self, NewPractice, Stored, SubmissionKeys};
use crate::error::{ApiError, ApiJson, ApiPath, ApiQuery};
use crate::messages;
use crate::{AppState, sha256_hex};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{any, get};
use domain::api::{CurrentRound, OwnSubmission, Receipt, StartToken, Submission, Update, is_key};
use domain::community::{ReceiptCopy, ReceiptCopySent};
use domain::feedback::{AccessibilityReport, ReportReceipt, ServiceRating};
use domain::practice::Catalogue;
use domain::questionnaire::QUESTIONNAIRE;
use domain::vocabulary::ModerationStatus;
use domain::{CatalogueEntry, PracticeId, PublicPractice};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

const ERROR: &str = crate::openapi::ERROR_DESCRIPTION;

/// The `/api` routes. Any other path under `/api` answers a JSON 404, even
/// when the app's single-page fallback serves every other unknown path.
pub fn router() -> OpenApiRouter<AppState> {
    let not_found = || async { ApiError::NotFound };
    OpenApiRouter::new()
        .routes(routes!(health))
        .routes(routes!(catalogue))
        .routes(routes!(practice))
        .routes(routes!(data_dictionary))
        .routes(routes!(current_round))
        .routes(routes!(operator))
        .routes(routes!(participation))
        .routes(routes!(export_csv))
        .routes(routes!(export_json))
        .routes(routes!(start))
        .routes(routes!(submit))
        .routes(routes!(report_accessibility_problem))
        .routes(routes!(rate_the_service))
        .routes(routes!(own_submission, update_own_submission))
        .routes(routes!(mail_receipt_copy))
        .routes(routes!(confirm_own_submission))
        .routes(routes!(opendata_file))
        .route("/opendata/", get(|| async { axum::response::Redirect::to("/dati-aperti") }))
        .route("/robots.txt", get(robots_txt))
        .route("/.well-known/security.txt", get(security_txt))
        .route("/sitemap.xml", get(sitemap_xml))
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
}

#[derive(Serialize, ToSchema)]
struct Health {
    status: &'static str,
}

/// The service and its database answer.
#[utoipa::path(get, path = "/api/health", tag = "catalogue",
    responses((status = 200, body = Health), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.db.read(db::ping).await?;
    Ok(Json(Health { status: "ok" }))
}

/// Builds the catalogue document from the published practices: the same
/// function feeds the API and the static `catalogue.json`. Its date is the
/// latest change among them, so the same data always gives the same bytes.
pub async fn build_catalogue(db: &db::Db) -> Result<Catalogue, db::DbError> {
    let practices = db.read(db::published_practices).await?;
    Ok(catalogue_of(&practices))
}

/// The catalogue document of these published practices.
pub fn catalogue_of(practices: &[PublicPractice]) -> Catalogue {
    Catalogue {
        generated_at: crate::opendata::modified(practices).to_owned(),
        licence: domain::practice::LICENCE.to_owned(),
        practices: practices.iter().map(CatalogueEntry::from).collect(),
    }
}

/// A JSON answer with an ETag: a client that has these bytes already gets 304.
fn json_with_etag<T: Serialize>(value: &T, headers: &HeaderMap) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = serde_json::to_vec(value).expect("API documents serialize");
    let etag = format!("\"{}\"", &sha256_hex(&body)[..32]);
    let cached = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag || tag.trim() == "*"));
    let common = [(header::ETAG, etag), (header::CACHE_CONTROL, "no-cache".to_owned())];
    if cached {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    (common, [(header::CONTENT_TYPE, "application/json".to_owned())], body).into_response()
}

/// Who runs the site: the data controller, the contacts, the retention of
/// personal data, the publisher of the open data (the privacy notice, the
/// accessibility statement and the contacts page read it).
#[utoipa::path(get, path = "/api/operator", tag = "catalogue",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = domain::operator::Operator, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn operator(State(state): State<AppState>, headers: HeaderMap) -> axum::response::Response {
    json_with_etag(&*state.operator, &headers)
}

/// Every published practice, with the fields the catalogue lists and searches.
#[utoipa::path(get, path = "/api/catalogue", tag = "catalogue",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = Catalogue, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn catalogue(State(state): State<AppState>, headers: HeaderMap) -> Result<axum::response::Response, ApiError> {
    Ok(json_with_etag(&build_catalogue(&state.db).await?, &headers))
}

/// Who took part: per region and for the nation, the Comuni, Ambiti and
/// Regioni that sent published practices, how many, and the share of the
/// region's Comuni and population (2011 census) they cover; for every round
/// together and for each collection round.
#[utoipa::path(get, path = "/api/participation", tag = "catalogue",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = domain::participation::Participation, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn participation(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<axum::response::Response, ApiError> {
    Ok(json_with_etag(&crate::participation::build(&state.db).await?, &headers))
}

/// One published practice, every public field.
#[utoipa::path(get, path = "/api/practices/{id}", tag = "catalogue",
    params(("id" = String, Path, description = "The practice's identifier, e.g. BP-2026-0001"),
           ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer")),
    responses(
        (status = 200, body = PublicPractice, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag sent"),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn practice(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<axum::response::Response, ApiError> {
    let id = PracticeId::parse(&id).map_err(|_| ApiError::NotFound)?;
    let found = state.db.read(move |conn| db::published_practice(conn, &id)).await?;
    Ok(json_with_etag(&found.ok_or(ApiError::NotFound)?, &headers))
}

/// The published practices a catalogue view (its URL parameters) selects.
async fn selected(db: &db::Db, params: &[(String, String)]) -> Result<Vec<PublicPractice>, ApiError> {
    let query = domain::catalogue::Query::from_pairs(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let lang = params.iter().rev().find(|(k, _)| k == "lang").and_then(|(_, v)| domain::Lang::from_tag(v));
    let practices = db.read(db::published_practices).await?;
    Ok(crate::export::select(practices, &query, lang.unwrap_or_default()))
}

fn attachment(extension: &str) -> String {
    format!("attachment; filename=\"buone-pratiche-{}.{extension}\"", &db::now()[..10])
}

/// The practices of a catalogue view, every public field, as CSV.
#[utoipa::path(get, path = "/api/export.csv", tag = "catalogue", params(crate::openapi::CatalogueView),
    responses(
        (status = 200, description = "RFC 4180 CSV in UTF-8, one row per practice", content_type = "text/csv", body = String),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn export_csv(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = selected(&state.db, &params).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8; header=present".to_owned()),
            (header::CONTENT_DISPOSITION, attachment("csv")),
        ],
        crate::export::to_csv(&practices),
    ))
}

/// Published practices with their licence: the JSON download.
#[derive(Serialize, ToSchema)]
pub struct PracticesDocument<'a> {
    /// Always CC BY 4.0.
    pub licence: String,
    pub practices: Vec<crate::export::NamedPractice<'a>>,
}

/// The same practices as JSON, with their licence.
#[utoipa::path(get, path = "/api/export.json", tag = "catalogue", params(crate::openapi::CatalogueView),
    responses((status = 200, body = PracticesDocument), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn export_json(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = selected(&state.db, &params).await?;
    let body = PracticesDocument {
        licence: domain::practice::LICENCE.to_owned(),
        practices: practices.iter().map(Into::into).collect(),
    };
    // Serialized here, while the practices it borrows are alive.
    let json = axum::response::IntoResponse::into_response(Json(body));
    Ok(([(header::CONTENT_DISPOSITION, attachment("json"))], json))
}

/// One open-data file, made from the published practices: `buone-pratiche.csv`,
/// `buone-pratiche.json`, `partecipazione.csv` (who took part, per round and
/// region), `dizionario-dati.json`, `dcat.ttl` (DCAT-AP_IT) or `feed.atom`
/// (with a catalogue view's parameters, the feed of that view).
#[utoipa::path(get, path = "/opendata/{name}", tag = "catalogue",
    params(("name" = String, Path, description = "The file's name"), crate::openapi::CatalogueView),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"), (PracticesDocument = "application/json"), (String = "text/turtle"),
            (String = "application/atom+xml")
        )),
        (status = "4XX", description = ERROR, body = crate::error::ErrorBody)
    ))]
async fn opendata_file(
    State(state): State<AppState>,
    ApiPath(name): ApiPath<String>,
    ApiQuery(params): ApiQuery<Vec<(String, String)>>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let media_type = crate::opendata::media_type(&name).ok_or(ApiError::NotFound)?;
    let view = crate::mail::follow::canonical_view(&params);
    let body = if name == "feed.atom" && !view.is_empty() {
        // The feed of one catalogue view, for partners' sites and feed readers.
        let practices = selected(&state.db, &params).await?;
        crate::opendata::view_feed(&state.public_url, &view, &practices)
    } else {
        let (practices, rounds) =
            state.db.read(|conn| Ok((db::published_practices(conn)?, db::rounds::all(conn)?))).await?;
        crate::opendata::render(&name, &state.public_url, &state.operator, &practices, &rounds)
            .ok_or(ApiError::NotFound)?
    };
    Ok(([(header::CONTENT_TYPE, media_type)], body))
}

/// The data dictionary: one entry per field, in questionnaire order, with its
/// labels, kind, codes and visibility, derived from the definition.
#[derive(Serialize, ToSchema)]
struct DataDictionary {
    questionnaire_version: u32,
    columns: Vec<domain::questionnaire::DictionaryEntry>,
    /// Personal data kept outside the practice record ("Contatta il
    /// referente", "Segui questa ricerca", the outbox): never exported.
    community: Vec<domain::questionnaire::DictionaryEntry>,
}

/// What each field and column means, from the questionnaire's definition.
#[utoipa::path(get, path = "/api/data-dictionary", tag = "catalogue",
    responses((status = 200, body = DataDictionary), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn data_dictionary() -> Json<DataDictionary> {
    Json(DataDictionary {
        questionnaire_version: QUESTIONNAIRE.version,
        columns: QUESTIONNAIRE.dictionary(),
        community: domain::questionnaire::community_data(),
    })
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
    if is_key(token, domain::api::EDIT_TOKEN_MIN) {
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
        QUESTIONNAIRE.accept(submission.answers, Some(domain::comuni::shipped())).map_err(ApiError::Invalid)?;
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
        submission: Some(SubmissionKeys { idempotency_key, request_hash, edit_token_hash }),
    };
    match state.db.call(move |conn| db::insert_practice(conn, &new)).await? {
        Stored::Created(id) | Stored::Replayed(id) => Ok((StatusCode::CREATED, Json(Receipt { id, version: None }))),
        Stored::KeyReused => Err(ApiError::IdempotencyKeyReused),
        Stored::TokenReused => Err(ApiError::Conflict(messages::EDIT_TOKEN_REUSED.into())),
    }
}

/// Reports an accessibility problem to the editors (the statement's
/// feedback mechanism); anonymous unless an e-mail is given.
#[utoipa::path(post, path = "/api/accessibility-reports", tag = "respondents",
    request_body = AccessibilityReport,
    responses((status = 201, body = ReportReceipt), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn report_accessibility_problem(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(report): ApiJson<AccessibilityReport>,
) -> Result<(StatusCode, Json<ReportReceipt>), ApiError> {
    state.guard.check_form(client, &report.website, report.validate())?;
    let (site, editors) = (crate::mail::Site::of(&state), state.operator.editors_email.clone());
    let id = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let id = db::reports::insert(&tx, &report, &db::now())?;
            // The editors hear of it by e-mail too, when they have an address.
            if let Some(editors) = editors {
                let reference = domain::feedback::reference(id);
                let letter = crate::mail::letters::accessibility_report(&site, &reference, &report);
                crate::mail::queue(&tx, &letter.to(&site, format!("report:{reference}"), &editors))?;
            }
            tx.commit()?;
            Ok(id)
        })
        .await?;
    state.mail.wake();
    Ok((StatusCode::CREATED, Json(ReportReceipt { reference: domain::feedback::reference(id) })))
}

/// Rates the questionnaire's service (1 to 5 stars, an optional comment);
/// anonymous: nothing about the sender is kept, not even the time of day.
#[utoipa::path(post, path = "/api/service-ratings", tag = "respondents",
    request_body = ServiceRating,
    responses((status = 204, description = "Received"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn rate_the_service(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(rating): ApiJson<ServiceRating>,
) -> Result<StatusCode, ApiError> {
    state.guard.check_form(client, &rating.website, rating.validate())?;
    let day = domain::dates::day_of(&db::now()).to_owned();
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            db::ratings::insert(&tx, &rating, &day)?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The private link's code the request carries (`Authorization: Bearer`).
fn bearer_token(headers: &HeaderMap) -> Result<&str, ApiError> {
    let value = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let token = value.strip_prefix("Bearer ").ok_or(ApiError::InvalidLink)?.trim();
    if is_key(token, domain::api::EDIT_TOKEN_MIN) { Ok(token) } else { Err(ApiError::InvalidLink) }
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
    let answer = QUESTIONNAIRE.accept(update.answers, Some(domain::comuni::shipped())).map_err(ApiError::Invalid)?;
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
    let site = crate::mail::Site::of(&state);
    let recipient = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let Some((id, title, contact)) = db::respondent_by_link(&tx, &sha256_hex(code.as_bytes()))? else {
                return Ok(None);
            };
            let letter = crate::mail::letters::receipt_copy(&site, &id, &title, &code);
            crate::mail::queue(&tx, &letter.to(&site, format!("receipt:{id}"), &contact))?;
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
    request_body = domain::living::Confirmation,
    responses((status = 200, body = domain::living::Confirmed), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn confirm_own_submission(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    ApiJson(confirmation): ApiJson<domain::living::Confirmation>,
) -> Result<Json<domain::living::Confirmed>, ApiError> {
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
            Ok(Json(domain::living::Confirmed { confirmed_at }))
        }
        Confirming::NoLink if by_mail => Err(ApiError::Conflict(messages::CONFIRMATION_LINK_USED.into())),
        Confirming::NoLink => Err(ApiError::InvalidLink),
        Confirming::NotPublished => Err(ApiError::Conflict(messages::CONFIRMING_UNPUBLISHED.into())),
        Confirming::UpdatePending => Err(ApiError::Conflict(messages::UPDATE_PENDING.into())),
        Confirming::Invalid(errors) => Err(ApiError::Invalid(errors)),
    }
}

/// `robots.txt`: the private pages and the API are not for crawlers; where the sitemap is.
async fn robots_txt(State(state): State<AppState>) -> impl axum::response::IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], crate::head::robots_txt(&state.public_url))
}

/// `/.well-known/security.txt` (RFC 9116), when the operator set the contact.
async fn security_txt(State(state): State<AppState>) -> Result<impl axum::response::IntoResponse, ApiError> {
    let contact = state.operator.security_contact.as_deref().ok_or(ApiError::NotFound)?;
    let text = crate::security_txt::render(contact, &state.public_url, time::OffsetDateTime::now_utc());
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text))
}

/// `sitemap.xml`: every public page and every published practice, with when it last changed.
async fn sitemap_xml(State(state): State<AppState>) -> Result<impl axum::response::IntoResponse, ApiError> {
    let practices = state.db.read(db::published_practices).await?;
    let xml = crate::head::sitemap_xml(&state.public_url, &practices);
    Ok(([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml))
}
