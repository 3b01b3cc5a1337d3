// SPDX-License-Identifier: EUPL-1.2
//! A collection round's invitations: an admin adds a CSV list; with the
//! clock moved, the schedule invites each invitee once, reminds once near the
//! deadline only those who have not answered, and deletes the list a year
//! after the round closed; the round's page data shows who answered, by
//! address or by body. A wrong list is refused with an error per row and
//! changes nothing.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use time::{Duration, OffsetDateTime};

/// Defines the round `code`, open from ten days ago for thirty days.
async fn open_round(server: &TestServer, admin: &str, code: &str) {
    let today = OffsetDateTime::now_utc().date();
    let body = json!({
        "code": code,
        "name": "Raccolta di prova",
        "opens_on": (today - Duration::days(10)).to_string(),
        "closes_on": (today + Duration::days(20)).to_string(),
    });
    let response = server
        .client
        .post(server.url("/api/moderation/rounds"))
        .header("cookie", admin)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn add(server: &TestServer, admin: &str, round: &str, csv: &str) -> (StatusCode, Value) {
    let response = server
        .client
        .post(server.url(&format!("/api/moderation/rounds/{round}/invitees")))
        .header("cookie", admin)
        .json(&json!({ "csv": csv }))
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap_or(Value::Null))
}

/// The outbox's messages of `kind`: (recipient, subject, text).
fn outbox(server: &TestServer, kind: &str) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let mut stmt =
        conn.prepare("SELECT recipient, subject, text_body FROM outbox WHERE kind = ?1 ORDER BY id").unwrap();
    stmt.query_map([kind], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[tokio::test]
async fn invitees_are_invited_once_reminded_once_unless_they_answered_and_forgotten_a_year_after() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    open_round(&server, &admin, "raccolta_prova").await;
    // One practice sent: it answers the invitee with its contact's address
    // (in another case) and the one with its body's name (in other spacing).
    let answer = valid_answer();
    let receipt = server.submit(&fresh_key(), &valid_envelope()).await;
    let id = receipt.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let by_name = answer.entity_name.to_uppercase().replace(' ', "  ");
    let csv = format!(
        "ente;email\nUfficio di piano;{}\n{by_name};ufficio@altro.example.it\nComune di Nessuno;nessuno@comune.example.it\n",
        answer.contact_email.to_uppercase()
    );
    assert_eq!(add(&server, &admin, "raccolta_prova", &csv).await, (StatusCode::OK, json!({"added": 3, "updated": 0})));
    // The same address again takes the new name, and is not added twice.
    let again = "ente,email\nComune di Nessuno (Servizi sociali),NESSUNO@comune.example.it\n";
    assert_eq!(
        add(&server, &admin, "raccolta_prova", again).await,
        (StatusCode::OK, json!({"added": 0, "updated": 1}))
    );

    let list = server.get_json("/api/moderation/rounds/raccolta_prova/invitees", &admin).await;
    let invitees = list["invitees"].as_array().unwrap();
    assert_eq!(invitees.len(), 3);
    assert_eq!(invitees[0]["answer"]["practice"], id.as_str());
    assert_eq!(invitees[0]["answer"]["matched_by"], "email");
    assert_eq!(invitees[1]["answer"]["matched_by"], "entity");
    assert_eq!(invitees[2]["answer"], Value::Null);
    assert_eq!(invitees[2]["entity"], "Comune di Nessuno (Servizi sociali)");
    assert!(invitees.iter().all(|i| i["invited_at"].is_null()), "nothing sent before the schedule runs");
    let closes = OffsetDateTime::now_utc().date() + Duration::days(20);
    assert_eq!(list["reminders_on"], (closes - Duration::days(7)).to_string());

    // The schedule invites everyone once, however often it runs.
    let now = OffsetDateTime::now_utc();
    server.run_schedule(now).await;
    server.run_schedule(now + Duration::hours(1)).await;
    let invitations = outbox(&server, "invitation");
    assert_eq!(invitations.len(), 3, "{invitations:?}");
    let (recipient, subject, text) = &invitations[2];
    assert_eq!(recipient, "nessuno@comune.example.it");
    assert!(subject.contains("Raccolta di prova"), "{subject}");
    assert!(text.contains("Comune di Nessuno (Servizi sociali)") && text.contains("/questionario"), "{text}");
    assert!(text.contains(&domain::dates::long_date(&closes.to_string(), domain::Lang::It)), "the deadline: {text}");
    assert!(outbox(&server, "invitation_reminder").is_empty(), "no reminder before the last week");

    // In the last week: one reminder, only to who has not answered.
    server.run_schedule(now + Duration::days(14)).await;
    server.run_schedule(now + Duration::days(15)).await;
    let reminders = outbox(&server, "invitation_reminder");
    assert_eq!(reminders.len(), 1, "{reminders:?}");
    assert_eq!(reminders[0].0, "nessuno@comune.example.it");
    assert!(reminders[0].1.starts_with("Promemoria"), "{}", reminders[0].1);
    let list = server.get_json("/api/moderation/rounds/raccolta_prova/invitees", &admin).await;
    let invitees = list["invitees"].as_array().unwrap();
    assert!(invitees.iter().all(|i| i["invited_at"].is_string()));
    let reminded: Vec<bool> = invitees.iter().map(|i| i["reminded_at"].is_string()).collect();
    assert_eq!(reminded, [false, false, true]);

    // Taken off the list: gone, and logged with every change of the list.
    let gone = invitees[1]["id"].as_i64().unwrap();
    let delete = |id: i64| {
        server
            .client
            .delete(server.url(&format!("/api/moderation/rounds/raccolta_prova/invitees/{id}")))
            .header("cookie", &admin)
            .send()
    };
    assert_eq!(delete(gone).await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(delete(gone).await.unwrap().status(), StatusCode::NOT_FOUND);
    let list = server.get_json("/api/moderation/rounds/raccolta_prova/invitees", &admin).await;
    assert_eq!(list["invitees"].as_array().unwrap().len(), 2);
    let audit = server.get_json("/api/moderation/audit", &admin).await;
    let actions: Vec<&str> = audit.as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "add_invitees").count(), 2, "{actions:?}");
    assert_eq!(actions.iter().filter(|a| **a == "remove_invitee").count(), 1, "{actions:?}");

    // A year after the round closed, the schedule deletes its invitees.
    server.run_schedule(now + Duration::days(20 + 366)).await;
    let list = server.get_json("/api/moderation/rounds/raccolta_prova/invitees", &admin).await;
    assert_eq!(list["invitees"], json!([]));
}

