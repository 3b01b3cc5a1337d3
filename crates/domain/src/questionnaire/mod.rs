// SPDX-License-Identifier: EUPL-1.2
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
//!
//! This module holds the types a definition is made of and the builders it is
//! written with; the parts are:
//!
//! - `definition`: the data, the questionnaire itself (`QUESTIONNAIRE`);
//! - `check`: the engine that reads it: which fields are shown and required,
//!   how typed text becomes an answer, validation and acceptance, and the
//!   messages people read;
//! - `dictionary`: the export columns and the data dictionary;
//! - `import`: another form's responses read as this questionnaire's answers.

#![warn(missing_docs)]

use crate::record::practice::YearMonth;

#[allow(missing_docs)] // the contract's shapes, documented where they need it
pub mod api;
mod ask;
mod check;
mod definition;
mod dictionary;
#[allow(missing_docs)] // the mapping's shapes, documented where they need it
pub mod import;
#[allow(missing_docs)]
pub mod rounds;

pub use check::{is_empty, parse_euro};
pub use definition::QUESTIONNAIRE;
pub use dictionary::{DictionaryEntry, EXPORT_COLUMNS, community_data, export_columns_after};

pub use crate::lang::Text;

pub use crate::record::vocabulary::Choice;

/// How a short text is typed in, for the right keyboard and autofill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Any text.
    Plain,
    /// An e-mail address.
    Email,
    /// A phone number.
    Tel,
    /// An e-mail address or a web page (an office's public contact).
    EmailOrUrl,
}

/// What kind of answer a field takes, with its limits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A text; `multiline` ones are paragraphs with a live character counter.
    Text {
        /// At most this many characters.
        max: usize,
        /// A paragraph rather than one line.
        multiline: bool,
        /// How it is typed in.
        input: Input,
        /// The browser's autofill hint (`autocomplete`), if any.
        autocomplete: Option<&'static str>,
    },
    /// One option.
    Choice {
        /// The options, in the order shown.
        options: &'static [Choice],
    },
    /// Several options; the "altro" option reveals the field `other`.
    Choices {
        /// The options, in the order shown.
        options: &'static [Choice],
        /// The key of the text field that says what "altro" is, if any.
        other: Option<&'static str>,
    },
    /// A year and month, not before `min` nor before the field `not_before`.
    YearMonth {
        /// The earliest year and month accepted, if any.
        min: Option<YearMonth>,
        /// The key of the year-and-month field this one may not come before, if any.
        not_before: Option<&'static str>,
    },
    /// A whole number, zero or more.
    Count,
    /// An amount in euro, zero or more, with at most two decimals.
    Euro,
    /// Web addresses, http(s) only.
    Urls {
        /// At most this many addresses.
        max: usize,
    },
    /// A repeatable group: partners, each a type and a name.
    Partners {
        /// At most this many partners.
        max: usize,
    },
    /// Comuni by ISTAT code, of the region chosen in the field `region`.
    Comuni {
        /// At most this many Comuni.
        max: usize,
        /// The key of the field that holds the region.
        region: &'static str,
    },
    /// A declaration that must be ticked.
    Consent,
    /// A box one may tick (`true`) or leave (not given), such as an opt-out.
    Checkbox,
}

/// A condition on another field's answer: the key of a field asked in the
/// same or an earlier step, and for `Is` and `Has` one of that field's codes.
/// The definition writes codes with the vocabularies' own `code()`
/// (`EntityType::Comune.code()`), so a misspelt code does not compile; the
/// test `conditions_refer_to_real_fields` checks the rest: that the key is a
/// field, asked no later, of the kind the condition reads, and that the code
/// is one of its options.
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
    /// Always, when shown.
    Always,
    /// Never: the answer is optional.
    Never,
    /// When the condition holds.
    When(Condition),
}

pub use crate::record::fields::Visibility;

/// One question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    /// The stable key: the answer's key in `Practice` and its export column.
    pub key: &'static str,
    /// The question.
    pub label: Text,
    /// A hint shown under the question.
    pub help: Option<Text>,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// When it must be answered.
    pub required: Required,
    /// Shown only when this holds; a hidden field is never submitted and never blocks.
    pub shown_when: Option<Condition>,
    /// Who may see the answer.
    pub visibility: Visibility,
}

/// One step of the journey.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// The stable key of the step.
    pub key: &'static str,
    /// Its title.
    pub title: Text,
    /// Its questions, in order.
    pub fields: &'static [Field],
}

/// The whole questionnaire, versioned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Definition {
    /// The version of the questionnaire; every stored answer records the one it was given under.
    pub version: u32,
    /// The steps of the journey, in order.
    pub steps: &'static [Step],
}

// The builders the definition (`definition.rs`) is written with.

/// A text in Italian and English.
const fn t(it: &'static str, en: &'static str) -> Text {
    Text::new(it, en)
}

/// A one-line plain text of at most `max` characters.
const fn text(max: usize) -> Kind {
    Kind::Text { max, multiline: false, input: Input::Plain, autocomplete: None }
}

/// A paragraph of plain text of at most `max` characters.
const fn long_text(max: usize) -> Kind {
    Kind::Text { max, multiline: true, input: Input::Plain, autocomplete: None }
}

/// A question, always shown, without help; who may see its answer is the
/// field's declaration (`fields::FIELDS`), which must exist.
const fn field(key: &'static str, label: Text, kind: Kind, required: Required) -> Field {
    let visibility = crate::record::fields::declared(key).visibility;
    Field { key, label, help: None, kind, required, shown_when: None, visibility }
}

/// The question with a hint under it.
const fn help(mut f: Field, help: Text) -> Field {
    f.help = Some(help);
    f
}

