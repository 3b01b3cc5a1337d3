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

pub mod search;

use crate::Lang;
use crate::catalogue::search::{Bits, Field, Highlight, TextIndex, TextMatch};
use crate::record::geo::Region;
use crate::record::practice::CatalogueEntry;
use crate::record::vocabulary::*;
use crate::text::{fold, query_words};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// A dimension the catalogue can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Region,
    EntityType,
    ServiceType,
    UserArea,
    TargetGroup,
    InterventionArea,
    InnovationTag,
    Tool,
    DeliveryMode,
    Continuation,
    Status,
    StartYear,
    /// Declared adopted by other bodies, or not yet.
    Adoption,
    /// Confirmed, or "da aggiornare".
    Upkeep,
}

impl Facet {
    /// Every facet, in the order the page shows them.
    pub const ALL: [Facet; 14] = [
        Facet::InnovationTag,
        Facet::Region,
        Facet::EntityType,
        Facet::ServiceType,
        Facet::UserArea,
        Facet::TargetGroup,
        Facet::InterventionArea,
        Facet::Tool,
        Facet::DeliveryMode,
        Facet::Continuation,
        Facet::Status,
        Facet::StartYear,
        Facet::Adoption,
        Facet::Upkeep,
    ];

    /// The facet's name in URLs (`?regione=16`).
    pub const fn url_key(self) -> &'static str {
        match self {
            Facet::Region => "regione",
            Facet::EntityType => "ente",
            Facet::ServiceType => "tipologia",
            Facet::UserArea => "utenza",
            Facet::TargetGroup => "destinatari",
            Facet::InterventionArea => "intervento",
            Facet::InnovationTag => "innovazione",
            Facet::Tool => "strumento",
            Facet::DeliveryMode => "modalita",
            Facet::Continuation => "prosegue",
            Facet::Status => "stato",
            Facet::StartYear => "anno",
            Facet::Adoption => "adottata",
            Facet::Upkeep => "aggiornamento",
        }
    }

    /// The facet with this URL name.
    pub fn from_url_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.url_key() == key)
    }

    /// What people read as the facet's heading.
    pub const fn label(self, lang: Lang) -> &'static str {
        let (it, en) = match self {
            Facet::Region => ("Regione", "Region"),
            Facet::EntityType => ("Tipo di ente", "Type of body"),
            Facet::ServiceType => ("Tipologia", "Type of service"),
            Facet::UserArea => ("Aree di utenza", "User areas"),
            Facet::TargetGroup => ("Destinatari", "Target groups"),
            Facet::InterventionArea => ("Area di intervento", "Intervention area"),
            Facet::InnovationTag => ("Innovazioni", "Innovations"),
            Facet::Tool => ("Strumenti", "Tools"),
            Facet::DeliveryMode => ("Modalità di erogazione", "Delivery modes"),
            Facet::Continuation => ("Prosegue dopo l'emergenza", "Continues after the emergency"),
            Facet::Status => ("Stato", "Status"),
            Facet::StartYear => ("Anno di avvio", "Start year"),
            Facet::Adoption => ("Adozioni", "Adoptions"),
            Facet::Upkeep => ("Aggiornamento", "Upkeep"),
        };
        match lang {
            Lang::It => it,
            Lang::En => en,
        }
    }

    /// The label of one of the facet's values.
    pub fn value_label(self, code: &str, lang: Lang) -> String {
        fn label<T: Copy>(
            from: fn(&str) -> Option<T>,
            label: fn(T, Lang) -> &'static str,
            code: &str,
            lang: Lang,
        ) -> String {
            from(code).map_or_else(|| code.to_owned(), |v| label(v, lang).to_owned())
        }
        match self {
            Facet::Region => label(Region::from_code, Region::label, code, lang),
            Facet::EntityType => label(EntityType::from_code, EntityType::label, code, lang),
            Facet::ServiceType => label(ServiceType::from_code, ServiceType::label, code, lang),
            Facet::UserArea => label(UserArea::from_code, UserArea::label, code, lang),
            Facet::TargetGroup => label(TargetGroup::from_code, TargetGroup::label, code, lang),
            Facet::InterventionArea => label(InterventionArea::from_code, InterventionArea::label, code, lang),
            Facet::InnovationTag => label(InnovationTag::from_code, InnovationTag::label, code, lang),
            Facet::Tool => label(Tool::from_code, Tool::label, code, lang),
            Facet::DeliveryMode => label(DeliveryMode::from_code, DeliveryMode::label, code, lang),
            Facet::Continuation => label(Continuation::from_code, Continuation::label, code, lang),
            Facet::Status => label(PracticeStatus::from_code, PracticeStatus::label, code, lang),
            Facet::StartYear => code.to_owned(),
            Facet::Adoption | Facet::Upkeep => {
                let (it, en) = match code {
                    ADOPTED => ("Adottata da altri enti", "Adopted by other bodies"),
                    NOT_ADOPTED => ("Non ancora adottata", "Not adopted yet"),
                    STALE => ("Da aggiornare", "Needs updating"),
                    CONFIRMED => ("Confermata", "Confirmed"),
                    other => (other, other),
                };
                (if lang == Lang::En { en } else { it }).to_owned()
            }
        }
    }

    /// One active filter as people read it: "Regione: Puglia".
    pub fn filter_label(self, code: &str, lang: Lang) -> String {
        format!("{}: {}", self.label(lang), self.value_label(code, lang))
    }

    /// The facet's values of one practice, as codes.
    pub fn values(self, e: &CatalogueEntry) -> Vec<String> {
        fn codes<T: Copy>(items: &[T], code: fn(T) -> &'static str) -> Vec<String> {
            items.iter().map(|&i| code(i).to_owned()).collect()
        }
        match self {
            Facet::Region => vec![e.region_code.code().to_owned()],
            Facet::EntityType => vec![e.entity_type.code().to_owned()],
            Facet::ServiceType => vec![e.service_type.code().to_owned()],
            Facet::UserArea => codes(&e.user_areas, UserArea::code),
            Facet::TargetGroup => codes(&e.target_groups, TargetGroup::code),
            Facet::InterventionArea => codes(&e.intervention_areas, InterventionArea::code),
            Facet::InnovationTag => codes(&e.innovation_tags, InnovationTag::code),
            Facet::Tool => codes(&e.tools, Tool::code),
            Facet::DeliveryMode => codes(&e.delivery_modes, DeliveryMode::code),
            Facet::Continuation => vec![e.continue_after_emergency.code().to_owned()],
            Facet::Status => vec![e.status.code().to_owned()],
            Facet::StartYear => vec![e.start_date.year().to_string()],
            Facet::Adoption => vec![(if !e.adopted_in.is_empty() { ADOPTED } else { NOT_ADOPTED }).to_owned()],
            Facet::Upkeep => vec![(if e.stale { STALE } else { CONFIRMED }).to_owned()],
        }
    }
}

