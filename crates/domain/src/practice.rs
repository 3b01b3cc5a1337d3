// SPDX-License-Identifier: EUPL-1.2
//! One practice: the respondent's whole answer (`Practice`, private fields
//! included), what the public may see of it (`PublicPractice`), and the lighter
//! card the catalogue lists (`CatalogueEntry`). The public types are separate
//! types rather than serialization options, so a private field cannot reach a
//! public response by mistake: it is simply not there to serialize.

use crate::geo::Region;
use crate::vocabulary::*;

pub use crate::fields::{Practice, PublicPractice};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A year and month, written `YYYY-MM` (`2020-03`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// A valid year and month, or `None`.
    pub const fn new(year: u16, month: u8) -> Option<Self> {
        if month >= 1 && month <= 12 && year >= 1000 && year <= 9999 { Some(Self { year, month }) } else { None }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 || !(year.bytes().chain(month.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u8 {
        self.month
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("expected a year-month like 2020-03, got {text:?}")))
    }
}

/// An amount in euro, held in cents so that sums are exact. Written in JSON as
/// a number with at most two decimals (`1250.5`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Euros {
    cents: u64,
}

impl Euros {
    /// The largest amount accepted: a hundred billion euro, far above any
    /// local budget, and exact in an `f64`.
    pub const MAX_CENTS: u64 = 10_000_000_000_000;

    /// An amount from cents.
    pub const fn from_cents(cents: u64) -> Self {
        Self { cents }
    }

    /// The amount in cents.
    pub const fn cents(self) -> u64 {
        self.cents
    }
}

impl Serialize for Euros {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.cents as f64 / 100.0)
    }
}

impl<'de> Deserialize<'de> for Euros {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        let cents = (value * 100.0).round();
        if !value.is_finite() || value < 0.0 || cents > Self::MAX_CENTS as f64 {
            return Err(serde::de::Error::custom("expected an amount in euro between 0 and 100 billion"));
        }
        if (value * 100.0 - cents).abs() > 1e-6 {
            return Err(serde::de::Error::custom("expected an amount in euro with at most two decimals"));
        }
        Ok(Self { cents: cents as u64 })
    }
}

/// A partner involved in the practice (Soggetti coinvolti).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// What kind of body the partner is.
    pub kind: PartnerType,
    /// Its name.
    pub name: String,
}

/// The citable identifier of a practice, `BP-YYYY-NNNN` (the year it was
/// submitted and a sequence number). It never changes once given.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PracticeId(String);

/// Why a string is not a practice identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidPracticeId;

impl fmt::Display for InvalidPracticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a practice identifier looks like BP-2020-0042")
    }
}

impl PracticeId {
    /// The identifier of the `sequence`-th practice submitted in `year`.
    pub fn new(year: u16, sequence: u32) -> Self {
        Self(format!("BP-{year:04}-{sequence:04}"))
    }

    /// Parses `BP-YYYY-NNNN` (four or more digits of sequence).
    pub fn parse(text: &str) -> Result<Self, InvalidPracticeId> {
        let rest = text.strip_prefix("BP-").ok_or(InvalidPracticeId)?;
        let (year, sequence) = rest.split_once('-').ok_or(InvalidPracticeId)?;
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if year.len() == 4 && digits(year) && (4..=9).contains(&sequence.len()) && digits(sequence) {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidPracticeId)
        }
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PracticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PracticeId {
    type Error = InvalidPracticeId;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<PracticeId> for String {
    fn from(id: PracticeId) -> Self {
        id.0
    }
}

/// The system facts about a stored practice that the public may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationFacts {
    pub id: PracticeId,
    pub demo: bool,
    pub published_at: String,
    pub updated_at: String,
    /// The code of the collection round the practice was submitted in.
    pub collection_round: String,
    pub questionnaire_version: u32,
    pub confirmed_at: String,
    pub derived_from: Option<PracticeId>,
}

/// The version of the questionnaire definition answers are given under; every
/// stored answer records it.
pub const QUESTIONNAIRE_VERSION: u32 = 2;

/// The licence of every practice's public content.
pub const LICENCE: &str = "CC-BY-4.0";

/// The keys of a public practice that are not answers to the questionnaire:
/// the publication facts (`PublicationFacts`), which come before the answers,
/// then `licence`, which comes after them. A public practice's keys are these,
/// the definition's public fields and `FOLLOW_UP_KEY`, exactly (a test checks it).
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
            places: crate::comuni::shipped().place_names(p.comune_codes.iter().map(|c| c.as_str())),
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

/// OpenAPI schemas of the types written as text or numbers in JSON.
#[cfg(feature = "openapi")]
pub(crate) mod schemas {
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

