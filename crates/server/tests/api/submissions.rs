// SPDX-License-Identifier: EUPL-1.2
//! Submissions: bad bodies and their errors, the size limit, a valid
//! submission, idempotency, abuse.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::guard::AbuseGuard;

#[tokio::test]
async fn bad_bodies_get_clear_json_errors_and_store_nothing() {
    let server = TestServer::start(None).await;
    let valid = valid_envelope();
    let with = |key: &str, value: Value| {
        let mut v = valid.clone();
        v["answers"][key] = value;
        v.to_string()
    };
    let without = |key: &str| {
        let mut v = valid.clone();
        v["answers"].as_object_mut().unwrap().remove(key);
        v.to_string()
    };
    let json_body = Some("application/json");
    let with_envelope = |key: &str, value: Value| {
        let mut v = valid.clone();
        v[key] = value;
        v.to_string()
    };
    let (bad, schema, invalid) =
        (StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY, StatusCode::UNPROCESSABLE_ENTITY);
    let cases: Vec<(&str, Option<&str>, String, StatusCode, &str)> = vec![
        ("malformed JSON", json_body, "{\"answers\": {\"title\": ".into(), bad, "malformed_json"),
        ("not JSON at all", json_body, "<xml/>".into(), bad, "malformed_json"),
        ("no content type", None, valid.to_string(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        ("answers not an object", json_body, with_envelope("answers", json!([])), schema, "schema_mismatch"),
        ("unknown envelope key", json_body, with_envelope("admin", json!(true)), schema, "schema_mismatch"),
        ("start token as a number", json_body, with_envelope("started", json!(-5)), schema, "schema_mismatch"),
        ("a short edit token", json_body, with_envelope("edit_token", json!("short")), bad, "bad_request"),
        ("wrong type", json_body, with("title", json!(42)), invalid, "validation_failed"),
        ("missing required key", json_body, without("title"), invalid, "validation_failed"),
        ("unknown extra key", json_body, with("is_admin", json!(true)), invalid, "validation_failed"),
        ("unknown vocabulary code", json_body, with("service_type", json!("nuovissimo")), invalid, "validation_failed"),
        ("negative count", json_body, with("staff_count", json!(-3)), invalid, "validation_failed"),
        (
            "a Comune outside the region",
            json_body,
            with("comune_codes", json!(["058091"])),
            invalid,
            "validation_failed",
        ),
        ("blank title", json_body, with("title", json!("  ")), invalid, "validation_failed"),
        ("title over the limit", json_body, with("title", json!("a".repeat(121))), invalid, "validation_failed"),
        ("end before start", json_body, with("end_date", json!("2020-01")), invalid, "validation_failed"),
    ];
    for (why, content_type, body, status, code) in cases {
        let (got, answer) = server.post_raw("/api/submissions", content_type, body).await;
        assert_eq!(got, status, "{why}: {answer}");
        assert_eq!(answer["error"]["code"], code, "{why}: {answer}");
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.len() > 10, "{why}: a message people can read, got {message:?}");
    }
    assert_eq!(server.stored(), 0, "no bad body stored anything");
}

#[tokio::test]
async fn validation_errors_map_fields_to_messages() {
    let server = TestServer::start(None).await;
    let mut body = valid_envelope();
    body["answers"]["title"] = json!("");
    body["answers"]["contact_email"] = json!("non-una-mail");
    let (status, body) = server.post_raw("/api/submissions", Some("application/json"), body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["fields"]["title"], json!(["Scrivi il titolo della pratica."]));
    assert_eq!(
        body["error"]["fields"]["contact_email"],
        json!(["Scrivi un indirizzo e-mail nella forma nome@ente.it."])
    );
    assert_eq!(server.stored(), 0);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let server = TestServer::start(None).await;
    for size in [server::BODY_LIMIT + 1, 10 * 1024 * 1024] {
        let mut body = valid_envelope();
        body["answers"]["description"] = json!("x".repeat(size));
        let (status, body) = server.post_raw("/api/submissions", Some("application/json"), body.to_string()).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{size} bytes");
        assert_eq!(body["error"]["code"], "payload_too_large");
    }
    assert_eq!(server.stored(), 0);
}

#[tokio::test]
async fn a_valid_submission_is_stored_once_and_stays_private() {
    let server = TestServer::start(None).await;
    let mut body = valid_envelope();
    body["answers"]["summary"] = json!("<script>alert('x')</script> resta testo");
    let (status, receipt) = server.post_raw("/api/submissions", Some("application/json"), body.to_string()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_str().unwrap();
    assert!(domain::PracticeId::parse(id).is_ok(), "a citable reference: {id}");
    assert_eq!(server.stored(), 1);
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let (status, summary): (String, String) = conn
        .query_row("SELECT moderation_status, answer ->> '$.summary' FROM practices", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(status, "inviata");
    assert_eq!(summary, "<script>alert('x')</script> resta testo", "HTML is stored as text, unchanged");
    let response = server.client.get(server.url(&format!("/api/practices/{id}"))).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "not public before a curator publishes it");
}

#[tokio::test]
async fn the_same_idempotency_key_stores_one_record() {
    let server = TestServer::start(None).await;
    let key = fresh_key();
    let first = server.submit(&key, &valid_envelope()).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    for _ in 0..3 {
        let again = server.submit(&key, &valid_envelope()).await;
        assert_eq!(again.status(), StatusCode::CREATED, "a retry gets the same receipt");
        assert_eq!(again.json::<Value>().await.unwrap(), first);
    }
    assert_eq!(server.stored(), 1, "stored exactly once");

    let mut different = valid_envelope();
    different["answers"]["title"] = json!("Un'altra pratica");
    let reused = server.submit(&key, &different).await;
    assert_eq!(reused.status(), StatusCode::CONFLICT, "the key replayed with another body");
    assert_eq!(reused.json::<Value>().await.unwrap()["error"]["code"], "idempotency_key_reused");
    let stolen = server.submit(&fresh_key(), &different).await;
    assert_eq!(stolen.status(), StatusCode::CONFLICT, "another submission cannot take an existing private link");
    let missing = server.client.post(server.url("/api/submissions")).json(&valid_envelope()).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST, "no Idempotency-Key header");
    assert_eq!(server.stored(), 1);
}

#[tokio::test]
async fn abuse_gets_clear_answers_without_captchas() {
    let server = TestServer::start_with(None, |state| state.guard = AbuseGuard::new(20, 2)).await;
    let mut honeypot = valid_envelope();
    honeypot["website"] = json!("http://spam.example");
    let response = server.submit(&fresh_key(), &honeypot).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.json::<Value>().await.unwrap()["error"]["code"], "looks_automated");

    let mut hasty = valid_envelope();
    hasty["started"] = json!(started(3));
    let response = server.submit(&fresh_key(), &hasty).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "under the minimum fill time");

    let response = server.submit(&fresh_key(), &valid_envelope()).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "the third request in a minute");
    let retry_after: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after), "Retry-After: {retry_after}");
    assert_eq!(response.json::<Value>().await.unwrap()["error"]["code"], "too_many_requests");
    assert_eq!(server.stored(), 0);
}
