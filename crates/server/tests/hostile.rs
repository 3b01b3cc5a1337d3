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

mod common;

use common::*;
use domain::vocabulary::ModerationStatus;
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

/// The valid envelope with one answer replaced.
fn with_answer(key: &str, value: Value) -> String {
    let mut body = valid_envelope();
    body["answers"][key] = value;
    body.to_string()
}

fn without_answer(key: &str) -> String {
    let mut body = valid_envelope();
    body["answers"].as_object_mut().unwrap().remove(key);
    body.to_string()
}

/// The valid envelope with one of its own keys replaced.
fn with_envelope(key: &str, value: Value) -> String {
    let mut body = valid_envelope();
    body[key] = value;
    body.to_string()
}

fn without_envelope(key: &str) -> String {
    let mut body = valid_envelope();
    body.as_object_mut().unwrap().remove(key);
    body.to_string()
}

fn answers() -> Value {
    serde_json::to_value(valid_answer()).unwrap()
}

fn answers_with(key: &str, value: Value) -> Value {
    let mut answers = answers();
    answers[key] = value;
    answers
}

/// A body of `size` bytes that starts like the envelope (well over the limit).
fn huge_body(size: usize) -> Vec<u8> {
    let mut body = valid_envelope();
    body["answers"]["description"] = json!("x".repeat(size));
    body.to_string().into_bytes()
}

const SQL: &str = "'; DROP TABLE practices; --";
const TEN_MB: usize = 10 * 1024 * 1024;

