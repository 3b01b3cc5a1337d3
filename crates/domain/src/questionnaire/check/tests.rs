// SPDX-License-Identifier: EUPL-1.2

use super::*;
use crate::questionnaire::QUESTIONNAIRE;
use crate::questionnaire::tests::{index, valid_answers};
use serde_json::json;

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
    assert_eq!(it("links.0", FieldError::InvalidUrl), format!("Voce 1: {}", FieldError::InvalidUrl.message(Lang::It)));
    assert_eq!(it("closes_on", FieldError::Required), FieldError::Required.message(Lang::It), "not a question");
    let long = "x".repeat(206);
    let too_long = FieldError::TooLong { max: 120 };
    assert_eq!(
        QUESTIONNAIRE.message_for_text("title", &too_long, Some(&long), Lang::It),
        "Accorcia il testo di 86 caratteri: al massimo 120."
    );
    assert_eq!(QUESTIONNAIRE.message_for_text("title", &too_long, None, Lang::It), it("title", too_long.clone()));
    // The last step's three boxes: each error names its box.
    assert_eq!(
        it("no_beneficiary_data", FieldError::MustAccept),
        "Spunta «Il testo non contiene dati personali dei beneficiari» per inviare la pratica."
    );
    assert_ne!(it("privacy_notice_read", FieldError::MustAccept), it("publication_consent", FieldError::MustAccept));
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
        ("partners", json!([{"kind": "volontariato", "name": "X", "extra": 1}]), "partners.0", FieldError::WrongType),
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
    assert_eq!(budget.input_from_value(Some(&json!(12500.05))), "12500,05");
    assert_eq!(budget.input_from_value(Some(&json!(12500))), "12500");
}