/// The values of `Facet::Adoption` and `Facet::Upkeep`.
pub const ADOPTED: &str = "si";
pub const NOT_ADOPTED: &str = "no";
pub const STALE: &str = "da_aggiornare";
pub const CONFIRMED: &str = "confermata";

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
mod tests {
    use super::*;
    use crate::record::practice::{PracticeId, YearMonth};
    use proptest::prelude::*;

    fn entry(i: u32, title: &str, summary: &str, region: Region, tags: &[InnovationTag], year: u16) -> CatalogueEntry {
        CatalogueEntry {
            id: PracticeId::new(2020, i),
            demo: false,
            title: title.into(),
            summary: summary.into(),
            entity_type: if i.is_multiple_of(2) { EntityType::Comune } else { EntityType::AmbitoTerritorialeSociale },
            entity_name: format!("Ente numero {i}"),
            region_code: region,
            service_type: [ServiceType::Nuovo, ServiceType::Rafforzato, ServiceType::Misto][i as usize % 3],
            status: PracticeStatus::Attiva,
            start_date: YearMonth::new(year, 3).unwrap(),
            // Classifications whose labels hold none of the words searched here.
            user_areas: vec![UserArea::Dipendenze],
            target_groups: vec![],
            intervention_areas: vec![],
            innovation_tags: tags.to_vec(),
            tools: vec![],
            delivery_modes: vec![],
            continue_after_emergency: Continuation::Si,
            published_at: format!("2020-05-{:02}T10:00:00Z", 1 + i % 28),
            places: String::new(),
            terms: String::new(),
            adopted_in: vec![],
            stale: false,
        }
    }

