// SPDX-License-Identifier: EUPL-1.2
//! The public pages with JavaScript turned off in Chromium: the server draws
//! them with the app's components, so a visitor without scripts (or whose
//! scripts have not arrived yet) reads the catalogue, pages through it,
//! opens practices, reads the statistics as a table, finds the open data
//! and the legal pages; the questionnaire says plainly that it needs
//! JavaScript.

use e2e::*;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn a_visitor_without_javascript_reads_the_collection() {
    let dist = dist_dir();
    let server = TestServer::start_with_demo(&dist).await;
    let browser = Browser::start().await;
    browser.disable_scripts().await;
    let c = &browser.client;

    c.goto(&format!("{}/", server.base)).await.unwrap();
    c.find(Locator::XPath(&link_named("//nav", "Catalogo"))).await.unwrap().click().await.unwrap();
    let heading = browser.wait_for_drawn(Locator::Css("main h1")).await.text().await.unwrap();
    assert_eq!(heading, "Catalogo delle pratiche");
    let count = browser.wait_for_drawn(Locator::Css("main [data-testid=result-count]")).await;
    let all = count.text().await.unwrap();
    assert!(all.ends_with("pratiche trovate"), "{all}");

    // Filtering: ticking a region and applying the filters (a GET form).
    let region =
        c.find(Locator::XPath("//details[summary[normalize-space(.)='Regione']]//input[@type='checkbox']")).await;
    region.unwrap().click().await.unwrap();
    c.find(Locator::XPath("//button[normalize-space(.)='Applica i filtri']")).await.unwrap().click().await.unwrap();
    browser.wait_for_drawn(Locator::XPath("//main//a[contains(., 'Cancella tutti i filtri')]")).await;
    let filtered = browser.wait_for_drawn(Locator::Css("main [data-testid=result-count]")).await.text().await.unwrap();
    assert!(c.current_url().await.unwrap().as_str().contains("regione="), "the filter is in the address");
    assert_ne!(filtered, all, "fewer practices in one region");
    let chip = c.find(Locator::XPath("//main//a[contains(., 'Cancella tutti i filtri')]")).await;
    chip.unwrap().click().await.unwrap();
    wait_for_address(&browser, |url| !url.contains("regione=")).await;

    // Paging through the results with the page's own links.
    let first_page = first_title(&browser).await;
    c.find(Locator::Css("main .pagination a[rel=next]")).await.unwrap().click().await.unwrap();
    browser.wait_for_drawn(Locator::Css("main .pagination a[rel=prev]")).await;
    assert!(c.current_url().await.unwrap().as_str().contains("pagina=2"));
    assert_ne!(first_title(&browser).await, first_page, "the second page lists other practices");

    // A practice, whole.
    let card = c.find(Locator::Css("main article h2 a")).await.unwrap();
    let title = card.text().await.unwrap();
    card.click().await.unwrap();
    let heading = browser.wait_for_drawn(Locator::Css("main h1")).await.text().await.unwrap();
    assert_eq!(heading, title);
    let page = c.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(page.contains("Come citare") && page.contains("Pratiche simili"), "{page}");

    // The statistics as a table, the open data, the legal pages.
    c.find(Locator::XPath(&link_named("//nav", "Statistiche"))).await.unwrap().click().await.unwrap();
    browser.wait_for_drawn(Locator::Css("main table tbody tr")).await;
    c.find(Locator::XPath(&link_named("//footer", "Dati aperti e licenza CC BY 4.0")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for_drawn(Locator::XPath("//main//a[contains(@href, '.csv')]")).await;
    c.find(Locator::XPath(&link_named("//footer", "Informativa privacy"))).await.unwrap().click().await.unwrap();
    let heading = browser.wait_for_drawn(Locator::Css("main h1")).await.text().await.unwrap();
    assert_eq!(heading, "Informativa sul trattamento dei dati personali");
    let notice = c.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(notice.contains("Titolare"), "the notice itself, not a loading line: {notice}");

    // The questionnaire needs JavaScript, and says so.
    c.find(Locator::XPath(&link_named("//nav", "Questionario"))).await.unwrap().click().await.unwrap();
    let body = browser.wait_for_drawn(Locator::Css("body")).await.text().await.unwrap();
    assert!(body.contains("Per compilare il questionario serve JavaScript"), "{body}");

    browser.screenshots("without-javascript-questionnaire").await;

    // On a phone the filters stay in the page (no script opens them).
    c.set_window_size(375, 812).await.unwrap();
    c.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    let apply = browser.wait_for_drawn(Locator::XPath("//button[normalize-space(.)='Applica i filtri']")).await;
    assert!(apply.is_displayed().await.unwrap(), "the filters can be applied on a phone");
    browser.screenshots("without-javascript-catalogue").await;
    browser.close().await;
}

/// Waits until the browser has loaded an address that `done` accepts (a
/// page load without scripts replaces the whole document).
async fn wait_for_address(browser: &Browser, done: impl Fn(&str) -> bool) {
    for _ in 0..200 {
        let url = browser.client.current_url().await.unwrap();
        let ready = browser.client.execute("return document.readyState", vec![]).await.unwrap();
        if done(url.as_str()) && ready == "complete" {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the page did not load");
}

/// The title of the first practice listed.
async fn first_title(browser: &Browser) -> String {
    browser.wait_for_drawn(Locator::Css("main article h2")).await.text().await.unwrap()
}
