// SPDX-License-Identifier: EUPL-1.2
//! Reading another form's responses (a Google Forms, LimeSurvey, EUSurvey or
//! Excel sheet: one header row, one row per response) into this
//! questionnaire's answers, by a [`Mapping`] an administrator confirms:
//! each column to a question (or to the submission's date, or to nothing),
//! each distinct value of a coded question to one of its codes.
//!
//! [`Mapping::suggest`] proposes one, comparing headers and values with the
//! questions' and options' Italian and English labels, folded (case, accents
//! and punctuation ignored). [`Mapping::read`] turns a row into answers and
//! the problems met on the way; the answers then go through the same
//! [`Definition::accept`](super::Definition::accept) the questionnaire uses,
//! so an imported practice meets exactly the rules a typed one does.
//! Nothing is guessed silently: what does not read is a problem, in words.

use super::{Field, Kind, QUESTIONNAIRE};
use crate::api::Answers;
use crate::lang::Lang;
use crate::record::comuni::ComuneIndex;
use crate::record::geo::Region;
use crate::record::practice::{Practice, YearMonth};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub mod api;
mod problem;

pub use problem::Problem;

/// The largest file of responses taken, in bytes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// A sheet of responses: its header row and its rows, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What a column holds: the answer to a question (by key), the date the
/// response was sent, or nothing to import.
pub const SKIP: &str = "";
/// The column with the date and time each response was sent.
pub const SUBMITTED: &str = "_submitted";

/// How a sheet reads as this questionnaire's answers; saved, it serves the
/// next file from the same form.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// One entry per column: a field's key, [`SUBMITTED`] or [`SKIP`].
    pub columns: Vec<String>,
    /// For each coded question, each value found in the file (as written)
    /// to one of the question's codes, or to "" (leave it empty).
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// What separates the options of a multiple choice in one cell
    /// (Google Forms writes `, `).
    pub separator: String,
}

/// One row read: the answers it gives, and what stands in the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The answers, as the questionnaire keeps them (unreadable cells left out).
    pub answers: Answers,
    /// The submission date's cell, as written, if a column holds it.
    pub submitted: Option<String>,
    /// The practice, when the row meets every rule.
    pub practice: Option<Practice>,
    /// Every problem, reading problems first, then the questionnaire's rules.
    pub problems: Vec<Problem>,
}

impl Mapping {
    /// A mapping proposed for `sheet`: each header matched to the question
    /// whose label it is (folded), or the closest by shared words, or to the
    /// submission date; each coded value to the option whose label or code
    /// it is. What matches nothing is left to the administrator.
    pub fn suggest(sheet: &Sheet) -> Self {
        let mut taken = Vec::new();
        let columns = sheet
            .headers
            .iter()
            .map(|header| {
                let target = suggest_column(header, &taken);
                if target != SKIP {
                    taken.push(target.clone());
                }
                target
            })
            .collect();
        let separator = if sheet.rows.iter().flatten().any(|cell| cell.contains(';')) { ";" } else { ", " };
        let mut mapping = Self { columns, values: BTreeMap::new(), separator: separator.to_owned() };
        for (key, found) in mapping.distinct_values(sheet) {
            let field = QUESTIONNAIRE.field(&key).expect("distinct values are of questions");
            // A value no option is called stays unchosen: the dry run names
            // it, and the administrator chooses (or leaves it empty).
            let chosen = found.into_iter().filter_map(|value| Some((value.clone(), suggest_code(field, &value)?)));
            mapping.values.insert(key, chosen.collect());
        }
        mapping
    }

