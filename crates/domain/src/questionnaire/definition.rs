// SPDX-License-Identifier: EUPL-1.2
//! The questionnaire's data: its steps and fields, with their labels, help,
//! kinds, vocabularies and rules, and the sentences that ask for a missing
//! answer. Only data lives here; the engine that reads it is in `check`.

use super::{Condition, Definition, Input, Kind, Required, Step};
use super::{field, help, long_text, shown_when, t, text};
use crate::record::fields::{FIELDS, key, same};
use crate::record::geo::Region;
use crate::record::practice::YearMonth;
use crate::record::validation::limits;
use crate::record::vocabulary::*;

use Required::{Always, Never};

const START_MIN: YearMonth = crate::record::validation::EARLIEST_START;

/// The definition asks every declared field (`fields::FIELDS`), each once, in
/// the declared order and step: checked as the crate compiles, so a field
/// declared and not asked, or asked and not declared, stops the build.
const _: () = {
    let mut declared = 0;
    let mut s = 0;
    while s < QUESTIONNAIRE.steps.len() {
        let step = &QUESTIONNAIRE.steps[s];
        let mut f = 0;
        while f < step.fields.len() {
            assert!(declared < FIELDS.len(), "the definition asks a field that is not declared");
            assert!(
                same(step.fields[f].key, FIELDS[declared].key),
                "the definition and fields::FIELDS disagree here: a field declared and not asked, asked and not declared, or asked out of the declared order"
            );
            assert!(same(step.key, FIELDS[declared].step), "a field is asked in a step other than the declared one");
            f += 1;
            declared += 1;
        }
        s += 1;
    }
    assert!(declared == FIELDS.len(), "a declared field is not asked by the definition");
};

