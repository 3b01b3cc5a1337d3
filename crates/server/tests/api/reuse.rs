// SPDX-License-Identifier: EUPL-1.2
//! After publication: declarations of adoption (declared, curated through
//! their own state machine, shown on the page, counted by the catalogue's
//! facet and sort, listed in open data), practices derived from others
//! (recorded, linked both ways), and living records walked to "da
//! aggiornare" and back by the respondent's confirmation with the clock moved.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;

fn declaration(entity: &str) -> Value {
    json!({
        "entity_type": "comune",
        "entity_name": entity,
        "region_code": "16",
        "comune_code": "075035",
        "adopted_on": "2021-03",
        "adapted": true,
        "changes": "Orari serali e volontari della parrocchia",
        "referent_name": "Maria Rossi",
        "referent_email": "m.rossi@comune.example.it",
        "consent": true,
    })
}

async fn declare(server: &TestServer, id: &str, key: &str, body: &Value) -> (StatusCode, Value) {
    let response = server
        .client
        .post(server.url(&format!("/api/practices/{id}/adoptions")))
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap_or(Value::Null))
}

async fn decide(server: &TestServer, cookie: &str, adoption: i64, action: &str, version: i64) -> StatusCode {
    server
        .client
        .post(server.url(&format!("/api/moderation/adoptions/{adoption}")))
        .header("cookie", cookie)
        .json(&json!({"action": action, "version": version}))
        .send()
        .await
        .unwrap()
        .status()
}

async fn public(server: &TestServer, id: &str) -> Value {
    server.client.get(server.url(&format!("/api/practices/{id}"))).send().await.unwrap().json().await.unwrap()
}

