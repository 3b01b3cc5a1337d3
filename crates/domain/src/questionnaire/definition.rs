// SPDX-License-Identifier: EUPL-1.2
//! The questionnaire's data: its steps and fields, with their labels, help,
//! kinds, vocabularies and rules, and the sentences that ask for a missing
//! answer. Only data lives here; the engine that reads it is in `check`.

use super::{Condition, Definition, Input, Kind, Required, Step, Text};
use super::{field, help, long_text, private, shown_when, t, text};
use crate::geo::Region;
use crate::practice::YearMonth;
use crate::validation::limits;
use crate::vocabulary::*;

use Required::{Always, Never};

const START_MIN: YearMonth = crate::validation::EARLIEST_START;

/// What to say when a required answer is missing, for the questions where
/// a sentence of their own reads better than the generic one ("Compila il
/// campo «…»"), as GOV.UK's error messages do.
pub(super) const ASK: &[(&str, Text)] = &[
    ("entity_type", t("Scegli il tipo di ente.", "Choose the type of body.")),
    ("entity_type_other", t("Scrivi di che tipo di ente si tratta.", "Say what type of body it is.")),
    ("entity_name", t("Scrivi la denominazione dell'ente.", "Enter the name of the body.")),
    ("region_code", t("Scegli la regione o la provincia autonoma.", "Choose the region or autonomous province.")),
    ("comune_codes", t("Scegli almeno un Comune dall'elenco.", "Choose at least one municipality from the list.")),
    ("ats_name", t("Scrivi il nome dell'ambito territoriale sociale.", "Enter the name of the social district.")),
    ("territorial_scale", t("Indica la scala territoriale.", "Choose the territorial scale.")),
    ("contact_name", t("Scrivi il nome del referente.", "Enter the contact person's name.")),
    ("contact_email", t("Scrivi l'e-mail del referente.", "Enter the contact person's e-mail.")),
    ("title", t("Scrivi il titolo della pratica.", "Enter the title of the practice.")),
    ("summary", t("Scrivi la sintesi della pratica.", "Enter a summary of the practice.")),
    ("description", t("Descrivi il servizio attivato.", "Describe the service.")),
    ("need_addressed", t("Scrivi quale bisogno o problema ha affrontato.", "Say which need or problem it addressed.")),
    ("service_type", t("Indica la tipologia della pratica.", "Choose the type of the practice.")),
    ("start_date", t("Indica mese e anno di avvio.", "Enter the month and year it started.")),
    (
        "end_date",
        t(
            "La pratica è conclusa: indica mese e anno di conclusione.",
            "The practice has ended: enter the month and year it ended.",
        ),
    ),
    ("status", t("Indica lo stato della pratica.", "Choose the status of the practice.")),
    ("user_areas", t("Scegli almeno un'area di utenza.", "Choose at least one user area.")),
    ("intervention_areas", t("Scegli almeno un'area di intervento.", "Choose at least one intervention area.")),
    ("innovation_tags", t("Scegli almeno un'innovazione introdotta.", "Choose at least one innovation.")),
    ("delivery_modes", t("Scegli almeno una modalità di erogazione.", "Choose at least one delivery mode.")),
    (
        "continue_after_emergency",
        t(
            "Indica se la pratica proseguirà dopo l'emergenza.",
            "Say whether the practice will continue after the emergency.",
        ),
    ),
];

