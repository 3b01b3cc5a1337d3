// SPDX-License-Identifier: EUPL-1.2
//! What happened to a practice after it was published: other bodies that
//! declare they adopted it ("L'abbiamo adottata anche noi"), practices that
//! started from it ("Parti da questa pratica"), and whether its description
//! is still confirmed (the living record, `living`). The browser's forms and
//! the server check declarations with the same rules; the public sees the
//! accepted ones on the practice's page, in the catalogue and in open data.

use crate::record::comuni::ComuneIndex;
use crate::record::fields::key;
use crate::record::geo::Region;
use crate::record::values::{PracticeId, YearMonth};
use crate::record::vocabulary::{EntityType, ModerationStatus};

pub use crate::community::follow_up::{FollowUp, PracticeLink, PublicAdoption};
use serde::{Deserialize, Serialize};

/// The longest name of the adopting body, in characters.
pub const ENTITY_NAME_MAX: usize = 200;
/// The longest account of what the adopting body changed.
pub const CHANGES_MAX: usize = 2000;
/// The shortest account of the changes when the practice was adapted.
pub const CHANGES_MIN: usize = 10;
/// The longest contact name.
pub const CONTACT_NAME_MAX: usize = 120;

/// Where a practice page sends a declaration of adoption.
pub fn adoptions_url(id: &PracticeId) -> String {
    format!("/api/practices/{id}/adoptions")
}

/// Where curators list declarations; `/{id}` takes a decision on one.
pub const MODERATION_ADOPTIONS_URL: &str = "/api/moderation/adoptions";

/// Where the questionnaire starts from a published practice.
pub fn derive_url(id: &PracticeId) -> String {
    format!("/questionario?parti_da={id}")
}

/// The answers "Parti da questa pratica" copies from the published practice:
/// what describes its design. Not the body, its contacts and consents, nor
/// the dates, figures, results and lessons, which are the origin's own.
pub const PREFILLED_FROM_ORIGIN: [&str; 16] = [
    key::TITLE,
    key::SUMMARY,
    key::DESCRIPTION,
    key::NEED_ADDRESSED,
    key::SERVICE_TYPE,
    key::USER_AREAS,
    key::TARGET_GROUPS,
    key::INTERVENTION_AREAS,
    key::INNOVATION_TAGS,
    key::RELATED_MEASURES,
    key::DELIVERY_MODES,
    key::COMMUNICATION_CHANNELS,
    key::COMMUNICATION_CHANNELS_OTHER,
    key::TOOLS,
    key::TOOLS_OTHER,
    key::STAFF_PROFILES,
];

/// The answers a new practice starts from, out of a published one's.
pub fn prefill_from(origin: &crate::api::Answers) -> crate::api::Answers {
    origin
        .iter()
        .filter(|(key, value)| PREFILLED_FROM_ORIGIN.contains(&key.as_str()) && !value.is_null())
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// "L'abbiamo adottata anche noi": another body declares it took up a
/// published practice, as it is or adapted. The contact is for the editors
/// only; the rest is public once a curator accepts the declaration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AdoptionDeclaration {
    pub entity_type: EntityType,
    /// "Comune di Bari".
    pub entity_name: String,
    /// Required: `None` only while the form has no choice yet.
    pub region_code: Option<Region>,
    /// A Comune's six-digit ISTAT code, chosen from the official list of its
    /// region as in the questionnaire: required for a Comune, and only
    /// kept for one ([`AdoptionDeclaration::comune`]).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "075035"))]
    pub comune_code: Option<String>,
    /// Since when (`YYYY-MM`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2021-03"))]
    pub adopted_on: String,
    /// True when they changed it to fit their territory.
    pub adapted: bool,
    /// What they changed (required when `adapted`), plain text.
    #[serde(default)]
    pub changes: String,
    /// Who the editors may write to (private; not named `contact_*`, the
    /// practice's private keys, so no page carries those names).
    pub referent_name: String,
    /// Their e-mail (private).
    pub referent_email: String,
    /// They agree that the body's name, the date and the changes are published.
    pub consent: bool,
    /// The honeypot: people leave it empty.
    #[serde(default)]
    pub website: String,
}

