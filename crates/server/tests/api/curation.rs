// SPDX-License-Identifier: EUPL-1.2
//! Curation: the editorial workflow, corrections, duplicates and the
//! curators' export, concurrent decisions, every state and action pair.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn the_editorial_workflow_from_submission_to_publication_is_checked_and_logged() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let receipt: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_owned();

    let title_word = valid_answer().title.split_whitespace().max_by_key(|w| w.len()).unwrap().to_uppercase();
    let found: Value = server.get_json(&format!("/api/moderation/submissions?q={title_word}"), &curator).await;
    assert_eq!(found["submissions"][0]["id"], id.as_str(), "search ignores case");
    let found: Value = server.get_json(&format!("/api/moderation/submissions?q={id}"), &curator).await;
    assert_eq!(found["submissions"].as_array().unwrap().len(), 1, "search by reference");
    // The catalogue's engine: a word form, a typo, the entity's name, a prefix.
    let title = valid_answer().title;
    let long = title.split_whitespace().max_by_key(|w| w.len()).unwrap().to_lowercase();
    let typo: String = long.chars().enumerate().filter(|(i, _)| *i != 2).map(|(_, c)| c).collect();
    let entity = valid_answer().entity_name;
    let typed = &entity[..entity.len() - 1];
    for q in [typo.as_str(), typed, &format!("{long} {typed}")] {
        let found: Value = server.get_json(&format!("/api/moderation/submissions?q={q}"), &curator).await;
        assert_eq!(found["submissions"][0]["id"], id.as_str(), "found by {q:?} ({title})");
    }
    let none: Value = server.get_json("/api/moderation/submissions?q=zzzinesistente", &curator).await;
    assert_eq!(none["submissions"], json!([]));
    let queue: Value = server.get_json("/api/moderation/submissions?stato=inviata", &curator).await;
    assert_eq!(queue["counts"]["inviata"], 1);
    assert_eq!(queue["submissions"][0]["id"], id.as_str());
    let to_curate: Value = server.get_json("/api/moderation/submissions?stato=da_curare", &curator).await;
    assert_eq!(
        (to_curate["to_curate"].as_u64(), to_curate["submissions"][0]["id"].as_str()),
        (Some(1), Some(id.as_str()))
    );
    let review: Value = server.get_json(&format!("/api/moderation/submissions/{id}"), &curator).await;
    assert_eq!(review["answers"]["contact_email"], valid_answer().contact_email, "curators see private fields");
    assert_eq!(review["allowed_actions"], json!(["take_in_review", "reject", "archive"]));

    assert_eq!(
        server.act(&curator, &id, "publish", 1, None).await.0,
        StatusCode::CONFLICT,
        "no publication without review"
    );
    let (status, body) = server.act(&curator, &id, "take_in_review", 1, None).await;
    assert_eq!((status, body["version"].clone()), (StatusCode::OK, json!(2)));
    assert_eq!(
        server.act(&curator, &id, "publish", 1, None).await.0,
        StatusCode::CONFLICT,
        "a stale version never overwrites"
    );
    assert_eq!(
        server.act(&curator, &id, "request_changes", 2, None).await.0,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a message is needed"
    );
    assert_eq!(
        server.act(&curator, &id, "request_changes", 2, Some("Aggiungete i riscontri dei cittadini.")).await.0,
        StatusCode::OK
    );

    // The respondent sees the message through the private link and resubmits.
    let bearer = format!("Bearer {TOKEN}");
    let mine: Value = server
        .client
        .get(server.url("/api/submissions/mine"))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["curator_message"], "Aggiungete i riscontri dei cittadini.");
    assert_eq!(mine["moderation_status"], "integrazioni_richieste");
    let mut answers = mine["answers"].clone();
    answers["feedback_citizens"] = json!("Molto apprezzato dalle famiglie.");
    let put = server
        .client
        .put(server.url("/api/submissions/mine"))
        .header("authorization", &bearer)
        .json(&json!({"answers": answers}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), StatusCode::OK);
    let queue: Value = server.get_json("/api/moderation/submissions", &curator).await;
    assert_eq!(queue["submissions"][0]["moderation_status"], "inviata", "back in the queue");
    let review: Value = server.get_json(&format!("/api/moderation/submissions/{id}"), &curator).await;
    assert_eq!(review["changed_fields"], json!(["feedback_citizens"]), "the review shows what the update changed");
    let version = queue["submissions"][0]["version"].as_i64().unwrap();

    assert_eq!(server.act(&curator, &id, "take_in_review", version, None).await.0, StatusCode::OK);
    assert_eq!(server.act(&curator, &id, "publish", version + 1, None).await.0, StatusCode::OK);
    let to_curate: Value = server.get_json("/api/moderation/submissions?stato=da_curare", &curator).await;
    assert_eq!(to_curate["submissions"], json!([]), "a published practice no longer awaits the editors");
    let public: Value =
        server.client.get(server.url(&format!("/api/practices/{id}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(public["feedback_citizens"], "Molto apprezzato dalle famiglie.", "the accepted version is public");
    assert_eq!(server.act(&curator, &id, "unpublish", version + 2, None).await.0, StatusCode::OK);
    let gone = server.client.get(server.url(&format!("/api/practices/{id}"))).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND, "unpublished at once");

    // The audit log: admins only, every action with who and what.
    let forbidden =
        server.client.get(server.url("/api/moderation/audit")).header("cookie", &curator).send().await.unwrap();
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let log: Value = server.get_json("/api/moderation/audit", &admin).await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().rev().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["take_in_review", "request_changes", "resubmit", "take_in_review", "publish", "unpublish"]);
    assert_eq!(log[0]["actor"], "curatrice@example.org");
    assert_eq!((log[0]["before"].clone(), log[0]["after"].clone()), (json!("pubblicata"), json!("in_revisione")));
}

