// SPDX-License-Identifier: EUPL-1.2
//! Why one field's value is not acceptable ([`FieldError`]), the message
//! that says how to fix it, and how it travels: `{"code": "too_long",
//! "max": 120}`, as serde writes an internally tagged enum. It is read back
//! by hand (`Wire`): serde's reader of such an enum buffers every answer
//! and was some 20 KB of every browser entry's code.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// Why one field's value is not acceptable.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case", try_from = "Wire")]
pub enum FieldError {
    /// Empty, or only spaces.
    Required,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// Shorter than `min` characters (passwords).
    TooShort { min: usize },
    /// More than `max` entries.
    TooMany { max: usize },
    /// A multiple choice with nothing ticked.
    ChooseAtLeastOne,
    /// Holds control or invisible formatting characters.
    ForbiddenCharacters,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not an http(s) address.
    InvalidUrl,
    /// Not a phone number (digits, spaces, `+ - . / ( )`).
    InvalidPhone,
    /// A public contact that is neither an e-mail nor a web address.
    InvalidPublicContact,
    /// Earlier than the first month of the emergency.
    TooEarly { min: String },
    /// An end before the start.
    EndBeforeStart,
    /// "Altro" ticked without saying what.
    OtherTextRequired,
    /// A required declaration not ticked.
    MustAccept,
    /// A box to tick to confirm what one asks for (outside the questionnaire).
    MustConfirm,
    /// More web addresses than a message may carry.
    TooManyLinks { max: usize },
    /// HTML markup where only plain text goes.
    NoMarkup,
    /// A key the questionnaire does not have.
    UnknownField,
    /// A value of the wrong shape (a number where text belongs, ...).
    WrongType,
    /// A code that is not one of the options.
    InvalidChoice,
    /// Not a code: 3 to 60 lowercase letters, digits and `_` (a round's code).
    InvalidCode,
    /// Not a year and month.
    InvalidDate,
    /// Not a whole number of zero or more.
    NotACount,
    /// Not an amount in euro.
    NotAnAmount,
    /// Not a Comune of the official list.
    InvalidComune,
    /// A Comune of another region.
    ComuneOutsideRegion,
    /// Not a practice's reference (`BP-2020-0042`).
    InvalidReference,
    /// Not a private link (or its code) as the receipt gives it.
    InvalidPrivateLink,
    /// A reference that is not the one of the practice the private link opens.
    ReferenceMismatch,
    /// A list (CSV) without one of the columns it needs.
    MissingColumn { column: String },
    /// A list's row that repeats an earlier one (`row`, counting the header as 1).
    Duplicate { row: usize },
    /// A file that is not text (UTF-8) in CSV form.
    NotCsv,
    /// A file larger than `max_kib` KiB.
    FileTooLarge { max_kib: usize },
    /// The answer as a whole does not fit (should not happen after the checks).
    Invalid { detail: String },
}

