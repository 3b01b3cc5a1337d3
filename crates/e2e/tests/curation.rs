//! End-to-end: a curator signs in, finds a submission in the queue, reviews
//! it and publishes it, and the public catalogue shows it at once.

use domain::vocabulary::ModerationStatus;
use e2e::{Browser, TestServer, dist_dir, key};
use fantoccini::Locator;
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread")]
async fn a_curator_reviews_and_publishes_a_submission() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let mut answer = server::demo::practices().remove(3);
    answer.title = "Pratica in attesa della redazione".into();
    let reference = server
        .db
        .call(move |conn| {
            server::auth::create_user(
                conn,
                "curatrice@example.org",
                server::auth::Role::Curator,
                "password lunga e sicura",
            )?;
            let new = server::db::NewPractice {
                answer,
                status: ModerationStatus::Inviata,
                demo: false,
                round: server::db::CONTINUOUS_ROUND.into(),
                submission: None,
            };
            server::db::insert_practice(conn, &new)
        })
        .await
        .unwrap();
    let server::db::Stored::Created(reference) = reference else { panic!("stored") };
    let reference = reference.to_string();

    let b = Browser::start().await;
    b.client.goto(&format!("{}/redazione", server.base)).await.unwrap();
    b.wait_for_heading("Accesso alla redazione").await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "sign-in page: {violations:#?}");
    b.type_into("E-mail", "curatrice@example.org").await;
    b.type_into("Password", "password sbagliata").await;
    b.press("Accedi").await;
    b.wait_for(Locator::XPath("//div[@role='alert'][contains(., 'E-mail o password non corrette.')]")).await;
    b.labelled("Password").await.clear().await.unwrap();
    b.type_into("Password", "password lunga e sicura").await;
    b.press("Accedi").await;
    b.wait_for_heading("Pratiche da curare").await;
    let link = b.wait_for(Locator::XPath(&format!("//table//a[normalize-space(.)='{reference}']"))).await;
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "queue: {violations:#?}");

    link.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Pratica in attesa della redazione").await;
    let page = b.client.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(page.contains("referente4@example.org"), "curators see private fields");
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "review: {violations:#?}");
    b.press("Prendi in revisione").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'In revisione')]")).await;
    b.press("Pubblica").await;
    b.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Pubblicata')]")).await;

    b.client.goto(&format!("{}/catalogo?q=attesa redazione", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//article//h2[normalize-space(.)='Pratica in attesa della redazione']")).await;
    b.close().await;
}
