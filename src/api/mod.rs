// SPDX-License-Identifier: EUPL-1.2
//! The app's one typed client: every call to our server (or, for the public
//! reads, to the static files published beside the app) goes through
//! [`request`], exchanges the types of `domain::api`, and fails with one
//! [`ApiError`]. The page chooses its data source with
//! `<meta name="bp-data-source">` ("a lightweight JSON API or static data
//! files").
//!
//! Every request says the interface's current language (`Accept-Language`,
//! from [`current_lang`]), so the server's error messages come in it.
//!
//! A request the server refuses because the editors' session has ended
//! (401 `unauthorized`) is reported once, here, to whoever watches the
//! session ([`watch_session`]): the app sends the person to sign in again,
//! whatever the request was.

pub mod moderation;

use crate::texts;
use domain::record::practice::Catalogue;
use domain::{FieldErrors, Lang, PublicPractice};
use domain::{
    api::{Answers, ErrorBody},
    questionnaire::api::{OwnSubmission, Receipt, StartToken, Submission, Update},
    questionnaire::rounds::CurrentRound,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::rc::Rc;

pub use domain::api::DataSource;

/// The data source the current page declares (`<meta name="bp-data-source">`).
pub fn data_source() -> DataSource {
    #[cfg(feature = "ssr")]
    return crate::start::data::use_start_data().source;
    #[cfg(not(feature = "ssr"))]
    {
        let content = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name='bp-data-source']").ok().flatten())
            .and_then(|meta| meta.get_attribute("content"));
        DataSource::from_meta(content.as_deref())
    }
}

/// The interface's current language, read at request time without a
/// reactive owner: `<html lang>`, which `crate::i18n::provide_lang` keeps in
/// step with the language switch (the page's start data when the server
/// draws the page). Italian when it names neither language.
pub fn current_lang() -> Lang {
    #[cfg(feature = "ssr")]
    return crate::start::data::use_start_data().lang;
    #[cfg(not(feature = "ssr"))]
    {
        let tag = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"));
        tag.and_then(|tag| {
            let primary = tag.split('-').next().unwrap_or_default().trim().to_ascii_lowercase();
            Lang::from_tag(&primary)
        })
        .unwrap_or_default()
    }
}

/// Why a request did not give what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer (offline, the server down), or a 5xx without our JSON
    /// body (a proxy's or gateway's page): worth trying again.
    Offline,
    /// The editors' session has ended, or there never was one.
    SignedOut,
    /// The server found fields to fix.
    Invalid(FieldErrors),
    /// Refused for another reason; `code` and `message` are empty when the
    /// answer had none of our JSON (a static host's 404).
    Refused { status: u16, code: String, message: String },
    /// An answer that is not the JSON expected.
    Decode(String),
}

impl ApiError {
    /// What to tell people, in the interface's current language
    /// ([`current_lang`]).
    pub fn message(&self) -> String {
        self.message_in(current_lang())
    }

    /// What to tell people, in `lang`. The server's own message came in the
    /// language the request asked for. Not inlined: the pages that word an
    /// error their own way call it, and one copy of it is enough.
    #[inline(never)]
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            Self::Offline => texts::common::OFFLINE.get(lang).into(),
            Self::SignedOut => texts::common::SIGNED_OUT.get(lang).into(),
            Self::Invalid(errors) => errors.messages(lang).into_values().flatten().collect::<Vec<_>>().join(" "),
            Self::Refused { message, .. } if !message.is_empty() => message.clone(),
            Self::Refused { status, .. } => texts::common::server_error(lang, *status),
            Self::Decode(_) => texts::common::UNREADABLE.get(lang).into(),
        }
    }

    /// True for a 404: what was asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Refused { status: 404, .. })
    }
}

/// The HTTP methods the API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// What the client tells the app about the editors' session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Session {
    /// An editors' request went through: there is a session.
    Open,
    /// A request was refused for want of a session.
    Ended,
}

/// Who is told about the session.
type Watcher = Rc<dyn Fn(Session)>;

thread_local! {
    static SESSION_WATCHER: RefCell<Option<Watcher>> = RefCell::new(None);
}

/// Calls `watcher` whenever a request finds the editors' session open or ended.
pub fn watch_session(watcher: impl Fn(Session) + 'static) {
    SESSION_WATCHER.with(|w| *w.borrow_mut() = Some(Rc::new(watcher)));
}

fn report(session: Session) {
    // Out of the cell before the call, so the watcher may make requests of its own.
    if let Some(watcher) = SESSION_WATCHER.with(|w| w.borrow().clone()) {
        watcher(session);
    }
}

/// A JSON body for [`request`].
fn json_body(body: &impl Serialize) -> Option<String> {
    // Every body is one of the contract's types: maps with string keys, no
    // failing serializer.
    serde_json::to_string(body).ok()
}

