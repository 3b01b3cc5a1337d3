// SPDX-License-Identifier: EUPL-1.2
//! The domain of the collection of good practices: what one practice is, the
//! controlled vocabularies it is classified with, and the rules an answer must
//! satisfy. The browser app and the API server both compile this crate, so a
//! rule is written once and enforced identically on both sides.

pub mod api;
pub mod catalogue;
pub mod community;
pub mod curation;
pub mod dates;
mod field_error;
pub mod harvest;
pub mod lang;
pub mod numbers;
pub mod questionnaire;
pub mod record;
#[cfg(feature = "openapi")]
mod schemas;
pub mod site;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod text;

pub use lang::{Lang, Text};
pub use record::practice::{CatalogueEntry, Practice, PracticeId, PublicPractice};
pub use record::validation::{FieldError, FieldErrors};
