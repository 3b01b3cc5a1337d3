// SPDX-License-Identifier: EUPL-1.2
//! The community's public forms: "Contatta il referente" on a published
//! practice.

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
