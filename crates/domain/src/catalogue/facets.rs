// SPDX-License-Identifier: EUPL-1.2
//! The dimensions the catalogue can be filtered by, their values and labels.

use crate::Lang;
use crate::record::geo::Region;
use crate::record::practice::CatalogueEntry;
use crate::record::vocabulary::*;

/// A dimension the catalogue can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Region,
    EntityType,
    ServiceType,
    UserArea,
    TargetGroup,
    InterventionArea,
    InnovationTag,
    Tool,
    DeliveryMode,
    Continuation,
    Status,
    StartYear,
    /// Declared adopted by other bodies, or not yet.
    Adoption,
    /// Confirmed, or "da aggiornare".
    Upkeep,
    /// Sent to this collection, or harvested from another (by its name).
    Source,
}

impl Facet {
    /// Every facet, in the order the page shows them.
    pub const ALL: [Facet; 15] = [
        Facet::InnovationTag,
        Facet::Region,
        Facet::EntityType,
        Facet::ServiceType,
        Facet::UserArea,
        Facet::TargetGroup,
        Facet::InterventionArea,
        Facet::Tool,
        Facet::DeliveryMode,
        Facet::Continuation,
        Facet::Status,
        Facet::StartYear,
        Facet::Adoption,
        Facet::Upkeep,
        Facet::Source,
    ];

