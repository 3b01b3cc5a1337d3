// SPDX-License-Identifier: EUPL-1.2
//! What the exports are made of: their answer columns, stable across
//! questionnaire versions (`EXPORT_COLUMNS`), and the data dictionary that
//! says what each column means, derived from the definition.

use super::{Definition, Kind, Required, Visibility};

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

/// Every answer column of the curators' export, in the order the fields
/// arrived (`fields::FIELDS`, by version, then as declared): a new field,
/// declared with the version it arrives in, adds a column at the end, so
/// nothing shifts between questionnaire versions.
pub const EXPORT_COLUMNS: &[&str] = &crate::record::fields::by_arrival::<{ crate::record::fields::FIELDS.len() }>();

/// One row of the data dictionary: what each column of the exports means.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DictionaryEntry {
    /// The column: the field's key.
    pub key: &'static str,
    /// The key of the step that asks it.
    pub step: &'static str,
    /// The question in Italian.
    pub label_it: &'static str,
    /// The question in English.
    pub label_en: &'static str,
    /// How the value is written in the exports.
    pub kind: &'static str,
    /// Whether it must be answered: `yes`, `no` or `conditional`.
    pub required: &'static str,
    /// Whether the answer is published.
    pub public: bool,
    /// The codes a choice may take (empty for other kinds).
    pub codes: Vec<&'static str>,
}

/// The published record's own columns (`practice::SYSTEM_KEYS`): key,
/// labels, how the value is written.
const RECORD_COLUMNS: [(&str, &str, &str, &str); 9] = [
    (
        "id",
        "Identificativo della pratica (permanente)",
        "Identifier of the practice (permanent)",
        "text (BP-YYYY-NNNN)",
    ),
    ("demo", "Pratica dimostrativa, non reale", "Demonstration practice, not a real one", "boolean"),
    ("published_at", "Data di pubblicazione", "Date of publication", "date and time (RFC 3339, UTC)"),
    ("updated_at", "Data dell'ultimo aggiornamento", "Date of the last update", "date and time (RFC 3339, UTC)"),
    ("collection_round", "Raccolta in cui è stata inviata", "Collection round it was sent in", "code"),
    ("questionnaire_version", "Versione del questionario", "Version of the questionnaire", "integer"),
    (
        "confirmed_at",
        "Confermata il: ultimo invio, aggiornamento o conferma di chi l'ha descritta",
        "Confirmed on: the respondent's last submission, update or confirmation",
        "date and time (RFC 3339, UTC)",
    ),
    (
        "derived_from",
        "Pratica da cui deriva (identificativo)",
        "Practice it derives from (identifier)",
        "text (BP-YYYY-NNNN), empty if none",
    ),
    ("licence", "Licenza dei contenuti", "Licence of the content", "text (CC BY 4.0)"),
];

/// The columns the downloads add to the record: the names they write beside
/// codes, for people reading the data, and the practice's permanent
/// address, for collections that harvest it.
const ADDED_COLUMNS: [(&str, &str, &str, &str); 5] = [
    ("region_name", "Nome della regione", "Name of the region", "text"),
    (
        "comuni_names",
        "Nomi dei comuni (con la provincia)",
        "Names of the municipalities (with the province)",
        "names separated by ;",
    ),
    (
        "uri",
        "Indirizzo permanente della pratica (la sua pagina pubblica; per una pratica raccolta da un'altra raccolta, il suo indirizzo là)",
        "Permanent address of the practice (its public page; for a practice harvested from another collection, its address there)",
        "URL",
    ),
    (
        "source_name",
        "Per una pratica raccolta da un'altra raccolta: il nome di quella raccolta (vuoto per le pratiche inviate qui)",
        "For a practice harvested from another collection: that collection's name (empty for practices sent here)",
        "text",
    ),
    (
        "source_url",
        "Per una pratica raccolta da un'altra raccolta: l'indirizzo dei dati da cui è stata letta",
        "For a practice harvested from another collection: the address of the data it was read from",
        "URL",
    ),
];

