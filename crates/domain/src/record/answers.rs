// SPDX-License-Identifier: EUPL-1.2
//! Answers as people read them: the label of a chosen code, a month in
//! words, partners with their kind, Comuni by name and province, amounts in
//! euro with a decimal comma. The questionnaire's summary, the receipt, the
//! public practice page and the editors' review all show answers this way;
//! the definition says what each key holds, so this works on the answers'
//! JSON form, whatever step the field belongs to.

use crate::Lang;
use crate::questionnaire::{Choice, Field, Kind, is_empty};
use crate::record::comuni::ComuneIndex;
use serde_json::Value;

/// What an unanswered field reads as.
pub fn not_given(lang: Lang) -> &'static str {
    if lang == Lang::It { "Non indicato" } else { "Not given" }
}

/// An answer as people read it. `comuni` names the Comuni of a
/// [`Kind::Comuni`] field; without it (the list not fetched yet) they show as
/// codes.
pub fn display(field: &Field, value: Option<&Value>, lang: Lang, comuni: Option<&ComuneIndex>) -> String {
    let Some(value) = value.filter(|v| !is_empty(Some(v))) else {
        return not_given(lang).to_owned();
    };
    let label_of = |options: &[Choice], code: &str| {
        options.iter().find(|o| o.code == code).map_or_else(|| code.to_owned(), |o| o.label.get(lang).to_owned())
    };
    let items = || value.as_array().map(Vec::as_slice).unwrap_or_default().iter();
    let texts = || items().filter_map(Value::as_str);
    match field.kind {
        Kind::Choice { options } => label_of(options, value.as_str().unwrap_or_default()),
        Kind::Choices { options, .. } => texts().map(|code| label_of(options, code)).collect::<Vec<_>>().join(", "),
        Kind::YearMonth { .. } => {
            let text = value.as_str().unwrap_or_default();
            crate::record::practice::YearMonth::parse(text).map_or_else(
                || text.to_owned(),
                |ym| format!("{} {}", crate::dates::month_name(ym.month(), lang), ym.year()),
            )
        }
        Kind::Consent | Kind::Checkbox => (if lang == Lang::It { "Sì" } else { "Yes" }).into(),
        Kind::Partners { .. } => items()
            .map(|partner| {
                let part = |key: &str| partner.get(key).and_then(Value::as_str).unwrap_or_default();
                let kind = label_of(crate::record::vocabulary::PartnerType::CHOICES, part("kind"));
                format!("{}: {kind}", part("name"))
            })
            .collect::<Vec<_>>()
            .join("; "),
        Kind::Comuni { .. } => texts()
            .map(|code| comuni.map_or_else(|| code.to_owned(), |index| index.label_of(code)))
            .collect::<Vec<_>>()
            .join(", "),
        Kind::Urls { .. } => texts().collect::<Vec<_>>().join("\n"),
        Kind::Euro => value.as_f64().map_or_else(|| value.to_string(), |v| crate::numbers::format_euro(v, lang)),
        Kind::Text { .. } | Kind::Count => value.as_str().map_or_else(|| value.to_string(), str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::QUESTIONNAIRE;
    use serde_json::json;

    fn field(key: &str) -> &'static Field {
        QUESTIONNAIRE.field(key).unwrap_or_else(|| panic!("the questionnaire has {key}"))
    }

    fn shown(key: &str, value: Value, lang: Lang) -> String {
        let comuni = ComuneIndex::parse("046017\tLucca\t09\n054012\tCittà della Pieve\t10\n");
        display(field(key), Some(&value), lang, Some(&comuni))
    }

    #[test]
    fn each_kind_reads_as_people_speak() {
        let cases = [
            (
                "service_type",
                json!("rafforzato"),
                "Servizio esistente, rafforzato o rimodulato",
                "a choice by its label",
            ),
            (
                "user_areas",
                json!(["anziani", "famiglia_minori"]),
                "Anziani (65 anni e più), Famiglia e minori",
                "choices by their labels, in the order given",
            ),
            ("start_date", json!("2020-03"), "marzo 2020", "a year and month in words"),
            ("privacy_notice_read", json!(true), "Sì", "a consent given"),
            (
                "partners",
                json!([{"kind": "volontariato", "name": "Misericordia di Lucca"}]),
                "Misericordia di Lucca: Volontariato",
                "a partner with its kind",
            ),
            (
                "comune_codes",
                json!(["054012", "046017"]),
                "Città della Pieve (PG), Lucca (LU)",
                "Comuni by name and province",
            ),
            (
                "links",
                json!(["https://a.example", "https://b.example"]),
                "https://a.example\nhttps://b.example",
                "one address a line",
            ),
            ("budget_eur", json!(12500.5), "€ 12.500,50", "euro with thousands grouped, two decimals and a comma"),
            ("title", json!("Telefonate agli anziani"), "Telefonate agli anziani", "a text as typed"),
            ("staff_count", json!(4), "4", "a count"),
        ];
        for (key, value, expected, what) in cases {
            assert_eq!(shown(key, value, Lang::It), expected, "{what} ({key})");
        }
    }

    #[test]
    fn english_reads_in_english() {
        assert_eq!(shown("service_type", json!("nuovo"), Lang::En), "Completely new service");
        assert_eq!(shown("start_date", json!("2021-12"), Lang::En), "December 2021");
        assert_eq!(shown("budget_eur", json!(12500.5), Lang::En), "€12,500.50");
        assert_eq!(shown("privacy_notice_read", json!(true), Lang::En), "Yes");
        assert_eq!(shown("partners", json!([{"kind": "volontariato", "name": "X"}]), Lang::En), "X: Volunteering");
    }

    #[test]
    fn an_empty_answer_is_not_given() {
        for (value, what) in [(None, "missing"), (Some(json!("")), "blank text"), (Some(json!([])), "no choice")] {
            assert_eq!(display(field("title"), value.as_ref(), Lang::It, None), "Non indicato", "{what}");
            assert_eq!(display(field("user_areas"), value.as_ref(), Lang::En, None), "Not given", "{what}");
        }
    }

    #[test]
    fn unknown_codes_and_missing_lists_show_what_was_stored() {
        assert_eq!(shown("service_type", json!("sconosciuto"), Lang::It), "sconosciuto", "an unknown code as it is");
        assert_eq!(shown("start_date", json!("marzo"), Lang::It), "marzo", "a malformed month as it is");
        let codes = display(field("comune_codes"), Some(&json!(["046017"])), Lang::It, None);
        assert_eq!(codes, "046017", "codes until the list of Comuni arrives");
        assert_eq!(shown("comune_codes", json!(["999999"]), Lang::It), "999999", "a Comune merged since");
    }
}
