// SPDX-License-Identifier: EUPL-1.2
//! "Segui questa ricerca" and the digests, with the clock moved: double
//! opt-in by a mailed link, a weekly digest of what is new in the view with
//! a one-click unsubscribe (RFC 8058), the Atom feed of the same view, and
//! the editors' daily digest of their queue.

use crate::common::*;
use domain::record::geo::Region;
use domain::record::vocabulary::ModerationStatus;
use mailbox::SmtpServer;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use server::mail::follow::{LinkKeys, queue_due};
use server::mail::postman::{Postman, Timing};
use std::time::Duration;

fn timing() -> Timing {
    Timing { first_retry: Duration::from_millis(150), poll: Duration::from_millis(200), ..Timing::default() }
}

async fn delivering_to(smtp: &SmtpServer) -> TestServer {
    let url = smtp.url();
    TestServer::start_with(None, move |state| {
        let db = state.db.clone();
        state.mail.start(Postman::new(&url, None, "Buone pratiche <noreply@bp.example.it>", timing()).unwrap(), db);
    })
    .await
}

/// Runs the digests' schedule as if it were `days` from now; how many it queued.
async fn digests_in(server: &TestServer, days: i64) -> usize {
    let base = server.base.clone();
    server
        .db
        .call(move |conn| {
            let key = server::db::setting_or_insert(conn, LinkKeys::SETTING, server::random_secret)?;
            let site = server::mail::Site { name: "Buone pratiche".into(), url: base };
            let now = time::OffsetDateTime::now_utc() + time::Duration::days(days);
            queue_due(conn, &site, &LinkKeys::new(key.as_bytes()), now)
        })
        .await
        .unwrap()
}

fn rows(server: &TestServer, sql: &str) -> i64 {
    rusqlite::Connection::open(&server.db_path).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

async fn post(server: &TestServer, path: &str, body: Value) -> (StatusCode, Value) {
    let response = server.client.post(server.url(path)).json(&body).send().await.unwrap();
    (response.status(), response.json().await.unwrap_or(Value::Null))
}

fn practice_in(region: Region, title: &str) -> domain::Practice {
    let mut answer = valid_answer();
    answer.region_code = region;
    answer.comune_codes.clear();
    answer.title = title.to_owned();
    answer
}

#[tokio::test(flavor = "multi_thread")]
async fn a_followed_view_is_confirmed_by_mail_digested_weekly_and_cancelled_in_one_click() {
    let smtp = SmtpServer::start();
    let server = delivering_to(&smtp).await;
    let view = json!([["q", "spesa"], ["regione", "16"], ["pagina", "2"]]);
    let (status, body) =
        post(&server, "/api/subscriptions", json!({"email": "lettrice@regione.example.it", "view": view})).await;
    assert_eq!((status, body), (StatusCode::ACCEPTED, json!({"email": "lettrice@regione.example.it"})));
    let (unconfirmed, _) = post(&server, "/api/subscriptions", json!({"email": "mai@example.org", "view": []})).await;
    assert_eq!(unconfirmed, StatusCode::ACCEPTED);
    let mails = tokio::task::block_in_place(|| smtp.wait_for(2, Duration::from_secs(10)));
    let confirm = mails.iter().find(|m| m.envelope_to() == "lettrice@regione.example.it").expect("the link");
    assert!(confirm.text().contains("«spesa» · Regione: Puglia"), "{}", confirm.text());
    let text = confirm.text();
    let link = text.lines().find(|l| l.contains("/segui/conferma#")).expect("a confirmation link").trim().to_owned();
    let code = link.rsplit_once('#').unwrap().1.to_owned();
    assert_eq!(digests_in(&server, 6).await, 0, "nothing is sent before the confirmation");
    assert_eq!(rows(&server, "SELECT count(*) FROM subscriptions"), 2, "an unconfirmed one waits a week");

    let (status, _) = post(&server, "/api/subscriptions/confirm?code=1.bm90LXNpZ25lZA", Value::Null).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a code the server did not sign");
    let (status, body) = post(&server, &format!("/api/subscriptions/confirm?code={code}"), Value::Null).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"view": "q=spesa&regione=16"})), "stored without the page");

    // After the confirmation: one practice in the view, one outside it.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    server.seed(practice_in(Region::Puglia, "Spesa a domicilio a Lecce"), ModerationStatus::Pubblicata).await;
    server.seed(practice_in(Region::Toscana, "Spesa sospesa a Lucca"), ModerationStatus::Pubblicata).await;
    assert_eq!(digests_in(&server, 1).await, 0, "the digest is weekly");
    assert_eq!(digests_in(&server, 8).await, 1);
    assert_eq!(digests_in(&server, 8).await, 0, "run twice, queued once");
    assert_eq!(rows(&server, "SELECT count(*) FROM subscriptions"), 1, "the unconfirmed one is gone after a week");
    let digest = tokio::task::block_in_place(|| smtp.wait_for(3, Duration::from_secs(10))).pop().unwrap();
    assert!(digest.subject().starts_with("1 novità nella ricerca che segui"), "{}", digest.subject());
    assert!(
        digest.text().contains("Spesa a domicilio a Lecce") && !digest.text().contains("Lucca"),
        "{}",
        digest.text()
    );
    let one_click = digest.header("List-Unsubscribe").unwrap();
    assert!(one_click.contains(&format!("/api/subscriptions/unsubscribe?code={code}")), "{one_click}");
    assert_eq!(digest.header("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
    assert!(digest.text().contains(&format!("/segui/annulla#{code}")), "a link to cancel: {}", digest.text());

    // The mail program's one click: a form post, as RFC 8058 describes it.
    let url = one_click.trim_matches(['<', '>']).replace("http://localhost", &server.base);
    for _ in 0..2 {
        let response = server
            .client
            .post(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "cancelling twice answers the same");
    }
    assert_eq!(rows(&server, "SELECT count(*) FROM subscriptions"), 0, "the address is deleted");
    assert_eq!(digests_in(&server, 16).await, 0);
}

#[tokio::test]
async fn the_atom_feed_of_a_view_holds_that_views_practices() {
    let server = TestServer::start(None).await;
    server.seed(practice_in(Region::Puglia, "Spesa a domicilio a Lecce"), ModerationStatus::Pubblicata).await;
    server.seed(practice_in(Region::Toscana, "Spesa sospesa a Lucca"), ModerationStatus::Pubblicata).await;
    let client = &server.client;
    let feed = |query: &'static str| {
        let url = server.url(&format!("/opendata/feed.atom{query}"));
        async move { client.get(url).send().await.unwrap().bytes().await.unwrap() }
    };
    let whole = feed_rs::parser::parse(&feed("").await[..]).unwrap();
    assert_eq!(whole.entries.len(), 2);
    let puglia = feed_rs::parser::parse(&feed("?regione=16&pagina=4").await[..]).unwrap();
    let titles: Vec<String> = puglia.entries.iter().map(|e| e.title.as_ref().unwrap().content.clone()).collect();
    assert_eq!(titles, ["Spesa a domicilio a Lecce"]);
    assert!(puglia.title.unwrap().content.contains("Regione: Puglia"));
    let own = puglia.links.iter().find(|l| l.rel.as_deref() == Some("self")).unwrap();
    assert!(own.href.ends_with("/opendata/feed.atom?regione=16"), "{}", own.href);
}

