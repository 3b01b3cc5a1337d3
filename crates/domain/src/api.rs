// SPDX-License-Identifier: EUPL-1.2
//! The contract between the app and the server: every request and response
//! body they exchange over `/api`, declared once. The server serializes these
//! types and derives its OpenAPI document from them (feature `openapi`); the
//! app deserializes the same types, so a renamed field fails to compile on
//! both sides instead of reading as empty in the browser.
//!
//! Answers travel as JSON objects keyed by the questionnaire's field keys
//! (`Answers`): the definition, not a struct, says what each key holds, and
//! the server parses them with `QUESTIONNAIRE.accept` into a [`Practice`].

use crate::FieldErrors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Answers keyed by the questionnaire's field keys, as the form holds them.
pub type Answers = serde_json::Map<String, serde_json::Value>;

/// The body of every error answer.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// The HTTP status, repeated.
    pub status: u16,
    /// A stable code for programs: `validation_failed`, `unauthorized`, …
    pub code: String,
    /// What to tell people, in Italian.
    pub message: String,
    /// Field key → messages in Italian, for people and simple clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, Vec<String>>>,
    /// Field key → error codes, for clients that word messages themselves
    /// (the app, in the respondent's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_errors: Option<FieldErrors>,
}

/// The error code of a request that needs a signed-in curator.
pub const UNAUTHORIZED: &str = "unauthorized";

/// Where the app reads its public data: the server's JSON API, or static
/// files beside the app for hosts that serve only files (the static
/// publication). The page names it in `<meta name="bp-data-source">`; the
/// server names the same addresses in the page's start reads (`<meta name="bp-start-read">`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DataSource {
    /// Our server's JSON API, under `/api`.
    #[default]
    Api,
    /// Static files next to the app (`catalogue.json`); paths are relative
    /// to the page's base URL.
    Static,
}

impl DataSource {
    /// Reads the choice from the `content` of `<meta name="bp-data-source">`;
    /// anything but `static` means the API.
    pub fn from_meta(content: Option<&str>) -> Self {
        match content.map(str::trim) {
            Some("static") => Self::Static,
            _ => Self::Api,
        }
    }

    /// Where the catalogue document is.
    pub fn catalogue_url(self) -> &'static str {
        match self {
            Self::Api => "/api/catalogue",
            Self::Static => "catalogue.json",
        }
    }

    /// Where the site's operator is (`domain::site::operator`).
    pub fn operator_url(self) -> &'static str {
        match self {
            Self::Api => "/api/operator",
            Self::Static => "operator.json",
        }
    }

    /// Where "Chi ha partecipato" is (`domain::community::participation`).
    pub fn participation_url(self) -> &'static str {
        match self {
            Self::Api => "/api/participation",
            Self::Static => "participation.json",
        }
    }

    /// Where one published practice is.
    pub fn practice_url(self, id: &str) -> String {
        match self {
            Self::Api => format!("/api/practices/{id}"),
            Self::Static => format!("pratiche/{id}.json"),
        }
    }
}
