// SPDX-License-Identifier: EUPL-1.2
use super::*;
use crate::record::comuni::shipped;
use crate::record::fields::key;
use crate::record::validation::tests::valid;

/// The reference practice as a Google Form would write it in a sheet (see
/// [`as_form_writes_it`]), shouted headers with a question mark, the form's
/// own timestamp first and a column of its own that is not a question.
fn google_form_sheet() -> (Sheet, Practice) {
    let mut practice = valid();
    practice.partners.clear(); // a repeatable group: not read from sheets
    let (headers, cells) = as_form_writes_it(&practice, shipped());
    let mut sheet = Sheet {
        headers: vec!["Informazioni cronologiche".to_owned(), "Punteggio".to_owned()],
        rows: vec![vec!["15/05/2020 10.23.45".to_owned(), "7".to_owned()]],
    };
    sheet.headers.extend(headers.iter().map(|h| format!("{}?", h.to_uppercase())));
    sheet.rows[0].extend(cells);
    (sheet, practice)
}

#[test]
fn a_google_form_sheet_of_our_questions_reads_back_as_the_practice() {
    let (sheet, practice) = google_form_sheet();
    let mapping = Mapping::suggest(&sheet);
    assert_eq!(mapping.columns[0], SUBMITTED, "the form's timestamp is the submission date");
    assert_eq!(mapping.columns[1], SKIP, "a column that is no question is not imported");
    assert_eq!(mapping.separator, ", ");
    assert_eq!(mapping.check(&sheet), Ok(()));
    let read = mapping.read(&sheet.rows[0], shipped(), Lang::It);
    assert_eq!(read.problems, vec![], "{:?}", read.problems.iter().map(|p| p.describe(Lang::It)).collect::<Vec<_>>());
    assert_eq!(read.submitted.as_deref(), Some("15/05/2020 10.23.45"));
    assert_eq!(read.practice, Some(practice));
}

#[test]
fn headers_match_labels_in_either_language_whatever_the_case_accents_and_punctuation() {
    let taken = Vec::new();
    assert_eq!(suggest_column("Tipo di ente", &taken), key::ENTITY_TYPE);
    assert_eq!(suggest_column("  TIPO DI ENTE:", &taken), key::ENTITY_TYPE);
    assert_eq!(suggest_column("Type of body", &taken), key::ENTITY_TYPE);
    assert_eq!(suggest_column("data di avvio", &taken), key::START_DATE);
    assert_eq!(suggest_column("Timestamp", &taken), SUBMITTED);
    assert_eq!(suggest_column("Colonna senza senso", &taken), SKIP);
    assert_eq!(suggest_column("", &taken), SKIP);
    let taken = vec![key::ENTITY_TYPE.to_owned()];
    assert_ne!(suggest_column("Tipo di ente", &taken), key::ENTITY_TYPE, "a question is proposed for one column only");
}

#[test]
fn values_match_option_labels_and_the_rest_is_left_to_the_administrator() {
    let sheet = Sheet {
        headers: vec!["Tipo di ente".into(), "Regione o Provincia autonoma".into()],
        rows: vec![
            vec!["comune".into(), "Toscana".into()],
            vec!["Ambito Territoriale Sociale".into(), "umbria".into()],
            vec!["Municipio".into(), "Toscana".into()],
        ],
    };
    let mapping = Mapping::suggest(&sheet);
    let types = &mapping.values[key::ENTITY_TYPE];
    assert_eq!(types["comune"], "comune");
    assert!(!types.contains_key("Municipio"), "no option is called so: left unchosen, never emptied silently");
    let read = mapping.read(&sheet.rows[2], crate::record::comuni::shipped(), Lang::It);
    let unmapped = Problem::Unmapped { key: key::ENTITY_TYPE.into(), cell: "Municipio".into() };
    assert!(read.problems.contains(&unmapped), "the dry run names it: {:?}", read.problems);
    let regions = &mapping.values[key::REGION_CODE];
    assert_eq!(regions["Toscana"], Region::Toscana.code());
    assert_eq!(regions["umbria"], Region::Umbria.code());
    assert_eq!(regions.len(), 2, "each distinct value once");
}

