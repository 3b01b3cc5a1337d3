// SPDX-License-Identifier: EUPL-1.2
//! The harness of the server's tests: the real router on a real socket, over
//! a real SQLite file per test, driven by an HTTP client.
//!
//! One way to start a server: [`TestServer::start`], or
//! [`TestServer::start_with`] to adjust the [`AppState`] first. Then the
//! server's methods (addresses, the database, requests), and free helpers
//! grouped below: submission bodies, curators' sessions, raw HTTP.

#![allow(dead_code)] // each test crate uses part of it

use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::AppState;
use server::db::{self, Db, NewPractice};
use server::guard::AbuseGuard;
use std::path::{Path, PathBuf};

pub struct TestServer {
    pub base: String,
    pub db: Db,
    pub db_path: PathBuf,
    pub client: reqwest::Client,
    /// The server's state, for the jobs a test runs by hand.
    pub state: AppState,
    _dir: tempfile::TempDir,
}

impl TestServer {
    // Starting.

    /// A server over a fresh database, serving the app from `static_dir`
    /// when given. The submission guard is loosened (no minimum fill time,
    /// 10 000 requests a minute) so that tests can submit at will.
    pub async fn start(static_dir: Option<&Path>) -> Self {
        Self::start_with(static_dir, |_| {}).await
    }

    /// A server whose state `configure` adjusts before it starts, after the
    /// loosened guard of [`TestServer::start`] (e.g. a stricter guard, a
    /// looser sign-in throttle, a live publication).
    pub async fn start_with(static_dir: Option<&Path>, configure: impl FnOnce(&mut AppState)) -> Self {
        Self::start_on(static_dir, false, configure).await
    }

    /// A server (no app) whose public address is its own `base`, as a site
    /// on the web: several of them on this machine are different
    /// collections (their practices' addresses differ), and each may
    /// harvest the others on loopback.
    pub async fn start_public(configure: impl FnOnce(&mut AppState)) -> Self {
        Self::start_on(None, true, configure).await
    }

    /// As `start_public`, drawing its pages with the app's template in `static_dir`.
    pub async fn start_public_with_pages(static_dir: &Path) -> Self {
        Self::start_on(Some(static_dir), true, |_| {}).await
    }

    async fn start_on(static_dir: Option<&Path>, public: bool, configure: impl FnOnce(&mut AppState)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_path = dir.path().join("test.sqlite");
        let db = Db::open(&db_path).expect("database opens");
        let mut state = AppState::new(db.clone(), static_dir).expect("state");
        state.guard = AbuseGuard::new(0, 10_000);
        state.start_tokens = server::guard::StartTokens::new(START_KEY);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        if public {
            state.public_url = base.clone();
            let reach = server::harvest::fetch::Settings { allow_private: true, ..Default::default() };
            state.harvester = std::sync::Arc::new(server::harvest::Harvester::new(reach, &base));
        }
        configure(&mut state);
        tokio::spawn(server::serve_on(listener, state.clone(), std::future::pending()));
        Self { base, db, db_path, client: reqwest::Client::new(), state, _dir: dir }
    }

