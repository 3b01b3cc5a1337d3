//! The harness of the server's tests: the real router on a real socket, over
//! a real SQLite file per test, driven by an HTTP client.

#![allow(dead_code)] // each test file uses part of it

use domain::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::db::{self, Db, NewPractice};
use server::guard::AbuseGuard;
use server::{AppState, service};
use std::path::{Path, PathBuf};

pub struct TestServer {
    pub base: String,
    pub db: Db,
    pub db_path: PathBuf,
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub async fn start(static_dir: Option<&Path>) -> Self {
        Self::start_guarded(static_dir, AbuseGuard::new(0, 10_000)).await
    }

    pub async fn start_guarded(static_dir: Option<&Path>, guard: AbuseGuard) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_path = dir.path().join("test.sqlite");
        let db = Db::open(&db_path).expect("database opens");
        let mut state = AppState::new(db.clone(), static_dir).expect("state");
        state.guard = guard;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, service(state)).await.expect("server runs") });
        Self { base, db, db_path, client: reqwest::Client::new(), _dir: dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn seed(&self, answer: domain::Practice, status: ModerationStatus) -> String {
        let new =
            NewPractice { answer, status, demo: false, round: server::db::CONTINUOUS_ROUND.into(), submission: None };
        match self.db.call(move |conn| db::insert_practice(conn, &new)).await.expect("seeded") {
            db::Stored::Created(id) => id.to_string(),
            other => panic!("seeding stored {other:?}"),
        }
    }

    /// Rows in the practices table, read with a connection of its own.
    pub fn stored(&self) -> i64 {
        let conn = rusqlite::Connection::open(&self.db_path).unwrap();
        conn.query_row("SELECT count(*) FROM practices", [], |r| r.get(0)).unwrap()
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: Option<&str>,
        body: impl Into<reqwest::Body>,
    ) -> (StatusCode, Value) {
        let mut request = self.client.post(self.url(path)).header("idempotency-key", fresh_key()).body(body);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.send().await.expect("answer");
        let status = response.status();
        assert_eq!(response.headers()["content-type"], "application/json", "errors are JSON too");
        (status, response.json().await.expect("JSON body"))
    }
}

pub fn valid_answer() -> domain::Practice {
    server::demo::practices().remove(0)
}

pub fn fresh_key() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    format!("test-key-{:016}-{}", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed), std::process::id())
}

pub const TOKEN: &str = "private-link-token-0123456789abcdefghij";

/// A submission envelope around `answers`, as the browser sends it.
pub fn envelope(answers: Value) -> Value {
    json!({ "answers": answers, "edit_token": TOKEN, "website": "", "fill_seconds": 300 })
}

pub fn valid_envelope() -> Value {
    envelope(serde_json::to_value(valid_answer()).unwrap())
}

pub const PRIVATE_CANARIES: [&str; 4] =
    ["canary-name-7Qk", "canary-role-7Qk", "canary-mail-7qk@example.org", "+39 555 0199 7Qk"];

impl TestServer {
    pub async fn submit(&self, key: &str, body: &Value) -> reqwest::Response {
        self.client.post(self.url("/api/submissions")).header("idempotency-key", key).json(body).send().await.unwrap()
    }
}

/// A curator account and a signed-in client (cookie kept by hand, as a browser would).
pub async fn sign_in(server: &TestServer, email: &str, role: server::auth::Role) -> String {
    let email_owned = email.to_owned();
    server
        .db
        .call(move |conn| server::auth::create_user(conn, &email_owned, role, "password lunga e sicura"))
        .await
        .unwrap();
    let response = server
        .client
        .post(server.url("/api/session"))
        .json(&json!({"email": email, "password": "password lunga e sicura"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    cookie.split(';').next().unwrap().to_owned()
}

impl TestServer {
    pub async fn act(
        &self,
        cookie: &str,
        id: &str,
        action: &str,
        version: i64,
        message: Option<&str>,
    ) -> (StatusCode, Value) {
        let response = self
            .client
            .post(self.url(&format!("/api/moderation/submissions/{id}/actions")))
            .header("cookie", cookie)
            .json(&json!({"action": action, "expected_version": version, "message": message}))
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}
impl TestServer {
    /// Every row of every table, in a stable order, read with a connection of
    /// its own: two equal snapshots mean the database did not change.
    pub fn snapshot(&self) -> Vec<String> {
        let conn = rusqlite::Connection::open(&self.db_path).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut rows = Vec::new();
        for table in tables {
            let mut statement = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid")).unwrap();
            let columns = statement.column_count();
            let mut result = statement.query([]).unwrap();
            while let Some(row) = result.next().unwrap() {
                let values: Vec<String> = (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
                rows.push(format!("{table}: {}", values.join(" | ")));
            }
        }
        rows
    }
}
