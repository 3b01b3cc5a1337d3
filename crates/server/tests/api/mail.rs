// SPDX-License-Identifier: EUPL-1.2
//! The outbox and its postman against a real SMTP server (aiosmtpd): what
//! decisions and the receipt page queue, what arrives, and that an outage,
//! a wrong password or a crash loses nothing and sends nothing twice.

use crate::common::*;
use mailbox::SmtpServer;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use server::mail::postman::{Postman, Timing};
use std::collections::BTreeSet;
use std::time::Duration;

/// Short waits, so outages heal within a test.
const FAST: Timing = Timing {
    first_retry: Duration::from_millis(150),
    max_retry: Duration::from_millis(600),
    max_attempts: 50,
    poll: Duration::from_millis(200),
    smtp_timeout: Duration::from_secs(5),
};

const FROM: &str = "Buone pratiche <noreply@bp.example.it>";

fn postman(url: &str) -> Postman {
    Postman::new(url, None, FROM, FAST).expect("a postman")
}

/// A server whose postman delivers to `smtp`.
async fn delivering_to(smtp: &SmtpServer) -> TestServer {
    let url = smtp.url();
    TestServer::start_with(None, move |state| {
        let db = state.db.clone();
        state.mail.start(postman(&url), db);
    })
    .await
}

/// Seeds a practice with its contact e-mail, taken into review: the next
/// `request_changes` (on version 2) queues a message.
async fn in_review(server: &TestServer, curator: &str, contact: &str, title: &str) -> String {
    let mut answer = valid_answer();
    answer.contact_email = contact.to_owned();
    answer.title = title.to_owned();
    let id = server.seed(answer, domain::record::vocabulary::ModerationStatus::Inviata).await;
    assert_eq!(server.act(curator, &id, "take_in_review", 1, None).await.0, StatusCode::OK);
    id
}

async fn outbox(server: &TestServer, admin: &str) -> Value {
    server.get_json(domain::community::OUTBOX_URL, admin).await
}