impl AdoptionDeclaration {
    /// The fields to fix, if any: the same rules in the browser and the
    /// server. With the list of Comuni (`comuni`), the Comune must be on it
    /// and in the region chosen, as in the questionnaire.
    pub fn validate(&self, comuni: Option<&ComuneIndex>) -> crate::FieldErrors {
        use crate::FieldError;
        use crate::community::has_markup;
        use crate::record::validation::{check_email, check_text};
        let mut errors = crate::FieldErrors::default();
        check_text(&mut errors, "entity_name", &self.entity_name, 1, ENTITY_NAME_MAX);
        if self.region_code.is_none() {
            errors.add("region_code", FieldError::Required);
        }
        if self.entity_type == EntityType::Comune {
            match self.comune_code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                None => errors.add("comune_code", FieldError::Required),
                Some(code) if crate::record::geo::ComuneCode::parse(code).is_err() => {
                    errors.add("comune_code", FieldError::InvalidComune)
                }
                Some(code) => match comuni.map(|index| index.get(code)) {
                    Some(None) => errors.add("comune_code", FieldError::InvalidComune),
                    Some(Some(comune)) if self.region_code.is_some_and(|r| r != comune.region) => {
                        errors.add("comune_code", FieldError::ComuneOutsideRegion)
                    }
                    _ => {}
                },
            }
        }
        match YearMonth::parse(self.adopted_on.trim()) {
            None if self.adopted_on.trim().is_empty() => errors.add("adopted_on", FieldError::Required),
            None => errors.add("adopted_on", FieldError::InvalidDate),
            Some(month) if month < YearMonth::new(2020, 1).expect("a month") => {
                errors.add("adopted_on", FieldError::TooEarly { min: "2020-01".into() })
            }
            Some(_) => {}
        }
        let min = if self.adapted { CHANGES_MIN } else { 0 };
        check_text(&mut errors, "changes", &self.changes, min, CHANGES_MAX);
        check_text(&mut errors, "referent_name", &self.referent_name, 1, CONTACT_NAME_MAX);
        check_email(&mut errors, "referent_email", &self.referent_email, true);
        for (key, text) in
            [("entity_name", &self.entity_name), ("changes", &self.changes), ("referent_name", &self.referent_name)]
        {
            if errors.get(key).is_empty() && has_markup(text) {
                errors.add(key, FieldError::NoMarkup);
            }
        }
        for (key, text) in [("entity_name", &self.entity_name), ("referent_name", &self.referent_name)] {
            if errors.get(key).is_empty() && text.contains(['\n', '\r']) {
                errors.add(key, FieldError::ForbiddenCharacters);
            }
        }
        if !self.consent {
            errors.add("consent", FieldError::MustConfirm);
        }
        errors
    }

    /// The Comune's ISTAT code, for a Comune only (a code sent with another
    /// type of body is not kept).
    pub fn comune(&self) -> Option<&str> {
        self.comune_code.as_deref().map(str::trim).filter(|_| self.entity_type == EntityType::Comune)
    }

    /// The month, once validated.
    pub fn month(&self) -> Option<YearMonth> {
        YearMonth::parse(self.adopted_on.trim())
    }
}

/// What the declarant is told: the declaration waits for the editors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdoptionReceived {
    /// The adopted practice.
    pub practice: PracticeId,
}

/// A declaration as the curators' queue lists it: the public part, the
/// private contact, where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdoptionEntry {
    /// Its number, for decisions.
    pub id: i64,
    pub adoption: PublicAdoption,
    /// The adopted practice's title.
    pub practice_title: String,
    pub contact_name: String,
    pub contact_email: String,
    pub status: ModerationStatus,
    /// Bumped by every decision; a decision names the version it was taken on.
    pub version: i64,
    /// When it was sent (RFC 3339).
    pub created_at: String,
}

