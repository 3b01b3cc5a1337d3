// SPDX-License-Identifier: EUPL-1.2
//! OpenAPI schemas of the types written as text or numbers in JSON
//! (feature "openapi").

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

/// A string schema with a pattern and an example.
pub(crate) fn text(pattern: &str, example: &str, description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .examples([serde_json::json!(example)])
        .description(Some(description))
        .into()
}

impl utoipa::PartialSchema for crate::record::values::YearMonth {
    fn schema() -> RefOr<Schema> {
        text(r"^[0-9]{4}-(0[1-9]|1[0-2])$", "2020-03", "A year and month, YYYY-MM.")
    }
}
impl utoipa::ToSchema for crate::record::values::YearMonth {}

impl utoipa::PartialSchema for crate::record::values::PracticeId {
    fn schema() -> RefOr<Schema> {
        text(r"^BP-[0-9]{4}-[0-9]{4,}$", "BP-2026-0001", "The citable identifier of a practice.")
    }
}
impl utoipa::ToSchema for crate::record::values::PracticeId {}

impl utoipa::PartialSchema for crate::record::values::Euros {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Number)
            .minimum(Some(0.0))
            .maximum(Some((crate::record::values::Euros::MAX_CENTS / 100) as f64))
            .description(Some("An amount in euro, at most two decimals."))
            .into()
    }
}
impl utoipa::ToSchema for crate::record::values::Euros {}
