// SPDX-License-Identifier: EUPL-1.2
//! Who runs the site (`/api/operator`, from the configuration) and the
//! accessibility statement's feedback: a report reaches the editors, who
//! mark it handled and can open it again, each step logged.

use crate::common::*;
use domain::site::operator::Operator;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use server::config::Config;

#[tokio::test]
async fn the_operator_is_served_as_configured_and_names_the_open_datas_publisher() {
    let config = Config::from_flags([
        "--controller-name=Comune di Prova",
        "--controller-address= Via Roma 1, 06100 Perugia ",
        "--controller-pec=protocollo@pec.comune.prova.it",
        "--controller-email=privacy@comune.prova.it",
        "--dpo-email=rpd@comune.prova.it",
        "--editors-email=redazione@comune.prova.it",
        "--publisher-name=Comune di Prova",
        "--publisher-ipa=c_z999",
        "--retention-contact-months=36",
        "--accessibility-statement-url=https://form.agid.gov.it/view/0000",
    ])
    .unwrap();
    let operator = config.operator().unwrap();
    assert!(!operator.example && operator.missing().is_empty());
    assert_eq!(operator.controller.address.as_deref(), Some("Via Roma 1, 06100 Perugia"), "trimmed");
    assert_eq!(operator.retention.contact_months, 36);
    let served = operator.clone();
    let server = TestServer::start_with(None, move |state| state.operator = std::sync::Arc::new(served)).await;
    let response = server.client.get(server.url("/api/operator")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("etag"));
    assert_eq!(response.json::<Operator>().await.unwrap(), operator);
    let dcat = server.client.get(server.url("/opendata/dcat.ttl")).send().await.unwrap().text().await.unwrap();
    assert!(dcat.contains("\"Comune di Prova\"") && dcat.contains("c_z999:buone-pratiche"), "{dcat}");
}

#[test]
fn the_demo_uses_marked_examples_and_wrong_values_stop_the_server() {
    let demo = Config::from_flags(["--demo"]).unwrap().operator().unwrap();
    assert!(demo.example, "the demo's values are marked as examples");
    assert!(demo.controller.name.unwrap().contains("esempio"));
    let plain = Config::from_flags([]).unwrap().operator().unwrap();
    assert!(!plain.example);
    assert_eq!(plain.missing().len(), 6, "named in the warning at start");
    for (flag, variable) in [
        ("--controller-pec=non una pec", "BP_CONTROLLER_PEC"),
        ("--dpo-email=rpd", "BP_DPO_EMAIL"),
        ("--editors-email=<a@b.it>", "BP_EDITORS_EMAIL"),
        ("--accessibility-statement-url=http://form.agid.gov.it/x", "BP_ACCESSIBILITY_STATEMENT_URL"),
        ("--publisher-ipa=m lps", "BP_PUBLISHER_IPA"),
    ] {
        let error = Config::from_flags([flag]).unwrap().operator().unwrap_err();
        assert!(error.contains(variable), "{flag}: {error}");
    }
}

#[tokio::test]
async fn an_accessibility_report_reaches_the_editors_who_handle_it_and_can_undo() {
    let server = TestServer::start(None).await;
    let sent = server
        .client
        .post(server.url("/api/accessibility-reports"))
        .json(&json!({
            "page": "/catalogo",
            "description": "Il lettore di schermo non annuncia il numero dei risultati.",
            "email": "cittadina@example.org"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
    assert_eq!(sent.json::<Value>().await.unwrap()["reference"], "SA-0001");

    let anonymous = server.client.get(server.url("/api/moderation/accessibility-reports")).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED, "the reports are the editors' only");
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let list = server.get_json("/api/moderation/accessibility-reports", &curator).await;
    assert_eq!(list[0]["reference"], "SA-0001");
    assert_eq!(list[0]["email"], "cittadina@example.org");
    assert_eq!(list[0]["handled_at"], Value::Null);

    let handle = |handled: bool| {
        server
            .client
            .put(server.url("/api/moderation/accessibility-reports/1"))
            .header("cookie", &curator)
            .json(&json!({ "handled": handled }))
            .send()
    };
    assert_eq!(handle(true).await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(handle(true).await.unwrap().status(), StatusCode::NO_CONTENT, "twice is once");
    let list = server.get_json("/api/moderation/accessibility-reports", &curator).await;
    assert_eq!(list[0]["handled_by"], "curatrice@example.org");
    assert_eq!(handle(false).await.unwrap().status(), StatusCode::NO_CONTENT);
    let list = server.get_json("/api/moderation/accessibility-reports", &curator).await;
    assert_eq!(list[0]["handled_at"], Value::Null, "open again");

    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let audit = server.get_json("/api/moderation/audit", &admin).await;
    let actions: Vec<&str> = audit.as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "handle_report").count(), 1, "{audit}");
    assert_eq!(actions.iter().filter(|a| **a == "reopen_report").count(), 1, "{audit}");
}

#[tokio::test]
async fn service_ratings_are_anonymous_and_admins_read_their_results() {
    let server = TestServer::start(None).await;
    for (stars, comment) in [(5, "Chiaro e veloce."), (4, ""), (2, "Troppe domande sul budget.")] {
        let sent = server
            .client
            .post(server.url("/api/service-ratings"))
            .json(&json!({ "stars": stars, "comment": comment }))
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::NO_CONTENT, "{stars} stars");
    }
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let refused = server.client.get(server.url("/api/moderation/service-ratings")).header("cookie", &curator);
    assert_eq!(refused.send().await.unwrap().status(), StatusCode::FORBIDDEN, "the results are for admins");
    let admin = sign_in(&server, "admin@example.org", Role::Admin).await;
    let results = server.get_json("/api/moderation/service-ratings", &admin).await;
    assert_eq!(results["by_stars"], json!([0, 1, 0, 1, 1]));
    let comments = results["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 2, "ratings without a comment add to the counts only");
    assert_eq!(comments[0]["comment"], "Troppe domande sul budget.", "newest first");
    assert_eq!(comments[0]["stars"], 2);
    assert_eq!(comments[0]["day"].as_str().unwrap().len(), 10, "the day, not the time");

    // Nothing about the sender is kept: the table has no column for it.
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let mut columns = conn.prepare("SELECT name FROM pragma_table_info('service_ratings')").unwrap();
    let columns: Vec<String> = columns.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(columns, ["id", "stars", "comment", "day"]);
}
