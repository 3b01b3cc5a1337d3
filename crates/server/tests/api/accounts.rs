// SPDX-License-Identifier: EUPL-1.2
//! Accounts, sessions and rounds: who may use the moderation endpoints,
//! sign-in and sign-out, the sign-in throttle, account management, collection
//! rounds.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn moderation_refuses_anyone_without_a_valid_session() {
    let server = TestServer::start(None).await;
    let cases = [
        ("GET", "/api/moderation/submissions"),
        ("GET", "/api/moderation/submissions/BP-2026-0001"),
        ("POST", "/api/moderation/submissions/BP-2026-0001/actions"),
        ("GET", "/api/moderation/audit"),
        ("GET", "/api/session"),
    ];
    for cookie in [None, Some("bp_session=00"), Some(&*format!("bp_session={}", "a".repeat(64)))] {
        for (method, path) in cases {
            let mut request = server.client.request(method.parse().unwrap(), server.url(path)).json(&json!({}));
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{method} {path} with {cookie:?}");
        }
    }
    let wrong = server
        .client
        .post(server.url("/api/session"))
        .json(&json!({"email": "x@y.it", "password": "wrong password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json::<Value>().await.unwrap()["error"]["code"], "bad_credentials");
}

#[tokio::test]
async fn sessions_end_on_logout_and_cross_site_requests_are_refused() {
    let server = TestServer::start(None).await;
    let cookie = sign_in(&server, "curatore@example.org", server::auth::Role::Curator).await;
    let me = server.client.get(server.url("/api/session")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(me.json::<Value>().await.unwrap()["email"], "curatore@example.org");
    for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let response = server
            .client
            .delete(server.url("/api/session"))
            .header("cookie", &cookie)
            .header(header, value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{header}: {value}");
    }
    let host = server.base.trim_start_matches("http://").to_owned();
    let logout = server
        .client
        .delete(server.url("/api/session"))
        .header("cookie", &cookie)
        .header("origin", format!("http://{host}"))
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    assert!(logout.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    let after = server.client.get(server.url("/api/session")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED, "the session is revoked");
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled() {
    let server = TestServer::start(None).await;
    // The limit refills one attempt every 6 s; 20 attempts in a row meet it
    // however slowly a loaded machine checks each password.
    let mut statuses = Vec::new();
    for _ in 0..20 {
        let response = server
            .client
            .post(server.url("/api/session"))
            .json(&json!({"email": "x@y.it", "password": "wrong password"}))
            .send()
            .await
            .unwrap();
        statuses.push(response.status());
    }
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert!(statuses[10..].contains(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
}

#[tokio::test]
async fn admins_manage_accounts_and_disabling_ends_sessions() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let curator = sign_in(&server, "curatore@example.org", server::auth::Role::Curator).await;
    let add = |cookie: &str, body: Value| {
        server.client.post(server.url("/api/moderation/users")).header("cookie", cookie).json(&body).send()
    };
    let account = json!({"email": "nuova@example.org", "role": "curator", "password": "password lunga e sicura"});
    assert_eq!(
        add(&curator, account.clone()).await.unwrap().status(),
        StatusCode::FORBIDDEN,
        "curators do not manage accounts"
    );
    assert_eq!(add(&admin, account.clone()).await.unwrap().status(), StatusCode::CREATED);
    assert_eq!(add(&admin, account).await.unwrap().status(), StatusCode::CONFLICT);
    let weak = json!({"email": "x@example.org", "role": "curator", "password": "corta"});
    let refused = add(&admin, weak).await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(
        body["error"]["fields"]["password"][0], "Scrivi almeno 12 caratteri.",
        "a short password is called short, not missing: {body}"
    );
    let list: Value = server.get_json("/api/moderation/users", &admin).await;
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert!(!list.to_string().contains("argon2"), "hashes never leave the server");

    let disable = server
        .client
        .post(server.url("/api/moderation/users/curatore@example.org/disable"))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap();
    assert_eq!(disable.status(), StatusCode::NO_CONTENT);
    let after =
        server.client.get(server.url("/api/moderation/submissions")).header("cookie", &curator).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED, "a disabled account's session ends");
    let again = server
        .client
        .post(server.url("/api/session"))
        .json(&json!({"email": "curatore@example.org", "password": "password lunga e sicura"}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED, "and it cannot sign in");
}

#[tokio::test]
async fn submissions_record_the_round_open_today() {
    let server = TestServer::start(None).await;
    let current: Value =
        server.client.get(server.url("/api/rounds/current")).send().await.unwrap().json().await.unwrap();
    assert_eq!(current["round"], Value::Null, "the 2020 round is closed: continuous collection");
    let first: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();

    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let today = &server::db::now()[..10];
    let add = |body: Value| {
        server.client.post(server.url("/api/moderation/rounds")).header("cookie", &admin).json(&body).send()
    };
    let open = json!({"code": "raccolta_oggi", "name": "Raccolta di oggi", "opens_on": today, "closes_on": today});
    assert_eq!(add(open.clone()).await.unwrap().status(), StatusCode::CREATED);
    assert_eq!(add(open).await.unwrap().status(), StatusCode::CONFLICT);
    for bad in [
        json!({"code": "Bad Code", "name": "x", "opens_on": today, "closes_on": today}),
        json!({"code": "rovescio", "name": "x", "opens_on": "2026-12-31", "closes_on": "2026-01-01"}),
        json!({"code": "data_strana", "name": "x", "opens_on": "31/12/2026", "closes_on": "2027-01-01"}),
        json!({"code": "raccolta_continua", "name": "x", "opens_on": today, "closes_on": today}),
    ] {
        assert_eq!(add(bad.clone()).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let current: Value =
        server.client.get(server.url("/api/rounds/current")).send().await.unwrap().json().await.unwrap();
    assert_eq!(current["round"]["code"], "raccolta_oggi");
    let mut other = valid_envelope();
    other["edit_token"] = json!("another-private-link-token-0123456789abc");
    let second: Value = server.submit(&fresh_key(), &other).await.json().await.unwrap();

    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let round_of = |id: &Value| -> String {
        conn.query_row(
            "SELECT collection_round FROM practices WHERE reference = ?1",
            [id["id"].as_str().unwrap()],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(round_of(&first), "raccolta_continua");
    assert_eq!(round_of(&second), "raccolta_oggi");
}

#[tokio::test]
async fn authorisation_matrix_of_the_moderation_endpoints() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatore@example.org", server::auth::Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    // An expired session: a real one whose expiry is moved into the past.
    let expired = sign_in(&server, "scaduto@example.org", server::auth::Role::Admin).await;
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    conn.execute(
        "UPDATE sessions SET expires_at = '2020-01-01T00:00:00Z' WHERE user_id = (SELECT id FROM users WHERE email = 'scaduto@example.org')",
        [],
    )
    .unwrap();
    let receipt: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap();
    let (ok, created, bad_input) = (StatusCode::OK, StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY);
    let (unauthorized, forbidden) = (StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN);
    // (method, path, body, curator's answer, admin's answer)
    let endpoints: Vec<(&str, String, Value, StatusCode, StatusCode)> = vec![
        ("GET", "/api/moderation/submissions".into(), Value::Null, ok, ok),
        ("GET", format!("/api/moderation/submissions/{id}"), Value::Null, ok, ok),
        (
            "POST",
            format!("/api/moderation/submissions/{id}/actions"),
            json!({"action": "archive", "expected_version": 99}),
            StatusCode::CONFLICT,
            StatusCode::CONFLICT,
        ),
        (
            "POST",
            format!("/api/moderation/submissions/{id}/edit"),
            json!({"answers": {}, "expected_version": 99}),
            bad_input,
            bad_input,
        ),
        ("GET", "/api/moderation/export.csv".into(), Value::Null, ok, ok),
        ("GET", "/api/moderation/audit".into(), Value::Null, forbidden, ok),
        ("GET", "/api/moderation/audit.csv".into(), Value::Null, forbidden, ok),
        ("GET", "/api/moderation/users".into(), Value::Null, forbidden, ok),
        (
            "POST",
            "/api/moderation/users".into(),
            json!({"email": "n@example.org", "role": "curator", "password": "password lunga e sicura"}),
            forbidden,
            created,
        ),
        (
            "POST",
            "/api/moderation/users/nessuno@example.org/disable".into(),
            Value::Null,
            forbidden,
            StatusCode::NOT_FOUND,
        ),
        (
            "POST",
            "/api/moderation/users/nessuno@example.org/enable".into(),
            Value::Null,
            forbidden,
            StatusCode::NOT_FOUND,
        ),
        ("GET", "/api/moderation/rounds".into(), Value::Null, ok, ok),
        (
            "POST",
            "/api/moderation/rounds".into(),
            json!({"code": "r_2027", "name": "Raccolta 2027", "opens_on": "2027-01-01", "closes_on": "2027-02-01"}),
            forbidden,
            created,
        ),
        ("GET", "/api/moderation/rounds/r_2027/invitees".into(), Value::Null, forbidden, ok),
        (
            "POST",
            "/api/moderation/rounds/r_2027/invitees".into(),
            json!({"csv": "ente,email\nComune di Lecce,servizi@comune.lecce.example.it\n"}),
            forbidden,
            ok,
        ),
        ("DELETE", "/api/moderation/rounds/r_2027/invitees/999".into(), Value::Null, forbidden, StatusCode::NOT_FOUND),
        ("GET", "/api/moderation/accessibility-reports".into(), Value::Null, ok, ok),
        (
            "PUT",
            "/api/moderation/accessibility-reports/999".into(),
            json!({"handled": true}),
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND,
        ),
        ("GET", "/api/moderation/service-ratings".into(), Value::Null, forbidden, ok),
        ("GET", "/api/moderation/outbox".into(), Value::Null, forbidden, ok),
        ("GET", "/api/session/daily-digest".into(), Value::Null, ok, ok),
        ("PUT", "/api/session/daily-digest".into(), json!({"daily_digest": true}), ok, ok),
        ("GET", "/api/session".into(), Value::Null, ok, ok),
    ];
    for (method, path, body, as_curator, as_admin) in endpoints {
        for (who, cookie, expected) in [
            ("anonymous", None, unauthorized),
            ("expired session", Some(&expired), unauthorized),
            ("curator", Some(&curator), as_curator),
            ("admin", Some(&admin), as_admin),
        ] {
            let mut request = server.client.request(method.parse().unwrap(), server.url(&path));
            if !body.is_null() {
                request = request.json(&body);
            }
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let status = request.send().await.unwrap().status();
            assert_eq!(status, expected, "{who}: {method} {path}");
        }
    }
    let cross_site = server
        .client
        .post(server.url(&format!("/api/moderation/submissions/{id}/actions")))
        .header("cookie", &admin)
        .header("origin", "https://evil.example")
        .json(&json!({"action": "archive", "expected_version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), forbidden, "a cross-site POST is refused");
}
