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
async fn open_data_links_deliver_their_files_from_the_server_and_the_static_publication() {
    let dist = dist_dir();
    let server = TestServer::start_with_demo(&dist).await;
    let b = Browser::start().await;
    follow_every_file_link(&b, &server.base).await;

    let site = tempfile::tempdir().unwrap();
    let source = server::publish::Source {
        db: &server.db,
        dist: &dist,
        public_url: "http://127.0.0.1",
        questionnaire_url: None,
    };
    server::publish::write_site(&source, site.path()).await.unwrap();
    let base = serve_static(site.path()).await;
    follow_every_file_link(&b, &base).await;
    b.close().await;
}
