// SPDX-License-Identifier: EUPL-1.2
//! Importing a spreadsheet (admins): the upload, the dry run, the import and
//! the undo, each refused in words when the file, the mapping or the caller
//! is wrong, with nothing stored.

use super::{Case, Entry, Expect, SQL, TEN_MB};
use crate::common::TestServer;
use serde_json::{Value, json};

/// Keeps one good upload (before the cases run) and returns its id.
pub(super) async fn upload(server: &TestServer, admin: &str) -> i64 {
    let response = server
        .client
        .post(server.url("/api/moderation/imports?name=buono.csv"))
        .header("cookie", admin)
        .body("Titolo della pratica;Denominazione dell'ente\nSpesa a domicilio;Comune di Lucca\n")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

pub(super) fn import_cases(admin: &str, curator: &str, upload: i64) -> Vec<Case> {
    use Expect::Error;
    let invalid = Error(422, "validation_failed");
    let send = |name: &str, query: &str, body: Vec<u8>, cookie: &str, expect: Expect| {
        let case = Case::new(Entry::Import, name, "POST", format!("/api/moderation/imports{query}"), expect).body(body);
        if cookie.is_empty() { case } else { case.header("cookie", cookie) }
    };
    let csv = b"Titolo;Ente\nUna pratica;Comune di Lucca\n".to_vec();
    let many_rows = format!("Titolo\n{}", "Una pratica\n".repeat(5001)).into_bytes();
    let mapping =
        |columns: Value, values: Value| json!({"mapping": {"columns": columns, "values": values, "separator": ", "}});
    let step = |name: &str, path: String, body: Value, expect: Expect| {
        Case::new(Entry::Import, name, "POST", path, expect).header("cookie", admin).json(body.to_string())
    };
    let (check, import) =
        (format!("/api/moderation/imports/{upload}/check"), format!("/api/moderation/imports/{upload}/import"));
    vec![
        send("an upload without a session", "?name=a.csv", csv.clone(), "", Error(401, "unauthorized")),
        send("an upload by a curator", "?name=a.csv", csv.clone(), curator, Error(403, "forbidden")),
        send("an upload without a file name", "", csv.clone(), admin, Error(400, "bad_request")),
        send("a file name with a line break", "?name=a%0Ab.csv", csv.clone(), admin, invalid),
        send("a file name of 201 characters", &format!("?name={}", "a".repeat(201)), csv.clone(), admin, invalid),
        send("an empty file", "?name=a.csv", Vec::new(), admin, invalid),
        send("a file of only separators", "?name=a.csv", b";;;\n;;\n".to_vec(), admin, invalid),
        send("a binary file", "?name=a.csv", b"\x00\x01\x02\xff\xfe\x00".to_vec(), admin, invalid),
        send("a zip that is no workbook", "?name=a.xlsx", b"PK\x03\x04\x14\x00garbage".to_vec(), admin, invalid),
        send("5,001 responses", "?name=a.csv", many_rows, admin, invalid),
        send("a file a byte over 10 MiB", "?name=a.csv", vec![b'a'; TEN_MB + 1], admin, invalid),
        send(
            "a body two bytes over 10 MiB",
            "?name=a.csv",
            vec![b'a'; TEN_MB + 2],
            admin,
            Error(413, "payload_too_large"),
        ),
        step("a dry run of malformed JSON", check.clone(), json!("{\"mapping\": "), Error(422, "schema_mismatch")),
        Case::new(
            Entry::Import,
            "a dry run with a truncated body",
            "POST",
            check.clone(),
            Error(400, "malformed_json"),
        )
        .header("cookie", admin)
        .json(b"{\"mapping\": {\"columns\": [".to_vec()),
        step("a dry run without a mapping", check.clone(), json!({}), Error(422, "schema_mismatch")),
        step(
            "a question the questionnaire lacks",
            check.clone(),
            mapping(json!(["titolo_finto", ""]), json!({})),
            invalid,
        ),
        step("one question for two columns", check.clone(), mapping(json!(["title", "title"]), json!({})), invalid),
        step(
            "the date for two columns",
            check.clone(),
            mapping(json!(["_submitted", "_submitted"]), json!({})),
            invalid,
        ),
        step("fewer columns than the file's", check.clone(), mapping(json!(["title"]), json!({})), invalid),
        step("SQL as a question", check.clone(), mapping(json!([SQL, ""]), json!({})), invalid),
        step(
            "a code the question lacks",
            check.clone(),
            mapping(json!(["entity_type", ""]), json!({"entity_type": {"Comune": "<script>alert(1)</script>"}})),
            invalid,
        ),
        step(
            "values for a text question",
            check.clone(),
            mapping(json!(["", ""]), json!({"title": {"a": "b"}})),
            invalid,
        ),
        step(
            "an import with a question the questionnaire lacks",
            import.clone(),
            mapping(json!(["x", ""]), json!({})),
            invalid,
        ),
        step(
            "the dry run of an upload that is not there",
            "/api/moderation/imports/999999/check".into(),
            mapping(json!([]), json!({})),
            Error(404, "not_found"),
        ),
        step(
            "an upload id that is no number",
            "/api/moderation/imports/uno/check".into(),
            mapping(json!([]), json!({})),
            Error(404, "not_found"),
        ),
        step(
            "undoing a batch that is not there",
            "/api/moderation/import-batches/999999/undo".into(),
            json!({}),
            Error(404, "not_found"),
        ),
        Case::new(Entry::Import, "a dry run by a curator", "POST", check, Error(403, "forbidden"))
            .header("cookie", curator)
            .json(mapping(json!(["", ""]), json!({})).to_string()),
    ]
}