    fn sample() -> CatalogueIndex {
        CatalogueIndex::new(
            vec![
                entry(
                    1,
                    "Telefonate agli anziani soli",
                    "Chiamate settimanali in città",
                    Region::Puglia,
                    &[InnovationTag::RaggiungerePersoneIsolate],
                    2020,
                ),
                entry(
                    2,
                    "Buoni spesa online",
                    "Perché l'anziano non esca di casa",
                    Region::Puglia,
                    &[InnovationTag::StrumentiDigitali],
                    2021,
                ),
                entry(
                    3,
                    "Pasti a domicilio",
                    "Consegne per gli anziani",
                    Region::Toscana,
                    &[InnovationTag::ConsegneDomicilio, InnovationTag::RaggiungerePersoneIsolate],
                    2020,
                ),
                entry(
                    4,
                    "Sportello digitale",
                    "Informazioni sui servizi",
                    Region::Lazio,
                    &[InnovationTag::StrumentiDigitali],
                    2020,
                ),
            ],
            Lang::It,
        )
    }

    fn titles(index: &CatalogueIndex, query: &Query) -> Vec<String> {
        index.query(query).matches.iter().map(|&i| index.entries()[i].title.clone()).collect()
    }

    fn text(q: &str) -> Query {
        Query { text: q.into(), page: 1, ..Query::default() }
    }

    #[test]
    fn search_finds_word_forms_labels_and_names_ranked_by_relevance() {
        let index = sample();
        let cases: [(&str, &[&str]); 12] = [
            ("citta", &["Telefonate agli anziani soli"]),
            ("CITTÀ", &["Telefonate agli anziani soli"]),
            ("perche", &["Buoni spesa online"]),
            // The title first (by stem), then the summaries: "anziano" exactly before "anziani" by stem.
            ("anziano", &["Telefonate agli anziani soli", "Buoni spesa online", "Pasti a domicilio"]),
            ("dell'anziano", &["Telefonate agli anziani soli", "Buoni spesa online", "Pasti a domicilio"]),
            ("tele", &["Telefonate agli anziani soli"]),
            ("puglia", &["Buoni spesa online", "Telefonate agli anziani soli"]),
            ("digitali", &["Sportello digitale", "Buoni spesa online"]),
            ("isolate", &["Pasti a domicilio", "Telefonate agli anziani soli"]),
            ("ente numero 4", &["Sportello digitale"]),
            ("telefonatte", &["Telefonate agli anziani soli"]),
            ("nulla di simile", &[]),
        ];
        for (q, expected) in cases {
            assert_eq!(titles(&index, &text(q)), expected, "{q}");
        }
        assert_eq!(index.query(&text("telefonatte")).corrected.as_deref(), Some("telefonate"));
        assert_eq!(index.query(&text("anziano")).corrected, None);
    }

    #[test]
    fn labels_are_searched_in_the_language_of_the_page() {
        let entries = sample().entries().to_vec();
        let english = CatalogueIndex::new(entries.clone(), Lang::En);
        assert_eq!(titles(&english, &text("digital tools")), ["Sportello digitale", "Buoni spesa online"]);
        let italian = CatalogueIndex::new(entries, Lang::It);
        assert!(titles(&italian, &text("digital tools")).is_empty(), "English labels are not on the Italian page");
        assert_eq!(italian.lang(), Lang::It);
    }

    #[test]
    fn places_are_found_by_name() {
        let mut entries = sample().entries().to_vec();
        entries[3].places = "Piegaro, Città della Pieve, Perugia".into();
        let index = CatalogueIndex::new(entries, Lang::It);
        for q in ["Città della Pieve", "citta della pieve", "Piegaro", "perugia", "pieve"] {
            assert_eq!(titles(&index, &text(q)), ["Sportello digitale"], "{q}");
        }
    }

