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
