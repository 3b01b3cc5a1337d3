// SPDX-License-Identifier: EUPL-1.2
//! Harness for end-to-end tests: a real server on a free port serving the
//! release build of the app, a plain static file server for static mode, and
//! headless Chromium driven over WebDriver by fantoccini.

mod devtools;
use devtools::RawCommand;
pub mod respondent;

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The release build under test: `BP_E2E_DIST`, or the workspace's `dist/`.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("BP_E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("public.html").exists(),
        "no built app in {}: run `cargo xtask build` (or `cargo xtask test`) first",
        dir.display()
    );
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Our server, in this process, on a free port, over a fresh SQLite file.
pub struct TestServer {
    pub base: String,
    pub db: server::db::Db,
    _dir: tempfile::TempDir,
}

impl TestServer {
    /// Starts the real application with the demo practices loaded.
    pub async fn start_with_demo(dist: &Path) -> Self {
        Self::start_configured(dist, |_| {}).await
    }

    /// Adds an editor's account, with the password the tests sign in with
    /// ("password lunga e sicura").
    pub async fn add_account(&self, email: &'static str, role: server::auth::Role) {
        self.db
            .call(move |conn| server::auth::create_user(conn, email, role, "password lunga e sicura"))
            .await
            .unwrap();
    }

    /// Adds an editor's account and signs in with it in `browser`, as a
    /// person does, up to the queue.
    pub async fn sign_in(&self, browser: &Browser, email: &'static str, role: server::auth::Role) {
        self.add_account(email, role).await;
        browser.client.goto(&format!("{}/redazione/accesso", self.base)).await.unwrap();
        browser.type_into("E-mail", email).await;
        browser.type_into("Password", "password lunga e sicura").await;
        browser.press("Accedi").await;
        browser.wait_for_heading("Pratiche da curare").await;
    }

    /// Stores `answer` as a practice in `status`, as a submission of the
    /// continuous round would be; its reference.
    pub async fn seed(
        &self,
        answer: domain::Practice,
        status: domain::record::vocabulary::ModerationStatus,
    ) -> domain::PracticeId {
        let new = server::db::NewPractice {
            answer,
            status,
            demo: false,
            round: server::db::CONTINUOUS_ROUND.into(),
            derived_from: None,
            submission: None,
        };
        match self.db.call(move |conn| server::db::insert_practice(conn, &new)).await.unwrap() {
            server::db::Stored::Created(reference) => reference,
            other => panic!("seeding stored {other:?}"),
        }
    }

    /// One run of the hourly schedule (`mail::follow::queue_due`), as if it
    /// were `at`: how many messages it queued.
    pub async fn run_schedule(&self, at: time::OffsetDateTime) -> usize {
        let site = server::mail::Site { name: "Buone pratiche".into(), url: self.base.clone() };
        self.db.call(move |conn| server::mail::follow::queue_due_at(conn, &site, at)).await.unwrap()
    }

    /// Starts it with the demo practices and a postman delivering to `smtp`,
    /// retrying within a fraction of a second.
    pub async fn delivering_to(smtp: &mailbox::SmtpServer) -> Self {
        use server::mail::postman::{Postman, Timing};
        let url = smtp.url();
        Self::start_configured(&dist_dir(), move |state| {
            let poll = Duration::from_millis(200);
            let timing = Timing { first_retry: poll, poll, ..Timing::default() };
            let postman = Postman::new(&url, None, "Buone pratiche <noreply@bp.example.it>", timing).unwrap();
            let db = state.db.clone();
            state.mail.start(postman, db);
        })
        .await
    }

    /// Starts it with the demo practices and `configure` applied to its state.
    pub async fn start_configured(dist: &Path, configure: impl FnOnce(&mut server::AppState)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = server::db::Db::open(&dir.path().join("e2e.sqlite")).unwrap();
        server::demo::load_if_empty(&db).await.unwrap();
        let mut state = server::AppState::new(db.clone(), Some(dist)).unwrap();
        // A browser driven by WebDriver fills a form faster than any person.
        state.guard = server::guard::AbuseGuard::new(0, 1_000);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        // Its public address is where the browser reaches it, as in a deployment.
        state.public_url = base.clone();
        configure(&mut state);
        tokio::spawn(server::serve_on(listener, state, std::future::pending()));
        Self { base, db, _dir: dir }
    }
}