    #[test]
    fn nothing_found_offers_a_search_that_finds_something() {
        let index = sample();
        let results = index.query(&text("psti"));
        assert_eq!((results.total, results.suggestion.as_deref()), (0, Some("pasti")));
        let mut filtered = text("psti");
        filtered.toggle(Facet::Region, "12");
        assert_eq!(index.query(&filtered).suggestion, None, "pasti finds nothing in Lazio either");
        assert_eq!(index.query(&text("zzzzzz")).suggestion, None);
        assert_eq!(index.query(&text("pasti")).suggestion, None, "found: nothing to suggest");
    }

    #[test]
    fn the_cards_mark_the_matched_words() {
        let index = sample();
        let results = index.query(&text("telefonatte anzian"));
        let marked: Vec<&str> = results
            .highlight
            .marks("Telefonate agli anziani soli")
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(w, _)| w)
            .collect();
        assert_eq!(marked, ["Telefonate", "anziani"]);
    }

    #[test]
    fn facets_or_within_and_across_with_counts_under_the_other_filters() {
        let index = sample();
        let mut query = text("");
        query.toggle(Facet::Region, "16");
        query.toggle(Facet::Region, "09");
        assert_eq!(index.query(&query).total, 3, "Puglia OR Toscana");
        query.toggle(Facet::InnovationTag, "raggiungere_persone_isolate");
        let results = index.query(&query);
        assert_eq!(results.total, 2, "(Puglia OR Toscana) AND isolated people");
        let regions = results.facets.iter().find(|f| f.facet == Facet::Region).unwrap();
        let count = |code: &str| regions.values.iter().find(|v| v.code == code).map(|v| v.count);
        assert_eq!(count("16"), Some(1), "Puglia under the tag filter only");
        assert_eq!(count("12"), Some(0), "Lazio has no practice with the tag");
        let tags = results.facets.iter().find(|f| f.facet == Facet::InnovationTag).unwrap();
        let digital = tags.values.iter().find(|v| v.code == "strumenti_digitali").unwrap();
        assert_eq!((digital.count, digital.selected), (1, false), "counts ignore the facet's own selection");
    }

    #[test]
    fn queries_round_trip_through_the_url() {
        let mut query = text("anziani soli");
        query.toggle(Facet::Region, "16");
        query.toggle(Facet::Region, "09");
        query.toggle(Facet::Tool, "telefono");
        query.sort = Some(Sort::Title);
        query.page = 3;
        let pairs = query.to_pairs();
        assert_eq!(
            pairs,
            [
                ("q", "anziani soli".to_owned()),
                ("regione", "09,16".to_owned()),
                ("strumento", "telefono".to_owned()),
                ("ordina", "titolo".to_owned()),
                ("pagina", "3".to_owned())
            ]
        );
        let back = Query::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, query);
        let repeated = Query::from_pairs([("regione", "16"), ("regione", "09"), ("pagina", "-2"), ("nonsense", "x")]);
        assert_eq!(repeated.filters[&Facet::Region].len(), 2);
        assert_eq!(repeated.page, 1, "a bad page number is the first page");
    }

    #[test]
    fn related_practices_share_tags_and_areas() {
        let index = sample();
        let related: Vec<&str> = related(index.entries(), "BP-2020-0001", 5).iter().map(|e| e.title.as_str()).collect();
        assert_eq!(related[0], "Pasti a domicilio", "shares the innovation tag");
        assert!(!related.contains(&"Telefonate agli anziani soli"), "never itself");
        assert!(super::related(index.entries(), "BP-2099-0001", 3).is_empty());
    }

    #[test]
    fn statistics_count_the_selected_practices() {
        let index = sample();
        let mut query = text("");
        query.toggle(Facet::Region, "16");
        let results = index.query(&query);
        let stats = Statistics::of(results.matches.iter().map(|&i| &index.entries()[i]));
        assert_eq!(stats.total, 2);
        assert_eq!(stats.by_region.get(&Region::Puglia), Some(&2));
        assert_eq!(stats.by_region.get(&Region::Toscana), None);
        assert_eq!(stats.by_start_month.get("2021-03"), Some(&1));
        assert_eq!(stats.by_service_type.values().sum::<usize>(), 2, "one type each");
    }

    #[test]
    fn statistics_count_adoptions_where_the_adopting_body_is() {
        let mut entries = sample().entries().to_vec();
        // A Puglia practice taken up in Lazio and in Puglia, a Toscana one in Lazio.
        entries[0].adopted_in = vec![Region::Lazio, Region::Puglia];
        entries[2].adopted_in = vec![Region::Lazio];
        let stats = Statistics::of(&entries);
        assert_eq!(stats.adoptions_by_region.get(&Region::Lazio), Some(&2));
        assert_eq!(stats.adoptions_by_region.get(&Region::Puglia), Some(&1));
        assert_eq!(stats.adoptions_by_region.get(&Region::Toscana), None, "the practice's own region is not counted");
        assert_eq!(stats.by_region.get(&Region::Lazio), Some(&1), "practices are still counted where they started");
        let selected = Statistics::of(&entries[1..]);
        assert_eq!(
            selected.adoptions_by_region.get(&Region::Lazio),
            Some(&1),
            "only the selected practices' adoptions"
        );
    }

    #[test]
    fn sorting_and_pages() {
        let index = sample();
        let mut query = text("");
        query.sort = Some(Sort::Title);
        assert_eq!(
            titles(&index, &query),
            ["Buoni spesa online", "Pasti a domicilio", "Sportello digitale", "Telefonate agli anziani soli"]
        );
        assert_eq!(text("").effective_sort(), Sort::Recent);
        assert_eq!(text("anziani").effective_sort(), Sort::Relevance);
        let results = index.query(&text(""));
        assert_eq!((results.pages(), results.page(1).len(), results.page(2).len()), (1, 4, 0));
        assert_eq!(text("dell'").effective_sort(), Sort::Recent, "no search word");
    }

    /// The naive answer: check every practice against every condition, with
    /// the matching rules written out plainly (the edit distance by its table).
    fn naive(entries: &[CatalogueEntry], query: &Query) -> (BTreeSet<usize>, BTreeMap<(Facet, String), usize>) {
        use crate::catalogue::search::{light_stem, stem, tests::distance, typo_budget};
        let words: Vec<Vec<String>> = entries
            .iter()
            .map(|e| searched_fields(e, Lang::It).into_iter().flat_map(|(_, t)| crate::text::index_words(t)).collect())
            .collect();
        let query_words = query_words(&query.text);
        let last = query_words.len().saturating_sub(1);
        let plain = |j: usize, w: &str| {
            let q = query_words[j].as_str();
            w == q || stem(w) == stem(q) || light_stem(w) == light_stem(q) || (j == last && w.starts_with(q))
        };
        // A word found nowhere by those rules is matched with typos.
        let typos: Vec<bool> = (0..query_words.len()).map(|j| !words.iter().flatten().any(|w| plain(j, w))).collect();
        let text_matches: Vec<bool> = words
            .iter()
            .map(|words| {
                (0..query_words.len()).all(|j| {
                    let budget = typo_budget(query_words[j].chars().count());
                    words
                        .iter()
                        .any(|w| plain(j, w) || (typos[j] && budget > 0 && distance(w, &query_words[j]) <= budget))
                })
            })
            .collect();
        let text_ok = |e: &CatalogueEntry| {
            let i = entries.iter().position(|x| std::ptr::eq(x, e)).expect("one of the entries");
            text_matches[i]
        };
        let facet_ok = |e: &CatalogueEntry, facet: Facet, codes: &BTreeSet<String>| {
            facet.values(e).iter().any(|v| codes.contains(v))
        };
        let matches = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| text_ok(e) && query.filters.iter().all(|(f, codes)| facet_ok(e, *f, codes)))
            .map(|(i, _)| i)
            .collect();
        let mut counts = BTreeMap::new();
        for facet in Facet::ALL {
            for e in entries
                .iter()
                .filter(|e| text_ok(e) && query.filters.iter().all(|(f, c)| *f == facet || facet_ok(e, *f, c)))
            {
                for code in facet.values(e).into_iter().collect::<BTreeSet<_>>() {
                    *counts.entry((facet, code)).or_default() += 1;
                }
            }
        }
        (matches, counts)
    }

    const WORDS: [&str; 12] = [
        "anziani",
        "anziano",
        "città",
        "spesa",
        "telefono",
        "l'ascolto",
        "perché",
        "domicilio",
        "rete",
        "didattici",
        "psicologico",
        "sant'angelo",
    ];

    fn arb_entry() -> impl Strategy<Value = CatalogueEntry> {
        (
            0u32..1000,
            prop::collection::vec(0..WORDS.len(), 1..4),
            prop::collection::vec(0..WORDS.len(), 0..4),
            0..Region::ALL.len(),
            prop::collection::vec(0..InnovationTag::ALL.len(), 1..3),
            2020u16..2023,
        )
            .prop_map(|(i, title, summary, region, tags, year)| {
                let title: Vec<&str> = title.into_iter().map(|w| WORDS[w]).collect();
                let summary: Vec<&str> = summary.into_iter().map(|w| WORDS[w]).collect();
                let tags: Vec<InnovationTag> = tags.into_iter().map(|t| InnovationTag::ALL[t]).collect();
                entry(i, &title.join(" "), &summary.join(" "), Region::ALL[region], &tags, year)
            })
    }

    fn arb_query() -> impl Strategy<Value = Query> {
        (
            prop::collection::vec((0..WORDS.len(), 1usize..13, 0usize..4, 0usize..12), 0..3),
            prop::collection::vec(0..Region::ALL.len(), 0..3),
            prop::collection::vec(0..InnovationTag::ALL.len(), 0..3),
            prop::option::of(2020u16..2023),
        )
            .prop_map(|(words, regions, tags, year)| {
                // Each query word: a prefix, the whole word, or the word with
                // one letter dropped or two neighbours swapped (a typo).
                let text = words
                    .into_iter()
                    .map(|(w, len, form, at)| {
                        let mut word: Vec<char> = fold(WORDS[w]).chars().collect();
                        let at = at % word.len();
                        match form {
                            0 => word.truncate(len),
                            1 => {}
                            2 => {
                                word.remove(at);
                            }
                            _ => {
                                let next = (at + 1) % word.len();
                                word.swap(at, next);
                            }
                        }
                        word.into_iter().collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                let mut query = Query { text, page: 1, ..Query::default() };
                for r in regions {
                    query.filters.entry(Facet::Region).or_default().insert(Region::ALL[r].code().to_owned());
                }
                for t in tags {
                    query
                        .filters
                        .entry(Facet::InnovationTag)
                        .or_default()
                        .insert(InnovationTag::ALL[t].code().to_owned());
                }
                if let Some(year) = year {
                    query.filters.entry(Facet::StartYear).or_default().insert(year.to_string());
                }
                query
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Results and every facet count equal a naive filter over the data.
        #[test]
        fn the_index_agrees_with_a_naive_filter(entries in prop::collection::vec(arb_entry(), 0..70), query in arb_query()) {
            let index = CatalogueIndex::new(entries.clone(), Lang::It);
            let results = index.query(&query);
            let (expected, counts) = naive(&entries, &query);
            let found: BTreeSet<usize> = results.matches.iter().copied().collect();
            prop_assert_eq!(&found, &expected);
            prop_assert_eq!(results.total, expected.len());
            prop_assert_eq!(results.matches.len(), expected.len(), "no duplicates");
            for facet in &results.facets {
                for value in &facet.values {
                    let want = counts.get(&(facet.facet, value.code.clone())).copied().unwrap_or(0);
                    prop_assert_eq!(value.count, want, "{:?} {}", facet.facet, value.code);
                }
            }
        }
    }
}
