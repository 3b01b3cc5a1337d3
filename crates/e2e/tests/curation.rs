// SPDX-License-Identifier: EUPL-1.2
//! End-to-end: a curator signs in, finds a submission in the queue, reviews
//! it and publishes it, and the public catalogue shows it at once.

use domain::record::vocabulary::ModerationStatus;
use e2e::{Browser, TestServer, dist_dir, key};
use fantoccini::Locator;
use fantoccini::key::Key;

/// A curator's account, and `answer` submitted and waiting for the editors;
/// returns its reference.
async fn curator_and_submission(server: &TestServer, answer: domain::Practice) -> domain::PracticeId {
    server.add_account("curatrice@example.org", server::auth::Role::Curator).await;
    server.seed(answer, ModerationStatus::Inviata).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_curator_reviews_and_publishes_a_submission() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let mut answer = server::demo::practices().remove(3);
    answer.title = "Pratica in attesa della redazione".into();
    let reference = curator_and_submission(&server, answer).await;
    let reference = reference.to_string();

    let b = Browser::start().await;
    b.client.goto(&format!("{}/redazione", server.base)).await.unwrap();
    b.wait_for_heading("Accesso alla redazione").await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "sign-in page: {violations:#?}");
    b.type_into("E-mail", "curatrice@example.org").await;
    b.type_into("Password", "password sbagliata").await;
    b.press("Accedi").await;
    b.wait_for(Locator::XPath("//div[@role='alert'][contains(., 'E-mail o password non corrette.')]")).await;
    b.labelled("Password").await.clear().await.unwrap();
    b.type_into("Password", "password lunga e sicura").await;
    b.press("Accedi").await;
    b.wait_for_heading("Pratiche da curare").await;
    // The queue opens on what awaits the editors, not on every state.
    b.wait_for(Locator::XPath("//nav//a[@aria-current='page'][starts-with(normalize-space(.), 'Da curare (')]")).await;
    b.type_into("Cerca per riferimento, titolo o ente", "ATTESA redazione").await;
    b.press("Cerca").await;
    b.wait_for(Locator::XPath("//table/tbody[count(tr) = 1]")).await;
    let link = b.wait_for(Locator::XPath(&format!("//table//a[normalize-space(.)='{reference}']"))).await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "queue: {violations:#?}");

    link.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Pratica in attesa della redazione").await;
    let page = b.client.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(page.contains("referente4@example.org"), "curators see private fields");
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "review: {violations:#?}");
    b.press("Prendi in revisione").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'In revisione')]")).await;
    // Publishing asks first; "Annulla" changes nothing.
    b.press("Pubblica").await;
    b.press("Annulla").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'In revisione')]")).await;
    b.press("Pubblica").await;
    b.press("Conferma: Pubblica").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Pubblicata')]")).await;
    // A published practice's review links to its public page.
    let public = b.wait_for(Locator::XPath("//a[normalize-space(.)='Apri la pagina pubblica']")).await;
    public.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for(Locator::XPath("//h1[normalize-space(.)='Pratica in attesa della redazione']")).await;
    assert!(b.client.current_url().await.unwrap().path().ends_with(&format!("/pratiche/{reference}")));

    b.client.goto(&format!("{}/catalogo?q=attesa redazione", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//article//h2[normalize-space(.)='Pratica in attesa della redazione']")).await;

    // A correction with the questionnaire's own steps, public at once.
    b.client.goto(&format!("{}/redazione/pratiche/{reference}", server.base)).await.unwrap();
    b.wait_for_heading("Pratica in attesa della redazione").await;
    let correct = b.wait_for(Locator::XPath("//a[normalize-space(.)='Correggi testo o classificazione']")).await;
    correct.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Correzione della redazione").await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "correction: {violations:#?}");
    let begin = b.wait_for(Locator::XPath("//a[normalize-space(.)='Inizia la correzione']")).await;
    begin.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Ente").await;
    e2e::respondent::advance(&b, "Ente", "La pratica").await;
    let title = b.labelled("Titolo della pratica").await;
    title.clear().await.unwrap();
    title.send_keys("Pratica corretta dalla redazione").await.unwrap();
    e2e::respondent::advance(&b, "La pratica", "Controlla le risposte").await;
    b.press("Salva la correzione").await;
    b.wait_for_heading("Pratica corretta dalla redazione").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Pubblicata')]")).await;
    let versions: i64 = server
        .db
        .call(|conn| {
            Ok(conn
                .query_row("SELECT count(*) FROM practice_versions WHERE author LIKE 'curator:%'", [], |r| r.get(0))?)
        })
        .await
        .unwrap();
    assert_eq!(versions, 1, "stored as the curator's version");
    b.client.goto(&format!("{}/pratiche/{reference}", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//h1[normalize-space(.)='Pratica corretta dalla redazione']")).await;
    b.close().await;
}

/// The whole loop in one browser: a respondent submits; a curator asks for
/// changes; the respondent reads the message through the private link, fixes
/// and resubmits; the curator sees what changed and publishes; the public
/// page shows the practice without its private fields.
#[tokio::test(flavor = "multi_thread")]
async fn a_submission_goes_through_changes_requested_to_the_public_catalogue() {
    use e2e::respondent::{TITLE, advance, assert_accessible, fill_everything, next_step, start};
    let server = TestServer::start_with_demo(&dist_dir()).await;
    server.add_account("curatrice@example.org", server::auth::Role::Curator).await;

    let b = start(&server).await;
    fill_everything(&b).await;
    b.press("Invia la pratica").await;
    b.wait_for_heading("Pratica inviata").await;
    let reference = b.client.find(Locator::Css("[data-testid='reference']")).await.unwrap().text().await.unwrap();
    let link = b.client.find(Locator::Css("[data-testid='private-link']")).await.unwrap().text().await.unwrap();

    // The curator asks for changes.
    b.client.goto(&format!("{}/redazione", server.base)).await.unwrap();
    b.wait_for_heading("Accesso alla redazione").await;
    b.type_into("E-mail", "curatrice@example.org").await;
    b.type_into("Password", "password lunga e sicura").await;
    b.press("Accedi").await;
    b.wait_for_heading("Pratiche da curare").await;
    open_review(&b, &reference).await;
    b.press("Prendi in revisione").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'In revisione')]")).await;
    // Asking for changes without saying which: the message field says so and takes focus.
    b.press("Chiedi integrazioni").await;
    let error = b.wait_for(Locator::Id("errore-messaggio")).await.text().await.unwrap();
    assert!(error.starts_with("Scrivi il messaggio"), "{error}");
    let field = b.labelled("Messaggio per chi ha inviato la pratica (per integrazioni o rifiuto)").await;
    assert_eq!(field.attr("aria-describedby").await.unwrap().as_deref(), Some("errore-messaggio"));
    let focused = b.client.active_element().await.unwrap();
    assert_eq!(focused.attr("id").await.unwrap().as_deref(), Some("messaggio"), "focus on the message field");
    let request = "Aggiungete come avete raccolto i riscontri della cittadinanza.";
    b.type_into("Messaggio per chi ha inviato la pratica (per integrazioni o rifiuto)", request).await;
    assert_accessible(&b, "the review page with a message").await;
    b.press("Chiedi integrazioni").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Integrazioni richieste')]")).await;

    // The respondent reads the message, fixes and resubmits.
    b.client.goto(&link).await.unwrap();
    let message = b.wait_for(Locator::Css("[data-testid='curator-message']")).await.text().await.unwrap();
    assert!(message.contains(request), "the respondent sees the editors' message: {message}");
    assert_accessible(&b, "the private link with a message").await;
    let begin = b.wait_for(Locator::XPath("//a[normalize-space(.)='Modifica le risposte']")).await;
    begin.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Ente").await;
    advance(&b, "Ente", "Risultati e prospettive").await;
    let feedback = b.labelled("Riscontri della cittadinanza").await;
    feedback.clear().await.unwrap();
    feedback.send_keys("Molto apprezzato: 80 questionari telefonici di gradimento.").await.unwrap();
    advance(&b, "Risultati e prospettive", "Controlla le risposte").await;
    b.press("Invia l'aggiornamento").await;
    b.wait_for_heading("Aggiornamento inviato").await;

    // Back in the queue; the curator sees what changed and publishes.
    b.client.goto(&format!("{}/redazione", server.base)).await.unwrap();
    b.wait_for_heading("Pratiche da curare").await;
    open_review(&b, &reference).await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Inviata')]")).await;
    b.wait_for(Locator::XPath("//div[contains(@class, 'changed')][contains(., 'Riscontri della cittadinanza')]")).await;
    // The history shows the earlier decisions with the message sent, and the
    // version is the one the respondent's receipt gave.
    let history = b.wait_for(Locator::XPath("//section[contains(@class,'history')]")).await.text().await.unwrap();
    assert!(history.contains("Chiedi integrazioni (In revisione → Integrazioni richieste)"), "{history}");
    assert!(history.contains(request), "{history}");
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'versione 2')]")).await;
    b.screenshots("redazione-revisione").await;
    b.press("Prendi in revisione").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'In revisione')]")).await;
    b.press("Pubblica").await;
    b.press("Conferma: Pubblica").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Pubblicata')]")).await;

    // The public sees it, and none of its private fields.
    b.client.goto(&format!("{}/catalogo?q=telefonate anziani soli", server.base)).await.unwrap();
    let card = b.wait_for(Locator::XPath(&format!("//article//h2[normalize-space(.)='{TITLE}']"))).await;
    card.find(Locator::Css("a")).await.unwrap().send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for(Locator::XPath(&format!("//h1[normalize-space(.)='{TITLE}']"))).await;
    b.wait_for(Locator::XPath("//*[contains(., '80 questionari telefonici')]")).await;
    let page = b.client.source().await.unwrap();
    assert!(page.contains("sociale@comune.lucca.it"), "the public office contact is shown");
    for private in ["Maria Rossi", "m.rossi@comune.lucca.it"] {
        assert!(!page.contains(private), "{private} is private but the public page shows it");
    }
    assert_accessible(&b, "the published practice").await;

    // An update of the published practice waits for the editors.
    let updated = "Telefonate agli anziani soli, anche d'estate";
    b.client.goto(&link).await.unwrap();
    let begin = b.wait_for(Locator::XPath("//a[normalize-space(.)='Modifica le risposte']")).await;
    begin.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Ente").await;
    assert!(b.client.find(Locator::Css("[data-testid='curator-message']")).await.is_err(), "an old message is history");
    next_step(&b, "La pratica").await;
    let title = b.labelled("Titolo della pratica").await;
    title.clear().await.unwrap();
    title.send_keys(updated).await.unwrap();
    advance(&b, "La pratica", "Controlla le risposte").await;
    b.press("Invia l'aggiornamento").await;
    b.wait_for_heading("Aggiornamento inviato").await;
    b.client.goto(&format!("{}/pratiche/{reference}", server.base)).await.unwrap();
    b.wait_for(Locator::XPath(&format!("//h1[normalize-space(.)='{TITLE}']"))).await;

    b.client.goto(&format!("{}/redazione", server.base)).await.unwrap();
    let updates =
        b.wait_for(Locator::XPath("//a[starts-with(normalize-space(.), 'Aggiornamenti da rivedere (1)')]")).await;
    updates.send_keys(&key(Key::Enter)).await.unwrap();
    let link = b.wait_for(Locator::XPath(&format!("//table//a[normalize-space(.)='{reference}']"))).await;
    link.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading(updated).await;
    b.wait_for(Locator::Css("[data-testid='update-pending']")).await;
    assert_accessible(&b, "the review of an update").await;
    b.press("Pubblica l'aggiornamento").await;
    b.press("Conferma: Pubblica l'aggiornamento").await;
    b.wait_for(Locator::XPath("//div[@role='status'][contains(., 'Fatto')]")).await;
    b.client.goto(&format!("{}/pratiche/{reference}", server.base)).await.unwrap();
    b.wait_for(Locator::XPath(&format!("//h1[normalize-space(.)=\"{updated}\"]"))).await;
    b.close().await;
}

