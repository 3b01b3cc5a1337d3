// SPDX-License-Identifier: EUPL-1.2
//! End-to-end: the paths a new respondent, visitor, partner and curator take
//! with only the screen to go on (issue 11). Every test finds controls by
//! their visible label or role, clicks, ticks and presses keys as a person
//! does, and reads the screen; `Browser::close` fails it on any console error.

use e2e::{Browser, Received, TestServer, dist_dir, serve_static};
use fantoccini::Locator;

/// The open-data page's links, and a piece of what each file must hold.
const OPEN_DATA_LINKS: [(&str, &str); 5] = [
    ("Tutte le pratiche pubblicate (CSV, UTF-8)", "title"),
    ("Tutte le pratiche pubblicate (JSON)", "\"title\""),
    ("Dizionario dei dati (JSON)", "\"key\""),
    ("Metadati DCAT-AP_IT (Turtle)", "dcat"),
    ("Nuove pratiche e aggiornamenti (feed Atom)", "Buone pratiche"),
];

/// The catalogue's download links and a piece of what each must hold.
const CATALOGUE_LINKS: [(&str, &str); 3] =
    [("CSV", "title"), ("JSON", "\"title\""), ("dizionario dei dati", "\"key\"")];

fn assert_file(link: &str, got: &Received, expected: &str, download: bool) {
    assert!(!got.text.contains("Pagina non trovata"), "{link:?} showed the app's not-found page");
    assert!(got.text.contains(expected), "{link:?}: the file holds {expected:?}; got {:.300}", got.text);
    if download {
        assert!(got.downloaded, "{link:?} is offered as a download");
    }
}

/// Clicks every file link of the open-data page and of the catalogue at `base`.
async fn follow_every_file_link(b: &Browser, base: &str) {
    for (link, expected) in OPEN_DATA_LINKS {
        b.client.goto(&format!("{base}/dati-aperti")).await.unwrap();
        b.wait_for_heading("Dati aperti e licenza").await;
        let got = b.follow_file_link(link).await;
        assert_file(link, &got, expected, link.contains("pratiche pubblicate"));
    }
    for (link, expected) in CATALOGUE_LINKS {
        b.client.goto(&format!("{base}/catalogo")).await.unwrap();
        b.wait_for(Locator::XPath("//article")).await;
        let got = b.follow_file_link(link).await;
        assert_file(link, &got, expected, link != "dizionario dei dati");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn open_data_links_deliver_their_files_from_the_server() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    follow_every_file_link(&b, &server.base).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn open_data_links_deliver_their_files_from_the_static_publication() {
    let dist = dist_dir();
    let server = TestServer::start_with_demo(&dist).await;
    let site = tempfile::tempdir().unwrap();
    let source = server::publish::Source {
        db: &server.db,
        dist: &dist,
        public_url: "http://127.0.0.1",
        questionnaire_url: None,
        operator: &Default::default(),
        logo: None,
    };
    server::publish::write_site(&source, site.path()).await.unwrap();
    let base = serve_static(site.path()).await;
    let b = Browser::start().await;
    follow_every_file_link(&b, &base).await;
    b.close().await;
}

/// The text of the first element an XPath finds, once it is there.
async fn text_of(b: &Browser, xpath: &str) -> String {
    b.wait_for(Locator::XPath(xpath)).await.text().await.unwrap()
}

/// The texts of every element an XPath finds, in order.
async fn texts_of(b: &Browser, xpath: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for element in b.client.find_all(Locator::XPath(xpath)).await.unwrap() {
        texts.push(element.text().await.unwrap());
    }
    texts
}

/// Presses a key on whatever has focus, as the keyboard does.
async fn press_key(b: &Browser, key: fantoccini::key::Key) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let key = char::from(key);
    let press =
        KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    b.client.perform_actions(press).await.unwrap();
}

/// What has focus, as tag#id.
async fn focused(b: &Browser) -> String {
    let script = "const a = document.activeElement; return a.tagName.toLowerCase() + '#' + a.id + ' ' + a.textContent.trim().slice(0, 60)";
    b.client.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_skip_link_stays_on_the_page_and_focus_follows_navigation() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/statistiche", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//main//h1")).await;
    // The keyboard user's first Tab reaches the skip link; Enter follows it.
    press_key(&b, fantoccini::key::Key::Tab).await;
    assert!(focused(&b).await.contains("Vai al contenuto principale"), "first Tab: {}", focused(&b).await);
    let skip = b.wait_for(Locator::XPath("//a[normalize-space(.)='Vai al contenuto principale']")).await;
    skip.send_keys(&e2e::key(fantoccini::key::Key::Enter)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let url = b.client.current_url().await.unwrap();
    assert_eq!(url.path(), "/statistiche", "the skip link stays on the page");
    assert!(focused(&b).await.starts_with("main#contenuto"), "focus is on the main content: {}", focused(&b).await);
    assert!(b.client.find_all(Locator::XPath("//main//h1")).await.unwrap().len() == 1);

    // After a client-side navigation focus moves to the new page's heading.
    let nav = "//nav[@aria-label='Navigazione principale']";
    b.client.find(Locator::XPath(&e2e::link_named(nav, "Catalogo"))).await.unwrap().click().await.unwrap();
    b.wait_for_heading("Catalogo delle pratiche").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(focused(&b).await.starts_with("h1#"), "focus on the new page's heading: {}", focused(&b).await);
    assert!(focused(&b).await.contains("Catalogo delle pratiche"));
    b.close().await;
}