async fn catalogue(server: &TestServer) -> Value {
    server.client.get(server.url("/api/catalogue")).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn a_declared_adoption_is_curated_then_shown_counted_and_published_as_open_data() {
    let server = TestServer::start(None).await;
    let adopted = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let other = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let hidden = server.seed(valid_answer(), ModerationStatus::Inviata).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;

    // Declared twice under one key: stored once; an unpublished practice cannot be adopted.
    let key = fresh_key();
    for _ in 0..2 {
        let (status, body) = declare(&server, &adopted, &key, &declaration("Comune di Lecce")).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
        assert_eq!(body["practice"], adopted.as_str());
    }
    assert_eq!(declare(&server, &hidden, &fresh_key(), &declaration("Comune di Bari")).await.0, StatusCode::NOT_FOUND);
    let listed = server.get_json("/api/moderation/adoptions", &curator).await;
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1, "one declaration for one key: {listed:?}");
    let (id, version) = (listed[0]["id"].as_i64().unwrap(), listed[0]["version"].as_i64().unwrap());
    assert_eq!(listed[0]["status"], "inviata");
    assert_eq!(listed[0]["contact_email"], "m.rossi@comune.example.it", "curators see the contact");
    assert_eq!(server.get_json("/api/moderation/submissions", &curator).await["adoptions_waiting"], 1);

    // Not public before a curator publishes it.
    assert_eq!(public(&server, &adopted).await["follow_up"]["adopted_by"], json!([]));
    // The state machine: no changes to request on a declaration; a stale version is refused.
    assert_eq!(decide(&server, &curator, id, "request_changes", version).await, StatusCode::CONFLICT);
    assert_eq!(decide(&server, &curator, id, "publish", version + 7).await, StatusCode::CONFLICT);
    assert_eq!(decide(&server, &curator, 9999, "publish", 1).await, StatusCode::NOT_FOUND);
    assert_eq!(decide(&server, &curator, id, "publish", version).await, StatusCode::NO_CONTENT);

    // On the page, in the catalogue's facet and sort, in open data; never the contact.
    let page = public(&server, &adopted).await;
    let adoption = &page["follow_up"]["adopted_by"][0];
    assert_eq!(adoption["entity_name"], "Comune di Lecce");
    assert_eq!(adoption["adopted_on"], "2021-03");
    assert!(!page.to_string().contains("m.rossi"), "the contact stays private");
    let catalogue = catalogue(&server).await;
    let entry = |id: &str| catalogue["practices"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    assert_eq!(entry(&adopted)["adopted_in"], json!(["16"]), "one adoption, in Puglia");
    assert_eq!(entry(&other)["adopted_in"], json!([]));
    let entries: Vec<domain::CatalogueEntry> = serde_json::from_value(catalogue["practices"].clone()).unwrap();
    let index = domain::catalogue::CatalogueIndex::new(entries, domain::Lang::It);
    let adopted_only = domain::catalogue::Query::from_pairs([("adottata", "si")]);
    let found = index.query(&adopted_only);
    assert_eq!(found.total, 1);
    assert_eq!(index.entries()[found.matches[0]].id.as_str(), adopted);
    let most = index.query(&domain::catalogue::Query::from_pairs([("ordina", "piu_adottate")]));
    assert_eq!(index.entries()[most.matches[0]].id.as_str(), adopted, "the most adopted first");
    let csv = server.client.get(server.url("/opendata/adozioni.csv")).send().await.unwrap().text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), server::export::ADOPTION_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (&rows[0][0], &rows[0][3], &rows[0][4], &rows[0][6]),
        (adopted.as_str(), "Comune di Lecce", "075035", "Puglia"),
        "the Comune by name and ISTAT code"
    );
    assert!(!csv.contains("m.rossi") && !csv.contains("Maria Rossi"));
    let json: Value =
        server.client.get(server.url("/opendata/adozioni.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(json["adoptions"][0]["practice"], adopted.as_str());

    // Undo: withdrawn, it leaves the page; reopened and published again, it is back.
    assert_eq!(decide(&server, &curator, id, "unpublish", version + 1).await, StatusCode::NO_CONTENT);
    assert_eq!(public(&server, &adopted).await["follow_up"]["adopted_by"], json!([]));
    assert_eq!(decide(&server, &curator, id, "publish", version + 2).await, StatusCode::NO_CONTENT);
    assert_eq!(public(&server, &adopted).await["follow_up"]["adopted_by"][0]["entity_name"], "Comune di Lecce");
    let log = server.get_json("/api/moderation/audit", &sign_in(&server, "admin@example.org", Role::Admin).await).await;
    let decided = log.as_array().unwrap().iter().filter(|e| e["action"] == "decide_adoption").count();
    assert_eq!(decided, 3, "every decision on a declaration is logged");
}

#[tokio::test]
async fn declarations_refuse_bad_input_with_clear_errors_and_store_nothing() {
    let server = TestServer::start(None).await;
    let adopted = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let before = server.snapshot();
    let cases: Vec<(&str, Value, &str)> = vec![
        ("no body name", json!({"entity_name": ""}), "entity_name"),
        ("no region", json!({"region_code": null}), "region_code"),
        ("a Comune not chosen from the list", json!({"comune_code": null}), "comune_code"),
        ("a Comune's name for its code", json!({"comune_code": "Lecce"}), "comune_code"),
        ("a code ISTAT never gave", json!({"comune_code": "999999"}), "comune_code"),
        ("a Comune of another region", json!({"comune_code": "046017"}), "comune_code"),
        ("a code as a number", json!({"comune_code": 75035}), "comune_code"),
        ("a month in words", json!({"adopted_on": "marzo 2021"}), "adopted_on"),
        ("before the emergency", json!({"adopted_on": "2019-12"}), "adopted_on"),
        ("adapted, without saying how", json!({"changes": ""}), "changes"),
        ("markup in the changes", json!({"changes": "<script>alert(1)</script> orari"}), "changes"),
        ("a header in the name", json!({"referent_name": "Maria\r\nBcc: x@y.it"}), "referent_name"),
        ("not an e-mail", json!({"referent_email": "maria"}), "referent_email"),
        ("no consent", json!({"consent": false}), "consent"),
        ("an oversized text", json!({"changes": "a".repeat(5000)}), "changes"),
    ];
    for (what, change, field) in cases {
        let mut body = declaration("Comune di Lecce");
        for (key, value) in change.as_object().unwrap() {
            body[key] = value.clone();
        }
        let (status, answer) = declare(&server, &adopted, &fresh_key(), &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {answer}");
        assert!(answer.to_string().contains(field), "{what}: the error names {field}: {answer}");
    }
    let mut unknown = declaration("Comune di Lecce");
    unknown["is_admin"] = json!(true);
    assert_eq!(declare(&server, &adopted, &fresh_key(), &unknown).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let mut bot = declaration("Comune di Lecce");
    bot["website"] = json!("https://spam.example");
    assert!(declare(&server, &adopted, &fresh_key(), &bot).await.0.is_client_error(), "the honeypot");
    assert!(declare(&server, &adopted, "", &declaration("Comune di Lecce")).await.0.is_client_error(), "no key");
    assert_eq!(declare(&server, "BP-2020-9999", &fresh_key(), &declaration("Comune")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(declare(&server, "../etc", &fresh_key(), &declaration("Comune")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(server.snapshot(), before, "nothing stored");
    // The curators' list and decisions need a session.
    let anonymous = server.client.get(server.url("/api/moderation/adoptions")).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let decided =
        server.client.post(server.url("/api/moderation/adoptions/1")).json(&json!({"action": "publish", "version": 1}));
    assert_eq!(decided.send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_practice_started_from_another_links_both_ways_once_published() {
    let server = TestServer::start(None).await;
    let origin = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let unpublished = server.seed(valid_answer(), ModerationStatus::Inviata).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;

    let mut refused = valid_envelope();
    refused["derived_from"] = json!(unpublished);
    let answer = server.submit(&fresh_key(), &refused).await;
    assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY, "only a published practice is an origin");
    let mut malformed = valid_envelope();
    malformed["derived_from"] = json!("not-a-reference");
    assert_eq!(server.submit(&fresh_key(), &malformed).await.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let mut derived = valid_envelope();
    derived["derived_from"] = json!(origin);
    let receipt = server.submit(&fresh_key(), &derived).await;
    assert_eq!(receipt.status(), StatusCode::CREATED);
    let id = receipt.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    assert_eq!(public(&server, &origin).await["follow_up"]["inspired"], json!([]), "not before it is published");
    assert_eq!(server.act(&curator, &id, "take_in_review", 1, None).await.0, StatusCode::OK);
    assert_eq!(server.act(&curator, &id, "publish", 2, None).await.0, StatusCode::OK);

    let page = public(&server, &id).await;
    assert_eq!(page["derived_from"], origin.as_str());
    assert_eq!(page["follow_up"]["derived_from"]["id"], origin.as_str());
    let inspired = public(&server, &origin).await["follow_up"]["inspired"].clone();
    assert_eq!(inspired[0]["id"], id.as_str(), "the origin links back");
    let csv = server.client.get(server.url("/opendata/buone-pratiche.csv")).send().await.unwrap().text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == "derived_from").expect("a derived_from column");
    let row = reader.records().map(Result::unwrap).find(|r| &r[0] == id.as_str()).unwrap();
    assert_eq!(&row[at], origin.as_str());
}

/// Moves the practice's last confirmation `days` into the past: as if the
/// clock had moved on by as many days.
fn age(server: &TestServer, id: &str, days: i64) {
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let moved = conn
        .execute(
            "UPDATE practices SET confirmed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?2) WHERE reference = ?1",
            rusqlite::params![id, format!("-{days} days")],
        )
        .unwrap();
    assert_eq!(moved, 1);
}

async fn confirm(server: &TestServer, token: &str, body: Value) -> (StatusCode, Value) {
    let response = server
        .client
        .post(server.url(domain::community::living::CONFIRMATION_URL))
        .header("authorization", format!("Bearer {token}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn with_the_clock_moved_a_practice_is_asked_goes_stale_and_comes_back_by_confirmation() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let receipt = server.submit(&fresh_key(), &valid_envelope()).await;
    let id = receipt.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    // Not published yet: nothing to confirm.
    assert_eq!(confirm(&server, TOKEN, json!({"choice": "current"})).await.0, StatusCode::CONFLICT);
    assert_eq!(server.act(&curator, &id, "take_in_review", 1, None).await.0, StatusCode::OK);
    assert_eq!(server.act(&curator, &id, "publish", 2, None).await.0, StatusCode::OK);
    let own = || async {
        server
            .client
            .get(server.url("/api/submissions/mine"))
            .header("authorization", format!("Bearer {TOKEN}"))
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()
    };
    assert_eq!(own().await["freshness"], "current");

    // A year on: the respondent is asked (on the private link's page, and by
    // mail from the schedule, once), the public sees nothing yet.
    age(&server, &id, 370);
    assert_eq!(own().await["freshness"], "due");
    assert_eq!(public(&server, &id).await["follow_up"]["stale"], false);
    let now = time::OffsetDateTime::now_utc();
    let queued = (server.run_schedule(now).await, server.run_schedule(now + time::Duration::hours(1)).await);
    assert_eq!(queued, (1, 0), "asked once per period");
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let (recipient, subject): (String, String) = conn
        .query_row("SELECT recipient, subject FROM outbox WHERE kind = 'confirm_request'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(recipient, valid_answer().contact_email);
    assert!(subject.contains(&id) && subject.contains("ancora attuale"), "{subject}");
    // The message's link confirms in one step, once, for this period only.
    let text: String =
        conn.query_row("SELECT text_body FROM outbox WHERE kind = 'confirm_request'", [], |r| r.get(0)).unwrap();
    let page = format!("{}{}#", server.base, domain::community::living::CONFIRMATION_PAGE);
    let mailed = text.lines().find_map(|line| line.strip_prefix(&page)).expect("the confirmation link").to_owned();
    let tampered = mailed.replacen(&id, "BP-2020-9999", 1);
    let other_period = mailed.replacen("T", "X", 1);
    for bad in [tampered.as_str(), other_period.as_str(), "BP-2020-0001.x.y"] {
        assert_eq!(confirm(&server, bad, json!({"choice": "current"})).await.0, StatusCode::UNAUTHORIZED, "{bad}");
    }
    let (status, by_mail) = confirm(&server, &mailed, json!({"choice": "current"})).await;
    assert_eq!(status, StatusCode::OK, "{by_mail}");
    assert_eq!(own().await["freshness"], "current");
    let (status, used) = confirm(&server, &mailed, json!({"choice": "current"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "a mailed link works once: {used}");
    assert!(used["error"]["message"].as_str().unwrap().contains("una volta sola"), "{used}");

    // Half as long again: "da aggiornare" on the page, in the catalogue (its
    // facet) and in the curators' queue; still published.
    age(&server, &id, 550);
    assert_eq!(own().await["freshness"], "stale");
    assert_eq!(public(&server, &id).await["follow_up"]["stale"], true);
    let listed = catalogue(&server).await;
    assert_eq!(listed["practices"][0]["stale"], true);
    let queue = server.get_json("/api/moderation/submissions?da_aggiornare=true", &curator).await;
    assert_eq!(queue["stale"], 1);
    assert_eq!(queue["submissions"][0]["id"], id.as_str());
    assert_eq!(queue["submissions"][0]["moderation_status"], "pubblicata", "nothing is unpublished");

    // Bad confirmations are refused and change nothing.
    let before = server.snapshot();
    for bad in [
        json!({"choice": "concluded"}),
        json!({"choice": "concluded", "end_date": "giugno"}),
        json!({"choice": "maybe"}),
    ] {
        assert!(confirm(&server, TOKEN, bad.clone()).await.0.is_client_error(), "{bad}");
    }
    assert_eq!(
        confirm(&server, "wrong-token-0123456789abcdefghijklmnop", json!({"choice": "current"})).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(server.snapshot(), before);

    // Confirmed in one step: current again everywhere.
    let (status, confirmed) = confirm(&server, TOKEN, json!({"choice": "current"})).await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(own().await["freshness"], "current");
    let page = public(&server, &id).await;
    assert_eq!(page["follow_up"]["stale"], false);
    assert_eq!(page["confirmed_at"], confirmed["confirmed_at"]);
    assert_eq!(server.get_json("/api/moderation/submissions?da_aggiornare=true", &curator).await["stale"], 0);

    // Later it ends: marked concluded in one step, public at once.
    age(&server, &id, 400);
    let (status, _) = confirm(&server, TOKEN, json!({"choice": "concluded", "end_date": "2026-06"})).await;
    assert_eq!(status, StatusCode::OK);
    let page = public(&server, &id).await;
    assert_eq!((page["status"].as_str(), page["end_date"].as_str()), (Some("conclusa"), Some("2026-06")));
    assert_eq!(own().await["freshness"], "current");
}
