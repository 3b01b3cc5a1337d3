// SPDX-License-Identifier: EUPL-1.2
//! Living records as a respondent meets them, a year after the last
//! confirmation: the mail "È ancora attuale?" arrives through a real SMTP
//! server, its link confirms the practice in one step (and only once); the
//! private link's page asks the same question, and marking the practice
//! concluded there shows it concluded on its public page.

use e2e::respondent::assert_accessible;
use e2e::{Browser, TestServer};
use fantoccini::Locator;
use mailbox::SmtpServer;
use std::time::Duration;

const TOKEN: &str = "private-link-of-the-living-record-0123456789";

/// Makes demo practice `reference` a respondent's own (not demo, with the
/// private link [`TOKEN`] when `with_link`) last confirmed 370 days ago.
async fn age(server: &TestServer, reference: &'static str, with_link: bool) {
    let hash = with_link.then(|| server::sha256_hex(TOKEN.as_bytes()));
    server
        .db
        .call(move |conn| {
            conn.execute(
                "UPDATE practices SET demo = 0, edit_token_hash = coalesce(?2, edit_token_hash),
                     confirmed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-370 days')
                 WHERE reference = ?1",
                (reference, hash),
            )?;
            Ok(())
        })
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_year_on_the_respondent_confirms_from_the_mail_and_concludes_from_the_private_link() {
    let smtp = SmtpServer::start();
    let server = TestServer::delivering_to(&smtp).await;
    age(&server, "BP-2026-0001", false).await;
    server.run_schedule(time::OffsetDateTime::now_utc()).await;
    let messages = tokio::task::block_in_place(|| smtp.wait_for(1, Duration::from_secs(15)));
    let asked = messages.iter().find(|m| m.subject().contains("ancora attuale")).expect("the question arrives");
    assert_eq!(asked.envelope_to(), "referente1@example.org");
    let page = format!("{}/questionario/conferma#", server.base);
    let text = asked.text();
    let link = text.lines().find(|line| line.starts_with(&page)).expect("the one-step link").to_owned();

    // The link, opened as a person opens it: the practice named, one step.
    let b = Browser::start().await;
    b.client.goto(&link).await.unwrap();
    b.wait_for_heading("Conferma la pratica").await;
    b.wait_for(Locator::XPath("//main//p[contains(., 'BP-2026-0001')]//a[starts-with(@href, '/pratiche/')]")).await;
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='La pratica è ancora attuale?']")).await;
    assert_accessible(&b, "the mailed confirmation link").await;
    b.screenshots("mailed-confirmation").await;
    b.labelled("è ancora così").await.send_keys(" ").await.unwrap();
    b.press("Conferma").await;
    let done =
        b.wait_for(Locator::XPath("//*[starts-with(normalize-space(.), 'Grazie: la pratica risulta confermata il')]"));
    done.await;
    assert_accessible(&b, "confirmed from the mail").await;
    // The same link again: it has done its work, and says so.
    b.client.goto(&link).await.unwrap();
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='La pratica è ancora attuale?']")).await;
    b.press("Conferma").await;
    let refused = b.wait_for(Locator::XPath("//div[@role='alert'][contains(., 'una volta sola')]")).await;
    assert!(refused.text().await.unwrap().contains("link privato"), "says what to use instead");
    // A link cut short names no practice.
    b.client.goto(&format!("{page}BP-2026")).await.unwrap();
    b.wait_for(Locator::XPath("//div[@role='alert'][contains(., 'copialo per intero')]")).await;

    // The private link's page asks the same; concluding it shows on the public page.
    age(&server, "BP-2026-0002", true).await;
    b.client.goto(&format!("{}/questionario/modifica#{TOKEN}", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='La pratica è ancora attuale?']")).await;
    b.labelled("è conclusa").await.send_keys(" ").await.unwrap();
    b.press("Conferma").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and normalize-space(.)='Compila questo campo.']")).await;
    b.in_group("Mese di conclusione", "Mese").await.send_keys("giugno").await.unwrap();
    b.in_group("Mese di conclusione", "Anno").await.send_keys("2026").await.unwrap();
    b.press("Conferma").await;
    b.wait_for(Locator::XPath("//*[starts-with(normalize-space(.), 'Grazie: la pratica risulta confermata il')]"))
        .await;
    assert_accessible(&b, "concluded from the private link").await;
    b.screenshots("private-link-confirmation").await;
    b.client.goto(&format!("{}/pratiche/BP-2026-0002", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//main//*[normalize-space(.)='Conclusa']")).await;
    b.assert_no_console_errors().await;
    b.close().await;
}
