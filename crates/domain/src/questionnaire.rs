//! The questionnaire, defined once, as data: steps, fields, kinds, Italian
//! and English labels and help, vocabularies, required and conditional rules,
//! limits. From this one definition come the rendered form (the browser app
//! walks it), the validation run by the browser and by the server (the same
//! `Definition::accept`), the export columns and the data dictionary.
//! Changing a label, an option or a rule is an edit here and nowhere else.
//!
//! Answers travel as a JSON object keyed by field key, the shape of
//! `Practice` once accepted; the form edits that object directly, drafts
//! store it, and the API receives it.

use crate::Lang;
use crate::comuni::ComuneIndex;
use crate::geo::Region;
use crate::practice::{Euros, Practice, YearMonth};
use crate::validation::{FieldError, FieldErrors, is_email, is_forbidden_char, is_phone, is_web_url, limits};
use crate::vocabulary::*;
use serde_json::{Map, Value};

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub it: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::It => self.it,
            Lang::En => self.en,
        }
    }
}

/// One option of a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub code: &'static str,
    pub label: Text,
}

/// How a short text is typed in, for the right keyboard and autofill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Plain,
    Email,
    Tel,
    /// An e-mail address or a web page (an office's public contact).
    EmailOrUrl,
}

/// What kind of answer a field takes, with its limits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A text; `multiline` ones are paragraphs with a live character counter.
    Text { max: usize, multiline: bool, input: Input, autocomplete: Option<&'static str> },
    /// One option.
    Choice { options: &'static [Choice] },
    /// Several options; the "altro" option reveals the field `other`.
    Choices { options: &'static [Choice], other: Option<&'static str> },
    /// A year and month, not before `min` nor before the field `not_before`.
    YearMonth { min: Option<YearMonth>, not_before: Option<&'static str> },
    /// A whole number, zero or more.
    Count,
    /// An amount in euro, zero or more, with at most two decimals.
    Euro,
    /// Web addresses, http(s) only.
    Urls { max: usize },
    /// A repeatable group: partners, each a type and a name.
    Partners { max: usize },
    /// Comuni by ISTAT code, of the region chosen in the field `region`.
    Comuni { max: usize, region: &'static str },
    /// A declaration that must be ticked.
    Consent,
}

/// A condition on another field's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// The single choice `field` is `code`.
    Is(&'static str, &'static str),
    /// The multiple choice `field` includes `code`.
    Has(&'static str, &'static str),
    /// The field has an answer.
    Filled(&'static str),
}

/// When a field must be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    Always,
    Never,
    When(Condition),
}

/// Who may see a field's answer (`domain.md` §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// In the public catalogue and open data.
    Public,
    /// Curators and the submitter only.
    Private,
}

/// One question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub label: Text,
    pub help: Option<Text>,
    pub kind: Kind,
    pub required: Required,
    /// Shown only when this holds; a hidden field is never submitted and never blocks.
    pub shown_when: Option<Condition>,
    pub visibility: Visibility,
}

/// One step of the journey.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub key: &'static str,
    pub title: Text,
    pub fields: &'static [Field],
}

/// The whole questionnaire, versioned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Definition {
    pub version: u32,
    pub steps: &'static [Step],
}

const fn t(it: &'static str, en: &'static str) -> Text {
    Text { it, en }
}

const fn text(max: usize) -> Kind {
    Kind::Text { max, multiline: false, input: Input::Plain, autocomplete: None }
}

const fn long_text(max: usize) -> Kind {
    Kind::Text { max, multiline: true, input: Input::Plain, autocomplete: None }
}

const fn field(key: &'static str, label: Text, kind: Kind, required: Required) -> Field {
    Field { key, label, help: None, kind, required, shown_when: None, visibility: Visibility::Public }
}

const fn help(mut f: Field, help: Text) -> Field {
    f.help = Some(help);
    f
}

const fn private(mut f: Field) -> Field {
    f.visibility = Visibility::Private;
    f
}

const fn shown_when(mut f: Field, condition: Condition) -> Field {
    f.shown_when = Some(condition);
    f
}

use Required::{Always, Never};

const START_MIN: YearMonth = crate::validation::EARLIEST_START;