#[tokio::test]
async fn editors_get_a_daily_digest_of_the_queue_unless_they_turn_it_off() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", Role::Curator).await;
    let quiet = sign_in(&server, "silenziosa@example.org", Role::Curator).await;
    assert_eq!(digests_in(&server, 0).await, 0, "an empty queue tells nobody");
    let setting = |cookie: &str, on: bool| {
        server
            .client
            .put(server.url(domain::community::DAILY_DIGEST_URL))
            .header("cookie", cookie)
            .json(&json!({"daily_digest": on}))
            .send()
    };
    assert_eq!(setting(&quiet, false).await.unwrap().status(), StatusCode::OK);
    let read = server.get_json(domain::community::DAILY_DIGEST_URL, &quiet).await;
    assert_eq!(read, json!({"daily_digest": false}));
    assert_eq!(server.get_json(domain::community::DAILY_DIGEST_URL, &curator).await, json!({"daily_digest": true}));
    server.seed(valid_answer(), ModerationStatus::Inviata).await;
    assert_eq!(digests_in(&server, 0).await, 1, "one editor of two");
    assert_eq!(digests_in(&server, 0).await, 0, "once a day");
    assert_eq!(digests_in(&server, 1).await, 1, "and again the next day");
    let recipients = rusqlite::Connection::open(&server.db_path)
        .unwrap()
        .query_row("SELECT group_concat(DISTINCT recipient) FROM outbox WHERE kind = 'queue_digest'", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    assert_eq!(recipients, "curatrice@example.org");
    let refused =
        server.client.put(server.url(domain::community::DAILY_DIGEST_URL)).json(&json!({"daily_digest": false}));
    assert_eq!(refused.send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
}