/// From the queue, opens the review of `reference` with the keyboard.
async fn open_review(b: &Browser, reference: &str) {
    let link = b.wait_for(Locator::XPath(&format!("//table//a[normalize-space(.)='{reference}']"))).await;
    link.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading(e2e::respondent::TITLE).await;
}

/// An admin defines a round, adds and disables an account, and reads every
/// one of those actions in the audit log.
#[tokio::test(flavor = "multi_thread")]
async fn an_admin_manages_rounds_and_accounts_and_reads_the_audit_log() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    server
        .db
        .call(|conn| {
            server::auth::create_user(conn, "admin@example.org", server::auth::Role::Admin, "password lunga e sicura")
        })
        .await
        .unwrap();
    let b = Browser::start().await;
    b.client.goto(&format!("{}/redazione/accesso", server.base)).await.unwrap();
    b.type_into("E-mail", "admin@example.org").await;
    b.type_into("Password", "password lunga e sicura").await;
    b.press("Accedi").await;
    b.wait_for_heading("Pratiche da curare").await;
    let admin = b.wait_for(Locator::XPath("//a[normalize-space(.)='Amministrazione']")).await;
    admin.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Amministrazione").await;
    b.wait_for(Locator::XPath("//td[normalize-space(.)='prima_raccolta_2020']")).await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "administration: {violations:#?}");

    // A code that is not one and nothing else: the questionnaire's error
    // pattern, a summary that takes the focus and names each field, each
    // field marked with its own error.
    b.type_into("Codice (minuscole, cifre e _)", "Seconda raccolta").await;
    b.press("Aggiungi la raccolta").await;
    let summary = b.wait_for(Locator::Css(".error-summary")).await;
    let text = summary.text().await.unwrap();
    assert!(text.contains("Codice (minuscole, cifre e _): Usa da 3 a 60 lettere minuscole, cifre o _"), "{text}");
    assert!(text.contains("Nome: Compila questo campo."), "{text}");
    assert!(text.contains("Apertura: Compila questo campo."), "an empty day is missing, not malformed: {text}");
    assert!(!text.contains(".;"), "one error a line: {text}");
    let focused = b.client.active_element().await.unwrap();
    assert_eq!(focused.attr("class").await.unwrap().as_deref(), Some("error-summary"), "focus moves to the summary");
    let code = b.labelled("Codice (minuscole, cifre e _)").await;
    assert_eq!(code.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    let inline = "//div[contains(@class,'has-error')][label[normalize-space(.)='Nome']]/p[@class='field-error']";
    b.wait_for(Locator::XPath(inline)).await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "administration with errors: {violations:#?}");
    b.screenshots("redazione-amministrazione-errori").await;
    code.clear().await.unwrap();
    b.type_into("Codice (minuscole, cifre e _)", "seconda_raccolta_2027").await;
    b.type_into("Nome", "Seconda raccolta 2027").await;
    for (label, day) in [("Apertura", "2027-03-01"), ("Chiusura", "2027-05-15")] {
        let input = b.labelled(label).await;
        b.client
            .execute(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                vec![serde_json::to_value(&input).unwrap(), serde_json::json!(day)],
            )
            .await
            .unwrap();
    }
    b.press("Aggiungi la raccolta").await;
    b.wait_for(Locator::XPath("//div[@role='status'][contains(., 'Raccolta «Seconda raccolta 2027» aggiunta.')]"))
        .await;
    b.wait_for(Locator::XPath("//td[normalize-space(.)='seconda_raccolta_2027']")).await;

    b.type_into("E-mail", "nuova.curatrice@example.org").await;
    b.type_into("Password (almeno 12 caratteri)", "un'altra password lunga").await;
    b.press("Aggiungi l'account").await;
    b.wait_for(Locator::XPath("//td[normalize-space(.)='nuova.curatrice@example.org']")).await;
    let disable = b.wait_for(Locator::XPath("//button[@aria-label='Disattiva nuova.curatrice@example.org']")).await;
    disable.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for(Locator::XPath("//div[@role='status'][contains(., 'disattivato')]")).await;
    // A disabled account can be enabled again; one's own cannot be disabled.
    let enable = b.wait_for(Locator::XPath("//button[@aria-label='Riattiva nuova.curatrice@example.org']")).await;
    enable.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for(Locator::XPath("//div[@role='status'][contains(., 'riattivato')]")).await;
    b.wait_for(Locator::XPath("//button[@aria-label='Disattiva nuova.curatrice@example.org']")).await;
    b.wait_for(Locator::XPath("//td[normalize-space(.)='(il tuo account)']")).await;

    // The log reads as people speak, not in codes.
    for action in ["Raccolta aggiunta", "Account aggiunto", "Account disattivato", "Account riattivato"] {
        b.wait_for(Locator::XPath(&format!(
            "//table[contains(@class, 'audit-log')]//td[normalize-space(.)='{action}']"
        )))
        .await;
    }
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "administration after changes: {violations:#?}");
    b.screenshots("redazione-amministrazione").await;
    b.close().await;
}

