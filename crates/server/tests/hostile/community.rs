// SPDX-License-Identifier: EUPL-1.2
//! The community's public forms: "Contatta il referente" on a published
//! practice, "Segui questa ricerca" and its links.

use super::{Case, Entry, Expect, SQL, TEN_MB};
use crate::common::fresh_key;
use serde_json::{Value, json};

/// `published` is the reference of a published practice that takes messages.
pub(super) fn contact_cases(published: &str) -> Vec<Case> {
    use Expect::Error;
    let path = format!("/api/practices/{published}/contact");
    let post = |name: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::ContactRequest, name, "POST", path.clone(), expect)
            .header("idempotency-key", fresh_key())
            .json(body)
    };
    let with = |key: &str, value: Value| {
        let mut body = json!({
            "name": "Anna Bianchi",
            "email": "anna@comune.example.it",
            "entity": "Comune di Esempio",
            "message": "Come avete organizzato la spesa a domicilio con i volontari?",
            "consent": true,
        });
        body[key] = value;
        body.to_string().into_bytes()
    };
    let (schema, invalid) = (Error(422, "schema_mismatch"), Error(422, "validation_failed"));
    vec![
        post("malformed JSON", b"{\"name\": ".to_vec(), Error(400, "malformed_json")),
        post("an empty body", Vec::new(), Error(400, "malformed_json")),
        post(
            "the message missing",
            br#"{"name": "A", "email": "a@b.it", "entity": "E", "consent": true}"#.to_vec(),
            schema,
        ),
        post("consent as a string", with("consent", json!("yes")), schema),
        post("an unknown field (a chosen recipient)", with("to", json!("attacker@example.org")), schema),
        post("consent not given", with("consent", json!(false)), invalid),
        post("an empty name", with("name", json!("  ")), invalid),
        post("an address that is not one", with("email", json!("anna")), invalid),
        post("SQL as the address", with("email", json!(SQL)), invalid),
        post("a header injected in the name", with("name", json!("Anna\r\nBcc: tutti@example.org")), invalid),
        post("a message too short", with("message", json!("Ciao")), invalid),
        post("a message of 3,001 characters", with("message", json!("a".repeat(3001))), invalid),
        post(
            "HTML in the message",
            with("message", json!("Guardate <a href='http://x.example'>qui</a>, grazie mille")),
            invalid,
        ),
        post(
            "three links in the message",
            with("message", json!("Vedi https://a.example https://b.example e https://c.example")),
            invalid,
        ),
        post("a right-to-left override", with("message", json!("Buongiorno \u{202E} a tutti voi, grazie")), invalid),
        post("the hidden field filled", with("website", json!("http://spam.example")), Error(422, "looks_automated")),
        post("a 10 MB message", with("message", json!("a".repeat(TEN_MB))), Error(413, "payload_too_large")),
        Case::new(Entry::ContactRequest, "no idempotency key", "POST", path.clone(), Error(400, "bad_request"))
            .json(with("name", json!("Anna"))),
        Case::new(
            Entry::ContactRequest,
            "an unknown practice",
            "POST",
            "/api/practices/BP-2020-9999/contact",
            Error(404, "not_found"),
        )
        .header("idempotency-key", fresh_key())
        .json(with("name", json!("Anna"))),
        Case::new(
            Entry::ContactRequest,
            "a reference that is not one",
            "POST",
            "/api/practices/..%2F..%2Fetc/contact",
            Expect::ClientError,
        )
        .header("idempotency-key", fresh_key())
        .json(with("name", json!("Anna"))),
    ]
}

