// SPDX-License-Identifier: EUPL-1.2
//! The API's shapes (administrators' import screens).

use super::Mapping;
use crate::api::Answers;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A file read and kept for the next steps.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    pub id: i64,
    pub file_name: String,
    /// Responses in the file (the header row aside).
    pub rows: usize,
    pub headers: Vec<String>,
    /// The first rows, to recognise each column by.
    pub samples: Vec<Vec<String>>,
    /// The mapping saved for this header row, or one proposed.
    pub mapping: Mapping,
    /// Whether `mapping` is the one saved from an earlier file.
    pub saved: bool,
}

/// A mapping to try, or to import with.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithMapping {
    pub mapping: Mapping,
    /// On import: keep each row with problems as a draft for the editors to
    /// complete (otherwise it stays out until the file is fixed).
    #[serde(default)]
    pub drafts: bool,
}

/// One row of the dry run.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowCheck {
    /// The row's number in the spreadsheet (the header is row 1).
    pub row: usize,
    /// The practice's title, when the row gives one.
    pub title: Option<String>,
    /// Imported already (the same row of this or an earlier file).
    pub already: bool,
    /// What stands in the way, in words ("riga 14, Data di avvio: ...").
    pub problems: Vec<String>,
}

/// The dry run: what an import with this mapping would do.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    pub rows: Vec<RowCheck>,
    /// Rows that would become submissions in the curation queue.
    pub ready: usize,
    /// Rows left out until their problems are solved.
    pub with_problems: usize,
    /// Rows imported before, which create nothing.
    pub already: usize,
    /// For each coded question a column is mapped to, the distinct
    /// values found, to be matched with codes.
    pub values: BTreeMap<String, Vec<String>>,
}

/// What an import did.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    /// The batch, to undo it while nobody has curated its practices.
    pub batch: i64,
    pub created: usize,
    pub already: usize,
    /// Rows with problems left out (not kept as drafts).
    pub left_out: usize,
    /// Rows with problems kept as drafts for the editors to complete.
    #[serde(default)]
    pub drafts: usize,
}

/// A row with problems kept for the editors to complete, as listed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftEntry {
    pub id: i64,
    pub file_name: String,
    /// Its number in the spreadsheet (the header is row 1).
    pub row: i64,
    pub title: Option<String>,
    /// What stands in the way, in words, as the dry run said it.
    pub problems: Vec<String>,
}

/// A draft to complete: the row as the file wrote it, and the answers the
/// mapping could read from it (the rest left for the editors).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportDraft {
    pub entry: DraftEntry,
    /// Each column's header and the row's cell, as written.
    pub cells: Vec<(String, String)>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
}

/// The answers a curator completed a draft with: every field, as in a
/// submission; checked with the questionnaire's rules.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
}
