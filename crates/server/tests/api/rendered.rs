// SPDX-License-Identifier: EUPL-1.2
//! The pages the server draws with the app's own components: every address
//! of every entry point answers with its page already in the HTML (what a
//! phone paints first and what crawlers read), in the request's language.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use domain::site::pages::{Entry, PAGES, Visibility};
use reqwest::StatusCode;

/// The part of a page the server drew.
fn drawn(html: &str) -> &str {
    let start = html.find(r#"<div class="server-page" data-frame="">"#).expect("the server drew the page");
    let end = html.rfind("</footer>").map_or(html.len(), |at| at + "</footer>".len()).max(start);
    &html[start..end]
}

#[tokio::test]
async fn every_page_is_drawn_by_the_server() {
    let dist = app_template();
    let server = TestServer::start(Some(dist.path())).await;
    let id = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    for page in PAGES {
        let path = page.path.replace('*', id.as_str());
        let answer = server.client.get(server.url(&path)).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK, "{path}");
        let html = answer.text().await.unwrap();
        let body = drawn(&html);
        assert!(body.contains(r#"<main id="contenuto""#), "{path} has its main area: {body}");
        if page.path == "/questionario" {
            // Every step and the review: a drawing that called the browser
            // here would stop the whole server, not fail one page.
            for step in ["1", "2", "3", "4", "5", "6", "riepilogo"] {
                let answer = server.client.get(server.url(&format!("{path}?passo={step}"))).send().await.unwrap();
                assert!(drawn(&answer.text().await.unwrap()).contains("<h1"), "step {step}");
            }
        }
        // Private pages read what only the browser has (a private link's
        // fragment, a receipt on the device): the server draws their frame.
        if matches!(page.entry, Entry::Public | Entry::Embed | Entry::Questionnaire)
            && page.visibility != Visibility::Private
        {
            assert!(!body.contains("Caricamento"), "{path} is drawn with its data, not while loading: {body}");
            assert!(body.contains("<h1"), "{path} has its heading: {body}");
        }
    }
}

#[tokio::test]
async fn unknown_addresses_and_any_query_are_drawn() {
    let dist = app_template();
    let server = TestServer::start(Some(dist.path())).await;
    server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let addresses = [
        "/pagina-che-non-esiste",
        "/catalogo?q=spesa&regione=16&regione=12&ordina=titolo&pagina=2",
        "/catalogo?q=%3Cscript%3E&pagina=-1&regione=%00",
        "/embed/catalogo?lang=en&tipo_servizio=nuovo",
        "/statistiche?mappa=adozioni&regione=99",
        "/statistiche/partecipazione?raccolta=nessuna",
        "/questionario?parti_da=BP-2026-0001",
        "/incorpora?regione=16",
    ];
    for address in addresses {
        let answer = server.client.get(server.url(address)).send().await.unwrap();
        let html = answer.text().await.unwrap();
        assert!(drawn(&html).contains("<h1"), "{address} is drawn: {html}");
        assert!(!html.contains("<script>alert"), "nothing typed in the address runs");
    }
}

#[tokio::test]
async fn the_practice_and_the_catalogue_are_in_the_html() {
    let dist = app_template();
    let server = TestServer::start(Some(dist.path())).await;
    let practice = valid_answer();
    let id = server.seed(practice.clone(), ModerationStatus::Pubblicata).await;

    let html = server.client.get(server.url(&format!("/pratiche/{id}"))).send().await.unwrap().text().await.unwrap();
    let page = drawn(&html);
    for text in [&practice.title, &practice.summary, &practice.description, &practice.entity_name] {
        let text = text.replace('\'', "&#39;");
        assert!(page.contains(&text) || page.contains(&text.replace("&#39;", "'")), "{text} in {page}");
    }
    assert!(page.contains("Come citare"), "the whole page: {page}");

    let html = server.client.get(server.url("/catalogo")).send().await.unwrap().text().await.unwrap();
    let page = drawn(&html);
    assert!(page.contains(&format!(r#"href="/pratiche/{id}""#)), "the catalogue links the practice: {page}");
    assert!(page.contains("1 pratica trovata"), "with its count: {page}");

    let unknown = server.client.get(server.url("/pratiche/BP-2099-9999")).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND, "an unknown practice is not found");
    assert!(drawn(&unknown.text().await.unwrap()).contains("Pratica non trovata"));
}

#[tokio::test]
async fn an_english_visitor_gets_english_pages_from_the_first_byte() {
    let dist = app_template();
    let server = TestServer::start(Some(dist.path())).await;
    let html = server.client.get(server.url("/catalogo?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(r#"<html lang="en">"#), "{html}");
    assert!(drawn(&html).contains("Catalogue of practices"), "{html}");

    let by_cookie = server
        .client
        .get(server.url("/statistiche"))
        .header("Cookie", "bp-lang=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(drawn(&by_cookie).contains("Main navigation"), "the chosen language, from its cookie");
    let italian = server.client.get(server.url("/statistiche")).send().await.unwrap().text().await.unwrap();
    assert!(drawn(&italian).contains("Navigazione principale"));
}

#[tokio::test]
async fn drawn_pages_travel_compressed() {
    let dist = app_template();
    let server = TestServer::start(Some(dist.path())).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    for path in ["/", "/catalogo", "/pratiche/BP-2020-9999"] {
        let page = server.client.get(server.url(path)).header("accept-encoding", "br, gzip").send().await.unwrap();
        assert_eq!(page.headers()["content-encoding"], "br", "{path}");
    }
    let plain = server.client.get(server.url("/catalogo")).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none(), "only to a client that asks");
}
