// SPDX-License-Identifier: EUPL-1.2
//! Harvesting a sheet of responses published at a web address: refused in
//! words until the import has saved a mapping for its columns; then the rows
//! imported already are left alone, a new row enters the queue, a row edited
//! at the source (same date sent) comes back as an update, and a row the
//! mapping cannot read is listed, never half taken.

use crate::common::*;
use crate::harvest::run;
use crate::imports::{google_form_csv, practice, upload};
use domain::questionnaire::import::Mapping;
use domain::record::fields::key;
use domain::record::practice::YearMonth;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use std::sync::{Arc, Mutex};

/// A web server publishing `sheet` as CSV at `/risposte.csv` (its text
/// changes when the test changes it), and a DCAT catalogue in Turtle at
/// `/dcat.ttl` whose distribution in our format is that CSV.
async fn publish(sheet: Arc<Mutex<String>>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let catalogue = format!(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n\
         <{base}/formato> dct:identifier \"buone-pratiche/1\" .\n\
         <{base}/dcat.ttl#csv> a dcat:Distribution ; dct:conformsTo <{base}/formato> ;\n\
         dcat:downloadURL <{base}/risposte.csv> ; dcat:mediaType \"text/csv\" ."
    );
    let app = axum::Router::new()
        .route("/dcat.ttl", axum::routing::get(move || async move { ([("content-type", "text/turtle")], catalogue) }))
        .fallback(move || {
            let body = sheet.lock().unwrap().clone();
            async move { ([("content-type", "text/csv; charset=utf-8")], body) }
        });
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

async fn post(server: &TestServer, cookie: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let response = server.client.post(server.url(path)).header("cookie", cookie).json(&body).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_sheet_is_harvested_with_the_mapping_the_import_saved() {
    let server = TestServer::start_public(|_| {}).await;
    let admin = sign_in(&server, "admin@b.it", Role::Admin).await;
    let mut responses =
        vec![practice("Spesa a domicilio per gli anziani soli"), practice("Sportello sociale al telefono")];
    let sheet = Arc::new(Mutex::new(google_form_csv(&responses)));
    let base = publish(sheet.clone()).await;
    let body = json!({"name": "Modulo ATS Valle", "url": format!("{base}/risposte.csv"), "kind": "csv", "contact_email": "ufficio.piano@ats.it"});
    let (status, source) = post(&server, &admin, "/api/moderation/harvest-sources", body).await;
    assert_eq!(status, StatusCode::CREATED, "{source}");
    let id = source["id"].as_i64().unwrap();

    // No mapping saved for these columns yet: refused in words, nothing taken.
    let first = run(&server, &admin, id).await;
    assert_eq!((first["outcome"].as_str(), first["failure"].as_str()), (Some("failed"), Some("no_mapping")), "{first}");
    assert_eq!(server.stored(), 0);

    // The administrator imports the sheet once, by the import's screens.
    let csv = sheet.lock().unwrap().clone();
    let (_, uploaded) = upload(&server, &admin, "risposte.csv", csv.into_bytes()).await;
    let mut mapping: Mapping = serde_json::from_value(uploaded["mapping"].clone()).unwrap();
    let title_column = uploaded["headers"].as_array().unwrap().iter().position(|h| h == "Titolo").unwrap();
    mapping.columns[title_column] = key::TITLE.to_owned();
    let path = format!("/api/moderation/imports/{}/import", uploaded["id"]);
    let (status, imported) = post(&server, &admin, &path, json!({"mapping": mapping})).await;
    assert_eq!((status, imported["created"].as_u64()), (StatusCode::OK, Some(2)), "{imported}");

    // A third response arrives in the sheet: only it is taken.
    responses.push(practice("Custodia dei bambini a distanza"));
    *sheet.lock().unwrap() = google_form_csv(&responses);
    let second = run(&server, &admin, id).await;
    let counts = &second["counts"];
    assert_eq!(second["outcome"], "ok", "{second}");
    assert_eq!(
        (counts["read"].as_u64(), counts["imported"].as_u64(), counts["created"].as_u64()),
        (Some(3), Some(2), Some(1))
    );
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let (reference, remote_id, contact): (String, String, String) = conn
        .query_row(
            "SELECT p.reference, h.remote_id, json_extract(v.answer, '$.contact_email') FROM harvested h
             JOIN practices p ON p.id = h.practice_id JOIN practice_versions v ON v.practice_id = p.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(remote_id, "15/05/2020 10.02.00", "known at the source by the date it was sent");
    assert_eq!(contact, "ufficio.piano@ats.it", "the sheet's own contacts are not taken");
    let review = server.get_json(&format!("/api/moderation/submissions/{reference}"), &admin).await;
    assert_eq!(review["harvested_from"]["name"], "Modulo ATS Valle", "{review}");

    // The office corrects the title in its sheet: an update to review.
    responses[2].title = "Custodia dei bambini a distanza, con i nonni".into();
    let mut unreadable = practice("Pasti caldi a domicilio");
    unreadable.start_date = YearMonth::new(2020, 7).unwrap();
    responses.push(unreadable);
    // A respondent who did not consent to publication: a sheet has no open
    // licence to stand for it, so the row is not taken.
    let mut refused = practice("Trasporto sociale su prenotazione");
    refused.publication_consent = false;
    responses.push(refused);
    *sheet.lock().unwrap() = google_form_csv(&responses).replace("07/2020", "estate 2020");
    let third = run(&server, &admin, id).await;
    let counts = &third["counts"];
    assert_eq!(
        (counts["updated"].as_u64(), counts["created"].as_u64(), counts["invalid"].as_u64()),
        (Some(1), Some(0), Some(2)),
        "{third}"
    );
    let problems = third["problems"][0]["problems"].as_array().unwrap();
    assert!(problems.contains(&json!("Data di avvio: «estate 2020» non è un mese")), "{problems:?}");
    let no_consent = third["problems"][1].to_string();
    assert!(
        no_consent.contains("Trasporto sociale") && no_consent.contains("manca il «Sì» di chi ha risposto"),
        "{no_consent}"
    );
    let review = server.get_json(&format!("/api/moderation/submissions/{reference}"), &admin).await;
    assert_eq!(review["changed_fields"], json!(["title"]), "{review}");
    assert_eq!(server.stored(), 3, "two imported, one harvested; the unreadable row is not half taken");

    // A DCAT catalogue whose distribution in our format is the same CSV:
    // read as a sheet, and nothing taken twice.
    let body = json!({"name": "Catalogo ATS", "url": format!("{base}/dcat.ttl"), "kind": "dcat",
        "contact_email": "ufficio.piano@ats.it"});
    let (status, catalogue) = post(&server, &admin, "/api/moderation/harvest-sources", body).await;
    assert_eq!(status, StatusCode::CREATED, "{catalogue}");
    let through_dcat = run(&server, &admin, catalogue["id"].as_i64().unwrap()).await;
    let counts = &through_dcat["counts"];
    assert_eq!(
        [&counts["imported"], &counts["elsewhere"], &counts["invalid"], &counts["created"]].map(Value::as_u64),
        [Some(2), Some(1), Some(2), Some(0)],
        "{through_dcat}"
    );

    // A sheet that cannot be read changes nothing, and says why.
    let good = sheet.lock().unwrap().clone();
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", String::new(), "shape"),
        ("binary", "Titolo\0\u{1}\u{2}".repeat(40), "shape"),
        ("a column added at the source", good.replacen('\n', ",Nota\n", 1), "no_mapping"),
        ("a web page", "<!DOCTYPE html><html><body>Accedi</body></html>".to_owned(), "html"),
    ];
    let snapshot = server.snapshot();
    for (name, text, kind) in cases {
        *sheet.lock().unwrap() = text;
        let outcome = run(&server, &admin, id).await;
        let failure =
            outcome["failure"].as_str().or_else(|| outcome["failure"].as_object()?.keys().next().map(String::as_str));
        assert_eq!((outcome["outcome"].as_str(), failure), (Some("failed"), Some(kind)), "{name}: {outcome}");
        let kept: Vec<_> = server.snapshot().into_iter().filter(|row| !row.starts_with("harvest_")).collect();
        let before: Vec<_> = snapshot.iter().filter(|row| !row.starts_with("harvest_")).cloned().collect();
        assert_eq!(kept, before, "{name}: the previous harvest is kept whole");
    }
}