impl FieldError {
    /// A message that says how to fix the value.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Required, Lang::It) => "Compila questo campo.".into(),
            (Self::Required, Lang::En) => "Fill in this field.".into(),
            (Self::TooLong { max }, Lang::It) => format!("Accorcia il testo: al massimo {max} caratteri."),
            (Self::TooLong { max }, Lang::En) => format!("Shorten the text to at most {max} characters."),
            (Self::TooShort { min }, Lang::It) => format!("Scrivi almeno {min} caratteri."),
            (Self::TooShort { min }, Lang::En) => format!("Enter at least {min} characters."),
            (Self::TooMany { max }, Lang::It) => format!("Inserisci al massimo {max} voci."),
            (Self::TooMany { max }, Lang::En) => format!("Enter at most {max} items."),
            (Self::ChooseAtLeastOne, Lang::It) => "Scegli almeno una voce.".into(),
            (Self::ChooseAtLeastOne, Lang::En) => "Choose at least one option.".into(),
            (Self::ForbiddenCharacters, Lang::It) => "Togli i caratteri di controllo o invisibili dal testo.".into(),
            (Self::ForbiddenCharacters, Lang::En) => "Remove control or invisible characters from the text.".into(),
            (Self::InvalidEmail, Lang::It) => "Scrivi un indirizzo e-mail nella forma nome@ente.it.".into(),
            (Self::InvalidEmail, Lang::En) => "Enter an e-mail address like name@example.org.".into(),
            (Self::InvalidUrl, Lang::It) => "Scrivi un indirizzo web completo che inizi con https:// o http://.".into(),
            (Self::InvalidUrl, Lang::En) => "Enter a full web address starting with https:// or http://.".into(),
            (Self::InvalidPhone, Lang::It) => {
                "Scrivi solo il numero, con cifre, spazi e + - . / ( ), ad esempio +39 0583 123456; gli orari vanno altrove.".into()
            }
            (Self::InvalidPhone, Lang::En) => {
                "Enter the number only, with digits, spaces and + - . / ( ), for example +39 0583 123456.".into()
            }
            (Self::InvalidPublicContact, Lang::It) => {
                "Scrivi un'e-mail dell'ufficio (nome@ente.it) o una pagina web che inizi con https://.".into()
            }
            (Self::InvalidPublicContact, Lang::En) => {
                "Enter the office's e-mail (name@example.org) or a web page starting with https://.".into()
            }
            (Self::TooEarly { min }, Lang::It) => format!("Indica una data non precedente a {min}."),
            (Self::TooEarly { min }, Lang::En) => format!("Enter a date no earlier than {min}."),
            (Self::EndBeforeStart, Lang::It) => "La data di conclusione non può precedere la data di avvio.".into(),
            (Self::EndBeforeStart, Lang::En) => "The end date cannot be before the start date.".into(),
            (Self::OtherTextRequired, Lang::It) => "Hai scelto «Altro»: specifica di cosa si tratta.".into(),
            (Self::OtherTextRequired, Lang::En) => "You chose “Other”: say what it is.".into(),
            (Self::MustAccept, Lang::It) => "Per inviare la pratica è necessario spuntare questa casella.".into(),
            (Self::MustAccept, Lang::En) => "Tick this box to submit the practice.".into(),
            (Self::MustConfirm, Lang::It) => "Spunta questa casella per confermare.".into(),
            (Self::MustConfirm, Lang::En) => "Tick this box to confirm.".into(),
            (Self::TooManyLinks { max }, Lang::It) => format!("Puoi indicare al massimo {max} indirizzi web."),
            (Self::TooManyLinks { max }, Lang::En) => format!("You can give at most {max} web addresses."),
            (Self::NoMarkup, Lang::It) => "Scrivi solo testo, senza tag HTML come <a> o <b>.".into(),
            (Self::NoMarkup, Lang::En) => "Write plain text only, without HTML tags such as <a> or <b>.".into(),
            (Self::UnknownField, Lang::It) => "Questo campo non fa parte del questionario: toglilo.".into(),
            (Self::UnknownField, Lang::En) => "This field is not part of the questionnaire: remove it.".into(),
            (Self::WrongType, Lang::It) => "Il valore non ha la forma attesa: inseriscilo di nuovo.".into(),
            (Self::WrongType, Lang::En) => "The value does not have the expected form: enter it again.".into(),
            (Self::InvalidChoice, Lang::It) => "Scegli una delle voci proposte.".into(),
            (Self::InvalidChoice, Lang::En) => "Choose one of the options offered.".into(),
            (Self::InvalidCode, Lang::It) => {
                "Usa da 3 a 60 lettere minuscole, cifre o _, per esempio raccolta_2027 (raccolta_continua è già in uso).".into()
            }
            (Self::InvalidCode, Lang::En) => {
                "Use 3 to 60 lowercase letters, digits or _, for example raccolta_2027 (raccolta_continua is taken).".into()
            }
            (Self::InvalidDate, Lang::It) => "Indica mese e anno, ad esempio 2020-03.".into(),
            (Self::InvalidDate, Lang::En) => "Enter a month and year, for example 2020-03.".into(),
            (Self::NotACount, Lang::It) => "Scrivi un numero intero, senza punti né lettere, ad esempio 120.".into(),
            (Self::NotACount, Lang::En) => "Enter a whole number, without dots or letters, for example 120.".into(),
            (Self::NotAnAmount, Lang::It) => "Scrivi un importo in euro, ad esempio 12500 oppure 12500,50.".into(),
            (Self::NotAnAmount, Lang::En) => "Enter an amount in euro, for example 12500 or 12500.50.".into(),
            (Self::InvalidComune, Lang::It) => "Scegli il comune dall'elenco proposto.".into(),
            (Self::InvalidComune, Lang::En) => "Choose the municipality from the list offered.".into(),
            (Self::ComuneOutsideRegion, Lang::It) => {
                "Il comune scelto non appartiene alla regione indicata: cambia regione o comune.".into()
            }
            (Self::ComuneOutsideRegion, Lang::En) => {
                "The municipality is not in the region chosen: change the region or the municipality.".into()
            }
            (Self::InvalidReference, Lang::It) => {
                "Scrivi il riferimento come è nella ricevuta, ad esempio BP-2020-0042.".into()
            }
            (Self::InvalidReference, Lang::En) => "Enter the reference as the receipt gives it, for example BP-2020-0042.".into(),
            (Self::InvalidPrivateLink, Lang::It) => {
                "Incolla il link privato per intero, come è nella ricevuta: finisce con un codice dopo il simbolo #.".into()
            }
            (Self::InvalidPrivateLink, Lang::En) => {
                "Paste the whole private link, as the receipt gives it: it ends with a code after the # sign.".into()
            }
            (Self::ReferenceMismatch, Lang::It) => {
                "Questo riferimento non è quello della pratica del link privato: controlla entrambi sulla ricevuta.".into()
            }
            (Self::ReferenceMismatch, Lang::En) => {
                "This reference is not the one of the private link's practice: check both on the receipt.".into()
            }
            (Self::MissingColumn { column }, Lang::It) => {
                format!("Manca la colonna «{column}»: la prima riga deve nominare le colonne, ad esempio ente;email.")
            }
            (Self::MissingColumn { column }, Lang::En) => {
                format!("The column “{column}” is missing: the first row must name the columns, for example ente;email.")
            }
            (Self::Duplicate { row }, Lang::It) => format!("È già nell'elenco alla riga {row}: togli una delle due."),
            (Self::Duplicate { row }, Lang::En) => format!("It is already on the list at row {row}: remove one of the two."),
            (Self::NotCsv, Lang::It) => {
                "Il file non è un CSV di testo: salvalo come «CSV UTF-8» dal foglio di calcolo e riprova.".into()
            }
            (Self::NotCsv, Lang::En) => "The file is not a text CSV: save it as “CSV UTF-8” from the spreadsheet and try again.".into(),
            (Self::FileTooLarge { max_kib }, Lang::It) => {
                format!("Il file supera {max_kib} KiB: dividilo in più file e caricali uno dopo l'altro.")
            }
            (Self::FileTooLarge { max_kib }, Lang::En) => {
                format!("The file is over {max_kib} KiB: split it into several files and upload them one after the other.")
            }
            (Self::Invalid { .. }, Lang::It) => "La risposta non è valida: controlla i campi e riprova.".into(),
            (Self::Invalid { .. }, Lang::En) => "The answer is not valid: check the fields and try again.".into(),
        }
    }
}