#[tokio::test]
async fn a_wrong_list_is_refused_with_an_error_per_row_and_changes_nothing() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    open_round(&server, &admin, "raccolta_prova").await;
    let before = server.snapshot();
    let oversized = format!("ente,email\n{}", "Comune di Lecce,servizi@comune.lecce.it\n".repeat(8000));
    let cases: [(&str, String, &[&str]); 7] = [
        (
            "wrong rows",
            "ente,email\nComune di Lecce,non-un-indirizzo\n,ats@bari.example.it\nComune di Bari,ATS@bari.example.it\n"
                .into(),
            &["rows.2.email", "rows.3.entity", "rows.4.email"],
        ),
        ("no header", "Comune di Lecce,servizi@comune.lecce.it\n".into(), &["file"]),
        ("empty", String::new(), &["file"]),
        ("only a header", "ente,email\n".into(), &["file"]),
        ("markup", "ente,email\n<img src=x onerror=alert(1)>,a@b.example.it\n".into(), &["rows.2.entity"]),
        ("header injection", "ente,email\nComune,\"a@b.it\r\nBcc: c@d.it\"\n".into(), &["rows.2.email"]),
        ("over 200 KiB", oversized.chars().take(210 * 1024).collect(), &["file"]),
    ];
    for (why, csv, keys) in cases {
        let (status, body) = add(&server, &admin, "raccolta_prova", &csv).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {body}");
        let errors = body["error"]["fields"].as_object().unwrap_or_else(|| panic!("{why}: {body}"));
        let found: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(found, keys, "{why}: {body}");
        assert!(errors.values().all(|m| !m[0].as_str().unwrap().is_empty()), "{why}: a message for each: {body}");
    }
    let (_, body) = add(&server, &admin, "raccolta_prova", "ente,email\nComune,x@y.it\nAltro,X@Y.it\n").await;
    assert!(body["error"]["fields"]["rows.3.email"][0].as_str().unwrap().contains("riga 2"), "{body}");

    // Over the server's limit on any body; the wrong shape; the wrong type.
    let (status, _) = add(&server, &admin, "raccolta_prova", &oversized).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let post = |body: reqwest::Body, content_type: &'static str| {
        server
            .client
            .post(server.url("/api/moderation/rounds/raccolta_prova/invitees"))
            .header("cookie", &admin)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let unknown_key = post(r#"{"csv": "ente,email", "replace": true}"#.into(), "application/json").await.unwrap();
    assert_eq!(unknown_key.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let as_csv = post("ente,email\nComune,a@b.it\n".into(), "text/csv").await.unwrap();
    assert_eq!(as_csv.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // No such round; a round that has closed (its invitations would never go).
    let (status, _) = add(&server, &admin, "nessuna_raccolta", "ente,email\nComune,a@b.it\n").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = add(&server, &admin, "prima_raccolta_2020", "ente,email\nComune,a@b.it\n").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body["error"]["message"].as_str().unwrap().contains("si è chiusa"), "{body}");
    for path in ["/api/moderation/rounds/nessuna_raccolta/invitees", "/api/moderation/rounds/..%2F..%2Fetc/invitees"] {
        let response = server.client.get(server.url(path)).header("cookie", &admin).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(server.snapshot(), before, "a refused list changes nothing");
}
