//! API tests: the real router on a real socket, over a real SQLite file per
//! test, driven by an HTTP client.

mod common;

use common::*;
use domain::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::guard::AbuseGuard;

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
async fn bad_bodies_get_clear_json_errors_and_store_nothing() {
    let server = TestServer::start(None).await;
    let valid = valid_envelope();
    let with = |key: &str, value: Value| {
        let mut v = valid.clone();
        v["answers"][key] = value;
        v.to_string()
    };
    let without = |key: &str| {
        let mut v = valid.clone();
        v["answers"].as_object_mut().unwrap().remove(key);
        v.to_string()
    };
    let json_body = Some("application/json");
    let with_envelope = |key: &str, value: Value| {
        let mut v = valid.clone();
        v[key] = value;
        v.to_string()
    };
    let (bad, schema, invalid) =
        (StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY, StatusCode::UNPROCESSABLE_ENTITY);
    let cases: Vec<(&str, Option<&str>, String, StatusCode, &str)> = vec![
        ("malformed JSON", json_body, "{\"answers\": {\"title\": ".into(), bad, "malformed_json"),
        ("not JSON at all", json_body, "<xml/>".into(), bad, "malformed_json"),
        ("no content type", None, valid.to_string(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        ("answers not an object", json_body, with_envelope("answers", json!([])), schema, "schema_mismatch"),
        ("unknown envelope key", json_body, with_envelope("admin", json!(true)), schema, "schema_mismatch"),
        ("negative fill time", json_body, with_envelope("fill_seconds", json!(-5)), schema, "schema_mismatch"),
        ("a short edit token", json_body, with_envelope("edit_token", json!("short")), bad, "bad_request"),
        ("wrong type", json_body, with("title", json!(42)), invalid, "validation_failed"),
        ("missing required key", json_body, without("title"), invalid, "validation_failed"),
        ("unknown extra key", json_body, with("is_admin", json!(true)), invalid, "validation_failed"),
        ("unknown vocabulary code", json_body, with("service_type", json!("nuovissimo")), invalid, "validation_failed"),
        ("negative count", json_body, with("staff_count", json!(-3)), invalid, "validation_failed"),
        (
            "a Comune outside the region",
            json_body,
            with("comune_codes", json!(["058091"])),
            invalid,
            "validation_failed",
        ),
        ("blank title", json_body, with("title", json!("  ")), invalid, "validation_failed"),
        ("title over the limit", json_body, with("title", json!("a".repeat(121))), invalid, "validation_failed"),
        ("end before start", json_body, with("end_date", json!("2020-01")), invalid, "validation_failed"),
    ];
    for (why, content_type, body, status, code) in cases {
        let (got, answer) = server.post_raw("/api/submissions", content_type, body).await;
        assert_eq!(got, status, "{why}: {answer}");
        assert_eq!(answer["error"]["code"], code, "{why}: {answer}");
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.len() > 10, "{why}: a message people can read, got {message:?}");
    }
    assert_eq!(server.stored(), 0, "no bad body stored anything");
}

#[tokio::test]
async fn validation_errors_map_fields_to_messages() {
    let server = TestServer::start(None).await;
    let mut body = valid_envelope();
    body["answers"]["title"] = json!("");
    body["answers"]["contact_email"] = json!("non-una-mail");
    let (status, body) = server.post_raw("/api/submissions", Some("application/json"), body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["fields"]["title"], json!(["Scrivi il titolo della pratica."]));
    assert_eq!(
        body["error"]["fields"]["contact_email"],
        json!(["Scrivi un indirizzo e-mail nella forma nome@ente.it."])
    );
    assert_eq!(server.stored(), 0);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let server = TestServer::start(None).await;
    for size in [server::BODY_LIMIT + 1, 10 * 1024 * 1024] {
        let mut body = valid_envelope();
        body["answers"]["description"] = json!("x".repeat(size));
        let (status, body) = server.post_raw("/api/submissions", Some("application/json"), body.to_string()).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{size} bytes");
        assert_eq!(body["error"]["code"], "payload_too_large");
    }
    assert_eq!(server.stored(), 0);
}

#[tokio::test]
async fn a_valid_submission_is_stored_once_and_stays_private() {
    let server = TestServer::start(None).await;
    let mut body = valid_envelope();
    body["answers"]["summary"] = json!("<script>alert('x')</script> resta testo");
    let (status, receipt) = server.post_raw("/api/submissions", Some("application/json"), body.to_string()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_str().unwrap();
    assert!(domain::PracticeId::parse(id).is_ok(), "a citable reference: {id}");
    assert_eq!(server.stored(), 1);
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let (status, summary): (String, String) = conn
        .query_row("SELECT moderation_status, answer ->> '$.summary' FROM practices", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(status, "inviata");
    assert_eq!(summary, "<script>alert('x')</script> resta testo", "HTML is stored as text, unchanged");
    let response = server.client.get(server.url(&format!("/api/practices/{id}"))).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "not public before a curator publishes it");
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
async fn the_same_idempotency_key_stores_one_record() {
    let server = TestServer::start(None).await;
    let key = fresh_key();
    let first = server.submit(&key, &valid_envelope()).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    for _ in 0..3 {
        let again = server.submit(&key, &valid_envelope()).await;
        assert_eq!(again.status(), StatusCode::CREATED, "a retry gets the same receipt");
        assert_eq!(again.json::<Value>().await.unwrap(), first);
    }
    assert_eq!(server.stored(), 1, "stored exactly once");

    let mut different = valid_envelope();
    different["answers"]["title"] = json!("Un'altra pratica");
    let reused = server.submit(&key, &different).await;
    assert_eq!(reused.status(), StatusCode::CONFLICT, "the key replayed with another body");
    assert_eq!(reused.json::<Value>().await.unwrap()["error"]["code"], "idempotency_key_reused");
    let stolen = server.submit(&fresh_key(), &different).await;
    assert_eq!(stolen.status(), StatusCode::CONFLICT, "another submission cannot take an existing private link");
    let missing = server.client.post(server.url("/api/submissions")).json(&valid_envelope()).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST, "no Idempotency-Key header");
    assert_eq!(server.stored(), 1);
}

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
async fn abuse_gets_clear_answers_without_captchas() {
    let server = TestServer::start_with(None, |state| state.guard = AbuseGuard::new(20, 2)).await;
    let mut honeypot = valid_envelope();
    honeypot["website"] = json!("http://spam.example");
    let response = server.submit(&fresh_key(), &honeypot).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.json::<Value>().await.unwrap()["error"]["code"], "looks_automated");

    let mut hasty = valid_envelope();
    hasty["fill_seconds"] = json!(3);
    let response = server.submit(&fresh_key(), &hasty).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "under the minimum fill time");

    let response = server.submit(&fresh_key(), &valid_envelope()).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "the third request in a minute");
    let retry_after: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after), "Retry-After: {retry_after}");
    assert_eq!(response.json::<Value>().await.unwrap()["error"]["code"], "too_many_requests");
    assert_eq!(server.stored(), 0);
}

