// SPDX-License-Identifier: EUPL-1.2
//! One practice: the respondent's whole answer (`Practice`, private fields
//! included), what the public may see of it (`PublicPractice`), and the lighter
//! card the catalogue lists (`CatalogueEntry`). The public types are separate
//! types rather than serialization options, so a private field cannot reach a
//! public response by mistake: it is simply not there to serialize.

use crate::record::geo::Region;
use crate::record::vocabulary::*;

pub use crate::record::fields::{LICENCE, Practice, PublicPractice, PublicationFacts, QUESTIONNAIRE_VERSION};
pub use crate::record::values::{Euros, InvalidPracticeId, Partner, PracticeId, YearMonth};
use serde::{Deserialize, Serialize};

/// The keys of a public practice that are not answers to the questionnaire:
/// the publication facts (`PublicationFacts`), which come before the answers,
/// then `licence`, which comes after them. A public practice's keys are these,
/// the definition's public fields, `FOLLOW_UP_KEY` and `SOURCE_KEY`, exactly (a test checks it).
pub const SYSTEM_KEYS: [&str; 9] = [
    "id",
    "demo",
    "published_at",
    "updated_at",
    "collection_round",
    "questionnaire_version",
    "confirmed_at",
    "derived_from",
    "licence",
];

/// The key of what happened since publication (`reuse::FollowUp`): shown on
/// the page, not a column of the practices' CSV (adoptions have their own).
pub const FOLLOW_UP_KEY: &str = "follow_up";

/// The key of a harvested practice's provenance (`null` for our own).
pub const SOURCE_KEY: &str = "source";

impl PublicPractice {
    /// The practice's page as schema.org JSON-LD, for search engines and link
    /// previews: a `WebPage` (the properties of the publication: dates and
    /// licence) whose `mainEntity` is the `GovernmentService` its entity
    /// provides; `url` is its permalink. The same document is written by the
    /// server into the page's HTML and by the app into the page it renders.
    pub fn json_ld(&self, url: &str) -> serde_json::Value {
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "WebPage",
            "url": url,
            "name": self.title,
            "inLanguage": "it",
            "datePublished": crate::dates::day_of(&self.published_at),
            "dateModified": crate::dates::day_of(&self.updated_at),
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "mainEntity": {
                "@type": "GovernmentService",
                "identifier": self.id.as_str(),
                "name": self.title,
                "description": self.summary,
                "provider": { "@type": "GovernmentOrganization", "name": self.entity_name },
                "areaServed": self.region_code.label(crate::Lang::It),
                "url": url,
            },
        })
    }
}

/// A practice as the catalogue lists it: the public fields needed for a card,
/// for searching and for faceting. Served by `GET /api/catalogue` and written
/// as the static `catalogue.json`, in the same shape.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub id: PracticeId,
    pub demo: bool,
    pub title: String,
    pub summary: String,
    pub entity_type: EntityType,
    pub entity_name: String,
    pub region_code: Region,
    pub service_type: ServiceType,
    pub status: PracticeStatus,
    pub start_date: YearMonth,
    pub user_areas: Vec<UserArea>,
    pub target_groups: Vec<TargetGroup>,
    pub intervention_areas: Vec<InterventionArea>,
    pub innovation_tags: Vec<InnovationTag>,
    pub tools: Vec<Tool>,
    pub delivery_modes: Vec<DeliveryMode>,
    pub continue_after_emergency: Continuation,
    pub published_at: String,
    /// The names of the Comuni it covers and of their provinces, for search:
    /// "Piegaro, Città della Pieve, Perugia".
    #[serde(default)]
    pub places: String,
    /// The distinct search words of the longer texts (description, need,
    /// results), folded: full-text search without shipping every paragraph.
    pub terms: String,
    /// The region of each other body that declared it adopted it (accepted
    /// declarations, oldest first): how many, for the facet and the sort,
    /// and where, for the statistics' map.
    #[serde(default)]
    pub adopted_in: Vec<Region>,
    /// Not confirmed for long: "da aggiornare" (`living::Freshness::Stale`).
    #[serde(default)]
    pub stale: bool,
    /// The name of the collection it was harvested from (absent for the
    /// practices sent here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The server builds the catalogue (with the shipped list of Comuni, which
