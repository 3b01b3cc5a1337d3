// SPDX-License-Identifier: EUPL-1.2
//! Every field of a practice, declared once: its key, its Rust type, the step
//! that asks it, whether the public may see it, and the questionnaire version
//! it arrived in. From this one list come
//!
//! - `Practice`, the respondent's whole answer;
//! - `PublicPractice`, its public fields between the publication facts and
//!   the licence, and `PublicPractice::new`, the projection (a field declared
//!   `private` has no place in it, so it cannot be published by mistake);
//! - `key`, one constant per field (`key::TITLE`), so no code outside this
//!   list writes a field's key as a string;
//! - `FIELDS`, the list itself, which the questionnaire's definition must
//!   follow exactly, in order and step (checked when the crate compiles, in
//!   `questionnaire::definition`), and which orders the export's columns.
//!
//! The questions' wording, kinds and rules are the definition's
//! (`questionnaire::definition`): adding a field is a line here and a
//! question there, and the compiler points at whatever else must know it.

use crate::record::geo::{ComuneCode, Region};
use crate::record::values::{Euros, Partner, PracticeId, YearMonth};
use crate::record::vocabulary::*;
use serde::{Deserialize, Serialize};

/// Who may see a field's answer (`domain.md` §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// In the public catalogue and open data.
    Public,
    /// Curators and the submitter only.
    Private,
}

/// One declared field: what the rest of the code may know about it without
/// reading the questionnaire's wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Declared {
    /// The stable key: the answer's key in JSON, the export's column.
    pub key: &'static str,
    /// The key of the questionnaire step that asks it.
    pub step: &'static str,
    /// Who may see the answer.
    pub visibility: Visibility,
    /// The questionnaire version it arrived in.
    pub since: u32,
}

/// The version of the questionnaire definition answers are given under; every
/// stored answer records it.
pub const QUESTIONNAIRE_VERSION: u32 = 2;

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

/// The licence of every practice's public content.
pub const LICENCE: &str = "CC-BY-4.0";

