// SPDX-License-Identifier: EUPL-1.2
//! What a respondent does in the questionnaire, with the keyboard only,
//! shared by the test files that need a filled-in practice.

use crate::{Browser, TestServer, key};
use fantoccini::Locator;
use fantoccini::key::Key;

pub const TITLE: &str = "Telefonate settimanali agli anziani soli";

pub async fn assert_accessible(browser: &Browser, page: &str) {
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "axe-core finds WCAG 2.1 A/AA violations on {page}: {violations:#?}");
}

pub async fn next_step(browser: &Browser, heading: &str) {
    browser.press("Avanti").await;
    browser.wait_for_heading(heading).await;
}

/// The headings of the journey's pages after the privacy notice, in order.
const PAGES: [&str; 7] = [
    "Ente",
    "La pratica",
    "Classificazione",
    "Modalità, comunicazione, strumenti, risorse",
    "Risultati e prospettive",
    "Materiali e consenso",
    "Controlla le risposte",
];

/// From the page headed `from`, presses "Avanti" page by page until the one
/// headed `to`.
pub async fn advance(browser: &Browser, from: &str, to: &str) {
    let position = |heading| PAGES.iter().position(|p| *p == heading).unwrap_or_else(|| panic!("no page {heading}"));
    for heading in &PAGES[position(from) + 1..=position(to)] {
        next_step(browser, heading).await;
    }
}

/// Fills step 1 (Ente) with the keyboard.
pub async fn fill_entity(b: &Browser) {
    b.wait_for_heading("Ente").await;
    b.choose("Tipo di ente", "Comune").await;
    b.type_into("Denominazione dell'ente", "Comune di Lucca").await;
    b.choose("Regione o Provincia autonoma", "Toscana").await;
    let picker = b.labelled("Comune o comuni interessati").await;
    picker.send_keys("lucc").await.unwrap();
    b.wait_for(Locator::XPath("//li[@role='option'][normalize-space(.)='Lucca']")).await;
    picker.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for(Locator::XPath("//button[@aria-label='Rimuovi Lucca']")).await;
    b.tick("Scala territoriale", "Comunale").await;
    b.press("Aggiungi un soggetto coinvolto").await;
    b.choose("Tipo", "Volontariato").await;
    b.type_into("Nome", "Misericordia di Lucca").await;
    b.type_into("Referente", "Maria Rossi").await;
    b.type_into("E-mail del referente", "m.rossi@comune.lucca.it").await;
    b.type_into("Contatto pubblico dell'ufficio (facoltativo)", "sociale@comune.lucca.it").await;
}

/// Fills every step from the first and arrives at "Controlla le risposte",
/// checking each step with axe-core on the way.
pub async fn fill_everything(b: &Browser) {
    fill_entity(b).await;
    assert_accessible(b, "step 1").await;
    next_step(b, "La pratica").await;
    b.type_into("Titolo della pratica", TITLE).await;
    b.type_into("Sintesi", "Ogni settimana operatori e volontari chiamano gli anziani che vivono soli.").await;
    b.type_into(
        "Descrizione del servizio attivato",
        "Un elenco condiviso con i medici di base.\n\nTesto con <script>alert('x')</script> che resta testo.",
    )
    .await;
    b.type_into("Bisogno o problema affrontato", "Isolamento durante il lockdown.").await;
    b.tick("Tipologia", "Servizio completamente nuovo").await;
    b.in_group("Data di avvio", "Mese").await.send_keys("marzo").await.unwrap();
    b.in_group("Data di avvio", "Anno").await.send_keys("2020").await.unwrap();
    b.tick("Stato", "Attiva").await;
    assert_accessible(b, "step 2").await;
    next_step(b, "Classificazione").await;
    b.tick("Aree di utenza", "Anziani (65 anni e più)").await;
    b.tick("Destinatari specifici", "Anziani soli").await;
    b.tick("Area di intervento", "Supporto alla persona e alla famiglia").await;
    b.tick("Innovazioni introdotte", "Raggiungere persone e famiglie isolate").await;
    assert_accessible(b, "step 3").await;
    next_step(b, "Modalità, comunicazione, strumenti, risorse").await;
    b.tick("Modalità di erogazione", "Telefonica").await;
    b.tick("Come è stata comunicata ai cittadini", "Sito istituzionale").await;
    b.tick("Come è stata comunicata ai cittadini", "Altro").await;
    b.type_into("Altro canale: specifica", "Bollettino parrocchiale").await;
    b.tick("Strumenti utilizzati", "Telefono").await;
    b.type_into("Numero di operatori coinvolti (facoltativo)", "4").await;
    b.type_into("Risorse impiegate (€) (facoltativo)", "12.500,50").await;
    assert_accessible(b, "step 4").await;
    next_step(b, "Risultati e prospettive").await;
    b.type_into("Destinatari raggiunti (facoltativo)", "120").await;
    b.tick("Unità di misura dei destinatari", "Persone").await;
    b.type_into("Riscontri degli operatori", "Positivi.").await;
    b.type_into("Riscontri della cittadinanza", "Molto apprezzato.").await;
    b.tick("Proseguirà dopo l'emergenza?", "Sì").await;
    assert_accessible(b, "step 5").await;
    next_step(b, "Materiali e consenso").await;
    b.type_into("Link a delibere, pagine web, materiali (facoltativo)", "https://www.comune.lucca.it/anziani").await;
    for consent in [
        "Ho letto l'informativa sul trattamento dei dati personali",
        "Acconsento alla pubblicazione dei contenuti pubblici con licenza CC BY 4.0",
        "Il testo non contiene dati personali dei beneficiari",
    ] {
        b.labelled(consent).await.send_keys(" ").await.unwrap();
    }
    assert_accessible(b, "step 6").await;
    next_step(b, "Controlla le risposte").await;
    assert_accessible(b, "the review page").await;
}

pub async fn start(server: &TestServer) -> Browser {
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/questionario", server.base)).await.unwrap();
    browser.wait_for_heading("Descrivi una buona pratica").await;
    let round = browser.wait_for(Locator::Css("[data-testid='current-round']")).await.text().await.unwrap();
    assert_eq!(round, "La raccolta è continua: puoi descrivere una pratica in qualsiasi momento.", "no round is open");
    assert_accessible(&browser, "the privacy notice").await;
    let start = browser.wait_for(Locator::XPath("//a[normalize-space(.)='Inizia il questionario']")).await;
    start.send_keys(&key(Key::Enter)).await.unwrap();
    browser
}
