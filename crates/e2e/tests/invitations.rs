// SPDX-License-Identifier: EUPL-1.2
//! A collection round's invitations, as an admin meets them: from the
//! administration page to the round's invitees, a wrong CSV file refused
//! with its rows named, the right one added, the invitations delivered by a
//! real SMTP server when the schedule runs, who answered read from the
//! table, and an invitee taken off the list.

use e2e::respondent::assert_accessible;
use e2e::{Browser, TestServer, key, link_named};
use fantoccini::Locator;
use fantoccini::key::Key;
use mailbox::SmtpServer;
use std::time::Duration;

/// Picks `path` in the file input labelled `label`, as the file dialog does.
async fn pick_file(b: &Browser, label: &str, path: &std::path::Path) {
    b.labelled(label).await.send_keys(path.to_str().unwrap()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_adds_invitees_from_a_file_and_sees_who_answered() {
    let smtp = SmtpServer::start();
    let server = TestServer::delivering_to(&smtp).await;
    // A round open since ten days ago: the demo practices, sent just now, answer it.
    let today = time::OffsetDateTime::now_utc().date();
    let round = domain::questionnaire::rounds::Round {
        code: "raccolta_autunno".into(),
        name: "Raccolta d'autunno".into(),
        opens_on: domain::dates::Day::parse(&(today - time::Duration::days(10)).to_string()).unwrap(),
        closes_on: domain::dates::Day::parse(&(today + time::Duration::days(20)).to_string()).unwrap(),
    };
    server
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            server::db::rounds::insert(&tx, &round)?;
            tx.commit()?;
            Ok(())
        })
        .await
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    let (wrong, right) = (files.path().join("sbagliato.csv"), files.path().join("invitati.csv"));
    std::fs::write(&wrong, "ente;email\nComune di Bari;servizi.bari\n;ats@lecce.example.it\n").unwrap();
    std::fs::write(
        &right,
        "\u{feff}Ente;Email\nComune di Bari;servizisociali@comune.bari.example.it\n\
         Ufficio di piano di Lucca;REFERENTE4@example.org\nComune di Nessuno;nessuno@comune.example.it\n\
         Città di Torino;protocollo@torino.example.it\n",
    )
    .unwrap();

    let b = Browser::start().await;
    server.sign_in(&b, "admin@example.org", server::auth::Role::Admin).await;
    let admin = b.wait_for(Locator::XPath(&link_named("//main", "Amministrazione"))).await;
    admin.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Amministrazione").await;
    let invitees = b.wait_for(Locator::XPath("//a[@aria-label=\"Invitati di Raccolta d'autunno\"]")).await;
    invitees.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Invitati della raccolta «Raccolta d'autunno»").await;
    b.wait_for(Locator::XPath("//p[normalize-space(.)='Nessun invitato ancora.']")).await;

    // Nothing chosen, then the wrong file: each problem named by its row.
    b.press("Carica l'elenco").await;
    b.wait_for(Locator::XPath("//div[@role='alert']//li[contains(., 'Scegli il file CSV')]")).await;
    pick_file(&b, "File CSV degli invitati", &wrong).await;
    b.press("Carica l'elenco").await;
    let alert = b.wait_for(Locator::XPath("//div[@role='alert'][.//li[starts-with(., 'Riga 2')]]")).await;
    let alert = alert.text().await.unwrap();
    assert!(alert.contains("Riga 2, e-mail: Scrivi un indirizzo e-mail"), "{alert}");
    assert!(alert.contains("Riga 3, ente: Compila questo campo."), "{alert}");
    // As the questionnaire's: the summary takes the focus, the control is
    // marked and says why, and each problem leads to it.
    assert_eq!(focused_id(&b).await, "invitati-errors");
    let control = b.labelled("File CSV degli invitati").await;
    assert_eq!(control.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    let inline = b.wait_for(Locator::Id("invitati-file-error")).await;
    assert_eq!(inline.text().await.unwrap(), "2 problemi da correggere nel file, elencati sopra");
    let to_row_3 = b.wait_for(Locator::XPath("//div[@id='invitati-errors']//a[starts-with(., 'Riga 3')]")).await;
    to_row_3.click().await.unwrap();
    assert_eq!(focused_id(&b).await, "invitati-file");
    assert_accessible(&b, "a wrong list of invitees").await;
    b.screenshots("round-invitations-error").await;

    pick_file(&b, "File CSV degli invitati", &right).await;
    b.press("Carica l'elenco").await;
    b.wait_for(Locator::XPath("//div[@role='status'][contains(., 'Elenco caricato: 4 invitati nuovi')]")).await;
    let figures = b.wait_for(Locator::Css("[data-testid='invitations-figures']")).await;
    let answered = "4 invitati, 0 già raggiunti dall'invito, 3 hanno risposto.";
    assert_eq!(figures.text().await.unwrap(), answered);
    let row = |email: &str| format!("//table//tr[td[normalize-space(.)='{email}']]");
    let bari = b.wait_for(Locator::XPath(&row("servizisociali@comune.bari.example.it"))).await;
    assert!(bari.text().await.unwrap().contains("(per ente)"), "Bari answered by its name");
    let lucca = b.wait_for(Locator::XPath(&row("REFERENTE4@example.org"))).await;
    assert!(lucca.text().await.unwrap().contains("(per indirizzo)"), "Lucca's referent answered");
    let nobody = b.wait_for(Locator::XPath(&row("nessuno@comune.example.it"))).await;
    assert!(nobody.text().await.unwrap().contains("Non ancora"));
    // "Comune di Torino" (ISTAT 001272) sent a practice: the same body as
    // the invitee "Città di Torino".
    let torino = b.wait_for(Locator::XPath(&row("protocollo@torino.example.it"))).await;
    assert!(torino.text().await.unwrap().contains("(per ente)"), "Torino answered by its ISTAT code");
    // The same address again: one address, in the singular.
    let again = files.path().join("ancora.csv");
    std::fs::write(&again, "ente,email\nCOMUNE DI BARI,servizisociali@comune.bari.example.it\n").unwrap();
    pick_file(&b, "File CSV degli invitati", &again).await;
    b.press("Carica l'elenco").await;
    b.wait_for(Locator::XPath(
        "//div[@role='status'][contains(., 'Elenco caricato: 0 invitati nuovi, 1 indirizzo già presente')]",
    ))
    .await;

    // The hourly schedule runs: the invitations reach the mailboxes.
    server.run_schedule(time::OffsetDateTime::now_utc()).await;
    let messages = tokio::task::block_in_place(|| smtp.wait_for(4, Duration::from_secs(15)));
    let invitation = messages.iter().find(|m| m.envelope_to() == "nessuno@comune.example.it").expect("invited");
    assert!(invitation.subject().contains("Raccolta d'autunno"), "{}", invitation.subject());
    assert!(invitation.text().contains(&format!("{}/questionario", server.base)), "{}", invitation.text());

    b.client.refresh().await.unwrap();
    b.wait_for_heading("Invitati della raccolta «Raccolta d'autunno»").await;
    let figures = b.wait_for(Locator::Css("[data-testid='invitations-figures']")).await;
    assert_eq!(figures.text().await.unwrap(), "4 invitati, 4 già raggiunti dall'invito, 3 hanno risposto.");
    let remove =
        b.wait_for(Locator::XPath("//button[@aria-label=\"Togli nessuno@comune.example.it dall'elenco\"]")).await;
    remove.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for(Locator::XPath("//div[@role='status'][contains(., 'nessuno@comune.example.it è stato tolto')]")).await;
    b.wait_for(Locator::XPath("//p[starts-with(normalize-space(.), '3 invitati, 3 già raggiunti')]")).await;
    assert_accessible(&b, "a round's invitees").await;
    b.screenshots("round-invitations").await;
    b.assert_no_console_errors().await;

    // The questionnaire names the round's last day as people write it.
    b.client.goto(&format!("{}/questionario", server.base)).await.unwrap();
    let deadline = domain::dates::long_date(&(today + time::Duration::days(20)).to_string(), domain::Lang::It);
    let current = b.wait_for(Locator::Css("[data-testid='current-round']")).await.text().await.unwrap();
    assert_eq!(current, format!("Raccolta in corso: Raccolta d'autunno. Invia la pratica entro il {deadline}."));
    b.close().await;
}

/// The id of the focused element, once the page has moved the focus (it
/// does so after drawing).
async fn focused_id(b: &Browser) -> String {
    let mut id = String::new();
    for _ in 0..20 {
        id = b.client.active_element().await.unwrap().attr("id").await.unwrap().unwrap_or_default();
        if !id.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    id
}
