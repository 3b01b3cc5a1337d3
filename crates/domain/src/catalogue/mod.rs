// SPDX-License-Identifier: EUPL-1.2
//! The catalogue's query engine: full-text search (the `search` module's
//! Italian word forms, typos and relevance, over the title, summary, names,
//! places, the labels the page shows and the longer texts), facets with live
//! counts (OR within a facet, AND across facets, each facet's counts under
//! every other active filter), sorting and pages. Pure Rust, so the browser
//! runs exactly the code that is unit-tested and benchmarked natively.
//!
//! The text index gives the set of practices holding every query word; the
//! index keeps a bitset per facet value (few values, many practices each),
//! and a query intersects and counts bitsets.
//! The query is also the URL: `Query::from_pairs` / `to_pairs` make every
//! view linkable and restorable.

mod facets;
mod query;
pub mod search;

pub use facets::*;
pub use query::*;

use crate::Lang;
use crate::catalogue::search::{Bits, Field, Highlight, TextIndex, TextMatch};
use crate::record::geo::Region;
use crate::record::practice::CatalogueEntry;
use crate::record::vocabulary::*;
use crate::text::{fold, query_words};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// One facet value with its count under the other active filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub code: String,
    pub count: usize,
    pub selected: bool,
}

/// The values of one facet, in the order the page shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<FacetValue>,
}

/// What a query finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// How many practices match.
    pub total: usize,
    /// Every match, in order, as indices into the index's entries.
    pub matches: Vec<usize>,
    /// Each facet's values and counts.
    pub facets: Vec<FacetCounts>,
    /// The search text as corrected, when a word matched only with a typo:
    /// "Risultati anche per: psicologico".
    pub corrected: Option<String>,
    /// When nothing matches: a search that would find something ("Forse cercavi").
    pub suggestion: Option<String>,
    /// The matched words, to mark in titles and summaries.
    pub highlight: Highlight,
}

impl Results {
    /// The matches on one page (from 1).
    pub fn page(&self, page: usize) -> &[usize] {
        let start = (page.max(1) - 1) * PAGE_SIZE;
        &self.matches[start.min(self.matches.len())..(start + PAGE_SIZE).min(self.matches.len())]
    }

    /// How many pages the matches fill.
    pub fn pages(&self) -> usize {
        self.total.div_ceil(PAGE_SIZE).max(1)
    }
}

/// Counts over the practices a query selects, for the statistics page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statistics {
    pub total: usize,
    pub by_region: BTreeMap<Region, usize>,
    pub by_innovation: BTreeMap<InnovationTag, usize>,
    pub by_user_area: BTreeMap<UserArea, usize>,
    pub by_service_type: BTreeMap<ServiceType, usize>,
    /// Practices started in each month (`YearMonth`'s text, "2020-03").
    pub by_start_month: BTreeMap<String, usize>,
    /// Accepted adoption declarations of these practices, by the region of
    /// the body that adopted: where the practices travelled.
    pub adoptions_by_region: BTreeMap<Region, usize>,
}

impl Statistics {
    /// Counts the given practices.
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a CatalogueEntry>) -> Self {
        let mut stats = Statistics::default();
        for e in entries {
            stats.total += 1;
            *stats.by_region.entry(e.region_code).or_default() += 1;
            *stats.by_service_type.entry(e.service_type).or_default() += 1;
            *stats.by_start_month.entry(e.start_date.to_string()).or_default() += 1;
            for region in &e.adopted_in {
                *stats.adoptions_by_region.entry(*region).or_default() += 1;
            }
            for tag in e.innovation_tags.iter().collect::<BTreeSet<_>>() {
                *stats.by_innovation.entry(*tag).or_default() += 1;
            }
            for area in e.user_areas.iter().collect::<BTreeSet<_>>() {
                *stats.by_user_area.entry(*area).or_default() += 1;
            }
        }
        stats
    }
}

