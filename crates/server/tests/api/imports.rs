// SPDX-License-Identifier: EUPL-1.2
//! Importing a spreadsheet of responses: upload, dry run, import, the same
//! file again, undo; and every wrong, missing, oversized or hostile input.

use crate::common::*;
use domain::questionnaire::import::{Mapping, SKIP, SUBMITTED, as_form_writes_it};
use domain::record::fields::key;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A Google-Forms-style CSV of `practices`: the form's timestamp, then one
/// column per question under headers that are near our labels but not
/// them, as another office's form would word them.
pub fn google_form_csv(practices: &[domain::Practice]) -> String {
    let comuni = domain::record::comuni::shipped();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let (headers, _) = as_form_writes_it(&practices[0], comuni);
    let reworded = headers.iter().map(|h| match h.as_str() {
        "Titolo della pratica" => "Titolo".to_owned(),
        other => format!("{other} *"),
    });
    writer.write_record(std::iter::once("Informazioni cronologiche".to_owned()).chain(reworded)).unwrap();
    for (n, practice) in practices.iter().enumerate() {
        let (_, cells) = as_form_writes_it(practice, comuni);
        writer.write_record(std::iter::once(format!("15/05/2020 10.{n:02}.00")).chain(cells)).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

pub fn practice(title: &str) -> domain::Practice {
    let mut practice = valid_answer();
    practice.title = title.to_owned();
    practice.partners.clear();
    practice
}

pub async fn upload(server: &TestServer, cookie: &str, name: &str, body: Vec<u8>) -> (StatusCode, Value) {
    let response = server
        .client
        .post(server.url(&format!("/api/moderation/imports?name={name}")))
        .header("cookie", cookie)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

pub async fn post(server: &TestServer, cookie: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let response = server.client.post(server.url(path)).header("cookie", cookie).json(&body).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_admin_imports_a_google_form_sheet_once_and_fixes_what_the_dry_run_reports() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let good = practice("Spesa a domicilio per gli anziani soli");
    let mut wrong = practice("Sportello sociale al telefono");
    wrong.start_date = domain::record::practice::YearMonth::new(2020, 4).unwrap();
    let csv = google_form_csv(&[good.clone(), wrong.clone()]).replace("04/2020", "primavera 2020");

    let (status, upload_body) = upload(&server, &admin, "risposte.csv", csv.clone().into_bytes()).await;
    assert_eq!(status, StatusCode::CREATED, "{upload_body}");
    assert_eq!(upload_body["rows"], 2);
    assert_eq!(upload_body["saved"], false);
    let mut mapping: Mapping = serde_json::from_value(upload_body["mapping"].clone()).unwrap();
    assert_eq!(mapping.columns[0], SUBMITTED);
    let title_column = upload_body["headers"].as_array().unwrap().iter().position(|h| h == "Titolo").unwrap();
    // The administrator maps what the suggestion could not tell.
    if mapping.columns[title_column] != key::TITLE {
        mapping.columns[title_column] = key::TITLE.to_owned();
    }
    let id = upload_body["id"].as_i64().unwrap();

    let (status, checked) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/check"), json!({"mapping": mapping})).await;
    assert_eq!(status, StatusCode::OK, "{checked}");
    assert_eq!((checked["ready"].as_u64(), checked["with_problems"].as_u64()), (Some(1), Some(1)), "{checked}");
    let problems = checked["rows"][1]["problems"].as_array().unwrap();
    assert!(problems.contains(&json!("riga 3, Data di avvio: «primavera 2020» non è un mese")), "{problems:?}");
    assert!(checked["values"][key::REGION_CODE].as_array().is_some_and(|v| !v.is_empty()));
    assert_eq!(server.stored(), 0, "a dry run stores nothing");

    let (status, imported) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/import"), json!({"mapping": mapping})).await;
    assert_eq!(status, StatusCode::OK, "{imported}");
    assert_eq!((imported["created"].as_u64(), imported["left_out"].as_u64()), (Some(1), Some(1)));
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let (status_code, row, submitted, token): (String, i64, String, Option<String>) = conn
        .query_row("SELECT moderation_status, import_row, import_submitted, edit_token_hash FROM practices", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    assert_eq!((status_code.as_str(), row, submitted.as_str()), ("inviata", 2, "15/05/2020 10.00.00"));
    assert!(token.is_some_and(|t| t.len() == 64), "a private link nobody holds");
    let outbox: i64 = conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get(0)).unwrap();
    assert_eq!(outbox, 0, "an import e-mails nobody");

    // The office fixes the row in its sheet and sends the file again: the
    // saved mapping is proposed, and only the fixed row is new.
    let fixed = csv.replace("primavera 2020", "04/2020");
    let (status, again) = upload(&server, &admin, "risposte-corrette.csv", fixed.clone().into_bytes()).await;
    assert_eq!(status, StatusCode::CREATED, "{again}");
    assert_eq!(again["saved"], true, "the mapping saved for these headers");
    let id = again["id"].as_i64().unwrap();
    let (_, imported) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/import"), json!({"mapping": again["mapping"]}))
            .await;
    assert_eq!((imported["created"].as_u64(), imported["already"].as_u64()), (Some(1), Some(1)), "{imported}");

    // The same file once more: nothing new.
    let (_, third) = upload(&server, &admin, "risposte-corrette.csv", fixed.into_bytes()).await;
    let id = third["id"].as_i64().unwrap();
    let (_, imported) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/import"), json!({"mapping": third["mapping"]}))
            .await;
    assert_eq!((imported["created"].as_u64(), imported["already"].as_u64()), (Some(0), Some(2)), "{imported}");
    assert_eq!(server.stored(), 2);
    let queue = server.get_json("/api/moderation/submissions", &admin).await;
    let titles: Vec<&str> =
        queue["submissions"].as_array().unwrap().iter().filter_map(|e| e["title"].as_str()).collect();
    assert!(titles.contains(&good.title.as_str()) && titles.contains(&wrong.title.as_str()), "{queue}");
    assert!(queue["submissions"].as_array().unwrap().iter().all(|e| e["imported"] == true), "{queue}");
    let reference: String =
        conn.query_row("SELECT reference FROM practices WHERE import_row = 2", [], |r| r.get(0)).unwrap();
    let review = server.get_json(&format!("/api/moderation/submissions/{reference}"), &admin).await;
    let from = &review["imported_from"];
    assert_eq!(
        [&from["file_name"], &from["row"], &from["submitted"]],
        [&json!("risposte.csv"), &json!(2), &json!("15/05/2020 10.00.00")],
        "the editors see where it came from"
    );
    let columns = from["columns"].as_array().unwrap();
    assert_eq!(columns[0], json!({"header": "Informazioni cronologiche", "target": "_submitted"}));
    assert!(columns.contains(&json!({"header": "Titolo", "target": "title"})), "and the mapping used: {columns:?}");
    assert_eq!(columns.len(), mapping.columns.iter().filter(|c| !c.is_empty()).count());
}

#[tokio::test]
async fn a_batch_is_undone_until_an_editor_acts_on_it() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let csv = google_form_csv(&[practice("Prima pratica importata"), practice("Seconda pratica importata")]);
    let (_, body) = upload(&server, &admin, "lotto.csv", csv.into_bytes()).await;
    let id = body["id"].as_i64().unwrap();
    let (_, imported) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/import"), json!({"mapping": body["mapping"]}))
            .await;
    assert_eq!(imported["created"], 2, "{imported}");
    let batch = imported["batch"].as_i64().unwrap();
    let (status, removed) =
        post(&server, &admin, &format!("/api/moderation/import-batches/{batch}/undo"), json!({})).await;
    assert_eq!((status, removed), (StatusCode::OK, json!(2)));
    assert_eq!(server.stored(), 0);
    let (status, _) = post(&server, &admin, &format!("/api/moderation/import-batches/{batch}/undo"), json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "undone already");

    // Imported again (the undone rows are new again), then an editor acts.
    let csv = google_form_csv(&[practice("Prima pratica importata")]);
    let (_, body) = upload(&server, &admin, "lotto.csv", csv.into_bytes()).await;
    let id = body["id"].as_i64().unwrap();
    let (_, imported) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/import"), json!({"mapping": body["mapping"]}))
            .await;
    assert_eq!(imported["created"], 1, "{imported}");
    let reference: String = rusqlite::Connection::open(&server.db_path)
        .unwrap()
        .query_row("SELECT reference FROM practices", [], |r| r.get(0))
        .unwrap();
    let (status, _) = server.act(&admin, &reference, "take_in_review", 1, None).await;
    assert_eq!(status, StatusCode::OK);
    let batch = imported["batch"].as_i64().unwrap();
    let (status, refused) =
        post(&server, &admin, &format!("/api/moderation/import-batches/{batch}/undo"), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(refused["error"]["message"].as_str().unwrap().contains(&reference), "{refused}");
    assert_eq!(server.stored(), 1);
    let log = server.get_json("/api/moderation/audit", &admin).await.to_string();
    assert!(log.contains("\"import\"") && log.contains("\"undo_import\""), "the log records both");
}

#[tokio::test]
async fn an_excel_workbook_is_read_too() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let xlsx = include_bytes!("../fixtures/import/risposte.xlsx").to_vec();
    let (status, body) = upload(&server, &admin, "risposte.xlsx", xlsx).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["rows"], 2);
    assert_eq!(body["samples"][0][1], "Comune di Forlì");
    assert_eq!(body["mapping"]["columns"][1], key::ENTITY_NAME);
}

#[tokio::test]
async fn wrong_missing_oversized_and_hostile_imports_are_refused_in_words_and_store_nothing() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let curator = sign_in(&server, "curatore@example.org", server::auth::Role::Curator).await;
    let csv = google_form_csv(&[practice("Una pratica")]).into_bytes();

    let (status, _) = upload(&server, &curator, "x.csv", csv.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "curators do not import");
    let (status, _) = upload(&server, "bp_session=nessuna", "x.csv", csv.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let response = server
        .client
        .post(server.url("/api/moderation/imports"))
        .header("cookie", &admin)
        .body(csv.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "no file name");
    let (status, body) = upload(&server, &admin, "%0A", csv.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a control character in the name: {body}");

    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("grande.csv", vec![b'a'; server::sheet::MAX_BYTES + 2], "413"),
        ("vuoto.csv", Vec::new(), "file"),
        ("binario.csv", b"\x00\x01\x02garbage\x00".to_vec(), "file"),
        ("finto.xlsx", b"PK\x03\x04 not a workbook".to_vec(), "file"),
        ("righe.csv", format!("A\n{}", "x\n".repeat(server::sheet::MAX_ROWS + 1)).into_bytes(), "file"),
    ];
    for (name, bytes, expected) in cases {
        let (status, body) = upload(&server, &admin, name, bytes).await;
        if expected == "413" {
            assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{name}: {body}");
        } else {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {body}");
            let message = body["error"]["fields"][expected][0].as_str().unwrap_or_default();
            assert!(!message.is_empty(), "{name}: a message in words: {body}");
        }
    }

    let (_, body) = upload(&server, &admin, "x.csv", csv).await;
    let id = body["id"].as_i64().unwrap();
    let columns = body["mapping"]["columns"].as_array().unwrap().len();
    let mut unknown = vec![SKIP.to_owned(); columns];
    unknown[1] = "domanda_inventata".into();
    let hostile = [
        json!({"mapping": {"columns": unknown, "values": {}, "separator": ", "}}),
        json!({"mapping": {"columns": [SKIP], "values": {}, "separator": ", "}}),
        json!({"mapping": {"columns": vec![key::TITLE; columns], "values": {}, "separator": ", "}}),
        json!({"mapping": {"columns": vec![SKIP; columns], "values": {key::ENTITY_TYPE: {"Comune": "<script>"}}, "separator": ", "}}),
    ];
    for body in hostile {
        let (status, answer) =
            post(&server, &admin, &format!("/api/moderation/imports/{id}/import"), body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        assert!(answer["error"]["fields"]["mapping"][0].is_string(), "{answer}");
    }
    let (status, _) =
        post(&server, &admin, "/api/moderation/imports/99999/check", json!({"mapping": body["mapping"]})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = post(&server, &admin, &format!("/api/moderation/imports/{id}/check"), json!({"mappa": 1})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = post(&server, &admin, "/api/moderation/import-batches/7/undo", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(server.stored(), 0);
}

/// Not a pass/fail on time: prints how long 5,000 rows take to read, check
/// and import here (debug build, as the tests run).
#[tokio::test]
async fn five_thousand_rows_are_checked_and_imported_and_the_figures_printed() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let practices: Vec<_> =
        (0..server::sheet::MAX_ROWS).map(|n| practice(&format!("Pratica importata numero {n}"))).collect();
    let csv = google_form_csv(&practices).into_bytes();
    let started = std::time::Instant::now();
    let (status, body) = upload(&server, &admin, "grande.csv", csv.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let uploaded = started.elapsed();
    let id = body["id"].as_i64().unwrap();
    let started = std::time::Instant::now();
    let (_, checked) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/check"), json!({"mapping": body["mapping"]}))
            .await;
    assert_eq!(checked["ready"], server::sheet::MAX_ROWS, "{}", checked["rows"][0]);
    let dry_run = started.elapsed();
    let started = std::time::Instant::now();
    let (_, imported) =
        post(&server, &admin, &format!("/api/moderation/imports/{id}/import"), json!({"mapping": body["mapping"]}))
            .await;
    assert_eq!(imported["created"], server::sheet::MAX_ROWS);
    println!(
        "import of {} rows ({} KiB of CSV): upload and read {:.2} s, dry run {:.2} s, import {:.2} s",
        server::sheet::MAX_ROWS,
        csv.len() / 1024,
        uploaded.as_secs_f64(),
        dry_run.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