/// What to say when a required answer is missing, for the questions where
/// a sentence of their own reads better than the generic one ("Compila il
/// campo «…»"), as GOV.UK's error messages do.
const ASK: &[(&str, Text)] = &[
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
                    Condition::Is("entity_type", "altro"),
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
                        Required::When(Condition::Is("entity_type", "comune")),
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
                        Required::When(Condition::Is("entity_type", "ambito_territoriale_sociale")),
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
                        Required::When(Condition::Is("status", "conclusa")),
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
                    Condition::Has("communication_channels", "altro"),
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
                    Condition::Has("tools", "altro"),
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
                        "Fino a 10 indirizzi che iniziano con https://, uno per riga.",
                        "Up to 10 addresses starting with https://, one per line.",
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

/// True when an answer counts as not given: missing, null, blank text,
/// an empty list, or an unticked box.
pub fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) | Some(Value::Bool(false)) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        Some(_) => false,
    }
}

impl Condition {
    /// Whether the condition holds for these answers.
    pub fn holds(self, answers: &Map<String, Value>) -> bool {
        match self {
            Condition::Is(key, code) => answers.get(key).and_then(Value::as_str) == Some(code),
            Condition::Has(key, code) => answers
                .get(key)
                .and_then(Value::as_array)
                .is_some_and(|items| items.iter().any(|v| v.as_str() == Some(code))),
            Condition::Filled(key) => !is_empty(answers.get(key)),
        }
    }
}

impl Field {
    /// Whether the field is shown for these answers.
    pub fn is_shown(&self, answers: &Map<String, Value>) -> bool {
        self.shown_when.is_none_or(|condition| condition.holds(answers))
    }

    /// Whether the field must be answered, given the others.
    pub fn is_required(&self, answers: &Map<String, Value>) -> bool {
        match self.required {
            Required::Always => true,
            Required::Never => false,
            Required::When(condition) => condition.holds(answers),
        }
    }

    /// Turns what was typed into a text box into the answer's JSON value:
    /// numbers become numbers when they parse (Italian "12.500,50" included),
    /// and stay text otherwise so that validation can say what is wrong.
    pub fn value_from_input(&self, input: &str) -> Value {
        let trimmed = input.trim();
        match self.kind {
            Kind::Count | Kind::Euro if trimmed.is_empty() => Value::Null,
            Kind::Count => trimmed.parse::<u32>().map_or_else(|_| Value::String(input.to_owned()), Value::from),
            Kind::Euro => parse_euro(trimmed).map_or_else(|| Value::String(input.to_owned()), Value::from),
            _ => Value::String(input.to_owned()),
        }
    }

    /// The answer as text for a text box (the inverse of `value_from_input`).
    pub fn input_from_value(&self, value: Option<&Value>) -> String {
        match (self.kind, value) {
            (_, None | Some(Value::Null)) => String::new(),
            (Kind::Euro, Some(Value::Number(n))) => {
                n.as_f64().map(|v| format!("{v}").replace('.', ",")).unwrap_or_default()
            }
            (_, Some(Value::String(s))) => s.clone(),
            (_, Some(other)) => other.to_string(),
        }
    }
}