/// The question, shown only when `condition` holds.
const fn shown_when(mut f: Field, condition: Condition) -> Field {
    f.shown_when = Some(condition);
    f
}

#[cfg(test)]
mod tests {
    //! The questionnaire as a whole: the definition's references and rules,
    //! read through the engine, and the property that the browser and the
    //! server agree on every answer. The shared fixtures are here too.

    use super::*;
    use crate::FieldError;
    use crate::Lang;
    use crate::record::comuni::ComuneIndex;
    use crate::record::geo::Region;
    use proptest::prelude::*;
    use serde_json::{Map, Value, json};

    /// The shipped list of Comuni.
    pub(super) fn index() -> &'static ComuneIndex {
        crate::record::comuni::shipped()
    }

    /// The answers of the reference practice (`validation::tests::valid`), as the form holds them.
    pub(super) fn valid_answers() -> Map<String, Value> {
        let practice = crate::record::validation::tests::valid();
        let Value::Object(map) = serde_json::to_value(practice).unwrap() else { unreachable!() };
        map
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
        let problems = reference_problems(&QUESTIONNAIRE);
        assert!(problems.is_empty(), "wrong references in the definition:\n{}", problems.join("\n"));
    }

    /// What is wrong with the references from field to field in `definition`.
    /// A condition (`shown_when`, `Required::When`) or a kind (`other`,
    /// `not_before`, `region`) names a field asked in the same or an earlier
    /// step, of the kind it reads: `Is` a single choice, `Has` a multiple
    /// choice, each with a code among that field's options.
    fn reference_problems(definition: &Definition) -> Vec<String> {
        let mut problems = Vec::new();
        let single: fn(Kind) -> bool = |k| matches!(k, Kind::Choice { .. });
        let multiple: fn(Kind) -> bool = |k| matches!(k, Kind::Choices { .. });
        for (step, field) in definition.steps.iter().enumerate().flat_map(|(i, s)| s.fields.iter().map(move |f| (i, f)))
        {
            let mut refer = |key: &str, code: Option<&str>, what: &str, fits: fn(Kind) -> bool| {
                let mut problem = |text: String| problems.push(format!("{}: {text}", field.key));
                let Some(target) = definition.field(key) else {
                    return problem(format!("refers to {key:?}, not a field"));
                };
                if key == field.key {
                    problem("refers to itself".into());
                } else if definition.step_of(key) > Some(step) {
                    problem(format!("refers to {key}, asked in a later step"));
                }
                if !fits(target.kind) {
                    problem(format!("refers to {key}, which is not {what}"));
                }
                let options = match target.kind {
                    Kind::Choice { options } | Kind::Choices { options, .. } => options,
                    _ => &[],
                };
                if let Some(code) = code.filter(|code| !options.iter().any(|o| o.code == *code)) {
                    problem(format!("{key} has no option {code:?}"));
                }
            };
            let required = if let Required::When(condition) = field.required { Some(condition) } else { None };
            for condition in [field.shown_when, required].into_iter().flatten() {
                match condition {
                    Condition::Is(key, code) => refer(key, Some(code), "a single choice", single),
                    Condition::Has(key, code) => refer(key, Some(code), "a multiple choice", multiple),
                    Condition::Filled(key) => refer(key, None, "a field", |_| true),
                }
            }
            match field.kind {
                Kind::Choices { other: Some(key), .. } => {
                    refer(key, None, "a text", |k| matches!(k, Kind::Text { .. }))
                }
                Kind::YearMonth { not_before: Some(key), .. } => {
                    refer(key, None, "a year and month", |k| matches!(k, Kind::YearMonth { .. }))
                }
                Kind::Comuni { region, .. } => {
                    refer(region, None, "the region", |k| k == Kind::Choice { options: Region::CHOICES })
                }
                _ => {}
            }
        }
        problems
    }

    #[test]
    fn a_misspelt_key_or_a_wrong_code_is_caught() {
        use crate::record::vocabulary::{EntityType, Tool};
        use Required::{Always, Never};
        const T: Text = t("Domanda", "Question");
        /// A question of a made-up definition, whose keys need no declaration.
        const fn question(key: &'static str, label: Text, kind: Kind, required: Required) -> Field {
            Field { key, label, help: None, kind, required, shown_when: None, visibility: Visibility::Public }
        }
        const STEPS: &[Step] = &[
            Step {
                key: "one",
                title: T,
                fields: &[
                    question("entity_type", T, Kind::Choice { options: EntityType::CHOICES }, Always),
                    question("tools", T, Kind::Choices { options: Tool::CHOICES, other: Some("tools_othr") }, Always),
                    shown_when(
                        question("a", T, text(9), Always),
                        Condition::Is("entity_typ", EntityType::Comune.code()),
                    ),
                    shown_when(question("b", T, text(9), Always), Condition::Is("entity_type", Tool::Telefono.code())),
                    shown_when(
                        question("c", T, text(9), Always),
                        Condition::Has("entity_type", EntityType::Altro.code()),
                    ),
                    question("d", T, Kind::Comuni { max: 9, region: "tools" }, Required::When(Condition::Filled("e"))),
                ],
            },
            Step { key: "two", title: T, fields: &[question("e", T, Kind::Count, Never)] },
        ];
        let expected = [
            "tools: refers to \"tools_othr\", not a field",
            "a: refers to \"entity_typ\", not a field",
            "b: entity_type has no option \"telefono\"",
            "c: refers to entity_type, which is not a multiple choice",
            "d: refers to e, asked in a later step",
            "d: refers to tools, which is not the region",
        ];
        assert_eq!(reference_problems(&Definition { version: 0, steps: STEPS }), expected);
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
            Kind::Consent | Kind::Checkbox => vec![json!(true), json!(false), json!(true), json!("true")],
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
