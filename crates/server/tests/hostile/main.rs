// SPDX-License-Identifier: EUPL-1.2
//! Hostile input, entry point by entry point (issue 7, item 3): one table of
//! requests that a careless or malicious client could send, each with the
//! answer it must get. Every refused request must get a 4xx JSON error
//! (`{"error": {"code", "message", ..}}`) and leave every row of every table
//! as it was; read-only catalogue queries are lenient by design (unknown
//! parameters are ignored, a bad page is page 1) and must answer a
//! well-formed document; static-file requests must get a 4xx or the app's
//! shell, never a file from outside the app's folder.
//!
//! Hostile text that is a legitimate answer (HTML, SQL meta-characters in a
//! free-text field) is accepted: the last test checks it is kept verbatim and
//! served back as data.
//!
//! The cases, family by family, are in the modules: [`submissions`],
//! [`private_link`], [`login`], [`curation`], [`catalogue`] (with the static
//! files), [`reports`] (accessibility feedback), [`community`] ("Contatta il referente") and [`free_text`]; this file has the table's types, sends each case
//! and checks its answer.

#[path = "../common/mod.rs"]
mod common;

mod catalogue;
mod community;
mod curation;
mod free_text;
mod harvest;
mod imports;
mod login;
mod private_link;
mod reports;
mod submissions;

use common::*;
use curation::{Sessions, round_of};
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use server::guard::AbuseGuard;
use std::collections::BTreeMap;

/// The entry points, in the order the summary prints them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    Submission,
    PrivateLink,
    Login,
    Curation,
    Catalogue,
    StaticFiles,
    AccessibilityReport,
    ServiceRating,
    ContactRequest,
    Subscription,
    Import,
    Harvest,
}

