// SPDX-License-Identifier: EUPL-1.2
//! End-to-end tests of the questionnaire in headless Chromium, driven with the
//! keyboard only (typed text, space bar, Enter, arrow keys) and finding every
//! control by its label, legend or accessible name.

use e2e::respondent::{TITLE, advance, assert_accessible, fill_entity, fill_everything, next_step, start};
use e2e::{Browser, TestServer, dist_dir, key};
use fantoccini::Locator;
use fantoccini::key::Key;

async fn stored_submissions(server: &TestServer) -> i64 {
    server
        .db
        .call(|conn| Ok(conn.query_row("SELECT count(*) FROM practices WHERE demo = 0", [], |r| r.get(0))?))
        .await
        .unwrap()
}

async fn versions_of(server: &TestServer, reference: &str) -> Vec<String> {
    let reference = reference.to_owned();
    server
        .db
        .call(move |conn| {
            let mut stmt = conn.prepare(
                "SELECT v.answer ->> '$.title' FROM practice_versions v JOIN practices p ON p.id = v.practice_id
                 WHERE p.reference = ?1 ORDER BY v.version",
            )?;
            let titles = stmt.query_map([reference], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
            Ok(titles)
        })
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_practice_is_filled_with_the_keyboard_and_submitted() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    fill_everything(&b).await;
    let review = b.client.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    for shown in [TITLE, "Lucca", "Volontariato", "marzo 2020", "€ 12.500,50", "<script>alert('x')</script>"] {
        assert!(review.contains(shown), "the review shows {shown:?}");
    }
    b.press("Invia la pratica").await;
    b.wait_for_heading("Pratica inviata").await;
    let reference = b.wait_for(Locator::Css("[data-testid='reference']")).await.text().await.unwrap();
    assert!(reference.starts_with("BP-"), "a citable reference: {reference}");
    assert_accessible(&b, "the receipt").await;
    let link = b.client.find(Locator::Css("[data-testid='private-link']")).await.unwrap().text().await.unwrap();
    assert!(link.contains("/questionario/modifica#"), "{link}");
    assert_eq!(stored_submissions(&server).await, 1);
    assert_eq!(versions_of(&server, &reference).await, [TITLE]);
    let alerts =
        b.client.execute("return document.querySelectorAll('script:not([src]):not([type])').length", vec![]).await;
    assert_eq!(alerts.unwrap(), serde_json::json!(0), "the <script> typed in the form is text, never markup");

    // Back after sending: the receipt again, never an empty review that
    // could be sent.
    b.client.back().await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while b.client.current_url().await.unwrap().path() != "/questionario/ricevuta" {
        assert!(std::time::Instant::now() < deadline, "Back stays on {}", b.client.current_url().await.unwrap());
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    b.wait_for_heading("Pratica inviata").await;
    let shown = b.wait_for(Locator::Css("main [data-testid='reference']")).await.text().await.unwrap();
    assert_eq!(shown, reference);
    let send = b.client.find_all(Locator::XPath("//button[normalize-space(.)='Invia la pratica']")).await.unwrap();
    assert!(send.is_empty(), "no empty review to send again");
    assert_eq!(stored_submissions(&server).await, 1);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_are_summarised_linked_and_announced() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    b.wait_for_heading("Ente").await;
    b.press("Avanti").await;
    let summary = b.wait_for(Locator::Css(".error-summary:not([hidden])")).await;
    let focused = b.client.active_element().await.unwrap();
    assert_eq!(focused.attr("class").await.unwrap().as_deref(), Some("error-summary"), "focus moves to the summary");
    let text = summary.text().await.unwrap();
    assert!(text.contains("Scegli il tipo di ente."), "{text}");
    assert!(text.contains("Scrivi l'e-mail del referente."), "{text}");
    assert!(!text.contains("Compila questo campo"), "every message names its field: {text}");
    let select = b.labelled("Tipo di ente").await;
    assert_eq!(select.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    let described = select.attr("aria-describedby").await.unwrap().unwrap_or_default();
    assert!(described.contains("errore-entity_type"), "the message is tied to the field: {described}");
    let link = b
        .client
        .find(Locator::XPath(
            "//div[contains(@class,'error-summary')]//a[normalize-space(.)='Scegli il tipo di ente.']",
        ))
        .await
        .unwrap();
    link.send_keys(&key(Key::Enter)).await.unwrap();
    let focused = b.client.active_element().await.unwrap();
    assert_eq!(
        focused.attr("id").await.unwrap().as_deref(),
        Some("campo-entity_type"),
        "the link moves focus to its field"
    );

    // A message on leaving a field, in plain words that say how to fix it.
    b.type_into("E-mail del referente", "non-una-mail").await;
    b.labelled("Referente").await.send_keys("M").await.unwrap();
    let error = b.wait_for(Locator::Id("errore-contact_email")).await.text().await.unwrap();
    assert!(error.contains("Scrivi un indirizzo e-mail nella forma nome@ente.it."), "{error}");
    assert_accessible(&b, "a step with errors").await;

    // English keeps the answers.
    b.press("EN English").await;
    b.wait_for_heading("Organisation").await;
    let email = b.labelled("Contact person's e-mail").await.prop("value").await.unwrap();
    assert_eq!(email.as_deref(), Some("non-una-mail"));
    // Every line of the step in English, the Comuni's source and its date too.
    let source = b.wait_for(Locator::Css(".source-note")).await.text().await.unwrap();
    assert_eq!(source, "Source: ISTAT, list of the Comuni as of 4 December 2024.");
    assert_eq!(stored_submissions(&server).await, 0);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_mid_way_keeps_every_answer_at_the_same_step() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    fill_entity(&b).await;
    next_step(&b, "La pratica").await;
    b.type_into("Titolo della pratica", TITLE).await;
    b.type_into("Sintesi", "Una sintesi scritta tra due visite.").await;
    b.wait_for(Locator::XPath(
        "//p[@data-testid='draft-status'][starts-with(normalize-space(.), 'Bozza salvata alle')]",
    ))
    .await;

    b.client.refresh().await.unwrap();
    b.wait_for_heading("La pratica").await;
    assert!(b.client.current_url().await.unwrap().as_str().ends_with("/questionario?passo=2"));
    assert_eq!(b.labelled("Titolo della pratica").await.prop("value").await.unwrap().as_deref(), Some(TITLE));
    assert_eq!(
        b.labelled("Sintesi").await.prop("value").await.unwrap().as_deref(),
        Some("Una sintesi scritta tra due visite.")
    );
    b.client.back().await.unwrap();
    b.wait_for_heading("Ente").await;
    assert_eq!(
        b.labelled("Denominazione dell'ente").await.prop("value").await.unwrap().as_deref(),
        Some("Comune di Lucca")
    );
    assert_eq!(
        b.labelled("E-mail del referente").await.prop("value").await.unwrap().as_deref(),
        Some("m.rossi@comune.lucca.it")
    );
    b.wait_for(Locator::XPath("//button[@aria-label='Rimuovi Lucca']")).await;
    assert_eq!(b.labelled("Nome").await.prop("value").await.unwrap().as_deref(), Some("Misericordia di Lucca"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn going_offline_at_submit_stores_exactly_one_submission() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    fill_everything(&b).await;
    b.set_offline(true).await;
    b.press("Invia la pratica").await;
    b.wait_for(Locator::Css("[data-testid='offline-notice']")).await;
    assert_eq!(stored_submissions(&server).await, 0, "nothing reached the server");
    b.set_offline(false).await;
    b.wait_for_heading("Pratica inviata").await;
    assert_eq!(stored_submissions(&server).await, 1, "sent once when back online");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_private_link_updates_the_practice_as_a_second_version() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    fill_everything(&b).await;
    b.press("Invia la pratica").await;
    b.wait_for_heading("Pratica inviata").await;
    let reference = b.client.find(Locator::Css("[data-testid='reference']")).await.unwrap().text().await.unwrap();
    let link = b.client.find(Locator::Css("[data-testid='private-link']")).await.unwrap().text().await.unwrap();

    b.client.goto(&link).await.unwrap();
    // The private link's page is about this practice: its state, and a way
    // to edit it that reads as such, not the invitation to a new one.
    b.wait_for_heading("Aggiorna la pratica").await;
    let status = b.wait_for(Locator::Css("[data-testid='submission-status']")).await.text().await.unwrap();
    assert!(status.contains(&format!("{reference}: Inviata")), "{status}");
    let main = b.client.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    for new_practice in ["Descrivi una buona pratica", "Inizia il questionario", "sei passi brevi"] {
        assert!(!main.contains(new_practice), "{new_practice:?} on the private link's page: {main}");
    }
    b.screenshots("link-privato").await;
    let start = b.wait_for(Locator::XPath("//a[normalize-space(.)='Modifica le risposte']")).await;
    start.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Ente").await;
    assert_eq!(b.labelled("Referente").await.prop("value").await.unwrap().as_deref(), Some("Maria Rossi"));
    next_step(&b, "La pratica").await;
    let title = b.labelled("Titolo della pratica").await;
    title.clear().await.unwrap();
    title.send_keys("Telefonate agli anziani soli, ora anche in estate").await.unwrap();
    advance(&b, "La pratica", "Controlla le risposte").await;
    b.press("Invia l'aggiornamento").await;
    b.wait_for_heading("Aggiornamento inviato").await;
    assert_eq!(
        versions_of(&server, &reference).await,
        [TITLE, "Telefonate agli anziani soli, ora anche in estate"],
        "two versions, nothing overwritten"
    );
    assert_eq!(stored_submissions(&server).await, 1);

    // The update made while the practice waits ("Inviata") is in its
    // history, as the editors read it.
    server.sign_in(&b, "curatrice@example.org", server::auth::Role::Curator).await;
    b.client.goto(&format!("{}/redazione/pratiche/{reference}", server.base)).await.unwrap();
    b.wait_for_heading("Telefonate agli anziani soli, ora anche in estate").await;
    let history = b.wait_for(Locator::XPath("//section[contains(@class,'history')]")).await.text().await.unwrap();
    assert!(history.contains("Aggiornamento del referente"), "{history}");
    b.close().await;
}

async fn stored_draft(b: &Browser) -> serde_json::Value {
    let text = b.client.execute("return localStorage.getItem('bp-draft-v1')", vec![]).await.unwrap();
    text.as_str().map_or(serde_json::Value::Null, |t| serde_json::from_str(t).unwrap())
}

async fn wait_until_saved(b: &Browser) {
    b.wait_for(Locator::XPath(
        "//p[@data-testid='draft-status'][starts-with(normalize-space(.), 'Bozza salvata alle')]",
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_tabs_on_one_draft_do_not_overwrite_each_other() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    b.wait_for_heading("Ente").await;
    b.type_into("Denominazione dell'ente", "Comune di Lucca").await;
    wait_until_saved(&b).await;
    let first = b.client.window().await.unwrap();

    let second = b.client.new_window(true).await.unwrap();
    b.client.switch_to_window(second.handle).await.unwrap();
    b.client.goto(&format!("{}/questionario", server.base)).await.unwrap();
    b.wait_for_heading("Ente").await;
    assert_eq!(
        b.labelled("Denominazione dell'ente").await.prop("value").await.unwrap().as_deref(),
        Some("Comune di Lucca")
    );
    b.type_into("Referente", "Maria Rossi").await;
    // Leaving the field lets the draft be written.
    b.labelled("E-mail del referente").await.send_keys("m").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;

    b.client.switch_to_window(first).await.unwrap();
    b.wait_for(Locator::XPath("//p[@role='status'][contains(., \"aggiornate da un'altra scheda\")]")).await;
    assert_eq!(
        b.labelled("Referente").await.prop("value").await.unwrap().as_deref(),
        Some("Maria Rossi"),
        "the other tab's answer is adopted"
    );
    b.type_into("Telefono (facoltativo)", "0583 000000").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let draft = stored_draft(&b).await;
    assert_eq!(draft["answers"]["entity_name"], "Comune di Lucca");
    assert_eq!(draft["answers"]["contact_name"], "Maria Rossi");
    assert_eq!(draft["answers"]["contact_email"], "m");
    assert_eq!(draft["answers"]["contact_phone"], "0583 000000", "nothing lost either way");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_can_be_discarded_or_never_kept_on_a_shared_computer() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    b.wait_for_heading("Ente").await;
    b.type_into("Denominazione dell'ente", "Comune di Lucca").await;
    wait_until_saved(&b).await;
    b.press("Elimina la bozza").await;
    b.press("Sì, elimina la bozza").await;
    b.wait_for_heading("Descrivi una buona pratica").await;
    assert!(stored_draft(&b).await.is_null(), "the draft is gone from the device");

    let start = b.wait_for(Locator::XPath("//a[normalize-space(.)='Inizia il questionario']")).await;
    start.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Ente").await;
    assert_eq!(b.labelled("Denominazione dell'ente").await.prop("value").await.unwrap().as_deref(), Some(""));
    b.labelled("Computer condiviso: non salvare la bozza su questo dispositivo").await.send_keys(" ").await.unwrap();
    b.type_into("Denominazione dell'ente", "Comune di Prato").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert!(stored_draft(&b).await.is_null(), "nothing is written on a shared computer");
    let status = b.client.find(Locator::Css("[data-testid='draft-status']")).await.unwrap().text().await.unwrap();
    assert_eq!(status, "Salvataggio della bozza disattivato su questo dispositivo.");
    b.close().await;
}
