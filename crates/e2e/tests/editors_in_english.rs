// SPDX-License-Identifier: EUPL-1.2
//! End-to-end: a curator who chooses English with the header's switch reads
//! the editors' queue and the review of a submission in English, with none
//! of the interface's Italian left (the submission's own answers stay in
//! the language they were written in).

use domain::record::vocabulary::ModerationStatus;
use e2e::{Browser, TestServer, dist_dir, key};
use fantoccini::Locator;
use fantoccini::key::Key;

/// The submission's title: Italian content, as respondents write it.
const TITLE: &str = "Sportello unico per le famiglie";

/// A submission waiting for the editors; returns its reference.
async fn submission(server: &TestServer) -> String {
    let mut answer = server::demo::practices().remove(3);
    answer.title = TITLE.into();
    server.seed(answer, ModerationStatus::Inviata).await.to_string()
}

/// The visible text of what `xpath` finds first.
async fn text_of(b: &Browser, xpath: &str) -> String {
    b.wait_for(Locator::XPath(xpath)).await.text().await.unwrap()
}

/// The visible texts of everything `xpath` finds, in page order.
async fn texts_of(b: &Browser, xpath: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for element in b.client.find_all(Locator::XPath(xpath)).await.unwrap() {
        texts.push(element.text().await.unwrap().trim().to_owned());
    }
    texts
}

/// Fails if the page's `<main>` still shows any of `italian`.
async fn assert_no_italian(b: &Browser, page: &str, italian: &[&str]) {
    let main = text_of(b, "//main").await;
    let left: Vec<_> = italian.iter().filter(|it| main.contains(**it)).collect();
    assert!(left.is_empty(), "{page} in English still reads {left:?}:\n{main}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_editors_queue_and_review_read_in_english_when_english_is_chosen() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let reference = submission(&server).await;
    let b = Browser::start().await;
    server.sign_in(&b, "curatrice@example.org", server::auth::Role::Curator).await;

    // English, chosen on the queue itself: the page changes language in place.
    b.press("EN English").await;
    b.wait_for_heading("Submissions to curate").await;
    assert_eq!(b.client.title().await.unwrap(), "Editors · Buone pratiche");
    let tabs = "//nav[@aria-label='States']";
    let current = format!("{tabs}//a[@aria-current='page'][starts-with(normalize-space(.), 'To curate (')]");
    b.wait_for(Locator::XPath(&current)).await;
    for tab in ["All", "Submitted (", "Updates to review (", "Needs updating ("] {
        b.wait_for(Locator::XPath(&format!("{tabs}//a[starts-with(normalize-space(.), '{tab}')]"))).await;
    }
    let table = "//div[@role='region'][@aria-label='Submissions']//table";
    b.wait_for(Locator::XPath(&format!("{table}/caption[normalize-space(.)='Oldest first']"))).await;
    assert_eq!(texts_of(&b, "//table/thead//th").await, ["Reference", "Title", "Body", "State", "Submitted"]);
    // The submission's state, in the row of its reference.
    let row = format!("//table/tbody/tr[td/a[normalize-space(.)='{reference}']]");
    assert_eq!(text_of(&b, &format!("{row}/td[4]")).await.trim(), "Submitted");
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='Declarations of adoption']")).await;
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='Accessibility reports']")).await;
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='E-mail summary']")).await;
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Sign out']")).await;
    let queue_italian = [
        "Caricamento",
        "Pratiche da curare",
        "Da curare (",
        "Aggiornamenti da rivedere",
        "Dalla più vecchia",
        "Cerca per riferimento",
        "Inviata il",
        "Dichiarazioni di adozione",
        "Segnalazioni di accessibilità",
        "Riepilogo per e-mail",
    ];
    assert_no_italian(&b, "the queue", &queue_italian).await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "queue in English: {violations:#?}");
    b.screenshots("editors-queue-english").await;

    // Searching loads the queue afresh: the choice is kept.
    b.type_into("Search by reference, title or body", &reference).await;
    b.press("Search").await;
    b.wait_for(Locator::XPath("//table/tbody[count(tr) = 1]")).await;
    b.wait_for_heading("Submissions to curate").await;
    assert_no_italian(&b, "the searched queue", &queue_italian).await;

    // The review of the submission.
    let link = b.wait_for(Locator::XPath(&format!("//table//a[normalize-space(.)='{reference}']"))).await;
    link.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading(TITLE).await;
    assert_eq!(b.client.title().await.unwrap(), "Review · Buone pratiche");
    let state = text_of(&b, "//p[@data-testid='review-state']").await;
    assert_eq!(state, format!("{reference} · Submitted · version 1"));
    assert_eq!(texts_of(&b, "//main//h2").await, ["Decision", "History"]);
    b.wait_for(Locator::XPath("//a[normalize-space(.)='Correct the text or classification']")).await;
    b.labelled("Message to the respondent (for changes or a rejection)").await;
    b.wait_for(Locator::XPath("//dt[normalize-space(.)='Title of the practice']")).await;
    let history = text_of(&b, "//section[contains(@class, 'history')]").await;
    assert!(history.contains("No decision so far."), "{history}");
    let actions = texts_of(&b, "//section[contains(@class, 'decisions')]//button").await;
    assert!(actions.iter().any(|a| a == "Take in review"), "{actions:?}");
    let review_italian = [
        "Caricamento",
        "Decisione",
        "Storico",
        "Nessuna decisione finora",
        "Messaggio per chi ha inviato la pratica",
        "Correggi testo o classificazione",
        "Prendi in revisione",
        "Respingi",
        "Titolo della pratica",
    ];
    assert_no_italian(&b, "the review", &review_italian).await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "review in English: {violations:#?}");
    b.screenshots("editors-review-english").await;

    // A decision, its notice and the history.
    b.press("Take in review").await;
    b.wait_for(Locator::XPath("//div[@role='status'][normalize-space(.)='Done: Take in review.']")).await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'In review')]")).await;
    let history = text_of(&b, "//section[contains(@class, 'history')]").await;
    assert!(history.contains("Take in review (Submitted → In review)"), "{history}");

    // A decision that needs a message says so in English.
    b.press("Request changes").await;
    let error = text_of(&b, "//p[@id='errore-messaggio']").await;
    assert!(error.starts_with("Write the message"), "{error}");

    // Publishing asks first, in English; cancelling changes nothing.
    b.press("Publish").await;
    let question = text_of(&b, "//div[@role='group'][@aria-label='Publish']/p").await;
    assert_eq!(question, "Confirm “Publish”?");
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Confirm: Publish']")).await;
    b.press("Cancel").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'In review')]")).await;
    let after = [&review_italian[..], &["Fatto:", "Conferma", "Annulla"]].concat();
    assert_no_italian(&b, "the review after a decision", &after).await;
    b.close().await;
}
