// SPDX-License-Identifier: EUPL-1.2
//! After publication, as people meet it: another Comune declares from a
//! practice's page that it adopted it, a curator publishes the declaration
//! from the queue, and a reader sees it on the page and finds the practice
//! with the catalogue's "Adottata da altri enti" filter and on the statistics'
//! map of adoptions; a respondent starts
//! the questionnaire from a published practice ("Parti da questa pratica")
//! and finds its design filled in (asked first when a draft is on the
//! device); the two practices link to each other.

use e2e::respondent::{assert_accessible, fill_entity, next_step};
use e2e::{Browser, TestServer, dist_dir, key, link_named};
use fantoccini::Locator;
use fantoccini::key::Key;

/// The first demo practice's reference and title.
async fn first_practice(server: &TestServer) -> (String, String) {
    server
        .db
        .call(|conn| {
            Ok(conn.query_row(
                "SELECT reference, answer ->> '$.title' FROM practices ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_comune_declares_an_adoption_a_curator_publishes_it_and_the_catalogue_finds_it() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let (id, title) = first_practice(&server).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/pratiche/{id}", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//h2[normalize-space(.)=\"L'abbiamo adottata anche noi\"]")).await;
    let open = b.wait_for(Locator::XPath("//summary[normalize-space(.)=\"Dichiara l'adozione\"]")).await;
    open.click().await.unwrap();
    b.press("Invia la dichiarazione").await;
    b.wait_for(Locator::XPath("//p[@class='field-error' and normalize-space(.)='Compila questo campo.']")).await;
    assert_accessible(&b, "the adoption form with errors").await;
    b.choose("Tipo di ente", "Comune").await;
    b.choose("Regione", "Puglia").await;
    // The Comune comes from the ISTAT list, as in the questionnaire: a name
    // typed but not chosen is refused, and choosing it names the body.
    let picker = b.labelled("Comune").await;
    picker.send_keys("lecc").await.unwrap();
    b.press("Invia la dichiarazione").await;
    b.wait_for(Locator::XPath(
        "//p[@class='field-error' and normalize-space(.)=\"Scegli il comune dall'elenco proposto.\"]",
    ))
    .await;
    picker.send_keys("e").await.unwrap();
    b.wait_for(Locator::XPath("//li[@role='option'][normalize-space(.)='Lecce']")).await;
    picker.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for(Locator::XPath("//button[@aria-label='Rimuovi Lecce']")).await;
    let name = b.labelled("Nome dell'ente").await.prop("value").await.unwrap();
    assert_eq!(name.as_deref(), Some("Comune di Lecce"), "the body is named from the list");
    let fixed = "//div[contains(@class,'has-error')][label[normalize-space(.)='Comune' or normalize-space(.)=\"Nome dell'ente\"]]";
    assert!(b.client.find_all(Locator::XPath(fixed)).await.unwrap().is_empty(), "the choice clears their errors");
    // The month as the questionnaire asks it: month and year, from lists.
    let month_error = "//fieldset[contains(@class,'has-error')][legend[normalize-space(.)='Da quando']]";
    assert_eq!(b.client.find_all(Locator::XPath(month_error)).await.unwrap().len(), 1, "asked for");
    b.in_group("Da quando", "Mese").await.send_keys("marzo").await.unwrap();
    b.in_group("Da quando", "Anno").await.send_keys("2021").await.unwrap();
    assert!(b.client.find_all(Locator::XPath(month_error)).await.unwrap().is_empty(), "choosing takes its error back");
    b.labelled("L'abbiamo adattata al nostro territorio").await.send_keys(" ").await.unwrap();
    b.type_into("Che cosa avete cambiato", "Telefonate anche la sera, con i volontari della parrocchia.").await;
    b.type_into("Referente (solo per la redazione)", "Maria Rossi").await;
    b.type_into("E-mail del referente (solo per la redazione)", "m.rossi@comune.lecce.example.it").await;
    b.labelled("Acconsento alla pubblicazione del nome dell'ente, della data e delle modifiche")
        .await
        .send_keys(" ")
        .await
        .unwrap();
    b.screenshots("adoption-form").await;
    b.press("Invia la dichiarazione").await;
    let done = b.wait_for(Locator::Css(".adoption [role='status']")).await.text().await.unwrap();
    assert!(done.starts_with("Grazie: la dichiarazione è arrivata alla redazione"), "{done}");
    assert_accessible(&b, "the adoption form once sent").await;
    assert!(
        b.client.find(Locator::XPath("//h2[normalize-space(.)='Adottata anche da']")).await.is_err(),
        "not public before the editors check it"
    );

    // A curator publishes it from the queue's declarations.
    server.sign_in(&b, "curatrice@example.org", server::auth::Role::Curator).await;
    b.wait_for(Locator::XPath("//h2[normalize-space(.)='Dichiarazioni di adozione']")).await;
    b.wait_for(Locator::XPath("//li[h3[normalize-space(.)='Comune di Lecce, 2021']]")).await;
    assert_accessible(&b, "the queue with a declaration").await;
    b.screenshots("adoption-queue").await;
    b.press("Pubblica: Comune di Lecce, 2021").await;
    b.wait_for(Locator::XPath("//li[h3[normalize-space(.)='Comune di Lecce, 2021']]//button[starts-with(normalize-space(.), 'Ritira dalla pubblicazione')]")).await;

    // A reader sees it on the page, and finds the practice by the facet.
    b.client.goto(&format!("{}/pratiche/{id}", server.base)).await.unwrap();
    let adopted =
        b.wait_for(Locator::XPath("//div[@class='follow-up'][h2[normalize-space(.)='Adottata anche da']]")).await;
    let adopted = adopted.text().await.unwrap();
    assert!(adopted.contains("Comune di Lecce, 2021 (adattata)"), "{adopted}");
    assert!(!b.client.source().await.unwrap().contains("m.rossi@comune.lecce"), "the contact stays private");
    // Dates in sentences read as people write them (the demo was published today).
    let cite = b.wait_for(Locator::XPath("//*[h2[normalize-space(.)='Come citare']]")).await.text().await.unwrap();
    let today = domain::dates::long_date(&time::OffsetDateTime::now_utc().date().to_string(), domain::Lang::It);
    assert!(cite.contains(&format!("pubblicata il {today},")), "{cite}");
    b.screenshots("adopted-practice").await;
    b.client.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    let group = b.wait_for(Locator::XPath("//aside//details/summary[normalize-space(.)='Adozioni']")).await;
    group.click().await.unwrap();
    let xpath = "//aside//label[starts-with(normalize-space(.), 'Adottata da altri enti (')]";
    let label = b.wait_for(Locator::XPath(xpath)).await;
    assert_eq!(label.text().await.unwrap().trim(), "Adottata da altri enti (1)");
    let box_id = label.attr("for").await.unwrap().unwrap();
    b.client.find(Locator::Id(&box_id)).await.unwrap().send_keys(" ").await.unwrap();
    let card =
        b.wait_for(Locator::XPath(&format!("//li[@class='practice-card'][.//a[normalize-space(.)={title:?}]]"))).await;
    assert!(card.text().await.unwrap().contains("1 altro ente"), "the card counts adoptions");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !b.client.current_url().await.unwrap().as_str().contains("adottata=si") {
        assert!(std::time::Instant::now() < deadline, "the filter is in the URL");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let cards = b.client.find_all(Locator::Css("li.practice-card")).await.unwrap();
    assert_eq!(cards.len(), 1, "only the adopted practice");
    b.choose("Ordina per", "Più adottate").await;
    assert_accessible(&b, "the catalogue filtered by adoption").await;

    // The statistics' map shows it where the adopting body is, on request.
    b.client.goto(&format!("{}/statistiche", server.base)).await.unwrap();
    b.wait_for_heading("La raccolta in cifre").await;
    b.tick("Sulla mappa", "Adozioni, nella regione dell'ente che le ha riprese").await;
    let adoption_map = async |b: &Browser| {
        b.wait_for(Locator::XPath(
            "//div[contains(@class,'map-legend')]/p[normalize-space(.)='Adozioni per regione:']",
        ))
        .await;
        let tile = b.client.find(Locator::XPath("//*[name()='svg']//*[name()='title'][starts-with(., 'Puglia:')]"));
        assert_eq!(tile.await.unwrap().prop("textContent").await.unwrap().as_deref(), Some("Puglia: 1"));
        let cell = |region: &str| format!("//table//tr[th[normalize-space(.)='{region}']]/td[2]");
        assert_eq!(b.client.find(Locator::XPath(&cell("Puglia"))).await.unwrap().text().await.unwrap(), "1");
        assert_eq!(b.client.find(Locator::XPath(&cell("Lazio"))).await.unwrap().text().await.unwrap(), "0");
    };
    adoption_map(&b).await;
    let url = b.client.current_url().await.unwrap();
    assert!(url.as_str().ends_with("/statistiche?mappa=adozioni"), "the choice is in the address: {url}");
    assert_accessible(&b, "the statistics' map of adoptions").await;
    b.screenshots("statistics-adoptions").await;
    b.client.goto(url.as_str()).await.unwrap();
    adoption_map(&b).await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_respondent_starts_from_a_published_practice_and_the_two_link_to_each_other() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let (origin, title) = first_practice(&server).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/pratiche/{origin}", server.base)).await.unwrap();
    let start = b.wait_for(Locator::XPath(&link_named("//main", "Parti da questa pratica"))).await;
    start.send_keys(&key(Key::Enter)).await.unwrap();
    b.wait_for_heading("Descrivi una buona pratica").await;
    let notice = b.wait_for(Locator::Css(".derived-notice")).await.text().await.unwrap();
    assert!(notice.starts_with(&format!("Parti dalla pratica {origin}")), "{notice}");
    assert_accessible(&b, "the questionnaire started from a practice").await;
    let begin = b.wait_for(Locator::XPath("//a[normalize-space(.)='Inizia il questionario']")).await;
    begin.send_keys(&key(Key::Enter)).await.unwrap();
    fill_entity(&b).await;
    let entity = b.labelled("Denominazione dell'ente").await.prop("value").await.unwrap();
    assert_eq!(entity.as_deref(), Some("Comune di Lucca"), "the body is the respondent's own");
    next_step(&b, "La pratica").await;
    let prefilled = b.labelled("Titolo della pratica").await.prop("value").await.unwrap();
    assert_eq!(prefilled.as_deref(), Some(title.as_str()), "the design is filled in from the origin");
    b.screenshots("derived-questionnaire").await;
    let stored = b.client.execute("return localStorage.getItem('bp-draft-v1')", vec![]).await.unwrap();
    assert!(stored.as_str().unwrap_or_default().contains(&origin), "the draft remembers its origin: {stored}");

    // Once a practice derived from it is published, each page links to the other.
    let derived = server
        .db
        .call(move |conn| {
            let new = server::db::NewPractice {
                answer: server::demo::practices().remove(1),
                status: domain::record::vocabulary::ModerationStatus::Pubblicata,
                demo: false,
                round: server::db::CONTINUOUS_ROUND.into(),
                derived_from: Some(domain::PracticeId::parse(&origin).unwrap()),
                submission: None,
            };
            match server::db::insert_practice(conn, &new)? {
                server::db::Stored::Created(id) => Ok(id),
                other => panic!("{other:?}"),
            }
        })
        .await
        .unwrap();
    b.client.goto(&format!("{}/pratiche/{derived}", server.base)).await.unwrap();
    let from = b.wait_for(Locator::XPath("//div[@class='follow-up'][h2[normalize-space(.)='Deriva da']]//a")).await;
    assert_eq!(from.text().await.unwrap(), title);
    from.send_keys(&key(Key::Enter)).await.unwrap();
    let back = b.wait_for(Locator::XPath("//div[@class='follow-up'][h2[normalize-space(.)='Ha ispirato']]//a")).await;
    assert_eq!(back.attr("href").await.unwrap().unwrap(), format!("/pratiche/{derived}"));
    assert_accessible(&b, "a practice that inspired another").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

/// "Parti da questa pratica" with a draft on the device asks first: keeping
/// the draft keeps every answer typed; replacing it copies the practice.
#[tokio::test(flavor = "multi_thread")]
async fn a_draft_on_the_device_is_never_dropped_when_starting_from_a_practice() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let (origin, title) = first_practice(&server).await;
    let b = e2e::respondent::start(&server).await;
    b.wait_for_heading("Ente").await;
    b.type_into("Denominazione dell'ente", "Comune di Prato").await;
    b.wait_for(Locator::XPath(
        "//p[@data-testid='draft-status'][starts-with(normalize-space(.), 'Bozza salvata alle')]",
    ))
    .await;
    let start_from_origin = || async {
        b.client.goto(&format!("{}/pratiche/{origin}", server.base)).await.unwrap();
        let start = b.wait_for(Locator::XPath(&link_named("//main", "Parti da questa pratica"))).await;
        start.send_keys(&key(Key::Enter)).await.unwrap();
        b.wait_for_heading("Descrivi una buona pratica").await;
        b.wait_for(Locator::XPath("//h2[normalize-space(.)='Hai già una bozza']")).await;
    };

    // Keep the draft: nothing of the practice is copied, nothing typed is lost.
    start_from_origin().await;
    assert_accessible(&b, "the question about the draft").await;
    b.screenshots("bozza-presente").await;
    b.press("Continua la bozza").await;
    b.wait_for_heading("Ente").await;
    assert!(b.client.find(Locator::XPath("//h2[normalize-space(.)='Hai già una bozza']")).await.is_err());
    let url = b.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("passo=1"), "back at the draft's step; the address forgets the practice");
    let entity = b.labelled("Denominazione dell'ente").await.prop("value").await.unwrap();
    assert_eq!(entity.as_deref(), Some("Comune di Prato"), "the draft is kept");

    // Replace it: the practice's design takes its place.
    start_from_origin().await;
    b.press("Sostituisci la bozza").await;
    let notice = b
        .wait_for(Locator::XPath(
            "//div[contains(@class,'derived-notice')][starts-with(normalize-space(.), 'Parti dalla pratica')]",
        ))
        .await;
    assert!(notice.text().await.unwrap().contains(&origin), "the draft now starts from {origin}");
    let begin = b.wait_for(Locator::XPath("//a[normalize-space(.)='Inizia il questionario']")).await;
    begin.send_keys(&key(Key::Enter)).await.unwrap();
    fill_entity(&b).await;
    next_step(&b, "La pratica").await;
    let prefilled = b.labelled("Titolo della pratica").await.prop("value").await.unwrap();
    assert_eq!(prefilled.as_deref(), Some(title.as_str()), "the design is filled in from the origin");
    b.assert_no_console_errors().await;
    b.close().await;
}