#[tokio::test]
async fn curators_correct_flag_duplicates_and_export_everything() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let first: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let mut again = valid_envelope();
    again["answers"]["entity_name"] = json!("COMUNE DI BARI ");
    again["edit_token"] = json!("another-private-link-token-0123456789abc");
    let second: Value = server.submit(&fresh_key(), &again).await.json().await.unwrap();
    let (first, second) = (first["id"].as_str().unwrap().to_owned(), second["id"].as_str().unwrap().to_owned());

    let review: Value = server.get_json(&format!("/api/moderation/submissions/{second}"), &curator).await;
    assert_eq!(review["possible_duplicates"], json!([first]), "same body, same title: flagged");

    // A correction is a new version by the curator; the respondent's version is kept.
    let mut answers = review["answers"].clone();
    answers["title"] = json!("Buoni spesa online con SPID (corretto dalla redazione)");
    let edit = |version: i64, answers: Value| {
        server
            .client
            .post(server.url(&format!("/api/moderation/submissions/{second}/edit")))
            .header("cookie", &curator)
            .json(&json!({"answers": answers, "expected_version": version}))
            .send()
    };
    assert_eq!(edit(1, answers.clone()).await.unwrap().status(), StatusCode::OK);
    assert_eq!(edit(1, answers.clone()).await.unwrap().status(), StatusCode::CONFLICT, "stale version");
    let mut broken = answers.clone();
    broken["title"] = json!("");
    assert_eq!(
        edit(2, broken).await.unwrap().status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same rules as respondents"
    );
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let authors: Vec<String> = conn
        .prepare("SELECT v.author FROM practice_versions v JOIN practices p ON p.id = v.practice_id WHERE p.reference = ?1 ORDER BY v.version")
        .unwrap()
        .query_map([&second], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(authors, ["respondent", "curator:curatrice@example.org"]);

    // The curators' export: every submission, private fields included, stable columns.
    let unauthenticated = server.client.get(server.url("/api/moderation/export.csv")).send().await.unwrap();
    assert_eq!(unauthenticated.status(), StatusCode::UNAUTHORIZED);
    let csv = server
        .client
        .get(server.url("/api/moderation/export.csv"))
        .header("cookie", &curator)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&headers[..2], ["id", "moderation_status"]);
    let tail: Vec<&str> =
        headers[headers.len() - domain::questionnaire::EXPORT_COLUMNS.len()..].iter().map(String::as_str).collect();
    assert_eq!(tail, domain::questionnaire::EXPORT_COLUMNS, "answer columns in their fixed order");
    let email_at = headers.iter().position(|h| h == "contact_email").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][email_at], valid_answer().contact_email, "curators get private fields");
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let audit = server
        .client
        .get(server.url("/api/moderation/audit.csv"))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        audit.starts_with("\u{feff}at,actor,action,practice,before,after,message\r\n") && audit.contains(",edit,"),
        "{audit}"
    );
}