/// The declaration of every field (see the module's documentation). Each line:
/// the key's constant, the field and its type, then the step, `public` or
/// `private`, and the version it arrived in.
macro_rules! declare_fields {
    ( $( $(#[$attr:meta])* $KEY:ident $name:ident : $ty:ty => $step:literal, $vis:ident, $since:literal; )* ) => {
        /// The respondent's whole answer: every field of the questionnaire
        /// (`domain.md` §3), private ones included. Never sent to the public.
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Practice {
            $( $(#[$attr])* pub $name: $ty, )*
        }

        /// One constant per field: its key.
        pub mod key {
            $( #[doc = concat!("`", stringify!($name), "`")] pub const $KEY: &str = stringify!($name); )*
        }

        /// Every field, in the order the questionnaire asks them.
        pub const FIELDS: &[Declared] = &[
            $( Declared {
                key: key::$KEY,
                step: $step,
                visibility: declare_fields!(@visibility $vis),
                since: $since,
            }, )*
        ];

        declare_fields!(@public [] $( $(#[$attr])* $name: $ty => $vis; )*);
    };

    (@visibility public) => { Visibility::Public };
    (@visibility private) => { Visibility::Private };

    // Keep the public fields, drop the private ones, then write the public type.
    (@public [$($kept:tt)*] $(#[$attr:meta])* $name:ident : $ty:ty => public; $($rest:tt)*) => {
        declare_fields!(@public [$($kept)* $(#[$attr])* $name: $ty;] $($rest)*);
    };
    (@public [$($kept:tt)*] $(#[$attr:meta])* $name:ident : $ty:ty => private; $($rest:tt)*) => {
        declare_fields!(@public [$($kept)*] $($rest)*);
    };
    (@public [$( $(#[$attr:meta])* $name:ident : $ty:ty; )*]) => {
        /// What the public may see of a published practice: every field
        /// declared `public` plus the public system fields. Contact persons,
        /// their e-mail and phone, consents and curation data are not part of
        /// this type.
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub struct PublicPractice {
            pub id: PracticeId,
            /// Synthetic demonstration content, not a real practice.
            pub demo: bool,
            pub published_at: String,
            pub updated_at: String,
            /// The code of the collection round the practice was submitted in.
            pub collection_round: String,
            pub questionnaire_version: u32,
            /// "Confermata il": the last submission, update or confirmation by
            /// its respondent (RFC 3339).
            pub confirmed_at: String,
            /// The published practice it started from ("Parti da questa pratica").
            pub derived_from: Option<PracticeId>,
            $( $(#[$attr])* pub $name: $ty, )*
            /// Always CC BY 4.0.
            pub licence: String,
            /// Its life since publication: adoptions, derived practices,
            /// whether it is "da aggiornare". Not an answer: computed when it
            /// is read.
            #[serde(default)]
            pub follow_up: crate::community::follow_up::FollowUp,
            /// Where a harvested practice comes from (`null`: sent to this
            /// collection). Not an answer: filled when it is read.
            #[serde(default)]
            pub source: Option<crate::harvest::PracticeSource>,
        }

        impl PublicPractice {
            /// The public projection of a practice: its public fields, the
            /// publication facts and the licence.
            pub fn new(facts: PublicationFacts, p: Practice) -> Self {
                Self {
                    id: facts.id,
                    demo: facts.demo,
                    published_at: facts.published_at,
                    updated_at: facts.updated_at,
                    collection_round: facts.collection_round,
                    questionnaire_version: facts.questionnaire_version,
                    confirmed_at: facts.confirmed_at,
                    derived_from: facts.derived_from,
                    $( $name: p.$name, )*
                    licence: LICENCE.to_owned(),
                    follow_up: Default::default(),
                    source: None,
                }
            }
        }
    };
}

declare_fields! {
    // Step 1: Ente.
    ENTITY_TYPE entity_type: EntityType => "ente", public, 1;
    #[serde(default)]
    ENTITY_TYPE_OTHER entity_type_other: Option<String> => "ente", public, 1;
    ENTITY_NAME entity_name: String => "ente", public, 1;
    REGION_CODE region_code: Region => "ente", public, 1;
    #[serde(default)]
    COMUNE_CODES comune_codes: Vec<ComuneCode> => "ente", public, 1;
    #[serde(default)]
    ATS_NAME ats_name: Option<String> => "ente", public, 1;
    TERRITORIAL_SCALE territorial_scale: TerritorialScale => "ente", public, 1;
    #[serde(default)]
    PARTNERS partners: Vec<Partner> => "ente", public, 1;
    CONTACT_NAME contact_name: String => "ente", private, 1;
    #[serde(default)]
    CONTACT_ROLE contact_role: Option<String> => "ente", private, 1;
    CONTACT_EMAIL contact_email: String => "ente", private, 1;
    #[serde(default)]
    CONTACT_PHONE contact_phone: Option<String> => "ente", private, 1;
    #[serde(default)]
    PUBLIC_CONTACT public_contact: Option<String> => "ente", public, 1;
    /// The respondent turned off "Contatta il referente": readers may not
    /// write to the contact through the site's form (which relays a message
    /// without showing the address). Off by default, so the form is on.
    #[serde(default)]
    NO_CONTACT_REQUESTS no_contact_requests: bool => "ente", public, 2;
    // Step 2: La pratica.
    TITLE title: String => "pratica", public, 1;
    SUMMARY summary: String => "pratica", public, 1;
    DESCRIPTION description: String => "pratica", public, 1;
    NEED_ADDRESSED need_addressed: String => "pratica", public, 1;
    SERVICE_TYPE service_type: ServiceType => "pratica", public, 1;
    START_DATE start_date: YearMonth => "pratica", public, 1;
    #[serde(default)]
    END_DATE end_date: Option<YearMonth> => "pratica", public, 1;
    STATUS status: PracticeStatus => "pratica", public, 1;
    // Step 3: Classificazione.
    USER_AREAS user_areas: Vec<UserArea> => "classificazione", public, 1;
    TARGET_GROUPS target_groups: Vec<TargetGroup> => "classificazione", public, 1;
    INTERVENTION_AREAS intervention_areas: Vec<InterventionArea> => "classificazione", public, 1;
    INNOVATION_TAGS innovation_tags: Vec<InnovationTag> => "classificazione", public, 1;
    #[serde(default)]
    RELATED_MEASURES related_measures: Vec<RelatedMeasure> => "classificazione", public, 1;
    // Step 4: Modalità, comunicazione, strumenti, risorse.
    DELIVERY_MODES delivery_modes: Vec<DeliveryMode> => "modalita", public, 1;
    COMMUNICATION_CHANNELS communication_channels: Vec<CommunicationChannel> => "modalita", public, 1;
    #[serde(default)]
    COMMUNICATION_CHANNELS_OTHER communication_channels_other: Option<String> => "modalita", public, 1;
    TOOLS tools: Vec<Tool> => "modalita", public, 1;
    #[serde(default)]
    TOOLS_OTHER tools_other: Option<String> => "modalita", public, 1;
    #[serde(default)]
    STAFF_PROFILES staff_profiles: Vec<StaffProfile> => "modalita", public, 1;
    #[serde(default)]
    STAFF_COUNT staff_count: Option<u32> => "modalita", public, 1;
    #[serde(default)]
    VOLUNTEERS_COUNT volunteers_count: Option<u32> => "modalita", public, 1;
    #[serde(default)]
    FUNDING_SOURCES funding_sources: Vec<FundingSource> => "modalita", public, 1;
    #[serde(default)]
    BUDGET_EUR budget_eur: Option<Euros> => "modalita", public, 1;
    // Step 5: Risultati e prospettive.
    #[serde(default)]
    BENEFICIARIES_COUNT beneficiaries_count: Option<u32> => "risultati", public, 1;
    #[serde(default)]
    BENEFICIARIES_UNIT beneficiaries_unit: Option<BeneficiariesUnit> => "risultati", public, 1;
    #[serde(default)]
    RESULTS results: Option<String> => "risultati", public, 1;
    FEEDBACK_STAFF feedback_staff: String => "risultati", public, 1;
    FEEDBACK_CITIZENS feedback_citizens: String => "risultati", public, 1;
    #[serde(default)]
    CRITICAL_ISSUES critical_issues: Option<String> => "risultati", public, 1;
    #[serde(default)]
    ADVICE advice: Option<String> => "risultati", public, 1;
    CONTINUE_AFTER_EMERGENCY continue_after_emergency: Continuation => "risultati", public, 1;
    // Step 6: Materiali e consenso.
    #[serde(default)]
    LINKS links: Vec<String> => "materiali", public, 1;
    PRIVACY_NOTICE_READ privacy_notice_read: bool => "materiali", private, 1;
    PUBLICATION_CONSENT publication_consent: bool => "materiali", private, 1;
    NO_BENEFICIARY_DATA no_beneficiary_data: bool => "materiali", private, 1;
}

/// The declaration of the field `key`. Evaluated when the crate compiles
/// wherever it is used in a constant: an undeclared key stops the build.
///
/// ```
/// use domain::record::fields::{Declared, declared, key};
/// const TITLE: Declared = declared(key::TITLE);
/// assert_eq!((TITLE.key, TITLE.step), ("title", "pratica"));
/// ```
///
/// ```compile_fail
/// // A key that is not declared does not compile.
/// const TITLE: domain::record::fields::Declared = domain::record::fields::declared("titel");
/// ```
pub const fn declared(key: &str) -> Declared {
    let mut i = 0;
    while i < FIELDS.len() {
        if same(FIELDS[i].key, key) {
            return FIELDS[i];
        }
        i += 1;
    }
    panic!("not a declared field: add it to `fields::declare_fields!`")
}

/// Whether two strings are equal, in a constant.
pub(crate) const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The keys in the order the export writes them: by the version they arrived
/// in, then as declared, so a new field adds a column at the end and none
/// shifts (`questionnaire::EXPORT_COLUMNS`).
pub(crate) const fn by_arrival<const N: usize>() -> [&'static str; N] {
    assert!(N == FIELDS.len(), "one column per declared field");
    let mut columns = [""; N];
    let (mut filled, mut version) = (0, 1);
    while filled < N {
        let mut i = 0;
        while i < FIELDS.len() {
            if FIELDS[i].since == version {
                columns[filled] = FIELDS[i].key;
                filled += 1;
            }
            i += 1;
        }
        version += 1;
        assert!(version <= QUESTIONNAIRE_VERSION + 1, "a field arrived in a future version");
    }
    columns
}