#[tokio::test]
async fn the_data_dictionary_comes_from_the_questionnaire_definition() {
    let server = TestServer::start(None).await;
    let body: Value = server.client.get(server.url("/api/data-dictionary")).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["questionnaire_version"], 1);
    let columns = body["columns"].as_array().unwrap();
    let keys: Vec<&str> = columns.iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(keys, domain::questionnaire::QUESTIONNAIRE.columns());
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

#[tokio::test]
async fn exports_hold_the_filtered_public_rows_only() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let mut private = valid_answer();
    private.contact_email = PRIVATE_CANARIES[2].into();
    private.title = "Pratica con referente canarino".into();
    server.seed(private, ModerationStatus::Pubblicata).await;

    let csv = server
        .client
        .get(server.url("/api/export.csv?regione=09&innovazione=raggiungere_persone_isolate"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv; charset=utf-8"));
    let text = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    assert_eq!(
        (at("region_name"), at("comuni_names")),
        (at("region_code") + 1, at("comune_codes") + 1),
        "names beside codes"
    );
    let title_at = headers.iter().position(|h| h == "title").unwrap();
    let mut titles: Vec<String> = reader.records().map(|r| r.unwrap()[title_at].to_owned()).collect();
    titles.sort();
    assert_eq!(
        titles,
        ["Mediazione culturale telefonica per famiglie straniere", "Telefonate proattive agli anziani che vivono soli"]
    );
    assert!(text.contains("\r\n"), "RFC 4180 line ends");

    let all = server.client.get(server.url("/api/export.csv")).send().await.unwrap().text().await.unwrap();
    assert_eq!(csv::Reader::from_reader(all.as_bytes()).records().count(), 26, "every published practice");
    assert!(all.contains("Pratica con referente canarino"));
    let json = server.client.get(server.url("/api/export.json")).send().await.unwrap().text().await.unwrap();
    for body in [&all, &json] {
        for canary in PRIVATE_CANARIES {
            assert!(!body.contains(canary), "exports never carry private fields: {canary}");
        }
    }
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["licence"], "CC-BY-4.0");
    assert_eq!(json["practices"].as_array().unwrap().len(), 26);
    let lucca = json["practices"].as_array().unwrap().iter().find(|p| p["comune_codes"] == json!(["046017"])).unwrap();
    assert_eq!((&lucca["region_name"], &lucca["comuni_names"]), (&json!("Toscana"), &json!(["Lucca (LU)"])));
}

