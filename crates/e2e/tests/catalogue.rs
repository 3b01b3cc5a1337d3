// SPDX-License-Identifier: EUPL-1.2
//! End-to-end tests of the public catalogue and practice pages, over the
//! demo practices, in headless Chromium.

use e2e::{Browser, TestServer, dist_dir};
use fantoccini::Locator;

async fn titles(b: &Browser) -> Vec<String> {
    let mut titles = Vec::new();
    for heading in b.client.find_all(Locator::Css("[data-testid='practice-list'] article h2")).await.unwrap() {
        titles.push(heading.text().await.unwrap());
    }
    titles
}

async fn count(b: &Browser) -> String {
    b.client.find(Locator::Css("[data-testid='result-count']")).await.unwrap().text().await.unwrap()
}

/// Waits until the result count reads `expected`; says what it read instead.
async fn wait_for_count(b: &Browser, expected: &str) {
    b.wait_for(Locator::Css("[data-testid='result-count']")).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let now = count(b).await;
        if now == expected {
            return;
        }
        let url = b.client.current_url().await.unwrap();
        assert!(std::time::Instant::now() < deadline, "expected {expected:?}, the page says {now:?} at {url}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The facet checkbox whose label starts with `name` (labels end with the count).
async fn facet(b: &Browser, name: &str) -> fantoccini::elements::Element {
    let xpath = format!("//aside//label[starts-with(normalize-space(.), '{name} (')]");
    let label = b.wait_for(Locator::XPath(&xpath)).await;
    let id = label.attr("for").await.unwrap().unwrap();
    b.client.find(Locator::Id(&id)).await.unwrap()
}

async fn assert_accessible(b: &Browser, page: &str) {
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "axe-core finds WCAG 2.1 A/AA violations on {page}: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn search_and_two_facets_give_the_expected_practices_and_live_in_the_url() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    search_and_facets(&server.base, true).await;
}

/// The published static folder on a plain static file server (no API, no
/// fallback but a `404.html`, as static hosts offer) passes the same tests.
#[tokio::test(flavor = "multi_thread")]
async fn the_static_publication_passes_the_catalogue_tests() {
    let site = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (database, dist) = (data.path().join("publish.sqlite"), dist_dir());
    let config = server::config::Config::from_flags([
        "--listen=127.0.0.1:0",
        "--demo",
        format!("--database={}", database.display()).as_str(),
        format!("--static-dir={}", dist.display()).as_str(),
        "--public-url=https://buonepratiche.example.org",
        "--questionnaire-url=https://buonepratiche.example.org/questionario",
        "--security-contact=sicurezza@buonepratiche.example.org",
    ])
    .unwrap();
    server::publish::publish_static(&config, site.path()).await.unwrap();
    // Every page of the copy is drawn in its HTML (a drawing that failed
    // leaves the frame empty), the questionnaire's link to the main site too.
    for page in ["404.html", "catalogo/index.html", "questionario/index.html", "statistiche/index.html"] {
        let html = std::fs::read_to_string(site.path().join(page)).unwrap();
        assert!(!html.contains(r#"data-frame=""></div>"#), "{page} is drawn");
    }
    let questionnaire = std::fs::read_to_string(site.path().join("questionario/index.html")).unwrap();
    assert!(questionnaire.contains(r#"<a href="https://buonepratiche.example.org/questionario""#), "{questionnaire}");
    let files = tower_http::services::ServeDir::new(site.path())
        .not_found_service(tower_http::services::ServeFile::new(site.path().join("404.html")));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, axum::Router::new().fallback_service(files)).await.unwrap() });
    search_and_facets(&base, false).await;
    practice_page(&base).await;
    let bytes = reqwest::get(format!("{base}/opendata/buone-pratiche.csv")).await.unwrap().bytes().await.unwrap();
    let csv = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(csv.starts_with("\u{feff}id,demo,published_at"), "open data beside the app, with the BOM Excel needs");
    assert!(!csv.contains("referente1@example.org"), "only public fields");
    let security = reqwest::get(format!("{base}/.well-known/security.txt")).await.unwrap().text().await.unwrap();
    assert!(security.contains("\nContact: mailto:sicurezza@buonepratiche.example.org\n"), "{security}");
    assert!(security.contains("\nCanonical: https://buonepratiche.example.org/.well-known/security.txt\n"));
    let feed = reqwest::get(format!("{base}/opendata/feed.atom")).await.unwrap().text().await.unwrap();
    assert!(feed.contains("https://buonepratiche.example.org/pratiche/BP-"), "permalinks on the public address");

    // The static copy cannot take answers: its questionnaire page links to the main site.
    let b = Browser::start().await;
    b.client.goto(&format!("{base}/questionario")).await.unwrap();
    let link = b.wait_for(Locator::XPath("//main//a[normalize-space(.)='Vai al questionario']")).await;
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("https://buonepratiche.example.org/questionario"));
    // Statistics and embed views work from the static folder too.
    b.client.goto(&format!("{base}/statistiche?regione=16")).await.unwrap();
    b.wait_for(Locator::XPath("//p[@role='status'][starts-with(normalize-space(.), '3 pratiche considerate')]")).await;
    b.client.goto(&format!("{base}/embed/catalogo?regione=16")).await.unwrap();
    wait_for_count(&b, "3 pratiche trovate").await;
    assert!(b.client.find_all(Locator::Css("header")).await.unwrap().is_empty());
    b.close().await;
}

async fn search_and_facets(base: &str, api: bool) {
    let b = Browser::start().await;
    b.client.goto(&format!("{base}/catalogo")).await.unwrap();
    wait_for_count(&b, &format!("{} pratiche trovate", server::demo::practices().len())).await;

    facet(&b, "Toscana").await.send_keys(" ").await.unwrap();
    wait_for_count(&b, "3 pratiche trovate").await;
    facet(&b, "Raggiungere persone e famiglie isolate").await.send_keys(" ").await.unwrap();
    wait_for_count(&b, "2 pratiche trovate").await;
    let mut two = titles(&b).await;
    two.sort();
    assert_eq!(
        two,
        ["Mediazione culturale telefonica per famiglie straniere", "Telefonate proattive agli anziani che vivono soli"]
    );
    let search = b.labelled("Cerca nelle pratiche").await;
    search.send_keys("anziàni").await.unwrap();
    wait_for_count(&b, "1 pratica trovata").await;
    assert_eq!(titles(&b).await, ["Telefonate proattive agli anziani che vivono soli"]);
    assert_accessible(&b, "the filtered catalogue").await;

    // The CSV of this view holds exactly the rows on screen (with the API).
    if api {
        assert_eq!(b.downloaded_titles().await, titles(&b).await, "the download is the view");
    }

    let url = b.client.current_url().await.unwrap();
    let query = url.query().unwrap_or_default().to_owned();
    assert!(query.contains("regione=09") && query.contains("innovazione=raggiungere_persone_isolate"), "{query}");
    assert!(query.contains("q=anzi"), "{query}");

    // The same link in a fresh page shows the same view.
    b.client.goto(url.as_str()).await.unwrap();
    wait_for_count(&b, "1 pratica trovata").await;
    assert_eq!(titles(&b).await, ["Telefonate proattive agli anziani che vivono soli"]);
    assert_eq!(b.labelled("Cerca nelle pratiche").await.prop("value").await.unwrap().as_deref(), Some("anziàni"));
    let chip = b.wait_for(Locator::XPath("//button[@aria-label='Rimuovi il filtro Toscana']")).await;

    // Removing a chip is one step back in history (anziani in Toscana's
    // neighbours too: by title, summary or the user area's label).
    chip.send_keys(" ").await.unwrap();
    wait_for_count(&b, "3 pratiche trovate").await;
    assert!(!b.client.current_url().await.unwrap().as_str().contains("regione="));
    b.client.back().await.unwrap();
    b.wait_for(Locator::XPath("//button[@aria-label='Rimuovi il filtro Toscana']")).await;
    b.client.forward().await.unwrap();
    b.wait_for(Locator::XPath(
        "//ul[contains(@class,'active-filters')][not(.//button[@aria-label='Rimuovi il filtro Toscana'])]",
    ))
    .await;

    // Nothing matches: the page says what to do.
    let search = b.labelled("Cerca nelle pratiche").await;
    search.send_keys(" zzzzqqq").await.unwrap();
    wait_for_count(&b, "Nessuna pratica trovata.").await;
    let empty = b.client.find(Locator::Css(".empty-state")).await.unwrap().text().await.unwrap();
    assert!(empty.contains("togliere un filtro"), "{empty}");
    let _ = count(&b).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_practice_page_shows_public_fields_and_never_a_private_one() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    practice_page(&server.base).await;
}

async fn practice_page(base: &str) {
    let b = Browser::start().await;
    b.client.goto(&format!("{base}/catalogo?q=telesoccorso")).await.unwrap();
    wait_for_count(&b, "1 pratica trovata").await;
    let link =
        b.wait_for(Locator::XPath("//article//h2/a[normalize-space(.)='Telesoccorso esteso a nuovi utenti']")).await;
    link.send_keys(&e2e::key(fantoccini::key::Key::Enter)).await.unwrap();
    b.wait_for_heading("Telesoccorso esteso a nuovi utenti").await;
    let main = b.client.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    for public in [
        "Comune di Trento",
        "Provincia autonoma di Trento",
        "Come citare",
        "Telesoccorso",
        "Pratiche simili",
        "servizi.sociali@example.org",
    ] {
        assert!(main.contains(public), "the page shows {public:?}");
    }
    for private in ["Referente dimostrativo", "@example.org>", "+39 000 000 0000", "Ho letto l'informativa"] {
        assert!(!main.contains(private), "the page must not show {private:?}");
    }
    // The demo referents' addresses (referente1@example.org, ...); the word
    // itself is in "Contatta il referente".
    assert!(!main.contains("referente") || !(1..=99).any(|n| main.contains(&format!("referente{n}@"))));
    let reference = b.client.find(Locator::Css("[data-testid='reference']")).await.unwrap().text().await.unwrap();
    assert!(
        main.contains(&format!("Buone pratiche dei servizi sociali territoriali, {reference}")),
        "how to cite names the reference"
    );
    let json_ld = b.client.find(Locator::Css("script[type='application/ld+json']")).await.unwrap();
    let script = json_ld.prop("innerHTML").await.unwrap().unwrap();
    assert!(!script.contains("<!--"), "nothing but JSON in the script: {script}");
    let json_ld: serde_json::Value = serde_json::from_str(&script).unwrap();
    assert_eq!(json_ld["@type"], "WebPage");
    assert_eq!(json_ld["mainEntity"]["@type"], "GovernmentService");
    assert_eq!(json_ld["mainEntity"]["identifier"], reference.as_str());
    assert_accessible(&b, "a practice page").await;

    b.assert_no_console_errors().await;
    b.client.goto(&format!("{base}/pratiche/BP-1999-0001")).await.unwrap();
    b.wait_for_heading("Pratica non trovata").await;
    b.expect_console_errors("BP-1999-0001").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn statistics_follow_the_catalogue_filters_and_are_accessible() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/statistiche?regione=16", server.base)).await.unwrap();
    b.wait_for_heading("La raccolta in cifre").await;
    b.wait_for(Locator::XPath("//p[@role='status'][starts-with(normalize-space(.), '3 pratiche considerate')]")).await;
    let puglia = b.client.find(Locator::XPath("//table//tr[th[normalize-space(.)='Puglia']]/td")).await.unwrap();
    assert_eq!(puglia.text().await.unwrap(), "3");
    let toscana = b.client.find(Locator::XPath("//table//tr[th[normalize-space(.)='Toscana']]/td")).await.unwrap();
    assert_eq!(toscana.text().await.unwrap(), "0", "filtered like the catalogue");
    let text = b.client.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(text.contains("non è un campione statistico"), "the collection is said to be self-selected");
    assert_accessible(&b, "the statistics page").await;
    b.close().await;
}
