// SPDX-License-Identifier: EUPL-1.2
//! Rows with problems imported as drafts: kept as the file wrote them,
//! listed for the editors, completed with the questionnaire's own rules into
//! a submission with the row's provenance, never twice; the same file again
//! makes no new draft, and undoing a batch takes its drafts away.

use crate::common::*;
use crate::imports::{google_form_csv, post, practice, upload};
use domain::questionnaire::import::Mapping;
use domain::record::fields::key;
use domain::record::practice::YearMonth;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;

/// Uploads `csv` and imports it with the suggested mapping (the title
/// column mapped by hand), keeping the rows with problems as drafts.
async fn import_with_drafts(server: &TestServer, admin: &str, name: &str, csv: &str) -> Value {
    let (_, uploaded) = upload(server, admin, name, csv.as_bytes().to_vec()).await;
    let mut mapping: Mapping = serde_json::from_value(uploaded["mapping"].clone()).unwrap();
    let title_column = uploaded["headers"].as_array().unwrap().iter().position(|h| h == "Titolo").unwrap();
    mapping.columns[title_column] = key::TITLE.to_owned();
    let path = format!("/api/moderation/imports/{}/import", uploaded["id"]);
    let (status, imported) = post(server, admin, &path, json!({"mapping": mapping, "drafts": true})).await;
    assert_eq!(status, StatusCode::OK, "{imported}");
    imported
}

#[tokio::test]
async fn a_row_with_problems_is_kept_as_a_draft_and_an_editor_completes_it() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let curator = sign_in(&server, "redazione@example.org", Role::Curator).await;
    let good = practice("Spesa a domicilio per gli anziani soli");
    let mut wrong = practice("Sportello sociale al telefono");
    wrong.start_date = YearMonth::new(2020, 4).unwrap();
    let csv = google_form_csv(&[good, wrong.clone()]).replace("04/2020", "primavera 2020");
    let imported = import_with_drafts(&server, &admin, "risposte.csv", &csv).await;
    assert_eq!(
        [&imported["created"], &imported["drafts"], &imported["left_out"]].map(Value::as_u64),
        [Some(1), Some(1), Some(0)],
        "{imported}"
    );

    // The editors find it, with what stands in the way.
    let drafts = server.get_json("/api/moderation/import-drafts", &curator).await;
    assert_eq!(drafts.as_array().unwrap().len(), 1, "{drafts}");
    assert_eq!((&drafts[0]["file_name"], &drafts[0]["row"]), (&json!("risposte.csv"), &json!(3)));
    assert_eq!(drafts[0]["title"], "Sportello sociale al telefono");
    assert_eq!(drafts[0]["problems"], json!(["Data di avvio: «primavera 2020» non è un mese"]));
    let id = drafts[0]["id"].as_i64().unwrap();
    let draft = server.get_json(&format!("/api/moderation/import-drafts/{id}"), &curator).await;
    let cells = draft["cells"].as_array().unwrap();
    assert_eq!(cells[0], json!(["Informazioni cronologiche", "15/05/2020 10.01.00"]), "as the file wrote it");
    assert!(cells.iter().any(|cell| cell[1] == "primavera 2020"), "{cells:?}");
    assert!(draft["answers"].get(key::START_DATE).is_none(), "what could not be read stays out");

    // Completed as it stands: refused with what to fix. Then completed.
    let complete = format!("/api/moderation/import-drafts/{id}/complete");
    let (status, refused) = post(&server, &curator, &complete, json!({"answers": draft["answers"]})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(refused.to_string().contains(key::START_DATE), "{refused}");
    let mut answers = draft["answers"].clone();
    answers[key::START_DATE] = serde_json::to_value(wrong.start_date).unwrap();
    let (status, reference) = post(&server, &curator, &complete, json!({"answers": answers})).await;
    assert_eq!(status, StatusCode::CREATED, "{reference}");
    let reference = reference.as_str().unwrap().to_owned();
    let review = server.get_json(&format!("/api/moderation/submissions/{reference}"), &curator).await;
    assert_eq!(review["moderation_status"], "inviata");
    assert_eq!(
        (&review["imported_from"]["file_name"], &review["imported_from"]["row"]),
        (&json!("risposte.csv"), &json!(3))
    );
    assert_eq!(server.stored(), 2);
    let (status, _) = post(&server, &curator, &complete, json!({"answers": answers})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "completed once");
    assert_eq!(server.get_json("/api/moderation/import-drafts", &curator).await, json!([]));
    let kept: String = rusqlite::Connection::open(&server.db_path)
        .unwrap()
        .query_row("SELECT cells || answers FROM import_drafts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "[]{}", "a completed draft keeps no copy of the row");

    // The same file again: nothing new, no new draft.
    let again = import_with_drafts(&server, &admin, "risposte.csv", &csv).await;
    assert_eq!(
        [&again["created"], &again["drafts"], &again["already"]].map(Value::as_u64),
        [Some(0), Some(0), Some(2)]
    );

    // Wrong, missing and hostile requests change nothing.
    let body = json!({"answers": answers});
    let anonymous = server.client.get(server.url("/api/moderation/import-drafts")).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    for (path, body, expected) in [
        ("/api/moderation/import-drafts/999/complete", body.clone(), StatusCode::NOT_FOUND),
        ("/api/moderation/import-drafts/abc/complete", body.clone(), StatusCode::NOT_FOUND),
        (complete.as_str(), json!({"answers": answers, "extra": 1}), StatusCode::UNPROCESSABLE_ENTITY),
        (complete.as_str(), json!({"answers": "<script>"}), StatusCode::UNPROCESSABLE_ENTITY),
        (complete.as_str(), json!({}), StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let (status, answer) = post(&server, &curator, path, body).await;
        assert_eq!(status, expected, "{path}: {answer}");
    }
    assert_eq!(server.stored(), 2);
}

#[tokio::test]
async fn undoing_a_batch_takes_its_drafts_away() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let mut wrong = practice("Pasti caldi a domicilio");
    wrong.start_date = YearMonth::new(2020, 7).unwrap();
    let csv = google_form_csv(&[practice("Prima pratica"), wrong]).replace("07/2020", "estate 2020");
    let imported = import_with_drafts(&server, &admin, "lotto.csv", &csv).await;
    assert_eq!(imported["drafts"], 1, "{imported}");
    let batch = imported["batch"].as_i64().unwrap();
    let (status, _) = post(&server, &admin, &format!("/api/moderation/import-batches/{batch}/undo"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(server.get_json("/api/moderation/import-drafts", &admin).await, json!([]));
    assert_eq!(server.stored(), 0);
}