/// Parses an amount typed the Italian way ("12.500,50", "12500,5") or the
/// plain way ("12500.50"); `None` when it is not an amount.
pub fn parse_euro(text: &str) -> Option<f64> {
    let text = text.trim().trim_start_matches('€').trim_end_matches('€').trim();
    let normalized = if text.contains(',') {
        text.replace('.', "").replace(',', ".")
    } else if text.matches('.').count() > 1 || text.split('.').nth(1).is_some_and(|d| d.len() == 3) {
        text.replace('.', "")
    } else {
        text.to_owned()
    };
    if normalized.is_empty() || !normalized.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Definition {
    /// Every field, step after step.
    pub fn fields(&self) -> impl Iterator<Item = &'static Field> + use<> {
        self.steps.iter().flat_map(|step| step.fields.iter())
    }

    /// The field with this key.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields().find(|f| f.key == key)
    }

    /// The message for an error on `key` (a field, or a part of one such as
    /// `partners.1.kind`), naming what to fix: "Scrivi il titolo della
    /// pratica.", "Soggetto 2: indica il tipo.", never only "Compila questo
    /// campo.". Keys outside the questionnaire get the error's own message.
    pub fn message(&self, key: &str, error: &FieldError, lang: Lang) -> String {
        let mut parts = key.split('.');
        let Some(field) = parts.next().and_then(|k| self.field(k)) else { return error.message(lang) };
        let (row, part) = (parts.next().and_then(|i| i.parse::<usize>().ok()), parts.next());
        let it = lang == Lang::It;
        match (row, part, error) {
            (Some(row), Some(part), _) => {
                let what = match (error, part, it) {
                    (FieldError::Required, "kind", true) => "indica il tipo.".to_owned(),
                    (FieldError::Required, "kind", false) => "choose the type.".to_owned(),
                    (FieldError::Required, "name", true) => "scrivi il nome.".to_owned(),
                    (FieldError::Required, "name", false) => "enter the name.".to_owned(),
                    _ => error.message(lang),
                };
                if it { format!("Soggetto {}: {what}", row + 1) } else { format!("Partner {}: {what}", row + 1) }
            }
            (Some(row), None, _) => {
                if it {
                    format!("Voce {}: {}", row + 1, error.message(lang))
                } else {
                    format!("Item {}: {}", row + 1, error.message(lang))
                }
            }
            (_, _, FieldError::Required | FieldError::ChooseAtLeastOne) => {
                if let Some((_, ask)) = ASK.iter().find(|(k, _)| *k == field.key) {
                    return ask.get(lang).to_owned();
                }
                let label = field.label.get(lang);
                match (field.kind, it) {
                    (Kind::Choices { .. } | Kind::Comuni { .. }, true) => {
                        format!("Scegli almeno una voce in «{label}».")
                    }
                    (Kind::Choices { .. } | Kind::Comuni { .. }, false) => {
                        format!("Choose at least one option in “{label}”.")
                    }
                    (Kind::Choice { .. }, true) => format!("Scegli una voce in «{label}»."),
                    (Kind::Choice { .. }, false) => format!("Choose an option in “{label}”."),
                    (_, true) => format!("Compila il campo «{label}»."),
                    (_, false) => format!("Fill in “{label}”."),
                }
            }
            _ => error.message(lang),
        }
    }

    /// Every error's message, by key (the shape of a 422 response).
    pub fn messages(&self, errors: &FieldErrors, lang: Lang) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut out = std::collections::BTreeMap::<String, Vec<String>>::new();
        for (key, error) in errors.iter() {
            out.entry(key.to_owned()).or_default().push(self.message(key, error, lang));
        }
        out
    }

    /// The index of the step that holds the field `key` (also for `partners.2.name`).
    pub fn step_of(&self, key: &str) -> Option<usize> {
        let base = key.split('.').next().unwrap_or(key);
        self.steps.iter().position(|step| step.fields.iter().any(|f| f.key == base))
    }

    /// Turns numbers still held as typed text into numbers where they parse
    /// (the form stores what was typed; the API takes numbers).
    pub fn normalize_inputs(&self, answers: &mut Map<String, Value>) {
        for field in self.fields().filter(|f| matches!(f.kind, Kind::Count | Kind::Euro)) {
            if let Some(Value::String(text)) = answers.get(field.key) {
                let value = field.value_from_input(text);
                answers.insert(field.key.to_owned(), value);
            }
        }
    }

    /// Removes what must not be submitted: hidden fields, empty answers and
    /// keys the questionnaire does not have. Empty is "not given": the
    /// accepted practice has `None` or nothing there.
    pub fn prune(&self, answers: &mut Map<String, Value>) {
        let snapshot = answers.clone();
        answers.retain(|key, value| {
            self.field(key).is_some_and(|field| field.is_shown(&snapshot)) && !is_empty(Some(value))
        });
    }

    /// Checks one step's fields (`None`: every step).
    pub fn validate(
        &self,
        answers: &Map<String, Value>,
        step: Option<usize>,
        comuni: Option<&ComuneIndex>,
    ) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if step.is_none() {
            for key in answers.keys() {
                if self.field(key).is_none() {
                    errors.add(key.clone(), FieldError::UnknownField);
                }
            }
        }
        let steps = self.steps.iter().enumerate().filter(|(i, _)| step.is_none_or(|s| s == *i));
        for (_, s) in steps {
            for field in s.fields {
                if field.is_shown(answers) {
                    check_field(&mut errors, field, answers, comuni);
                }
            }
        }
        errors
    }

    /// The whole pipeline the server runs on a submission, and the browser
    /// before sending it: prune, validate every step, and build the practice.
    pub fn accept(
        &self,
        mut answers: Map<String, Value>,
        comuni: Option<&ComuneIndex>,
    ) -> Result<Practice, FieldErrors> {
        let unknown = self.validate(&answers, None, comuni);
        let unknown_keys: Vec<String> = unknown
            .fields()
            .filter(|k| unknown.get(k).contains(&FieldError::UnknownField))
            .map(str::to_owned)
            .collect();
        self.prune(&mut answers);
        let mut errors = self.validate(&answers, None, comuni);
        for key in unknown_keys {
            errors.add(key, FieldError::UnknownField);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        serde_json::from_value(Value::Object(answers)).map_err(|e| {
            let mut errors = FieldErrors::default();
            errors.add("_form", FieldError::Invalid { detail: e.to_string() });
            errors
        })
    }
}

