// SPDX-License-Identifier: EUPL-1.2
//! Harvesting another collection, as an administrator meets it: on
//! collection B, a source with mistakes refused in words, then another
//! instance A added and read from the screen (and a sheet, refused in words
//! until an import saves its mapping); a curator of B finds A's
//! practices marked "da …" with their origin, publishes one, and the public
//! page says where it comes from and links to it there.

use domain::record::vocabulary::ModerationStatus;
use e2e::respondent::assert_accessible;
use e2e::{Browser, TestServer};
use fantoccini::Locator;

/// A collection on this machine whose harvester may read the others (on
/// loopback, as an intranet's would be).
async fn collection() -> TestServer {
    TestServer::start_configured(&e2e::dist_dir(), |state| {
        let reach = server::harvest::fetch::Settings { allow_private: true, ..Default::default() };
        state.harvester = std::sync::Arc::new(server::harvest::Harvester::new(reach, &state.public_url));
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_adds_another_collection_and_a_curator_publishes_what_it_brought() {
    let (a, b) = (collection().await, collection().await);
    for title in ["Sportello sociale a distanza da Lucca", "Spesa e farmaci a domicilio da Lucca"] {
        let mut practice = server::demo::practices().remove(0);
        practice.title = title.into();
        a.seed(practice, ModerationStatus::Pubblicata).await;
    }

    let admin = Browser::start().await;
    b.sign_in(&admin, "admin@example.org", server::auth::Role::Admin).await;
    admin.open_from_administration("Raccolte di altri enti").await;
    admin.wait_for(Locator::XPath("//p[normalize-space(.)='Nessuna fonte, per ora.']")).await;

    // Mistakes first: each field says what to fix, nothing is added.
    admin.type_into("Indirizzo dei suoi dati aperti", "file:///etc/passwd").await;
    admin.type_into("E-mail della sua redazione", "redazione").await;
    admin.press("Aggiungi la fonte").await;
    let summary = admin.wait_for(Locator::Css(".error-summary")).await.text().await.unwrap();
    for field in ["Nome della raccolta", "Indirizzo dei suoi dati aperti", "E-mail della sua redazione"] {
        assert!(summary.contains(field), "{summary}");
    }
    admin.expect_console_errors("422").await;
    assert_accessible(&admin, "the harvest's form with errors").await;

    // The right values: the source is added, then read at once.
    admin.type_into("Nome della raccolta", "Comune di Lucca").await;
    admin.labelled("Indirizzo dei suoi dati aperti").await.clear().await.unwrap();
    admin.type_into("Indirizzo dei suoi dati aperti", &format!("{}/opendata/buone-pratiche.json", a.base)).await;
    admin.type_into("E-mail della sua redazione", "@comune.lucca.it").await;
    admin.press("Aggiungi la fonte").await;
    admin.wait_for(Locator::XPath("//div[@role='status'][contains(., 'Fonte «Comune di Lucca» aggiunta')]")).await;
    admin.press("Raccogli ora").await;
    admin.wait_for(Locator::XPath("//div[@role='status'][contains(., '2 nuove, 0 aggiornate')]")).await;
    admin.wait_for(Locator::XPath("//td[normalize-space(.)='2 pratiche']")).await;
    admin.screenshots("harvest-sources").await;
    assert_accessible(&admin, "the harvest's sources").await;

    // A sheet is read with the mapping an import saved: before one is, the
    // page says how to make it.
    admin.choose("Tipo di fonte", "Un foglio di risposte").await;
    admin.type_into("Nome della raccolta", "Foglio di Lucca").await;
    admin.type_into("Indirizzo dei suoi dati aperti", &format!("{}/opendata/buone-pratiche.csv", a.base)).await;
    admin.type_into("E-mail della sua redazione", "redazione@comune.lucca.it").await;
    admin.press("Aggiungi la fonte").await;
    admin.wait_for(Locator::XPath("//div[@role='status'][contains(., 'Fonte «Foglio di Lucca» aggiunta')]")).await;
    admin.press_found("//button[contains(@aria-label, 'Foglio di Lucca')][normalize-space(.)='Raccogli ora']").await;
    let said = "//div[@role='status'][contains(., 'non hanno ancora una corrispondenza salvata')]";
    admin.wait_for(Locator::XPath(said)).await;
    admin.assert_no_console_errors().await;
    admin.close().await;

    // A curator of B finds them marked, with their origin, and publishes one.
    let curator = Browser::start().await;
    b.sign_in(&curator, "curatrice@example.org", server::auth::Role::Curator).await;
    curator.type_into("Cerca per riferimento, titolo o ente", "da Lucca").await;
    curator.press("Cerca").await;
    let title = "Sportello sociale a distanza da Lucca";
    // The queue marks it with its source (the row found once the search has redrawn the table).
    let marked =
        format!("//table//tr[td[normalize-space(.)='{title}']][.//span[normalize-space(.)='da Comune di Lucca']]");
    curator.wait_for(Locator::XPath(&marked)).await;
    curator.press_found(&format!("{marked}//a")).await;
    curator.wait_for_heading(title).await;
    let from = curator.wait_for(Locator::Css("[data-testid='harvested-from']")).await.text().await.unwrap();
    assert!(from.starts_with("Raccolta da «Comune di Lucca», dove è la BP-"), "{from}");
    curator.press("Prendi in revisione").await;
    curator.press("Pubblica").await;
    curator.press("Conferma: Pubblica").await;
    curator.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Pubblicata')]")).await;
    curator.assert_no_console_errors().await;
    curator.close().await;

    // The public page says where it comes from, and links to it there.
    let public = Browser::start().await;
    public.client.goto(&format!("{}/catalogo?fonte=Comune%20di%20Lucca", b.base)).await.unwrap();
    // Only the practice from that source is listed, its card naming it.
    let card = format!(
        "//li[@class='practice-card'][.//a[normalize-space(.)='{title}']][.//dd[normalize-space(.)='Comune di Lucca']]"
    );
    public.wait_for(Locator::XPath(&card)).await;
    assert_eq!(public.client.find_all(Locator::Css("li.practice-card")).await.unwrap().len(), 1, "filtered by source");
    public.press_found(&format!("{card}//a")).await;
    public.wait_for_heading(title).await;
    let source = public.wait_for(Locator::Css("[data-testid='source']")).await;
    assert!(source.text().await.unwrap().contains("proviene dalla raccolta «Comune di Lucca»"));
    let there = source.find(Locator::Css("a")).await.unwrap().attr("href").await.unwrap().unwrap();
    assert!(there.starts_with(&format!("{}/pratiche/BP-", a.base)), "{there}");
    assert!(public.client.find(Locator::XPath("//h2[normalize-space(.)='Contatta il referente']")).await.is_err());
    public.screenshots("harvested-practice").await;
    assert_accessible(&public, "a harvested practice's page").await;
    public.assert_no_console_errors().await;
    public.close().await;
}
