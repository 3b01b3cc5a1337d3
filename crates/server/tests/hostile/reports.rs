// SPDX-License-Identifier: EUPL-1.2
//! What people tell the editors: accessibility reports (the public form's
//! endpoint and the editors' handling of a report) and service ratings.

use super::{Case, Entry, Expect, SQL, TEN_MB};
use serde_json::{Value, json};

/// `report` is the number of a stored report; `curator` a session cookie.
pub(super) fn report_cases(report: i64, curator: &str) -> Vec<Case> {
    use Expect::Error;
    let post = |name: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::AccessibilityReport, name, "POST", "/api/accessibility-reports", expect).json(body)
    };
    let with = |key: &str, value: Value| {
        let mut body = json!({"page": "/catalogo", "description": "Il filtro non si apre da tastiera.", "email": ""});
        body[key] = value;
        body.to_string().into_bytes()
    };
    let (schema, invalid) = (Error(422, "schema_mismatch"), Error(422, "validation_failed"));
    let put = |name: &str, path: String, body: &str, cookie: &str, expect: Expect| {
        let case = Case::new(Entry::AccessibilityReport, name, "PUT", path, expect).json(body.to_owned());
        if cookie.is_empty() { case } else { case.header("cookie", cookie) }
    };
    let path = format!("/api/moderation/accessibility-reports/{report}");
    vec![
        post("malformed JSON", b"{\"page\": ".to_vec(), Error(400, "malformed_json")),
        post("an empty body", Vec::new(), Error(400, "malformed_json")),
        post("the description missing", br#"{"page": "/catalogo"}"#.to_vec(), schema),
        post("the page a number", with("page", json!(42)), schema),
        post("an unknown field", with("priority", json!("urgent")), schema),
        post("an empty description", with("description", json!("   ")), invalid),
        post("a description of 4,001 characters", with("description", json!("a".repeat(4001))), invalid),
        post("a page of 501 characters", with("page", json!("p".repeat(501))), invalid),
        post("a right-to-left override", with("description", json!("Testo \u{202E} rovesciato e nascosto")), invalid),
        post("a NUL in the page", with("page", json!("/catalogo\u{0}")), invalid),
        post("an e-mail that is not one", with("email", json!("non-una-mail")), invalid),
        post("SQL in the e-mail", with("email", json!(SQL)), invalid),
        post("the hidden field filled", with("website", json!("http://spam.example")), Error(422, "looks_automated")),
        post("a 10 MB description", with("description", json!("a".repeat(TEN_MB))), Error(413, "payload_too_large")),
        Case::new(
            Entry::AccessibilityReport,
            "no content type",
            "POST",
            "/api/accessibility-reports",
            Error(415, "unsupported_media_type"),
        )
        .body(with("page", json!("/"))),
        put("handling without a session", path.clone(), r#"{"handled": true}"#, "", Error(401, "unauthorized")),
        put(
            "handling an unknown report",
            "/api/moderation/accessibility-reports/999999".into(),
            r#"{"handled": true}"#,
            curator,
            Error(404, "not_found"),
        ),
        put(
            "handling a report that is not a number",
            "/api/moderation/accessibility-reports/uno".into(),
            r#"{"handled": true}"#,
            curator,
            Expect::ClientError,
        ),
        put("handled as a string", path.clone(), r#"{"handled": "yes"}"#, curator, schema),
        put("handled missing", path.clone(), "{}", curator, schema),
        put("a handling from another site", path, r#"{"handled": true}"#, curator, Error(403, "forbidden"))
            .header("origin", "https://evil.example"),
    ]
}

/// `curator` is a curator's session cookie (the results are for admins).
pub(super) fn rating_cases(curator: &str) -> Vec<Case> {
    use Expect::Error;
    let post = |name: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::ServiceRating, name, "POST", "/api/service-ratings", expect).json(body)
    };
    let with = |key: &str, value: Value| {
        let mut body = json!({"stars": 4, "comment": ""});
        body[key] = value;
        body.to_string().into_bytes()
    };
    let (schema, invalid) = (Error(422, "schema_mismatch"), Error(422, "validation_failed"));
    vec![
        post("malformed JSON", b"{\"stars\": ".to_vec(), Error(400, "malformed_json")),
        post("the stars missing", br#"{"comment": "bene"}"#.to_vec(), schema),
        post("no stars", with("stars", json!(0)), invalid),
        post("six stars", with("stars", json!(6)), invalid),
        post("a negative number of stars", with("stars", json!(-1)), schema),
        post("300 stars", with("stars", json!(300)), schema),
        post("stars as a string", with("stars", json!("5")), schema),
        post("half a star", with("stars", json!(3.5)), schema),
        post("an unknown field", with("email", json!("a@b.it")), schema),
        post("a comment of 1,001 characters", with("comment", json!("a".repeat(1001))), invalid),
        post("a right-to-left override", with("comment", json!("Bene \u{202E} ma no")), invalid),
        post("SQL as the comment's type", with("comment", json!([SQL])), schema),
        post("the hidden field filled", with("website", json!("http://spam.example")), Error(422, "looks_automated")),
        post("a 10 MB comment", with("comment", json!("a".repeat(TEN_MB))), Error(413, "payload_too_large")),
        Case::new(
            Entry::ServiceRating,
            "the results without a session",
            "GET",
            "/api/moderation/service-ratings",
            Error(401, "unauthorized"),
        ),
        Case::new(
            Entry::ServiceRating,
            "the results for a curator",
            "GET",
            "/api/moderation/service-ratings",
            Error(403, "forbidden"),
        )
        .header("cookie", curator),
    ]
}
