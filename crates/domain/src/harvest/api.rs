// SPDX-License-Identifier: EUPL-1.2
//! What the administrators exchange with the server about harvesting: the
//! sources, a new source (checked here, in the browser and on the server),
//! and the runs with what each read, created, updated or skipped.

use super::{Failure, ItemProblem};
use crate::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// What a source is.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Another instance of this product: its `opendata/buone-pratiche.json`.
    #[default]
    Istanza,
    /// A DCAT-AP catalogue in Turtle (`dcat.ttl`) with a distribution in
    /// our format (`dct:conformsTo` `buone-pratiche/1`): that file is read.
    Dcat,
    /// A sheet of responses (CSV or XLSX) at a web address, read with the
    /// mapping the import saved for its header row.
    Csv,
}

impl SourceKind {
    /// As stored.
    pub const fn code(self) -> &'static str {
        match self {
            SourceKind::Istanza => "istanza",
            SourceKind::Dcat => "dcat",
            SourceKind::Csv => "csv",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [SourceKind::Istanza, SourceKind::Dcat, SourceKind::Csv].into_iter().find(|kind| kind.code() == code)
    }
}

/// A source to add.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewHarvestSource {
    /// The collection's name as the practices will say it ("Regione Umbria").
    pub name: String,
    /// The address of its open data (`…/opendata/buone-pratiche.json`).
    pub url: String,
    #[serde(default)]
    pub kind: SourceKind,
    /// Its editors' address: the referent of its practices here (never
    /// written to by the harvest).
    pub contact_email: String,
    /// Its practices are published here at once, without our editors' review.
    #[serde(default)]
    pub curated: bool,
    /// How often it is read.
    #[serde(default = "NewHarvestSource::default_every_hours")]
    pub every_hours: u32,
}

impl NewHarvestSource {
    pub const MAX_NAME: usize = 120;
    pub const MAX_URL: usize = 2000;
    /// At most every 30 days.
    pub const MAX_EVERY_HOURS: u32 = 720;

    const fn default_every_hours() -> u32 {
        24
    }

    /// What to fix before the source can be added.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", FieldError::Required);
        } else if name.chars().count() > Self::MAX_NAME {
            errors.add("name", FieldError::TooLong { max: Self::MAX_NAME });
        } else if name.chars().any(crate::record::validation::is_forbidden_char) || name.contains(['\n', '\r']) {
            errors.add("name", FieldError::ForbiddenCharacters);
        }
        let url = self.url.trim();
        if url.is_empty() {
            errors.add("url", FieldError::Required);
        } else if url.chars().count() > Self::MAX_URL {
            errors.add("url", FieldError::TooLong { max: Self::MAX_URL });
        } else if !is_web_address(url) {
            errors.add("url", FieldError::InvalidUrl);
        }
        if !crate::record::validation::is_email(self.contact_email.trim()) {
            errors.add("contact_email", FieldError::InvalidEmail);
        }
        if !(1..=Self::MAX_EVERY_HOURS).contains(&self.every_hours) {
            errors.add("every_hours", FieldError::Invalid { detail: "from 1 to 720 hours".into() });
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// An http(s) address with a host, and no spaces or control characters.
pub fn is_web_address(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    host.is_some_and(|host| !host.is_empty() && !host.contains('@'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A source as the administrators see it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarvestSource {
    pub id: i64,
    /// Its short name in addresses (`?fonte=regione-umbria`).
    pub key: String,
    pub name: String,
    pub url: String,
    pub kind: SourceKind,
    pub contact_email: String,
    pub curated: bool,
    pub active: bool,
    pub every_hours: u32,
    pub last_run_at: Option<String>,
    pub last_ok_at: Option<String>,
    /// Why the last run read nothing (`None` after a good run).
    pub last_error: Option<Failure>,
    /// Practices held from it.
    pub practices: usize,
    /// Of which no longer in its file.
    pub gone: usize,
}

/// A change to a source: only the fields given change.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceChange {
    #[serde(default)]
    pub active: Option<bool>,
    #[serde(default)]
    pub curated: Option<bool>,
    #[serde(default)]
    pub every_hours: Option<u32>,
}

/// What one run counted.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counts {
    /// Practices in the source's file.
    pub read: usize,
    pub created: usize,
    /// Changed there: a new version here (to review, unless the source is curated).
    pub updated: usize,
    pub unchanged: usize,
    /// Ours, published there (harvested from us): never taken back.
    pub own: usize,
    /// Already held from another source.
    pub elsewhere: usize,
    /// Rows of a sheet imported already (with the import's screens).
    pub imported: usize,
    /// Demonstration content.
    pub demo: usize,
    /// Not meeting the questionnaire's rules: listed in the run's problems.
    pub invalid: usize,
    /// Held from it, and no longer in its file (kept here, flagged).
    pub gone: usize,
}

/// How a run ended.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunOutcome {
    Ok,
    /// The same bytes as the last good run: nothing read again.
    Unchanged,
    /// Nothing changed here: see the failure.
    Failed,
}

impl RunOutcome {
    pub const fn code(self) -> &'static str {
        match self {
            RunOutcome::Ok => "ok",
            RunOutcome::Unchanged => "unchanged",
            RunOutcome::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [RunOutcome::Ok, RunOutcome::Unchanged, RunOutcome::Failed].into_iter().find(|o| o.code() == code)
    }
}

/// One run of the harvest of a source.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarvestRun {
    pub id: i64,
    pub source_id: i64,
    pub started_at: String,
    pub finished_at: String,
    pub outcome: RunOutcome,
    pub failure: Option<Failure>,
    pub counts: Counts,
    pub problems: Vec<ItemProblem>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(url: &str) -> NewHarvestSource {
        NewHarvestSource {
            name: "Regione Umbria".into(),
            url: url.into(),
            kind: SourceKind::Istanza,
            contact_email: "pratiche@regione.umbria.it".into(),
            curated: false,
            every_hours: 24,
        }
    }

    #[test]
    fn only_web_addresses_are_sources() {
        assert!(source("https://pratiche.regione.example/opendata/buone-pratiche.json").check().is_ok());
        for url in ["file:///etc/passwd", "ftp://a.example/x", "javascript:alert(1)", "https://", "http://a b/", ""] {
            assert!(source(url).check().is_err(), "{url}");
        }
        assert!(source(&format!("https://a.example/{}", "x".repeat(2000))).check().is_err());
    }

    #[test]
    fn the_name_contact_and_schedule_are_checked() {
        let mut bad = source("https://a.example/");
        bad.name = "Regione\nUmbria".into();
        bad.contact_email = "not an address".into();
        bad.every_hours = 0;
        let errors = bad.check().unwrap_err();
        let fields: Vec<&str> = errors.fields().collect();
        assert_eq!(fields.len(), 3, "{fields:?}");
    }
}
