// SPDX-License-Identifier: EUPL-1.2
//! The one error type of the JSON API. Every failure a client can see becomes
//! `{"error": {"status", "code", "message", "fields"?}}`, its messages in the
//! request's language (`crate::language`, from `Accept-Language`; the
//! sentences are in `crate::messages`); server faults are logged in detail
//! and answered with a generic message.

use crate::messages::{self, Message};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::{FieldErrors, Lang, Text};

/// An error answered to an API client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("the body is not valid JSON: {0}")]
    MalformedJson(String),
    #[error("malformed request: {0:?}")]
    BadRequest(Message),
    /// A query string that does not decode; the detail is axum's.
    #[error("malformed query: {0}")]
    BadQuery(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("the body is not JSON")]
    UnsupportedMediaType,
    #[error("the body is too large")]
    PayloadTooLarge,
    /// A body that does not fit the schema; the detail is serde's.
    #[error("the request does not fit the schema: {0}")]
    Unprocessable(String),
    /// A value the schema takes and the server refuses (answered as a
    /// schema mismatch).
    #[error("a value is refused: {0:?}")]
    Refused(Message),
    #[error("invalid fields")]
    Invalid(FieldErrors),
    #[error("the idempotency key was used for another submission")]
    IdempotencyKeyReused,
    #[error("the submission looks automated: {}", .0.en)]
    LooksAutomated(Text),
    #[error("too many requests")]
    TooManyRequests { retry_after_seconds: u64 },
    #[error("the private link is not valid")]
    InvalidLink,
    #[error("not signed in")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("wrong e-mail or password")]
    BadCredentials,
    #[error("the request took too long")]
    Timeout,
    #[error("conflict: {0:?}")]
    Conflict(Message),
    #[error("internal: {0}")]
    Internal(#[from] crate::db::DbError),
}

pub use domain::api::{ErrorBody, ErrorDetail};

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            Self::MalformedJson(_) => (StatusCode::BAD_REQUEST, "malformed_json"),
            Self::BadRequest(_) | Self::BadQuery(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            Self::UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            Self::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            Self::Unprocessable(_) | Self::Refused(_) => (StatusCode::UNPROCESSABLE_ENTITY, "schema_mismatch"),
            Self::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            Self::IdempotencyKeyReused => (StatusCode::CONFLICT, "idempotency_key_reused"),
            Self::LooksAutomated(_) => (StatusCode::UNPROCESSABLE_ENTITY, "looks_automated"),
            Self::TooManyRequests { .. } => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
            Self::InvalidLink => (StatusCode::UNAUTHORIZED, "invalid_link"),
            Self::Unauthorized => (StatusCode::UNAUTHORIZED, domain::api::UNAUTHORIZED),
            Self::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            Self::BadCredentials => (StatusCode::UNAUTHORIZED, "bad_credentials"),
            Self::Timeout => (StatusCode::REQUEST_TIMEOUT, "request_timeout"),
            Self::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
        }
    }

    /// What to tell the client, in `lang`.
    fn message(&self, lang: Lang) -> String {
        let fixed = |text: Text| text.get(lang).to_owned();
        match self {
            Self::NotFound => fixed(messages::NOT_FOUND),
            Self::MalformedJson(detail) => messages::malformed_json(lang, detail),
            Self::BadRequest(message) => messages::bad_request(lang, &message.say(lang)),
            Self::BadQuery(detail) => messages::bad_request(lang, detail),
            Self::MethodNotAllowed => fixed(messages::METHOD_NOT_ALLOWED),
            Self::UnsupportedMediaType => fixed(messages::UNSUPPORTED_MEDIA_TYPE),
            Self::PayloadTooLarge => messages::payload_too_large(lang, crate::BODY_LIMIT / 1024),
            Self::Unprocessable(detail) => messages::unprocessable(lang, detail),
            Self::Refused(message) => messages::unprocessable(lang, &message.say(lang)),
            Self::Invalid(_) => fixed(messages::INVALID),
            Self::IdempotencyKeyReused => fixed(messages::IDEMPOTENCY_KEY_REUSED),
            Self::LooksAutomated(why) => messages::looks_automated(lang, *why),
            Self::TooManyRequests { retry_after_seconds } => messages::too_many_requests(lang, *retry_after_seconds),
            Self::InvalidLink => fixed(messages::INVALID_LINK),
            Self::Unauthorized => fixed(messages::UNAUTHORIZED),
            Self::Timeout => fixed(messages::TIMEOUT),
            Self::Forbidden => fixed(messages::FORBIDDEN),
            Self::BadCredentials => fixed(messages::BAD_CREDENTIALS),
            Self::Conflict(message) => message.say(lang),
            Self::Internal(_) => fixed(messages::INTERNAL),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if let Self::Internal(source) = &self {
            tracing::error!(error = %source, "request failed");
        }
        let lang = crate::language::current();
        let (fields, field_errors) = match &self {
            // Messages that name what to fix ("Scrivi il titolo della pratica.").
            Self::Invalid(errors) => {
                (Some(domain::questionnaire::QUESTIONNAIRE.messages(errors, lang)), Some(errors.clone()))
            }
            _ => (None, None),
        };
        let detail = ErrorDetail {
            status: status.as_u16(),
            code: code.to_owned(),
            message: self.message(lang),
            fields,
            field_errors,
        };
        let body = ErrorBody { error: detail };
        let mut response = (status, axum::Json(body)).into_response();
        // The message is in the language the request asked for.
        response
            .headers_mut()
            .append(axum::http::header::VARY, axum::http::HeaderValue::from_static("accept-language"));
        if let Self::TooManyRequests { retry_after_seconds } = self {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, retry_after_seconds.into());
        }
        if let Self::InvalidLink = self {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"private link\""),
            );
        }
        response
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonSyntaxError(e) => Self::MalformedJson(e.body_text()),
            JsonRejection::JsonDataError(e) => Self::Unprocessable(e.body_text()),
            JsonRejection::MissingJsonContentType(_) => Self::UnsupportedMediaType,
            JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            other => Self::MalformedJson(other.body_text()),
        }
    }
}

impl From<axum::extract::rejection::BytesRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::BytesRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Self::PayloadTooLarge
        } else {
            Self::BadRequest(Message::Text(messages::BODY_UNREADABLE))
        }
    }
}

/// A request's body as bytes (a file), with its rejections answered as
/// `ApiError`s: a body over the route's limit is a JSON 413.
pub struct ApiBytes(pub axum::body::Bytes);

impl<S: Send + Sync> axum::extract::FromRequest<S> for ApiBytes {
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        Ok(Self(axum::body::Bytes::from_request(request, state).await?))
    }
}

/// `axum::Json`, with its rejections answered as `ApiError`s.
#[derive(axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// A path parameter that does not decode (not UTF-8, wrong shape) names
/// nothing that exists: a JSON 404.
impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        Self::NotFound
    }
}

/// `axum::extract::Path`, with its rejection answered as an `ApiError`.
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        Self::BadQuery(rejection.body_text())
    }
}

/// `axum::extract::Query`, with its rejection answered as an `ApiError`.
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);