/// The questionnaire of `domain.md` §3, version 1.
pub const QUESTIONNAIRE: Definition = Definition {
    version: crate::practice::QUESTIONNAIRE_VERSION,
    steps: &[
        Step {
            key: "ente",
            title: t("Ente", "Organisation"),
            fields: &[
                field(
                    "entity_type",
                    t("Tipo di ente", "Type of body"),
                    Kind::Choice { options: EntityType::CHOICES },
                    Always,
                ),
                shown_when(
                    field(
                        "entity_type_other",
                        t("Specifica il tipo di ente", "Specify the type of body"),
                        text(limits::SHORT_TEXT),
                        Always,
                    ),
                    Condition::Is("entity_type", EntityType::Altro.code()),
                ),
                help(
                    field("entity_name", t("Denominazione dell'ente", "Name of the body"), text(limits::NAME), Always),
                    t("Ad esempio: Comune di Lucca.", "For example: Comune di Lucca."),
                ),
                field(
                    "region_code",
                    t("Regione o Provincia autonoma", "Region or autonomous province"),
                    Kind::Choice { options: Region::CHOICES },
                    Always,
                ),
                help(
                    field(
                        "comune_codes",
                        t("Comune o comuni interessati", "Municipality or municipalities concerned"),
                        Kind::Comuni { max: limits::COMUNI, region: "region_code" },
                        Required::When(Condition::Is("entity_type", EntityType::Comune.code())),
                    ),
                    t(
                        "Scrivi le prime lettere e scegli dall'elenco ufficiale ISTAT della regione indicata.",
                        "Type the first letters and choose from ISTAT's official list for the region above.",
                    ),
                ),
                help(
                    field(
                        "ats_name",
                        t("Ambito territoriale sociale", "Social district (ATS)"),
                        text(limits::NAME),
                        Required::When(Condition::Is("entity_type", EntityType::AmbitoTerritorialeSociale.code())),
                    ),
                    t(
                        "Il nome usato nella tua regione, ad esempio «Ambito Territoriale TA/2».",
                        "The name used in your region, e.g. “Ambito Territoriale TA/2”.",
                    ),
                ),
                field(
                    "territorial_scale",
                    t("Scala territoriale", "Territorial scale"),
                    Kind::Choice { options: TerritorialScale::CHOICES },
                    Always,
                ),
                help(
                    field(
                        "partners",
                        t("Soggetti coinvolti", "Partners involved"),
                        Kind::Partners { max: limits::PARTNERS },
                        Never,
                    ),
                    t(
                        "Associazioni, enti e imprese che hanno collaborato.",
                        "Associations, bodies and businesses that took part.",
                    ),
                ),
                private(field(
                    "contact_name",
                    t("Referente", "Contact person"),
                    Kind::Text {
                        max: limits::PERSON,
                        multiline: false,
                        input: Input::Plain,
                        autocomplete: Some("name"),
                    },
                    Always,
                )),
                private(field(
                    "contact_role",
                    t("Ruolo del referente", "Role of the contact person"),
                    Kind::Text {
                        max: limits::PERSON,
                        multiline: false,
                        input: Input::Plain,
                        autocomplete: Some("organization-title"),
                    },
                    Never,
                )),
                private(help(
                    field(
                        "contact_email",
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
                )),
                private(field(
                    "contact_phone",
                    t("Telefono", "Phone"),
                    Kind::Text { max: 40, multiline: false, input: Input::Tel, autocomplete: Some("tel") },
                    Never,
                )),
                help(
                    field(
                        "public_contact",
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
                        "no_contact_requests",
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
                    field("title", t("Titolo della pratica", "Title of the practice"), text(limits::TITLE), Always),
                    t(
                        "In breve, cosa è stato fatto: al massimo 120 caratteri.",
                        "In short, what was done: at most 120 characters.",
                    ),
                ),
                help(
                    field("summary", t("Sintesi", "Summary"), long_text(limits::SUMMARY), Always),
                    t("Compare nelle schede del catalogo.", "Shown on the catalogue cards."),
                ),
                help(
                    field(
                        "description",
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
                    "need_addressed",
                    t("Bisogno o problema affrontato", "Need or problem addressed"),
                    long_text(limits::LONG_TEXT),
                    Always,
                ),
                field(
                    "service_type",
                    t("Tipologia", "Type of service"),
                    Kind::Choice { options: ServiceType::CHOICES },
                    Always,
                ),
                help(
                    field(
                        "start_date",
                        t("Data di avvio", "Start date"),
                        Kind::YearMonth { min: Some(START_MIN), not_before: None },
                        Always,
                    ),
                    t("Mese e anno, non prima di gennaio 2020.", "Month and year, not before January 2020."),
                ),
                help(
                    field(
                        "end_date",
                        t("Data di conclusione", "End date"),
                        Kind::YearMonth { min: Some(START_MIN), not_before: Some("start_date") },
                        Required::When(Condition::Is("status", PracticeStatus::Conclusa.code())),
                    ),
                    t(
                        "Da indicare se la pratica è conclusa; lascia vuoto se è ancora in corso.",
                        "Needed if the practice has ended; leave empty if it is still running.",
                    ),
                ),
                field("status", t("Stato", "Status"), Kind::Choice { options: PracticeStatus::CHOICES }, Always),
            ],
        },
        Step {
            key: "classificazione",
            title: t("Classificazione", "Classification"),
            fields: &[
                field(
                    "user_areas",
                    t("Aree di utenza", "User areas"),
                    Kind::Choices { options: UserArea::CHOICES, other: None },
                    Always,
                ),
                field(
                    "target_groups",
                    t("Destinatari specifici", "Specific target groups"),
                    Kind::Choices { options: TargetGroup::CHOICES, other: None },
                    Always,
                ),
                field(
                    "intervention_areas",
                    t("Area di intervento", "Intervention areas"),
                    Kind::Choices { options: InterventionArea::CHOICES, other: None },
                    Always,
                ),
                field(
                    "innovation_tags",
                    t("Innovazioni introdotte", "Innovations introduced"),
                    Kind::Choices { options: InnovationTag::CHOICES, other: None },
                    Always,
                ),
                field(
                    "related_measures",
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
                    "delivery_modes",
                    t("Modalità di erogazione", "Delivery modes"),
                    Kind::Choices { options: DeliveryMode::CHOICES, other: None },
                    Always,
                ),
                field(
                    "communication_channels",
                    t("Come è stata comunicata ai cittadini", "How it was communicated to citizens"),
                    Kind::Choices {
                        options: CommunicationChannel::CHOICES,
                        other: Some("communication_channels_other"),
                    },
                    Always,
                ),
                shown_when(
                    field(
                        "communication_channels_other",
                        t("Altro canale: specifica", "Other channel: specify"),
                        text(limits::SHORT_TEXT),
                        Always,
                    ),
                    Condition::Has("communication_channels", CommunicationChannel::Altro.code()),
                ),
                field(
                    "tools",
                    t("Strumenti utilizzati", "Tools used"),
                    Kind::Choices { options: Tool::CHOICES, other: Some("tools_other") },
                    Always,
                ),
                shown_when(
                    field(
                        "tools_other",
                        t("Altro strumento: specifica", "Other tool: specify"),
                        text(limits::SHORT_TEXT),
                        Always,
                    ),
                    Condition::Has("tools", Tool::Altro.code()),
                ),
                field(
                    "staff_profiles",
                    t("Figure professionali coinvolte", "Professionals involved"),
                    Kind::Choices { options: StaffProfile::CHOICES, other: None },
                    Never,
                ),
                field(
                    "staff_count",
                    t("Numero di operatori coinvolti", "Number of staff involved"),
                    Kind::Count,
                    Never,
                ),
                field("volunteers_count", t("Numero di volontari", "Number of volunteers"), Kind::Count, Never),
                field(
                    "funding_sources",
                    t("Fonti di finanziamento", "Funding sources"),
                    Kind::Choices { options: FundingSource::CHOICES, other: None },
                    Never,
                ),
                help(
                    field("budget_eur", t("Risorse impiegate (€)", "Resources used (€)"), Kind::Euro, Never),
                    t("Importo in euro, ad esempio 12500 oppure 12500,50.", "Amount in euro, e.g. 12500 or 12500.50."),
                ),
            ],
        },
        Step {
            key: "risultati",
            title: t("Risultati e prospettive", "Results and outlook"),
            fields: &[
                field("beneficiaries_count", t("Destinatari raggiunti", "People reached"), Kind::Count, Never),
                field(
                    "beneficiaries_unit",
                    t("Unità di misura dei destinatari", "Unit of the people reached"),
                    Kind::Choice { options: BeneficiariesUnit::CHOICES },
                    Required::When(Condition::Filled("beneficiaries_count")),
                ),
                field("results", t("Risultati ottenuti", "Results achieved"), long_text(limits::LONG_TEXT), Never),
                field(
                    "feedback_staff",
                    t("Riscontri degli operatori", "Feedback from staff"),
                    long_text(limits::LONG_TEXT),
                    Always,
                ),
                field(
                    "feedback_citizens",
                    t("Riscontri della cittadinanza", "Feedback from citizens"),
                    long_text(limits::LONG_TEXT),
                    Always,
                ),
                field(
                    "critical_issues",
                    t("Criticità incontrate", "Difficulties met"),
                    long_text(limits::LONG_TEXT),
                    Never,
                ),
                field(
                    "advice",
                    t("Consigli per chi vuole replicarla", "Advice for those who want to replicate it"),
                    long_text(limits::LONG_TEXT),
                    Never,
                ),
                field(
                    "continue_after_emergency",
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
                        "links",
                        t("Link a delibere, pagine web, materiali", "Links to resolutions, web pages, materials"),
                        Kind::Urls { max: limits::LINKS },
                        Never,
                    ),
                    t(
                        "Fino a 10 indirizzi che iniziano con https:// o http://, uno per riga.",
                        "Up to 10 addresses starting with https:// or http://, one per line.",
                    ),
                ),
                private(field(
                    "privacy_notice_read",
                    t("Ho letto l'informativa sul trattamento dei dati personali", "I have read the privacy notice"),
                    Kind::Consent,
                    Always,
                )),
                private(help(
                    field(
                        "publication_consent",
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
                )),
                private(field(
                    "no_beneficiary_data",
                    t(
                        "Il testo non contiene dati personali dei beneficiari",
                        "The text contains no personal data of beneficiaries",
                    ),
                    Kind::Consent,
                    Always,
                )),
            ],
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Visibility;
    use crate::questionnaire::tests::valid_answers;
    use std::collections::BTreeSet;

    #[test]
    fn the_definition_covers_exactly_the_practice_record() {
        let practice_keys: BTreeSet<String> = valid_answers().keys().cloned().collect();
        let definition_keys: BTreeSet<String> = QUESTIONNAIRE.fields().map(|f| f.key.to_owned()).collect();
        let (unstored, unasked) = (&definition_keys - &practice_keys, &practice_keys - &definition_keys);
        assert_eq!(
            definition_keys, practice_keys,
            "every stored key is asked, every asked key is stored: Practice lacks {unstored:?}, the definition {unasked:?}"
        );
        assert_eq!(QUESTIONNAIRE.steps.len(), 6, "six steps as in domain.md");
        let mut seen = BTreeSet::new();
        assert!(QUESTIONNAIRE.fields().all(|f| seen.insert(f.key)), "keys are unique");
    }

    #[test]
    fn private_fields_are_those_of_the_domain_brief() {
        let private: BTreeSet<&str> =
            QUESTIONNAIRE.fields().filter(|f| f.visibility == Visibility::Private).map(|f| f.key).collect();
        let expected = [
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "privacy_notice_read",
            "publication_consent",
            "no_beneficiary_data",
        ];
        assert_eq!(private, expected.into_iter().collect());
    }
}
