// SPDX-License-Identifier: EUPL-1.2
//! The domain of the collection of good practices: what one practice is, the
//! controlled vocabularies it is classified with, and the rules an answer must
//! satisfy. The browser app and the API server both compile this crate, so a
//! rule is written once and enforced identically on both sides.

pub mod answers;
pub mod api;
pub mod catalogue;
pub mod community;
pub mod comuni;
pub mod curation;
pub mod dates;
pub mod feedback;
mod field_error;
pub mod fields;
pub mod follow_up;
pub mod geo;
pub mod invitations;
pub mod lang;
pub mod living;
pub mod numbers;
pub mod operator;
pub mod pages;
pub mod participation;
pub mod practice;
pub mod questionnaire;
pub mod reuse;
#[cfg(feature = "openapi")]
mod schemas;
pub mod search;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod text;
pub mod validation;
pub mod values;
pub mod vocabulary;

pub use lang::{Lang, Text};
pub use practice::{CatalogueEntry, Practice, PracticeId, PublicPractice};
pub use validation::{FieldError, FieldErrors};
