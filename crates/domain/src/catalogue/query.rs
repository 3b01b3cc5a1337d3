// SPDX-License-Identifier: EUPL-1.2
//! One view of the catalogue (search text, filters, sort and page), which is
//! also its URL: `Query::from_pairs` / `to_pairs`.

use super::Facet;
use crate::Lang;
use crate::text::query_words;
use std::collections::{BTreeMap, BTreeSet};

/// How results are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// Best text matches first; the default when searching.
    Relevance,
    /// Most recently published first; the default otherwise.
    Recent,
    /// Title, A to Z.
    Title,
    /// Adopted by the most other bodies first, then the most recent.
    MostAdopted,
}

impl Sort {
    /// The sort's name in URLs.
    pub const fn url_value(self) -> &'static str {
        match self {
            Sort::Relevance => "pertinenza",
            Sort::Recent => "recenti",
            Sort::Title => "titolo",
            Sort::MostAdopted => "piu_adottate",
        }
    }

    /// Every sort, in the order the page offers them.
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Recent, Sort::Title, Sort::MostAdopted];

    /// The sort with this URL name.
    pub fn from_url_value(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.url_value() == value)
    }

    /// What the sort menu reads.
    pub const fn label(self, lang: Lang) -> &'static str {
        let (it, en) = match self {
            Sort::Relevance => ("Pertinenza", "Relevance"),
            Sort::Recent => ("Più recenti", "Most recent"),
            Sort::Title => ("Titolo (A-Z)", "Title (A-Z)"),
            Sort::MostAdopted => ("Più adottate", "Most adopted"),
        };
        match lang {
            Lang::It => it,
            Lang::En => en,
        }
    }
}

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// One view of the catalogue: search text, filters, sort and page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
    /// `None`: relevance when searching, most recent otherwise.
    pub sort: Option<Sort>,
    /// From 1.
    pub page: usize,
}

impl Query {
    /// Reads a query from URL parameters; unknown parameters are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Query { page: 1, ..Query::default() };
        for (key, value) in pairs {
            match key {
                "q" => query.text = value.to_owned(),
                "ordina" => query.sort = Sort::from_url_value(value),
                "pagina" => query.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {
                    if let Some(facet) = Facet::from_url_key(key) {
                        for code in value.split(',').filter(|c| !c.is_empty()) {
                            query.filters.entry(facet).or_default().insert(code.to_owned());
                        }
                    }
                }
            }
        }
        query
    }

    /// The query as URL parameters, in a stable order; defaults are left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.text.trim().is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        for facet in Facet::ALL {
            if let Some(codes) = self.filters.get(&facet).filter(|c| !c.is_empty()) {
                pairs.push((facet.url_key(), codes.iter().cloned().collect::<Vec<_>>().join(",")));
            }
        }
        if let Some(sort) = self.sort {
            pairs.push(("ordina", sort.url_value().to_owned()));
        }
        if self.page > 1 {
            pairs.push(("pagina", self.page.to_string()));
        }
        pairs
    }

    /// The sort in effect.
    pub fn effective_sort(&self) -> Sort {
        self.sort.unwrap_or(if !query_words(&self.text).is_empty() { Sort::Relevance } else { Sort::Recent })
    }

    /// Adds or removes one facet value, going back to the first page.
    pub fn toggle(&mut self, facet: Facet, code: &str) {
        let codes = self.filters.entry(facet).or_default();
        if !codes.remove(code) {
            codes.insert(code.to_owned());
        }
        if codes.is_empty() {
            self.filters.remove(&facet);
        }
        self.page = 1;
    }

    /// True when any filter or search text is active.
    pub fn is_filtered(&self) -> bool {
        !self.filters.is_empty() || !query_words(&self.text).is_empty()
    }

    /// What the view selects, as people read it: «spesa» · Regione: Puglia,
    /// or "all the practices".
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if !self.text.trim().is_empty() {
            parts.push(format!("«{}»", self.text.trim()));
        }
        for (facet, codes) in &self.filters {
            for code in codes {
                parts.push(facet.filter_label(code, lang));
            }
        }
        if parts.is_empty() {
            return (if lang == Lang::En { "all the practices" } else { "tutte le pratiche" }).to_owned();
        }
        parts.join(" · ")
    }
}