/// A curator's decision on a declaration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AdoptionDecision {
    pub action: crate::curation::CurationAction,
    /// The version the curator saw.
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FieldError;

    fn declaration() -> AdoptionDeclaration {
        AdoptionDeclaration {
            entity_type: EntityType::Comune,
            entity_name: "Comune di Lecce".into(),
            region_code: Some(Region::Puglia),
            comune_code: Some("075035".into()),
            adopted_on: "2021-02".into(),
            adapted: false,
            changes: String::new(),
            referent_name: "Maria Rossi".into(),
            referent_email: "m.rossi@comune.example.it".into(),
            consent: true,
            website: String::new(),
        }
    }

    #[test]
    fn a_declaration_names_the_body_the_month_a_contact_and_consents() {
        assert!(declaration().validate(Some(crate::record::comuni::shipped())).is_empty());
        let errors = AdoptionDeclaration {
            entity_name: " ".into(),
            adopted_on: "marzo".into(),
            referent_email: "nope".into(),
            consent: false,
            region_code: None,
            ..declaration()
        }
        .validate(None);
        assert_eq!(errors.get("region_code"), [FieldError::Required]);
        assert_eq!(errors.get("entity_name"), [FieldError::Required]);
        assert_eq!(errors.get("adopted_on"), [FieldError::InvalidDate]);
        assert_eq!(errors.get("referent_email"), [FieldError::InvalidEmail]);
        assert_eq!(errors.get("consent"), [FieldError::MustConfirm]);
        let early = AdoptionDeclaration { adopted_on: "2019-12".into(), ..declaration() }.validate(None);
        assert_eq!(early.get("adopted_on"), [FieldError::TooEarly { min: "2020-01".into() }]);
    }

    #[test]
    fn a_comune_is_chosen_from_the_list_of_its_region() {
        let list = Some(crate::record::comuni::shipped());
        let cases: [(Option<&str>, Option<FieldError>); 5] = [
            (None, Some(FieldError::Required)),
            (Some(" "), Some(FieldError::Required)),
            (Some("Lecce"), Some(FieldError::InvalidComune)),
            (Some("999999"), Some(FieldError::InvalidComune)),
            // Lucca is in Toscana, not in the Puglia chosen.
            (Some("046017"), Some(FieldError::ComuneOutsideRegion)),
        ];
        for (code, expected) in cases {
            let declaration = AdoptionDeclaration { comune_code: code.map(str::to_owned), ..declaration() };
            assert_eq!(declaration.validate(list).get("comune_code"), expected.as_slice(), "{code:?}");
        }
        let bari = AdoptionDeclaration { comune_code: Some("072006".into()), ..declaration() };
        assert!(bari.validate(list).is_empty());
        assert_eq!(bari.comune(), Some("072006"));
        let ambito = AdoptionDeclaration {
            entity_type: EntityType::AmbitoTerritorialeSociale,
            comune_code: Some("not a code".into()),
            ..declaration()
        };
        assert!(ambito.validate(list).is_empty(), "only a Comune names one");
        assert_eq!(ambito.comune(), None, "and only a Comune's is kept");
    }

    #[test]
    fn an_adaptation_says_what_changed_in_plain_text() {
        let adapted = AdoptionDeclaration { adapted: true, ..declaration() };
        assert_eq!(adapted.validate(None).get("changes"), [FieldError::Required]);
        let marked = AdoptionDeclaration { changes: "<b>orari</b> diversi per gli anziani".into(), ..adapted.clone() };
        assert_eq!(marked.validate(None).get("changes"), [FieldError::NoMarkup]);
        let fine = AdoptionDeclaration { changes: "Orari serali e volontari della parrocchia".into(), ..adapted };
        assert!(fine.validate(None).is_empty());
        let injected = AdoptionDeclaration { referent_name: "Maria\r\nBcc: x@y.it".into(), ..declaration() };
        assert_eq!(injected.validate(None).get("referent_name"), [FieldError::ForbiddenCharacters]);
    }

    #[test]
    fn a_derived_practice_starts_from_the_design_not_the_body_or_its_results() {
        let origin: crate::api::Answers = serde_json::from_value(serde_json::json!({
            "title": "Spesa a domicilio", "entity_name": "Comune di Bari", "contact_email": "a@b.it",
            "tools": ["telefono"], "results": "Mille consegne", "start_date": "2020-03", "tools_other": null,
        }))
        .unwrap();
        let prefilled = prefill_from(&origin);
        let keys: Vec<&str> = prefilled.keys().map(String::as_str).collect();
        assert_eq!(keys, ["title", "tools"]);
        for key in PREFILLED_FROM_ORIGIN {
            let field = crate::questionnaire::QUESTIONNAIRE.field(key).expect("a question");
            assert_eq!(field.visibility, crate::questionnaire::Visibility::Public, "{key} is public");
        }
    }

    #[test]
    fn a_credit_reads_body_and_year() {
        let adoption = PublicAdoption {
            practice: PracticeId::new(2020, 1),
            entity_type: EntityType::Comune,
            entity_name: "Comune di Lecce".into(),
            region_code: Region::Puglia,
            comune_code: Some("075035".into()),
            adopted_on: "2021-02".into(),
            adapted: false,
            changes: String::new(),
            published_at: "2021-03-01T10:00:00Z".into(),
        };
        assert_eq!(adoption.credit(), "Comune di Lecce, 2021");
    }
}