    impl utoipa::PartialSchema for super::YearMonth {
        fn schema() -> RefOr<Schema> {
            text(r"^[0-9]{4}-(0[1-9]|1[0-2])$", "2020-03", "A year and month, YYYY-MM.")
        }
    }
    impl utoipa::ToSchema for super::YearMonth {}

    impl utoipa::PartialSchema for super::PracticeId {
        fn schema() -> RefOr<Schema> {
            text(r"^BP-[0-9]{4}-[0-9]{4,}$", "BP-2026-0001", "The citable identifier of a practice.")
        }
    }
    impl utoipa::ToSchema for super::PracticeId {}

    impl utoipa::PartialSchema for super::Euros {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::Number)
                .minimum(Some(0.0))
                .maximum(Some((super::Euros::MAX_CENTS / 100) as f64))
                .description(Some("An amount in euro, at most two decimals."))
                .into()
        }
    }
    impl utoipa::ToSchema for super::Euros {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_month_parses_only_the_iso_form() {
        let cases = [
            ("2020-03", Some((2020, 3)), "ISO year-month"),
            ("2020-12", Some((2020, 12)), "December"),
            ("2020-13", None, "no thirteenth month"),
            ("2020-00", None, "no month zero"),
            ("2020-3", None, "month needs two digits"),
            ("20-03", None, "year needs four digits"),
            ("2020/03", None, "wrong separator"),
            ("2020-03-01", None, "a full date is not a year-month"),
            ("+020-03", None, "sign is not a digit"),
            ("", None, "empty"),
        ];
        for (text, expected, why) in cases {
            let parsed = YearMonth::parse(text).map(|ym| (ym.year(), ym.month()));
            assert_eq!(parsed, expected, "{why}: {text:?}");
        }
        assert!(YearMonth::parse("2020-01") < YearMonth::parse("2020-02"));
        assert!(YearMonth::parse("2020-12") < YearMonth::parse("2021-01"));
    }

    #[test]
    fn euros_accept_at_most_two_decimals_and_no_negatives() {
        let cases = [
            ("0", Some(0), "zero"),
            ("1250.5", Some(125_050), "one decimal"),
            ("19.99", Some(1_999), "two decimals"),
            ("0.1", Some(10), "binary-unfriendly decimal"),
            ("19.999", None, "three decimals"),
            ("-1", None, "negative"),
            ("1e300", None, "absurdly large"),
            ("\"12\"", None, "a string is not a number"),
        ];
        for (json, expected, why) in cases {
            let parsed = serde_json::from_str::<Euros>(json).ok().map(Euros::cents);
            assert_eq!(parsed, expected, "{why}: {json}");
        }
        assert_eq!(serde_json::to_string(&Euros::from_cents(125_050)).unwrap(), "1250.5");
    }

    #[test]
    fn practice_ids_are_citable_and_stable() {
        assert_eq!(PracticeId::new(2020, 42).as_str(), "BP-2020-0042");
        assert_eq!(PracticeId::new(2026, 12345).as_str(), "BP-2026-12345");
        for bad in ["BP-2020-42", "bp-2020-0042", "BP-20-0042", "BP-2020-00x2", "BP-2020-0042/..", ""] {
            assert!(PracticeId::parse(bad).is_err(), "{bad:?} must be refused");
        }
        assert!(PracticeId::parse("BP-2020-0042").is_ok());
    }

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
        let public = PublicPractice::new(facts, crate::validation::tests::valid());
        let serde_json::Value::Object(json) = serde_json::to_value(&public).unwrap() else { panic!("not an object") };
        let keys: BTreeSet<&str> = json.keys().map(String::as_str).collect();
        let public_fields = QUESTIONNAIRE.fields().filter(|f| f.visibility == Visibility::Public).map(|f| f.key);
        let expected: BTreeSet<&str> = public_fields.chain(SYSTEM_KEYS).chain([FOLLOW_UP_KEY]).collect();
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
