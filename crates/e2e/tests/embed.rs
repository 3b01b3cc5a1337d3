// SPDX-License-Identifier: EUPL-1.2
//! End-to-end: a partner page on a second local origin embeds the catalogue.

use e2e::{Browser, TestServer, dist_dir};
use fantoccini::Locator;
use std::time::Duration;

/// The partner's page, as a Regione would write it from our documentation.
fn partner_page(main: &str) -> String {
    format!(
        r#"<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Sito della Regione</title><link rel="icon" href="data:,"></head><body>
<h1>Le buone pratiche della Puglia</h1>
<script>window.heights = []; addEventListener("message", function (e) {{ if (e.data && e.data.type === "buone-pratiche:height") window.heights.push(e.data.height); }});</script>
<iframe id="embedded" data-buone-pratiche src="{main}/embed/catalogo?regione=16" title="Buone pratiche della Puglia" style="width:100%;height:150px;border:0" referrerpolicy="strict-origin-when-cross-origin"></iframe>
<iframe id="refused" src="{main}/catalogo" title="Catalogo"></iframe>
<script src="{main}/embed.js"></script>
</body></html>"#
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partner_page_embeds_a_filtered_catalogue_that_sizes_itself() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let page = partner_page(&server.base);
    let partner = e2e::serve_partner_page(page).await;
    assert_ne!(partner.replace("localhost", "127.0.0.1"), server.base, "a second origin");

    let b = Browser::start().await;
    b.client.goto(&partner).await.unwrap();
    // The partner's own page (no app of ours at its top).
    b.wait_for_drawn(Locator::XPath("//h1[normalize-space(.)='Le buone pratiche della Puglia']")).await;
    let frame = b.wait_for_drawn(Locator::Id("embedded")).await;
    frame.enter_frame().await.unwrap();
    b.wait_for(Locator::XPath("//p[@data-testid='result-count'][normalize-space(.)='3 pratiche trovate']")).await;
    let entities = b.client.find_all(Locator::Css(".practice-entity")).await.unwrap();
    assert_eq!(entities.len(), 3);
    for entity in entities {
        assert!(entity.text().await.unwrap().ends_with("Puglia"), "only Puglia's practices");
    }
    assert!(b.client.find_all(Locator::Css("header, footer")).await.unwrap().is_empty(), "no site chrome");
    // The preset's chip says "(fisso)" in small text on the chip's blue.
    let fixed = b.client.find(Locator::Css(".chip-fixed")).await.unwrap().text().await.unwrap();
    assert_eq!(fixed, "(fisso)");
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "axe-core in the frame: {violations:#?}");
    let link = b.client.find(Locator::Css("article h2 a")).await.unwrap();
    assert_eq!(link.attr("target").await.unwrap().as_deref(), Some("_blank"), "practice pages open in a new tab");
    let href = link.prop("href").await.unwrap().unwrap();
    assert!(href.starts_with(&format!("{}/pratiche/BP-", server.base)), "on the main site: {href}");
    b.client.enter_parent_frame().await.unwrap();

    // The frame reported its height and the host script applied it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let heights = b.client.execute("return window.heights", vec![]).await.unwrap();
    let last = heights.as_array().and_then(|h| h.last()).and_then(|h| h.as_f64()).expect("a height message arrived");
    assert!(last > 300.0, "three cards are taller than the initial 150 px: {last}");
    let applied = b.client.execute("return document.getElementById('embedded').style.height", vec![]).await.unwrap();
    assert_eq!(applied.as_str(), Some(format!("{}px", last.ceil()).as_str()));

    // Searching down to no result shrinks the frame to what is left, and it
    // stays there (no resizing back and forth).
    b.client.find(Locator::Id("embedded")).await.unwrap().enter_frame().await.unwrap();
    b.labelled("Cerca nelle pratiche").await.send_keys("zzyzxnessuna").await.unwrap();
    b.wait_for(Locator::XPath("//p[@data-testid='result-count'][normalize-space(.)='Nessuna pratica trovata.']")).await;
    let content = b.client.execute("return document.querySelector('.embed').offsetHeight", vec![]).await.unwrap();
    let content = content.as_f64().unwrap();
    b.client.enter_parent_frame().await.unwrap();
    let shrunk = wait_for_frame_height(&b, |h| h < last - 100.0).await;
    assert!(shrunk < content + 60.0, "the frame ({shrunk} px) follows the content ({content} px)");
    let settled = b.client.execute("return window.heights.length", vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let later = b.client.execute("return window.heights.length", vec![]).await.unwrap();
    assert_eq!(settled, later, "no height message once the content stopped changing");
    // Clearing the search grows it back.
    b.client.find(Locator::Id("embedded")).await.unwrap().enter_frame().await.unwrap();
    let search = b.labelled("Cerca nelle pratiche").await;
    search.clear().await.unwrap();
    search.send_keys(" ").await.unwrap();
    b.wait_for(Locator::XPath("//p[@data-testid='result-count'][normalize-space(.)='3 pratiche trovate']")).await;
    b.client.enter_parent_frame().await.unwrap();
    wait_for_frame_height(&b, |h| h > last - 20.0).await;

    // A page that is not an embed view is refused inside a frame.
    let refused = b.client.find(Locator::Id("refused")).await.unwrap();
    refused.enter_frame().await.unwrap();
    let inside = b.client.find_all(Locator::Css("main h1")).await.unwrap();
    assert!(inside.is_empty(), "the browser refused to show /catalogo in a frame");
    b.client.enter_parent_frame().await.unwrap();
    b.expect_console_errors("frame-ancestors 'none'").await;

    // `?lang=en` gives the embedded view in English.
    b.client.goto(&format!("{}/embed/catalogo?regione=16&lang=en", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//p[@data-testid='result-count'][normalize-space(.)='3 practices found']")).await;

    // The link works on the main site.
    b.client.goto(&href).await.unwrap();
    b.wait_for(Locator::Css("[data-testid='reference']")).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_embed_page_builds_the_snippet_of_the_current_view() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/catalogo?regione=16", server.base)).await.unwrap();
    let link = b.wait_for(Locator::XPath("//a[normalize-space(.)='incorpora questa vista']")).await;
    link.send_keys(&e2e::key(fantoccini::key::Key::Enter)).await.unwrap();
    b.wait_for_heading("Incorpora il catalogo nel tuo sito").await;
    let snippet = b.labelled("Codice da incorporare").await.prop("value").await.unwrap().unwrap();
    let src = format!("{}/embed/catalogo?regione=16", server.base);
    assert!(snippet.contains(&format!("src=\"{src}\"")), "{snippet}");
    assert!(snippet.contains(&format!("<script src=\"{}/embed.js\" async></script>", server.base)), "{snippet}");
    let preview = b.client.find(Locator::Css("iframe.embed-preview")).await.unwrap();
    assert_eq!(
        preview.prop("src").await.unwrap().as_deref(),
        Some(src.as_str()),
        "the preview shows the snippet's view"
    );
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "axe-core on the embed page: {violations:#?}");
    b.close().await;
}

/// Waits (up to 10 s) until the partner page's frame is as tall as `wanted`
/// says, and returns its height.
async fn wait_for_frame_height(b: &Browser, wanted: impl Fn(f64) -> bool) -> f64 {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let height = b.client.execute("return document.getElementById('embedded').offsetHeight", vec![]).await;
        let height = height.unwrap().as_f64().unwrap();
        if wanted(height) {
            return height;
        }
        assert!(std::time::Instant::now() < deadline, "the frame stayed {height} px high");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
