// SPDX-License-Identifier: EUPL-1.2
//! The import of a spreadsheet of responses, as an administrator meets it:
//! a Google-Forms-style CSV whose Italian headers are not our questions'
//! labels, its columns and values matched on the screen, what the trial
//! reports fixed, the ready rows imported, one of them published by a
//! curator who sees it marked "importata"; and the same file again, which
//! creates nothing.

use domain::questionnaire::QUESTIONNAIRE;
use domain::questionnaire::import::as_form_writes_it;
use domain::record::fields::key;
use e2e::respondent::assert_accessible;
use e2e::{Browser, TestServer};
use fantoccini::Locator;

/// The header another office's form gave our title question.
const TITLE_HEADER: &str = "Nome dell'esperienza";
/// A value of the user areas' column written as no option's label.
const OWN_WORDING: &str = "Persone anziane sole";

/// A Google Forms sheet of `practices`: its timestamp column, our
/// questions under other headers (the title reworded, the rest with the
/// form's " *" of required questions), the first user area in the form's
/// own words, and the third row's start "primavera 2020".
fn google_form_csv(practices: &[domain::Practice]) -> (String, String) {
    let comuni = domain::record::comuni::shipped();
    let label = |k: &str| QUESTIONNAIRE.field(k).unwrap().label.it;
    let (headers, _) = as_form_writes_it(&practices[0], comuni);
    let areas = headers.iter().position(|h| h == label(key::USER_AREAS)).unwrap();
    let start = headers.iter().position(|h| h == label(key::START_DATE)).unwrap();
    let reworded =
        headers.iter().map(|h| if h == label(key::TITLE) { TITLE_HEADER.to_owned() } else { format!("{h} *") });
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(std::iter::once("Informazioni cronologiche".to_owned()).chain(reworded)).unwrap();
    let mut replaced = String::new();
    for (n, practice) in practices.iter().enumerate() {
        let (_, mut cells) = as_form_writes_it(practice, comuni);
        if n == 0 {
            let first = practice.user_areas[0].label(domain::Lang::It).to_owned();
            cells[areas] = cells[areas].replacen(&first, OWN_WORDING, 1);
            replaced = first;
        }
        if n == 2 {
            cells[start] = "primavera 2020".to_owned();
        }
        writer.write_record(std::iter::once(format!("15/05/2020 10.{n:02}.00")).chain(cells)).unwrap();
    }
    (String::from_utf8(writer.into_inner().unwrap()).unwrap(), replaced)
}

/// The select named `name` (its `aria-label`).
async fn select_named(b: &Browser, name: &str) -> fantoccini::elements::Element {
    b.wait_for(Locator::XPath(&format!("//select[@aria-label=\"{name}\"]"))).await
}

/// Uploads `path` on the import page, as the file dialog and the button do.
async fn upload(b: &Browser, path: &std::path::Path) {
    b.labelled("File delle risposte (CSV o XLSX)").await.send_keys(path.to_str().unwrap()).await.unwrap();
    b.press("Carica il file").await;
}

/// The trial's figures once they read `expected`.
async fn trial_reads(b: &Browser, expected: &str) {
    b.wait_for(Locator::XPath(&format!("//p[@data-testid='import-trial'][normalize-space(.)=\"{expected}\"]"))).await;
}

