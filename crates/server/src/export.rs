// SPDX-License-Identifier: EUPL-1.2
//! Downloads of public data: the practices a catalogue view shows (the same
//! query engine as the page, so the file holds exactly the rows on screen),
//! or all of them, as CSV or JSON. CSV follows RFC 4180 in UTF-8, one row per
//! practice, one column per public field in questionnaire order (from the
//! definition, so columns never shift), ISO dates, ISTAT codes as text,
//! multi-valued fields as codes joined by `;`, and partners (whose names may
//! hold any character) as a JSON array of `{"kind", "name"}` in their cell.
//! A cell that a spreadsheet would run as a formula (it starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) is written after an apostrophe, as
//! OWASP advises for CSV injection: the curators' export holds private data
//! and is opened in spreadsheets.

use domain::catalogue::{CatalogueIndex, Query};
use domain::questionnaire::{Kind, QUESTIONNAIRE, Visibility};
use domain::record::fields::key;
use domain::{CatalogueEntry, PublicPractice};
use serde::Serialize;
use serde_json::Value;

/// The UTF-8 byte order mark every CSV starts with.
pub const UTF8_BOM: &[u8] = "\u{feff}".as_bytes();

/// The licence's column, the last one.
const LICENCE: &str = "licence";

/// Columns of names for people reading the data, each right after the codes
/// it names: "Umbria" after `region_code`, "Città della Pieve (PG)" after
/// `comune_codes`.
const NAME_COLUMNS: [(&str, &str); 2] = [(key::REGION_CODE, "region_name"), (key::COMUNE_CODES, "comuni_names")];

/// The columns after the licence, added later and so appended (no earlier
/// column moves): the practice's permanent address, and for a harvested
/// practice the collection it comes from.
const AFTER_LICENCE: [&str; 3] = ["uri", "source_name", "source_url"];

/// The format of the public CSV and JSON, as a harvester reads it
/// (`collection.format` in the JSON, `dct:conformsTo` in DCAT). A change that
/// renames or removes a key or column is a new format.
pub use domain::harvest::FORMAT;

/// Every column of the public CSV, in order.
pub fn public_columns() -> Vec<&'static str> {
    let fields = QUESTIONNAIRE.fields().filter(|f| f.visibility == Visibility::Public).map(|f| f.key);
    let mut columns = Vec::new();
    // The public record's system keys, then its answers, then the licence.
    let system = domain::record::practice::SYSTEM_KEYS.into_iter().filter(|k| *k != LICENCE);
    for column in system.chain(fields).chain([LICENCE]) {
        columns.push(column);
        columns.extend(NAME_COLUMNS.iter().filter(|(codes, _)| *codes == column).map(|(_, names)| *names));
    }
    columns.extend(AFTER_LICENCE);
    columns
}

/// A published practice with the names of its codes, as the downloads give
/// it: every public field, then `region_name` ("Umbria") and `comuni_names`
/// ("Città della Pieve (PG)"), for people reading the data, and its `uri`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct NamedPractice<'a> {
    #[serde(flatten)]
    #[schema(value_type = PublicPractice)]
    pub practice: &'a PublicPractice,
    pub region_name: &'static str,
    pub comuni_names: Vec<String>,
    /// Its permanent address, the public page `{site}/pratiche/{id}`: the
    /// identity another collection keeps when it harvests the practice (a
    /// harvested practice keeps the one of its origin).
    pub uri: String,
}

impl<'a> NamedPractice<'a> {
    /// `practice` as published by the site at `base`.
    pub fn new(practice: &'a PublicPractice, base: &str) -> Self {
        let comuni = domain::record::comuni::shipped();
        let comuni_names = practice.comune_codes.iter().map(|c| comuni.label_of(c.as_str())).collect();
        let uri = match &practice.source {
            Some(source) => source.uri.clone(),
            None => format!("{}/pratiche/{}", base.trim_end_matches('/'), practice.id),
        };
        Self { practice, region_name: practice.region_code.label(domain::Lang::It), comuni_names, uri }
    }
}