    /// What is wrong with the mapping itself, in words: a column mapped to
    /// a question the questionnaire does not have, a question or the date
    /// mapped twice, a code that is not one of the question's options.
    pub fn check(&self, sheet: &Sheet) -> Result<(), String> {
        if self.columns.len() != sheet.headers.len() {
            return Err(format!("the mapping has {} columns, the file {}", self.columns.len(), sheet.headers.len()));
        }
        let mut seen = Vec::new();
        for (target, header) in self.columns.iter().zip(&sheet.headers) {
            if target != SKIP && target != SUBMITTED && QUESTIONNAIRE.field(target).is_none() {
                return Err(format!("column «{header}»: the questionnaire has no question {target}"));
            }
            if target != SKIP && seen.contains(&target) {
                return Err(format!("column «{header}»: {target} is already filled by another column"));
            }
            seen.push(target);
        }
        for (key, values) in &self.values {
            let options = QUESTIONNAIRE.field(key).and_then(|field| options_of(field.kind));
            let Some(options) = options else {
                return Err(format!("{key} is not a coded question"));
            };
            if let Some((value, code)) =
                values.iter().find(|(_, code)| !code.is_empty() && !options.iter().any(|o| o.code == code.as_str()))
            {
                return Err(format!("«{value}»: {code} is not an option of {key}"));
            }
        }
        Ok(())
    }

    /// For each coded question a column is mapped to, the distinct values
    /// found in its cells (multiple choices split), in the order first met.
    pub fn distinct_values(&self, sheet: &Sheet) -> BTreeMap<String, Vec<String>> {
        let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (column, key) in self.columns.iter().enumerate() {
            let Some(field) = QUESTIONNAIRE.field(key) else { continue };
            let multiple = match field.kind {
                Kind::Choice { .. } => false,
                Kind::Choices { .. } => true,
                _ => continue,
            };
            let values = found.entry(key.clone()).or_default();
            for row in &sheet.rows {
                let cell = row.get(column).map_or("", |c| c.trim());
                for piece in self.pieces(cell, multiple, Some(field)) {
                    if !values.contains(&piece) {
                        values.push(piece);
                    }
                }
            }
        }
        found
    }

    /// The values in a cell: the whole cell, or for a multiple choice
    /// (`field`) or a list of Comuni (`None`) its parts between separators.
    /// An option whose label holds the separator itself ("Contributi
    /// economici (buoni spesa, sostegno al reddito)") stays whole: adjacent
    /// parts are joined back when together they are an option's label or a
    /// value the mapping knows.
    fn pieces(&self, cell: &str, multiple: bool, field: Option<&Field>) -> Vec<String> {
        if !multiple || self.separator.is_empty() {
            let cell = cell.trim();
            return if cell.is_empty() { Vec::new() } else { vec![cell.to_owned()] };
        }
        let separator = self.separator.as_str();
        let known = |text: &str| {
            let Some(field) = field else { return false };
            let labelled = folded_labels(field.key).contains(&words(text).join(" "));
            labelled || self.values.get(field.key).is_some_and(|values| values.contains_key(text.trim()))
        };
        let parts: Vec<&str> = cell.split(separator).collect();
        let mut pieces = Vec::new();
        let mut start = 0;
        while start < parts.len() {
            let end =
                (start + 1..parts.len()).rev().find(|&end| known(&parts[start..=end].join(separator))).unwrap_or(start);
            let piece = parts[start..=end].join(separator);
            if !piece.trim().is_empty() {
                pieces.push(piece.trim().to_owned());
            }
            start = end + 1;
        }
        pieces
    }