#[tokio::test]
async fn two_curators_deciding_at_once_never_overwrite_each_other() {
    let server = TestServer::start(None).await;
    let anna = sign_in(&server, "anna@example.org", server::auth::Role::Curator).await;
    let bruno = sign_in(&server, "bruno@example.org", server::auth::Role::Curator).await;
    let receipt: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_owned();
    assert_eq!(server.act(&anna, &id, "take_in_review", 1, None).await.0, StatusCode::OK);
    for _ in 0..5 {
        let conn = rusqlite::Connection::open(&server.db_path).unwrap();
        let version: i64 =
            conn.query_row("SELECT version FROM practices WHERE reference = ?1", [&id], |r| r.get(0)).unwrap();
        let (publish, reject) = tokio::join!(
            server.act(&anna, &id, "publish", version, None),
            server.act(&bruno, &id, "reject", version, Some("Non pertinente."))
        );
        let statuses = [publish.0, reject.0];
        assert!(
            statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::CONFLICT),
            "exactly one wins: {statuses:?}"
        );
        let loser = if publish.0 == StatusCode::CONFLICT { publish.1 } else { reject.1 };
        assert!(loser["error"]["message"].as_str().unwrap().contains("Un'altra persona"), "a clear conflict: {loser}");
        // Back to review for the next round.
        let version = version + 1;
        let undo = if publish.0 == StatusCode::OK { "unpublish" } else { "take_in_review" };
        assert_eq!(server.act(&anna, &id, undo, version, None).await.0, StatusCode::OK);
    }
}

#[tokio::test]
async fn every_state_and_action_pair_is_applied_or_refused_without_a_trace() {
    use domain::curation::{CurationAction, transition};
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let audit = || async {
        let log: Value = server.get_json("/api/moderation/audit", &admin).await;
        log.as_array().unwrap().clone()
    };
    let (mut applied, mut refused) = (0, 0);
    for &from in ModerationStatus::ALL {
        for action in CurationAction::ALL {
            let mut answer = valid_answer();
            answer.title = format!("Pratica {} {action:?}", from.code());
            let id = server.seed(answer, from).await;
            let name = serde_json::to_value(action).unwrap().as_str().unwrap().to_owned();
            let before = server.snapshot();
            let entries = audit().await.len();
            let message = action.needs_message().then_some("Motivo della decisione.");
            let (status, body) = server.act(&curator, &id, &name, 1, message).await;
            let case = format!("{} --{name}-->", from.code());
            match transition(from, action) {
                // Accepting an update needs one pending: see the test below.
                Ok(to) if action != CurationAction::Resubmit && action != CurationAction::AcceptUpdate => {
                    applied += 1;
                    assert_eq!(status, StatusCode::OK, "{case}: {body}");
                    assert_eq!(
                        (body["moderation_status"].as_str(), body["version"].as_i64()),
                        (Some(to.code()), Some(2))
                    );
                    let log = audit().await;
                    assert_eq!(log.len(), entries + 1, "{case}: exactly one audit entry");
                    let entry = &log[0];
                    assert_eq!(
                        (entry["action"].as_str(), entry["practice"].as_str(), entry["actor"].as_str()),
                        (Some(name.as_str()), Some(id.as_str()), Some("curatrice@example.org")),
                        "{case}"
                    );
                    assert_eq!(
                        (entry["before"].as_str(), entry["after"].as_str()),
                        (Some(from.code()), Some(to.code()))
                    );
                    assert_eq!(entry["message"].as_str(), message, "{case}: the message is kept");
                    let public = server.client.get(server.url(&format!("/api/practices/{id}"))).send().await.unwrap();
                    let expected =
                        if to == ModerationStatus::Pubblicata { StatusCode::OK } else { StatusCode::NOT_FOUND };
                    assert_eq!(public.status(), expected, "{case}: the public catalogue follows at once");
                }
                _ => {
                    refused += 1;
                    // The respondent's resubmission is never a curator's action.
                    let expected =
                        if action == CurationAction::Resubmit { StatusCode::FORBIDDEN } else { StatusCode::CONFLICT };
                    assert_eq!(status, expected, "{case}: {body}");
                    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{case}: a clear error");
                    assert_eq!(server.snapshot(), before, "{case}: the database is unchanged");
                }
            }
        }
    }
    assert_eq!((applied, refused), (12, 36), "6 states x 8 actions; resubmission and accepting no update refused");
}
