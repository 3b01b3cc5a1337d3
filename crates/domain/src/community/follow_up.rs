// SPDX-License-Identifier: EUPL-1.2
//! What a published practice's page shows of its life after publication,
//! beside its answers (`FollowUp`): accepted adoptions, the practice it
//! started from, the practices that started from it, whether it is "da
//! aggiornare". The declarations and their rules are in `reuse`.

use crate::record::geo::Region;
use crate::record::values::PracticeId;
use crate::record::vocabulary::EntityType;
use serde::{Deserialize, Serialize};

/// An accepted declaration, as the public reads it on the practice's page,
/// in `adozioni.csv` and `adozioni.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicAdoption {
    /// The adopted practice.
    pub practice: PracticeId,
    pub entity_type: EntityType,
    pub entity_name: String,
    pub region_code: Region,
    /// A Comune's ISTAT code.
    #[serde(default)]
    pub comune_code: Option<String>,
    /// `YYYY-MM`.
    pub adopted_on: String,
    pub adapted: bool,
    pub changes: String,
    /// When a curator accepted it (RFC 3339).
    pub published_at: String,
}

impl PublicAdoption {
    /// "Comune di Bari, 2021".
    pub fn credit(&self) -> String {
        format!("{}, {}", self.entity_name, &self.adopted_on[..4.min(self.adopted_on.len())])
    }
}

/// Another published practice, as a link: "Deriva da", "Ha ispirato".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PracticeLink {
    pub id: PracticeId,
    pub title: String,
    pub entity_name: String,
}

/// What a practice's page shows of its life after publication, beside its
/// own answers: computed when it is read, so never out of date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUp {
    /// Not confirmed for half as long again as the respondent is asked to
    /// confirm after: the page says "da aggiornare".
    pub stale: bool,
    /// Accepted declarations, oldest adoption first.
    pub adopted_by: Vec<PublicAdoption>,
    /// The published practice it started from.
    pub derived_from: Option<PracticeLink>,
    /// Published practices that started from it.
    pub inspired: Vec<PracticeLink>,
}
