// SPDX-License-Identifier: EUPL-1.2
//! The Designers Italia service flow of the questionnaire, as a respondent
//! meets it: the review page says that sending is a declaration on behalf of
//! the entity; the receipt asks one question (1 to 5 stars, a comment) whose
//! results an admin reads; "Verifica lo stato" shows where the practice
//! stands from its reference and private link; the operating
//! administration's logo, when configured, heads every page.

use domain::site::operator::Operator;
use e2e::respondent::{assert_accessible, fill_everything, start};
use e2e::{Browser, TestServer, dist_dir, key, link_named};
use fantoccini::Locator;
use fantoccini::key::Key;
use std::sync::Arc;

const LEGEND: &str = "Quanto è stato facile descrivere la pratica con questo questionario?";

#[tokio::test(flavor = "multi_thread")]
async fn a_respondent_declares_sends_rates_and_checks_the_status() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    fill_everything(&b).await;
    let declaration = b.wait_for(Locator::Css("[data-testid='declaration']")).await.text().await.unwrap();
    assert!(
        declaration.contains("Stai inviando a nome del tuo ente")
            && declaration.contains("per conto di Comune di Lucca, che le informazioni sono vere"),
        "the review page names the entity the respondent declares for: {declaration}"
    );
    b.screenshots("review-declaration").await;
    b.press("Invia la pratica").await;
    b.wait_for_heading("Pratica inviata").await;
    let reference = b.wait_for(Locator::Css("[data-testid='reference']")).await.text().await.unwrap();
    let link = b.client.find(Locator::Css("[data-testid='private-link']")).await.unwrap().text().await.unwrap();

    // The rating: sending no stars says what to do and goes to the stars.
    b.wait_for(Locator::XPath("//h2[normalize-space(.)=\"Com'è andata?\"]")).await;
    b.press("Invia la valutazione").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and normalize-space(.)='Scegli una delle voci proposte.']"))
        .await;
    let focused = b.client.execute("return document.activeElement.id", vec![]).await.unwrap();
    assert_eq!(focused, "rating-stars-1", "focus moves to the stars");
    assert_accessible(&b, "the receipt's rating with an error").await;
    b.tick(LEGEND, "4 stelle su 5").await;
    b.type_into("Che cosa possiamo migliorare? (facoltativo)", "Più esempi nelle domande sul budget.").await;
    b.screenshots("receipt-rating").await;
    b.press("Invia la valutazione").await;
    let thanks = b.wait_for(Locator::Css(".service-rating [role='status']")).await.text().await.unwrap();
    assert!(thanks.starts_with("Grazie"), "{thanks}");
    let stored = server
        .db
        .call(|conn| {
            Ok(conn.query_row("SELECT stars, comment FROM service_ratings", [], |r| Ok((r.get(0)?, r.get(1)?)))?)
        })
        .await;
    assert_eq!(stored.unwrap(), (4u8, "Più esempi nelle domande sul budget.".to_owned()));

    // "Verifica lo stato", from the receipt's link.
    let status = b.wait_for(Locator::XPath(&link_named("//main", "Verifica lo stato della pratica in seguito"))).await;
    status.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Verifica lo stato di una pratica").await;
    b.press("Verifica lo stato").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and normalize-space(.)='Compila questo campo.']")).await;
    assert_accessible(&b, "the status check with errors").await;
    // Another practice's reference: the link is the other one's.
    b.type_into("Riferimento della pratica", "BP-2020-0001").await;
    b.type_into("Link privato", &link).await;
    b.press("Verifica lo stato").await;
    b.wait_for(Locator::XPath(
        "//p[@class='field-error' and contains(., 'non è quello della pratica del link privato')]",
    ))
    .await;
    let kept = b.labelled("Link privato").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept, link, "nothing typed is lost");
    let field = b.labelled("Riferimento della pratica").await;
    field.clear().await.unwrap();
    field.send_keys(&reference.to_lowercase()).await.unwrap();
    b.press("Verifica lo stato").await;
    let panel = b.wait_for(Locator::Css("[data-testid='submission-status']")).await.text().await.unwrap();
    assert!(panel.contains(&format!("Stato della pratica {reference}: Inviata")), "{panel}");
    assert_accessible(&b, "the status check with its answer").await;
    b.screenshots("status-check").await;

    // The admin reads the ratings' results.
    server.sign_in(&b, "admin@example.org", server::auth::Role::Admin).await;
    b.wait_for(Locator::XPath("//a[normalize-space(.)='Amministrazione']"))
        .await
        .send_keys(&key(Key::Enter))
        .await
        .unwrap();
    b.wait_for_heading("Amministrazione").await;
    let summary = b.wait_for(Locator::Css("[data-testid='rating-summary']")).await.text().await.unwrap();
    assert_eq!(summary, "1 valutazione, in media 4,0 stelle su 5.");
    b.wait_for(Locator::XPath("//td[normalize-space(.)='Più esempi nelle domande sul budget.']")).await;
    assert_accessible(&b, "the administration with the ratings").await;
    b.screenshots("admin-ratings").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_operators_logo_heads_every_page_when_configured() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stemma.svg");
    std::fs::write(
        &file,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="#fff"/><script>alert(1)</script></svg>"##,
    )
    .unwrap();
    let logo = server::logo::load(&file).unwrap();
    let server = TestServer::start_configured(&dist_dir(), move |state| {
        let mut operator = Operator::example();
        operator.controller.name = Some("Comune di Prova".into());
        operator.logo = Some(logo.address.clone());
        state.operator = Arc::new(operator);
        state.logo = Some(logo);
    })
    .await;
    let b = Browser::start().await;
    for page in ["/", "/catalogo", "/questionario", "/questionario/stato"] {
        b.client.goto(&format!("{}{page}", server.base)).await.unwrap();
        b.wait_for(Locator::Css("body > main h1")).await;
        let logo = b.wait_for(Locator::Css("body > header img.operator-logo")).await;
        assert_eq!(logo.attr("alt").await.unwrap().as_deref(), Some("Comune di Prova"), "{page}");
        let loaded = b
            .client
            .execute("return document.querySelector('header img.operator-logo').naturalWidth > 0", vec![])
            .await
            .unwrap();
        assert_eq!(loaded, serde_json::json!(true), "{page}: the logo loads from the site itself");
    }
    assert_accessible(&b, "a page with the operator's logo").await;
    b.screenshots("operator-logo").await;
    b.assert_no_console_errors().await;
    b.close().await;
}