    /// The facet's name in URLs (`?regione=16`).
    pub const fn url_key(self) -> &'static str {
        match self {
            Facet::Region => "regione",
            Facet::EntityType => "ente",
            Facet::ServiceType => "tipologia",
            Facet::UserArea => "utenza",
            Facet::TargetGroup => "destinatari",
            Facet::InterventionArea => "intervento",
            Facet::InnovationTag => "innovazione",
            Facet::Tool => "strumento",
            Facet::DeliveryMode => "modalita",
            Facet::Continuation => "prosegue",
            Facet::Status => "stato",
            Facet::StartYear => "anno",
            Facet::Adoption => "adottata",
            Facet::Upkeep => "aggiornamento",
            Facet::Source => "fonte",
        }
    }

    /// The facet with this URL name.
    pub fn from_url_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.url_key() == key)
    }

    /// What people read as the facet's heading.
    pub const fn label(self, lang: Lang) -> &'static str {
        let (it, en) = match self {
            Facet::Region => ("Regione", "Region"),
            Facet::EntityType => ("Tipo di ente", "Type of body"),
            Facet::ServiceType => ("Tipologia", "Type of service"),
            Facet::UserArea => ("Aree di utenza", "User areas"),
            Facet::TargetGroup => ("Destinatari", "Target groups"),
            Facet::InterventionArea => ("Area di intervento", "Intervention area"),
            Facet::InnovationTag => ("Innovazioni", "Innovations"),
            Facet::Tool => ("Strumenti", "Tools"),
            Facet::DeliveryMode => ("Modalità di erogazione", "Delivery modes"),
            Facet::Continuation => ("Prosegue dopo l'emergenza", "Continues after the emergency"),
            Facet::Status => ("Stato", "Status"),
            Facet::StartYear => ("Anno di avvio", "Start year"),
            Facet::Adoption => ("Adozioni", "Adoptions"),
            Facet::Upkeep => ("Aggiornamento", "Upkeep"),
            Facet::Source => ("Provenienza", "Source"),
        };
        match lang {
            Lang::It => it,
            Lang::En => en,
        }
    }

    /// The label of one of the facet's values.
    pub fn value_label(self, code: &str, lang: Lang) -> String {
        fn label<T: Copy>(
            from: fn(&str) -> Option<T>,
            label: fn(T, Lang) -> &'static str,
            code: &str,
            lang: Lang,
        ) -> String {
            from(code).map_or_else(|| code.to_owned(), |v| label(v, lang).to_owned())
        }
        match self {
            Facet::Region => label(Region::from_code, Region::label, code, lang),
            Facet::EntityType => label(EntityType::from_code, EntityType::label, code, lang),
            Facet::ServiceType => label(ServiceType::from_code, ServiceType::label, code, lang),
            Facet::UserArea => label(UserArea::from_code, UserArea::label, code, lang),
            Facet::TargetGroup => label(TargetGroup::from_code, TargetGroup::label, code, lang),
            Facet::InterventionArea => label(InterventionArea::from_code, InterventionArea::label, code, lang),
            Facet::InnovationTag => label(InnovationTag::from_code, InnovationTag::label, code, lang),
            Facet::Tool => label(Tool::from_code, Tool::label, code, lang),
            Facet::DeliveryMode => label(DeliveryMode::from_code, DeliveryMode::label, code, lang),
            Facet::Continuation => label(Continuation::from_code, Continuation::label, code, lang),
            Facet::Status => label(PracticeStatus::from_code, PracticeStatus::label, code, lang),
            Facet::StartYear => code.to_owned(),
            Facet::Source if code == OWN => {
                (if lang == Lang::En { "This collection" } else { "Questa raccolta" }).to_owned()
            }
            Facet::Source => code.to_owned(),
            Facet::Adoption | Facet::Upkeep => {
                let (it, en) = match code {
                    ADOPTED => ("Adottata da altri enti", "Adopted by other bodies"),
                    NOT_ADOPTED => ("Non ancora adottata", "Not adopted yet"),
                    STALE => ("Da aggiornare", "Needs updating"),
                    CONFIRMED => ("Confermata", "Confirmed"),
                    other => (other, other),
                };
                (if lang == Lang::En { en } else { it }).to_owned()
            }
        }
    }

    /// One active filter as people read it: "Regione: Puglia".
    pub fn filter_label(self, code: &str, lang: Lang) -> String {
        format!("{}: {}", self.label(lang), self.value_label(code, lang))
    }

    /// The facet's values of one practice, as codes.
    pub fn values(self, e: &CatalogueEntry) -> Vec<String> {
        fn codes<T: Copy>(items: &[T], code: fn(T) -> &'static str) -> Vec<String> {
            items.iter().map(|&i| code(i).to_owned()).collect()
        }
        match self {
            Facet::Region => vec![e.region_code.code().to_owned()],
            Facet::EntityType => vec![e.entity_type.code().to_owned()],
            Facet::ServiceType => vec![e.service_type.code().to_owned()],
            Facet::UserArea => codes(&e.user_areas, UserArea::code),
            Facet::TargetGroup => codes(&e.target_groups, TargetGroup::code),
            Facet::InterventionArea => codes(&e.intervention_areas, InterventionArea::code),
            Facet::InnovationTag => codes(&e.innovation_tags, InnovationTag::code),
            Facet::Tool => codes(&e.tools, Tool::code),
            Facet::DeliveryMode => codes(&e.delivery_modes, DeliveryMode::code),
            Facet::Continuation => vec![e.continue_after_emergency.code().to_owned()],
            Facet::Status => vec![e.status.code().to_owned()],
            Facet::StartYear => vec![e.start_date.year().to_string()],
            Facet::Adoption => vec![(if !e.adopted_in.is_empty() { ADOPTED } else { NOT_ADOPTED }).to_owned()],
            Facet::Upkeep => vec![(if e.stale { STALE } else { CONFIRMED }).to_owned()],
            // A name, as a code: the values of a facet are split on commas.
            Facet::Source => vec![e.source.as_deref().map_or_else(|| OWN.to_owned(), |name| name.replace(',', " "))],
        }
    }
}

/// The values of `Facet::Adoption` and `Facet::Upkeep`.
pub const ADOPTED: &str = "si";
pub const NOT_ADOPTED: &str = "no";
pub const STALE: &str = "da_aggiornare";
pub const CONFIRMED: &str = "confermata";
/// The value of `Facet::Source` for practices sent to this collection.
pub const OWN: &str = "questa_raccolta";
