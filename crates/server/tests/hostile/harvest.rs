// SPDX-License-Identifier: EUPL-1.2
//! Harvesting (admins): requests about sources refused in words with
//! nothing stored; and sources that misbehave (down, 404, a web page, too
//! big, too slow, another shape or licence, a redirect loop), each run
//! recorded as failed with the previous harvest kept whole.

use super::{Case, Entry, Expect};
use crate::common::TestServer;
use axum::http::{HeaderValue, StatusCode, header};
use domain::record::vocabulary::ModerationStatus;
use serde_json::{Value, json};
use server::auth::Role;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub(super) fn source_cases(admin: &str, curator: &str) -> Vec<Case> {
    use Expect::Error;
    let invalid = Error(422, "validation_failed");
    let good = json!({"name": "Regione Umbria", "url": "https://pratiche.regione.umbria.it/opendata/buone-pratiche.json",
                      "contact_email": "pratiche@regione.umbria.it"});
    let with = |key: &str, value: Value| {
        let mut body = good.clone();
        body[key] = value;
        body.to_string()
    };
    let add = |name: &str, body: String, cookie: &str, expect: Expect| {
        let case = Case::new(Entry::Harvest, name, "POST", "/api/moderation/harvest-sources", expect).json(body);
        if cookie.is_empty() { case } else { case.header("cookie", cookie) }
    };
    vec![
        add("a source without a session", good.to_string(), "", Error(401, "unauthorized")),
        add("a source added by a curator", good.to_string(), curator, Error(403, "forbidden")),
        add("a file:// source", with("url", json!("file:///etc/passwd")), admin, invalid),
        add("an ftp:// source", with("url", json!("ftp://a.example/x.json")), admin, invalid),
        add("a javascript: source", with("url", json!("javascript:alert(1)")), admin, invalid),
        add(
            "an address of 2,001 characters",
            with("url", json!(format!("https://a.it/{}", "x".repeat(1990)))),
            admin,
            invalid,
        ),
        add("a name with a line break", with("name", json!("Regione\nUmbria")), admin, invalid),
        add("a name of 121 characters", with("name", json!("R".repeat(121))), admin, invalid),
        add("a contact that is no e-mail", with("contact_email", json!("<script>")), admin, invalid),
        add("read every 0 hours", with("every_hours", json!(0)), admin, invalid),
        add("read every 721 hours", with("every_hours", json!(721)), admin, invalid),
        add("a field the API lacks", with("password", json!("x")), admin, Error(422, "schema_mismatch")),
        add("a source of truncated JSON", "{\"name\": \"R".into(), admin, Error(400, "malformed_json")),
        Case::new(
            Entry::Harvest,
            "running a source that is not there",
            "POST",
            "/api/moderation/harvest-sources/999999/run",
            Error(404, "not_found"),
        )
        .header("cookie", admin),
        Case::new(
            Entry::Harvest,
            "a run by a curator",
            "POST",
            "/api/moderation/harvest-sources/1/run",
            Error(403, "forbidden"),
        )
        .header("cookie", curator),
        Case::new(Entry::Harvest, "read every 9,999 hours", "PATCH", "/api/moderation/harvest-sources/1", invalid)
            .header("cookie", admin)
            .json(json!({"every_hours": 9999}).to_string()),
    ]
}

/// What the fake source answers.
#[derive(Clone)]
struct Reply {
    status: StatusCode,
    content_type: &'static str,
    body: Vec<u8>,
    delay: Duration,
    location: Option<String>,
}

impl Reply {
    fn json(body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status: StatusCode::OK,
            content_type: "application/json",
            body: body.into(),
            delay: Duration::ZERO,
            location: None,
        }
    }
}