/// The published practices with what a harvester needs beside them: their
/// licence and the collection they come from (the JSON downloads).
#[derive(Serialize, utoipa::ToSchema)]
pub struct PracticesDocument<'a> {
    /// Always CC BY 4.0.
    pub licence: String,
    /// The licence's text.
    pub licence_url: String,
    pub collection: Collection,
    pub practices: Vec<NamedPractice<'a>>,
}

/// The collection a document comes from.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Collection {
    /// The site's address; every practice's `uri` starts with it.
    pub url: String,
    /// Who publishes it (DCAT `dct:publisher`).
    pub publisher: String,
    /// The publisher's code in the Indice delle Pubbliche Amministrazioni.
    pub publisher_ipa: String,
    /// The dataset in the site's DCAT-AP_IT metadata.
    pub dataset: String,
    /// The document's format ([`FORMAT`]).
    pub format: String,
    /// Every field explained: `dizionario-dati.json`.
    pub data_dictionary: String,
    /// The latest change among the practices (RFC 3339).
    pub modified: String,
}

impl<'a> PracticesDocument<'a> {
    /// `practices` as published by the site at `base`, run by `operator`.
    pub fn new(practices: &'a [PublicPractice], base: &str, operator: &domain::site::operator::Operator) -> Self {
        let base = base.trim_end_matches('/');
        let collection = Collection {
            url: base.to_owned(),
            publisher: operator.publisher_name.clone(),
            publisher_ipa: operator.publisher_ipa.clone(),
            dataset: crate::opendata::dataset_iri(base),
            format: FORMAT.to_owned(),
            data_dictionary: format!("{base}/opendata/dizionario-dati.json"),
            modified: crate::opendata::modified(practices).to_owned(),
        };
        Self {
            licence: domain::record::practice::LICENCE.to_owned(),
            licence_url: crate::opendata::LICENCE_URI.to_owned(),
            collection,
            practices: practices.iter().map(|practice| NamedPractice::new(practice, base)).collect(),
        }
    }
}

/// A practice as a row: its public fields, the names of its codes, its address.
fn named_row(practice: &PublicPractice, base: &str) -> serde_json::Map<String, Value> {
    let mut row = match serde_json::to_value(NamedPractice::new(practice, base)) {
        Ok(Value::Object(row)) => row,
        _ => serde_json::Map::new(),
    };
    if let Some(source) = &practice.source {
        row.insert("source_name".into(), source.name.clone().into());
        row.insert("source_url".into(), source.url.clone().into());
    }
    row
}

/// The published practices a catalogue query selects, in the order of the
/// page in `lang` (whose labels the words are searched in).
pub fn select(practices: Vec<PublicPractice>, query: &Query, lang: domain::Lang) -> Vec<PublicPractice> {
    let index = CatalogueIndex::new(practices.iter().map(CatalogueEntry::from).collect(), lang);
    let order = index.query(query).matches;
    let mut slots: Vec<Option<PublicPractice>> = practices.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// One cell: text as is, lists joined by `;`, partners as a JSON array;
/// never something a spreadsheet would run.
fn cell(key: &str, value: Option<&Value>) -> String {
    let partners = matches!(QUESTIONNAIRE.field(key).map(|f| f.kind), Some(Kind::Partners { .. }));
    let text = match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.is_empty() => String::new(),
        Some(list @ Value::Array(_)) if partners => list.to_string(),
        Some(Value::Array(items)) => {
            items.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).collect::<Vec<_>>().join(";")
        }
        Some(other) => other.to_string(),
    };
    defuse_formula(text)
}

/// Text that a spreadsheet would take for a formula, made inert with a
/// leading apostrophe (OWASP, "CSV Injection").
pub fn defuse_formula(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text }
}

