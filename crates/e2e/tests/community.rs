// SPDX-License-Identifier: EUPL-1.2
//! The community of practice's e-mail, as people meet it, with a real SMTP
//! server (aiosmtpd) receiving what the site sends: a reader writes to a
//! practice's referent from its page; a respondent asks for the receipt by
//! e-mail; an admin reads the outbox; a reader follows a search, confirms
//! from the mailed link and cancels from the digest; an editor turns the
//! daily summary off.

use e2e::respondent::{assert_accessible, fill_everything, start};
use e2e::{Browser, TestServer, key, link_named};
use fantoccini::Locator;
use fantoccini::key::Key;
use mailbox::SmtpServer;
use std::time::Duration;

fn received(smtp: &SmtpServer, count: usize) -> Vec<mailbox::Received> {
    let messages = smtp.wait_for(count, Duration::from_secs(15));
    assert!(messages.len() >= count, "{} of {count} messages arrived", messages.len());
    messages
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_writes_to_the_referent_from_the_practice_page() {
    let smtp = SmtpServer::start();
    let server = TestServer::delivering_to(&smtp).await;
    // Two demo practices: the second's respondent turned contact requests off.
    let demo: Vec<(String, String)> = server
        .db
        .call(|conn| {
            let mut rows = conn.prepare(
                "SELECT reference, json_extract(answer, '$.contact_email') FROM practices ORDER BY id LIMIT 2",
            )?;
            let found = rows.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
            conn.execute(
                "UPDATE practices SET answer = json_set(answer, '$.no_contact_requests', json('true')) WHERE reference = ?1",
                [&found[1].0],
            )?;
            Ok(found)
        })
        .await
        .unwrap();
    let [(open_id, referent), (closed_id, _)] = <[_; 2]>::try_from(demo).unwrap();
    let b = Browser::start().await;
    b.client.goto(&format!("{}/pratiche/{closed_id}", server.base)).await.unwrap();
    b.wait_for(Locator::Css("main h1")).await;
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='Come citare']")).await;
    assert!(
        b.client.find(Locator::XPath("//h2[normalize-space(.)='Contatta il referente']")).await.is_err(),
        "a respondent who turned requests off gets no form"
    );

    b.client.goto(&format!("{}/pratiche/{open_id}", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='Contatta il referente']")).await;
    let open = b.wait_for(Locator::XPath("//summary[normalize-space(.)='Scrivi al referente']")).await;
    open.click().await.unwrap();
    b.press("Invia il messaggio").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and normalize-space(.)='Compila questo campo.']")).await;
    let focused = b.client.execute("return document.activeElement.id", vec![]).await.unwrap();
    assert_eq!(focused, "contact-name", "focus goes to the first field to fix");
    assert_accessible(&b, "the contact form with errors").await;
    b.type_into("Nome e cognome", "Anna Bianchi").await;
    b.type_into("Ente", "Comune di Esempio").await;
    // An address whose domain cannot exist ("sassari" is no top-level domain).
    b.type_into("La tua e-mail", "g.ferraro@comune.sassari").await;
    b.type_into("Messaggio", "Guardate <b>qui</b>: come avete trovato i volontari?").await;
    b.labelled("Acconsento che il sito inoltri al referente il mio nome, il mio ente, la mia e-mail e il messaggio")
        .await
        .send_keys(" ")
        .await
        .unwrap();
    b.press("Invia il messaggio").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and starts-with(normalize-space(.), 'Scrivi solo testo')]"))
        .await;
    let message = b.labelled("Messaggio").await;
    let kept = message.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept, "Guardate <b>qui</b>: come avete trovato i volontari?", "what was typed stays");
    message.clear().await.unwrap();
    message.send_keys("Buongiorno, come avete trovato i volontari per la spesa a domicilio?").await.unwrap();
    b.screenshots("contact-referent").await;
    // The same e-mail rule as everywhere: the server refuses it at the field.
    b.press("Invia il messaggio").await;
    b.wait_for(Locator::XPath(
        "//p[@class='field-error' and normalize-space(.)='Scrivi un indirizzo e-mail nella forma nome@ente.it.']",
    ))
    .await;
    let email = b.labelled("La tua e-mail").await;
    assert_eq!(email.attr("aria-invalid").await.unwrap().as_deref(), Some("true"), "the field is marked");
    email.clear().await.unwrap();
    email.send_keys("anna.bianchi@comune.example.it").await.unwrap();
    b.press("Invia il messaggio").await;
    let done = b.wait_for(Locator::Css(".contact-referent [role='status']")).await.text().await.unwrap();
    assert_eq!(done, "Messaggio inoltrato al referente. Una copia è in arrivo a anna.bianchi@comune.example.it.");
    // Focus moves to the confirmation, not to the page's body.
    let focused = b.client.active_element().await.unwrap();
    assert_eq!(focused.attr("role").await.unwrap().as_deref(), Some("status"), "focus is on the confirmation");
    assert_accessible(&b, "the contact form once sent").await;

    let messages = tokio::task::block_in_place(|| received(&smtp, 2));
    let relay = messages.iter().find(|m| m.envelope_to() == referent).expect("relayed to the referent");
    assert_eq!(relay.header("Reply-To").as_deref(), Some("anna.bianchi@comune.example.it"));
    assert!(relay.text().contains("> Buongiorno, come avete trovato i volontari"), "{}", relay.text());
    let copy = messages.iter().find(|m| m.envelope_to() == "anna.bianchi@comune.example.it").expect("the copy");
    assert!(!copy.raw().contains(&referent), "the reader never learns the address");
    let page = b.client.source().await.unwrap();
    assert!(!page.contains(&referent), "nor does the page show it");
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_respondent_gets_the_receipt_by_e_mail_and_an_admin_reads_the_outbox() {
    let smtp = SmtpServer::start();
    let server = TestServer::delivering_to(&smtp).await;
    let b = start(&server).await;
    fill_everything(&b).await;
    b.press("Invia la pratica").await;
    b.wait_for_heading("Pratica inviata").await;
    let link = b.client.find(Locator::Css("[data-testid='private-link']")).await.unwrap().text().await.unwrap();
    let writes_to = b.wait_for(Locator::Css("[data-testid='contact-email']")).await.text().await.unwrap();
    assert!(writes_to.starts_with("La redazione scriverà a m.rossi@comune.lucca.it"), "{writes_to}");
    b.press("Inviami la ricevuta per e-mail").await;
    b.wait_for(Locator::XPath(
        "//p[@class='field-error' and normalize-space(.)='Spunta questa casella per confermare.']",
    ))
    .await;
    assert_accessible(&b, "the receipt copy with its error").await;
    b.labelled("Ho capito: il messaggio conterrà il mio link privato").await.send_keys(" ").await.unwrap();
    b.press("Inviami la ricevuta per e-mail").await;
    let sent = b.wait_for(Locator::Css(".receipt-copy [role='status']")).await.text().await.unwrap();
    let focused = b.client.active_element().await.unwrap().text().await.unwrap();
    assert_eq!(focused, sent, "focus is on the confirmation");
    assert_eq!(sent, "La ricevuta è in arrivo a m.rossi@comune.lucca.it.");
    b.screenshots("receipt-copy").await;
    let copy = tokio::task::block_in_place(|| received(&smtp, 1)).remove(0);
    assert_eq!(copy.envelope_to(), "m.rossi@comune.lucca.it");
    let code = link.rsplit_once('#').unwrap().1;
    assert!(copy.text().contains(&format!("/questionario/modifica#{code}")), "the private link: {}", copy.text());

    server.sign_in(&b, "admin@example.org", server::auth::Role::Admin).await;
    let admin = b.wait_for(Locator::XPath(&link_named("//main", "Amministrazione"))).await;
    admin.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Amministrazione").await;
    let outbox = b.wait_for(Locator::XPath(&link_named("//main", "I messaggi inviati e in attesa"))).await;
    outbox.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Posta in uscita").await;
    let row = b
        .wait_for(Locator::XPath("//li[@class='outbox-message'][.//dd[normalize-space(.)='m.rossi@comune.lucca.it']]"))
        .await;
    let row = row.text().await.unwrap();
    assert!(row.contains("Ricevuta della pratica") && row.contains("Consegnato al server di posta"), "{row}");
    assert_accessible(&b, "the outbox").await;
    b.screenshots("outbox").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_follows_a_search_confirms_by_mail_and_cancels_from_the_digest() {
    let smtp = SmtpServer::start();
    let server = TestServer::delivering_to(&smtp).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/catalogo?regione=16", server.base)).await.unwrap();
    let followed = b.wait_for(Locator::Css("[data-testid='followed-view']")).await.text().await.unwrap();
    assert_eq!(followed, "Regione: Puglia");
    let feed = b.wait_for(Locator::XPath(&link_named("//main", "Feed Atom di questa ricerca"))).await;
    assert_eq!(feed.attr("href").await.unwrap().as_deref(), Some("/opendata/feed.atom?regione=16"));
    b.press("Segui questa ricerca").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and normalize-space(.)='Compila questo campo.']")).await;
    assert_accessible(&b, "following a search, with an error").await;
    b.type_into("La tua e-mail", "lettrice@regione.example.it").await;
    b.press("Segui questa ricerca").await;
    let pending = b.wait_for(Locator::Css(".follow-view [role='status']")).await.text().await.unwrap();
    assert!(pending.starts_with("Controlla la posta: abbiamo scritto a lettrice@regione.example.it."), "{pending}");
    b.screenshots("follow-search").await;

    // The link in the message, opened as a person opens it.
    let confirm = tokio::task::block_in_place(|| received(&smtp, 1)).remove(0);
    let text = confirm.text();
    let link = text.lines().find(|l| l.contains("/segui/conferma#")).expect("the link").trim().to_owned();
    let code = link.rsplit_once('#').unwrap().1.to_owned();
    b.client.goto(&format!("{}/segui/conferma#{code}", server.base)).await.unwrap();
    let done = b.wait_for(Locator::Css("main .alert-success")).await.text().await.unwrap();
    assert!(done.starts_with("Iscrizione confermata"), "{done}");
    assert_accessible(&b, "the confirmation").await;

    // A week later something new in Puglia: the digest links to cancelling.
    let base = server.base.clone();
    server
        .db
        .call(move |conn| {
            conn.execute("UPDATE practices SET updated_at = '2099-01-01T00:00:00Z' WHERE id = (SELECT min(id) FROM practices WHERE json_extract(answer, '$.region_code') = '16')", [])?;
            let key = server::db::setting_or_insert(conn, server::mail::follow::LinkKeys::SETTING, server::random_secret)?;
            let site = server::mail::Site { name: "Buone pratiche".into(), url: base };
            let later = time::OffsetDateTime::now_utc() + time::Duration::days(8);
            server::mail::follow::queue_due(conn, &site, &server::mail::follow::LinkKeys::new(key.as_bytes()), later)
        })
        .await
        .unwrap();
    let digest = tokio::task::block_in_place(|| received(&smtp, 2)).pop().unwrap();
    let text = digest.text();
    let cancel = text.lines().find(|l| l.contains("/segui/annulla#")).expect("a link to cancel").trim().to_owned();
    b.client.goto(&cancel).await.unwrap();
    let done = b.wait_for(Locator::Css("main .alert-success")).await.text().await.unwrap();
    assert!(done.starts_with("Iscrizione annullata"), "{done}");
    let left: i64 = server
        .db
        .call(|conn| Ok(conn.query_row("SELECT count(*) FROM subscriptions", [], |r| r.get(0))?))
        .await
        .unwrap();
    assert_eq!(left, 0, "the address is deleted");
    b.assert_no_console_errors().await;

    // An editor turns the daily summary of the queue off.
    server.sign_in(&b, "curatrice@example.org", server::auth::Role::Curator).await;
    // The queue is drawn again once the session is known: find the box afresh
    // until it holds still.
    let label = "Ricevi ogni giorno per e-mail quante pratiche aspettano nella coda";
    let mut ticked = None;
    for _ in 0..20 {
        let setting = b.labelled(label).await;
        let checked = setting.prop("checked").await;
        if let Ok(checked) = checked
            && setting.send_keys(" ").await.is_ok()
        {
            ticked = checked;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(ticked.as_deref(), Some("true"), "on by default, then unticked");
    b.wait_for(Locator::XPath("//p[@role='status' and normalize-space(.)='Riepilogo disattivato.']")).await;
    let on: bool = server
        .db
        .call(|conn| {
            Ok(conn
                .query_row("SELECT daily_digest FROM users WHERE email = 'curatrice@example.org'", [], |r| r.get(0))?)
        })
        .await
        .unwrap();
    assert!(!on);
    assert_accessible(&b, "the queue with the summary setting").await;
    b.assert_no_console_errors().await;
    b.close().await;
}