/// A plain static file server (no API, no fallback) over `dir`.
pub async fn serve_static(dir: &Path) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address: SocketAddr = listener.local_addr().unwrap();
    let files = axum::Router::new().fallback_service(tower_http::services::ServeDir::new(dir));
    tokio::spawn(async move { axum::serve(listener, files).await.unwrap() });
    format!("http://{address}")
}

/// A partner's web page (`html` at `/`) on a second origin,
/// `http://localhost:PORT`, for embedding tests; returns its address.
pub async fn serve_partner_page(html: String) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let partner = format!("http://localhost:{}", listener.local_addr().unwrap().port());
    let app = axum::Router::new().route("/", axum::routing::get(move || async move { axum::response::Html(html) }));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    partner
}

/// Headless Chromium behind its own chromedriver, stopped on drop.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
    /// Where the browser saves downloads, each under a name of its own.
    downloads: tempfile::TempDir,
}

/// What the browser received when a person followed a link to a file.
#[derive(Debug)]
pub struct Received {
    /// True when the browser saved it as a download, false when it opened it.
    pub downloaded: bool,
    /// The file's own content type, for a file the browser opened.
    pub content_type: Option<String>,
    /// The file's text.
    pub text: String,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a session with the flags
    /// this closed network needs (no background connections).
    pub async fn start() -> Self {
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {chromedriver}: {e} (cargo xtask test installs it)"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let capabilities = serde_json::json!({
            // The page's console, read back by `console_errors`.
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!() };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session");
        let downloads = tempfile::tempdir().unwrap();
        let browser = Self { client, driver, _profile: profile, downloads };
        let allow = serde_json::json!({
            "cmd": "Browser.setDownloadBehavior",
            "params": { "behavior": "allowAndName", "downloadPath": browser.downloads.path() }
        });
        browser
            .client
            .issue_cmd(RawCommand { path: "goog/cdp/execute", body: allow })
            .await
            .expect("downloads allowed");
        browser
    }

    /// Clicks the link named `name`, as a person does, and returns the file
    /// the browser received: saved as a download, or opened as a document of
    /// its own type. Fails if the click showed one of the app's pages instead
    /// (what a client router does to a link it should have let go).
    pub async fn follow_file_link(&self, name: &str) -> Received {
        let before: Vec<_> = std::fs::read_dir(self.downloads.path()).unwrap().map(|e| e.unwrap().path()).collect();
        let start = self.client.current_url().await.unwrap();
        let xpath = format!("//a[normalize-space(.)={}]", xpath_literal(name));
        self.wait_for(Locator::XPath(&xpath)).await.click().await.unwrap_or_else(|e| panic!("clicking {name:?}: {e}"));
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let saved: Vec<_> = std::fs::read_dir(self.downloads.path())
                .unwrap()
                .map(|e| e.unwrap().path())
                // Each download is saved under a fresh name (its GUID), complete once it has no `.crdownload`.
                .filter(|p| !before.contains(p) && p.extension().is_none_or(|e| e != "crdownload"))
                .collect();
            if let [file] = saved.as_slice() {
                let text = std::fs::read_to_string(file).unwrap_or_default();
                if !text.is_empty() {
                    return Received { downloaded: true, content_type: None, text };
                }
            }
            let url = self.client.current_url().await.ok();
            if url.as_ref().is_some_and(|u| *u != start) {
                let page = self
                    .client
                    .execute(
                        "return document.readyState === 'complete' ? [document.contentType, document.documentElement.textContent] : null",
                        vec![],
                    )
                    .await
                    .unwrap_or_default();
                if let Some([content_type, text]) = page.as_array().map(Vec::as_slice) {
                    let content_type = content_type.as_str().unwrap_or_default().to_owned();
                    let text = text.as_str().unwrap_or_default().to_owned();
                    assert!(
                        content_type != "text/html" || !text.contains("Pagina non trovata"),
                        "{name:?} opened the app's not-found page at {url:?} instead of the file"
                    );
                    if content_type != "text/html" {
                        return Received { downloaded: false, content_type: Some(content_type), text };
                    }
                }
            }
            if Instant::now() > deadline {
                let files: Vec<_> =
                    std::fs::read_dir(self.downloads.path()).unwrap().map(|e| e.unwrap().path()).collect();
                panic!(
                    "{name:?}: no file arrived (the page is {:?}; downloads: {files:?})",
                    url.map(|u| u.to_string())
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits (up to 20 s) for an element and returns it.
    pub async fn wait_for(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.wait_for_app().await;
        self.wait_for_drawn(locator).await
    }

    /// From the queue, as an administrator goes: *Amministrazione*, then the
    /// link `page` to one of its pages, whose heading is the link's text.
    pub async fn open_from_administration(&self, page: &str) {
        for (link, heading) in [("Amministrazione", "Amministrazione"), (page, page)] {
            let found = self.wait_for(Locator::XPath(&link_named("//main", link))).await;
            found.send_keys(&key(fantoccini::key::Key::Enter)).await.unwrap();
            self.wait_for_heading(heading).await;
        }
    }

    /// Presses Enter on what `xpath` finds (a link, a button), found afresh
    /// when the page redrew it between finding and pressing (a search that
    /// redraws a table): a person presses what is on the screen now.
    pub async fn press_found(&self, xpath: &str) {
        for attempt in 0.. {
            let element = self.wait_for(Locator::XPath(xpath)).await;
            match element.send_keys(&key(fantoccini::key::Key::Enter)).await {
                Ok(()) => return,
                Err(error) if attempt < 20 && error.to_string().contains("stale element") => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(error) => panic!("pressing {xpath}: {error}"),
            }
        }
    }

    /// Waits until the app has taken over the page the server drew (its
    /// `<main>` is the body's own child; the server's sits in a
    /// `<div data-frame>` until then): a person's clicks and typing then
    /// reach the app, as they do once a real visitor's page has started.
    pub async fn wait_for_app(&self) {
        self.wait_for_drawn(Locator::Css("body > main")).await;
    }

    /// Waits for what `locator` finds, whoever drew it (the server's HTML
    /// before the app starts counts).
    pub async fn wait_for_drawn(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("waiting for {locator:?}: {e}"))
    }

    /// The errors the pages logged since the last call: panics, uncaught
    /// exceptions and `console.error`. Chrome's own line for an API answer
    /// with a 4xx status (a refusal the test provoked on purpose and the page
    /// shows) and for requests made while the test turned the network off are
    /// left out; any other failed resource counts.
    pub async fn console_errors(&self) -> Vec<String> {
        let body = serde_json::json!({ "type": "browser" });
        let entries =
            self.client.issue_cmd(RawCommand { path: "se/log", body }).await.expect("chromedriver's browser log");
        let entries: Vec<serde_json::Value> = serde_json::from_value(entries).unwrap_or_default();
        entries
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .filter_map(|e| e["message"].as_str().map(str::to_owned))
            .filter(|m| !is_expected_network_line(m))
            .collect()
    }

    /// Fails the test if any page logged an error (see `console_errors`).
    pub async fn assert_no_console_errors(&self) {
        let errors = self.console_errors().await;
        assert!(errors.is_empty(), "the pages logged errors:\n{}", errors.join("\n"));
    }

    /// For a step that provokes errors on purpose (an unknown address, a
    /// refused frame): every error logged since the last check must contain
    /// `expected`.
    pub async fn expect_console_errors(&self, expected: &str) {
        let errors = self.console_errors().await;
        let unexpected: Vec<_> = errors.iter().filter(|e| !e.contains(expected)).collect();
        assert!(unexpected.is_empty(), "the pages logged unexpected errors: {unexpected:#?}");
    }

    /// Checks the console (a test fails on any error a page logged), then
    /// ends the session and the driver.
    pub async fn close(mut self) {
        let errors = self.console_errors().await;
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        assert!(errors.is_empty(), "the pages logged errors:\n{}", errors.join("\n"));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// Chrome's console line for a refusal from our API (4xx) or for a request
/// made while offline: expected where a test provokes it. Lines from
/// Chrome's own pages (`chrome://…`, its new-tab page's scripts) are not
/// our pages': one failed a CI run once, when scripts were turned off
/// ("TrustedTypePolicy … callback is no longer runnable" in lit.rollup.js).
fn is_expected_network_line(message: &str) -> bool {
    let refused_api = message.contains("/api/") && message.contains("the server responded with a status of 4");
    refused_api || message.contains("net::ERR_INTERNET_DISCONNECTED") || message.starts_with("chrome://")
}

/// XPath for a link by its accessible name (its text), inside `scope`.
impl Browser {
    /// The titles in the CSV that the catalogue's "CSV" download link gives,
    /// fetched by the page itself (same cookies and origin), in file order.
    pub async fn downloaded_titles(&self) -> Vec<String> {
        let link = self.client.find(Locator::XPath("//p[@class='downloads']/a[normalize-space(.)='CSV']")).await;
        let href = link.unwrap().attr("href").await.unwrap().expect("the CSV link has an address");
        let fetch = "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);";
        let csv = self.client.execute_async(fetch, vec![serde_json::json!(href)]).await.unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_str().expect("the CSV as text").as_bytes());
        let title_at = reader.headers().unwrap().iter().position(|h| h == "title").expect("a title column");
        reader.records().map(|r| r.unwrap()[title_at].to_owned()).collect()
    }
}

pub fn link_named(scope: &str, name: &str) -> String {
    format!("{scope}//a[normalize-space(.)='{name}']")
}

/// XPath string literal for any text (handles both kinds of quote).
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// The keyboard's keys, as WebDriver sends them.
pub fn key(k: fantoccini::key::Key) -> String {
    char::from(k).to_string()
}

impl Browser {
    /// The control labelled `label` (a `<label for>`), found as a person finds it.
    pub async fn labelled(&self, label: &str) -> fantoccini::elements::Element {
        let xpath = format!("//label[normalize-space(.)={}]", xpath_literal(label));
        let label_element = self.wait_for(Locator::XPath(&xpath)).await;
        let id = label_element.attr("for").await.unwrap().unwrap_or_else(|| panic!("label {label:?} has no `for`"));
        self.client.find(Locator::Id(&id)).await.unwrap_or_else(|e| panic!("no control for label {label:?}: {e}"))
    }

    /// The option `option` inside the group (fieldset) whose legend is `legend`.
    pub async fn in_group(&self, legend: &str, option: &str) -> fantoccini::elements::Element {
        let xpath = format!(
            "//fieldset[legend[normalize-space(.)={}]]//label[normalize-space(.)={}]",
            xpath_literal(legend),
            xpath_literal(option)
        );
        let label_element = self.wait_for(Locator::XPath(&xpath)).await;
        let id = label_element.attr("for").await.unwrap().expect("labels name their control");
        self.client.find(Locator::Id(&id)).await.unwrap()
    }

    /// Types into the control labelled `label`.
    pub async fn type_into(&self, label: &str, text: &str) {
        self.labelled(label).await.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {label:?}: {e}"));
    }

    /// Ticks a checkbox or chooses a radio button of a group, with the space bar.
    pub async fn tick(&self, legend: &str, option: &str) {
        self.in_group(legend, option).await.send_keys(" ").await.unwrap();
    }

    /// Chooses in a `<select>` by typing the option's text, as a keyboard user does.
    pub async fn choose(&self, label: &str, option: &str) {
        let select = self.labelled(label).await;
        select.send_keys(option).await.unwrap();
        let value = select.prop("value").await.unwrap().unwrap_or_default();
        assert!(!value.is_empty(), "typing {option:?} chose something in {label:?}");
    }

    /// Presses Enter on the button named `name`.
    pub async fn press(&self, name: &str) {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(name));
        let button = self.wait_for(Locator::XPath(&xpath)).await;
        button.send_keys(&key(fantoccini::key::Key::Enter)).await.unwrap();
    }

    /// Waits for the page's `<h1>` to read `text`.
    pub async fn wait_for_heading(&self, text: &str) {
        let xpath = format!("//main//h1[normalize-space(.)={}]", xpath_literal(text));
        self.wait_for(Locator::XPath(&xpath)).await;
    }

    /// Runs axe-core on the page and returns its WCAG 2.1 A/AA violations.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let script = std::fs::read_to_string(axe_path()).expect("axe-core is installed by cargo xtask test");
        self.client.execute(&script, vec![]).await.expect("axe-core loads");
        let run = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(result => done(result.violations.map(v =>
                    v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(error => done(['axe failed: ' + error]));
        "#;
        let result = self.client.execute_async(run, vec![]).await.expect("axe-core runs");
        serde_json::from_value(result).expect("a list of violations")
    }
}

/// axe-core's script: `BP_AXE_JS`, or where `cargo xtask test` installs it.
fn axe_path() -> PathBuf {
    std::env::var_os("BP_AXE_JS").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
        home.join(".cache/buone-pratiche/tools/node_modules/axe-core/axe.min.js")
    })
}