/// A field error as it travels: its code and whichever value it carries.
#[derive(Deserialize)]
struct Wire {
    code: String,
    max: Option<usize>,
    min: Option<NumberOrText>,
    column: Option<String>,
    row: Option<usize>,
    max_kib: Option<usize>,
    detail: Option<String>,
}

/// `min`: a number of characters, or a month (`TooEarly`).
enum NumberOrText {
    Number(usize),
    Text(String),
}

impl<'de> Deserialize<'de> for NumberOrText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = NumberOrText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a text")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<NumberOrText, E> {
                usize::try_from(n).map(NumberOrText::Number).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NumberOrText, E> {
                Ok(NumberOrText::Text(text.to_owned()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl TryFrom<Wire> for FieldError {
    type Error = String;

    fn try_from(wire: Wire) -> Result<Self, String> {
        let missing = |name: &str| format!("`{}` needs `{name}`", wire.code);
        let number = |value: Option<usize>, name: &str| value.ok_or_else(|| missing(name));
        let text = |value: Option<String>, name: &str| value.ok_or_else(|| missing(name));
        Ok(match wire.code.as_str() {
            "required" => Self::Required,
            "too_long" => Self::TooLong { max: number(wire.max, "max")? },
            "too_short" => match wire.min {
                Some(NumberOrText::Number(min)) => Self::TooShort { min },
                _ => return Err(missing("min")),
            },
            "too_many" => Self::TooMany { max: number(wire.max, "max")? },
            "choose_at_least_one" => Self::ChooseAtLeastOne,
            "forbidden_characters" => Self::ForbiddenCharacters,
            "invalid_email" => Self::InvalidEmail,
            "invalid_url" => Self::InvalidUrl,
            "invalid_phone" => Self::InvalidPhone,
            "invalid_public_contact" => Self::InvalidPublicContact,
            "too_early" => match wire.min {
                Some(NumberOrText::Text(min)) => Self::TooEarly { min },
                _ => return Err(missing("min")),
            },
            "end_before_start" => Self::EndBeforeStart,
            "other_text_required" => Self::OtherTextRequired,
            "must_accept" => Self::MustAccept,
            "must_confirm" => Self::MustConfirm,
            "too_many_links" => Self::TooManyLinks { max: number(wire.max, "max")? },
            "no_markup" => Self::NoMarkup,
            "unknown_field" => Self::UnknownField,
            "wrong_type" => Self::WrongType,
            "invalid_choice" => Self::InvalidChoice,
            "invalid_code" => Self::InvalidCode,
            "invalid_date" => Self::InvalidDate,
            "not_a_count" => Self::NotACount,
            "not_an_amount" => Self::NotAnAmount,
            "invalid_comune" => Self::InvalidComune,
            "comune_outside_region" => Self::ComuneOutsideRegion,
            "invalid_reference" => Self::InvalidReference,
            "invalid_private_link" => Self::InvalidPrivateLink,
            "reference_mismatch" => Self::ReferenceMismatch,
            "missing_column" => Self::MissingColumn { column: text(wire.column, "column")? },
            "duplicate" => Self::Duplicate { row: number(wire.row, "row")? },
            "not_csv" => Self::NotCsv,
            "file_too_large" => Self::FileTooLarge { max_kib: number(wire.max_kib, "max_kib")? },
            "invalid" => Self::Invalid { detail: text(wire.detail, "detail")? },
            other => return Err(format!("unknown field error `{other}`")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind of error: the match fails to compile when a kind is
    /// added, so the test below always covers every one.
    fn one_of_each() -> Vec<FieldError> {
        let all = vec![
            FieldError::Required,
            FieldError::TooLong { max: 120 },
            FieldError::TooShort { min: 12 },
            FieldError::TooMany { max: 5 },
            FieldError::ChooseAtLeastOne,
            FieldError::ForbiddenCharacters,
            FieldError::InvalidEmail,
            FieldError::InvalidUrl,
            FieldError::InvalidPhone,
            FieldError::InvalidPublicContact,
            FieldError::TooEarly { min: "2020-01".into() },
            FieldError::EndBeforeStart,
            FieldError::OtherTextRequired,
            FieldError::MustAccept,
            FieldError::MustConfirm,
            FieldError::TooManyLinks { max: 3 },
            FieldError::NoMarkup,
            FieldError::UnknownField,
            FieldError::WrongType,
            FieldError::InvalidChoice,
            FieldError::InvalidCode,
            FieldError::InvalidDate,
            FieldError::NotACount,
            FieldError::NotAnAmount,
            FieldError::InvalidComune,
            FieldError::ComuneOutsideRegion,
            FieldError::InvalidReference,
            FieldError::InvalidPrivateLink,
            FieldError::ReferenceMismatch,
            FieldError::MissingColumn { column: "email".into() },
            FieldError::Duplicate { row: 4 },
            FieldError::NotCsv,
            FieldError::FileTooLarge { max_kib: 512 },
            FieldError::Invalid { detail: "x".into() },
        ];
        for error in &all {
            match error {
                FieldError::Required
                | FieldError::TooLong { .. }
                | FieldError::TooShort { .. }
                | FieldError::TooMany { .. }
                | FieldError::ChooseAtLeastOne
                | FieldError::ForbiddenCharacters
                | FieldError::InvalidEmail
                | FieldError::InvalidUrl
                | FieldError::InvalidPhone
                | FieldError::InvalidPublicContact
                | FieldError::TooEarly { .. }
                | FieldError::EndBeforeStart
                | FieldError::OtherTextRequired
                | FieldError::MustAccept
                | FieldError::MustConfirm
                | FieldError::TooManyLinks { .. }
                | FieldError::NoMarkup
                | FieldError::UnknownField
                | FieldError::WrongType
                | FieldError::InvalidChoice
                | FieldError::InvalidCode
                | FieldError::InvalidDate
                | FieldError::NotACount
                | FieldError::NotAnAmount
                | FieldError::InvalidComune
                | FieldError::ComuneOutsideRegion
                | FieldError::InvalidReference
                | FieldError::InvalidPrivateLink
                | FieldError::ReferenceMismatch
                | FieldError::MissingColumn { .. }
                | FieldError::Duplicate { .. }
                | FieldError::NotCsv
                | FieldError::FileTooLarge { .. }
                | FieldError::Invalid { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        for error in one_of_each() {
            let (it, en) = (error.message(Lang::It), error.message(Lang::En));
            assert!(!it.is_empty() && !en.is_empty() && it != en, "{error:?}");
        }
    }

    #[test]
    fn every_field_error_reads_back_as_written() {
        for error in one_of_each() {
            let json = serde_json::to_string(&error).unwrap();
            let read: FieldError = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(read, error, "{json}");
        }
    }

    #[test]
    fn a_field_error_the_reader_does_not_know_is_refused() {
        for json in [r#"{"code":"nonsense"}"#, r#"{"code":"too_long"}"#, r#"{"code":"too_short","min":"x"}"#, "{}"] {
            assert!(serde_json::from_str::<FieldError>(json).is_err(), "{json}");
        }
        let with_extra = r#"{"code":"required","hint":"ignored"}"#;
        assert_eq!(serde_json::from_str::<FieldError>(with_extra).unwrap(), FieldError::Required);
    }
}