    /// Reads one row into answers, then checks them with the questionnaire's
    /// own rules (`comuni` to read and check the Comuni's names).
    pub fn read(&self, row: &[String], comuni: &ComuneIndex, lang: Lang) -> Read {
        let mut answers = Answers::new();
        let mut problems = Vec::new();
        let mut submitted = None;
        let mut comune_cells = None;
        for (column, target) in self.columns.iter().enumerate() {
            let cell = row.get(column).map_or("", |c| c.trim());
            if target == SKIP || cell.is_empty() {
                continue;
            }
            if target == SUBMITTED {
                submitted = Some(cell.to_owned());
                continue;
            }
            let Some(field) = QUESTIONNAIRE.field(target) else { continue };
            if let Kind::Comuni { .. } = field.kind {
                comune_cells = Some(cell);
                continue;
            }
            match self.value_of(field, cell) {
                Ok(value) => {
                    answers.insert(field.key.to_owned(), value);
                }
                Err(problem) => problems.push(problem),
            }
        }
        // Comuni are named within the row's region, read above.
        if let Some(cell) = comune_cells {
            let region = answers.get(crate::record::fields::key::REGION_CODE).and_then(Value::as_str);
            let region = region.and_then(Region::from_code);
            let mut codes = Vec::new();
            for name in self.pieces(cell, true, None) {
                match region.map(|region| find_comune(comuni, region, &name)) {
                    Some(Ok(code)) => codes.push(Value::String(code)),
                    Some(Err(problem)) => problems.push(problem),
                    None => problems.push(Problem::UnknownComune { cell: name }),
                }
            }
            if !codes.is_empty() {
                answers.insert(crate::record::fields::key::COMUNE_CODES.to_owned(), Value::Array(codes));
            }
        }
        let practice = match QUESTIONNAIRE.accept(answers.clone(), Some(comuni)) {
            Ok(practice) if problems.is_empty() => Some(practice),
            Ok(_) => None,
            Err(errors) => {
                for (key, error) in errors.iter() {
                    // A cell that did not read already says why.
                    let base = key.split('.').next().unwrap_or(key);
                    if problems.iter().any(|p| problem_key(p) == base) {
                        continue;
                    }
                    let message = QUESTIONNAIRE.message(key, error, lang);
                    problems.push(Problem::Rule { key: base.to_owned(), message });
                }
                None
            }
        };
        Read { answers, submitted, practice, problems }
    }

    /// The answer a cell gives to `field`.
    fn value_of(&self, field: &Field, cell: &str) -> Result<Value, Problem> {
        let key = field.key.to_owned();
        let code_of = |piece: &str| match self.values.get(field.key).and_then(|values| values.get(piece)) {
            Some(code) => Ok(code.clone()),
            None => Err(Problem::Unmapped { key: key.clone(), cell: piece.to_owned() }),
        };
        match field.kind {
            Kind::Text { .. } => Ok(Value::String(cell.to_owned())),
            Kind::Choice { .. } => code_of(cell).map(|code| if code.is_empty() { Value::Null } else { code.into() }),
            Kind::Choices { .. } => {
                let pieces = self.pieces(cell, true, Some(field));
                let codes: Vec<String> = pieces.iter().map(|piece| code_of(piece)).collect::<Result<_, _>>()?;
                let mut unique: Vec<Value> = Vec::new();
                for code in codes.into_iter().filter(|c| !c.is_empty()) {
                    if !unique.iter().any(|u| u == code.as_str()) {
                        unique.push(code.into());
                    }
                }
                Ok(Value::Array(unique))
            }
            Kind::YearMonth { .. } => {
                year_month(cell).map(|ym| ym.to_string().into()).ok_or(Problem::NotAMonth { key, cell: cell.into() })
            }
            Kind::Count | Kind::Euro => match field.value_from_input(cell) {
                Value::String(_) => Err(Problem::NotANumber { key, cell: cell.to_owned() }),
                number => Ok(number),
            },
            Kind::Urls { .. } => {
                let links = cell.split(|c: char| c.is_whitespace() || c == ',' || c == ';').filter(|l| !l.is_empty());
                Ok(Value::Array(links.map(|l| Value::String(l.to_owned())).collect()))
            }
            Kind::Consent | Kind::Checkbox => Ok(Value::Bool(is_yes(cell))),
            Kind::Partners { .. } | Kind::Comuni { .. } => Err(Problem::NotImportable { key }),
        }
    }
}

/// The question a problem is about.
fn problem_key(problem: &Problem) -> &str {
    match problem {
        Problem::NotAMonth { key, .. }
        | Problem::NotANumber { key, .. }
        | Problem::Unmapped { key, .. }
        | Problem::NotImportable { key }
        | Problem::Rule { key, .. } => key,
        Problem::UnknownComune { .. } | Problem::AmbiguousComune { .. } => crate::record::fields::key::COMUNE_CODES,
    }
}

/// The options of the coded question `key` (one or several choices), whose
/// values the mapping matches to codes.
pub fn options(key: &str) -> Option<&'static [super::Choice]> {
    QUESTIONNAIRE.field(key).and_then(|field| options_of(field.kind))
}