#[tokio::test]
async fn open_data_is_public_only_and_its_metadata_parses() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let mut canary = valid_answer();
    canary.contact_name = PRIVATE_CANARIES[0].into();
    canary.contact_email = PRIVATE_CANARIES[2].into();
    canary.contact_phone = Some(PRIVATE_CANARIES[3].into());
    server.seed(canary, ModerationStatus::Pubblicata).await;
    let get = |name: &str| server.client.get(server.url(&format!("/opendata/{name}"))).send();

    for (name, media, _) in server::opendata::FILES {
        let response = get(name).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert_eq!(response.headers()["content-type"], media, "{name}");
        let body = response.text().await.unwrap();
        for canary in PRIVATE_CANARIES {
            assert!(!body.contains(canary), "{name} leaks {canary}");
        }
    }
    assert_eq!(get("../Cargo.toml").await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(get("nope.csv").await.unwrap().status(), StatusCode::NOT_FOUND);

    // DCAT-AP_IT parses as RDF (an independent Turtle parser) and names every distribution.
    let turtle = get("dcat.ttl").await.unwrap().text().await.unwrap();
    let mut triples: Vec<(String, String, String)> = Vec::new();
    let mut parser = rio_turtle::TurtleParser::new(turtle.as_bytes(), None);
    rio_api::parser::TriplesParser::parse_all(&mut parser, &mut |t: rio_api::model::Triple<'_>| {
        triples.push((t.subject.to_string(), t.predicate.to_string(), t.object.to_string()));
        Ok::<_, rio_turtle::TurtleError>(())
    })
    .expect("valid Turtle");
    let objects = |predicate: &str| -> Vec<String> {
        triples.iter().filter(|(_, p, _)| p.contains(predicate)).map(|(_, _, o)| o.clone()).collect()
    };
    let distributions = objects("http://www.w3.org/ns/dcat#distribution");
    let downloads = objects("http://www.w3.org/ns/dcat#downloadURL");
    let listed: Vec<&str> = server::opendata::FILES.iter().filter(|f| f.2.is_some()).map(|f| f.0).collect();
    assert_eq!(distributions.len(), listed.len(), "one distribution per data file");
    for name in listed {
        assert!(downloads.iter().any(|url| url.ends_with(&format!("/opendata/{name}>"))), "{name} has a download URL");
    }
    assert!(triples.iter().any(|(_, p, o)| p.contains("rdf-syntax-ns#type") && o.contains("dcatapit#Dataset")));
    assert_eq!(
        objects("http://purl.org/dc/terms/license").len(),
        distributions.len(),
        "every distribution has a licence"
    );

    // The Atom feed parses with a feed parser and lists the published practices.
    let atom = get("feed.atom").await.unwrap().bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&atom[..]).expect("a valid feed");
    assert_eq!(feed.entries.len(), 26);
    assert!(feed.entries.iter().all(|e| e.links.iter().any(|l| l.href.contains("/pratiche/BP-"))));
}

