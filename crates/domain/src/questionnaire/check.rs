// SPDX-License-Identifier: EUPL-1.2
//! The engine that reads the definition: whether a condition holds, which
//! fields are shown and required, how what was typed becomes an answer, the
//! validation the browser runs step by step and the server runs on every
//! submission (`Definition::accept`), and the messages that say what to fix.

use super::ask::ASK;
use super::{Choice, Condition, Definition, Field, Input, Kind, Required};
use crate::Lang;
use crate::record::comuni::ComuneIndex;
use crate::record::geo::Region;
use crate::record::practice::{Euros, Practice, YearMonth};
use crate::record::validation::{FieldError, FieldErrors, is_email, is_forbidden_char, is_phone, is_web_url, limits};
use crate::record::vocabulary::PartnerType;
use serde_json::{Map, Value};

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
    /// The limit of a text whose characters are counted as it is typed: the
    /// paragraphs, and the title (a one-line text whose limit people reach).
    pub fn counted_max(&self) -> Option<usize> {
        match self.kind {
            Kind::Text { max, multiline, .. } if multiline || self.key == crate::record::fields::key::TITLE => {
                Some(max)
            }
            _ => None,
        }
    }

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
                n.as_f64().map(crate::numbers::format_euro_for_editing).unwrap_or_default()
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
            // Several boxes share a step: each error names its own.
            (_, _, FieldError::MustAccept) => {
                let label = field.label.get(lang);
                if it {
                    format!("Spunta «{label}» per inviare la pratica.")
                } else {
                    format!("Tick “{label}” to submit the practice.")
                }
            }
            _ => error.message(lang),
        }
    }

    /// [`Self::message`], saying by how much a text is over its limit when the
    /// text is at hand (the page has it; a 422 states the limit):
    /// "Accorcia il testo di 86 caratteri: al massimo 120.".
    pub fn message_for_text(&self, key: &str, error: &FieldError, text: Option<&str>, lang: Lang) -> String {
        let length = text.map_or(0, |text| text.chars().count());
        match error {
            FieldError::TooLong { max } if length > *max => match lang {
                Lang::It => format!("Accorcia il testo di {} caratteri: al massimo {max}.", length - max),
                Lang::En => format!("Shorten the text by {} characters, to at most {max}.", length - max),
            },
            _ => self.message(key, error, lang),
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
                let code = item.as_str().filter(|c| crate::record::geo::ComuneCode::parse(c).is_ok());
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
        Kind::Checkbox => {
            if !value.is_boolean() {
                errors.add(key, FieldError::WrongType);
            }
        }
    }
}

#[cfg(test)]
mod tests;
