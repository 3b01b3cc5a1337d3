// SPDX-License-Identifier: EUPL-1.2
//! The catalogue's search as people type it, in headless Chromium: Italian
//! word forms, typos with their correction shown, elided articles,
//! apostrophes, places named only through the Comune picker, classification
//! labels, relevance, the marked words on the cards, "Forse cercavi", and a
//! download of the searched view that equals the rows on screen.

use domain::record::vocabulary::{InnovationTag, ModerationStatus};
use e2e::{Browser, TestServer, dist_dir};
use fantoccini::Locator;

const KIT: &str = "Kit di materiali per i ragazzi delle medie";
const LISTENING: &str = "Ascolto psicologico al telefono";

/// Two published practices beside the demo ones: one whose only mention of
/// distance learning is its classification and whose Comuni are only codes,
/// one in Sant'Angelo Lodigiano with the words of the issue in its summary.
async fn seed(server: &TestServer) {
    let base = server::demo::practices().remove(0);
    let kit = domain::Practice {
        title: KIT.into(),
        summary: "Materiali didattici stampati e consegnati alle famiglie senza connessione.".into(),
        description: "Le scuole e il servizio sociale hanno preparato i kit insieme.".into(),
        need_addressed: "Molti ragazzi non avevano un computer.".into(),
        results: None,
        entity_name: "Unione dei Comuni del Trasimeno".into(),
        region_code: domain::record::geo::Region::Umbria,
        comune_codes: ["054012", "054040"]
            .iter()
            .filter_map(|c| domain::record::geo::ComuneCode::parse(c).ok())
            .collect(),
        innovation_tags: vec![InnovationTag::DidatticaDistanzaMinori],
        ..base.clone()
    };
    let listening = domain::Practice {
        title: LISTENING.into(),
        summary: "Perché nessuno resti solo: telefonate di sostegno dell'équipe dell'anziano fragile.".into(),
        description: "Uno psicologo richiama ogni settimana chi ha chiesto aiuto.".into(),
        need_addressed: "L'isolamento pesava sulla salute mentale.".into(),
        results: None,
        entity_name: "Comune di Sant'Angelo Lodigiano".into(),
        region_code: domain::record::geo::Region::Lombardia,
        comune_codes: domain::record::geo::ComuneCode::parse("098050").into_iter().collect(),
        innovation_tags: vec![InnovationTag::SupportoPsicologicoAscolto],
        ..base
    };
    for answer in [kit, listening] {
        server.seed(answer, ModerationStatus::Pubblicata).await;
    }
}

async fn titles(b: &Browser) -> Vec<String> {
    let mut titles = Vec::new();
    for heading in b.client.find_all(Locator::Css("[data-testid='practice-list'] article h2")).await.unwrap() {
        titles.push(heading.text().await.unwrap());
    }
    titles
}

/// Clears the search box and types `text` into it, key by key.
async fn search_for(b: &Browser, text: &str) {
    let search = b.labelled("Cerca nelle pratiche").await;
    search.clear().await.unwrap();
    for c in text.chars() {
        search.send_keys(&c.to_string()).await.unwrap();
    }
}

