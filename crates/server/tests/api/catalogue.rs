// SPDX-License-Identifier: EUPL-1.2
//! Public reads: the catalogue and its practices, conditional requests, the
//! demo data, the data dictionary.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn catalogue_lists_published_practices_and_never_a_private_field() {
    let server = TestServer::start(None).await;
    let mut published = valid_answer();
    published.contact_name = PRIVATE_CANARIES[0].into();
    published.contact_role = Some(PRIVATE_CANARIES[1].into());
    published.contact_email = PRIVATE_CANARIES[2].into();
    published.contact_phone = Some(PRIVATE_CANARIES[3].into());
    let title = published.title.clone();
    let id = server.seed(published, ModerationStatus::Pubblicata).await;
    let mut pending = valid_answer();
    pending.title = "In attesa di revisione".into();
    server.seed(pending, ModerationStatus::Inviata).await;

    for path in ["/api/catalogue".to_owned(), format!("/api/practices/{id}")] {
        let response = server.client.get(server.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let body = response.text().await.unwrap();
        assert!(body.contains(&title), "{path} shows the published title");
        assert!(!body.contains("In attesa di revisione"), "{path} hides unpublished practices");
        for canary in PRIVATE_CANARIES {
            assert!(!body.contains(canary), "{path} leaks a private field: {canary}");
        }
        for key in ["contact_name", "contact_email", "contact_phone", "contact_role", "privacy_notice_read"] {
            assert!(!body.contains(key), "{path} carries the private key {key}");
        }
    }
    let catalogue: Value = server.client.get(server.url("/api/catalogue")).send().await.unwrap().json().await.unwrap();
    assert_eq!(catalogue["practices"].as_array().unwrap().len(), 1);
    assert_eq!(catalogue["practices"][0]["id"], id.as_str());
    assert_eq!(catalogue["licence"], "CC-BY-4.0");
}

#[tokio::test]
async fn demo_data_loads_once_into_an_empty_database() {
    let server = TestServer::start(None).await;
    let loaded = server::demo::load_if_empty(&server.db).await.unwrap();
    assert!(loaded >= 20);
    assert_eq!(server::demo::load_if_empty(&server.db).await.unwrap(), 0, "never loaded twice");
    let catalogue: Value = server.client.get(server.url("/api/catalogue")).send().await.unwrap().json().await.unwrap();
    let practices = catalogue["practices"].as_array().unwrap();
    assert_eq!(practices.len(), loaded);
    assert!(practices.iter().all(|p| p["demo"] == json!(true)), "demo practices are flagged");
}

#[tokio::test]
async fn the_data_dictionary_comes_from_the_questionnaire_definition() {
    let server = TestServer::start(None).await;
    let body: Value = server.client.get(server.url("/api/data-dictionary")).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["questionnaire_version"], domain::record::practice::QUESTIONNAIRE_VERSION);
    let community = body["community"].as_array().unwrap();
    assert!(community.len() >= 6 && community.iter().all(|c| c["public"] == false), "the community's data are private");
    let columns = body["columns"].as_array().unwrap();
    let keys: Vec<&str> = columns.iter().map(|c| c["key"].as_str().unwrap()).collect();
    for key in domain::questionnaire::QUESTIONNAIRE.columns() {
        assert!(keys.contains(&key), "the field {key} is described");
    }
    // Every column of the open-data CSV is described, and is public there.
    for column in server::export::public_columns() {
        let entry = columns.iter().find(|c| c["key"] == column);
        assert!(entry.is_some_and(|e| e["public"] == json!(true)), "the CSV column {column} is described as public");
    }
    let conditional = domain::questionnaire::QUESTIONNAIRE
        .fields()
        .filter(|f| matches!(f.required, domain::questionnaire::Required::When(_)))
        .map(|f| f.key);
    for key in conditional {
        let entry = columns.iter().find(|c| c["key"] == key).unwrap();
        assert_eq!(entry["required"], "conditional", "{key} is required only in some cases");
    }
    let email = columns.iter().find(|c| c["key"] == "contact_email").unwrap();
    assert_eq!((email["public"].clone(), email["label_it"].clone()), (json!(false), json!("E-mail del referente")));
}

#[tokio::test]
async fn the_catalogue_answers_conditional_requests() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let first = server.client.get(server.url("/api/catalogue")).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(first.headers()["content-encoding"], "gzip", "compressed");
    let again = server.client.get(server.url("/api/catalogue")).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    let other =
        server.client.get(server.url("/api/catalogue")).header("if-none-match", "\"stale\"").send().await.unwrap();
    assert_eq!(other.status(), StatusCode::OK);
    let body: Value = other.json().await.unwrap();
    assert!(
        body["practices"][0]["terms"].as_str().unwrap().contains("dimostrativa"),
        "search words of the description"
    );
}
