// SPDX-License-Identifier: EUPL-1.2
//! The query engine's tests: search, facets, sorting, pages, URLs.

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
        source: None,
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
    assert_eq!(selected.adoptions_by_region.get(&Region::Lazio), Some(&1), "only the selected practices' adoptions");
}

#[test]
fn the_catalogue_is_filtered_by_source() {
    let mut entries = sample().entries().to_vec();
    entries[1].source = Some("Regione Umbria, servizi sociali".into());
    let index = CatalogueIndex::new(entries, Lang::It);
    let of = |pairs: &[(&str, &str)]| index.query(&Query::from_pairs(pairs.iter().copied())).matches.len();
    assert_eq!(of(&[("fonte", "Regione Umbria  servizi sociali")]), 1, "the name, its commas made spaces");
    assert_eq!(of(&[("fonte", super::facets::OWN)]), 3);
    assert_eq!(Facet::Source.value_label(super::facets::OWN, Lang::It), "Questa raccolta");
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
                words.iter().any(|w| plain(j, w) || (typos[j] && budget > 0 && distance(w, &query_words[j]) <= budget))
            })
        })
        .collect();
    let text_ok = |e: &CatalogueEntry| {
        let i = entries.iter().position(|x| std::ptr::eq(x, e)).expect("one of the entries");
        text_matches[i]
    };
    let facet_ok =
        |e: &CatalogueEntry, facet: Facet, codes: &BTreeSet<String>| facet.values(e).iter().any(|v| codes.contains(v));
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
                query.filters.entry(Facet::InnovationTag).or_default().insert(InnovationTag::ALL[t].code().to_owned());
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
