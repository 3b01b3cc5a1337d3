// SPDX-License-Identifier: EUPL-1.2
//! The site's frame: health, unknown API paths, the app's shell and its
//! headers, the OpenAPI document.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn health_answers_ok_with_security_headers() {
    let server = TestServer::start(None).await;
    let response = server.client.get(server.url("/api/health")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin");
    assert!(headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
    assert!(headers.contains_key("permissions-policy"));
    assert_eq!(response.json::<Value>().await.unwrap(), json!({"status": "ok"}));
}

#[tokio::test]
async fn unknown_api_paths_answer_json_404() {
    let server = TestServer::start(None).await;
    for path in [
        "/api/nope",
        "/api",
        "/api/a/b/c",
        "/api/practices/BP-2020-9999",
        "/api/practices/..%2F..%2Fetc%2Fpasswd",
        "/api/",
    ] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let body: Value = response.json().await.unwrap_or_else(|e| panic!("{path}: JSON 404 expected: {e}"));
        assert_eq!(body["error"]["code"], "not_found", "{path}");
    }
    let (status, body) = server.post_raw("/api/nope", Some("application/json"), "{}").await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")));
}

#[tokio::test]
async fn the_app_is_served_with_a_fresh_nonce_and_spa_fallback() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<html><script type=\"module\" nonce=\"{{__TRUNK NONCE__}}\">import '/app.js'</script></html>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log(1)").unwrap();
    let server = TestServer::start(Some(dist.path())).await;

    let mut nonces = Vec::new();
    for path in ["/", "/catalogo", "/una/rotta/della/app", "/index.html"] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        // An address the app has no page for is a 404 to browsers and crawlers,
        // with the same app, which shows its own "Pagina non trovata".
        let expected = if path == "/una/rotta/della/app" { StatusCode::NOT_FOUND } else { StatusCode::OK };
        assert_eq!(response.status(), expected, "{path}");
        let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        let body = response.text().await.unwrap();
        let nonce = body.split("nonce=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        assert!(!nonce.contains("TRUNK"), "{path}: the placeholder is replaced");
        assert!(csp.contains(&format!("'nonce-{nonce}'")), "{path}: the CSP names the page's nonce");
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 4, "every response has its own nonce");

    let embed = server.client.get(server.url("/embed/catalogo?regione=16")).send().await.unwrap();
    let csp = embed.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.ends_with("frame-ancestors *"), "embed routes may be framed by partners: {csp}");
    assert!(!embed.headers().contains_key("x-frame-options"));
    let page = server.client.get(server.url("/catalogo")).send().await.unwrap();
    assert_eq!(page.headers()["x-frame-options"], "DENY", "every other page refuses to be framed");

    let script = server.client.get(server.url("/app.js")).send().await.unwrap();
    assert_eq!(script.status(), StatusCode::OK);
    assert_eq!(script.text().await.unwrap(), "console.log(1)");
    let api = server.client.get(server.url("/api/nothing")).send().await.unwrap();
    assert_eq!(api.status(), StatusCode::NOT_FOUND, "API paths never fall back to the app");
    let traversal = server.client.get(server.url("/..%2F..%2F..%2Fetc%2Fpasswd")).send().await.unwrap();
    assert!(!traversal.text().await.unwrap().contains("root:"), "no file outside the app folder is served");
}

