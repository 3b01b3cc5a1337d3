// SPDX-License-Identifier: EUPL-1.2
//! One rule per kind of input (issue 31, item 1): every e-mail address the
//! API takes goes through `domain::validation::is_email`, so an address whose
//! domain cannot receive mail (`g.ferraro@comune.sassari`: "sassari" is no
//! top-level domain) is refused at its field, with the same message, on
//! every path. The table names each path; the test fails when the OpenAPI
//! document or the questionnaire has an e-mail input the table lacks, so a
//! new form cannot forget the rule.

use crate::common::*;
use domain::Lang;
use domain::questionnaire::{Input, Kind, QUESTIONNAIRE};
use domain::validation::FieldError;
use domain::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use std::collections::BTreeSet;

const NOWHERE: &str = "g.ferraro@comune.sassari";

/// Sign-in matches an account's address; it has no rule to apply.
const NOT_CHECKED: [(&str, &str); 1] = [("post /api/session", "email")];

/// Every request-body property of the OpenAPI document whose name says it
/// holds an e-mail address: `("post /api/subscriptions", "email")`.
fn email_properties(document: &Value) -> BTreeSet<(String, String)> {
    let schema_of = |schema: &Value| -> Value {
        match schema["$ref"].as_str() {
            Some(reference) => {
                let name = reference.rsplit('/').next().unwrap_or_default();
                document["components"]["schemas"][name].clone()
            }
            None => schema.clone(),
        }
    };
    let mut found = BTreeSet::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let schema = &operation["requestBody"]["content"]["application/json"]["schema"];
            if let Some(properties) = schema_of(schema)["properties"].as_object() {
                for name in properties.keys().filter(|name| name.contains("email")) {
                    found.insert((format!("{method} {path}"), name.clone()));
                }
            }
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn every_e_mail_input_refuses_an_address_that_cannot_receive_mail() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let published = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let round = json!({"code": "raccolta_prova", "name": "Raccolta di prova", "opens_on": "2026-01-01", "closes_on": "2026-12-31"});
    let added = server.client.post(server.url("/api/moderation/rounds")).header("cookie", &admin).json(&round);
    assert!(added.send().await.unwrap().status().is_success(), "a round to invite to");
    let sent: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    assert!(sent["id"].is_string(), "a submission to update: {sent}");

    let mut answers = serde_json::to_value(valid_answer()).unwrap();
    answers["contact_email"] = json!(NOWHERE);
    let client = &server.client;
    let post = |path: &str| client.post(server.url(path)).header("idempotency-key", fresh_key());
    // (operation, property, request, the error's key)
    let cases = vec![
        ("post /api/submissions", "answers.contact_email", post("/api/submissions").json(&envelope(answers.clone())), "contact_email"),
        (
            "put /api/submissions/mine",
            "answers.contact_email",
            client.put(server.url("/api/submissions/mine")).header("authorization", format!("Bearer {TOKEN}")).json(&json!({"answers": answers})),
            "contact_email",
        ),
        (
            "post /api/practices/{id}/contact",
            "email",
            post(&format!("/api/practices/{published}/contact")).json(&json!({
                "name": "Giulia Ferraro", "email": NOWHERE, "entity": "Comune di Sassari",
                "message": "Come avete organizzato la spesa a domicilio con i volontari?", "consent": true,
            })),
            "email",
        ),
        (
            "post /api/practices/{id}/adoptions",
            "referent_email",
            post(&format!("/api/practices/{published}/adoptions")).json(&json!({
                "entity_type": "comune", "entity_name": "Comune di Sassari", "region_code": "20", "comune_code": "090064",
                "adopted_on": "2021-03", "adapted": false, "changes": "", "referent_name": "Giulia Ferraro",
                "referent_email": NOWHERE, "consent": true,
            })),
            "referent_email",
        ),
        ("post /api/subscriptions", "email", post("/api/subscriptions").json(&json!({"email": NOWHERE, "view": []})), "email"),
        (
            "post /api/accessibility-reports",
            "email",
            post("/api/accessibility-reports").json(&json!({"page": "/catalogo", "description": "Il filtro non si apre da tastiera.", "email": NOWHERE})),
            "email",
        ),
        (
            "post /api/moderation/users",
            "email",
            client.post(server.url("/api/moderation/users")).header("cookie", &admin).json(&json!({"email": NOWHERE, "role": "curator", "password": "password lunga e sicura"})),
            "email",
        ),
        (
            "post /api/moderation/rounds/{code}/invitees",
            "csv",
            client.post(server.url("/api/moderation/rounds/raccolta_prova/invitees")).header("cookie", &admin).json(&json!({"csv": format!("ente,email\nComune di Sassari,{NOWHERE}\n")})),
            "rows.2.email",
        ),
    ];
    let message = FieldError::InvalidEmail.message(Lang::It);
    let mut covered: BTreeSet<(String, String)> =
        NOT_CHECKED.iter().map(|(operation, property)| (operation.to_string(), property.to_string())).collect();
    for (operation, property, request, key) in cases {
        let response = request.send().await.unwrap();
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{operation}: {body}");
        assert_eq!(body["error"]["fields"][key][0], json!(message), "{operation}, {key}: {body}");
        covered.insert((operation.to_owned(), property.to_owned()));
    }

    // Nothing left out: the API's e-mail properties, and the questionnaire's
    // e-mail questions (answers are a map the OpenAPI document leaves open).
    let document: Value =
        server.client.get(server.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    let missing: Vec<_> = email_properties(&document).difference(&covered).cloned().collect();
    assert!(missing.is_empty(), "e-mail inputs without a row in this test: {missing:?}");
    let questions: Vec<&str> = QUESTIONNAIRE
        .fields()
        .filter(|field| matches!(field.kind, Kind::Text { input: Input::Email, .. }))
        .map(|field| field.key)
        .collect();
    assert_eq!(questions, ["contact_email"], "each e-mail question has its rows above");

    // The office's public contact takes an e-mail or a web page, by the same rule.
    let mut answers = serde_json::to_value(valid_answer()).unwrap();
    answers["public_contact"] = json!("sociale@comune.sassari");
    let response = server.submit(&fresh_key(), &envelope(answers)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["error"]["fields"]["public_contact"][0],
        json!(FieldError::InvalidPublicContact.message(Lang::It)),
        "{body}"
    );
}
