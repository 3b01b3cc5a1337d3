// SPDX-License-Identifier: EUPL-1.2
//! "Contatta il referente": a reader's message relayed to the private
//! contact of a published practice through a real SMTP server, the sender's
//! copy, and the refusals (turned off, unpublished, over the limits).

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use mailbox::SmtpServer;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::mail::postman::{Postman, Timing};
use std::time::Duration;

const REFERENT: &str = "referente.segreto@comune.example.it";

fn timing() -> Timing {
    Timing { first_retry: Duration::from_millis(150), poll: Duration::from_millis(200), ..Timing::default() }
}

async fn published(server: &TestServer, declines: bool) -> String {
    let mut answer = valid_answer();
    answer.contact_email = REFERENT.to_owned();
    answer.no_contact_requests = declines;
    server.seed(answer, ModerationStatus::Pubblicata).await
}

fn message(sender: &str) -> Value {
    json!({
        "name": "Anna Bianchi",
        "email": sender,
        "entity": "Comune di Esempio",
        "message": "Vorremmo sapere come avete organizzato la spesa a domicilio con i volontari.",
        "consent": true,
    })
}

async fn contact(server: &TestServer, id: &str, key: &str, body: &Value) -> (StatusCode, Value) {
    let response = server
        .client
        .post(server.url(&domain::community::contact_url(&domain::PracticeId::parse(id).unwrap())))
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap_or(Value::Null))
}

fn outbox_rows(server: &TestServer) -> i64 {
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_readers_message_reaches_the_referent_who_answers_the_sender_and_the_address_stays_hidden() {
    let smtp = SmtpServer::start();
    let url = smtp.url();
    let server = TestServer::start_with(None, move |state| {
        let db = state.db.clone();
        state.mail.start(Postman::new(&url, None, "Buone pratiche <noreply@bp.example.it>", timing()).unwrap(), db);
    })
    .await;
    let id = published(&server, false).await;
    let key = fresh_key();
    let (status, body) = contact(&server, &id, &key, &message("anna.bianchi@comune.example.it")).await;
    assert_eq!((status, body.clone()), (StatusCode::ACCEPTED, json!({"copy_to": "anna.bianchi@comune.example.it"})));
    let received = tokio::task::block_in_place(|| smtp.wait_for(2, Duration::from_secs(10)));
    assert_eq!(received.len(), 2);
    let relay = received.iter().find(|m| m.envelope_to() == REFERENT).expect("the relay");
    let copy = received.iter().find(|m| m.envelope_to() == "anna.bianchi@comune.example.it").expect("the copy");
    assert_eq!(relay.header("Reply-To").as_deref(), Some("anna.bianchi@comune.example.it"), "{}", relay.raw());
    assert!(relay.raw().contains("Anna Bianchi"), "the Reply-To names the sender");
    assert!(relay.text().contains("> Vorremmo sapere come avete organizzato"), "{}", relay.text());
    assert!(relay.text().contains("Anna Bianchi (Comune di Esempio)"), "{}", relay.text());
    assert!(relay.subject().contains(&id));
    assert!(!copy.raw().contains(REFERENT), "the sender never sees the referent's address: {}", copy.raw());
    assert!(copy.text().contains("> Vorremmo sapere"), "{}", copy.text());
    assert!(!body.to_string().contains(REFERENT));

    let (again, _) = contact(&server, &id, &key, &message("anna.bianchi@comune.example.it")).await;
    assert_eq!(again, StatusCode::ACCEPTED, "a retry is answered as the first time");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), 2, "and sends nothing more");
}

#[tokio::test]
async fn contact_requests_are_refused_when_off_unpublished_or_over_the_limits() {
    let server =
        TestServer::start_with(None, |state| state.contact_limits = server::guard::ContactLimits::new(2, 3)).await;
    let off = published(&server, true).await;
    let (status, body) = contact(&server, &off, &fresh_key(), &message("a@comune.example.it")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("non riceve messaggi"), "{body}");
    let waiting = server.seed(valid_answer(), ModerationStatus::Inviata).await;
    assert_eq!(
        contact(&server, &waiting, &fresh_key(), &message("a@comune.example.it")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        contact(&server, "BP-2020-9999", &fresh_key(), &message("a@comune.example.it")).await.0,
        StatusCode::NOT_FOUND
    );
    let no_key = server
        .client
        .post(server.url(&format!("/api/practices/{off}/contact")))
        .json(&message("a@comune.example.it"))
        .send()
        .await
        .unwrap();
    assert_eq!(no_key.status(), StatusCode::BAD_REQUEST, "a message needs its idempotency key");
    assert_eq!(outbox_rows(&server), 0, "nothing refused is queued");

    let open = published(&server, false).await;
    for _ in 0..2 {
        assert_eq!(
            contact(&server, &open, &fresh_key(), &message("same@comune.example.it")).await.0,
            StatusCode::ACCEPTED
        );
    }
    let (status, body) = contact(&server, &open, &fresh_key(), &message("SAME@comune.example.it")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "two an hour from one address, whatever its case: {body}");
    assert_eq!(
        contact(&server, &open, &fresh_key(), &message("other@comune.example.it")).await.0,
        StatusCode::ACCEPTED
    );
    let (status, _) = contact(&server, &open, &fresh_key(), &message("third@comune.example.it")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "three a day to one practice");
    assert_eq!(outbox_rows(&server), 6, "three messages relayed, three copies");
}