/// What full-text search reads of a practice, by field: its title and
/// summary, the body's name, its region and places, the labels of its
/// classifications in `lang` (as the page shows them) and its longer texts.
pub fn searched_fields(e: &CatalogueEntry, lang: Lang) -> Vec<(Field, &str)> {
    let mut fields = vec![
        (Field::Title, e.title.as_str()),
        (Field::Summary, e.summary.as_str()),
        (Field::Names, e.entity_name.as_str()),
        (Field::Names, e.region_code.label(lang)),
        (Field::Names, e.places.as_str()),
        (Field::Labels, e.service_type.label(lang)),
        (Field::Labels, e.status.label(lang)),
    ];
    let labels = e.user_areas.iter().map(|v| v.label(lang));
    let labels = labels.chain(e.target_groups.iter().map(|v| v.label(lang)));
    let labels = labels.chain(e.intervention_areas.iter().map(|v| v.label(lang)));
    let labels = labels.chain(e.innovation_tags.iter().map(|v| v.label(lang)));
    let labels = labels.chain(e.tools.iter().map(|v| v.label(lang)));
    let labels = labels.chain(e.delivery_modes.iter().map(|v| v.label(lang)));
    fields.extend(labels.map(|label| (Field::Labels, label)));
    fields.push((Field::Body, e.terms.as_str()));
    fields
}

/// Up to `limit` practices of `entries` most like the one with `id`: shared
/// innovations count double, shared user and intervention areas once; ties
/// go to the most recently published. Practices sharing nothing are left out.
pub fn related<'a>(entries: &'a [CatalogueEntry], id: &str, limit: usize) -> Vec<&'a CatalogueEntry> {
    let Some(this) = entries.iter().find(|e| e.id.as_str() == id) else { return Vec::new() };
    fn shared<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        a.iter().filter(|x| b.contains(x)).count()
    }
    let mut scored: Vec<(usize, &str, &CatalogueEntry)> = entries
        .iter()
        .filter(|e| e.id != this.id)
        .map(|e| {
            let score = 2 * shared(&e.innovation_tags, &this.innovation_tags)
                + shared(&e.user_areas, &this.user_areas)
                + shared(&e.intervention_areas, &this.intervention_areas);
            (score, e.published_at.as_str(), e)
        })
        .filter(|(score, _, _)| *score > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(a.1)));
    scored.into_iter().take(limit).map(|(_, _, e)| e).collect()
}

/// The published practices, indexed for querying.
pub struct CatalogueIndex {
    entries: Vec<CatalogueEntry>,
    /// Their words, in the language of the labels searched: built at the
    /// first search, so that a page without one starts sooner.
    text: OnceLock<TextIndex>,
    lang: Lang,
    /// Per facet, its values (in display order) and their practices.
    facets: Vec<(Facet, Vec<(String, Bits)>)>,
    /// Indices by publication, most recent first.
    by_recent: Vec<usize>,
    /// Each practice's place in `by_recent`.
    recent_rank: Vec<u32>,
    /// Indices by title, A to Z, ignoring case and accents.
    by_title: Vec<usize>,
}

impl CatalogueIndex {
    /// Indexes `entries`, searching their labels in `lang`.
    pub fn new(entries: Vec<CatalogueEntry>, lang: Lang) -> Self {
        let n = entries.len();
        let facets = Facet::ALL
            .into_iter()
            .map(|facet| {
                let mut values: BTreeMap<String, Bits> = BTreeMap::new();
                for (i, e) in entries.iter().enumerate() {
                    for code in facet.values(e) {
                        values.entry(code).or_insert_with(|| Bits::empty(n)).set(i);
                    }
                }
                let mut values: Vec<(String, Bits)> = values.into_iter().collect();
                if facet == Facet::StartYear {
                    values.reverse();
                } else {
                    values.sort_by_cached_key(|(code, _)| fold(&facet.value_label(code, Lang::It)));
                }
                (facet, values)
            })
            .collect();
        let mut by_recent: Vec<usize> = (0..n).collect();
        by_recent.sort_by(|&a, &b| entries[b].published_at.cmp(&entries[a].published_at).then(a.cmp(&b)));
        let mut recent_rank = vec![0; n];
        for (rank, &i) in by_recent.iter().enumerate() {
            recent_rank[i] = rank as u32;
        }
        let mut by_title: Vec<usize> = (0..n).collect();
        by_title.sort_by_cached_key(|&i| (fold(&entries[i].title), i));
        Self { entries, text: OnceLock::new(), lang, facets, by_recent, recent_rank, by_title }
    }

