// SPDX-License-Identifier: EUPL-1.2
//! End-to-end tests of "Chi ha partecipato" (`/statistiche/partecipazione`)
//! over the demo practices (all in the first round) and one practice of the
//! continuous collection: reached from the statistics page by its link, read
//! row by row, changed by its round selector, whose choice is in the URL, and
//! its CSV; the same page from the static publication.

use domain::record::vocabulary::ModerationStatus;
use e2e::{Browser, TestServer, dist_dir};
use fantoccini::Locator;

/// A practice of Roma (ISTAT 058091) sent as `body`, published in the
/// continuous collection.
async fn add_roma(db: &server::db::Db, body: &str) {
    let answer = domain::Practice {
        entity_name: body.into(),
        region_code: domain::record::geo::Region::Lazio,
        comune_codes: domain::record::geo::ComuneCode::parse("058091").into_iter().collect(),
        ..server::demo::practices().remove(0)
    };
    db.call(move |conn| {
        let new = server::db::NewPractice {
            answer,
            status: ModerationStatus::Pubblicata,
            demo: false,
            round: server::db::CONTINUOUS_ROUND.into(),
            derived_from: None,
            submission: None,
        };
        server::db::insert_practice(conn, &new)
    })
    .await
    .unwrap();
}

/// The cells of the table's row for `region`, as the page shows them, read
/// at one instant (cell by cell, a redrawing table could replace a cell
/// between finding and reading it).
async fn row(b: &Browser, region: &str) -> Vec<String> {
    let script = "const region = arguments[0];
        const row = [...document.querySelectorAll('table tr')].find(tr => {
            const th = tr.querySelector(\"th[scope='row']\");
            return th && th.textContent.replace(/\\s+/g, ' ').trim() === region;
        });
        return row ? [...row.querySelectorAll('td')].map(td => td.innerText.trim()) : [];";
    let cells = b.client.execute(script, vec![serde_json::json!(region)]).await.unwrap();
    serde_json::from_value(cells).unwrap()
}

/// Waits until the row for `region` reads `expected`; says what it read instead.
async fn wait_for_row(b: &Browser, region: &str, expected: [&str; 7]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let now = row(b, region).await;
        if now == expected {
            return;
        }
        let url = b.client.current_url().await.unwrap();
        assert!(
            std::time::Instant::now() < deadline,
            "{region}: expected {expected:?}, the page says {now:?} at {url}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn assert_accessible(b: &Browser, page: &str) {
    let violations = b.accessibility_violations().await;
    assert!(violations.is_empty(), "axe-core finds WCAG 2.1 A/AA violations on {page}: {violations:#?}");
}

// By hand, from `crates/server/src/demo/seeds.rs` (see the API test
// `participation.rs` for the totals): Puglia has Comune di Bari, the Ambito
// of Lecce and Comune di Taranto, 3 of its 257 Comuni (1,2%), 606.003 of its
// 4.052.566 people (15,0%); Lazio has nothing but Roma (twice, as "Comune di
// Roma" and "Roma Capitale", one Comune) in the continuous
// collection: 1 of 378 Comuni (0,3%), 2.617.175 of 5.502.886 people (47,6%).
const PUGLIA: [&str; 7] = ["2", "1", "no", "3", "3 / 257", "1,2%", "15,0%"];
const PUGLIA_NONE: [&str; 7] = ["0", "0", "no", "0", "0 / 257", "0,0%", "0,0%"];
const LAZIO: [&str; 7] = ["1", "0", "no", "2", "1 / 378", "0,3%", "47,6%"];
const LAZIO_NONE: [&str; 7] = ["0", "0", "no", "0", "0 / 378", "0,0%", "0,0%"];
const MARCHE: [&str; 7] = ["1", "0", "sì", "2", "1 / 225", "0,4%", "6,5%"];

#[tokio::test(flavor = "multi_thread")]
async fn participation_is_reached_from_the_statistics_and_follows_the_chosen_round() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    // One Comune under two names: counted once, by its ISTAT code.
    add_roma(&server.db, "Comune di Roma").await;
    add_roma(&server.db, "Roma Capitale").await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/statistiche", server.base)).await.unwrap();
    b.wait_for_heading("La raccolta in cifre").await;
    b.wait_for(Locator::XPath("//main//a[normalize-space(.)='Chi ha partecipato']")).await.click().await.unwrap();
    b.wait_for_heading("Chi ha partecipato").await;
    let lead = b.client.find(Locator::Css("main p.lead")).await.unwrap().text().await.unwrap();
    assert!(lead.contains("dove mandare i promemoria"), "{lead}");

    // Every round together: the demo practices and Roma.
    wait_for_row(&b, "Puglia", PUGLIA).await;
    wait_for_row(&b, "Lazio", LAZIO).await;
    wait_for_row(&b, "Marche", MARCHE).await;
    let italy = row(&b, "Italia").await;
    assert_eq!(italy[..5], ["18", "2", "2", "27", "21 / 7.896"], "17 demo Comuni and Roma; 27 practices");
    let rows = b.client.find_all(Locator::XPath("//table//tbody/tr")).await.unwrap();
    assert_eq!(rows.len(), 21, "every region, even with nothing");
    let map = b.client.find(Locator::Css("svg.tile-map[role='img'][aria-labelledby='mappa-partecipazione']")).await;
    assert!(map.unwrap().is_displayed().await.unwrap(), "the tile map is shown");
    let status = b.client.find(Locator::Css("main p[role='status']")).await.unwrap().text().await.unwrap();
    assert!(status.starts_with("Tutte le raccolte: 27 pratiche"), "{status}");
    assert_accessible(&b, "the participation page").await;
    b.screenshots("partecipazione").await;
    let scroll = b.client.find(Locator::Css(".table-scroll[role='region'][tabindex='0']")).await.unwrap();
    assert_eq!(scroll.attr("aria-label").await.unwrap().as_deref(), Some("Partecipazione per regione"));

    // The continuous collection: only Roma.
    b.choose("Raccolta", "Raccolta continua").await;
    wait_for_row(&b, "Lazio", LAZIO).await;
    wait_for_row(&b, "Puglia", PUGLIA_NONE).await;
    let url = b.client.current_url().await.unwrap();
    assert_eq!(url.path(), "/statistiche/partecipazione");
    assert_eq!(url.query(), Some("raccolta=raccolta_continua"), "the choice is in the address");
    // Every noun agrees with its number.
    let status = b.client.find(Locator::Css("main p[role='status']")).await.unwrap().text().await.unwrap();
    assert!(
        status
            .starts_with("Raccolta continua: 2 pratiche da 1 Comune, 0 Ambiti e 0 Regioni; 1 Comune coperto su 7.896"),
        "{status}"
    );

    // The first round: the demo practices only.
    // A select's type-ahead joins keys typed within a second: wait, as a person would.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    b.choose("Raccolta", "Prima raccolta 2020").await;
    wait_for_row(&b, "Puglia", PUGLIA).await;
    wait_for_row(&b, "Lazio", LAZIO_NONE).await;
    let url = b.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("raccolta=prima_raccolta_2020"));

    // The same address in a fresh page shows the same round.
    b.client.goto(url.as_str()).await.unwrap();
    wait_for_row(&b, "Lazio", LAZIO_NONE).await;
    let chosen = b.labelled("Raccolta").await.prop("value").await.unwrap();
    assert_eq!(chosen.as_deref(), Some("prima_raccolta_2020"));

    // The CSV: one row per round and region, and Italy's.
    let csv = b.follow_file_link("Scarica i dati di ogni raccolta e regione (CSV)").await;
    let mut reader = csv::Reader::from_reader(csv.text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3 * 22);
    let lazio = records
        .iter()
        .find(|r| &r[at("round_code")] == "raccolta_continua" && &r[at("region_code")] == "12")
        .expect("Lazio in the continuous collection");
    assert_eq!((&lazio[at("comuni_covered")], &lazio[at("population_covered")]), ("1", "2617175"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_static_publication_shows_who_took_part() {
    let site = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (database, dist) = (data.path().join("publish.sqlite"), dist_dir());
    let config = server::config::Config::from_flags([
        "--listen=127.0.0.1:0",
        "--demo",
        format!("--database={}", database.display()).as_str(),
        format!("--static-dir={}", dist.display()).as_str(),
        "--public-url=https://buonepratiche.example.org",
    ])
    .unwrap();
    server::publish::publish_static(&config, site.path()).await.unwrap();
    let files = tower_http::services::ServeDir::new(site.path())
        .not_found_service(tower_http::services::ServeFile::new(site.path().join("404.html")));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, axum::Router::new().fallback_service(files)).await.unwrap() });

    let b = Browser::start().await;
    b.client.goto(&format!("{base}/statistiche/partecipazione?raccolta=prima_raccolta_2020")).await.unwrap();
    b.wait_for_heading("Chi ha partecipato").await;
    wait_for_row(&b, "Puglia", PUGLIA).await;
    b.choose("Raccolta", "Raccolta continua").await;
    wait_for_row(&b, "Puglia", PUGLIA_NONE).await;
    let csv = reqwest::get(format!("{base}/opendata/partecipazione.csv")).await.unwrap().text().await.unwrap();
    assert!(csv.starts_with("\u{feff}round_code,round_name,region_code"), "the CSV beside the app");
    b.close().await;
}