    // Addresses.

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's address as `host:port`, for requests written by hand.
    pub fn authority(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    // The database.

    pub async fn seed(&self, answer: domain::Practice, status: ModerationStatus) -> String {
        let new = NewPractice {
            answer,
            status,
            demo: false,
            round: server::db::CONTINUOUS_ROUND.into(),
            derived_from: None,
            submission: None,
        };
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

    // Requests.

    /// A POST of `body` as is (with a fresh idempotency key), read as JSON.
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

    /// One run of the hourly schedule (`mail::follow::queue_due`), as if it
    /// were `at`: how many messages it queued.
    pub async fn run_schedule(&self, at: time::OffsetDateTime) -> usize {
        let site = server::mail::Site { name: "Buone pratiche".into(), url: self.base.clone() };
        self.db.call(move |conn| server::mail::follow::queue_due_at(conn, &site, at)).await.unwrap()
    }

    /// A submission under the idempotency key `key`.
    pub async fn submit(&self, key: &str, body: &Value) -> reqwest::Response {
        self.client.post(self.url("/api/submissions")).header("idempotency-key", key).json(body).send().await.unwrap()
    }

    /// A GET with a session cookie, read as JSON.
    pub async fn get_json(&self, path: &str, cookie: &str) -> Value {
        self.client.get(self.url(path)).header("cookie", cookie).send().await.unwrap().json().await.unwrap()
    }

    /// A curator's decision on the submission `id`, taken on `version`.
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

// Submission bodies.

pub fn valid_answer() -> domain::Practice {
    server::demo::practices().remove(0)
}

pub fn fresh_key() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    format!("test-key-{:016}-{}", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed), std::process::id())
}

pub const TOKEN: &str = "private-link-token-0123456789abcdefghij";

/// The key the test servers sign start tokens with, so a test can write
/// the token of a questionnaire opened at any moment.
pub const START_KEY: &[u8] = b"the test servers' start token key";

/// The start token of a questionnaire opened `seconds_ago`.
pub fn started(seconds_ago: u64) -> String {
    server::guard::StartTokens::new(START_KEY).issue(server::guard::unix_now() - seconds_ago)
}

/// A submission envelope around `answers`, as the browser sends it, from a
/// questionnaire opened five minutes ago.
pub fn envelope(answers: Value) -> Value {
    json!({ "answers": answers, "edit_token": TOKEN, "website": "", "started": started(300) })
}

pub fn valid_envelope() -> Value {
    envelope(serde_json::to_value(valid_answer()).unwrap())
}

pub const PRIVATE_CANARIES: [&str; 4] =
    ["canary-name-7Qk", "canary-role-7Qk", "canary-mail-7qk@example.org", "+39 555 0199 7Qk"];

// Curators' sessions.

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

// Raw HTTP.

/// A response read from a request written byte by byte on a plain TCP
/// socket, where an HTTP client would normalise the path or refuse a header.
pub struct RawResponse {
    pub status: u16,
    /// Header names lowercased, in order.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked.
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Sends `request` as is to `authority` and reads the answer until the server
/// closes the connection (send `Connection: close`). `None` when the server
/// closed without answering.
pub async fn raw_request(authority: &str, request: Vec<u8>) -> Option<RawResponse> {
    let authority = authority.to_owned();
    tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&authority).expect("connect");
        stream.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
        // The server may answer and close before reading everything.
        let _ = stream.write_all(&request);
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        parse_raw_response(&bytes)
    })
    .await
    .expect("the raw request task")
}

/// Sends the head of a request that announces 2,000 bytes of body and sends
/// ten (`head` names the extra headers, each ending in CRLF), then reads
/// until the server's answer is complete; `None` if none comes in ten
/// seconds. A client that trickles its body, as the timeout layer meets it.
pub async fn trickled_request(authority: &str, headers: &str) -> Option<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(authority).await.unwrap();
    let head = format!(
        "POST /api/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{headers}\
         Idempotency-Key: {}\r\nContent-Length: 2000\r\n\r\n{{\"answers\"",
        fresh_key()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        let mut buffer = [0u8; 4096];
        loop {
            let n = stream.read(&mut buffer).await.unwrap();
            answer.extend_from_slice(&buffer[..n]);
            if n == 0 || answer.windows(4).any(|w| w == b"\r\n\r\n") && answer.ends_with(b"}") {
                break;
            }
        }
    })
    .await;
    read.ok().map(|()| String::from_utf8_lossy(&answer).into_owned())
}

fn parse_raw_response(bytes: &[u8]) -> Option<RawResponse> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut rest = &bytes[end + 4..];
    let chunked = headers.iter().any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    let body = if chunked {
        let mut body = Vec::new();
        loop {
            let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
            let size = usize::from_str_radix(String::from_utf8_lossy(&rest[..line_end]).trim(), 16).ok()?;
            rest = &rest[line_end + 2..];
            if size == 0 {
                break;
            }
            body.extend_from_slice(rest.get(..size)?);
            rest = rest.get(size + 2..)?;
        }
        body
    } else {
        rest.to_vec()
    };
    Some(RawResponse { status, headers, body })
}

/// The app's real `index.html` as the template of every entry page, in a
/// folder of its own: the server then draws the pages as it does with a
/// built app.
pub fn app_template() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../index.html")).unwrap();
    std::fs::write(dist.path().join("index.html"), index).unwrap();
    dist
}