/// The practices that are not the demo's.
async fn sent_by_people(server: &TestServer) -> i64 {
    let count = "SELECT count(*) FROM practices WHERE demo = 0";
    server.db.read(move |conn| Ok(conn.query_row(count, [], |r| r.get(0))?)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_imports_a_google_form_sheet_and_a_curator_publishes_what_it_brought() {
    let server = TestServer::start_with_demo(&e2e::dist_dir()).await;
    let titles = ["Spesa a domicilio dal foglio", "Sportello telefonico dal foglio", "Tablet in prestito dal foglio"];
    let practices: Vec<_> = server::demo::practices()
        .into_iter()
        .zip(titles)
        .map(|(mut practice, title)| {
            practice.title = title.to_owned();
            practice.partners.clear();
            practice
        })
        .collect();
    let (csv, replaced) = google_form_csv(&practices);
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("risposte-modulo-2020.csv");
    std::fs::write(&file, csv).unwrap();

    let b = Browser::start().await;
    server.sign_in(&b, "admin@example.org", server::auth::Role::Admin).await;
    b.open_from_administration("Importa risposte da un foglio").await;

    // Nothing chosen: the control says so.
    b.press("Carica il file").await;
    b.wait_for(Locator::XPath("//p[@id='importa-file-error'][normalize-space(.)='Scegli il file delle risposte.']"))
        .await;
    // A file over 10 MiB: refused before it is sent.
    let huge = files.path().join("enorme.csv");
    std::fs::write(&huge, vec![b'a'; domain::questionnaire::import::MAX_BYTES + 1]).unwrap();
    upload(&b, &huge).await;
    b.wait_for(Locator::XPath("//p[@id='importa-file-error'][contains(., '10240 KiB')]")).await;
    // A file that is no sheet: refused in words, nothing read.
    let picture = files.path().join("foto.png");
    std::fs::write(&picture, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    upload(&b, &picture).await;
    b.wait_for(Locator::XPath("//div[@role='alert'][contains(., 'Il file non è un CSV di testo')]")).await;
    assert!(b.client.find(Locator::XPath("//h2[normalize-space(.)='Colonne del file']")).await.is_err());
    b.expect_console_errors("422").await;
    upload(&b, &file).await;
    let columns = as_form_writes_it(&practices[0], domain::record::comuni::shipped()).0.len() + 1;
    let read = format!("File «risposte-modulo-2020.csv» letto: 3 righe, {columns} colonne.");
    b.wait_for(Locator::XPath(&format!("//div[@role='status'][normalize-space(.)=\"{read}\"]"))).await;
    // The title's column matched no question: the trial finds no title.
    let title = select_named(&b, &format!("Domanda per la colonna «{TITLE_HEADER}»")).await;
    assert_eq!(title.prop("value").await.unwrap().as_deref(), Some(""), "not imported, as proposed");
    trial_reads(&b, "0 righe pronte da importare, 3 con problemi, 0 già importate.").await;
    let problems = b.wait_for(Locator::Css("ul.import-problems")).await.text().await.unwrap();
    assert!(problems.contains(&format!("«{OWN_WORDING}» non corrisponde a nessuna opzione scelta")), "{problems}");
    assert!(problems.contains("«primavera 2020» non è un mese"), "{problems}");
    assert_accessible(&b, "the import's first trial").await;

    // The admin matches the column and the value on the screen.
    title.select_by_label("Titolo della pratica").await.unwrap();
    b.wait_for(Locator::XPath("//div[@role='note'][contains(., \"L'abbinamento è cambiato\")]")).await;
    let import_button = b.wait_for(Locator::XPath("//button[starts-with(normalize-space(.), 'Importa ')]")).await;
    assert!(!import_button.is_enabled().await.unwrap(), "no import before trying the new matching");
    let value = select_named(&b, &format!("Opzione per «{OWN_WORDING}» (Aree di utenza)")).await;
    value.select_by_label(&replaced).await.unwrap();
    b.press("Prova l'importazione").await;
    trial_reads(&b, "2 righe pronte da importare, 1 con problemi, 0 già importate.").await;
    let problems = b.wait_for(Locator::Css("ul.import-problems")).await.text().await.unwrap();
    assert!(!problems.contains(OWN_WORDING), "{problems}");
    assert!(problems.contains("riga 4") && problems.contains("«primavera 2020» non è un mese"), "{problems}");
    b.screenshots("import-trial").await;
    // A reload (as after signing in again) keeps the work on this tab: the
    // file read, its matching, the trial.
    b.client.refresh().await.unwrap();
    b.wait_for_heading("Importa risposte da un foglio").await;
    trial_reads(&b, "2 righe pronte da importare, 1 con problemi, 0 già importate.").await;
    let title = select_named(&b, &format!("Domanda per la colonna «{TITLE_HEADER}»")).await;
    assert_eq!(title.prop("value").await.unwrap().as_deref(), Some(key::TITLE), "the matching chosen is kept");

    b.press("Importa 2 righe").await;
    b.wait_for(Locator::XPath(
        "//div[@role='status'][contains(., 'Importazione fatta: 2 pratiche nella coda della redazione, 0 già \
         importate, 1 lasciate fuori.')]",
    ))
    .await;
    assert_accessible(&b, "the import done").await;
    b.assert_no_console_errors().await;

    // A curator finds the imported practice marked, and publishes it.
    let curator = Browser::start().await;
    server.sign_in(&curator, "curatrice@example.org", server::auth::Role::Curator).await;
    curator.type_into("Cerca per riferimento, titolo o ente", "dal foglio").await;
    curator.press("Cerca").await;
    // The queue marks it (the row found by its badge, and its link found
    // afresh: the search redraws the table, and a row found before is gone).
    let marked =
        "//table//tr[td[normalize-space(.)='Spesa a domicilio dal foglio']][.//span[normalize-space(.)='importata']]";
    curator.wait_for(Locator::XPath(marked)).await;
    assert!(curator.client.find(Locator::XPath("//td[contains(., 'Tablet in prestito')]")).await.is_err());
    curator.press_found(&format!("{marked}//a")).await;
    curator.wait_for_heading("Spesa a domicilio dal foglio").await;
    let from = curator.wait_for(Locator::Css("[data-testid='imported-from']")).await.text().await.unwrap();
    assert_eq!(
        from,
        "importata Importata dal file «risposte-modulo-2020.csv», riga 2 (inviata il 15/05/2020 10.00.00)."
    );
    // The mapping used: each column of the file and the question it filled.
    let used = curator
        .wait_for(Locator::XPath(
            "//details[summary[normalize-space(.)='Le colonne del file e le domande che hanno riempito']]",
        ))
        .await;
    used.find(Locator::Css("summary")).await.unwrap().click().await.unwrap();
    let pairs = used.text().await.unwrap();
    assert!(pairs.contains("Informazioni cronologiche\nData di invio"), "{pairs}");
    assert!(pairs.contains(&format!("{TITLE_HEADER}\nTitolo della pratica")), "{pairs}");
    curator.press("Prendi in revisione").await;
    curator.press("Pubblica").await;
    curator.press("Conferma: Pubblica").await;
    curator.wait_for(Locator::XPath("//p[@data-testid='review-state'][contains(., 'Pubblicata')]")).await;
    curator.assert_no_console_errors().await;
    curator.close().await;

    b.client.refresh().await.unwrap();
    b.wait_for_heading("Importa risposte da un foglio").await;
    assert!(b.client.find(Locator::XPath("//h2[normalize-space(.)='Colonne del file']")).await.is_err(), "imported");

    // The same file again: the saved matching, and nothing new to import.
    upload(&b, &file).await;
    b.wait_for(Locator::XPath("//p[starts-with(normalize-space(.), \"Abbinamento salvato dall'ultimo file\")]")).await;
    trial_reads(&b, "0 righe pronte da importare, 1 con problemi, 2 già importate.").await;
    let import_button = b.wait_for(Locator::XPath("//button[normalize-space(.)='Importa 0 righe']")).await;
    assert!(!import_button.is_enabled().await.unwrap(), "nothing to import");
    assert_eq!(sent_by_people(&server).await, 2, "two practices imported, once");
    b.screenshots("import-again").await;

    // The row with problems comes in as a draft for the editors.
    b.labelled("Importa come bozze anche 1 riga con problemi: la redazione completerà ciò che manca (le celle restano come le ha scritte il file)").await.click().await.unwrap();
    b.press("Importa 1 riga").await;
    b.wait_for(Locator::XPath(
        "//div[@role='status'][contains(., '0 pratiche nella coda della redazione, 1 bozza da completare, 2 già importate, 0 lasciate fuori.')]",
    ))
    .await;
    b.assert_no_console_errors().await;
    b.close().await;

    // A curator completes it with the questionnaire's steps.
    let curator = Browser::start().await;
    server.sign_in(&curator, "redattore@example.org", server::auth::Role::Curator).await;
    // The queue says there is a row to complete, and leads to it.
    curator.press_found("//a[normalize-space(.)='1 riga importata da completare']").await;
    curator.wait_for_heading("Righe importate da completare").await;
    let draft = "//li[.//strong[normalize-space(.)='Tablet in prestito dal foglio']]";
    let found = curator.wait_for(Locator::XPath(draft)).await.text().await.unwrap();
    assert!(found.contains("riga 4") && found.contains("«primavera 2020» non è un mese"), "{found}");
    assert_accessible(&curator, "the drafts to complete").await;
    curator.screenshots("import-drafts").await;
    curator.press_found(&format!("{draft}//a[normalize-space(.)='Completa la bozza']")).await;
    curator.wait_for_heading("Completa la bozza").await;
    let row = curator.wait_for(Locator::Css("dl.columns-used")).await.text().await.unwrap();
    assert!(row.contains("primavera 2020"), "the row as the file wrote it: {row}");
    assert_accessible(&curator, "a draft to complete").await;
    curator.screenshots("import-draft").await;
    curator.press_found("//main//a[normalize-space(.)='Inizia a completarla']").await;
    curator.wait_for_heading("Ente").await;
    e2e::respondent::advance(&curator, "Ente", "La pratica").await;
    curator.in_group("Data di avvio", "Mese").await.send_keys("aprile").await.unwrap();
    curator.in_group("Data di avvio", "Anno").await.send_keys("2020").await.unwrap();
    e2e::respondent::advance(&curator, "La pratica", "Controlla le risposte").await;
    curator.press("Salva la pratica completata").await;
    curator.wait_for_heading("Tablet in prestito dal foglio").await;
    let from = curator.wait_for(Locator::Css("[data-testid='imported-from']")).await.text().await.unwrap();
    assert!(from.contains("riga 4"), "{from}");
    assert_eq!(sent_by_people(&server).await, 3, "the completed draft is a submission");
    curator.assert_no_console_errors().await;
    curator.close().await;
}