/// The questionnaire of `domain.md` §3.
pub const QUESTIONNAIRE: Definition = Definition {
    version: crate::record::practice::QUESTIONNAIRE_VERSION,
    steps: &[
        Step {
            key: "ente",
            title: t("Ente", "Organisation"),
            fields: &[
                field(
                    key::ENTITY_TYPE,
                    t("Tipo di ente", "Type of body"),
                    Kind::Choice { options: EntityType::CHOICES },
                    Always,
                ),
                shown_when(
                    field(
                        key::ENTITY_TYPE_OTHER,
                        t("Specifica il tipo di ente", "Specify the type of body"),
                        text(limits::SHORT_TEXT),
                        Always,
                    ),
                    Condition::Is(key::ENTITY_TYPE, EntityType::Altro.code()),
                ),
                help(
                    field(
                        key::ENTITY_NAME,
                        t("Denominazione dell'ente", "Name of the body"),
                        text(limits::NAME),
                        Always,
                    ),
                    t("Ad esempio: Comune di Lucca.", "For example: Comune di Lucca."),
                ),
                field(
                    key::REGION_CODE,
                    t("Regione o Provincia autonoma", "Region or autonomous province"),
                    Kind::Choice { options: Region::CHOICES },
                    Always,
                ),
                help(
                    field(
                        key::COMUNE_CODES,
                        t("Comune o comuni interessati", "Municipality or municipalities concerned"),
                        Kind::Comuni { max: limits::COMUNI, region: key::REGION_CODE },
                        Required::When(Condition::Is(key::ENTITY_TYPE, EntityType::Comune.code())),
                    ),
                    t(
                        "Scrivi le prime lettere e scegli dall'elenco ufficiale ISTAT della regione indicata.",
                        "Type the first letters and choose from ISTAT's official list for the region above.",
                    ),
                ),
                help(
                    field(
                        key::ATS_NAME,
                        t("Ambito territoriale sociale", "Social district (ATS)"),
                        text(limits::NAME),
                        Required::When(Condition::Is(key::ENTITY_TYPE, EntityType::AmbitoTerritorialeSociale.code())),
                    ),
                    t(
                        "Il nome usato nella tua regione, ad esempio «Ambito Territoriale TA/2».",
                        "The name used in your region, e.g. “Ambito Territoriale TA/2”.",
                    ),
                ),
                field(
                    key::TERRITORIAL_SCALE,
                    t("Scala territoriale", "Territorial scale"),
                    Kind::Choice { options: TerritorialScale::CHOICES },
                    Always,
                ),
                help(
                    field(
                        key::PARTNERS,
                        t("Soggetti coinvolti", "Partners involved"),
                        Kind::Partners { max: limits::PARTNERS },
                        Never,
                    ),
                    t(
                        "Associazioni, enti e imprese che hanno collaborato.",
                        "Associations, bodies and businesses that took part.",
                    ),
                ),
                field(
                    key::CONTACT_NAME,
                    t("Referente", "Contact person"),
                    Kind::Text {
                        max: limits::PERSON,
                        multiline: false,
                        input: Input::Plain,
                        autocomplete: Some("name"),
                    },
                    Always,
                ),
                field(
                    key::CONTACT_ROLE,
                    t("Ruolo del referente", "Role of the contact person"),
                    Kind::Text {
                        max: limits::PERSON,
                        multiline: false,
                        input: Input::Plain,
                        autocomplete: Some("organization-title"),
                    },
                    Never,
                ),
                help(
                    field(
                        key::CONTACT_EMAIL,
                        t("E-mail del referente", "Contact person's e-mail"),
                        Kind::Text {
                            max: limits::EMAIL,
                            multiline: false,
                            input: Input::Email,
                            autocomplete: Some("email"),
                        },
                        Always,
                    ),
                    t("Non sarà mai pubblicata.", "It will never be published."),
                ),
                field(
                    key::CONTACT_PHONE,
                    t("Telefono", "Phone"),
                    Kind::Text { max: 40, multiline: false, input: Input::Tel, autocomplete: Some("tel") },
                    Never,
                ),
                help(
                    field(
                        key::PUBLIC_CONTACT,
                        t("Contatto pubblico dell'ufficio", "Public contact of the office"),
                        Kind::Text {
                            max: limits::SHORT_TEXT,
                            multiline: false,
                            input: Input::EmailOrUrl,
                            autocomplete: None,
                        },
                        Never,
                    ),
                    t(
                        "Solo e-mail o pagina web istituzionale dell'ufficio: sarà pubblicato.",
                        "Only the office's institutional e-mail or web page: it will be published.",
                    ),
                ),
                help(
                    field(
                        key::NO_CONTACT_REQUESTS,
                        t(
                            "Non inoltratemi i messaggi di altri enti interessati alla pratica",
                            "Do not forward me messages from other bodies interested in the practice",
                        ),
                        Kind::Checkbox,
                        Never,
                    ),
                    t(
                        "Sulla pagina pubblica c'è il modulo «Contatta il referente»: la redazione ti inoltra i messaggi senza mostrare il tuo indirizzo. Spunta la casella se non vuoi riceverli.",
                        "The public page has a “Contact the referent” form: the site forwards you the messages without showing your address. Tick the box if you do not want them.",
                    ),
                ),
            ],
        },
        Step {
            key: "pratica",
            title: t("La pratica", "The practice"),
            fields: &[
                help(
                    field(key::TITLE, t("Titolo della pratica", "Title of the practice"), text(limits::TITLE), Always),
                    t(
                        "In breve, cosa è stato fatto: al massimo 120 caratteri.",
                        "In short, what was done: at most 120 characters.",
                    ),
                ),
                help(
                    field(key::SUMMARY, t("Sintesi", "Summary"), long_text(limits::SUMMARY), Always),
                    t("Compare nelle schede del catalogo.", "Shown on the catalogue cards."),
                ),
                help(
                    field(
                        key::DESCRIPTION,
                        t("Descrizione del servizio attivato", "Description of the service"),
                        long_text(limits::DESCRIPTION),
                        Always,
                    ),
                    t(
                        "Testo semplice: separa i paragrafi con una riga vuota.",
                        "Plain text: separate paragraphs with an empty line.",
                    ),
                ),
                field(
                    key::NEED_ADDRESSED,
                    t("Bisogno o problema affrontato", "Need or problem addressed"),
                    long_text(limits::LONG_TEXT),
                    Always,
                ),
                field(
                    key::SERVICE_TYPE,
                    t("Tipologia", "Type of service"),
                    Kind::Choice { options: ServiceType::CHOICES },
                    Always,
                ),
                help(
                    field(
                        key::START_DATE,
                        t("Data di avvio", "Start date"),
                        Kind::YearMonth { min: Some(START_MIN), not_before: None },
                        Always,
                    ),
                    t("Mese e anno, non prima di gennaio 2020.", "Month and year, not before January 2020."),
                ),
                help(
                    field(
                        key::END_DATE,
                        t("Data di conclusione", "End date"),
                        Kind::YearMonth { min: Some(START_MIN), not_before: Some(key::START_DATE) },
                        Required::When(Condition::Is(key::STATUS, PracticeStatus::Conclusa.code())),
                    ),
                    t(
                        "Da indicare se la pratica è conclusa; lascia vuoto se è ancora in corso.",
                        "Needed if the practice has ended; leave empty if it is still running.",
                    ),
                ),
                field(key::STATUS, t("Stato", "Status"), Kind::Choice { options: PracticeStatus::CHOICES }, Always),
            ],
        },
        Step {
            key: "classificazione",
            title: t("Classificazione", "Classification"),
            fields: &[
                field(
                    key::USER_AREAS,
                    t("Aree di utenza", "User areas"),
                    Kind::Choices { options: UserArea::CHOICES, other: None },
                    Always,
                ),
                field(
                    key::TARGET_GROUPS,
                    t("Destinatari specifici", "Specific target groups"),
                    Kind::Choices { options: TargetGroup::CHOICES, other: None },
                    Always,
                ),
                field(
                    key::INTERVENTION_AREAS,
                    t("Area di intervento", "Intervention areas"),
                    Kind::Choices { options: InterventionArea::CHOICES, other: None },
                    Always,
                ),
                field(
                    key::INNOVATION_TAGS,
                    t("Innovazioni introdotte", "Innovations introduced"),
                    Kind::Choices { options: InnovationTag::CHOICES, other: None },
                    Always,
                ),
                field(
                    key::RELATED_MEASURES,
                    t("Misure nazionali collegate", "Related national measures"),
                    Kind::Choices { options: RelatedMeasure::CHOICES, other: None },
                    Never,
                ),
            ],
        },
        Step {
            key: "modalita",
            title: t("Modalità, comunicazione, strumenti, risorse", "Delivery, communication, tools, resources"),
            fields: &[
                field(
                    key::DELIVERY_MODES,
                    t("Modalità di erogazione", "Delivery modes"),
                    Kind::Choices { options: DeliveryMode::CHOICES, other: None },
                    Always,
                ),
                field(
                    key::COMMUNICATION_CHANNELS,
                    t("Come è stata comunicata ai cittadini", "How it was communicated to citizens"),
                    Kind::Choices {
                        options: CommunicationChannel::CHOICES,
                        other: Some(key::COMMUNICATION_CHANNELS_OTHER),
                    },
                    Always,
                ),
                shown_when(
                    field(
                        key::COMMUNICATION_CHANNELS_OTHER,
                        t("Altro canale: specifica", "Other channel: specify"),
                        text(limits::SHORT_TEXT),
                        Always,
                    ),
                    Condition::Has(key::COMMUNICATION_CHANNELS, CommunicationChannel::Altro.code()),
                ),
                field(
                    key::TOOLS,
                    t("Strumenti utilizzati", "Tools used"),
                    Kind::Choices { options: Tool::CHOICES, other: Some(key::TOOLS_OTHER) },
                    Always,
                ),
                shown_when(
                    field(
                        key::TOOLS_OTHER,
                        t("Altro strumento: specifica", "Other tool: specify"),
                        text(limits::SHORT_TEXT),
                        Always,
                    ),
                    Condition::Has(key::TOOLS, Tool::Altro.code()),
                ),
                field(
                    key::STAFF_PROFILES,
                    t("Figure professionali coinvolte", "Professionals involved"),
                    Kind::Choices { options: StaffProfile::CHOICES, other: None },
                    Never,
                ),
                field(
                    key::STAFF_COUNT,
                    t("Numero di operatori coinvolti", "Number of staff involved"),
                    Kind::Count,
                    Never,
                ),
                field(key::VOLUNTEERS_COUNT, t("Numero di volontari", "Number of volunteers"), Kind::Count, Never),
                field(
                    key::FUNDING_SOURCES,
                    t("Fonti di finanziamento", "Funding sources"),
                    Kind::Choices { options: FundingSource::CHOICES, other: None },
                    Never,
                ),
                help(
                    field(key::BUDGET_EUR, t("Risorse impiegate (€)", "Resources used (€)"), Kind::Euro, Never),
                    t("Importo in euro, ad esempio 12500 oppure 12500,50.", "Amount in euro, e.g. 12500 or 12500.50."),
                ),
            ],
        },
        Step {
            key: "risultati",
            title: t("Risultati e prospettive", "Results and outlook"),
            fields: &[
                field(key::BENEFICIARIES_COUNT, t("Destinatari raggiunti", "People reached"), Kind::Count, Never),
                field(
                    key::BENEFICIARIES_UNIT,
                    t("Unità di misura dei destinatari", "Unit of the people reached"),
                    Kind::Choice { options: BeneficiariesUnit::CHOICES },
                    Required::When(Condition::Filled(key::BENEFICIARIES_COUNT)),
                ),
                field(key::RESULTS, t("Risultati ottenuti", "Results achieved"), long_text(limits::LONG_TEXT), Never),
                field(
                    key::FEEDBACK_STAFF,
                    t("Riscontri degli operatori", "Feedback from staff"),
                    long_text(limits::LONG_TEXT),
                    Always,
                ),
                field(
                    key::FEEDBACK_CITIZENS,
                    t("Riscontri della cittadinanza", "Feedback from citizens"),
                    long_text(limits::LONG_TEXT),
                    Always,
                ),
                field(
                    key::CRITICAL_ISSUES,
                    t("Criticità incontrate", "Difficulties met"),
                    long_text(limits::LONG_TEXT),
                    Never,
                ),
                field(
                    key::ADVICE,
                    t("Consigli per chi vuole replicarla", "Advice for those who want to replicate it"),
                    long_text(limits::LONG_TEXT),
                    Never,
                ),
                field(
                    key::CONTINUE_AFTER_EMERGENCY,
                    t("Proseguirà dopo l'emergenza?", "Will it continue after the emergency?"),
                    Kind::Choice { options: Continuation::CHOICES },
                    Always,
                ),
            ],
        },
        Step {
            key: "materiali",
            title: t("Materiali e consenso", "Materials and consent"),
            fields: &[
                help(
                    field(
                        key::LINKS,
                        t("Link a delibere, pagine web, materiali", "Links to resolutions, web pages, materials"),
                        Kind::Urls { max: limits::LINKS },
                        Never,
                    ),
                    t(
                        "Fino a 10 indirizzi che iniziano con https:// o http://, uno per riga.",
                        "Up to 10 addresses starting with https:// or http://, one per line.",
                    ),
                ),
                field(
                    key::PRIVACY_NOTICE_READ,
                    t("Ho letto l'informativa sul trattamento dei dati personali", "I have read the privacy notice"),
                    Kind::Consent,
                    Always,
                ),
                help(
                    field(
                        key::PUBLICATION_CONSENT,
                        t(
                            "Acconsento alla pubblicazione dei contenuti pubblici con licenza CC BY 4.0",
                            "I agree to the publication of the public content under CC BY 4.0",
                        ),
                        Kind::Consent,
                        Always,
                    ),
                    t(
                        "Nome, e-mail e telefono del referente non sono mai pubblicati.",
                        "The contact person's name, e-mail and phone are never published.",
                    ),
                ),
                field(
                    key::NO_BENEFICIARY_DATA,
                    t(
                        "Il testo non contiene dati personali dei beneficiari",
                        "The text contains no personal data of beneficiaries",
                    ),
                    Kind::Consent,
                    Always,
                ),
            ],
        },
    ],
};

#[cfg(test)]
mod tests;
