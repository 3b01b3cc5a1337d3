// SPDX-License-Identifier: EUPL-1.2
//! The languages of the product: Italian first, English second.

use serde::{Deserialize, Serialize};

/// A language the product speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Italian, the default.
    #[default]
    #[serde(rename = "it")]
    It,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag, for `lang` attributes and `?lang=` parameters.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    /// The language with this tag.
    pub fn from_tag(tag: &str) -> Option<Self> {
        [Lang::It, Lang::En].into_iter().find(|l| l.tag() == tag)
    }
}

/// A sentence of the interface in both languages: the unit of every text
/// catalogue (the app's `texts`, the server's messages, the questionnaire's
/// definition). Both are required, so a missing translation does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    /// In Italian.
    pub it: &'static str,
    /// In English.
    pub en: &'static str,
}

impl Text {
    /// A text in Italian and English.
    pub const fn new(it: &'static str, en: &'static str) -> Self {
        Self { it, en }
    }

    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::It => self.it,
            Lang::En => self.en,
        }
    }
}