#[test]
fn a_cell_that_does_not_read_is_a_problem_in_words_and_nothing_is_guessed() {
    let (mut sheet, _) = google_form_sheet();
    let mapping = Mapping::suggest(&sheet);
    let start = mapping.columns.iter().position(|c| c == key::START_DATE).unwrap();
    let staff = mapping.columns.iter().position(|c| c == key::STAFF_COUNT).unwrap();
    let comuni = mapping.columns.iter().position(|c| c == key::COMUNE_CODES).unwrap();
    sheet.rows[0][start] = "primavera 2020".into();
    sheet.rows[0][staff] = "quattro".into();
    sheet.rows[0][comuni] = "Lucca, Atlantide".into();
    let read = mapping.read(&sheet.rows[0], shipped(), Lang::It);
    assert_eq!(read.practice, None);
    let said: Vec<String> = read.problems.iter().map(|p| p.describe(Lang::It)).collect();
    assert!(said.contains(&"Data di avvio: «primavera 2020» non è un mese".to_owned()), "{said:?}");
    assert!(said.iter().any(|s| s.ends_with("«quattro» non è un numero")), "{said:?}");
    assert!(said.iter().any(|s| s.ends_with("nessun Comune «Atlantide» nella regione")), "{said:?}");
    assert!(!read.answers.contains_key(key::START_DATE), "an unreadable cell is left out, not changed");
    let english: Vec<String> = read.problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert!(english.contains(&"Start date: “primavera 2020” is not a month".to_owned()), "{english:?}");
}

#[test]
fn the_questionnaire_rules_apply_to_an_imported_row() {
    let (mut sheet, _) = google_form_sheet();
    let mapping = Mapping::suggest(&sheet);
    let email = mapping.columns.iter().position(|c| c == key::CONTACT_EMAIL).unwrap();
    let title = mapping.columns.iter().position(|c| c == key::TITLE).unwrap();
    sheet.rows[0][email] = "non-una-mail".into();
    sheet.rows[0][title] = String::new();
    let read = mapping.read(&sheet.rows[0], shipped(), Lang::It);
    assert_eq!(read.practice, None);
    let keys: Vec<&str> = read.problems.iter().map(problem_key).collect();
    assert!(keys.contains(&key::CONTACT_EMAIL) && keys.contains(&key::TITLE), "{keys:?}");
}

#[test]
fn a_mapping_that_names_what_the_questionnaire_lacks_is_refused() {
    let sheet = Sheet { headers: vec!["A".into(), "B".into()], rows: vec![] };
    let mapping = |columns: [&str; 2]| Mapping {
        columns: columns.map(str::to_owned).to_vec(),
        values: BTreeMap::new(),
        separator: ", ".into(),
    };
    assert!(mapping(["titolo_inventato", SKIP]).check(&sheet).is_err());
    assert!(mapping([key::TITLE, key::TITLE]).check(&sheet).is_err());
    assert!(mapping([SUBMITTED, SUBMITTED]).check(&sheet).is_err());
    assert!(mapping([SKIP, SKIP]).check(&sheet).is_ok());
    assert!(Mapping { columns: vec![SKIP.into()], ..mapping([SKIP, SKIP]) }.check(&sheet).is_err());
    let mut wrong_code = mapping([key::ENTITY_TYPE, SKIP]);
    wrong_code.values.insert(key::ENTITY_TYPE.into(), BTreeMap::from([("Municipio".into(), "municipio".into())]));
    assert!(wrong_code.check(&sheet).is_err());
}

#[test]
fn months_are_read_as_sheets_write_them() {
    let march = YearMonth::parse("2020-03");
    for cell in [
        "2020-03",
        "2020-3",
        "2020-03-15",
        "03/2020",
        "3/2020",
        "15/03/2020",
        "marzo 2020",
        "Mar 2020",
        "March 2020",
        " MARZO 2020 ",
    ] {
        assert_eq!(year_month(cell), march, "{cell:?}");
    }
    for cell in ["primavera 2020", "2020", "13/2020", "marzo", "", "15/03/20"] {
        assert_eq!(year_month(cell), None, "{cell:?}");
    }
}

#[test]
fn an_option_whose_label_holds_the_separator_stays_whole() {
    use crate::record::vocabulary::{InterventionArea, UserArea};
    let sheet = Sheet {
        headers: vec!["Aree di utenza".into()],
        rows: vec![vec![format!(
            "{}, {}",
            UserArea::PovertaDisagioAdulti.label(Lang::It),
            UserArea::Anziani.label(Lang::It)
        )]],
    };
    let mapping = Mapping::suggest(&sheet);
    assert_eq!(mapping.values[key::USER_AREAS].len(), 2, "{:?}", mapping.values);
    let read = mapping.read(&sheet.rows[0], shipped(), Lang::It);
    assert_eq!(
        read.answers[key::USER_AREAS],
        serde_json::json!([UserArea::PovertaDisagioAdulti.code(), UserArea::Anziani.code()])
    );
    assert!(InterventionArea::ALL.iter().any(|a| a.label(Lang::It).contains(", ")), "the case this guards");
}