/// the browser does not carry); the browser reads it.
#[cfg(not(target_arch = "wasm32"))]
impl From<&PublicPractice> for CatalogueEntry {
    fn from(p: &PublicPractice) -> Self {
        Self {
            id: p.id.clone(),
            demo: p.demo,
            title: p.title.clone(),
            summary: p.summary.clone(),
            entity_type: p.entity_type,
            entity_name: p.entity_name.clone(),
            region_code: p.region_code,
            service_type: p.service_type,
            status: p.status,
            start_date: p.start_date,
            user_areas: p.user_areas.clone(),
            target_groups: p.target_groups.clone(),
            intervention_areas: p.intervention_areas.clone(),
            innovation_tags: p.innovation_tags.clone(),
            tools: p.tools.clone(),
            delivery_modes: p.delivery_modes.clone(),
            continue_after_emergency: p.continue_after_emergency,
            published_at: p.published_at.clone(),
            places: crate::record::comuni::shipped().place_names(p.comune_codes.iter().map(|c| c.as_str())),
            terms: {
                let long = [Some(&p.description), Some(&p.need_addressed), p.results.as_ref()];
                let mut words: Vec<String> =
                    long.into_iter().flatten().flat_map(|t| crate::text::index_words(t)).collect();
                words.sort();
                words.dedup();
                words.join(" ")
            },
            adopted_in: p.follow_up.adopted_by.iter().map(|a| a.region_code).collect(),
            stale: p.follow_up.stale,
            source: p.source.as_ref().map(|s| s.name.clone()),
        }
    }
}

/// The catalogue document: `GET /api/catalogue` and `catalogue.json`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// When the data was produced (RFC 3339).
    pub generated_at: String,
    /// Always CC BY 4.0.
    pub licence: String,
    /// Published practices, most recently published first.
    pub practices: Vec<CatalogueEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_practice_has_every_public_field_and_only_those() {
        use crate::questionnaire::{QUESTIONNAIRE, Visibility};
        use std::collections::BTreeSet;
        let facts = PublicationFacts {
            id: PracticeId::new(2020, 1),
            demo: false,
            published_at: "2020-05-20T09:00:00Z".into(),
            updated_at: "2020-05-21T09:00:00Z".into(),
            collection_round: CollectionRound::PrimaRaccolta2020.code().into(),
            questionnaire_version: QUESTIONNAIRE_VERSION,
            confirmed_at: "2020-05-21T09:00:00Z".into(),
            derived_from: None,
        };
        let public = PublicPractice::new(facts, crate::record::validation::tests::valid());
        let serde_json::Value::Object(json) = serde_json::to_value(&public).unwrap() else { panic!("not an object") };
        let keys: BTreeSet<&str> = json.keys().map(String::as_str).collect();
        let public_fields = QUESTIONNAIRE.fields().filter(|f| f.visibility == Visibility::Public).map(|f| f.key);
        let expected: BTreeSet<&str> = public_fields.chain(SYSTEM_KEYS).chain([FOLLOW_UP_KEY, SOURCE_KEY]).collect();
        let missing: Vec<&str> = expected.difference(&keys).copied().collect();
        let extra: Vec<&str> = keys.difference(&expected).copied().collect();
        assert!(
            missing.is_empty(),
            "PublicPractice lacks {missing:?}: add them to the struct and to PublicPractice::new"
        );
        assert!(
            extra.is_empty(),
            "PublicPractice has {extra:?}: neither public fields of the definition nor SYSTEM_KEYS"
        );
    }
}
