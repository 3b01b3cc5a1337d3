// SPDX-License-Identifier: EUPL-1.2
//! Submissions (`POST /api/submissions`): malformed JSON, wrong shapes and
//! types, the private link's secret, bad answers of every kind, content
//! types, idempotency keys.

use super::{Case, Entry, Expect, SQL, TEN_MB};
use crate::common::*;
use serde_json::{Value, json};

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

/// A token signed with another key, as another installation would issue.
fn other_servers_token() -> String {
    server::guard::StartTokens::new(b"another key").issue(server::guard::unix_now() - 300)
}

fn without_envelope(key: &str) -> String {
    let mut body = valid_envelope();
    body.as_object_mut().unwrap().remove(key);
    body.to_string()
}

/// A body of `size` bytes that starts like the envelope (well over the limit).
fn huge_body(size: usize) -> Vec<u8> {
    let mut body = valid_envelope();
    body["answers"]["description"] = json!("x".repeat(size));
    body.to_string().into_bytes()
}

pub(super) fn submission_cases(replayed_key: &str) -> Vec<Case> {
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
    let automated = Error(422, "looks_automated");
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
        // The start token, from which the server measures the time on the form.
        submit("start token missing", without_envelope("started").into(), schema),
        submit(
            "the old client-reported fill time instead",
            without_envelope("started").replace('}', ",\"fill_seconds\":300}").into(),
            schema,
        ),
        submit("a start token as a number", with_envelope("started", json!(1_700_000_000)).into(), schema),
        submit("an empty start token", with_envelope("started", json!("")).into(), automated),
        submit(
            "a start token with a forged signature",
            with_envelope("started", json!(format!("{}.AAAA", server::guard::unix_now() - 300))).into(),
            automated,
        ),
        submit(
            "a start token moved earlier under its signature",
            with_envelope("started", json!(format!("1{}", started(300)))).into(),
            automated,
        ),
        submit(
            "a start token from another server",
            with_envelope("started", json!(other_servers_token())).into(),
            automated,
        ),
        submit(
            "a start token from the future",
            with_envelope(
                "started",
                json!(server::guard::StartTokens::new(START_KEY).issue(server::guard::unix_now() + 3600)),
            )
            .into(),
            automated,
        ),
        submit("a start token of 10,000 digits", with_envelope("started", json!("9".repeat(10_000))).into(), automated),
        submit("the honeypot as a number", with_envelope("website", json!(1)).into(), schema),
        submit("the honeypot filled", with_envelope("website", json!("http://spam.example")).into(), automated),
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