#[tokio::test]
async fn the_openapi_document_describes_every_operation() {
    let server = TestServer::start(None).await;
    let response = server.client.get(server.url("/api/openapi.json")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let document: Value = response.json().await.unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    let operations: Vec<String> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| item.as_object().unwrap().keys().map(move |method| format!("{method} {path}")))
        .collect();
    assert_eq!(operations.len(), 62, "{operations:#?}");
    for operation in [
        "get /api/operator",
        "get /api/participation",
        "post /api/practices/{id}/adoptions",
        "get /api/moderation/adoptions",
        "post /api/moderation/adoptions/{id}",
        "post /api/submissions/mine/confirmation",
        "post /api/accessibility-reports",
        "get /api/moderation/accessibility-reports",
        "put /api/moderation/accessibility-reports/{id}",
        "post /api/service-ratings",
        "get /api/moderation/service-ratings",
        "get /api/moderation/outbox",
        "get /api/moderation/harvest-sources",
        "post /api/moderation/harvest-sources",
        "patch /api/moderation/harvest-sources/{id}",
        "post /api/moderation/harvest-sources/{id}/run",
        "get /api/moderation/harvest-sources/{id}/runs",
        "post /api/submissions/mine/receipt-copy",
        "post /api/practices/{id}/contact",
        "post /api/subscriptions",
        "post /api/subscriptions/confirm",
        "post /api/subscriptions/unsubscribe",
        "get /api/session/daily-digest",
        "put /api/session/daily-digest",
        "post /api/submissions/start",
        "post /api/submissions",
        "put /api/submissions/mine",
        "post /api/moderation/submissions/{id}/actions",
        "post /api/moderation/imports",
        "post /api/moderation/imports/{id}/check",
        "post /api/moderation/imports/{id}/import",
        "post /api/moderation/import-batches/{id}/undo",
        "get /api/moderation/import-drafts",
        "get /api/moderation/import-drafts/{id}",
        "post /api/moderation/import-drafts/{id}/complete",
    ] {
        assert!(operations.iter().any(|o| o == operation), "{operation} is documented");
    }
    // Vocabularies are documented by their codes, as the API reads and writes them.
    let region = &document["components"]["schemas"]["Region"];
    assert!(region["enum"].as_array().unwrap().contains(&json!("16")), "{region}");
    // The questionnaire's limits, from the same definition the server enforces.
    let title = &document["components"]["schemas"]["Practice"]["properties"]["title"];
    let limit = match domain::questionnaire::QUESTIONNAIRE.field("title").unwrap().kind {
        domain::questionnaire::Kind::Text { max, .. } => max,
        _ => unreachable!("the title is a text"),
    };
    assert_eq!((title["maxLength"].as_u64(), title["minLength"].as_u64()), (Some(limit as u64), Some(1)), "{title}");
    assert_eq!(title["description"], "Titolo della pratica");
    let secured: Vec<&str> = document["paths"]["/api/moderation/audit"]["get"]["security"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(secured, ["session"]);
}

#[tokio::test]
async fn each_address_gets_the_entry_point_of_its_audience() {
    let dist = tempfile::tempdir().unwrap();
    for entry in domain::site::pages::Entry::ALL {
        let page = format!("<html><head><title>t</title></head><body>{}</body></html>", entry.name());
        std::fs::write(dist.path().join(format!("{}.html", entry.name())), page).unwrap();
    }
    let server = TestServer::start(Some(dist.path())).await;
    for (path, entry) in [
        ("/", "public"),
        ("/index.html", "public"),
        ("/catalogo?regione=16", "public"),
        ("/pratiche/BP-2020-0001", "public"),
        ("/dati-aperti/", "public"),
        ("/pagina-che-non-esiste", "public"),
        ("/embed/catalogo", "embed"),
        ("/embed/pratiche/BP-2020-0001", "embed"),
        ("/questionario", "questionnaire"),
        ("/questionario/ricevuta", "questionnaire"),
        ("/redazione", "editors"),
        ("/redazione/pratiche/BP-2020-0001", "editors"),
        ("/redazione/amministrazione", "admin"),
        ("/redazione/amministrazione/raccolte/prima_raccolta_2020", "admin"),
        ("/redazione/posta", "admin"),
        ("/redazione/amministrazione/importa", "import"),
        ("/redazione/amministrazione/fonti", "harvest"),
        ("/redazione/bozze", "drafts"),
    ] {
        let body = server.client.get(server.url(path)).send().await.unwrap().text().await.unwrap();
        // The page frame comes first in the body, then what the entry page holds.
        assert!(body.contains(&format!("{entry}</body>")), "{path} gets the {entry} entry: {body}");
    }
    // An entry page as trunk wrote it (its nonce not filled in) is never sent.
    for entry in domain::site::pages::Entry::ALL {
        let response = server.client.get(server.url(&format!("/{}.html", entry.name()))).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", entry.name());
    }
}

/// `/.well-known/security.txt` (RFC 9116) names the configured contact,
/// with every field the RFC requires once, an expiry in the future and its
/// canonical address; without a contact there is no file.
#[tokio::test]
async fn security_txt_follows_rfc_9116_when_a_contact_is_set() {
    let absent = TestServer::start(None).await;
    let response = absent.client.get(absent.url("/.well-known/security.txt")).send().await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::NOT_FOUND, "no contact, no file");

    let server = TestServer::start_with(None, |state| {
        state.operator = std::sync::Arc::new(domain::site::operator::Operator {
            security_contact: Some(server::security_txt::contact_uri("sicurezza@example.org").unwrap()),
            ..Default::default()
        });
        state.public_url = "https://bp.example.org".into();
    })
    .await;
    let response = server.client.get(server.url("/.well-known/security.txt")).send().await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
    let text = response.text().await.unwrap();
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (name, value) = line.split_once(": ").unwrap_or_else(|| panic!("not a field: {line:?}"));
        fields.push((name.to_lowercase(), value.to_owned()));
    }
    let once = |name: &str| {
        let values: Vec<&String> = fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v).collect();
        assert_eq!(values.len(), 1, "{name} once: {text}");
        values[0].clone()
    };
    assert_eq!(once("contact"), "mailto:sicurezza@example.org");
    assert_eq!(once("canonical"), "https://bp.example.org/.well-known/security.txt");
    let expires =
        time::OffsetDateTime::parse(&once("expires"), &time::format_description::well_known::Rfc3339).unwrap();
    let now = time::OffsetDateTime::now_utc();
    assert!(expires > now && expires < now + time::Duration::days(366), "under a year ahead: {expires}");
    assert_eq!(once("preferred-languages"), "it, en");
}