fn options_of(kind: Kind) -> Option<&'static [super::Choice]> {
    match kind {
        Kind::Choice { options } | Kind::Choices { options, .. } => Some(options),
        _ => None,
    }
}

/// The option labels of the question `key`, in both languages, folded as
/// [`words`] folds: computed once.
fn folded_labels(key: &str) -> &'static std::collections::HashSet<String> {
    static LABELS: std::sync::OnceLock<BTreeMap<&'static str, std::collections::HashSet<String>>> =
        std::sync::OnceLock::new();
    static NONE: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        QUESTIONNAIRE
            .fields()
            .filter_map(|field| {
                let options = options_of(field.kind)?;
                let folded = options.iter().flat_map(|o| [o.label.it, o.label.en]).map(|l| words(l).join(" "));
                Some((field.key, folded.collect()))
            })
            .collect()
    });
    labels.get(key).unwrap_or_else(|| NONE.get_or_init(Default::default))
}

/// Words that are not worth comparing in a header.
const STOP_WORDS: &[&str] = &[
    "il", "lo", "la", "le", "gli", "di", "del", "della", "dei", "delle", "da", "in", "per", "con", "su", "un", "una",
    "ed", "the", "of", "and", "or", "to", "for", "a", "an", "e", "o", "se", "si", "ne", "nel", "nella", "al", "alla",
];

/// Headers that name the moment a response was sent, folded: Google Forms
/// ("Informazioni cronologiche", "Timestamp"), LimeSurvey ("Data invio",
/// `submitdate`), EUSurvey ("Creation date").
const SUBMITTED_HEADERS: &[&str] = &[
    "informazioni cronologiche",
    "timestamp",
    "data invio",
    "data di invio",
    "submitdate",
    "date submitted",
    "creation date",
    "data e ora",
    "data ora",
];

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// The target proposed for a column headed `header`, not one of `taken`.
fn suggest_column(header: &str, taken: &[String]) -> String {
    let folded = words(header).join(" ");
    if folded.is_empty() {
        return SKIP.to_owned();
    }
    if SUBMITTED_HEADERS.contains(&folded.as_str()) && !taken.iter().any(|t| t == SUBMITTED) {
        return SUBMITTED.to_owned();
    }
    let header_words = words(header);
    let mut best: Option<(f64, &str)> = None;
    for field in QUESTIONNAIRE.fields().filter(|f| !taken.iter().any(|t| t == f.key)) {
        for label in [field.label.it, field.label.en, field.key] {
            let label_words = words(label);
            if label_words.join(" ") == folded {
                return field.key.to_owned();
            }
            let shared = header_words.iter().filter(|w| label_words.contains(w)).count();
            let score = 2.0 * shared as f64 / (header_words.len() + label_words.len()).max(1) as f64;
            if score >= 0.5 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, field.key));
            }
        }
    }
    best.map_or_else(|| SKIP.to_owned(), |(_, key)| key.to_owned())
}

/// The code of the option of `field` whose label (either language) or code
/// is `value`, folded.
fn suggest_code(field: &Field, value: &str) -> Option<String> {
    let folded = words(value).join(" ");
    options_of(field.kind)?
        .iter()
        .find(|o| [o.label.it, o.label.en, o.code].iter().any(|label| words(label).join(" ") == folded))
        .map(|o| o.code.to_owned())
}

/// The Comune of `region` called `name` (folded), if exactly one is.
fn find_comune(comuni: &ComuneIndex, region: Region, name: &str) -> Result<String, Problem> {
    let folded = fold(name.trim());
    let exact: Vec<_> = comuni.search(region, name, 50).into_iter().filter(|c| fold(&c.name) == folded).collect();
    match exact.as_slice() {
        [one] => Ok(one.code.clone()),
        [] => Err(Problem::UnknownComune { cell: name.to_owned() }),
        _ => Err(Problem::AmbiguousComune { cell: name.to_owned() }),
    }
}