/// The personal data the community features keep outside the practice
/// record: never published nor exported, deleted as the privacy notice says.
const COMMUNITY_DATA: [(&str, &str, &str, &str); 12] = [
    (
        "adoption.contact_name",
        "«L'abbiamo adottata anche noi»: nome del referente dell'ente",
        "“We adopted it too”: the body's contact person",
        "text",
    ),
    (
        "adoption.contact_email",
        "«L'abbiamo adottata anche noi»: e-mail del referente dell'ente",
        "“We adopted it too”: the body's contact e-mail",
        "e-mail",
    ),
    (
        "contact_request.name",
        "«Contatta il referente»: nome di chi scrive",
        "“Contact the referent”: the sender's name",
        "text",
    ),
    (
        "contact_request.email",
        "«Contatta il referente»: e-mail di chi scrive",
        "“Contact the referent”: the sender's e-mail",
        "e-mail",
    ),
    (
        "contact_request.entity",
        "«Contatta il referente»: ente di chi scrive",
        "“Contact the referent”: the sender's body",
        "text",
    ),
    ("contact_request.message", "«Contatta il referente»: il messaggio", "“Contact the referent”: the message", "text"),
    (
        "subscription.email",
        "«Segui questa ricerca»: e-mail di chi segue",
        "“Follow this search”: the follower's e-mail",
        "e-mail",
    ),
    (
        "subscription.view",
        "«Segui questa ricerca»: la ricerca seguita",
        "“Follow this search”: the search followed",
        "catalogue URL parameters",
    ),
    (
        "round_invitee.entity",
        "Invitati di una raccolta: l'ente invitato",
        "A round's invitees: the body invited",
        "text",
    ),
    (
        "round_invitee.email",
        "Invitati di una raccolta: l'indirizzo dell'invito",
        "A round's invitees: the invitation's address",
        "e-mail",
    ),
    ("outbox.recipient", "Posta in uscita: destinatario", "Outbox: recipient", "e-mail"),
    ("outbox.body", "Posta in uscita: testo del messaggio", "Outbox: the message's text", "text"),
];

/// The community features' personal data (step `community`), all private.
pub fn community_data() -> Vec<DictionaryEntry> {
    COMMUNITY_DATA.into_iter().map(|row| described(row, "community", "no", false)).collect()
}

/// An entry described by its key, labels and kind.
fn described(
    (key, label_it, label_en, kind): (&'static str, &'static str, &'static str, &'static str),
    step: &'static str,
    required: &'static str,
    public: bool,
) -> DictionaryEntry {
    DictionaryEntry { key, step, label_it, label_en, kind, required, public, codes: Vec::new() }
}

impl Definition {
    /// The export columns, in questionnaire order: one per field.
    pub fn columns(&self) -> Vec<&'static str> {
        self.fields().map(|f| f.key).collect()
    }

    /// The data dictionary: the record's own columns, then one entry per
    /// field of the definition, then the columns of names the downloads add
    /// beside codes; together they describe every column of the CSV.
    pub fn dictionary(&self) -> Vec<DictionaryEntry> {
        let record = |row| described(row, "record", "yes", true);
        let fields = self.answer_entries();
        RECORD_COLUMNS.into_iter().map(record).chain(fields).chain(ADDED_COLUMNS.into_iter().map(record)).collect()
    }

    fn answer_entries(&self) -> Vec<DictionaryEntry> {
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
                    Kind::Partners { .. } => "a JSON array of {\"kind\": type code, \"name\": text}, e.g. [{\"kind\":\"scuole\",\"name\":\"I.C. Rossi; plesso Verdi\"}]",
                    Kind::Comuni { .. } => "ISTAT codes separated by ;",
                    Kind::Consent | Kind::Checkbox => "boolean",
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
    use super::*;
    use crate::questionnaire::QUESTIONNAIRE;
    use std::collections::BTreeSet;

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
        assert_eq!(dictionary.len(), RECORD_COLUMNS.len() + QUESTIONNAIRE.columns().len() + ADDED_COLUMNS.len());
        let record: Vec<&str> = dictionary.iter().filter(|d| d.step == "record").map(|d| d.key).collect();
        for key in crate::record::practice::SYSTEM_KEYS {
            assert!(record.contains(&key), "{key} is described");
        }
        let tools = dictionary.iter().find(|d| d.key == "tools").unwrap();
        assert_eq!(tools.codes.len(), 14);
        assert!(!dictionary.iter().find(|d| d.key == "contact_email").unwrap().public);
    }
}