/// Rows (JSON objects) as CSV with the given columns, in RFC 4180 with CRLF,
/// starting with the UTF-8 byte order mark: Excel in Italian then opens the
/// file in columns with its accents intact (CSV readers, the csv crate and
/// Python's `utf-8-sig` among them, skip it).
pub fn rows_to_csv(columns: &[&str], rows: impl IntoIterator<Item = serde_json::Map<String, Value>>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(UTF8_BOM.to_vec());
    writer.write_record(columns).expect("writing to memory");
    for row in rows {
        writer.write_record(columns.iter().map(|c| cell(c, row.get(*c)))).expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// The practices as CSV, as published by the site at `base`.
pub fn to_csv(practices: &[PublicPractice], base: &str) -> Vec<u8> {
    rows_to_csv(&public_columns(), practices.iter().map(|practice| named_row(practice, base)))
}

/// The columns of `adozioni.csv`: the adopted practice, then the declaration.
pub const ADOPTION_COLUMNS: [&str; 11] = [
    "practice",
    "practice_title",
    "entity_type",
    "entity_name",
    "comune_code",
    "region_code",
    "region_name",
    "adopted_on",
    "adapted",
    "changes",
    "published_at",
];

/// Every accepted adoption of these practices, with the practice's reference
/// and title, as rows.
pub fn adoption_rows(practices: &[PublicPractice]) -> Vec<serde_json::Map<String, Value>> {
    practices
        .iter()
        .flat_map(|p| p.follow_up.adopted_by.iter().map(move |a| (p, a)))
        .map(|(p, a)| {
            let mut row = match serde_json::to_value(a) {
                Ok(Value::Object(row)) => row,
                _ => serde_json::Map::new(),
            };
            row.insert("practice_title".into(), p.title.clone().into());
            row.insert("region_name".into(), a.region_code.label(domain::Lang::It).into());
            row
        })
        .collect()
}

/// `adozioni.csv`.
pub fn adoptions_csv(practices: &[PublicPractice]) -> Vec<u8> {
    rows_to_csv(&ADOPTION_COLUMNS, adoption_rows(practices))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_public_fields_only() {
        let columns = public_columns();
        assert!(columns.contains(&"title") && columns.contains(&"comune_codes") && columns.contains(&"public_contact"));
        for private in ["contact_name", "contact_email", "contact_phone", "contact_role", "privacy_notice_read"] {
            assert!(!columns.contains(&private), "{private} is private");
        }
    }

    #[test]
    fn csv_starts_with_the_byte_order_mark_that_excel_needs() {
        let csv = rows_to_csv(&["title"], [serde_json::Map::from_iter([("title".into(), Value::from("Città"))])]);
        assert!(csv.starts_with(UTF8_BOM), "the BOM comes first");
        assert_eq!(std::str::from_utf8(&csv[UTF8_BOM.len()..]).unwrap(), "title\r\nCittà\r\n");
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), ["title"], "readers skip it");
    }

    #[test]
    fn cells_join_lists_and_keep_codes_as_text() {
        assert_eq!(cell("comune_codes", Some(&serde_json::json!(["001272", "058091"]))), "001272;058091");
        let partners = serde_json::json!([{"kind": "volontariato", "name": "A; B:C"}, {"kind": "scuola", "name": "D"}]);
        let written = cell("partners", Some(&partners));
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), partners, "a name with ; and : reads back whole");
        assert_eq!(cell("partners", Some(&serde_json::json!([]))), "");
        assert_eq!(cell("staff_count", Some(&serde_json::json!(4))), "4");
        assert_eq!(cell("end_date", None), "");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_inert() {
        for (text, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+39 055 1234", "'+39 055 1234"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("Servizio = buono", "Servizio = buono"),
            ("", ""),
        ] {
            assert_eq!(cell("title", Some(&Value::from(text))), written, "{text:?}");
        }
        let csv = rows_to_csv(&["title"], [serde_json::Map::from_iter([("title".into(), Value::from("=1+1"))])]);
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        assert_eq!(&reader.records().next().unwrap().unwrap()[0], "'=1+1");
    }
}