/// A source on this machine whose answer a test swaps.
async fn fake_source(reply: Arc<Mutex<Reply>>) -> String {
    let app = axum::Router::new().fallback(move || {
        let reply = reply.lock().unwrap().clone();
        async move {
            tokio::time::sleep(reply.delay).await;
            let mut response = axum::response::Response::new(axum::body::Body::from(reply.body));
            *response.status_mut() = reply.status;
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(reply.content_type));
            if let Some(location) = reply.location {
                response.headers_mut().insert(header::LOCATION, HeaderValue::from_str(&location).unwrap());
            }
            response
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

async fn run(server: &TestServer, admin: &str, source: i64) -> Value {
    let url = server.url(&format!("/api/moderation/harvest-sources/{source}/run"));
    let response = server.client.post(url).header("cookie", admin).send().await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    response.json().await.unwrap()
}

async fn add(server: &TestServer, admin: &str, url: &str) -> i64 {
    let body = json!({"name": url, "url": url, "contact_email": "redazione@comune.roma.it"});
    let response = server
        .client
        .post(server.url("/api/moderation/harvest-sources"))
        .header("cookie", admin)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

/// A failure's kind: `"html"`, or the key of `{"status": {...}}`.
fn kind_of(failure: &Value) -> Option<&str> {
    failure.as_str().or_else(|| failure.as_object()?.keys().next().map(String::as_str))
}

/// The rows a failed run must leave as they were.
fn harvest_rows(server: &TestServer) -> Vec<String> {
    let kept = ["practices:", "practice_versions:", "harvested:", "audit_log:"];
    server.snapshot().into_iter().filter(|row| kept.iter().any(|t| row.starts_with(t))).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_that_misbehaves_changes_nothing_and_says_why() {
    let origin = TestServer::start_public(|_| {}).await;
    origin.seed(crate::common::valid_answer(), ModerationStatus::Pubblicata).await;
    let good = origin
        .client
        .get(origin.url("/opendata/buone-pratiche.json"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec();
    let reply = Arc::new(Mutex::new(Reply::json(good.clone())));
    let fake = fake_source(reply.clone()).await;
    let server = TestServer::start_public(|state| {
        let reach = server::harvest::fetch::Settings {
            allow_private: true,
            timeout: Duration::from_secs(2),
            max_bytes: 256 * 1024,
        };
        state.harvester = Arc::new(server::harvest::Harvester::new(reach, &state.public_url));
    })
    .await;
    let admin = crate::common::sign_in(&server, "admin@b.it", Role::Admin).await;
    let url = format!("{fake}/opendata/buone-pratiche.json");
    let source = add(&server, &admin, &url).await;
    assert_eq!(run(&server, &admin, source).await["counts"]["created"], 1);
    let before = harvest_rows(&server);

    let document: Value = serde_json::from_slice(&good).unwrap();
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut document = document.clone();
        edit(&mut document);
        Reply::json(document.to_string())
    };
    let status = |code: u16| Reply { status: StatusCode::from_u16(code).unwrap(), ..Reply::json("{}") };
    let html =
        Reply { content_type: "text/html; charset=utf-8", ..Reply::json("<!DOCTYPE html><title>Manutenzione</title>") };
    let cases: Vec<(&str, Reply, &str)> = vec![
        ("404", status(404), "status"),
        ("500", status(500), "status"),
        ("a web page with 200", html, "html"),
        ("a web page sent as JSON", Reply::json("\n<html><body>Accedi</body></html>"), "html"),
        ("a body over the limit", Reply::json(vec![b' '; 256 * 1024 + 1]), "too_large"),
        (
            "an answer after the time allowed",
            Reply { delay: Duration::from_secs(4), ..Reply::json(good.clone()) },
            "timeout",
        ),
        ("no list of practices", Reply::json("{\"licence\": \"CC-BY-4.0\"}"), "shape"),
        ("practices not a list", with(&|d| d["practices"] = json!({"a": 1})), "shape"),
        ("a list at the top", Reply::json("[]"), "shape"),
        ("truncated JSON", Reply::json(&good[..good.len() / 2]), "shape"),
        ("Windows-1252 text", Reply::json(b"{\"practices\": [{\"title\": \"Citt\xe0\"}]}".to_vec()), "not_utf8"),
        ("a licence that forbids reuse", with(&|d| d["licence"] = json!("CC-BY-NC-4.0")), "licence"),
        ("5,001 practices", with(&|d| d["practices"] = json!(vec![json!({}); 5001])), "shape"),
        (
            "a redirect loop",
            Reply { status: StatusCode::FOUND, location: Some(url.clone()), ..Reply::json("") },
            "refused",
        ),
    ];
    for (name, answer, kind) in cases {
        *reply.lock().unwrap() = answer;
        let outcome = run(&server, &admin, source).await;
        assert_eq!(
            (outcome["outcome"].as_str(), kind_of(&outcome["failure"])),
            (Some("failed"), Some(kind)),
            "{name}: {outcome}"
        );
        assert_eq!(harvest_rows(&server), before, "{name}: the previous harvest is kept whole");
    }
    let sources = server.get_json("/api/moderation/harvest-sources", &admin).await;
    assert_eq!(kind_of(&sources[0]["last_error"]), Some("refused"), "the last reason is kept for the page");

    // One bad practice in a good file is listed; the others are kept.
    *reply.lock().unwrap() = with(&|d| {
        let mut long = d["practices"][0].clone();
        long["id"] = json!("BP-2026-0999");
        long["title"] = json!("x".repeat(30_000));
        d["practices"].as_array_mut().unwrap().push(long);
    });
    let outcome = run(&server, &admin, source).await;
    assert_eq!(
        (outcome["outcome"].as_str(), outcome["counts"]["invalid"].as_u64()),
        (Some("ok"), Some(1)),
        "{outcome}"
    );
    assert_eq!(outcome["problems"][0]["remote_id"], "BP-2026-0999");
    assert_eq!(server.stored(), 1);

    // A source that is down; the same address twice; a private address
    // where the operator has not allowed them.
    let down = add(&server, &admin, "http://127.0.0.1:9/opendata/buone-pratiche.json").await;
    assert_eq!(kind_of(&run(&server, &admin, down).await["failure"]), Some("unreachable"));
    let body = json!({"name": "Di nuovo", "url": url, "contact_email": "redazione@comune.roma.it"});
    let again = server
        .client
        .post(server.url("/api/moderation/harvest-sources"))
        .header("cookie", &admin)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), reqwest::StatusCode::CONFLICT);
    let strict = TestServer::start(None).await;
    let strict_admin = crate::common::sign_in(&strict, "admin@c.it", Role::Admin).await;
    let private = add(&strict, &strict_admin, &url).await;
    let outcome = run(&strict, &strict_admin, private).await;
    assert_eq!(kind_of(&outcome["failure"]), Some("refused"), "{outcome}");
    assert_eq!(strict.stored(), 0);
}
