//! Harness for end-to-end tests: a real server on a free port serving the
//! release build of the app, a plain static file server for static mode, and
//! headless Chromium driven over WebDriver by fantoccini.

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
        dir.join("index.html").exists(),
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
        let dir = tempfile::tempdir().unwrap();
        let db = server::db::Db::open(&dir.path().join("e2e.sqlite")).unwrap();
        server::demo::load_if_empty(&db).await.unwrap();
        let mut state = server::AppState::new(db.clone(), Some(dist)).unwrap();
        // A browser driven by WebDriver fills a form faster than any person.
        state.guard = server::guard::AbuseGuard::new(0, 1_000);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, server::service(state)).await.unwrap() });
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

/// Headless Chromium behind its own chromedriver, stopped on drop.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
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
        let client = ClientBuilder::rustls()
            .expect("TLS roots")
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session");
        Self { client, driver, _profile: profile }
    }

    /// Waits (up to 20 s) for an element and returns it.
    pub async fn wait_for(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("waiting for {locator:?}: {e}"))
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// XPath for a link by its accessible name (its text), inside `scope`.
pub fn link_named(scope: &str, name: &str) -> String {
    format!("{scope}//a[normalize-space(.)='{name}']")
}
