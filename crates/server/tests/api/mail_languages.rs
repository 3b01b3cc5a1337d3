// SPDX-License-Identifier: EUPL-1.2
//! E-mail in the recipient's language: a respondent who wrote in English
//! reads the letters about their practice in English first, and so does the
//! referent a reader writes to; a reader or a follower reads the copy and
//! the confirmation in the language they used. Where the language is not
//! known (a practice stored before it was asked, the editors' mail), the
//! letter stays Italian first. Every letter keeps both languages.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;

/// The subject, text and HTML of the one message of `kind` to `recipient`.
fn letter(server: &TestServer, kind: &str, recipient: &str) -> (String, String, String) {
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    conn.query_row(
        "SELECT subject, text_body, html_body FROM outbox WHERE kind = ?1 AND recipient = ?2",
        [kind, recipient],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap_or_else(|e| panic!("no {kind} message to {recipient}: {e}"))
}

/// Asserts the letter reads in English first, then Italian.
fn english_first((subject, text, html): &(String, String, String), english_subject: &str) {
    assert!(subject.starts_with(english_subject), "{subject}");
    let (english, italian) = text.split_once("\n---------- Italiano ----------\n").expect(text);
    assert!(!english.contains("Ricevi quest"), "the first part is English: {english}");
    assert!(italian.contains("Ricevi quest"), "Italian follows: {italian}");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{html}");
    assert!(html.find("<div lang=\"en\">") < html.find("<div lang=\"it\">"), "{html}");
}

/// Asserts the letter reads in Italian first, then English, as every letter did before.
fn italian_first((subject, text, html): &(String, String, String), italian_subject: &str) {
    assert!(subject.starts_with(italian_subject), "{subject}");
    assert!(text.contains("\n---------- English ----------\n"), "{text}");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"it\">"), "{html}");
}

fn stored_lang(server: &TestServer, sql: &str) -> Option<String> {
    rusqlite::Connection::open(&server.db_path).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn letters_come_in_the_language_the_recipient_used() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;

    // A respondent who filled the questionnaire in English.
    let mut answer = valid_answer();
    answer.contact_email = "respondent@comune.example.it".into();
    let body = envelope(serde_json::to_value(&answer).unwrap());
    let response = server
        .client
        .post(server.url("/api/submissions"))
        .header("idempotency-key", fresh_key())
        .header("accept-language", "en-GB,en;q=0.9,it;q=0.5")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let id = response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    assert_eq!(stored_lang(&server, "SELECT lang FROM practices").as_deref(), Some("en"));

    // The editors decide: the respondent reads it in English first.
    assert_eq!(server.act(&curator, &id, "take_in_review", 1, None).await.0, StatusCode::OK);
    assert_eq!(server.act(&curator, &id, "publish", 2, None).await.0, StatusCode::OK);
    english_first(&letter(&server, "published", "respondent@comune.example.it"), "The practice is published");

    // A reader writes in Italian: the referent reads it in English first,
    // the reader's own copy is in Italian first.
    let reader = "lettore@comune.example.it";
    let contact = json!({
        "name": "Anna Bianchi", "email": reader, "entity": "Comune di Esempio",
        "message": "Vorremmo sapere come avete organizzato la spesa a domicilio.", "consent": true,
    });
    let path = domain::community::contact_url(&domain::PracticeId::parse(&id).unwrap());
    let sent = server
        .client
        .post(server.url(&path))
        .header("idempotency-key", fresh_key())
        .header("accept-language", "it")
        .json(&contact)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::ACCEPTED);
    english_first(&letter(&server, "contact_relay", "respondent@comune.example.it"), "A message about practice");
    italian_first(&letter(&server, "contact_copy", reader), "");

    // A follower who chose English: the confirmation in English first, and
    // the subscription remembers the language for the digests.
    let follow = json!({"email": "follower@example.org", "view": [["q", "spesa"]], "website": ""});
    let response =
        server.client.post(server.url("/api/subscriptions")).header("accept-language", "en").json(&follow).send();
    assert_eq!(response.await.unwrap().status(), StatusCode::ACCEPTED);
    english_first(&letter(&server, "follow_confirm", "follower@example.org"), "Confirm: follow this search");
    assert_eq!(stored_lang(&server, "SELECT lang FROM subscriptions").as_deref(), Some("en"));
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_known_language_letters_stay_italian_first() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    // Stored as before the language was asked (a demo seed, an older database).
    let mut answer = valid_answer();
    answer.contact_email = "respondent@comune.example.it".into();
    let id = server.seed(answer, ModerationStatus::Inviata).await;
    assert_eq!(stored_lang(&server, "SELECT lang FROM practices"), None);
    assert_eq!(server.act(&curator, &id, "take_in_review", 1, None).await.0, StatusCode::OK);
    assert_eq!(server.act(&curator, &id, "publish", 2, None).await.0, StatusCode::OK);
    italian_first(&letter(&server, "published", "respondent@comune.example.it"), "La pratica è pubblicata");

    // A request without Accept-Language is answered in Italian, and so is its mail.
    let follow = json!({"email": "follower@example.org", "view": [], "website": ""});
    let response = server.client.post(server.url("/api/subscriptions")).json(&follow).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    italian_first(&letter(&server, "follow_confirm", "follower@example.org"), "Conferma: segui questa ricerca");
}