const MONTHS: [[&str; 2]; 12] = [
    ["gennaio", "january"],
    ["febbraio", "february"],
    ["marzo", "march"],
    ["aprile", "april"],
    ["maggio", "may"],
    ["giugno", "june"],
    ["luglio", "july"],
    ["agosto", "august"],
    ["settembre", "september"],
    ["ottobre", "october"],
    ["novembre", "november"],
    ["dicembre", "december"],
];

/// A year and month as spreadsheets write them: `2020-03`, `2020-03-15`,
/// `03/2020`, `15/03/2020` (day first, as Italian sheets do), `marzo 2020`,
/// `mar 2020`, `March 2020`.
pub fn year_month(cell: &str) -> Option<YearMonth> {
    let text = fold(cell.trim());
    let numbers: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let month_word = text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 3).find_map(|word| {
        MONTHS.iter().position(|names| names.iter().any(|name| name.starts_with(word) && word.len() >= 3))
    });
    let (year, month): (u32, u32) = match (numbers.as_slice(), month_word) {
        ([year], Some(month)) if year.len() == 4 => (year.parse().ok()?, month as u32 + 1),
        ([year, month] | [year, month, _], None) if year.len() == 4 => (year.parse().ok()?, month.parse().ok()?),
        ([month, year], None) if year.len() == 4 => (year.parse().ok()?, month.parse().ok()?),
        ([_, month, year], None) if year.len() == 4 => (year.parse().ok()?, month.parse().ok()?),
        _ => return None,
    };
    YearMonth::parse(&format!("{year:04}-{month:02}"))
}

/// A practice as a form's sheet writes it, the inverse of [`Mapping::read`]:
/// one column per question (but repeatable groups), headed by its Italian
/// label; options by their Italian labels, multiple choices joined by ", ",
/// months as `03/2020`, Comuni by name, ticked boxes as `Sì`. For a template
/// to fill in, and for the tests of the import.
pub fn as_form_writes_it(practice: &Practice, comuni: &ComuneIndex) -> (Vec<String>, Vec<String>) {
    let answers = serde_json::to_value(practice).expect("a practice serializes");
    let (mut headers, mut cells) = (Vec::new(), Vec::new());
    for field in QUESTIONNAIRE.fields().filter(|f| !matches!(f.kind, Kind::Partners { .. })) {
        let value = &answers[field.key];
        let label = |code: &Value| {
            let options = options_of(field.kind).unwrap_or_default();
            let code = code.as_str().unwrap_or_default();
            options.iter().find(|o| o.code == code).map_or(code, |o| o.label.it).to_owned()
        };
        let joined = |values: &Vec<Value>, each: &dyn Fn(&Value) -> String| {
            values.iter().map(each).collect::<Vec<_>>().join(", ")
        };
        let cell = match (field.kind, value) {
            (_, Value::Null) => String::new(),
            (Kind::Choice { .. }, code) => label(code),
            (Kind::Choices { .. }, Value::Array(codes)) => joined(codes, &label),
            (Kind::YearMonth { .. }, Value::String(ym)) if ym.len() == 7 => format!("{}/{}", &ym[5..], &ym[..4]),
            (Kind::Comuni { .. }, Value::Array(codes)) => joined(codes, &|code| {
                comuni.get(code.as_str().unwrap_or_default()).map_or(String::new(), |c| c.name.clone())
            }),
            (Kind::Consent | Kind::Checkbox, Value::Bool(ticked)) => if *ticked { "Sì" } else { "" }.to_owned(),
            (Kind::Urls { .. }, Value::Array(links)) => {
                links.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" ")
            }
            (_, Value::String(text)) => text.clone(),
            (_, other) => other.to_string(),
        };
        headers.push(field.label.it.to_owned());
        cells.push(cell);
    }
    (headers, cells)
}

/// Whether a cell ticks a box: sì, si, yes, x, vero, true, 1.
fn is_yes(cell: &str) -> bool {
    matches!(fold(cell.trim()).as_str(), "si" | "sì" | "yes" | "x" | "vero" | "true" | "1" | "ok")
}

#[cfg(test)]
mod tests;