/// "Segui questa ricerca", and the links that confirm and cancel it.
pub(super) fn follow_cases() -> Vec<Case> {
    use Expect::Error;
    let post = |name: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::Subscription, name, "POST", domain::community::SUBSCRIPTIONS_URL, expect).json(body)
    };
    let with = |key: &str, value: Value| {
        let mut body = json!({"email": "lettrice@example.org", "view": [["regione", "16"]]});
        body[key] = value;
        body.to_string().into_bytes()
    };
    let code = |name: &str, path: &str, query: &str, expect: Expect| {
        Case::new(Entry::Subscription, name, "POST", format!("{path}{query}"), expect)
    };
    let (schema, invalid, not_found) =
        (Error(422, "schema_mismatch"), Error(422, "validation_failed"), Error(404, "not_found"));
    let confirm = domain::community::CONFIRM_URL;
    let cancel = domain::community::UNSUBSCRIBE_URL;
    vec![
        post("malformed JSON", b"{\"email\": ".to_vec(), Error(400, "malformed_json")),
        post("the view missing", br#"{"email": "a@b.it"}"#.to_vec(), schema),
        post("the view an object", with("view", json!({"regione": "16"})), schema),
        // serde reads a pair of three as trailing characters: 400 or 422 are both right.
        post("a view pair of three", with("view", json!([["regione", "16", "x"]])), Expect::ClientError),
        post("an unknown field", with("frequency", json!("daily")), schema),
        post("no address", with("email", json!("")), invalid),
        post("an address that is not one", with("email", json!("lettrice")), invalid),
        post("SQL as the address", with("email", json!(SQL)), invalid),
        post("21 parameters", with("view", json!(vec![["regione", "16"]; 21])), invalid),
        post("a parameter of 501 characters", with("view", json!([["q", "a".repeat(501)]])), invalid),
        post("a NUL in the view", with("view", json!([["q", "spesa\u{0}"]])), invalid),
        post("the hidden field filled", with("website", json!("http://spam.example")), Error(422, "looks_automated")),
        post("a 10 MB view", with("view", json!([["q", "a".repeat(TEN_MB)]])), Error(413, "payload_too_large")),
        code("confirming without a code", confirm, "", Error(400, "bad_request")),
        code("confirming with a code not signed", confirm, "?code=1.bm90LXNpZ25lZA", not_found),
        code("confirming with SQL", confirm, "?code=1%27%3B%20DROP%20TABLE%20subscriptions", not_found),
        code("confirming with a huge id", confirm, "?code=99999999999999999999.abc", not_found),
        code("cancelling without a code", cancel, "", Error(400, "bad_request")),
        code("cancelling with a code not signed", cancel, "?code=7.c2lnbmF0dXJh", not_found),
        code(
            "cancelling with a code of 10 000 characters",
            cancel,
            &format!("?code={}", "7".repeat(10_000)),
            not_found,
        ),
    ]
}

/// An editor's daily digest setting; `curator` is a session cookie.
pub(super) fn digest_cases(curator: &str) -> Vec<Case> {
    use Expect::Error;
    let put = |name: &str, body: &[u8], cookie: Option<&str>, expect: Expect| {
        let case = Case::new(Entry::Subscription, name, "PUT", domain::community::DAILY_DIGEST_URL, expect)
            .json(body.to_vec());
        match cookie {
            Some(cookie) => case.header("cookie", cookie),
            None => case,
        }
    };
    vec![
        put("the digest setting without a session", br#"{"daily_digest": false}"#, None, Error(401, "unauthorized")),
        put(
            "the digest setting as a string",
            br#"{"daily_digest": "no"}"#,
            Some(curator),
            Error(422, "schema_mismatch"),
        ),
        put("the digest setting missing", b"{}", Some(curator), Error(422, "schema_mismatch")),
        put(
            "another account's setting",
            br#"{"daily_digest": false, "email": "admin@example.org"}"#,
            Some(curator),
            Error(422, "schema_mismatch"),
        ),
        put(
            "the digest setting from another site",
            br#"{"daily_digest": false}"#,
            Some(curator),
            Error(403, "forbidden"),
        )
        .header("origin", "https://evil.example"),
    ]
}