/// The one request function: sends `body` (JSON) with `headers` and reads the
/// answer as `T` (an empty answer, a 204, reads as JSON `null`: `()` or
/// `Option`). Every failure becomes an [`ApiError`]; a 401 `unauthorized` is
/// reported to the session's watcher.
pub async fn request<T: DeserializeOwned>(
    method: Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Result<T, ApiError> {
    decode(&exchange(method, url, headers, body.map(Body::Json)).await?)
}

/// Reads a successful answer's text as `T`. Parsed once as JSON, then read
/// as `T`: each type's reader is then a walk over the parsed value, much
/// smaller in the wasm than a parser of its own for every type.
pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    let value = if text.trim().is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(text).map_err(|e| ApiError::Decode(e.to_string()))?
    };
    serde_json::from_value(value).map_err(|e| ApiError::Decode(e.to_string()))
}

/// The text `url` answers to a GET, unread.
pub async fn fetch_text(url: &str) -> Result<String, ApiError> {
    exchange(Method::Get, url, &[], None).await
}

/// What a request sends.
pub(crate) enum Body {
    /// A JSON document.
    Json(String),
    /// A file the person chose, sent as it is.
    File(web_sys::File),
}

/// The HTTP exchange itself, the same for every type (so compiled once): the
/// text of a successful answer, or why there is none.
async fn exchange(method: Method, url: &str, headers: &[(&str, &str)], body: Option<Body>) -> Result<String, ApiError> {
    use gloo_net::http::Request;
    let mut builder = match method {
        Method::Get => Request::get(url),
        Method::Post => Request::post(url),
        Method::Put => Request::put(url),
        Method::Patch => Request::patch(url),
        Method::Delete => Request::delete(url),
    };
    // The server writes its error messages in this language.
    builder = builder.header("Accept-Language", current_lang().tag());
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let sent = match body {
        Some(Body::Json(body)) => builder.header("Content-Type", "application/json").body(body),
        Some(Body::File(file)) => builder.header("Content-Type", "application/octet-stream").body(file),
        None => builder.build(),
    };
    let response = sent.map_err(|e| ApiError::Decode(e.to_string()))?.send().await.map_err(|_| ApiError::Offline)?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError::Offline)?;
    if response.ok() {
        return Ok(text);
    }
    let error = match serde_json::from_str::<ErrorBody>(&text) {
        Ok(ErrorBody { error }) if status == 401 && error.code == domain::api::UNAUTHORIZED => ApiError::SignedOut,
        Ok(ErrorBody { error }) => match error.field_errors {
            Some(errors) if !errors.is_empty() => ApiError::Invalid(errors),
            _ => ApiError::Refused { status, code: error.code, message: error.message },
        },
        // A proxy's or gateway's page: like no answer at all, tried again.
        Err(_) if status >= 500 => ApiError::Offline,
        Err(_) => ApiError::Refused { status, code: String::new(), message: String::new() },
    };
    if error == ApiError::SignedOut {
        report(Session::Ended);
    }
    Err(error)
}

/// The published practices, from the page's data source.
pub async fn fetch_catalogue() -> Result<Catalogue, ApiError> {
    request(Method::Get, data_source().catalogue_url(), &[], None).await
}

/// Who took part (`domain::community::participation`), from the page's data source.
pub async fn fetch_participation() -> Result<domain::community::participation::Participation, ApiError> {
    request(Method::Get, data_source().participation_url(), &[], None).await
}

/// A published practice: typed, and as its public answers keyed by the
/// questionnaire's field keys, which the definition reads field by field.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedPractice {
    pub practice: PublicPractice,
    pub answers: Answers,
}

/// One published practice's public answers, untyped: what the questionnaire
/// reads of it (a prefill, a title), without the typed practice's decoder,
/// which only the public pages carry.
pub async fn fetch_practice_answers(id: &str) -> Result<Answers, ApiError> {
    let text = exchange(Method::Get, &data_source().practice_url(id), &[], None).await?;
    decode(&text)
}

/// One published practice, from the page's data source.
pub async fn fetch_practice(id: &str) -> Result<PublishedPractice, ApiError> {
    PublishedPractice::from_answers(fetch_practice_answers(id).await?)
}

impl PublishedPractice {
    /// The typed practice its public answers describe.
    pub fn from_answers(answers: Answers) -> Result<Self, ApiError> {
        let practice = serde_json::from_value(serde_json::Value::Object(answers.clone()))
            .map_err(|e| ApiError::Decode(e.to_string()))?;
        Ok(Self { practice, answers })
    }
}

/// Who runs the site, from the page's data source.
pub async fn fetch_operator() -> Result<domain::site::operator::Operator, ApiError> {
    request(Method::Get, data_source().operator_url(), &[], None).await
}

