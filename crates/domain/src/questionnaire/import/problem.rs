// SPDX-License-Identifier: EUPL-1.2
//! What stands in the way of a row becoming answers, in words.

use super::super::QUESTIONNAIRE;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Something in a row that cannot become an answer as it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The cell is not a year and month.
    NotAMonth { key: String, cell: String },
    /// The cell is not a number.
    NotANumber { key: String, cell: String },
    /// A value with no code chosen in the mapping.
    Unmapped { key: String, cell: String },
    /// No Comune of the row's region has this name.
    UnknownComune { cell: String },
    /// Several Comuni of the row's region have this name.
    AmbiguousComune { cell: String },
    /// A question an import cannot fill (a repeatable group).
    NotImportable { key: String },
    /// The questionnaire's own rule, as it would tell a respondent.
    Rule { key: String, message: String },
}

impl Problem {
    /// The problem in words, naming the question: "Data di avvio:
    /// «primavera 2020» non è un mese".
    pub fn describe(&self, lang: Lang) -> String {
        let label = |key: &str| {
            QUESTIONNAIRE.field(key).map_or_else(|| key.to_owned(), |field| field.label.get(lang).to_owned())
        };
        let comuni = label(crate::record::fields::key::COMUNE_CODES);
        match (self, lang) {
            (Self::NotAMonth { key, cell }, Lang::It) => format!("{}: «{cell}» non è un mese", label(key)),
            (Self::NotAMonth { key, cell }, Lang::En) => format!("{}: “{cell}” is not a month", label(key)),
            (Self::NotANumber { key, cell }, Lang::It) => format!("{}: «{cell}» non è un numero", label(key)),
            (Self::NotANumber { key, cell }, Lang::En) => format!("{}: “{cell}” is not a number", label(key)),
            (Self::Unmapped { key, cell }, Lang::It) => {
                format!("{}: «{cell}» non corrisponde a nessuna opzione scelta", label(key))
            }
            (Self::Unmapped { key, cell }, Lang::En) => format!("{}: “{cell}” matches no option chosen", label(key)),
            (Self::UnknownComune { cell }, Lang::It) => format!("{comuni}: nessun Comune «{cell}» nella regione"),
            (Self::UnknownComune { cell }, Lang::En) => format!("{comuni}: no Comune “{cell}” in the region"),
            (Self::AmbiguousComune { cell }, Lang::It) => format!("{comuni}: più Comuni si chiamano «{cell}»"),
            (Self::AmbiguousComune { cell }, Lang::En) => format!("{comuni}: several Comuni are called “{cell}”"),
            (Self::NotImportable { key }, Lang::It) => format!("{}: non si importa da un foglio", label(key)),
            (Self::NotImportable { key }, Lang::En) => format!("{}: cannot be imported from a sheet", label(key)),
            (Self::Rule { key, message }, _) => format!("{}: {message}", label(key)),
        }
    }
}