/// What a case must get.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// A JSON error with this status and this `error.code`.
    Error(u16, &'static str),
    /// Some 4xx JSON error: more than one refusal is right (e.g. 400 or 404
    /// for a path that is not UTF-8).
    ClientError,
    /// A read-only query, lenient by design: 200 and a well-formed document
    /// of this media type.
    Lenient(&'static str),
    /// A static-file request: a 4xx, or the app's shell; never a file from
    /// outside the app's folder.
    NotOutside,
}

/// One row of the table.
struct Case {
    entry: Entry,
    name: String,
    method: &'static str,
    path: String,
    headers: Vec<(&'static str, Vec<u8>)>,
    body: Vec<u8>,
    expect: Expect,
    /// Written byte by byte on a TCP socket, so nothing normalises the path.
    raw: bool,
}

impl Case {
    fn new(
        entry: Entry,
        name: impl Into<String>,
        method: &'static str,
        path: impl Into<String>,
        expect: Expect,
    ) -> Self {
        Self {
            entry,
            name: name.into(),
            method,
            path: path.into(),
            headers: Vec::new(),
            body: Vec::new(),
            expect,
            raw: false,
        }
    }

    /// A JSON body, with its content type.
    fn json(self, body: impl Into<Vec<u8>>) -> Self {
        self.header("content-type", "application/json").body(body)
    }

    fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    fn header(mut self, name: &'static str, value: impl AsRef<[u8]>) -> Self {
        self.headers.push((name, value.as_ref().to_vec()));
        self
    }

    fn raw(mut self) -> Self {
        self.raw = true;
        self
    }
}

/// What came back, whichever way the request went.
struct Answer {
    status: u16,
    content_type: String,
    body: Vec<u8>,
}

async fn send(server: &TestServer, case: &Case) -> Result<Answer, String> {
    if case.raw {
        let mut request =
            format!("{} {} HTTP/1.1\r\nHost: {}\r\n", case.method, case.path, server.authority()).into_bytes();
        for (name, value) in &case.headers {
            request.extend_from_slice(name.as_bytes());
            request.extend_from_slice(b": ");
            request.extend_from_slice(value);
            request.extend_from_slice(b"\r\n");
        }
        if !case.body.is_empty() {
            request.extend_from_slice(format!("Content-Length: {}\r\n", case.body.len()).as_bytes());
        }
        request.extend_from_slice(b"Connection: close\r\n\r\n");
        request.extend_from_slice(&case.body);
        let answer = raw_request(server.authority(), request).await.ok_or("the server closed without answering")?;
        let content_type = answer.header("content-type").unwrap_or_default().to_owned();
        return Ok(Answer { status: answer.status, content_type, body: answer.body });
    }
    let method = reqwest::Method::from_bytes(case.method.as_bytes()).expect("a method");
    let mut request = server.client.request(method, server.url(&case.path)).body(case.body.clone());
    for (name, value) in &case.headers {
        let value = reqwest::header::HeaderValue::from_bytes(value).map_err(|e| format!("header {name}: {e}"))?;
        request = request.header(*name, value);
    }
    let response = request.send().await.map_err(|e| format!("no answer: {e}"))?;
    let status = response.status().as_u16();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let body = response.bytes().await.map_err(|e| format!("body: {e}"))?.to_vec();
    Ok(Answer { status, content_type, body })
}

/// What a static-file case must never show: the files planted outside the
/// app's folder, and the system's password file.
const OUTSIDE: [&str; 5] = [
    "outside-secret-root-5Jw",
    "outside-secret-site-5Jw",
    "outside-cargo-root-5Jw",
    "outside-cargo-site-5Jw",
    "root:x:0:0",
];
/// In the app's shell, to recognise it.
const SHELL_MARKER: &str = "bp-shell-marker-5Jw";

fn check(case: &Case, answer: &Answer) -> Result<(), String> {
    let text = String::from_utf8_lossy(&answer.body);
    let shown = || text.chars().take(300).collect::<String>();
    if answer.status >= 500 {
        return Err(format!("server error {}: {:?} {}", answer.status, answer.content_type, shown()));
    }
    let json_error = |status: u16| -> Result<Value, String> {
        if !(400..500).contains(&answer.status) {
            return Err(format!("expected a 4xx, got {}: {}", answer.status, shown()));
        }
        if !answer.content_type.starts_with("application/json") {
            return Err(format!("status {}, not JSON ({:?}): {}", answer.status, answer.content_type, shown()));
        }
        let body: Value = serde_json::from_slice(&answer.body).map_err(|e| format!("not JSON ({e}): {}", shown()))?;
        let error = &body["error"];
        if !error["code"].is_string() || error["message"].as_str().is_none_or(|m| m.len() < 10) {
            return Err(format!("not the error shape: {body}"));
        }
        if error["status"] != json!(status) {
            return Err(format!("error.status {} differs from the status {status}", error["status"]));
        }
        Ok(body)
    };
    match case.expect {
        Expect::Error(status, code) => {
            let body = json_error(answer.status)?;
            if answer.status != status || body["error"]["code"] != code {
                return Err(format!("expected {status} {code}, got {} {}", answer.status, body["error"]));
            }
        }
        Expect::ClientError => {
            json_error(answer.status)?;
        }
        Expect::Lenient(media) => {
            if answer.status != 200 || !answer.content_type.starts_with(media) {
                return Err(format!(
                    "expected 200 {media}, got {} {:?}: {}",
                    answer.status,
                    answer.content_type,
                    shown()
                ));
            }
            if media == "application/json" {
                serde_json::from_slice::<Value>(&answer.body).map_err(|e| format!("not JSON: {e}"))?;
            } else {
                let mut reader = csv::Reader::from_reader(&answer.body[..]);
                for record in reader.records() {
                    record.map_err(|e| format!("not CSV: {e}"))?;
                }
            }
        }
        Expect::NotOutside => {
            if let Some(secret) = OUTSIDE.iter().find(|s| text.contains(*s)) {
                return Err(format!("served a file from outside the app's folder ({secret})"));
            }
            let shell = answer.status == 200 && text.contains(SHELL_MARKER);
            if !shell && !(400..500).contains(&answer.status) {
                return Err(format!("neither a 4xx nor the app's shell: {} {}", answer.status, shown()));
            }
        }
    }
    Ok(())
}

fn answers() -> Value {
    serde_json::to_value(valid_answer()).unwrap()
}

fn answers_with(key: &str, value: Value) -> Value {
    let mut answers = answers();
    answers[key] = value;
    answers
}

const SQL: &str = "'; DROP TABLE practices; --";
const TEN_MB: usize = 10 * 1024 * 1024;

/// Every hostile request gets a clear refusal and leaves the database as it
/// was; catalogue queries are lenient; static files never leave the app's
/// folder.
#[tokio::test]
async fn hostile_input_is_refused_clearly_and_changes_nothing() {
    // The app's folder, with files planted beside and above it.
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    let dist = site.join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        format!(
            "<html><!-- {SHELL_MARKER} --><script type=\"module\" nonce=\"{}\">import '/app.js'</script></html>",
            server::head::NONCE_PLACEHOLDER
        ),
    )
    .unwrap();
    std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    std::fs::write(dist.join("assets/style.css"), "body{}").unwrap();
    std::fs::write(root.path().join("secret.txt"), OUTSIDE[0]).unwrap();
    std::fs::write(site.join("secret.txt"), OUTSIDE[1]).unwrap();
    std::fs::write(root.path().join("Cargo.toml"), OUTSIDE[2]).unwrap();
    std::fs::write(site.join("Cargo.toml"), OUTSIDE[3]).unwrap();

    // Many sign-in attempts come from one address: loosen the throttle,
    // which has its own test in api/accounts.rs.
    let server = TestServer::start_with(Some(&dist), |state| state.login_guard = AbuseGuard::new(0, 10_000)).await;

    // Controls: the raw requests reach the app's files, so a refusal below
    // means the path was refused, not that nothing is served.
    for (path, content) in [("/app.js", "console.log(1)"), ("/assets/style.css", "body{}")] {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.authority());
        let answer = raw_request(server.authority(), request.into_bytes()).await.expect("an answer");
        assert_eq!((answer.status, &answer.body[..]), (200, content.as_bytes()), "{path} is served");
    }

    // What the cases act on: a stored submission (its key replayed, its
    // private link reused), curators, a disabled account, a round.
    let replayed_key = fresh_key();
    let receipt = server.submit(&replayed_key, &valid_envelope()).await;
    assert_eq!(receipt.status(), StatusCode::CREATED);
    let id = receipt.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let published = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    server
        .db
        .call(|conn| {
            server::auth::create_user(conn, "disattivata@example.org", Role::Curator, "password lunga e sicura")?;
            conn.execute("UPDATE users SET disabled = 1 WHERE email = 'disattivata@example.org'", [])?;
            Ok(())
        })
        .await
        .unwrap();
    let existing = round_of("raccolta_esistente", "Raccolta esistente", json!("2020-01-01"), json!("2020-02-01"));
    let added =
        server.client.post(server.url("/api/moderation/rounds")).header("cookie", &admin).json(&existing).send().await;
    assert_eq!(added.unwrap().status(), StatusCode::CREATED);

    let mut spare = Vec::new();
    for token in ["spare-private-link-token-0000000000000001", "spare-private-link-token-0000000000000002"] {
        let mut body = valid_envelope();
        body["edit_token"] = json!(token);
        spare.push(
            server.submit(&fresh_key(), &body).await.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned(),
        );
    }
    let report = server
        .client
        .post(server.url("/api/accessibility-reports"))
        .json(&json!({"page": "/catalogo", "description": "Il filtro per regione non si apre da tastiera."}))
        .send()
        .await
        .unwrap();
    assert_eq!(report.status(), StatusCode::CREATED);
    let report_cases = reports::report_cases(1, &curator);
    let rating_cases = reports::rating_cases(&curator);
    let upload = imports::upload(&server, &admin).await;
    let sessions = Sessions { curator, admin, id, spare: spare.try_into().unwrap() };
    let cases: Vec<Case> = [
        submissions::submission_cases(&replayed_key),
        private_link::private_link_cases(),
        login::login_cases(),
        curation::curation_cases(&sessions),
        catalogue::catalogue_cases(),
        catalogue::static_cases(),
        report_cases,
        rating_cases,
        community::contact_cases(&published),
        community::follow_cases(),
        community::digest_cases(&sessions.curator),
        imports::import_cases(&sessions.admin, &sessions.curator, upload),
        harvest::source_cases(&sessions.admin, &sessions.curator),
    ]
    .into_iter()
    .flatten()
    .collect();

    let mut ran: BTreeMap<Entry, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let before = server.snapshot();
        let mut problems: Vec<String> = match send(&server, case).await {
            Ok(answer) => check(case, &answer).err().into_iter().collect(),
            Err(error) => vec![error],
        };
        let after = server.snapshot();
        if before != after {
            problems.push(format!("the database changed: {:?}", changed(&before, &after)));
        }
        if !problems.is_empty() {
            let problems = problems.join("; ");
            failures.push(format!(
                "{:?}: {} ({} {}): {problems}",
                case.entry,
                case.name,
                case.method,
                shorten(&case.path)
            ));
        }
        *ran.entry(case.entry).or_default() += 1;
        *kinds
            .entry(match case.expect {
                Expect::Error(..) | Expect::ClientError => "refused with a 4xx JSON error",
                Expect::Lenient(_) => "lenient read-only queries (200, well-formed)",
                Expect::NotOutside => "static files (4xx or the app's shell)",
            })
            .or_default() += 1;
    }

    let total: usize = ran.values().sum();
    println!("hostile input: {total} cases ran");
    for (entry, count) in &ran {
        println!("  {entry:?}: {count}");
    }
    for (kind, count) in &kinds {
        println!("  {kind}: {count}");
    }
    assert!(failures.is_empty(), "{} of {total} cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(total >= 100, "at least a hundred hostile cases, ran {total}");
    let refused = kinds.get("refused with a 4xx JSON error").copied().unwrap_or_default();
    assert!(refused >= 100, "at least a hundred refusals, ran {refused}");
}