/// Sends an accessibility report to the editors.
pub async fn send_accessibility_report(
    report: &domain::site::feedback::AccessibilityReport,
) -> Result<domain::site::feedback::ReportReceipt, ApiError> {
    request(Method::Post, domain::site::feedback::REPORTS_URL, &[], json_body(report)).await
}

/// Sends the service rating after the receipt.
pub async fn rate_the_service(rating: &domain::site::feedback::ServiceRating) -> Result<(), ApiError> {
    request(Method::Post, domain::site::feedback::RATINGS_URL, &[], json_body(rating)).await
}

/// "Contatta il referente": relays `message` to the referent of practice `id`.
/// The same `idempotency_key` on a retry relays it once.
pub async fn contact_referent(
    id: &domain::PracticeId,
    idempotency_key: &str,
    message: &domain::community::ContactRequest,
) -> Result<domain::community::ContactSent, ApiError> {
    let url = domain::community::contact_url(id);
    request(Method::Post, &url, &[("Idempotency-Key", idempotency_key)], json_body(message)).await
}

/// "L'abbiamo adottata anche noi": declares that another body took up
/// practice `id`. The same `idempotency_key` on a retry stores it once.
pub async fn declare_adoption(
    id: &domain::PracticeId,
    idempotency_key: &str,
    declaration: &domain::community::reuse::AdoptionDeclaration,
) -> Result<domain::community::reuse::AdoptionReceived, ApiError> {
    let url = domain::community::reuse::adoptions_url(id);
    request(Method::Post, &url, &[("Idempotency-Key", idempotency_key)], json_body(declaration)).await
}

/// "È ancora attuale?": the respondent confirms the practice behind the
/// private link `code`, or marks it concluded.
pub async fn confirm_practice(
    code: &str,
    confirmation: &domain::community::living::Confirmation,
) -> Result<domain::community::living::Confirmed, ApiError> {
    let bearer = format!("Bearer {code}");
    let url = domain::community::living::CONFIRMATION_URL;
    request(Method::Post, url, &[("Authorization", bearer.as_str())], json_body(confirmation)).await
}

/// "Segui questa ricerca": mails the address a link to confirm.
pub async fn follow_view(
    follow: &domain::community::FollowRequest,
) -> Result<domain::community::FollowPending, ApiError> {
    request(Method::Post, domain::community::SUBSCRIPTIONS_URL, &[], json_body(follow)).await
}

/// Confirms a followed view with the code of the mailed link.
pub async fn confirm_subscription(code: &str) -> Result<domain::community::Subscription, ApiError> {
    let url = format!("{}?code={}", domain::community::CONFIRM_URL, String::from(js_sys::encode_uri_component(code)));
    request(Method::Post, &url, &[], None).await
}

/// Cancels a followed view with the code of the mailed link.
pub async fn cancel_subscription(code: &str) -> Result<domain::community::Subscription, ApiError> {
    let url =
        format!("{}?code={}", domain::community::UNSUBSCRIBE_URL, String::from(js_sys::encode_uri_component(code)));
    request(Method::Post, &url, &[], None).await
}

/// The collection round open today (`None`: the continuous collection).
pub async fn current_round() -> Result<CurrentRound, ApiError> {
    request(Method::Get, domain::questionnaire::rounds::CURRENT_ROUND_URL, &[], None).await
}

/// Opens the questionnaire: the server's signed note of when, sent back with
/// the submission so the server can measure the time spent on the form.
pub async fn start_submission() -> Result<StartToken, ApiError> {
    request(Method::Post, "/api/submissions/start", &[], None).await
}

/// Sends a new practice. The same `idempotency_key` on a retry stores it once.
pub async fn submit_practice(idempotency_key: &str, submission: &Submission) -> Result<Receipt, ApiError> {
    request(Method::Post, "/api/submissions", &[("Idempotency-Key", idempotency_key)], json_body(submission)).await
}

/// Opens a submission with its private link's token.
pub async fn fetch_own(token: &str) -> Result<OwnSubmission, ApiError> {
    let bearer = format!("Bearer {token}");
    request(Method::Get, "/api/submissions/mine", &[("Authorization", &bearer)], None).await
}

/// Asks for the receipt, private link included, by e-mail to the practice's contact.
pub async fn mail_receipt_copy(
    token: &str,
    copy: &domain::community::ReceiptCopy,
) -> Result<domain::community::ReceiptCopySent, ApiError> {
    let bearer = format!("Bearer {token}");
    request(Method::Post, domain::community::RECEIPT_COPY_URL, &[("Authorization", &bearer)], json_body(copy)).await
}

/// Sends an update through the private link: a new version.
pub async fn update_practice(token: &str, answers: Answers) -> Result<Receipt, ApiError> {
    let bearer = format!("Bearer {token}");
    let body = json_body(&Update { answers });
    request(Method::Put, "/api/submissions/mine", &[("Authorization", &bearer)], body).await
}