    /// The words of the practices, indexed when first needed.
    fn text(&self) -> &TextIndex {
        self.text.get_or_init(|| TextIndex::new(self.entries.iter().map(|e| searched_fields(e, self.lang))))
    }

    /// The language whose labels are searched.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How many distinct words the practices hold.
    pub fn vocabulary(&self) -> usize {
        self.text().vocabulary()
    }

    /// The indexed practices.
    pub fn entries(&self) -> &[CatalogueEntry] {
        &self.entries
    }

    /// Runs a query.
    pub fn query(&self, query: &Query) -> Results {
        let n = self.entries.len();
        let sort = query.effective_sort();
        let searched = !query_words(&query.text).is_empty();
        let mut found =
            if searched { self.text().search(&query.text, sort == Sort::Relevance) } else { TextMatch::everything() };
        let text = found.documents.take().unwrap_or_else(|| Bits::full(n));
        // Per facet with a selection: the union of its selected values.
        let selected: Vec<(Facet, Bits)> = self
            .facets
            .iter()
            .filter_map(|(facet, values)| {
                let codes = query.filters.get(facet).filter(|c| !c.is_empty())?;
                let mut union = Bits::empty(n);
                for (code, bits) in values {
                    if codes.contains(code) {
                        union.or(bits);
                    }
                }
                Some((*facet, union))
            })
            .collect();
        let mut matching = text.clone();
        for (_, bits) in &selected {
            matching.and(bits);
        }
        let facets = self
            .facets
            .iter()
            .map(|(facet, values)| {
                let mut base = text.clone();
                for (other, bits) in &selected {
                    if other != facet {
                        base.and(bits);
                    }
                }
                let codes = query.filters.get(facet);
                let values = values
                    .iter()
                    .map(|(code, bits)| FacetValue {
                        code: code.clone(),
                        count: base.count_and(bits),
                        selected: codes.is_some_and(|c| c.contains(code)),
                    })
                    .collect();
                FacetCounts { facet: *facet, values }
            })
            .collect();
        let matches: Vec<usize> = match sort {
            Sort::Recent => self.by_recent.iter().copied().filter(|&i| matching.get(i)).collect(),
            Sort::Title => self.by_title.iter().copied().filter(|&i| matching.get(i)).collect(),
            Sort::MostAdopted => {
                // A stable sort of the most recent first keeps that order
                // among practices adopted as many times.
                let mut found: Vec<usize> = self.by_recent.iter().copied().filter(|&i| matching.get(i)).collect();
                found.sort_by_key(|&i| std::cmp::Reverse(self.entries[i].adopted_in.len()));
                found
            }
            Sort::Relevance => {
                // Higher scores first, then the more recent: one integer key
                // each (a positive float's bits order as the float does).
                let mut keys: Vec<u64> = (0..n)
                    .filter(|&i| matching.get(i))
                    .map(|i| u64::from(u32::MAX - found.score(i).to_bits()) << 32 | u64::from(self.recent_rank[i]))
                    .collect();
                keys.sort_unstable();
                keys.into_iter().map(|key| self.by_recent[(key & u64::from(u32::MAX)) as usize]).collect()
            }
        };
        let total = matching.count();
        // Nothing found: a search with the nearest words, if it finds something here.
        let suggestion = (total == 0 && searched)
            .then(|| self.text().suggest(&query.text))
            .flatten()
            .filter(|suggested| self.query(&Query { text: suggested.clone(), ..query.clone() }).total > 0);
        Results { total, matches, facets, corrected: found.corrected, suggestion, highlight: found.highlight }
    }
}

#[cfg(test)]
mod tests;