fn shorten(text: &str) -> String {
    if text.len() > 80 { format!("{}…", &text[..text.floor_char_boundary(80)]) } else { text.to_owned() }
}

/// The rows that differ between two snapshots, for a readable failure.
fn changed(before: &[String], after: &[String]) -> Vec<String> {
    let gone = before.iter().filter(|row| !after.contains(row)).map(|row| format!("- {}", shorten(row)));
    let new = after.iter().filter(|row| !before.contains(row)).map(|row| format!("+ {}", shorten(row)));
    gone.chain(new).collect()
}

/// Hostile-looking text is a legitimate answer in free-text fields: it is
/// stored verbatim, and every public output serves it back as data (JSON
/// strings, CSV cells, XML text), never as markup.
#[tokio::test]
async fn hostile_looking_free_text_is_kept_verbatim_and_served_as_data() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let texts = free_text::TEXTS;
    let mut body = valid_envelope();
    for (key, text) in texts {
        body["answers"][key] = json!(text);
    }
    let receipt = server.submit(&fresh_key(), &body).await;
    assert_eq!(receipt.status(), StatusCode::CREATED, "hostile-looking text is a legitimate answer");
    let id = receipt.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    for (action, version) in [("take_in_review", 1), ("publish", 2)] {
        assert_eq!(server.act(&curator, &id, action, version, None).await.0, StatusCode::OK, "{action}");
    }

    // Stored verbatim.
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    for (key, text) in texts {
        let stored: String = conn
            .query_row(&format!("SELECT answer ->> '$.{key}' FROM practices WHERE reference = ?1"), [&id], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, text, "{key} is stored as sent");
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'practices'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "nothing was dropped");

    // JSON documents: the same strings, as JSON data.
    let get = |path: String| server.client.get(server.url(&path)).send();
    let practice = get(format!("/api/practices/{id}")).await.unwrap();
    assert_eq!(practice.headers()["content-type"], "application/json");
    assert_eq!(practice.headers()["x-content-type-options"], "nosniff", "browsers never sniff it as HTML");
    let practice: Value = practice.json().await.unwrap();
    for (key, text) in texts {
        assert_eq!(practice[key], json!(text), "/api/practices/{{id}} serves {key} as sent");
    }
    let catalogue: Value = get("/api/catalogue".into()).await.unwrap().json().await.unwrap();
    let entry = catalogue["practices"].as_array().unwrap().iter().find(|p| p["id"] == id.as_str()).unwrap().clone();
    for key in ["title", "summary", "entity_name"] {
        assert_eq!(entry[key], practice[key], "the catalogue serves {key} as data");
    }
    let export: Value = get("/api/export.json".into()).await.unwrap().json().await.unwrap();
    for (key, text) in texts {
        assert_eq!(export["practices"][0][key], json!(text), "export.json: {key}");
    }

    // CSV: one cell each, unchanged (quoting is the reader's business), but a
    // cell a spreadsheet would run as a formula starts with an apostrophe.
    let csv_text = get("/api/export.csv".into()).await.unwrap().text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(reader.records().count(), 0, "one practice, one row");
    for (key, text) in texts {
        let at = headers.iter().position(|h| h == key).unwrap();
        let expected = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
        assert_eq!(row[at], expected, "export.csv: {key}");
    }

    // The Atom feed escapes markup: a feed parser reads the same title back.
    let atom = get("/opendata/feed.atom".into()).await.unwrap().bytes().await.unwrap();
    assert!(!String::from_utf8_lossy(&atom).contains("<script>"), "no raw markup in the feed");
    let feed = feed_rs::parser::parse(&atom[..]).expect("a valid feed");
    assert_eq!(feed.entries[0].title.as_ref().unwrap().content, texts[0].1);
    // Turtle escapes quotes: an independent parser reads the document.
    let turtle = get("/opendata/dcat.ttl".into()).await.unwrap().text().await.unwrap();
    let mut parser = rio_turtle::TurtleParser::new(turtle.as_bytes(), None);
    rio_api::parser::TriplesParser::parse_all(&mut parser, &mut |_| Ok::<_, rio_turtle::TurtleError>(()))
        .expect("valid Turtle");

    // A round's name is public data too.
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let today = &server::db::now()[..10];
    let name = free_text::ROUND_NAME;
    let round = json!({"code": "raccolta_oggi", "name": name, "opens_on": today, "closes_on": today});
    let added = server.client.post(server.url("/api/moderation/rounds")).header("cookie", &admin).json(&round).send();
    assert_eq!(added.await.unwrap().status(), StatusCode::CREATED);
    let current: Value = get("/api/rounds/current".into()).await.unwrap().json().await.unwrap();
    assert_eq!(current["round"]["name"], name);
}