#[tokio::test]
async fn moderation_refuses_anyone_without_a_valid_session() {
    let server = TestServer::start(None).await;
    let cases = [
        ("GET", "/api/moderation/submissions"),
        ("GET", "/api/moderation/submissions/BP-2026-0001"),
        ("POST", "/api/moderation/submissions/BP-2026-0001/actions"),
        ("GET", "/api/moderation/audit"),
        ("GET", "/api/session"),
    ];
    for cookie in [None, Some("bp_session=00"), Some(&*format!("bp_session={}", "a".repeat(64)))] {
        for (method, path) in cases {
            let mut request = server.client.request(method.parse().unwrap(), server.url(path)).json(&json!({}));
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{method} {path} with {cookie:?}");
        }
    }
    let wrong = server
        .client
        .post(server.url("/api/session"))
        .json(&json!({"email": "x@y.it", "password": "wrong password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json::<Value>().await.unwrap()["error"]["code"], "bad_credentials");
}

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
async fn sessions_end_on_logout_and_cross_site_requests_are_refused() {
    let server = TestServer::start(None).await;
    let cookie = sign_in(&server, "curatore@example.org", server::auth::Role::Curator).await;
    let me = server.client.get(server.url("/api/session")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(me.json::<Value>().await.unwrap()["email"], "curatore@example.org");
    for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let response = server
            .client
            .delete(server.url("/api/session"))
            .header("cookie", &cookie)
            .header(header, value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{header}: {value}");
    }
    let host = server.base.trim_start_matches("http://").to_owned();
    let logout = server
        .client
        .delete(server.url("/api/session"))
        .header("cookie", &cookie)
        .header("origin", format!("http://{host}"))
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    assert!(logout.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    let after = server.client.get(server.url("/api/session")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED, "the session is revoked");
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled() {
    let server = TestServer::start(None).await;
    // The limit refills one attempt every 6 s; 20 attempts in a row meet it
    // however slowly a loaded machine checks each password.
    let mut statuses = Vec::new();
    for _ in 0..20 {
        let response = server
            .client
            .post(server.url("/api/session"))
            .json(&json!({"email": "x@y.it", "password": "wrong password"}))
            .send()
            .await
            .unwrap();
        statuses.push(response.status());
    }
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert!(statuses[10..].contains(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
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
async fn admins_manage_accounts_and_disabling_ends_sessions() {
    let server = TestServer::start(None).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let curator = sign_in(&server, "curatore@example.org", server::auth::Role::Curator).await;
    let add = |cookie: &str, body: Value| {
        server.client.post(server.url("/api/moderation/users")).header("cookie", cookie).json(&body).send()
    };
    let account = json!({"email": "nuova@example.org", "role": "curator", "password": "password lunga e sicura"});
    assert_eq!(
        add(&curator, account.clone()).await.unwrap().status(),
        StatusCode::FORBIDDEN,
        "curators do not manage accounts"
    );
    assert_eq!(add(&admin, account.clone()).await.unwrap().status(), StatusCode::CREATED);
    assert_eq!(add(&admin, account).await.unwrap().status(), StatusCode::CONFLICT);
    let weak = json!({"email": "x@example.org", "role": "curator", "password": "corta"});
    assert_eq!(add(&admin, weak).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    let list: Value = server.get_json("/api/moderation/users", &admin).await;
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert!(!list.to_string().contains("argon2"), "hashes never leave the server");

    let disable = server
        .client
        .post(server.url("/api/moderation/users/curatore@example.org/disable"))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap();
    assert_eq!(disable.status(), StatusCode::NO_CONTENT);
    let after =
        server.client.get(server.url("/api/moderation/submissions")).header("cookie", &curator).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED, "a disabled account's session ends");
    let again = server
        .client
        .post(server.url("/api/session"))
        .json(&json!({"email": "curatore@example.org", "password": "password lunga e sicura"}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED, "and it cannot sign in");
}

#[tokio::test]
async fn submissions_record_the_round_open_today() {
    let server = TestServer::start(None).await;
    let current: Value =
        server.client.get(server.url("/api/rounds/current")).send().await.unwrap().json().await.unwrap();
    assert_eq!(current["round"], Value::Null, "the 2020 round is closed: continuous collection");
    let first: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();

    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    let today = &server::db::now()[..10];
    let add = |body: Value| {
        server.client.post(server.url("/api/moderation/rounds")).header("cookie", &admin).json(&body).send()
    };
    let open = json!({"code": "raccolta_oggi", "name": "Raccolta di oggi", "opens_on": today, "closes_on": today});
    assert_eq!(add(open.clone()).await.unwrap().status(), StatusCode::CREATED);
    assert_eq!(add(open).await.unwrap().status(), StatusCode::CONFLICT);
    for bad in [
        json!({"code": "Bad Code", "name": "x", "opens_on": today, "closes_on": today}),
        json!({"code": "rovescio", "name": "x", "opens_on": "2026-12-31", "closes_on": "2026-01-01"}),
        json!({"code": "data_strana", "name": "x", "opens_on": "31/12/2026", "closes_on": "2027-01-01"}),
        json!({"code": "raccolta_continua", "name": "x", "opens_on": today, "closes_on": today}),
    ] {
        assert_eq!(add(bad.clone()).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let current: Value =
        server.client.get(server.url("/api/rounds/current")).send().await.unwrap().json().await.unwrap();
    assert_eq!(current["round"]["code"], "raccolta_oggi");
    let mut other = valid_envelope();
    other["edit_token"] = json!("another-private-link-token-0123456789abc");
    let second: Value = server.submit(&fresh_key(), &other).await.json().await.unwrap();

    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let round_of = |id: &Value| -> String {
        conn.query_row(
            "SELECT collection_round FROM practices WHERE reference = ?1",
            [id["id"].as_str().unwrap()],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(round_of(&first), "raccolta_continua");
    assert_eq!(round_of(&second), "raccolta_oggi");
}

#[tokio::test]
async fn authorisation_matrix_of_the_moderation_endpoints() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatore@example.org", server::auth::Role::Curator).await;
    let admin = sign_in(&server, "admin@example.org", server::auth::Role::Admin).await;
    // An expired session: a real one whose expiry is moved into the past.
    let expired = sign_in(&server, "scaduto@example.org", server::auth::Role::Admin).await;
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    conn.execute(
        "UPDATE sessions SET expires_at = '2020-01-01T00:00:00Z' WHERE user_id = (SELECT id FROM users WHERE email = 'scaduto@example.org')",
        [],
    )
    .unwrap();
    let receipt: Value = server.submit(&fresh_key(), &valid_envelope()).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap();
    let (ok, created, bad_input) = (StatusCode::OK, StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY);
    let (unauthorized, forbidden) = (StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN);
    // (method, path, body, curator's answer, admin's answer)
    let endpoints: Vec<(&str, String, Value, StatusCode, StatusCode)> = vec![
        ("GET", "/api/moderation/submissions".into(), Value::Null, ok, ok),
        ("GET", format!("/api/moderation/submissions/{id}"), Value::Null, ok, ok),
        (
            "POST",
            format!("/api/moderation/submissions/{id}/actions"),
            json!({"action": "archive", "expected_version": 99}),
            StatusCode::CONFLICT,
            StatusCode::CONFLICT,
        ),
        (
            "POST",
            format!("/api/moderation/submissions/{id}/edit"),
            json!({"answers": {}, "expected_version": 99}),
            bad_input,
            bad_input,
        ),
        ("GET", "/api/moderation/export.csv".into(), Value::Null, ok, ok),
        ("GET", "/api/moderation/audit".into(), Value::Null, forbidden, ok),
        ("GET", "/api/moderation/audit.csv".into(), Value::Null, forbidden, ok),
        ("GET", "/api/moderation/users".into(), Value::Null, forbidden, ok),
        (
            "POST",
            "/api/moderation/users".into(),
            json!({"email": "n@example.org", "role": "curator", "password": "password lunga e sicura"}),
            forbidden,
            created,
        ),
        (
            "POST",
            "/api/moderation/users/nessuno@example.org/disable".into(),
            Value::Null,
            forbidden,
            StatusCode::NOT_FOUND,
        ),
        (
            "POST",
            "/api/moderation/users/nessuno@example.org/enable".into(),
            Value::Null,
            forbidden,
            StatusCode::NOT_FOUND,
        ),
        ("GET", "/api/moderation/rounds".into(), Value::Null, ok, ok),
        (
            "POST",
            "/api/moderation/rounds".into(),
            json!({"code": "r_2027", "name": "Raccolta 2027", "opens_on": "2027-01-01", "closes_on": "2027-02-01"}),
            forbidden,
            created,
        ),
        ("GET", "/api/session".into(), Value::Null, ok, ok),
    ];
    for (method, path, body, as_curator, as_admin) in endpoints {
        for (who, cookie, expected) in [
            ("anonymous", None, unauthorized),
            ("expired session", Some(&expired), unauthorized),
            ("curator", Some(&curator), as_curator),
            ("admin", Some(&admin), as_admin),
        ] {
            let mut request = server.client.request(method.parse().unwrap(), server.url(&path));
            if !body.is_null() {
                request = request.json(&body);
            }
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let status = request.send().await.unwrap().status();
            assert_eq!(status, expected, "{who}: {method} {path}");
        }
    }
    let cross_site = server
        .client
        .post(server.url(&format!("/api/moderation/submissions/{id}/actions")))
        .header("cookie", &admin)
        .header("origin", "https://evil.example")
        .json(&json!({"action": "archive", "expected_version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), forbidden, "a cross-site POST is refused");
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
    assert_eq!(operations.len(), 27, "{operations:#?}");
    for operation in
        ["post /api/submissions", "put /api/submissions/mine", "post /api/moderation/submissions/{id}/actions"]
    {
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