/// The partner's page: one iframe with a preset filter (Puglia).
fn partner_page(main: &str) -> String {
    format!(
        r#"<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Sito della Regione</title><link rel="icon" href="data:,"></head><body>
<h1>Le buone pratiche della Puglia</h1>
<iframe id="embedded" data-buone-pratiche src="{main}/embed/catalogo?regione=16" title="Buone pratiche della Puglia" style="width:100%;height:900px;border:0"></iframe>
<script src="{main}/embed.js"></script>
</body></html>"#
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn inside_an_embed_every_navigation_stays_in_the_frame_and_keeps_the_partners_filter() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let page = partner_page(&server.base);
    let partner = e2e::serve_partner_page(page).await;

    let b = Browser::start().await;
    b.client.goto(&partner).await.unwrap();
    b.wait_for_drawn(Locator::Id("embedded")).await.enter_frame().await.unwrap();
    let count = "//p[@data-testid='result-count']";
    b.wait_for(Locator::XPath(&format!("{count}[normalize-space(.)='3 pratiche trovate']"))).await;
    // The partner's filter is fixed: its chip has no remove button, its box cannot be unticked.
    b.wait_for(Locator::XPath(
        "//ul[contains(@class,'active-filters')]/li[normalize-space(.)='Regione: Puglia (fisso)']",
    ))
    .await;
    assert!(
        b.client.find_all(Locator::XPath("//button[@aria-label='Rimuovi il filtro Puglia']")).await.unwrap().is_empty()
    );
    let puglia = b.labelled("Puglia (3)").await;
    assert_eq!(puglia.attr("disabled").await.unwrap().as_deref(), Some("true"));

    // The reader ticks a facet, then clears every filter of their own.
    let facet = "//details[contains(@class,'facet')][@open][not(.//input[@disabled])]//div[contains(@class,'form-check')]/label";
    b.wait_for(Locator::XPath(facet)).await.click().await.unwrap();
    b.wait_for(Locator::XPath("//a[normalize-space(.)='Cancella tutti i filtri']")).await.click().await.unwrap();
    b.wait_for(Locator::XPath(&format!("{count}[normalize-space(.)='3 pratiche trovate']"))).await;
    let url = b.client.execute("return location.pathname + location.search", vec![]).await.unwrap();
    assert_eq!(url.as_str(), Some("/embed/catalogo?regione=16"), "still the embed, with the partner's filter");
    assert!(b.client.find_all(Locator::Css("header, footer")).await.unwrap().is_empty(), "no site chrome in the frame");

    // A reload of the frame keeps the preset, and the frame is still allowed.
    b.labelled("Cerca nelle pratiche").await.send_keys("telefon").await.unwrap();
    b.client.execute("location.reload()", vec![]).await.unwrap();
    b.wait_for(Locator::XPath(&format!("{count}[contains(., 'trovat')]"))).await;
    b.wait_for(Locator::XPath(
        "//ul[contains(@class,'active-filters')]/li[normalize-space(.)='Regione: Puglia (fisso)']",
    ))
    .await;
    b.client.enter_parent_frame().await.unwrap();
    b.screenshots("embed-in-una-pagina-partner").await;
    b.close().await;
}

/// The stepper entries marked "(completato)" for screen readers.
const COMPLETED: &str =
    "//nav[contains(@class,'steppers')]//span[@class='visually-hidden'][normalize-space(.)='(completato)']";

#[tokio::test(flavor = "multi_thread")]
async fn a_click_right_after_fixing_a_field_is_not_lost_and_the_title_names_the_step() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = e2e::respondent::start(&server).await;
    // A window tall enough that "Avanti" shows without scrolling, as on a
    // large screen: the browser's scroll anchoring cannot then hide a shift.
    b.client.set_window_size(1280, 3000).await.unwrap();
    b.wait_for_heading("Ente").await;
    let first_title = b.client.title().await.unwrap();

    // A wrong e-mail, left with Tab: the error shows under its label.
    let email = b.labelled("E-mail del referente").await;
    email.send_keys("m.rossi@").await.unwrap();
    press_key(&b, fantoccini::key::Key::Tab).await;
    b.wait_for(Locator::XPath("//p[contains(@class,'field-error')]")).await;
    // Fixed, then "Avanti" clicked at once with the pointer: leaving the field
    // must not move the button away before the click lands. The click checks
    // the step, which still misses other answers: the error summary shows.
    email.send_keys("comune.lucca.it").await.unwrap();
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Avanti']")).await.click().await.unwrap();
    b.wait_for(Locator::XPath("//div[contains(@class,'error-summary')][not(@hidden)]")).await;
    let summary = text_of(&b, "//div[contains(@class,'error-summary')]").await;
    assert!(!summary.contains("E-mail del referente"), "the fixed e-mail is accepted: {summary}");
    assert!(first_title.starts_with("Passo 1 di 6: Ente · Questionario"), "the title names the step: {first_title}");
    let title = b.client.title().await.unwrap();
    assert!(title.starts_with("Errore: Passo 1 di 6"), "the title says there is an error: {title}");
    b.screenshots("questionario-passo-1-errori").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn opening_the_review_with_an_empty_draft_marks_no_step_completed() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    for page in ["6", "riepilogo"] {
        b.client.goto(&format!("{}/questionario?passo={page}", server.base)).await.unwrap();
        b.wait_for(Locator::XPath("//nav[contains(@class,'steppers')]")).await;
        assert!(
            b.client.find_all(Locator::XPath(COMPLETED)).await.unwrap().is_empty(),
            "?passo={page}: nothing is completed"
        );
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_review_names_the_comuni_and_a_change_returns_to_it() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = e2e::respondent::start(&server).await;
    e2e::respondent::fill_everything(&b).await;
    let row = "//div[contains(@class,'summary-row')][dt[normalize-space(.)='Comune o comuni interessati']]/dd";
    b.wait_for(Locator::XPath(&format!("{row}[normalize-space(.)='Lucca (LU)']"))).await;
    assert_eq!(b.client.find_all(Locator::XPath(COMPLETED)).await.unwrap().len(), 6, "six steps pass their checks");
    b.screenshots("questionario-riepilogo").await;

    // "Modifica" a section, then "Salva e torna al riepilogo": back at the review at once.
    b.wait_for(Locator::XPath("//a[starts-with(normalize-space(.), 'Modifica') and contains(., 'Classificazione')]"))
        .await
        .click()
        .await
        .unwrap();
    b.wait_for_heading("Classificazione").await;
    b.press("Salva e torna al riepilogo").await;
    b.wait_for_heading("Controlla le risposte").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_submission_logs_no_error_and_the_private_link_shows_where_it_stands() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = e2e::respondent::start(&server).await;
    e2e::respondent::fill_everything(&b).await;
    b.press("Invia la pratica").await;
    b.wait_for(Locator::XPath("//h1[normalize-space(.)='Pratica inviata']")).await;
    // A late save of the sent draft used to panic here, a moment after the receipt.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    b.assert_no_console_errors().await;

    let reference = text_of(&b, "//*[@data-testid='reference']").await;
    assert!(text_of(&b, "//main").await.contains("il suo messaggio comparirà anche aprendo il tuo link privato"));
    let link = text_of(&b, "//*[@data-testid='private-link']").await;
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Copia il link']")).await.click().await.unwrap();
    let copied = text_of(&b, "//*[contains(@class,'copy-status')][normalize-space(.)!='']").await;
    assert!(copied.starts_with("Link copiato") || copied.starts_with("Copia non riuscita"), "{copied}");
    let download = b.wait_for(Locator::XPath("//a[normalize-space(.)='Scarica la ricevuta']")).await;
    let href = download.attr("href").await.unwrap().unwrap_or_default();
    assert!(href.starts_with("data:text/plain") && href.contains(&reference), "the receipt file holds the reference");
    b.screenshots("questionario-ricevuta").await;

    // The private link shows where the practice stands.
    b.client.goto(&link).await.unwrap();
    let state = text_of(&b, "//*[@data-testid='submission-status']").await;
    assert!(state.contains(&format!("Stato della pratica {reference}: Inviata")), "{state}");
    assert!(state.contains("La redazione l'ha ricevuta"), "{state}");
    b.screenshots("link-privato-stato").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_catalogue_shows_search_and_results_first_and_the_filters_behind_one_button() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.set_window_size(375, 812).await.unwrap();
    b.client.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    let all = format!("{} pratiche trovate", server::demo::practices().len());
    b.wait_for(Locator::XPath(&format!("//p[@data-testid='result-count'][normalize-space(.)='{all}']"))).await;
    let (_, search_top, _, _) = b.labelled("Cerca nelle pratiche").await.rectangle().await.unwrap();
    let (_, result_top, _, _) = b.wait_for(Locator::Css("article")).await.rectangle().await.unwrap();
    assert!(search_top < 400.0, "the search box is near the top: {search_top} px");
    assert!(result_top < 812.0, "the first result is on the first screen: {result_top} px");
    let toscana = b.labelled("Toscana (3)").await;
    assert!(!toscana.is_displayed().await.unwrap(), "the filters wait behind the button");

    // "Filtra" opens them, a tick filters, "Mostra ..." closes them again.
    b.press("Filtra").await;
    assert!(focused(&b).await.contains("Filtra"), "focus moves into the filters: {}", focused(&b).await);
    b.wait_for(Locator::XPath("//label[normalize-space(.)='Toscana (3)']")).await.click().await.unwrap();
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Mostra 3 pratiche trovate']")).await.click().await.unwrap();
    b.wait_for(Locator::XPath("//button[normalize-space(.)='Filtra (1)']")).await;
    assert!(focused(&b).await.starts_with("button#"), "focus is back on the button: {}", focused(&b).await);
    assert!(!b.labelled("Toscana (3)").await.is_displayed().await.unwrap());
    b.wait_for(Locator::XPath("//p[@data-testid='result-count'][normalize-space(.)='3 pratiche trovate']")).await;
    b.screenshots("catalogo").await;

    // A practice page, at both widths.
    b.wait_for(Locator::Css("article h2 a")).await.click().await.unwrap();
    b.wait_for(Locator::Css("[data-testid='reference']")).await;
    b.screenshots("pratica").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_english_interface_is_complete_and_marks_italian_content() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//main//h1")).await;
    b.press("EN English").await;
    b.wait_for_heading("Good practices of local social services").await;
    b.wait_for(Locator::XPath("//a[normalize-space(.)='Browse the catalogue']")).await;
    let footer = text_of(&b, "//footer").await;
    assert!(footer.contains("Published content is released under"), "{footer}");

    b.wait_for(Locator::XPath("//a[normalize-space(.)='Browse the catalogue']")).await.click().await.unwrap();
    b.wait_for_heading("Catalogue of practices").await;
    assert_eq!(b.client.title().await.unwrap(), "Catalogue · Buone pratiche");
    b.wait_for(Locator::XPath("//article//dt[normalize-space(.)='Type']")).await;
    b.wait_for(Locator::XPath("//article//dt[normalize-space(.)='Reference']")).await;
    let title_lang = b.wait_for(Locator::Css("article h2")).await.attr("lang").await.unwrap();
    assert_eq!(title_lang.as_deref(), Some("it"), "Italian content in the English interface says so");
    // Facet values in the order English reads them.
    let names = texts_of(&b, "//details[summary[normalize-space(.)='Region']]//label").await;
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted, "regions sorted in English");

    b.client.goto(&format!("{}/dati-aperti", server.base)).await.unwrap();
    b.wait_for_heading("Open data and licence").await;
    assert_eq!(b.client.title().await.unwrap(), "Open data · Buone pratiche");
    b.wait_for(Locator::XPath("//a[normalize-space(.)='Every published practice (CSV, UTF-8)']")).await;
    b.client.goto(&format!("{}/privacy", server.base)).await.unwrap();
    b.wait_for_heading("Privacy notice").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn statistics_have_a_map_legend_rounded_shares_and_bars_on_a_phone() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.set_window_size(375, 812).await.unwrap();
    b.client.goto(&format!("{}/statistiche", server.base)).await.unwrap();
    b.wait_for_heading("La raccolta in cifre").await;
    let legend = text_of(&b, "//div[contains(@class,'map-legend')]").await;
    assert!(legend.starts_with("Pratiche per regione:"), "the map has a legend: {legend}");
    let tracks = b.client.find_all(Locator::Css(".bar-track")).await.unwrap();
    assert!(!tracks.is_empty());
    for track in tracks {
        let (_, _, width, _) = track.rectangle().await.unwrap();
        assert!(width > 100.0, "every bar has room on a phone: {width} px");
    }
    b.screenshots("statistiche").await;
    // Shares are rounded to the nearest per cent, checked where it matters:
    // Toscana's 3 practices, where 2 of 3 is 67%, not 66%.
    b.client.goto(&format!("{}/statistiche?regione=09", server.base)).await.unwrap();
    b.wait_for(Locator::XPath("//p[contains(., '3 pratiche considerate')]")).await;
    let values = texts_of(&b, "//span[contains(@class,'bar-value')]").await;
    let total = 3;
    let mut rounded_up = 0;
    for value in &values {
        let (count, share) = value.trim_end_matches("%)").split_once(" (").unwrap();
        let (count, share): (usize, usize) = (count.parse().unwrap(), share.parse().unwrap());
        assert_eq!(share, (count * 100 + total / 2) / total, "{value}");
        rounded_up += usize::from(share > count * 100 / total);
    }
    assert!(rounded_up > 0, "some share rounds up, so the check means something: {values:?}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_comune_typed_but_not_chosen_is_not_silently_dropped() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = e2e::respondent::start(&server).await;
    b.wait_for_heading("Ente").await;
    b.choose("Regione o Provincia autonoma", "Toscana").await;
    let picker = b.labelled("Comune o comuni interessati").await;
    picker.send_keys("lucc").await.unwrap();
    b.wait_for(Locator::XPath("//p[contains(@class,'picker-status')][contains(., 'comuni trovati')]")).await;
    b.press("Avanti").await;
    let summary = text_of(&b, "//div[contains(@class,'error-summary')][not(@hidden)]").await;
    assert!(summary.contains("Scegli il comune dall'elenco proposto."), "{summary}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_title_is_never_cut_silently_and_its_limit_is_stated() {
    use e2e::respondent::{fill_entity, next_step, start};
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = start(&server).await;
    fill_entity(&b).await;
    next_step(&b, "La pratica").await;
    let hint = text_of(&b, "//label[normalize-space(.)='Titolo della pratica']/following-sibling::p[1]").await;
    assert!(hint.contains("al massimo 120 caratteri"), "the hint states the real limit: {hint}");
    let long =
        "Telefonate settimanali agli anziani soli del centro storico e delle frazioni, con volontari e operatori"
            .repeat(2);
    b.type_into("Titolo della pratica", &long).await;
    let kept = b.labelled("Titolo della pratica").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept, long, "nothing is cut");
    // The title counts its characters as the paragraphs do, and says by how much it is over.
    let count = text_of(&b, "//p[@id='conteggio-title']").await;
    assert_eq!(count, "Hai 86 caratteri di troppo (massimo 120).");
    let described =
        b.labelled("Titolo della pratica").await.attr("aria-describedby").await.unwrap().unwrap_or_default();
    assert!(described.contains("conteggio-title"), "the field names its count: {described}");
    b.press("Avanti").await;
    let summary = text_of(&b, "//div[contains(@class,'error-summary')][not(@hidden)]").await;
    assert!(summary.contains("Accorcia il testo di 86 caratteri: al massimo 120."), "by how much: {summary}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_catalogue_view_shows_no_empty_filters_nor_downloads_and_the_builder_copies_its_code() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    b.labelled("Cerca nelle pratiche").await.send_keys("zzqqxx").await.unwrap();
    b.wait_for(Locator::XPath("//p[@data-testid='result-count'][normalize-space(.)='Nessuna pratica trovata.']")).await;
    assert!(b.client.find_all(Locator::Css("details.facet")).await.unwrap().is_empty(), "no empty facet boxes");
    assert!(b.client.find_all(Locator::Css("p.downloads")).await.unwrap().is_empty(), "no download of nothing");

    b.client.goto(&format!("{}/incorpora?regione=16", server.base)).await.unwrap();
    b.wait_for_heading("Incorpora il catalogo nel tuo sito").await;
    b.wait_for(Locator::XPath("//ul[contains(@class,'fixed-filters')]/li[normalize-space(.)='Regione: Puglia']")).await;
    b.press("Copia il codice").await;
    let copied = text_of(&b, "//*[contains(@class,'copy-status')][normalize-space(.)!='']").await;
    assert!(copied == "Codice copiato." || copied.starts_with("Copia non riuscita"), "{copied}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_consent_reads_as_one_block_error_above_hint_under_its_label() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.set_window_size(375, 812).await.unwrap();
    b.client.goto(&format!("{}/questionario?passo=6", server.base)).await.unwrap();
    b.wait_for_heading("Materiali e consenso").await;
    let hint = text_of(&b, "//p[contains(@class,'form-hint')][contains(., 'uno per riga')]").await;
    assert!(hint.contains("https:// o http://"), "the hint names what the rule takes: {hint}");
    b.press("Avanti").await;
    // The summary names each box: three different lines, none repeated.
    let summary = text_of(&b, "//div[contains(@class,'error-summary')][not(@hidden)]").await;
    for label in [
        "Ho letto l'informativa sul trattamento dei dati personali",
        "Acconsento alla pubblicazione dei contenuti pubblici con licenza CC BY 4.0",
        "Il testo non contiene dati personali dei beneficiari",
    ] {
        assert!(summary.contains(&format!("Spunta «{label}» per inviare la pratica.")), "{summary}");
    }
    let block =
        "//div[contains(@class,'consent')][.//label[starts-with(normalize-space(.), 'Acconsento alla pubblicazione')]]";
    let part = |inner: &str| format!("{block}{inner}");
    let rect = |xpath: String| {
        let b = &b;
        async move { b.wait_for(Locator::XPath(&xpath)).await.rectangle().await.unwrap() }
    };
    let (error_x, error_y, _, _) = rect(part("//p[contains(@class,'field-error')]")).await;
    let (_, box_y, _, _) = rect(part("//input[@type='checkbox']")).await;
    let (label_x, label_y, label_width, _) = rect(part("//label")).await;
    let (hint_x, hint_y, _, _) = rect(part("//p[contains(@class,'form-hint')]")).await;
    assert!(error_y < box_y, "the error is above the box ({error_y} < {box_y})");
    assert!(hint_y > label_y, "the hint is under the label ({hint_y} > {label_y})");
    assert!(
        (hint_x - label_x).abs() < 4.0 && (error_x - label_x).abs() < 4.0,
        "aligned with the label: error {error_x}, label {label_x}, hint {hint_x}"
    );
    assert!(label_width > 200.0, "the label is not squeezed on a phone: {label_width} px");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_practice_page_reads_as_a_public_page() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    let link = b.wait_for(Locator::Css("article h2 a")).await;
    let title = link.text().await.unwrap();
    link.click().await.unwrap();
    b.wait_for(Locator::Css("[data-testid='reference']")).await;
    b.wait_for(Locator::XPath("//section[contains(@class,'summary-section')]")).await;
    let same_as_title = format!("//main//*[not(*)][normalize-space(.)={title:?}]");
    assert_eq!(b.client.find_all(Locator::XPath(&same_as_title)).await.unwrap().len(), 1, "the title once");
    let summary = text_of(&b, "//main//p[contains(@class,'lead')]").await;
    let repeated = format!("//main//dd[normalize-space(.)={summary:?}]");
    assert!(b.client.find_all(Locator::XPath(&repeated)).await.unwrap().is_empty(), "the summary once, first");
    assert!(!text_of(&b, "//main").await.contains("Non indicato"), "no empty rows");
    let sections = b.client.find_all(Locator::Css("section.summary-section")).await.unwrap();
    let (_, last_y, _, _) = sections.last().unwrap().rectangle().await.unwrap();
    let (_, cite_y, _, _) =
        b.wait_for(Locator::XPath("//h2[normalize-space(.)='Come citare']")).await.rectangle().await.unwrap();
    assert!(cite_y > last_y, "\"Come citare\" after the content");
    b.close().await;
}
