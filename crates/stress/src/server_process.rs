// SPDX-License-Identifier: EUPL-1.2
//! The server binary as a child process: started on a free port and a
//! database file of its own, waited for until `/api/health` answers, and
//! killed with SIGKILL, as a crash or an out-of-memory kill would.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// How long a start may take before the run gives up (migrations included).
const START_TIMEOUT: Duration = Duration::from_secs(30);

pub struct ServerProcess {
    binary: PathBuf,
    database: PathBuf,
    log: PathBuf,
    listen: String,
    demo: bool,
    /// The built app, and where to keep a static publication current.
    publication: Option<(PathBuf, PathBuf)>,
    /// Behind a reverse proxy on this machine, with the production guard.
    behind_proxy: bool,
    client: reqwest::Client,
    child: Option<Child>,
}

impl ServerProcess {
    /// A server that will keep its database and log in `dir`, on a port that
    /// stays the same across restarts (clients reconnect where they were).
    pub fn new(binary: &Path, dir: &Path, demo: bool) -> Result<Self, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| format!("finding a free port: {e}"))?
            .port();
        Ok(Self {
            binary: binary.to_path_buf(),
            database: dir.join("db.sqlite"),
            log: dir.join("server.log"),
            listen: format!("127.0.0.1:{port}"),
            demo,
            publication: None,
            behind_proxy: false,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(2))
                .build()
                .map_err(|e| format!("building the health-check client: {e}"))?,
            child: None,
        })
    }

    /// Serves the built app in `static_dir` and keeps a static publication
    /// current in `publish_dir` after every decision, as a live site would.
    pub fn with_publication(mut self, static_dir: &Path, publish_dir: &Path) -> Self {
        self.publication = Some((static_dir.to_path_buf(), publish_dir.to_path_buf()));
        self
    }

    /// Trusts a reverse proxy on this machine (`BP_TRUSTED_PROXIES=127.0.0.1`)
    /// and keeps the production guard: the default minimum fill time and
    /// submissions per minute from one client, which other runs lift.
    pub fn behind_proxy(mut self) -> Self {
        self.behind_proxy = true;
        self
    }

    /// Adds a curator account with the server's own command, before or while it runs.
    pub async fn add_curator(&self, email: &str, password: &str) -> Result<(), String> {
        use tokio::io::AsyncWriteExt;
        let mut child = Command::new(&self.binary)
            .args(["user", "add", "--email", email, "--role", "curator"])
            .env("BP_DATABASE", &self.database)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("adding a curator: {e}"))?;
        let mut stdin = child.stdin.take().expect("piped stdin");
        stdin.write_all(format!("{password}\n").as_bytes()).await.map_err(|e| format!("adding a curator: {e}"))?;
        drop(stdin);
        let status = child.wait().await.map_err(|e| format!("adding a curator: {e}"))?;
        if status.success() { Ok(()) } else { Err(format!("adding a curator failed ({status})")) }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.listen)
    }

    pub fn database(&self) -> &Path {
        &self.database
    }

    /// Starts the server and returns once it answers `/api/health`.
    pub async fn start(&mut self) -> Result<(), String> {
        let log = self.log_file()?;
        let mut command = Command::new(&self.binary);
        command
            .env("BP_LISTEN", &self.listen)
            .env("BP_DATABASE", &self.database)
            .env("BP_MIN_FILL_SECONDS", "0")
            .env("BP_SUBMISSIONS_PER_MINUTE", "1000000")
            .env("BP_DEMO", if self.demo { "1" } else { "0" })
            .env_remove("BP_STATIC_DIR")
            .env_remove("BP_PUBLISH_DIR")
            // One log line per request would cost more than the requests.
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| format!("sharing the server log: {e}"))?)
            .stderr(log)
            .kill_on_drop(true);
        // Without a static folder only /api is served, which is all most runs need.
        if let Some((static_dir, publish_dir)) = &self.publication {
            command.env("BP_STATIC_DIR", static_dir).env("BP_PUBLISH_DIR", publish_dir);
        }
        if self.behind_proxy {
            command
                .env("BP_TRUSTED_PROXIES", "127.0.0.1")
                .env_remove("BP_MIN_FILL_SECONDS")
                .env_remove("BP_SUBMISSIONS_PER_MINUTE");
        }
        let child = command.spawn().map_err(|e| format!("starting {}: {e}", self.binary.display()))?;
        self.child = Some(child);
        self.wait_until_healthy().await
    }

    /// Kills the server with SIGKILL (no chance to flush or close anything)
    /// and waits until it is gone.
    pub async fn kill(&mut self) -> Result<(), String> {
        if let Some(mut child) = self.child.take() {
            child.kill().await.map_err(|e| format!("killing the server: {e}"))?;
        }
        Ok(())
    }

    async fn wait_until_healthy(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        let health = format!("{}/api/health", self.base_url());
        loop {
            if let Ok(response) = self.client.get(&health).send().await
                && response.status().is_success()
            {
                return Ok(());
            }
            let child = self.child.as_mut().expect("a started server");
            if let Some(status) = child.try_wait().map_err(|e| format!("checking the server: {e}"))? {
                return Err(format!("the server exited during start ({status}); {}", self.log_tail()));
            }
            if Instant::now() > deadline {
                return Err(format!("the server did not answer /api/health in {START_TIMEOUT:?}; {}", self.log_tail()));
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    fn log_file(&self) -> Result<File, String> {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .map_err(|e| format!("opening {}: {e}", self.log.display()))
    }

    /// The end of the server's log, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        format!("server log (last lines):\n{}", lines[lines.len().saturating_sub(20)..].join("\n"))
    }
}

/// The cargo profile a binary was built with, read from its folder in the
/// target directory (`target/debug` is the `dev` profile).
pub fn build_profile(binary: &Path) -> String {
    match binary.parent().and_then(Path::file_name).and_then(|name| name.to_str()) {
        Some("debug") => "dev".to_owned(),
        Some(name) => name.to_owned(),
        None => "unknown".to_owned(),
    }
}
