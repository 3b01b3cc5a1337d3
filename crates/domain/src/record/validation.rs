// SPDX-License-Identifier: EUPL-1.2
//! The errors people read when an answer is not acceptable, and the small
//! checks the questionnaire's definition (`questionnaire/`) is built from.
//! The browser runs the definition while the respondent types; the server runs
//! the very same code on every submission.
//!
//! Errors are values (`FieldError`), keyed by the field's key, and turned into
//! plain-language messages that say how to fix the value.

use crate::Lang;
use crate::questionnaire::QUESTIONNAIRE;
use crate::record::comuni::ComuneIndex;
use crate::record::practice::{Practice, YearMonth};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::field_error::FieldError;

/// Every field's errors, keyed by field key, in a stable order.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldErrors(BTreeMap<String, Vec<FieldError>>);

impl FieldErrors {
    /// Every error with its key, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FieldError)> {
        self.0.iter().flat_map(|(key, errors)| errors.iter().map(move |e| (key.as_str(), e)))
    }

    /// Records an error on `field`.
    pub fn add(&mut self, field: impl Into<String>, error: FieldError) {
        self.0.entry(field.into()).or_default().push(error);
    }

    /// True when no field has an error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The errors of one field.
    pub fn get(&self, field: &str) -> &[FieldError] {
        self.0.get(field).map_or(&[], Vec::as_slice)
    }

    /// The fields with errors, in key order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// The errors of a field and of its parts (`partners` has `partners.0.name`).
    pub fn of_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = (&'a str, &'a FieldError)> + 'a {
        self.0
            .iter()
            .filter(move |(key, _)| {
                key.as_str() == field || key.strip_prefix(field).is_some_and(|rest| rest.starts_with('.'))
            })
            .flat_map(|(key, errors)| errors.iter().map(move |e| (key.as_str(), e)))
    }

    /// Replaces the errors of `field` (and its parts) with those `fresh` has for it.
    pub fn refresh_field(&mut self, field: &str, fresh: &FieldErrors) {
        self.0.retain(|key, _| !(key == field || key.strip_prefix(field).is_some_and(|rest| rest.starts_with('.'))));
        for (key, error) in fresh.of_field(field) {
            self.add(key, error.clone());
        }
    }

    /// Every field's messages in one language: the shape of a 422 response.
    pub fn messages(&self, lang: Lang) -> BTreeMap<String, Vec<String>> {
        self.0.iter().map(|(field, errors)| (field.clone(), errors.iter().map(|e| e.message(lang)).collect())).collect()
    }
}

/// Length limits, in characters, from `domain.md` §3.
pub mod limits {
    pub const NAME: usize = 200;
    pub const PERSON: usize = 120;
    pub const TITLE: usize = 120;
    pub const SUMMARY: usize = 500;
    pub const DESCRIPTION: usize = 5000;
    pub const LONG_TEXT: usize = 2000;
    pub const SHORT_TEXT: usize = 200;
    pub const EMAIL: usize = 254;
    pub const URL: usize = 2000;
    pub const LINKS: usize = 10;
    pub const PARTNERS: usize = 50;
    pub const COMUNI: usize = 500;
}

/// The first month a practice may start in: the emergency began in 2020.
pub const EARLIEST_START: YearMonth = match YearMonth::new(2020, 1) {
    Some(ym) => ym,
    None => unreachable!(),
};

/// True for characters that have no place in a form's text: controls other
/// than line breaks and tabs, and invisible formatting characters (zero-width
/// spaces, bidirectional overrides) that can disguise what a text says.
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The rule of a short form's text field: given (`min` > 0), between `min`
/// and `max` characters once trimmed, with no forbidden character.
pub fn check_text(errors: &mut FieldErrors, key: &str, value: &str, min: usize, max: usize) {
    let length = value.trim().chars().count();
    if length == 0 && min > 0 {
        errors.add(key, FieldError::Required);
    } else if length < min {
        errors.add(key, FieldError::TooShort { min });
    } else if length > max {
        errors.add(key, FieldError::TooLong { max });
    } else if value.chars().any(is_forbidden_char) {
        errors.add(key, FieldError::ForbiddenCharacters);
    }
}

/// The rule of a short form's e-mail field: an address (`required`), or
/// nothing or an address.
pub fn check_email(errors: &mut FieldErrors, key: &str, value: &str, required: bool) {
    let value = value.trim();
    if value.is_empty() {
        if required {
            errors.add(key, FieldError::Required);
        }
    } else if !is_email(value) {
        errors.add(key, FieldError::InvalidEmail);
    }
}

/// A pragmatic e-mail check: one `@`, a non-empty local part, a dotted domain
/// that ends in a suffix that exists (see [`has_public_suffix`]), no spaces
/// and none of the characters that wrap or separate addresses (`<a@b.it>`,
/// `a@b.it, c@d.it`). Whether the mailbox exists is not ours to know. Every
/// e-mail the site takes (questionnaire, short forms, lists of invitees,
/// accounts, configuration) is checked here.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_forbidden_char(c) || "<>\"(),;:[]\\".contains(c))
        && value.len() <= limits::EMAIL
        && has_public_suffix(domain)
}

/// Whether a domain ends in a public suffix that exists, by the Public
/// Suffix List (crate `psl`): `comune.sassari.it` does, `comune.sassari`
/// cannot receive mail ("sassari" is no top-level domain). Native code only:
/// the list would add kilobytes to every browser entry, so the browser takes
/// such an address and the server refuses it with the same message at the
/// same field.
#[cfg(not(target_arch = "wasm32"))]
fn has_public_suffix(domain: &str) -> bool {
    psl::suffix(domain.to_ascii_lowercase().as_bytes()).is_some_and(|suffix| suffix.is_known())
}

#[cfg(target_arch = "wasm32")]
fn has_public_suffix(_domain: &str) -> bool {
    true
}

/// An absolute http(s) address with a host and no spaces.
/// A phone number as people write it: digits with spaces and `+ - . / ( )`,
/// at least six digits and at most fifteen (E.164).
pub fn is_phone(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    value.chars().all(|c| c.is_ascii_digit() || " +-./()".contains(c)) && (6..=15).contains(&digits)
}

pub fn is_web_url(value: &str) -> bool {
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.starts_with('.')
        && !value.chars().any(|c| c.is_whitespace() || c.is_control() || is_forbidden_char(c))
        && value.len() <= limits::URL
}

impl Practice {
    /// Checks every rule of the questionnaire, exactly as a submission is
    /// checked (`Definition::accept`); `comuni` enables the region check.
    pub fn validate(&self, comuni: Option<&ComuneIndex>) -> Result<(), FieldErrors> {
        let serde_json::Value::Object(answers) = serde_json::to_value(self).expect("a practice serializes") else {
            unreachable!("a practice serializes to an object")
        };
        QUESTIONNAIRE.accept(answers, comuni).map(|_| ())
    }
}

#[cfg(test)]
pub(crate) mod tests;
