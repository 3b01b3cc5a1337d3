// SPDX-License-Identifier: EUPL-1.2
//! The public-sector duties, as a person meets them: the footer's links on
//! every page, the privacy notice naming what the operator configured, the
//! contacts page, and the accessibility statement's feedback form, whose
//! report reaches the editors' queue, where it is handled and reopened.

use domain::site::operator::{Controller, Operator, Retention};
use domain::site::pages::{Entry, PAGES, Visibility};
use e2e::respondent::assert_accessible;
use e2e::{Browser, TestServer, dist_dir, link_named};
use fantoccini::Locator;
use std::sync::Arc;

const FOOTER: [&str; 4] =
    ["Contatti", "Dichiarazione di accessibilità", "Informativa privacy", "Dati aperti e licenza CC BY 4.0"];

fn operator() -> Operator {
    Operator {
        example: false,
        controller: Controller {
            name: Some("Comune di Prova".into()),
            address: Some("Piazza Grande 1, 06100 Perugia".into()),
            pec: Some("protocollo@pec.comune.prova.it".into()),
            email: Some("privacy@comune.prova.it".into()),
        },
        dpo_email: Some("rpd@comune.prova.it".into()),
        editors_email: Some("redazione@comune.prova.it".into()),
        security_contact: Some("mailto:sicurezza@comune.prova.it".into()),
        retention: Retention {
            contact_months: 36,
            account_months: 6,
            log_days: 30,
            feedback_months: 18,
            mail_days: 14,
        },
        accessibility_statement_url: Some("https://form.agid.gov.it/view/prova".into()),
        ..Operator::default()
    }
}

async fn main_text(b: &Browser) -> String {
    b.wait_for(Locator::Css("main")).await.text().await.unwrap()
}

async fn follow_footer_link(b: &Browser, name: &str, heading: &str) {
    b.client.find(Locator::XPath(&link_named("//footer", name))).await.unwrap().click().await.unwrap();
    b.wait_for_heading(heading).await;
    // The page's content follows the operator's arrival.
    b.wait_for(Locator::Css("main h2")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_public_page_has_the_footers_links() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    let listed = PAGES.iter().filter(|p| p.entry == Entry::Public && p.visibility == Visibility::Listed);
    for page in listed.map(|p| p.path).chain(["/pratiche/BP-2020-0001"]) {
        b.client.goto(&format!("{}{page}", server.base)).await.unwrap();
        b.wait_for(Locator::Css("main h1")).await;
        for name in FOOTER {
            b.wait_for(Locator::XPath(&link_named("//footer", name))).await;
        }
    }
    // The unknown practice's address answers 404, which the browser logs.
    b.expect_console_errors("/pratiche/BP-2020-0001").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_privacy_notice_and_the_contacts_show_what_the_operator_configured() {
    let server = TestServer::start_configured(&dist_dir(), |state| state.operator = Arc::new(operator())).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/", server.base)).await.unwrap();
    b.wait_for(Locator::Css("main h1")).await;

    follow_footer_link(&b, "Informativa privacy", "Informativa sul trattamento dei dati personali").await;
    let text = main_text(&b).await;
    for value in [
        "Comune di Prova",
        "Piazza Grande 1, 06100 Perugia",
        "protocollo@pec.comune.prova.it",
        "privacy@comune.prova.it",
        "rpd@comune.prova.it",
        "36 mesi dalla pubblicazione o dal rifiuto",
        "6 mesi dalla chiusura",
        "30 giorni",
        "18 mesi dalla segnalazione",
        "Base giuridica",
        "Garante per la protezione dei dati personali",
        "articoli 15-21",
    ] {
        assert!(text.contains(value), "the notice shows {value:?}: {text}");
    }
    assert!(!text.contains("valori di esempio") && !text.contains("non indicato"), "{text}");
    assert_accessible(&b, "/privacy").await;
    b.screenshots("privacy").await;
    b.press("EN English").await;
    b.wait_for_heading("Privacy notice").await;
    let english = main_text(&b).await;
    for value in ["Data controller", "36 months from the publication", "30 days", "Legal basis", "Your rights"] {
        assert!(english.contains(value), "in English, {value:?}: {english}");
    }
    assert_accessible(&b, "/privacy in English").await;
    b.press("IT Italiano").await;
    b.wait_for_heading("Informativa sul trattamento dei dati personali").await;

    follow_footer_link(&b, "Contatti", "Contatti").await;
    let text = main_text(&b).await;
    for value in ["redazione@comune.prova.it", "Comune di Prova", "rpd@comune.prova.it", "sicurezza@comune.prova.it"] {
        assert!(text.contains(value), "the contacts show {value:?}: {text}");
    }
    b.client.find(Locator::XPath(&link_named("//main", "Segnala un problema di accessibilità"))).await.unwrap();
    assert_accessible(&b, "/contatti").await;
    b.screenshots("contacts").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_accessibility_report_sent_by_its_labels_reaches_the_editors() {
    let server = TestServer::start_configured(&dist_dir(), |state| state.operator = Arc::new(operator())).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    b.wait_for(Locator::Css("main h1")).await;
    follow_footer_link(&b, "Dichiarazione di accessibilità", "Dichiarazione di accessibilità").await;
    let text = main_text(&b).await;
    for value in
        ["Comune di Prova si impegna", "Stato di conformità", "Procedura di attuazione", "form.agid.gov.it/view/prova"]
    {
        assert!(text.contains(value), "the statement shows {value:?}: {text}");
    }

    // Too short: the error says so, and what was typed stays.
    b.type_into("Pagina in cui hai trovato il problema", "Catalogo").await;
    b.type_into("Descrivi il problema", "Non va").await;
    b.press("Invia la segnalazione").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and contains(., 'almeno')]")).await;
    let kept = b.labelled("Descrivi il problema").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept, "Non va", "nothing typed is lost");
    assert_accessible(&b, "/accessibilita with an error").await;
    b.type_into("Descrivi il problema", ": il filtro per regione non si apre con la tastiera.").await;
    b.type_into("La tua e-mail (facoltativa)", "cittadina@example.org").await;
    b.press("Invia la segnalazione").await;
    let receipt = b.wait_for(Locator::Css(".report-form [role='status']")).await.text().await.unwrap();
    let focused = b.client.active_element().await.unwrap().text().await.unwrap();
    assert_eq!(focused, receipt, "focus is on the confirmation");
    assert!(receipt.contains("Segnalazione SA-0001 ricevuta"), "{receipt}");
    assert_accessible(&b, "/accessibilita after sending").await;
    b.screenshots("accessibility-report").await;

    // The editors find it in their queue, handle it, and can undo.
    server.sign_in(&b, "curatrice@example.org", server::auth::Role::Curator).await;
    b.wait_for(Locator::XPath("//h3[normalize-space(.)='SA-0001 · Catalogo']")).await;
    let section = b.wait_for(Locator::Css("section.reports")).await.text().await.unwrap();
    assert!(
        section.contains("Non va: il filtro per regione") && section.contains("cittadina@example.org"),
        "{section}"
    );
    b.press("Segna come gestita SA-0001").await;
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Riapri la segnalazione SA-0001']")).await;
    assert!(b.wait_for(Locator::Css("section.reports")).await.text().await.unwrap().contains("curatrice@example.org"));
    assert_accessible(&b, "/redazione with reports").await;
    b.screenshots("editors-reports").await;
    b.press("Riapri la segnalazione SA-0001").await;
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Segna come gestita SA-0001']")).await;
    b.assert_no_console_errors().await;
    b.close().await;
}