fn check_text(errors: &mut FieldErrors, key: &str, text: &str, max: usize) {
    if text.chars().any(is_forbidden_char) {
        errors.add(key, FieldError::ForbiddenCharacters);
    }
    if text.chars().count() > max {
        errors.add(key, FieldError::TooLong { max });
    }
}

fn check_codes(errors: &mut FieldErrors, key: &str, values: &[Value], options: &[Choice]) {
    let mut seen = Vec::new();
    for value in values {
        match value.as_str() {
            Some(code) if options.iter().any(|o| o.code == code) && !seen.contains(&code) => seen.push(code),
            _ => return errors.add(key, FieldError::InvalidChoice),
        }
    }
}

fn check_field(errors: &mut FieldErrors, field: &Field, answers: &Map<String, Value>, comuni: Option<&ComuneIndex>) {
    let key = field.key;
    let value = answers.get(key);
    if is_empty(value) {
        if field.is_required(answers) {
            let error = match field.kind {
                Kind::Choices { .. } => FieldError::ChooseAtLeastOne,
                Kind::Consent => FieldError::MustAccept,
                _ if field.shown_when.is_some() => FieldError::OtherTextRequired,
                _ => FieldError::Required,
            };
            errors.add(key, error);
        }
        return;
    }
    let value = value.expect("not empty, so present");
    match field.kind {
        Kind::Text { max, input, .. } => {
            let Some(text) = value.as_str() else { return errors.add(key, FieldError::WrongType) };
            check_text(errors, key, text, max);
            let text = text.trim();
            match input {
                Input::Email if !is_email(text) => errors.add(key, FieldError::InvalidEmail),
                Input::Tel if !is_phone(text) => errors.add(key, FieldError::InvalidPhone),
                Input::EmailOrUrl if !is_email(text) && !is_web_url(text) => {
                    errors.add(key, FieldError::InvalidPublicContact)
                }
                _ => {}
            }
        }
        Kind::Choice { options } => check_codes(errors, key, std::slice::from_ref(value), options),
        Kind::Choices { options, .. } => match value.as_array() {
            Some(items) => check_codes(errors, key, items, options),
            None => errors.add(key, FieldError::WrongType),
        },
        Kind::YearMonth { min, not_before } => {
            let Some(date) = value.as_str().and_then(YearMonth::parse) else {
                return errors.add(key, FieldError::InvalidDate);
            };
            if let Some(min) = min.filter(|min| date < *min) {
                errors.add(key, FieldError::TooEarly { min: min.to_string() });
            } else if let Some(start) =
                not_before.and_then(|k| answers.get(k)).and_then(Value::as_str).and_then(YearMonth::parse)
                && date < start
            {
                errors.add(key, FieldError::EndBeforeStart);
            }
        }
        Kind::Count => {
            if value.as_u64().is_none_or(|n| n > u64::from(u32::MAX)) {
                errors.add(key, FieldError::NotACount);
            }
        }
        Kind::Euro => {
            if serde_json::from_value::<Euros>(value.clone()).is_err() {
                errors.add(key, FieldError::NotAnAmount);
            }
        }
        Kind::Urls { max } => {
            let Some(items) = value.as_array() else { return errors.add(key, FieldError::WrongType) };
            if items.len() > max {
                errors.add(key, FieldError::TooMany { max });
            }
            for (i, item) in items.iter().enumerate() {
                if !item.as_str().is_some_and(|url| is_web_url(url.trim())) {
                    errors.add(format!("{key}.{i}"), FieldError::InvalidUrl);
                }
            }
        }
        Kind::Partners { max } => {
            let Some(items) = value.as_array() else { return errors.add(key, FieldError::WrongType) };
            if items.len() > max {
                errors.add(key, FieldError::TooMany { max });
            }
            for (i, item) in items.iter().enumerate() {
                let Some(partner) = item.as_object() else {
                    errors.add(format!("{key}.{i}"), FieldError::WrongType);
                    continue;
                };
                if partner.keys().any(|k| k != "kind" && k != "name") {
                    errors.add(format!("{key}.{i}"), FieldError::WrongType);
                }
                match partner.get("kind") {
                    kind if is_empty(kind) => errors.add(format!("{key}.{i}.kind"), FieldError::Required),
                    Some(kind) => check_codes(
                        errors,
                        &format!("{key}.{i}.kind"),
                        std::slice::from_ref(kind),
                        PartnerType::CHOICES,
                    ),
                    None => unreachable!("is_empty(None) holds"),
                }
                match partner.get("name").map(|n| n.as_str()) {
                    _ if is_empty(partner.get("name")) => errors.add(format!("{key}.{i}.name"), FieldError::Required),
                    Some(Some(name)) => check_text(errors, &format!("{key}.{i}.name"), name, limits::NAME),
                    _ => errors.add(format!("{key}.{i}.name"), FieldError::WrongType),
                }
            }
        }
        Kind::Comuni { max, region } => {
            let Some(items) = value.as_array() else { return errors.add(key, FieldError::WrongType) };
            if items.len() > max {
                errors.add(key, FieldError::TooMany { max });
            }
            let region = answers.get(region).and_then(Value::as_str).and_then(Region::from_code);
            for item in items {
                let code = item.as_str().filter(|c| crate::geo::ComuneCode::parse(c).is_ok());
                let Some(code) = code else { return errors.add(key, FieldError::InvalidComune) };
                if let Some(index) = comuni {
                    match index.get(code) {
                        None => return errors.add(key, FieldError::InvalidComune),
                        Some(comune) if region.is_some_and(|r| r != comune.region) => {
                            return errors.add(key, FieldError::ComuneOutsideRegion);
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        Kind::Consent => {
            if value != &Value::Bool(true) {
                errors.add(key, FieldError::MustAccept);
            }
        }
    }
}

/// The export's columns after the definition changes: every column it
/// already had, in its place (a question removed from the form keeps its
/// column), then one for each question it did not have, at the end. This is
/// the rule `EXPORT_COLUMNS` is kept by; its test checks the constant is
/// already up to date with the definition.
pub fn export_columns_after<'a>(previous: &[&'a str], questions: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut columns = previous.to_vec();
    for key in questions {
        if !columns.contains(&key) {
            columns.push(key);
        }
    }
    columns
}

/// Every answer column the curators' export has ever had, in the order they
/// were introduced. Append only: a question removed from the form keeps its
/// column (empty for new answers), a new question adds one at the end, so
/// nothing shifts between questionnaire versions.
pub const EXPORT_COLUMNS: &[&str] = &[
    // Version 1.
    "entity_type",
    "entity_type_other",
    "entity_name",
    "region_code",
    "comune_codes",
    "ats_name",
    "territorial_scale",
    "partners",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "public_contact",
    "title",
    "summary",
    "description",
    "need_addressed",
    "service_type",
    "start_date",
    "end_date",
    "status",
    "user_areas",
    "target_groups",
    "intervention_areas",
    "innovation_tags",
    "related_measures",
    "delivery_modes",
    "communication_channels",
    "communication_channels_other",
    "tools",
    "tools_other",
    "staff_profiles",
    "staff_count",
    "volunteers_count",
    "funding_sources",
    "budget_eur",
    "beneficiaries_count",
    "beneficiaries_unit",
    "results",
    "feedback_staff",
    "feedback_citizens",
    "critical_issues",
    "advice",
    "continue_after_emergency",
    "links",
    "privacy_notice_read",
    "publication_consent",
    "no_beneficiary_data",
];

/// One row of the data dictionary: what each column of the exports means.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DictionaryEntry {
    pub key: &'static str,
    pub step: &'static str,
    pub label_it: &'static str,
    pub label_en: &'static str,
    pub kind: &'static str,
    pub required: &'static str,
    pub public: bool,
    pub codes: Vec<&'static str>,
}

impl Definition {
    /// The export columns, in questionnaire order: one per field.
    pub fn columns(&self) -> Vec<&'static str> {
        self.fields().map(|f| f.key).collect()
    }

    /// The data dictionary derived from the definition.
    pub fn dictionary(&self) -> Vec<DictionaryEntry> {
        self.steps
            .iter()
            .flat_map(|step| step.fields.iter().map(move |f| (step, f)))
            .map(|(step, f)| DictionaryEntry {
                key: f.key,
                step: step.key,
                label_it: f.label.it,
                label_en: f.label.en,
                kind: match f.kind {
                    Kind::Text { .. } => "text",
                    Kind::Choice { .. } => "code",
                    Kind::Choices { .. } => "codes separated by ;",
                    Kind::YearMonth { .. } => "year-month (YYYY-MM)",
                    Kind::Count => "integer",
                    Kind::Euro => "decimal (euro)",
                    Kind::Urls { .. } => "URLs separated by ;",
                    Kind::Partners { .. } => "type:name pairs separated by ;",
                    Kind::Comuni { .. } => "ISTAT codes separated by ;",
                    Kind::Consent => "boolean",
                },
                required: match f.required {
                    Required::Always => "yes",
                    Required::Never => "no",
                    Required::When(_) => "conditional",
                },
                public: f.visibility == Visibility::Public,
                codes: match f.kind {
                    Kind::Choice { options } | Kind::Choices { options, .. } => {
                        options.iter().map(|o| o.code).collect()
                    }
                    _ => Vec::new(),
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_error_names_what_to_fix() {
        for (key, _) in ASK {
            assert!(QUESTIONNAIRE.field(key).is_some(), "{key} is a question");
        }
        let it = |key: &str, error: FieldError| QUESTIONNAIRE.message(key, &error, Lang::It);
        assert_eq!(it("title", FieldError::Required), "Scrivi il titolo della pratica.");
        assert_eq!(
            it("continue_after_emergency", FieldError::Required),
            "Indica se la pratica proseguirà dopo l'emergenza."
        );
        assert_eq!(it("partners.1.kind", FieldError::Required), "Soggetto 2: indica il tipo.");
        assert_eq!(
            it("links.0", FieldError::InvalidUrl),
            format!("Voce 1: {}", FieldError::InvalidUrl.message(Lang::It))
        );
        assert_eq!(it("closes_on", FieldError::Required), FieldError::Required.message(Lang::It), "not a question");
    }

    #[test]
    fn phones_public_contacts_and_ended_practices_follow_their_rules() {
        let answer = |changes: &[(&str, Value)]| {
            let mut answers = valid_answers();
            for (key, value) in changes {
                answers.insert((*key).to_owned(), value.clone());
            }
            QUESTIONNAIRE.validate(&answers, None, None)
        };
        let errors = answer(&[("contact_phone", Value::from("chiamare dopo le 14"))]);
        assert_eq!(errors.get("contact_phone"), [FieldError::InvalidPhone]);
        assert!(answer(&[("contact_phone", Value::from("+39 0583 123-456"))]).get("contact_phone").is_empty());
        let errors = answer(&[("public_contact", Value::from("Ufficio servizi sociali, piano terra"))]);
        assert_eq!(errors.get("public_contact"), [FieldError::InvalidPublicContact]);
        for fine in ["sociale@comune.lucca.it", "https://www.comune.lucca.it/sociale"] {
            assert!(answer(&[("public_contact", Value::from(fine))]).get("public_contact").is_empty(), "{fine}");
        }
        let errors = answer(&[("status", Value::from("conclusa")), ("end_date", Value::Null)]);
        assert_eq!(errors.get("end_date"), [FieldError::Required]);
        assert!(answer(&[("status", Value::from("attiva")), ("end_date", Value::Null)]).get("end_date").is_empty());
        for field in QUESTIONNAIRE.fields() {
            for lang in [Lang::It, Lang::En] {
                let message = QUESTIONNAIRE.message(field.key, &FieldError::Required, lang);
                assert_ne!(message, FieldError::Required.message(lang), "{}: a message of its own", field.key);
            }
        }
    }

    use super::*;
    use proptest::prelude::*;
    use serde_json::json;
    use std::collections::BTreeSet;

    fn index() -> &'static ComuneIndex {
        crate::comuni::shipped()
    }

    fn valid_answers() -> Map<String, Value> {
        let practice = crate::validation::tests::valid();
        let Value::Object(map) = serde_json::to_value(practice).unwrap() else { unreachable!() };
        map
    }

    #[test]
    fn the_definition_covers_exactly_the_practice_record() {
        let practice_keys: BTreeSet<String> = valid_answers().keys().cloned().collect();
        let definition_keys: BTreeSet<String> = QUESTIONNAIRE.fields().map(|f| f.key.to_owned()).collect();
        assert_eq!(definition_keys, practice_keys, "every stored key is asked, every asked key is stored");
        assert_eq!(QUESTIONNAIRE.steps.len(), 6, "six steps as in domain.md");
        let mut seen = BTreeSet::new();
        assert!(QUESTIONNAIRE.fields().all(|f| seen.insert(f.key)), "keys are unique");
    }

    #[test]
    fn conditions_refer_to_real_fields() {
        for field in QUESTIONNAIRE.fields() {
            let conditions = [field.shown_when, if let Required::When(c) = field.required { Some(c) } else { None }];
            for condition in conditions.into_iter().flatten() {
                let (Condition::Is(key, _) | Condition::Has(key, _) | Condition::Filled(key)) = condition;
                assert!(QUESTIONNAIRE.field(key).is_some(), "{} depends on unknown {key}", field.key);
            }
            if let Kind::Choices { other: Some(other), .. } = field.kind {
                let other = QUESTIONNAIRE.field(other).expect("the other-text field exists");
                assert_eq!(
                    other.shown_when,
                    Some(Condition::Has(field.key, "altro")),
                    "{} shows with altro",
                    other.key
                );
            }
        }
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

    #[test]
    fn a_hidden_field_is_never_submitted_and_never_blocks() {
        let mut answers = valid_answers();
        answers.insert("entity_type_other".into(), json!("\u{0}not even valid text"));
        answers.insert("tools_other".into(), json!(42));
        assert!(QUESTIONNAIRE.validate(&answers, None, Some(index())).is_empty(), "hidden fields are not checked");
        let practice = QUESTIONNAIRE.accept(answers, Some(index())).expect("accepted");
        assert_eq!((practice.entity_type_other, practice.tools_other), (None, None), "and not kept");
    }

    #[test]
    fn unknown_keys_and_wrong_shapes_are_refused_by_field() {
        let cases = [
            ("is_admin", json!(true), "is_admin", FieldError::UnknownField),
            ("title", json!(42), "title", FieldError::WrongType),
            ("service_type", json!("nuovissimo"), "service_type", FieldError::InvalidChoice),
            ("user_areas", json!(["anziani", "anziani"]), "user_areas", FieldError::InvalidChoice),
            ("user_areas", json!("anziani"), "user_areas", FieldError::WrongType),
            ("start_date", json!("marzo 2020"), "start_date", FieldError::InvalidDate),
            ("staff_count", json!(-1), "staff_count", FieldError::NotACount),
            ("staff_count", json!(2.5), "staff_count", FieldError::NotACount),
            ("staff_count", json!("dodici"), "staff_count", FieldError::NotACount),
            ("budget_eur", json!(10.001), "budget_eur", FieldError::NotAnAmount),
            ("budget_eur", json!("tanti"), "budget_eur", FieldError::NotAnAmount),
            ("links", json!("https://a.it"), "links", FieldError::WrongType),
            (
                "partners",
                json!([{"kind": "volontariato", "name": "X", "extra": 1}]),
                "partners.0",
                FieldError::WrongType,
            ),
            ("partners", json!([{"kind": "nope", "name": "X"}]), "partners.0.kind", FieldError::InvalidChoice),
            ("comune_codes", json!(["46017"]), "comune_codes", FieldError::InvalidComune),
            ("privacy_notice_read", json!("true"), "privacy_notice_read", FieldError::MustAccept),
        ];
        for (key, value, error_key, error) in cases {
            let mut answers = valid_answers();
            answers.insert(key.into(), value.clone());
            let errors = QUESTIONNAIRE.accept(answers, Some(index())).expect_err(key);
            assert_eq!(errors.get(error_key), std::slice::from_ref(&error), "{key} = {value}: {errors:?}");
        }
    }

    #[test]
    fn typed_numbers_are_read_the_italian_way() {
        let budget = QUESTIONNAIRE.field("budget_eur").unwrap();
        let count = QUESTIONNAIRE.field("staff_count").unwrap();
        let cases = [
            (budget, "12.500,50", json!(12500.5)),
            (budget, "12500,5", json!(12500.5)),
            (budget, "12500.50", json!(12500.5)),
            (budget, "12.500", json!(12500.0)),
            (budget, "€ 300", json!(300.0)),
            (budget, "", Value::Null),
            (budget, "tanti", json!("tanti")),
            (count, " 120 ", json!(120)),
            (count, "1.200", json!("1.200")),
            (count, "-3", json!("-3")),
        ];
        for (field, input, expected) in cases {
            assert_eq!(field.value_from_input(input), expected, "{} from {input:?}", field.key);
        }
        assert_eq!(budget.input_from_value(Some(&json!(12500.5))), "12500,5");
    }

    #[test]
    fn every_question_has_a_stable_export_column() {
        assert_eq!(
            export_columns_after(EXPORT_COLUMNS, QUESTIONNAIRE.fields().map(|f| f.key)),
            EXPORT_COLUMNS,
            "a new question needs its column appended to EXPORT_COLUMNS"
        );
        let mut seen = BTreeSet::new();
        assert!(EXPORT_COLUMNS.iter().all(|c| seen.insert(*c)), "columns are unique");
    }

    #[test]
    fn the_dictionary_and_columns_come_from_the_definition() {
        let dictionary = QUESTIONNAIRE.dictionary();
        assert_eq!(dictionary.len(), QUESTIONNAIRE.columns().len());
        let tools = dictionary.iter().find(|d| d.key == "tools").unwrap();
        assert_eq!(tools.codes.len(), 14);
        assert!(!dictionary.iter().find(|d| d.key == "contact_email").unwrap().public);
    }

    /// Sample answers per kind, valid and not, for the property test.
    fn samples(field: &Field) -> Vec<Value> {
        let mut values = vec![Value::Null, json!("")];
        values.extend(match field.kind {
            Kind::Text { max, .. } => {
                vec![json!("Testo valido"), json!("x".repeat(max + 1)), json!("a\u{0}b"), json!(7)]
            }
            Kind::Choice { options } => {
                vec![json!(options[0].code), json!(options[options.len() - 1].code), json!("nope"), json!(3)]
            }
            Kind::Choices { options, .. } => vec![
                json!([]),
                json!([options[0].code]),
                json!([options[0].code, options[options.len() - 1].code]),
                json!(["nope"]),
                json!(options[0].code),
            ],
            Kind::YearMonth { .. } => vec![json!("2020-03"), json!("2021-01"), json!("2019-12"), json!("2020-13")],
            Kind::Count => vec![json!(0), json!(120), json!(-1), json!(1.5), json!("12")],
            Kind::Euro => vec![json!(0), json!(1250.5), json!(19.999), json!(-3)],
            Kind::Urls { .. } => {
                vec![json!([]), json!(["https://a.it/x"]), json!(["ftp://x"]), json!(vec!["https://a.it"; 11])]
            }
            Kind::Partners { .. } => vec![
                json!([]),
                json!([{"kind": "volontariato", "name": "Croce Rossa"}]),
                json!([{"kind": "x", "name": ""}]),
            ],
            Kind::Comuni { .. } => vec![json!([]), json!(["046017"]), json!(["058091"]), json!(["1"])],
            Kind::Consent => vec![json!(true), json!(false), json!(true), json!("true")],
        });
        values
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// What the browser lets through, step by step, is exactly what the
        /// server accepts, and an accepted practice is accepted again as stored.
        #[test]
        fn browser_steps_and_server_acceptance_agree(
            picks in proptest::collection::vec((prop::bool::weighted(0.93), any::<prop::sample::Index>()), QUESTIONNAIRE.fields().count())
        ) {
            let base = valid_answers();
            let mut answers = Map::new();
            for (field, (keep_valid, pick)) in QUESTIONNAIRE.fields().zip(picks) {
                let value = if keep_valid {
                    base.get(field.key).cloned().unwrap_or(Value::Null)
                } else {
                    pick.get(&samples(field)).clone()
                };
                answers.insert(field.key.to_owned(), value);
            }
            let browser_ok = (0..QUESTIONNAIRE.steps.len())
                .all(|step| QUESTIONNAIRE.validate(&answers, Some(step), Some(index())).is_empty());
            let accepted = QUESTIONNAIRE.accept(answers.clone(), Some(index()));
            prop_assert_eq!(browser_ok, accepted.is_ok(), "{:?}", accepted.as_ref().err());
            if let Err(errors) = &accepted {
                prop_assert!(errors.get("_form").is_empty(), "the definition and the record disagree: {:?}", errors);
            }
            if let Ok(practice) = accepted {
                prop_assert_eq!(practice.validate(Some(index())), Ok(()));
            }
        }
    }
}