/// A curator's session ends while they write a rejection: pressing the
/// button sends them to sign in again, which says why, and signing in brings
/// them back to the review with the reason still in its box. Nothing was
/// decided meanwhile, and the reason then goes through.
#[tokio::test(flavor = "multi_thread")]
async fn a_session_that_ends_mid_decision_keeps_what_the_curator_typed() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let mut answer = server::demo::practices().remove(2);
    answer.title = "Pratica da respingere".into();
    let reference = curator_and_submission(&server, answer).await;
    let sign_in = async |b: &Browser| {
        b.type_into("E-mail", "curatrice@example.org").await;
        b.type_into("Password", "password lunga e sicura").await;
        b.press("Accedi").await;
    };

    let b = Browser::start().await;
    b.client.goto(&format!("{}/redazione/accesso", server.base)).await.unwrap();
    assert!(
        b.client.find(Locator::Css("[data-testid='sign-in-again']")).await.is_err(),
        "a first sign-in says nothing about a session ending"
    );
    sign_in(&b).await;
    b.wait_for_heading("Pratiche da curare").await;
    b.client.goto(&format!("{}/redazione/pratiche/{reference}", server.base)).await.unwrap();
    b.wait_for_heading("Pratica da respingere").await;

    // The session ends on the server (signed out elsewhere with the same cookie).
    let cookie = b.client.get_named_cookie(server::auth::SESSION_COOKIE).await.unwrap();
    let signed_out = reqwest::Client::new()
        .delete(format!("{}/api/session", server.base))
        .header("cookie", format!("{}={}", server::auth::SESSION_COOKIE, cookie.value()))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), reqwest::StatusCode::NO_CONTENT);

    let reason = "La pratica descrive un servizio ordinario, senza elementi di innovazione.";
    let label = "Messaggio per chi ha inviato la pratica (per integrazioni o rifiuto)";
    b.type_into(label, reason).await;
    b.press("Respingi").await;
    b.press("Conferma: Respingi").await;
    b.wait_for_heading("Accesso alla redazione").await;
    let notice = b.wait_for(Locator::XPath("//div[@role='alert'][@data-testid='sign-in-again']")).await;
    assert!(notice.text().await.unwrap().starts_with("La sessione è scaduta: accedi di nuovo."));
    let address = b.client.current_url().await.unwrap();
    let back: Vec<_> =
        address.query_pairs().filter(|(key, _)| key == "da").map(|(_, path)| path.into_owned()).collect();
    assert_eq!(back, [format!("/redazione/pratiche/{reference}")], "the way back is in the address: {address}");
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "sign-in page after the session ended: {violations:#?}");
    b.screenshots("redazione-sessione-scaduta").await;

    sign_in(&b).await;
    b.wait_for_heading("Pratica da respingere").await;
    assert_eq!(
        b.labelled(label).await.prop("value").await.unwrap().as_deref(),
        Some(reason),
        "the reason typed before signing in again is still in its box"
    );
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Inviata')]")).await;
    b.press("Respingi").await;
    b.press("Conferma: Respingi").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Respinta')]")).await;
    assert_eq!(b.labelled(label).await.prop("value").await.unwrap().as_deref(), Some(""), "sent, then cleared");
    let history = b.wait_for(Locator::XPath("//section[contains(@class,'history')]")).await.text().await.unwrap();
    assert!(history.contains(reason), "the reason reached the server: {history}");
    b.close().await;
}