/// Waits until `check` holds of the outbox, for at most ten seconds.
async fn outbox_until(server: &TestServer, admin: &str, what: &str, check: impl Fn(&Value) -> bool) -> Value {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let outbox = outbox(server, admin).await;
        if check(&outbox) {
            return outbox;
        }
        assert!(std::time::Instant::now() < deadline, "{what}: {outbox:#}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn deliveries(outbox: &Value) -> Vec<&str> {
    outbox["messages"].as_array().unwrap().iter().map(|m| m["delivery"].as_str().unwrap()).collect()
}

async fn wait_for(smtp: &SmtpServer, count: usize) -> Vec<mailbox::Received> {
    let messages = tokio::task::block_in_place(|| smtp.wait_for(count, Duration::from_secs(10)));
    assert!(messages.len() >= count, "{} of {count} messages arrived", messages.len());
    messages
}

#[tokio::test(flavor = "multi_thread")]
async fn decisions_queue_their_message_which_waits_for_admins_without_a_mail_server() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let id = in_review(&server, &curator, "referente@comune.example.it", "Spesa a domicilio").await;
    let empty = outbox(&server, &admin).await;
    assert_eq!(empty, json!({"delivering": false, "messages": []}), "taking into review tells nobody");

    let asked = "Indicate il numero di famiglie raggiunte.";
    assert_eq!(server.act(&curator, &id, "request_changes", 2, Some(asked)).await.0, StatusCode::OK);
    let queued = outbox(&server, &admin).await;
    let message = &queued["messages"][0];
    assert_eq!(message["kind"], "changes_requested");
    assert_eq!(message["recipient"], "referente@comune.example.it");
    assert_eq!(message["delivery"], "waiting");
    assert_eq!(message["attempts"], 0);
    let subject = message["subject"].as_str().unwrap();
    assert!(subject.contains("integrazioni") && subject.contains("Changes requested") && subject.contains(&id));
    let text = message["text_body"].as_str().unwrap();
    assert!(text.contains(&format!("> {asked}")), "the editors' words, quoted: {text}");
    assert!(text.contains("Spesa a domicilio") && text.contains("English"), "{text}");

    let curators_view = server.client.get(server.url(domain::community::OUTBOX_URL)).header("cookie", &curator);
    assert_eq!(curators_view.send().await.unwrap().status(), StatusCode::FORBIDDEN, "addresses: admins only");
    let anonymous = server.client.get(server.url(domain::community::OUTBOX_URL)).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_postman_delivers_each_decisions_message_once_through_smtp() {
    let smtp = SmtpServer::start();
    let server = delivering_to(&smtp).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let id = in_review(&server, &curator, "referente@comune.example.it", "Spesa a domicilio").await;
    assert_eq!(server.act(&curator, &id, "publish", 2, None).await.0, StatusCode::OK);
    let received = wait_for(&smtp, 1).await;
    let published = &received[0];
    assert_eq!(published.envelope_to(), "referente@comune.example.it");
    assert_eq!(published.header("To").as_deref(), Some("referente@comune.example.it"));
    assert_eq!(published.header("From").as_deref(), Some("noreply@bp.example.it"));
    assert_eq!(published.header("Auto-Submitted").as_deref(), Some("auto-generated"));
    assert!(published.subject().starts_with(&format!("La pratica è pubblicata: {id}")), "{}", published.subject());
    assert!(published.text().contains(&format!("/pratiche/{id}")), "{}", published.text());
    assert!(published.html().contains("<div lang=\"en\">"), "{}", published.html());
    let sent = outbox_until(&server, &admin, "marked sent", |o| deliveries(o) == ["sent"]).await;
    assert_eq!((sent["delivering"].as_bool(), sent["messages"][0]["attempts"].as_u64()), (Some(true), Some(1)));
    assert!(sent["messages"][0]["sent_at"].is_string());
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), 1, "sent once");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_outage_and_a_crash_lose_nothing_and_send_nothing_twice() {
    let mut smtp = SmtpServer::start();
    smtp.stop();
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let mut first = server::mail::Mail::default();
    let crashed = first.start(postman(&smtp.url()), server.db.clone());
    let mut ids = Vec::new();
    for n in 1..=3 {
        let id =
            in_review(&server, &curator, &format!("referente{n}@comune.example.it"), &format!("Pratica {n}")).await;
        assert_eq!(
            server.act(&curator, &id, "request_changes", 2, Some("Aggiungete i risultati.")).await.0,
            StatusCode::OK
        );
        ids.push(id);
    }
    // The mail server is down: every message is tried, fails, and waits.
    let failing = outbox_until(&server, &admin, "every message tried", |o| {
        o["messages"].as_array().unwrap().iter().all(|m| m["attempts"].as_u64() >= Some(2))
    })
    .await;
    assert_eq!(deliveries(&failing), ["waiting"; 3]);
    assert!(failing["messages"][0]["last_error"].is_string(), "{failing:#}");
    // The process dies; the mail server comes back; a new process starts.
    crashed.abort();
    smtp.resume();
    let mut second = server::mail::Mail::default();
    let _running = second.start(postman(&smtp.url()), server.db.clone());
    let received = wait_for(&smtp, 3).await;
    outbox_until(&server, &admin, "all sent", |o| deliveries(o) == ["sent"; 3]).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let received_now = smtp.messages();
    assert_eq!(received_now.len(), 3, "each message once");
    let recipients: BTreeSet<String> = received.iter().map(mailbox::Received::envelope_to).collect();
    let expected: BTreeSet<String> = (1..=3).map(|n| format!("referente{n}@comune.example.it")).collect();
    assert_eq!(recipients, expected);
    let ids_seen: BTreeSet<String> = received.iter().map(mailbox::Received::message_id).collect();
    assert_eq!(ids_seen.len(), 3, "one Message-ID per message");
    for (message, id) in received.iter().zip(&ids) {
        assert!(message.subject().contains(id.as_str()) || ids.iter().any(|i| message.subject().contains(i.as_str())));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_smtp_password_keeps_the_messages_until_it_is_put_right() {
    let smtp = SmtpServer::start_with_login("bp", "la-password-giusta");
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let mut wrong = server::mail::Mail::default();
    let refused = wrong.start(postman(&smtp.url_with_password("sbagliata")), server.db.clone());
    let id = in_review(&server, &curator, "referente@comune.example.it", "Pratica").await;
    assert_eq!(server.act(&curator, &id, "reject", 2, Some("È un duplicato di BP-2020-0001.")).await.0, StatusCode::OK);
    let failing =
        outbox_until(&server, &admin, "refused at least once", |o| o["messages"][0]["attempts"].as_u64() >= Some(1))
            .await;
    assert_eq!(deliveries(&failing), ["waiting"]);
    let error = failing["messages"][0]["last_error"].as_str().unwrap();
    assert!(error.to_lowercase().contains("auth") || error.contains("535"), "{error}");
    assert!(smtp.messages().is_empty());
    refused.abort();
    let mut right = server::mail::Mail::default();
    let _running = right.start(postman(&smtp.url()), server.db.clone());
    let received = wait_for(&smtp, 1).await;
    assert!(received[0].text().contains("> È un duplicato di BP-2020-0001."), "{}", received[0].text());
    assert_eq!(received[0].header("Subject").map(|s| s.contains("non è stata accolta")), Some(true));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_receipt_copy_goes_to_the_contact_once_and_only_when_asked() {
    let smtp = SmtpServer::start();
    let server = delivering_to(&smtp).await;
    let receipt: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_owned();
    let ask = |token: &str, body: Value| {
        server
            .client
            .post(server.url(domain::community::RECEIPT_COPY_URL))
            .header("authorization", format!("Bearer {token}"))
            .json(&body)
            .send()
    };
    let unticked = ask(TOKEN, json!({"link_is_secret_understood": false})).await.unwrap();
    assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = unticked.json().await.unwrap();
    assert_eq!(body["error"]["fields"]["link_is_secret_understood"][0], "Spunta questa casella per confermare.");
    let unknown = ask("another-private-link-0123456789abcdefghij", json!({"link_is_secret_understood": true}));
    assert_eq!(unknown.await.unwrap().status(), StatusCode::UNAUTHORIZED);
    for _ in 0..2 {
        let sent = ask(TOKEN, json!({"link_is_secret_understood": true})).await.unwrap();
        assert_eq!(sent.status(), StatusCode::ACCEPTED);
        let sent: Value = sent.json().await.unwrap();
        assert_eq!(sent["recipient"], valid_answer().contact_email);
    }
    let received = wait_for(&smtp, 1).await;
    assert_eq!(received[0].envelope_to(), valid_answer().contact_email);
    assert!(received[0].text().contains(&format!("/questionario/modifica#{TOKEN}")), "{}", received[0].text());
    assert!(received[0].subject().contains(&id));
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), 1, "asked twice, sent once");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_accessibility_report_reaches_the_editors_address_when_there_is_one() {
    let smtp = SmtpServer::start();
    let url = smtp.url();
    let server = TestServer::start_with(None, move |state| {
        let mut operator = domain::site::operator::Operator::example();
        operator.editors_email = Some("redazione@ente.example.it".into());
        state.operator = std::sync::Arc::new(operator);
        let db = state.db.clone();
        state.mail.start(postman(&url), db);
    })
    .await;
    let report = json!({"page": "/catalogo", "description": "Il filtro per regione non si apre da tastiera.", "email": "cittadina@example.org"});
    let sent = server.client.post(server.url("/api/accessibility-reports")).json(&report).send().await.unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
    let received = wait_for(&smtp, 1).await;
    assert_eq!(received[0].envelope_to(), "redazione@ente.example.it");
    assert!(received[0].subject().starts_with("Segnalazione di accessibilità SA-0001"), "{}", received[0].subject());
    let text = received[0].text();
    assert!(
        text.contains("> Il filtro per regione non si apre da tastiera.")
            && text.contains("Rispondi a cittadina@example.org entro 30 giorni"),
        "{text}"
    );

    let quiet = TestServer::start(None).await;
    let sent = quiet.client.post(quiet.url("/api/accessibility-reports")).json(&report).send().await.unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
    let conn = rusqlite::Connection::open(&quiet.db_path).unwrap();
    let queued: i64 = conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get(0)).unwrap();
    assert_eq!(queued, 0, "without an editors' address the queue alone holds it");
}
