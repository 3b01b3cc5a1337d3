// SPDX-License-Identifier: EUPL-1.2
//! The private link: the respondent reopens and updates a submission, and an
//! update of a published practice waits for a curator.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn the_private_link_reopens_and_updates_as_a_new_version() {
    let server = TestServer::start(None).await;
    let receipt: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let bearer = format!("Bearer {TOKEN}");

    let mine =
        server.client.get(server.url("/api/submissions/mine")).header("authorization", &bearer).send().await.unwrap();
    assert_eq!(mine.status(), StatusCode::OK);
    let mine: Value = mine.json().await.unwrap();
    assert_eq!(mine["id"], receipt["id"]);
    assert_eq!(mine["versions"], 1);
    assert_eq!(mine["answers"]["contact_email"], valid_answer().contact_email, "the owner sees private fields");

    let mut answers = mine["answers"].clone();
    answers["title"] = json!("Titolo aggiornato dal referente");
    let update = json!({ "answers": answers });
    let updated = server
        .client
        .put(server.url("/api/submissions/mine"))
        .header("authorization", &bearer)
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(updated.status(), StatusCode::OK);
    assert_eq!(updated.json::<Value>().await.unwrap()["version"], 2);

    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let titles: Vec<String> = conn
        .prepare("SELECT answer ->> '$.title' FROM practice_versions ORDER BY version")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(titles, [valid_answer().title, "Titolo aggiornato dal referente".to_owned()], "nothing overwritten");
    assert_eq!(server.stored(), 1);

    for bad in ["Bearer wrong-token-wrong-token-wrong-token-00", "Bearer short", "Basic abc", ""] {
        let response =
            server.client.get(server.url("/api/submissions/mine")).header("authorization", bad).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{bad:?}");
        assert_eq!(response.json::<Value>().await.unwrap()["error"]["code"], "invalid_link");
    }
    let mut invalid = update.clone();
    invalid["answers"]["title"] = json!("");
    let refused = server
        .client
        .put(server.url("/api/submissions/mine"))
        .header("authorization", &bearer)
        .json(&invalid)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let versions: i64 = conn.query_row("SELECT count(*) FROM practice_versions", [], |r| r.get(0)).unwrap();
    assert_eq!(versions, 2, "an invalid update adds no version");
}

#[tokio::test]
async fn an_update_of_a_published_practice_stays_private_until_a_curator_accepts_it() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let receipt: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_owned();
    assert_eq!(server.act(&curator, &id, "take_in_review", 1, None).await.0, StatusCode::OK);
    assert_eq!(server.act(&curator, &id, "publish", 2, None).await.0, StatusCode::OK);
    let public = |server: &TestServer| {
        let url = server.url(&format!("/api/practices/{id}"));
        let client = server.client.clone();
        async move { client.get(url).send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let published_title = public(&server).await["title"].clone();

    // The respondent sends an update through the private link.
    let mut answers = serde_json::to_value(valid_answer()).unwrap();
    answers["title"] = json!("Titolo aggiornato dopo la pubblicazione");
    let put = server
        .client
        .put(server.url("/api/submissions/mine"))
        .header("authorization", format!("Bearer {TOKEN}"))
        .json(&json!({"answers": answers}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), StatusCode::OK);
    assert_eq!(public(&server).await["title"], published_title, "the published version stays public");
    let catalogue: Value = server.client.get(server.url("/api/catalogue")).send().await.unwrap().json().await.unwrap();
    assert!(!catalogue.to_string().contains("Titolo aggiornato"), "the catalogue too");

    // The curators see it waiting, with what changed.
    let queue: Value = server.get_json("/api/moderation/submissions?stato=pubblicata", &curator).await;
    assert_eq!(queue["submissions"][0]["update_pending"], true);
    let review: Value = server.get_json(&format!("/api/moderation/submissions/{id}"), &curator).await;
    assert_eq!(review["update_pending"], true);
    assert_eq!(review["changed_fields"], json!(["title"]));
    assert_eq!(review["allowed_actions"], json!(["accept_update", "unpublish", "archive"]));
    assert_eq!(review["answers"]["title"], "Titolo aggiornato dopo la pubblicazione", "the review shows the update");
    let version = review["version"].as_i64().unwrap();
    assert_eq!(version, 4, "the update made decisions on the old review stale");
    assert_eq!(server.act(&curator, &id, "unpublish", 3, None).await.0, StatusCode::CONFLICT);

    // Accepted: public at once; accepting again finds nothing to accept.
    let (status, body) = server.act(&curator, &id, "accept_update", version, None).await;
    assert_eq!((status, body["moderation_status"].clone()), (StatusCode::OK, json!("pubblicata")));
    assert_eq!(public(&server).await["title"], "Titolo aggiornato dopo la pubblicazione");
    let before = server.snapshot();
    let (status, body) = server.act(&curator, &id, "accept_update", version + 1, None).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(server.snapshot(), before);
}
