// SPDX-License-Identifier: EUPL-1.2
//! End-to-end: the release build of the app in headless Chromium, against
//! the real server (or a plain static file server), found by roles, names
//! and labels the way a person finds them.

use e2e::{Browser, TestServer, dist_dir, link_named, serve_static};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn home_navigation_leads_to_the_catalogue_of_seeded_practices() {
    let dist = dist_dir();
    let server = TestServer::start_with_demo(&dist).await;
    let newest_title = server::demo::practices().last().unwrap().title.clone();
    let browser = Browser::start().await;
    let c = &browser.client;

    c.goto(&format!("{}/", server.base)).await.unwrap();
    // The app's heading, not the server frame's one it replaces (that one
    // goes stale when the app starts).
    let h1 = browser.wait_for(Locator::Css("body > main h1")).await;
    assert_eq!(h1.text().await.unwrap(), "Buone pratiche dei servizi sociali territoriali");
    assert_eq!(c.find(Locator::Css("html")).await.unwrap().attr("lang").await.unwrap().as_deref(), Some("it"));
    assert_eq!(c.title().await.unwrap(), "Home · Buone pratiche");

    let nav = "//nav[@aria-label='Navigazione principale']";
    c.find(Locator::XPath(&link_named(nav, "Catalogo"))).await.unwrap().click().await.unwrap();
    let card_title = format!("//article//h2[normalize-space(.)='{newest_title}']");
    browser.wait_for(Locator::XPath(&card_title)).await;
    assert!(c.current_url().await.unwrap().path().ends_with("/catalogo"));
    let count = c.find(Locator::Css("[role='status']")).await.unwrap().text().await.unwrap();
    assert_eq!(count, format!("{} pratiche trovate", server::demo::practices().len()));
    let current = c.find(Locator::XPath(&link_named(nav, "Catalogo"))).await.unwrap();
    assert_eq!(current.attr("aria-current").await.unwrap().as_deref(), Some("page"));
    let badges = c.find_all(Locator::XPath("//span[normalize-space(.)='dimostrativo']")).await.unwrap();
    assert!(!badges.is_empty(), "demo practices carry the dimostrativo badge");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_catalogue_reads_static_files_without_any_api() {
    let dist = dist_dir();
    let site = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&dist).unwrap() {
        let path = entry.unwrap().path();
        let target = site.path().join(path.file_name().unwrap());
        if path.is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            for file in std::fs::read_dir(&path).unwrap() {
                let file = file.unwrap().path();
                std::fs::copy(&file, target.join(file.file_name().unwrap())).unwrap();
            }
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
    // A host that only serves files: the public entry at every address.
    let index = std::fs::read_to_string(site.path().join("public.html")).unwrap();
    let switched = index.replace(
        r#"<meta name="bp-data-source" content="api" />"#,
        r#"<meta name="bp-data-source" content="static" />"#,
    );
    assert_ne!(index, switched, "the entry page declares its data source");
    std::fs::write(site.path().join("index.html"), switched).unwrap();
    let data = tempfile::tempdir().unwrap();
    let database = data.path().join("export.sqlite");
    let config = server::config::Config::from_flags([
        "--listen=127.0.0.1:0",
        "--demo",
        format!("--database={}", database.display()).as_str(),
        "--security-contact=sicurezza@buonepratiche.example.org",
    ])
    .unwrap();
    server::export_catalogue(&config, &site.path().join("catalogue.json")).await.unwrap();
    let base = serve_static(site.path()).await;
    let browser = Browser::start().await;
    let c = &browser.client;

    c.goto(&format!("{base}/")).await.unwrap();
    browser.wait_for(Locator::Css("main h1")).await;
    c.find(Locator::XPath(&link_named("//nav", "Catalogo"))).await.unwrap().click().await.unwrap();
    let last_title = server::demo::practices().last().unwrap().title.clone();
    browser.wait_for(Locator::XPath(&format!("//article//h2[normalize-space(.)='{last_title}']"))).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_addresses_show_a_helpful_404_page() {
    let dist = dist_dir();
    let server = TestServer::start_with_demo(&dist).await;
    let browser = Browser::start().await;
    let c = &browser.client;
    c.goto(&format!("{}/pagina-che-non-esiste", server.base)).await.unwrap();
    let h1 = browser.wait_for(Locator::Css("main h1")).await;
    assert_eq!(h1.text().await.unwrap(), "Pagina non trovata");
    c.find(Locator::XPath(&link_named("//main", "Torna alla home"))).await.unwrap();
    let skip = c.find(Locator::XPath("//a[normalize-space(.)='Vai al contenuto principale']")).await.unwrap();
    assert_eq!(
        skip.attr("href").await.unwrap().as_deref(),
        Some("/pagina-che-non-esiste#contenuto"),
        "the skip link goes to this page's main content"
    );
    for footer_link in ["Dichiarazione di accessibilità", "Informativa privacy", "Dati aperti e licenza CC BY 4.0"] {
        c.find(Locator::XPath(&link_named("//footer", footer_link))).await.unwrap();
    }
    // The server answered 404 (the browser logs it), and the app its own page.
    browser
        .expect_console_errors(
            "/pagina-che-non-esiste - Failed to load resource: the server responded with a status of 404",
        )
        .await;
    browser.close().await;
}
