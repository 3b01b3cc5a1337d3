// SPDX-License-Identifier: EUPL-1.2
//! Privacy canaries (issue 7, item 5): practices whose private fields hold
//! unique strings, published and in every other state, then a crawl of every
//! public output — the API's public documents, the downloads, the open-data
//! files, the static publication, the exported catalogue, the app's shell —
//! with their headers, asserting that no canary appears anywhere. A public
//! marker on the same practices proves the crawl read real data.
//!
//! Canaries are single lowercase words (`qzname…`) so that they survive the
//! folding and tokenising of search terms; outputs are compared lowercased.

#[path = "privacy/canaries.rs"]
mod canaries;
mod common;

use canaries::*;
use common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;

const FLOW_TOKEN: &str = "flow-private-link-token-qztokenflow000000";

#[tokio::test]
async fn no_private_field_reaches_any_public_output() {
    let dist_dir = tempfile::tempdir().unwrap();
    built_app(dist_dir.path());
    let server = TestServer::start(Some(dist_dir.path())).await;
    let demo = server::demo::load_if_empty(&server.db).await.unwrap();
    assert!(demo > 0, "the demo practices fill the catalogue around the canaries");
    let mut canaries: Vec<String> = PRIVATE_CANARIES.iter().map(|c| c.to_lowercase()).collect();
    // The demo practices' invented contacts are private too.
    for (i, practice) in server::demo::practices().iter().enumerate() {
        canaries.push(practice.contact_name.to_lowercase());
        canaries.push(practice.contact_email.to_lowercase());
        assert_eq!(practice.contact_email, format!("referente{}@example.org", i + 1));
    }
    canaries.push("+39 000 000 0000".into());
    let marker = "qzpublicmarker".to_owned();

    // Published: the shared canaries, and a practice of canaries of its own.
    let mut published = Vec::new();
    let mut first = valid_answer();
    first.contact_name = PRIVATE_CANARIES[0].into();
    first.contact_role = Some(PRIVATE_CANARIES[1].into());
    first.contact_email = PRIVATE_CANARIES[2].into();
    first.contact_phone = Some(PRIVATE_CANARIES[3].into());
    first.title = format!("Pratica pubblicata {marker}");
    published.push(server.seed(first, ModerationStatus::Pubblicata).await);
    let mut second = with_private_canaries("pub", &mut canaries);
    second.summary = format!("Sintesi pubblica {marker}");
    published.push(server.seed(second, ModerationStatus::Pubblicata).await);

    // One practice in each other state: nothing of it is public.
    let mut hidden = Vec::new();
    for status in ModerationStatus::ALL.iter().copied().filter(|s| *s != ModerationStatus::Pubblicata) {
        let tag = status.code().replace('_', "");
        let practice = with_private_canaries(&tag, &mut canaries);
        let practice = with_public_canaries(practice, &tag, &mut canaries);
        hidden.push(server.seed(practice, status).await);
    }

    // Through the editorial workflow: changes requested (a curator's
    // message), sent, published; then an update waiting for review, and a
    // rejection with a reason.
    let curator = sign_in(&server, "qzcurator@example.org", Role::Curator).await;
    let admin = sign_in(&server, "qzadmin@example.org", Role::Admin).await;
    canaries.extend(["qzcurator".to_owned(), "qzadmin".to_owned(), FLOW_TOKEN.to_owned()]);
    for cookie in [&curator, &admin] {
        canaries.push(cookie.split_once('=').unwrap().1.to_lowercase());
    }
    let flow_answers = serde_json::to_value(with_private_canaries("flow", &mut canaries)).unwrap();
    let key = format!("qzkey{}", fresh_key().replace('-', ""));
    canaries.push(key.to_lowercase());
    let mut envelope = envelope(flow_answers.clone());
    envelope["edit_token"] = json!(FLOW_TOKEN);
    let receipt = server.submit(&key, &envelope).await;
    assert_eq!(receipt.status(), StatusCode::CREATED);
    let flow = receipt.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let bearer = format!("Bearer {FLOW_TOKEN}");
    let update = |answers: Value| {
        server
            .client
            .put(server.url("/api/submissions/mine"))
            .header("authorization", &bearer)
            .json(&json!({ "answers": answers }))
            .send()
    };
    canaries.push("qzmessageflow".into());
    assert_eq!(server.act(&curator, &flow, "take_in_review", 1, None).await.0, StatusCode::OK);
    let asked = server.act(&curator, &flow, "request_changes", 2, Some("Integrare qzmessageflow")).await;
    assert_eq!(asked.0, StatusCode::OK, "{}", asked.1);
    assert_eq!(update(flow_answers.clone()).await.unwrap().status(), StatusCode::OK);
    assert_eq!(server.act(&curator, &flow, "take_in_review", 4, None).await.0, StatusCode::OK);
    assert_eq!(server.act(&curator, &flow, "publish", 5, None).await.0, StatusCode::OK);
    published.push(flow.clone());
    let mut pending = with_private_canaries("pending", &mut canaries);
    pending.title = "Titolo qztitlepending".into();
    canaries.push("qztitlepending".into());
    assert_eq!(update(serde_json::to_value(pending).unwrap()).await.unwrap().status(), StatusCode::OK);
    let mut to_reject = with_private_canaries("rejected", &mut canaries);
    to_reject = with_public_canaries(to_reject, "rejected", &mut canaries);
    let rejected = server.seed(to_reject, ModerationStatus::Inviata).await;
    canaries.push("qzreasonrejected".into());
    let refused = server.act(&curator, &rejected, "reject", 1, Some("Motivo qzreasonrejected")).await;
    assert_eq!(refused.0, StatusCode::OK, "{}", refused.1);
    hidden.push(rejected);
    // A round open today: its name is public, its log entry is not.
    let today = &server::db::now()[..10];
    let round = json!({"code": "raccolta_oggi", "name": "Raccolta di oggi", "opens_on": today, "closes_on": today});
    let added = server.client.post(server.url("/api/moderation/rounds")).header("cookie", &admin).json(&round).send();
    assert_eq!(added.await.unwrap().status(), StatusCode::CREATED);

    // The community's e-mail: a reader writes to the first published
    // practice's referent (the reader's data are private too), and the flow's
    // respondent asks for the receipt by e-mail (it holds the private link).
    let sender = json!({
        "name": "Lettrice qzsendername",
        "email": "qzsendermail@example.org",
        "entity": "Ente qzsenderentity",
        "message": "Messaggio qzsendermessage: come avete organizzato il servizio?",
        "consent": true,
    });
    canaries.extend(["qzsendername", "qzsendermail", "qzsenderentity", "qzsendermessage"].map(str::to_owned));
    let contacted = server
        .client
        .post(server.url(&format!("/api/practices/{}/contact", published[0])))
        .header("idempotency-key", fresh_key())
        .json(&sender)
        .send()
        .await
        .unwrap();
    assert_eq!(contacted.status(), StatusCode::ACCEPTED);
    let copy = server
        .client
        .post(server.url(domain::community::RECEIPT_COPY_URL))
        .header("authorization", &bearer)
        .json(&json!({"link_is_secret_understood": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(copy.status(), StatusCode::ACCEPTED);
    // A reader follows a view: the address is private too.
    canaries.push("qzfollowmail".into());
    let followed = server
        .client
        .post(server.url(domain::community::SUBSCRIPTIONS_URL))
        .json(&json!({"email": "qzfollowmail@example.org", "view": [["regione", "16"]]}))
        .send()
        .await
        .unwrap();
    assert_eq!(followed.status(), StatusCode::ACCEPTED);
    // Two bodies declare they adopted the first published practice: the
    // contacts are private; the waiting declaration shows nothing at all.
    let declare = |tag: &str, entity: String| {
        json!({
            "entity_type": "comune",
            "entity_name": entity,
            "region_code": "16",
            "comune_code": "075035",
            "adopted_on": "2021-03",
            "adapted": true,
            "changes": format!("Modifiche qzchanges{tag} agli orari"),
            "referent_name": format!("Referente qzadoptname{tag}"),
            "referent_email": format!("qzadoptmail{tag}@example.org"),
            "consent": true,
        })
    };
    canaries.extend(["qzadoptnamepub", "qzadoptmailpub", "qzadoptnamewait", "qzadoptmailwait"].map(str::to_owned));
    canaries.extend(["qzentitywait", "qzchangeswait"].map(str::to_owned));
    for (tag, entity) in [("pub", format!("Comune di {marker}")), ("wait", "Comune di qzentitywait".to_owned())] {
        let declared = server
            .client
            .post(
                server
                    .url(&domain::community::reuse::adoptions_url(&domain::PracticeId::parse(&published[0]).unwrap())),
            )
            .header("idempotency-key", fresh_key())
            .json(&declare(tag, entity))
            .send()
            .await
            .unwrap();
        assert_eq!(declared.status(), StatusCode::ACCEPTED);
    }
    let waiting: Value = server
        .client
        .get(server.url(domain::community::reuse::MODERATION_ADOPTIONS_URL))
        .header("cookie", &curator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let first_declaration =
        waiting.as_array().unwrap().iter().find(|d| d["contact_name"] == "Referente qzadoptnamepub");
    let accepted = server
        .client
        .post(server.url(&format!(
            "{}/{}",
            domain::community::reuse::MODERATION_ADOPTIONS_URL,
            first_declaration.unwrap()["id"]
        )))
        .header("cookie", &curator)
        .json(&json!({"action": "publish", "version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), StatusCode::NO_CONTENT);
    // A round's invitees are the admins' only, invited or not.
    let today = time::OffsetDateTime::now_utc().date();
    let round = json!({"code": "raccolta_canarini", "name": "Raccolta canarini", "opens_on": today.to_string(),
        "closes_on": (today + time::Duration::days(30)).to_string()});
    let defined = server
        .client
        .post(server.url("/api/moderation/rounds"))
        .header("cookie", &admin)
        .json(&round)
        .send()
        .await
        .unwrap();
    assert_eq!(defined.status(), StatusCode::CREATED);
    canaries.extend(["qzinviteentity", "qzinvitemail"].map(str::to_owned));
    let list = "ente;email\nComune di qzinviteentity;qzinvitemail@example.org\nComune di qzinviteentity bis;qzinvitemail2@example.org\n";
    let added = server
        .client
        .post(server.url(&domain::community::invitations::invitees_url("raccolta_canarini")))
        .header("cookie", &admin)
        .json(&json!({ "csv": list }))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::OK);
    server.run_schedule(time::OffsetDateTime::now_utc()).await;
    let invited: i64 = rusqlite::Connection::open(&server.db_path)
        .unwrap()
        .query_row("SELECT count(*) FROM outbox WHERE kind = 'invitation'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(invited, 2, "control: the invitations are queued");
    // The reader's copy is the one message a stranger reads: none of the
    // referents' data is in it.
    let conn = rusqlite::Connection::open(&server.db_path).unwrap();
    let reader_copy: String = conn
        .query_row("SELECT subject || text_body || html_body FROM outbox WHERE kind = 'contact_copy'", [], |r| r.get(0))
        .unwrap();
    for canary in PRIVATE_CANARIES {
        assert!(!reader_copy.to_lowercase().contains(&canary.to_lowercase()), "the reader's copy shows {canary}");
    }

    let mut crawl = Crawl { canaries, marker, ..Crawl::default() };

    // The API's public documents.
    let (status, body) = crawl.get(&server, "/api/catalogue").await;
    assert_eq!(status, StatusCode::OK);
    let catalogue: Value = serde_json::from_slice(&body).unwrap();
    let mut listed: Vec<String> =
        catalogue["practices"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect();
    listed.sort();
    let mut expected: Vec<String> = published.clone();
    let demo_ids: Vec<String> = listed.iter().filter(|id| !published.contains(id)).cloned().collect();
    assert_eq!(demo_ids.len(), demo, "the catalogue lists the demo practices and the published ones");
    expected.extend(demo_ids);
    expected.sort();
    assert_eq!(listed, expected, "the catalogue lists exactly the published practices");
    for id in &hidden {
        assert!(!listed.contains(id), "{id} is not published");
    }
    for query in ["regione=16", "q=spid&ordina=recenti", "pagina=2", "innovazione=strumenti_digitali&regione=16,01"] {
        crawl.get(&server, &format!("/api/catalogue?{query}")).await;
    }
    for id in &listed {
        let (status, _) = crawl.get(&server, &format!("/api/practices/{id}")).await;
        assert_eq!(status, StatusCode::OK, "{id}");
    }
    for id in &hidden {
        let (status, body) = crawl.get(&server, &format!("/api/practices/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id} is not published");
        assert_eq!(serde_json::from_slice::<Value>(&body).unwrap()["error"]["code"], "not_found");
    }
    for path in ["/api/data-dictionary", "/api/rounds/current", "/api/health"] {
        let (status, _) = crawl.get(&server, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }

    // Downloads, whole and filtered; and no private word finds a practice.
    for export in ["/api/export.csv", "/api/export.json"] {
        for query in
            ["", "?regione=16", "?q=buoni%20spesa", "?innovazione=strumenti_digitali&ordina=titolo", "?pagina=3"]
        {
            let (status, _) = crawl.get(&server, &format!("{export}{query}")).await;
            assert_eq!(status, StatusCode::OK, "{export}{query}");
        }
    }
    let search = |word: &str| format!("/api/export.json?q={word}");
    let (_, found) = crawl.get(&server, &search(&crawl.marker.clone())).await;
    let found: Value = serde_json::from_slice(&found).unwrap();
    assert_eq!(found["practices"].as_array().unwrap().len(), 2, "control: the public marker finds its two practices");
    let private_words: Vec<String> = crawl.canaries.iter().filter(|c| c.starts_with("qz")).cloned().collect();
    let mut searched = 0;
    for word in &private_words {
        let (_, found) = crawl.get(&server, &search(word)).await;
        let found: Value = serde_json::from_slice(&found).unwrap();
        assert_eq!(found["practices"], json!([]), "searching for the private {word:?} finds nothing");
        searched += 1;
    }

    // Open data.
    for (name, _, _) in server::opendata::FILES {
        let (status, _) = crawl.get(&server, &format!("/opendata/{name}")).await;
        assert_eq!(status, StatusCode::OK, "{name}");
    }

    // The app's shell, for every page address a visitor may open.
    let mut pages: Vec<String> =
        ["/", "/index.html", "/catalogo", "/embed/catalogo", "/dati-aperti", "/statistiche", "/opendata/"]
            .map(str::to_owned)
            .to_vec();
    for id in listed.iter().chain(&hidden) {
        pages.push(format!("/pratiche/{id}"));
        pages.push(format!("/embed/pratiche/{id}"));
    }
    for page in &pages {
        let (status, body) = crawl.get(&server, page).await;
        // An unpublished practice's page is "not found", as any unknown one.
        let unpublished = hidden.iter().any(|id| page.ends_with(id.as_str()));
        let expected = if unpublished { StatusCode::NOT_FOUND } else { StatusCode::OK };
        assert_eq!(status, expected, "{page}");
        assert!(String::from_utf8_lossy(&body).contains("bp-data-source"), "{page} is the app's shell");
    }

    // The static publication and the exported catalogue, written from the same database.
    let out = tempfile::tempdir().unwrap();
    // The configuration as the command line gives it (new settings keep their defaults).
    let config = <server::config::Cli as clap::Parser>::try_parse_from([
        "server".as_ref(),
        "--database".as_ref(),
        server.db_path.as_os_str(),
        "--static-dir".as_ref(),
        dist_dir.path().as_os_str(),
        "--public-url".as_ref(),
        "https://buonepratiche.example.org".as_ref(),
    ] as [&std::ffi::OsStr; 7])
    .expect("a valid command line")
    .config;
    let site = out.path().join("site");
    server::publish::publish_static(&config, &site).await.expect("the static site is written");
    let files = crawl.files("publish-static", &site);
    for id in &published {
        assert!(site.join(format!("pratiche/{id}.json")).is_file(), "the static site has {id}");
    }
    for id in &hidden {
        assert!(files.iter().all(|f| !f.display().to_string().contains(id.as_str())), "no file names {id}");
    }
    let exported = out.path().join("export/catalogue.json");
    server::export_catalogue(&config, &exported).await.expect("the catalogue is exported");
    crawl.files("export-catalogue", &out.path().join("export"));

    println!(
        "privacy crawl: {} outputs, {} bytes (headers and bodies), {} canaries, {} private-word searches",
        crawl.outputs,
        crawl.bytes,
        crawl.canaries.len(),
        searched
    );
    println!("  static publication: {} files; pages of the app: {}", files.len(), pages.len());
    // Controls: the outputs that carry practices do carry the published ones.
    for output in [
        "GET /api/catalogue",
        &format!("GET /api/practices/{}", published[0]),
        "GET /api/export.csv",
        "GET /api/export.json",
        "GET /opendata/buone-pratiche.csv",
        "GET /opendata/buone-pratiche.json",
        "GET /opendata/adozioni.csv",
        "GET /opendata/adozioni.json",
        "GET /opendata/feed.atom",
        "publish-static/catalogue.json",
        "publish-static/opendata/buone-pratiche.csv",
        "publish-static/opendata/feed.atom",
        "export-catalogue/catalogue.json",
    ] {
        assert!(crawl.with_marker.iter().any(|o| o == output), "control: {output} shows the published practices");
    }
    assert!(crawl.leaks.is_empty(), "{} leaks:\n{}", crawl.leaks.len(), crawl.leaks.join("\n"));
}