fn submission_cases(replayed_key: &str) -> Vec<Case> {
    use Expect::Error;
    let submit = |name: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::Submission, name, "POST", "/api/submissions", expect)
            .json(body)
            .header("idempotency-key", fresh_key())
    };
    let syntax = Error(400, "malformed_json");
    let bad_request = Error(400, "bad_request");
    let schema = Error(422, "schema_mismatch");
    let invalid = Error(422, "validation_failed");
    let valid = valid_envelope().to_string();
    let truncated = valid[..valid.len() / 2].to_owned();
    let mut invalid_utf8 = with_answer("title", json!("Titolo XX")).into_bytes();
    let at = invalid_utf8.windows(2).position(|w| w == b"XX").unwrap();
    invalid_utf8[at] = 0xFF;
    invalid_utf8[at + 1] = 0xFE;
    let raw_control = with_answer("title", json!("Titolo X")).replace("Titolo X", "Titolo \u{1}");
    let nested = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let deep = with_answer("title", json!("PLACEHOLDER")).replace("\"PLACEHOLDER\"", &nested);

    let mut cases = vec![
        // Malformed and truncated JSON.
        submit("truncated in the middle of a value", br#"{"answers": {"title": "#.to_vec(), syntax),
        submit("the valid envelope cut in half", truncated.into_bytes(), syntax),
        submit("an empty body", Vec::new(), syntax),
        submit("not JSON at all", b"<xml>no</xml>".to_vec(), syntax),
        submit("trailing garbage after the object", format!("{valid}xyz").into_bytes(), syntax),
        submit("two objects in a row", format!("{valid}{valid}").into_bytes(), syntax),
        submit("a byte-order mark before the object", format!("\u{FEFF}{valid}").into_bytes(), syntax),
        submit("a single quote instead of double quotes", b"{'answers': {}}".to_vec(), syntax),
        submit("invalid UTF-8 bytes inside a string", invalid_utf8, syntax),
        submit(
            "a lone surrogate escape",
            with_answer("title", json!("X")).replace("\"X\"", r#""\ud800""#).into(),
            syntax,
        ),
        submit("an unescaped control character in a string", raw_control.into_bytes(), syntax),
        submit("arrays nested 5000 deep", deep.into_bytes(), syntax),
        // Wrong shapes and types of the envelope.
        submit("JSON null", b"null".to_vec(), schema),
        submit("a JSON array", b"[]".to_vec(), schema),
        submit("a JSON string", br#""answers""#.to_vec(), schema),
        submit("a JSON number", b"42".to_vec(), schema),
        submit("answers missing", without_envelope("answers").into(), schema),
        submit("answers null", with_envelope("answers", Value::Null).into(), schema),
        submit("answers an array", with_envelope("answers", json!([])).into(), schema),
        submit("answers a string", with_envelope("answers", json!("tutto")).into(), schema),
        submit("an unknown envelope key", with_envelope("is_admin", json!(true)).into(), schema),
        submit(
            "the moderation status smuggled in the envelope",
            with_envelope("moderation_status", json!("pubblicata")).into(),
            schema,
        ),
        submit("edit token missing", without_envelope("edit_token").into(), schema),
        submit("edit token a number", with_envelope("edit_token", json!(12345)).into(), schema),
        submit("fill time missing", without_envelope("fill_seconds").into(), schema),
        submit("a negative fill time", with_envelope("fill_seconds", json!(-5)).into(), schema),
        submit("a fill time as text", with_envelope("fill_seconds", json!("300")).into(), schema),
        submit("a fractional fill time", with_envelope("fill_seconds", json!(300.5)).into(), schema),
        submit(
            "a fill time over u64",
            with_envelope("fill_seconds", json!(0))
                .replace("\"fill_seconds\":0", "\"fill_seconds\":18446744073709551616")
                .into(),
            schema,
        ),
        submit("the honeypot as a number", with_envelope("website", json!(1)).into(), schema),
        submit(
            "the honeypot filled",
            with_envelope("website", json!("http://spam.example")).into(),
            Error(422, "looks_automated"),
        ),
        // The private link's secret.
        submit("a short edit token", with_envelope("edit_token", json!("short")).into(), bad_request),
        submit(
            "an edit token of 129 characters",
            with_envelope("edit_token", json!("a".repeat(129))).into(),
            bad_request,
        ),
        submit(
            "SQL in the edit token",
            with_envelope("edit_token", json!(format!("{SQL}{}", "a".repeat(40)))).into(),
            bad_request,
        ),
        submit(
            "an edit token with a right-to-left override",
            with_envelope("edit_token", json!(format!("{}\u{202E}", "a".repeat(40)))).into(),
            bad_request,
        ),
        // Missing and extra answers, wrong types.
        submit("the title missing", without_answer("title").into(), invalid),
        submit("the contact e-mail missing", without_answer("contact_email").into(), invalid),
        submit("an unknown answer key", with_answer("is_admin", json!(true)).into(), invalid),
        submit("__proto__ as an answer key", with_answer("__proto__", json!({"admin": true})).into(), invalid),
        submit("the title a number", with_answer("title", json!(42)).into(), invalid),
        submit("the title null", with_answer("title", Value::Null).into(), invalid),
        submit("the title an array", with_answer("title", json!(["a", "b"])).into(), invalid),
        submit("the title an object", with_answer("title", json!({"it": "x"})).into(), invalid),
        submit("a consent as the text \"true\"", with_answer("publication_consent", json!("true")).into(), invalid),
        submit("publication consent refused", with_answer("publication_consent", json!(false)).into(), invalid),
        submit("tools a string instead of a list", with_answer("tools", json!("telefono")).into(), invalid),
        // Numbers.
        submit("a negative staff count", with_answer("staff_count", json!(-3)).into(), invalid),
        submit("a fractional staff count", with_answer("staff_count", json!(1.5)).into(), invalid),
        submit("a staff count over u32", with_answer("staff_count", json!(10_000_000_000_u64)).into(), invalid),
        submit("a staff count as text", with_answer("staff_count", json!("3")).into(), invalid),
        submit("a negative budget", with_answer("budget_eur", json!(-1)).into(), invalid),
        submit("a budget in tenths of a cent", with_answer("budget_eur", json!(0.001)).into(), invalid),
        submit("a budget over a hundred billion", with_answer("budget_eur", json!(1e20)).into(), invalid),
        submit("a budget as the text NaN", with_answer("budget_eur", json!("NaN")).into(), invalid),
        // Dates.
        submit("month 13", with_answer("start_date", json!("2020-13")).into(), invalid),
        submit("a one-digit month", with_answer("start_date", json!("2020-3")).into(), invalid),
        submit("a full date instead of a month", with_answer("start_date", json!("2020-03-01")).into(), invalid),
        submit("the end before the start", with_answer("end_date", json!("2020-01")).into(), invalid),
        // Control, invisible and direction characters.
        submit("a NUL escape in the title", with_answer("title", json!("Titolo\u{0}")).into(), invalid),
        submit(
            "a bell character in the summary",
            with_answer("summary", json!("Sintesi \u{7} con campanello")).into(),
            invalid,
        ),
        submit(
            "an escape sequence in the description",
            with_answer("description", json!("Testo \u{1b}[31mrosso")).into(),
            invalid,
        ),
        submit("a zero-width space in the title", with_answer("title", json!("Tito\u{200B}lo")).into(), invalid),
        submit(
            "a zero-width joiner in the entity name",
            with_answer("entity_name", json!("Comune\u{200D} di Bari")).into(),
            invalid,
        ),
        submit(
            "a right-to-left override in the entity name",
            with_answer("entity_name", json!("Comune \u{202E}iraB id")).into(),
            invalid,
        ),
        submit(
            "a right-to-left isolate in the description",
            with_answer("description", json!("Testo \u{2067}nascosto\u{2069}")).into(),
            invalid,
        ),
        submit(
            "a word joiner in the contact name",
            with_answer("contact_name", json!("Anna\u{2060}Rossi")).into(),
            invalid,
        ),
        submit("a byte-order mark inside the title", with_answer("title", json!("\u{FEFF}Titolo")).into(), invalid),
        // Huge strings and arrays.
        submit("a title of 121 characters", with_answer("title", json!("a".repeat(121))).into(), invalid),
        submit("a title of 100 000 characters", with_answer("title", json!("a".repeat(100_000))).into(), invalid),
        submit(
            "a description of 200 000 characters",
            with_answer("description", json!("è".repeat(100_000))).into(),
            invalid,
        ),
        submit("15 000 tools", with_answer("tools", json!(vec!["telefono"; 15_000])).into(), invalid),
        submit("50 000 numbers as user areas", with_answer("user_areas", json!(vec![1; 50_000])).into(), invalid),
        submit("a body one byte over the limit", huge_body(server::BODY_LIMIT + 1), Error(413, "payload_too_large")),
        submit("a 10 MB body", huge_body(TEN_MB), Error(413, "payload_too_large")),
        // HTML and SQL where only codes are allowed.
        submit("unknown service type", with_answer("service_type", json!("nuovissimo")).into(), invalid),
        submit("an unknown entity type", with_answer("entity_type", json!("ministero")).into(), invalid),
        submit("a script tag as a tool", with_answer("tools", json!(["<script>alert(1)</script>"])).into(), invalid),
        submit("a tool given twice", with_answer("tools", json!(["telefono", "telefono"])).into(), invalid),
        submit("an unknown user area", with_answer("user_areas", json!(["marziani"])).into(), invalid),
        submit("SQL as the region code", with_answer("region_code", json!("16' OR '1'='1")).into(), invalid),
        submit("SQL as a Comune code", with_answer("comune_codes", json!([SQL])).into(), invalid),
        submit("a Comune that does not exist", with_answer("comune_codes", json!(["999999"])).into(), invalid),
        submit(
            "a partner of an unknown kind",
            with_answer("partners", json!([{"kind": "setta", "name": "X"}])).into(),
            invalid,
        ),
        submit(
            "a partner with an extra key",
            with_answer("partners", json!([{"kind": "volontariato", "name": "X", "admin": true}])).into(),
            invalid,
        ),
        submit(
            "HTML as the contact e-mail",
            with_answer("contact_email", json!("<script>alert(1)</script>")).into(),
            invalid,
        ),
        submit(
            "SQL in the contact e-mail",
            with_answer("contact_email", json!(format!("a@example.org{SQL}"))).into(),
            invalid,
        ),
        submit("a javascript: link", with_answer("links", json!(["javascript:alert(1)"])).into(), invalid),
        submit(
            "a data: link",
            with_answer("links", json!(["data:text/html,<script>alert(1)</script>"])).into(),
            invalid,
        ),
        // Content type.
        Case::new(
            Entry::Submission,
            "no content type",
            "POST",
            "/api/submissions",
            Error(415, "unsupported_media_type"),
        )
        .header("idempotency-key", fresh_key())
        .body(valid.clone()),
        Case::new(Entry::Submission, "text/plain", "POST", "/api/submissions", Error(415, "unsupported_media_type"))
            .header("idempotency-key", fresh_key())
            .header("content-type", "text/plain")
            .body(valid.clone()),
        Case::new(
            Entry::Submission,
            "a form instead of JSON",
            "POST",
            "/api/submissions",
            Error(415, "unsupported_media_type"),
        )
        .header("idempotency-key", fresh_key())
        .header("content-type", "application/x-www-form-urlencoded")
        .body("answers=1&edit_token=2"),
        Case::new(Entry::Submission, "multipart", "POST", "/api/submissions", Error(415, "unsupported_media_type"))
            .header("idempotency-key", fresh_key())
            .header("content-type", "multipart/form-data; boundary=x")
            .body(format!("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n{valid}\r\n--x--\r\n")),
        Case::new(
            Entry::Submission,
            "a made-up JSON-like type",
            "POST",
            "/api/submissions",
            Error(415, "unsupported_media_type"),
        )
        .header("idempotency-key", fresh_key())
        .header("content-type", "application/jsonx")
        .body(valid.clone()),
        // The idempotency key.
        Case::new(Entry::Submission, "no idempotency key", "POST", "/api/submissions", bad_request).json(valid.clone()),
        Case::new(Entry::Submission, "a short idempotency key", "POST", "/api/submissions", bad_request)
            .json(valid.clone())
            .header("idempotency-key", "short"),
        Case::new(Entry::Submission, "an idempotency key of 129 characters", "POST", "/api/submissions", bad_request)
            .json(valid.clone())
            .header("idempotency-key", "k".repeat(129)),
        Case::new(Entry::Submission, "SQL in the idempotency key", "POST", "/api/submissions", bad_request)
            .json(valid.clone())
            .header("idempotency-key", format!("abcdefghijklmnop{SQL}")),
        Case::new(Entry::Submission, "non-ASCII bytes in the idempotency key", "POST", "/api/submissions", bad_request)
            .json(valid.clone())
            .header("idempotency-key", b"abcdefghijklmnop\xe8\xff"),
    ];
    // A replayed key with a different body, and another key with the stored submission's private link.
    let mut different = valid_envelope();
    different["answers"]["title"] = json!("Un'altra pratica con la stessa chiave");
    different["edit_token"] = json!("a-different-private-link-token-000000000");
    cases.push(
        Case::new(
            Entry::Submission,
            "a replayed idempotency key with a different body",
            "POST",
            "/api/submissions",
            Error(409, "idempotency_key_reused"),
        )
        .json(different.to_string())
        .header("idempotency-key", replayed_key),
    );
    cases.push(submit(
        "another key with a private link already taken",
        valid.clone().into_bytes(),
        Error(409, "conflict"),
    ));
    cases.push(Case::new(
        Entry::Submission,
        "GET on the submission endpoint",
        "GET",
        "/api/submissions",
        Error(405, "method_not_allowed"),
    ));
    cases
}

fn private_link_cases() -> Vec<Case> {
    use Expect::Error;
    let invalid_link = Error(401, "invalid_link");
    let read = |name: &str, authorization: Option<&[u8]>| {
        let case = Case::new(Entry::PrivateLink, name, "GET", "/api/submissions/mine", invalid_link);
        match authorization {
            Some(value) => case.header("authorization", value),
            None => case,
        }
    };
    let bearer = format!("Bearer {TOKEN}");
    let update = |name: &str, authorization: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::PrivateLink, name, "PUT", "/api/submissions/mine", expect)
            .header("authorization", authorization)
            .json(body)
    };
    let valid_update = json!({ "answers": answers() }).to_string().into_bytes();
    let mut huge = json!({ "answers": answers() });
    huge["answers"]["description"] = json!("x".repeat(TEN_MB));
    let schema = Error(422, "schema_mismatch");
    let invalid = Error(422, "validation_failed");
    vec![
        read("no Authorization header", None),
        read("an empty Authorization header", Some(b"")),
        read("Bearer with nothing after it", Some(b"Bearer ")),
        read("a short token", Some(b"Bearer short")),
        read("Basic instead of Bearer", Some(b"Basic dXNlcjpwYXNz")),
        read("the token without the Bearer scheme", Some(TOKEN.as_bytes())),
        read("a lower-case scheme", Some(format!("bearer {TOKEN}").as_bytes())),
        read("a wrong token of the right shape", Some(b"Bearer wrong-token-wrong-token-wrong-token-00")),
        read("SQL in the token", Some(format!("Bearer {SQL} OR 1=1 {}", "a".repeat(32)).as_bytes())),
        read("a token of 129 characters", Some(format!("Bearer {}", "a".repeat(129)).as_bytes())),
        read("a token of 10 000 characters", Some(format!("Bearer {}", "a".repeat(10_000)).as_bytes())),
        read("non-ASCII bytes in the token", Some(b"Bearer private-link-token-0123456789abcdefghij\xff")),
        read("the right token with a right-to-left override", Some(format!("Bearer {TOKEN}\u{202E}").as_bytes())),
        read("the right token and a NUL", Some(format!("Bearer {TOKEN}%00").as_bytes())),
        update(
            "an update with a wrong token",
            "Bearer wrong-token-wrong-token-wrong-token-00",
            valid_update.clone(),
            invalid_link,
        ),
        update("an update with SQL as the token", &format!("Bearer {SQL}"), valid_update.clone(), invalid_link),
        update("an update with no scheme", TOKEN, valid_update.clone(), invalid_link),
        update("malformed JSON", &bearer, b"{\"answers\": {".to_vec(), Error(400, "malformed_json")),
        update("answers an array", &bearer, br#"{"answers": []}"#.to_vec(), schema),
        update("answers missing", &bearer, b"{}".to_vec(), schema),
        update(
            "an extra key beside the answers",
            &bearer,
            json!({"answers": answers(), "moderation_status": "pubblicata"}).to_string().into(),
            schema,
        ),
        update(
            "the edit token smuggled into the update",
            &bearer,
            json!({"answers": answers(), "edit_token": "x"}).to_string().into(),
            schema,
        ),
        update("empty answers", &bearer, br#"{"answers": {}}"#.to_vec(), invalid),
        update(
            "a blank title",
            &bearer,
            json!({"answers": answers_with("title", json!(" "))}).to_string().into(),
            invalid,
        ),
        update(
            "a right-to-left override in the title",
            &bearer,
            json!({"answers": answers_with("title", json!("\u{202E}olotiT"))}).to_string().into(),
            invalid,
        ),
        update(
            "an unknown vocabulary code",
            &bearer,
            json!({"answers": answers_with("delivery_modes", json!(["telepatia"]))}).to_string().into(),
            invalid,
        ),
        update("a 10 MB update", &bearer, huge.to_string().into(), Error(413, "payload_too_large")),
        Case::new(
            Entry::PrivateLink,
            "an update without a content type",
            "PUT",
            "/api/submissions/mine",
            Error(415, "unsupported_media_type"),
        )
        .header("authorization", &bearer)
        .body(valid_update),
        Case::new(
            Entry::PrivateLink,
            "DELETE on the private link",
            "DELETE",
            "/api/submissions/mine",
            Error(405, "method_not_allowed"),
        )
        .header("authorization", &bearer),
    ]
}

fn login_cases() -> Vec<Case> {
    use Expect::Error;
    let login = |name: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::Login, name, "POST", "/api/session", expect).json(body)
    };
    let credentials =
        |email: &str, password: &str| json!({"email": email, "password": password}).to_string().into_bytes();
    let bad = Error(401, "bad_credentials");
    let schema = Error(422, "schema_mismatch");
    let right = credentials("curatrice@example.org", "password lunga e sicura");
    vec![
        login("malformed JSON", b"{\"email\": ".to_vec(), Error(400, "malformed_json")),
        login("an empty body", Vec::new(), Error(400, "malformed_json")),
        login("the password missing", br#"{"email": "curatrice@example.org"}"#.to_vec(), schema),
        login("the e-mail missing", br#"{"password": "password lunga e sicura"}"#.to_vec(), schema),
        login("the e-mail a number", br#"{"email": 42, "password": "password lunga e sicura"}"#.to_vec(), schema),
        login("the password null", br#"{"email": "curatrice@example.org", "password": null}"#.to_vec(), schema),
        login(
            "a role asked for beside the credentials",
            json!({"email": "curatrice@example.org", "password": "password lunga e sicura", "role": "admin"})
                .to_string()
                .into(),
            schema,
        ),
        login("a wrong password", credentials("curatrice@example.org", "password sbagliata!"), bad),
        login("an unknown e-mail", credentials("nessuno@example.org", "password lunga e sicura"), bad),
        login("SQL in the e-mail", credentials("' OR '1'='1' --", "x"), bad),
        login("SQL after a real e-mail", credentials("curatrice@example.org' --", "x"), bad),
        login("SQL in the password", credentials("curatrice@example.org", "' OR '1'='1"), bad),
        login("a NUL in the e-mail", credentials("curatrice@example.org\u{0}", "password lunga e sicura"), bad),
        login(
            "a right-to-left override in the e-mail",
            credentials("\u{202E}curatrice@example.org", "password lunga e sicura"),
            bad,
        ),
        login(
            "a zero-width space in the password",
            credentials("curatrice@example.org", "password lunga\u{200B} e sicura"),
            bad,
        ),
        login("empty strings", credentials("", ""), bad),
        login("a password of 100 000 characters", credentials("curatrice@example.org", &"p".repeat(100_000)), bad),
        login(
            "a disabled account with its right password",
            credentials("disattivata@example.org", "password lunga e sicura"),
            bad,
        ),
        login(
            "a 10 MB body",
            credentials("curatrice@example.org", &"p".repeat(TEN_MB)),
            Error(413, "payload_too_large"),
        ),
        Case::new(Entry::Login, "no content type", "POST", "/api/session", Error(415, "unsupported_media_type"))
            .body(right.clone()),
        login("the right credentials from another site (Origin)", right.clone(), Error(403, "forbidden"))
            .header("origin", "https://evil.example"),
        login("the right credentials from another site (Sec-Fetch-Site)", right.clone(), Error(403, "forbidden"))
            .header("sec-fetch-site", "cross-site"),
        login("the right credentials with a malformed Origin", right, Error(403, "forbidden")).header("origin", "null"),
        Case::new(Entry::Login, "who am I with a forged cookie", "GET", "/api/session", Error(401, "unauthorized"))
            .header("cookie", format!("bp_session={}", "a".repeat(64))),
        Case::new(Entry::Login, "who am I with SQL in the cookie", "GET", "/api/session", Error(401, "unauthorized"))
            .header("cookie", format!("bp_session={SQL}")),
        Case::new(Entry::Login, "PUT on the session", "PUT", "/api/session", Error(405, "method_not_allowed"))
            .json(b"{}".to_vec()),
    ]
}

struct Sessions {
    curator: String,
    admin: String,
    /// A submission, `inviata` at version 1.
    id: String,
    /// Two more, for cases that change a submission while their bug lasts.
    spare: [String; 2],
}

/// A curator's decision, with the version it was taken on.
fn decision(action: &str, version: Value) -> Value {
    json!({"action": action, "expected_version": version})
}

/// A decision with a message (a request for changes, a rejection's reason).
fn decision_saying(action: &str, message: &str) -> Value {
    json!({"action": action, "expected_version": 1, "message": message})
}

/// A correction: answers and the version they were made on.
fn correction(answers: Value, version: Value) -> Value {
    json!({"answers": answers, "expected_version": version})
}

/// A collection round; `raccolta_test` is replaced by a fresh code.
fn round_of(code: &str, name: &str, opens_on: Value, closes_on: Value) -> Value {
    json!({"code": code, "name": name, "opens_on": opens_on, "closes_on": closes_on})
}

fn dated(opens_on: &str, closes_on: &str) -> Value {
    round_of("raccolta_test", "Raccolta di prova", json!(opens_on), json!(closes_on))
}

fn named(code: &str, name: &str) -> Value {
    round_of(code, name, json!("2026-01-01"), json!("2026-02-01"))
}

fn account(email: &str, role: &str, password: &str) -> Value {
    json!({"email": email, "role": role, "password": password})
}

fn curation_cases(s: &Sessions) -> Vec<Case> {
    use Expect::Error;
    let actions = format!("/api/moderation/submissions/{}/actions", s.id);
    let edit = format!("/api/moderation/submissions/{}/edit", s.id);
    let post = |name: &str, path: &str, cookie: &str, body: Value, expect: Expect| {
        let case = Case::new(Entry::Curation, name, "POST", path, expect).json(body.to_string());
        if cookie.is_empty() { case } else { case.header("cookie", cookie) }
    };
    let act = |name: &str, body: Value, expect: Expect| post(name, &actions, &s.curator, body, expect);
    let fix = |name: &str, body: Value, expect: Expect| post(name, &edit, &s.curator, body, expect);
    // Each round its own code, so that a round wrongly created by one case
    // cannot turn the next case into a conflict.
    let codes = std::cell::Cell::new(0);
    let round = |name: &str, mut body: Value, expect: Expect| {
        if body["code"] == "raccolta_test" {
            codes.set(codes.get() + 1);
            body["code"] = json!(format!("raccolta_test_{}", codes.get()));
        }
        post(name, "/api/moderation/rounds", &s.admin, body, expect)
    };
    let user = |name: &str, body: Value, expect: Expect| post(name, "/api/moderation/users", &s.admin, body, expect);
    let disable = |name: &str, email: &str, expect: Expect| {
        Case::new(Entry::Curation, name, "POST", format!("/api/moderation/users/{email}/disable"), expect)
            .header("cookie", &s.admin)
    };
    let queue = |name: &str, query: &str, expect: Expect| {
        Case::new(Entry::Curation, name, "GET", format!("/api/moderation/submissions?{query}"), expect)
            .header("cookie", &s.curator)
    };
    let schema = Error(422, "schema_mismatch");
    let invalid = Error(422, "validation_failed");
    let conflict = Error(409, "conflict");
    let not_found = Error(404, "not_found");
    let forbidden = Error(403, "forbidden");
    let take = || decision("take_in_review", json!(1));
    let mut huge = decision("reject", json!(1));
    huge["message"] = json!("x".repeat(TEN_MB));
    let password = "password lunga e sicura";
    let rtl_title = answers_with("title", json!("\u{202E}olotiT"));
    let html_code = answers_with("service_type", json!("<b>x</b>"));
    let mut extra_decision = take();
    extra_decision["actor"] = json!("someone-else");
    let mut extra_correction = correction(answers(), json!(1));
    extra_correction["moderation_status"] = json!("pubblicata");
    let mut extra_round = named("raccolta_test", "R");
    extra_round["published"] = json!(true);
    let mut extra_account = account("nuova@example.org", "curator", password);
    extra_account["disabled"] = json!(false);
    let spare = |i: usize| format!("/api/moderation/submissions/{}/actions", s.spare[i]);
    let missing = "/api/moderation/submissions/BP-2020-9999";
    let sql_id = "/api/moderation/submissions/BP-2020-0001'%20OR%20'1'='1/actions";
    vec![
        // Decisions.
        act("an unknown action", decision("delete", json!(1)), schema),
        // serde_json reports a number where an enum's name is expected as a syntax error.
        act("the action a number", json!({"action": 3, "expected_version": 1}), Error(400, "malformed_json")),
        act("the action missing", json!({"expected_version": 1}), schema),
        act("expected_version missing", json!({"action": "take_in_review"}), schema),
        act("expected_version -1", decision("take_in_review", json!(-1)), conflict),
        act("expected_version as text", decision("take_in_review", json!("1")), schema),
        act("a fractional expected_version", decision("take_in_review", json!(1.5)), schema),
        act("an expected_version over i64", decision("take_in_review", json!(9_223_372_036_854_775_808_u64)), schema),
        act("a stale expected_version", decision("take_in_review", json!(99)), conflict),
        act("an extra key", extra_decision, schema),
        act("a curator resubmitting for the respondent", decision("resubmit", json!(1)), forbidden),
        act("a transition the state does not allow", decision("publish", json!(1)), conflict),
        act("a rejection without a reason", decision("reject", json!(1)), invalid),
        act("a rejection whose reason is blank", decision_saying("reject", " \n\t "), invalid),
        act("a reason of 2001 characters", decision_saying("reject", &"a".repeat(2001)), invalid),
        // Each on a practice of its own: while the bug lasts, the decision is taken.
        post(
            "a reason with a right-to-left override",
            &spare(0),
            &s.curator,
            decision_saying("reject", "Non \u{202E}etnenitrep"),
            invalid,
        ),
        post("a reason with a NUL", &spare(1), &s.curator, decision_saying("reject", "Non pertinente\u{0}"), invalid),
        act("a 10 MB decision", huge, Error(413, "payload_too_large")),
        Case::new(Entry::Curation, "malformed JSON", "POST", &actions, Error(400, "malformed_json"))
            .header("cookie", &s.curator)
            .json(b"{\"action\": ".to_vec()),
        Case::new(
            Entry::Curation,
            "a decision without a content type",
            "POST",
            &actions,
            Error(415, "unsupported_media_type"),
        )
        .header("cookie", &s.curator)
        .body(take().to_string()),
        post("a decision without a session", &actions, "", take(), Error(401, "unauthorized")),
        post(
            "a decision with a forged session",
            &actions,
            &format!("bp_session={}", "0".repeat(64)),
            take(),
            Error(401, "unauthorized"),
        ),
        act("a decision from another site", take(), forbidden).header("origin", "https://evil.example"),
        act("a decision from a cross-site fetch", take(), forbidden).header("sec-fetch-site", "cross-site"),
        post(
            "a decision on a practice that does not exist",
            &format!("{missing}/actions"),
            &s.curator,
            take(),
            not_found,
        ),
        post("SQL as the practice id", sql_id, &s.curator, take(), not_found),
        post(
            "a practice id that is not UTF-8",
            "/api/moderation/submissions/BP-%FF/actions",
            &s.curator,
            take(),
            Expect::ClientError,
        ),
        // Corrections.
        fix("a correction with empty answers", correction(json!({}), json!(1)), invalid),
        fix("a correction with a right-to-left override", correction(rtl_title, json!(1)), invalid),
        fix("a correction with HTML where a code goes", correction(html_code, json!(1)), invalid),
        fix("a correction on a stale version", correction(answers(), json!(99)), conflict),
        fix("a correction with expected_version -1", correction(answers(), json!(-1)), conflict),
        fix("a correction without expected_version", json!({"answers": answers()}), schema),
        fix("a correction with an extra key", extra_correction, schema),
        post(
            "a correction of a practice that does not exist",
            &format!("{missing}/edit"),
            &s.curator,
            correction(answers(), json!(1)),
            not_found,
        ),
        // Rounds.
        round("a round that closes before it opens", dated("2026-12-31", "2026-01-01"), invalid),
        round("30 February", dated("2026-02-30", "2026-03-31"), invalid),
        round("an Italian date format", dated("31/12/2026", "2027-01-01"), invalid),
        round("a date with a time", dated("2026-01-01T00:00:00Z", "2026-02-01"), invalid),
        round("a negative year", dated("-2026-01-01", "2026-02-01"), invalid),
        round("a year with a plus sign", dated("+2026-01-01", "2026-02-01"), invalid),
        round("a five-digit year", dated("2026-01-01", "12026-02-01"), invalid),
        round("dates as numbers", round_of("raccolta_test", "R", json!(20260101), json!(20260201)), schema),
        round("a date missing", json!({"code": "raccolta_test", "name": "R", "opens_on": "2026-01-01"}), schema),
        round("a code with spaces and capitals", named("Bad Code", "R"), invalid),
        round("SQL as the code", named(SQL, "R"), invalid),
        round("a code of 61 characters", named(&"a".repeat(61), "R"), invalid),
        round("the continuous collection's code", named("raccolta_continua", "R"), invalid),
        round("an existing code", named("raccolta_esistente", "R"), conflict),
        round("a blank name", named("raccolta_test", "   "), invalid),
        round("a name of 121 characters", named("raccolta_test", &"n".repeat(121)), invalid),
        round("a name with a right-to-left override", named("raccolta_test", "Raccolta \u{202E}0202"), invalid),
        round("an unknown key", extra_round, schema),
        post(
            "a round defined by a curator",
            "/api/moderation/rounds",
            &s.curator,
            named("raccolta_test", "R"),
            forbidden,
        ),
        // Accounts.
        user("an account without an e-mail address", account("non-una-mail", "curator", password), invalid),
        user("SQL in the new account's e-mail", account(&format!("x@example.org{SQL}"), "curator", password), invalid),
        user("a NUL in the new account's e-mail", account("x\u{0}@example.org", "curator", password), invalid),
        user(
            "a right-to-left override in the new account's e-mail",
            account("x\u{202E}@example.org", "curator", password),
            invalid,
        ),
        user("a short password", account("nuova@example.org", "curator", "corta"), invalid),
        user("an unknown role", account("nuova@example.org", "superadmin", password), schema),
        user("an extra key", extra_account, schema),
        user("an existing account", account("curatrice@example.org", "admin", password), conflict),
        post(
            "an account added by a curator",
            "/api/moderation/users",
            &s.curator,
            account("nuova@example.org", "admin", password),
            forbidden,
        ),
        disable("disabling an unknown account", "nessuno@example.org", not_found),
        disable("disabling oneself", "admin@example.org", conflict),
        disable("disabling with SQL as the e-mail", "x'%20OR%20'1'='1", not_found),
        disable("disabling with a NUL in the e-mail", "curatrice@example.org%00", not_found),
        disable("disabling a path that climbs out", "..%2F..%2Fadmin@example.org", not_found),
        // The queue.
        queue("an unknown state in the queue filter", "stato=cancellata", Error(400, "bad_request")),
        queue("the queue filter given twice", "stato=inviata&stato=respinta", Expect::ClientError),
    ]
}

fn catalogue_cases() -> Vec<Case> {
    use Expect::{Error, Lenient};
    let get = |name: &str, path: &str, expect: Expect| Case::new(Entry::Catalogue, name, "GET", path, expect);
    let not_found = Error(404, "not_found");
    let json = Lenient("application/json");
    let csv = Lenient("text/csv");
    vec![
        get("a practice that does not exist", "/api/practices/BP-2020-9999", not_found),
        get("SQL as the practice id", "/api/practices/BP-2020-0001'%20OR%20'1'='1", not_found),
        get("a script tag as the practice id", "/api/practices/%3Cscript%3Ealert(1)%3C%2Fscript%3E", not_found),
        get("a NUL after a practice id", "/api/practices/BP-2020-0001%00", not_found),
        get("a path that climbs out", "/api/practices/..%2F..%2FCargo.toml", not_found),
        get("a practice id of 10 000 characters", &format!("/api/practices/BP-2020-{}", "1".repeat(10_000)), not_found),
        get("a practice id that is not UTF-8", "/api/practices/BP-%FF%FE", Expect::ClientError),
        get("an open-data file that climbs out", "/opendata/..%2F..%2FCargo.toml", not_found),
        get("an open-data file name with a NUL", "/opendata/feed.atom%00.txt", not_found),
        get("an open-data file in capitals", "/opendata/FEED.ATOM", not_found),
        get("an open-data file that is not UTF-8", "/opendata/%FF", Expect::ClientError),
        Case::new(
            Entry::Catalogue,
            "POST on the catalogue",
            "POST",
            "/api/catalogue",
            Error(405, "method_not_allowed"),
        )
        .json(b"{}".to_vec()),
        Case::new(
            Entry::Catalogue,
            "DELETE on a practice",
            "DELETE",
            "/api/practices/BP-2020-0001",
            Error(405, "method_not_allowed"),
        ),
        // Lenient by design: the URL is the shareable state of a catalogue view.
        get("page -1", "/api/catalogue?pagina=-1", json),
        get("SQL in the search text", "/api/catalogue?q=%27%3B%20DROP%20TABLE%20practices%3B%20--", json),
        get("a script tag as a filter", "/api/catalogue?regione=%3Cscript%3E", json),
        get("a garbage If-None-Match", "/api/catalogue?x=1", json)
            .header("if-none-match", b"\"\xff\"; DROP TABLE practices"),
        get("an export with page -1", "/api/export.csv?pagina=-1", csv),
        get("an export with a page over u64", "/api/export.csv?pagina=184467440737095516160", csv),
        get("an export with SQL in the search text", "/api/export.csv?q=%27%20OR%201%3D1%20--", csv),
        get("an export with an unknown region", "/api/export.csv?regione=99,%00,%FF", csv),
        get("an export with bytes that are not UTF-8", "/api/export.csv?%FF=%FE&q=%C0%AE", csv),
        get("an export with empty and broken pairs", "/api/export.csv?&&=&a&=b&%", csv),
        get("an export with a right-to-left override", "/api/export.json?q=%E2%80%AEinverso", json),
        get(
            "an export with a search of 10 000 characters",
            &format!("/api/export.json?q={}", "a".repeat(10_000)),
            json,
        ),
        get("an export with an unknown sort", "/api/export.json?ordina=%3Bdrop", json),
    ]
}

fn static_cases() -> Vec<Case> {
    let get = |name: &str, target: &str| {
        Case::new(Entry::StaticFiles, name, "GET", target.to_owned(), Expect::NotOutside).raw()
    };
    vec![
        get("dot-dot segments", "/../../etc/passwd"),
        get("dot-dot segments to a sibling file", "/../secret.txt"),
        get("dot-dot segments to a file two levels up", "/../../secret.txt"),
        get("encoded dots", "/%2e%2e/%2e%2e/etc/passwd"),
        get("encoded dots to a sibling file", "/%2e%2e/secret.txt"),
        get("encoded slashes", "/..%2f..%2fCargo.toml"),
        get("encoded slashes, one level", "/..%2fCargo.toml"),
        get("encoded slashes in capitals", "/..%2F..%2F..%2Fsecret.txt"),
        get("everything encoded", "/%2e%2e%2f%2e%2e%2fsecret.txt"),
        get("double encoding", "/%252e%252e/%252e%252e/secret.txt"),
        get("overlong UTF-8 dots", "/%c0%ae%c0%ae/secret.txt"),
        get("backslashes", "/..\\..\\secret.txt"),
        get("encoded backslashes", "/..%5c..%5csecret.txt"),
        get("dot-dot after a real folder", "/assets/../../secret.txt"),
        get("dot-dot after an app route", "/pratiche/%2e%2e/%2e%2e/%2e%2e/secret.txt"),
        get("an absolute path", "//etc/passwd"),
        get("an encoded absolute path", "/%2fetc%2fpasswd"),
        get("an encoded NUL", "/%00"),
        get("an encoded NUL after a real file", "/app.js%00.html"),
        get("an encoded NUL then dot-dot", "/%00/../secret.txt"),
        get("a file name longer than the system allows", &format!("/{}", "a".repeat(300))),
        get("a folder name longer than the system allows", &format!("/{}/x.js", "b".repeat(300))),
        get("a request target without a leading slash", "../secret.txt"),
        get("an absolute-form request target", "http://localhost/../secret.txt"),
        get("dot-dot in the query", "/catalogo?file=../../secret.txt"),
        get("an API path that climbs into the app", "/api/../secret.txt"),
    ]
}

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
            server::web::NONCE_PLACEHOLDER
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
    // which has its own test in api.rs.
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
    server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
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
    let sessions = Sessions { curator, admin, id, spare: spare.try_into().unwrap() };
    let cases: Vec<Case> = [
        submission_cases(&replayed_key),
        private_link_cases(),
        login_cases(),
        curation_cases(&sessions),
        catalogue_cases(),
        static_cases(),
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
    let texts = [
        ("title", "<script>alert('titolo')</script> & \"virgolette\""),
        ("summary", "'; DROP TABLE practices; -- e poi SELECT * FROM users"),
        ("entity_name", "Comune di <img src=x onerror=alert(1)>"),
        ("description", "Righe\nmultiple\tcon tab, \\barre\\ rovesciate, {{__TRUNK NONCE__}} e ]]> fine CDATA"),
        ("need_addressed", "Emoji 🧓📞, accenti àèéìòù, greco αβγ, e \"apici\" 'singoli'"),
        ("results", "=HYPERLINK(\"http://evil.example\",\"clic\") e +SUM(1;2) -3 @A1"),
        ("feedback_staff", "</textarea><svg onload=alert(1)>"),
    ];
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

    // CSV: one cell each, unchanged (quoting is the reader's business).
    let csv_text = get("/api/export.csv".into()).await.unwrap().text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(reader.records().count(), 0, "one practice, one row");
    for (key, text) in texts {
        let at = headers.iter().position(|h| h == key).unwrap();
        assert_eq!(&row[at], text, "export.csv: {key}");
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
    let name = "Raccolta <b>oggi</b> '; --";
    let round = json!({"code": "raccolta_oggi", "name": name, "opens_on": today, "closes_on": today});
    let added = server.client.post(server.url("/api/moderation/rounds")).header("cookie", &admin).json(&round).send();
    assert_eq!(added.await.unwrap().status(), StatusCode::CREATED);
    let current: Value = get("/api/rounds/current".into()).await.unwrap().json().await.unwrap();
    assert_eq!(current["round"]["name"], name);
}