/// Waits until the cards include `title` (and the view shows `q`).
async fn wait_for_title(b: &Browser, q: &str, title: &str) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let now = titles(b).await;
        if now.iter().any(|t| t == title) {
            return now;
        }
        assert!(std::time::Instant::now() < deadline, "{q:?}: expected {title:?} among {now:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn text_of(b: &Browser, css: &str) -> String {
    b.wait_for(Locator::Css(css)).await.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_box_finds_what_people_type() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    seed(&server).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    b.wait_for(Locator::Css("[data-testid='practice-list']")).await;

    let cases = [
        ("anziano", LISTENING, "the singular finds the plural and the singular"),
        ("didattica", KIT, "the classification's label, and didattici by stem"),
        ("perche", LISTENING, "without the accent"),
        ("dell'anziano", LISTENING, "the elided article is no search word"),
        ("Sant'Angelo", LISTENING, "with the apostrophe"),
        ("santangelo", LISTENING, "as one word"),
        ("Città della Pieve", KIT, "a Comune chosen in the picker, by name"),
        ("perugia", KIT, "its province"),
        ("psicolgico", LISTENING, "one letter missing"),
    ];
    for (q, title, why) in cases {
        search_for(&b, q).await;
        let found = wait_for_title(&b, q, title).await;
        assert!(!found.is_empty(), "{q}: {why}");
    }
    // The typo's correction is said, and the matched word is marked on the card.
    assert_eq!(text_of(&b, ".search-correction").await, "Risultati anche per: psicologico");
    let marked = b.client.find(Locator::XPath(&format!("//article[.//h2[.='{LISTENING}']]//h2//mark"))).await.unwrap();
    assert_eq!(marked.text().await.unwrap(), "psicologico");
    b.screenshots("search-typo").await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "axe-core on a corrected search with marks: {violations:#?}");

    // Relevance: the practice with the word in its title comes first.
    search_for(&b, "ascolto psicologico").await;
    let found = wait_for_title(&b, "ascolto psicologico", LISTENING).await;
    assert_eq!(found[0], LISTENING, "{found:?}");
    assert_eq!(text_of(&b, ".search-correction").await, "", "no correction when every word is found");

    // The download of this searched view holds the rows on screen, in their order.
    search_for(&b, "anziano").await;
    wait_for_title(&b, "anziano", LISTENING).await;
    let rows = b.downloaded_titles().await;
    let on_screen = titles(&b).await;
    assert_eq!(rows[..on_screen.len()], on_screen[..], "the download is the view, in relevance order");

    // Nothing found: "Forse cercavi", and its link shows what it finds.
    search_for(&b, "kti").await;
    let suggestion = b.wait_for(Locator::XPath("//p[@class='suggestion']/a")).await;
    assert_eq!(text_of(&b, ".suggestion").await, "Forse cercavi kit?");
    assert_eq!(text_of(&b, "[data-testid='result-count']").await, "Nessuna pratica trovata.");
    b.screenshots("search-suggestion").await;
    suggestion.click().await.unwrap();
    wait_for_title(&b, "kit", KIT).await;
    assert_eq!(b.labelled("Cerca nelle pratiche").await.prop("value").await.unwrap().as_deref(), Some("kit"));

    // In English, the English labels are searched.
    b.client.find(Locator::XPath("//button[@lang='en']")).await.unwrap().click().await.unwrap();
    b.wait_for(Locator::XPath("//label[normalize-space(.)='Search the practices']")).await;
    let search = b.labelled("Search the practices").await;
    search.clear().await.unwrap();
    search.send_keys("distance learning").await.unwrap();
    wait_for_title(&b, "distance learning", KIT).await;
    b.assert_no_console_errors().await;
    b.close().await;
}

/// A keyboard user reaches the search box before the filters, on a desktop
/// (where the filters are drawn to its left) as on a phone.
#[tokio::test(flavor = "multi_thread")]
async fn the_search_box_comes_before_the_filters_in_the_tab_order() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    for width in [1280, 375] {
        b.client.set_window_size(width, 900).await.unwrap();
        b.client.goto(&format!("{}/catalogo", server.base)).await.unwrap();
        b.wait_for(Locator::Css("[data-testid='result-count']")).await;
        let mut stops = Vec::new();
        for _ in 0..30 {
            b.client.active_element().await.unwrap().send_keys(&e2e::key(fantoccini::key::Key::Tab)).await.unwrap();
            let script = "const a = document.activeElement; return (a.labels && a.labels[0] ? a.labels[0].textContent : a.textContent).trim()";
            let stop = b.client.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_owned();
            let is_search = stop == "Cerca nelle pratiche";
            stops.push(stop);
            if is_search {
                break;
            }
        }
        assert_eq!(stops.last().map(String::as_str), Some("Cerca nelle pratiche"), "at {width} px: {stops:?}");
        let checkboxes = b.client.find_all(Locator::Css(".catalogue-facets input[type='checkbox']")).await.unwrap();
        assert!(!checkboxes.is_empty());
        assert!(stops.len() < 12, "at {width} px the search is among the first stops: {stops:?}");
    }
    b.screenshots("catalogo-ricerca-prima").await;
    b.close().await;
}
