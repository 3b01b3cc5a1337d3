// SPDX-License-Identifier: EUPL-1.2
//! A real SMTP server for the tests: Python's aiosmtpd (from PyPI, in a
//! virtual environment `cargo xtask test` installs) run as a child process on
//! a free local port, every message it accepted read back from its Maildir.
//! It can be stopped and started again on the same port, to test outages.
//!
//! The Python interpreter is `BP_SMTP_PYTHON`, else the one `cargo xtask`
//! installs under `~/.cache/buone-pratiche/tools/aiosmtpd-venv`.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = include_str!("smtp_server.py");

/// The interpreter with aiosmtpd installed.
fn python() -> PathBuf {
    if let Some(python) = std::env::var_os("BP_SMTP_PYTHON") {
        return PathBuf::from(python);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let tools =
        std::env::var_os("BP_TOOLS_DIR").map_or_else(|| home.join(".cache/buone-pratiche/tools"), PathBuf::from);
    let python = tools.join("aiosmtpd-venv/bin/python");
    assert!(
        python.exists(),
        "no aiosmtpd at {}: run `cargo xtask test`, which installs it, or set BP_SMTP_PYTHON",
        python.display()
    );
    python
}

/// A running (or stopped) SMTP server and the messages it received.
pub struct SmtpServer {
    port: u16,
    login: Option<(String, String)>,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

impl SmtpServer {
    /// A server that takes mail from anyone.
    pub fn start() -> Self {
        Self::launch(None)
    }

    /// A server that requires this user and password.
    pub fn start_with_login(user: &str, password: &str) -> Self {
        Self::launch(Some((user.to_owned(), password.to_owned())))
    }

    fn launch(login: Option<(String, String)>) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("smtp_server.py"), SCRIPT).unwrap();
        let mut server = Self { port, login, dir, child: None };
        server.resume();
        server
    }

    /// `smtp://127.0.0.1:PORT`, with the user and password when required.
    pub fn url(&self) -> String {
        match &self.login {
            Some((user, password)) => format!("smtp://{user}:{password}@127.0.0.1:{}", self.port),
            None => format!("smtp://127.0.0.1:{}", self.port),
        }
    }

    /// The same address with another password.
    pub fn url_with_password(&self, password: &str) -> String {
        let user = self.login.as_ref().map_or("bp", |(user, _)| user.as_str());
        format!("smtp://{user}:{password}@127.0.0.1:{}", self.port)
    }

    /// Stops the server: connections are refused until [`SmtpServer::resume`].
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again, on the same port, keeping what it received.
    pub fn resume(&mut self) {
        assert!(self.child.is_none(), "the SMTP server is already running");
        let maildir = self.dir.path().join("maildir");
        let mut command = Command::new(python());
        command.arg(self.dir.path().join("smtp_server.py")).arg(self.port.to_string()).arg(&maildir);
        if let Some((user, password)) = &self.login {
            command.arg(user).arg(password);
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mut child = command.stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().expect("python starts");
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
            if line.trim() == "ready" {
                self.child = Some(child);
                return;
            }
            // The port may still be held by the server just stopped: try again.
            let _ = child.kill();
            let _ = child.wait();
            assert!(Instant::now() < deadline, "aiosmtpd did not start on port {}", self.port);
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Every message received so far, in the order they arrived.
    pub fn messages(&self) -> Vec<Received> {
        let new = self.dir.path().join("maildir/new");
        let Ok(entries) = std::fs::read_dir(&new) else { return Vec::new() };
        let mut files: Vec<(std::time::SystemTime, String, Vec<u8>)> = entries
            .filter_map(Result::ok)
            .map(|e| {
                let modified = e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH);
                (modified, e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_default())
            })
            .collect();
        // Maildir names begin with the delivery time: a stable order within a second.
        files.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        files.into_iter().map(|(_, _, raw)| Received { raw }).collect()
    }

    /// Waits (up to `timeout`) until at least `count` messages arrived; returns them all.
    pub fn wait_for(&self, count: usize, timeout: Duration) -> Vec<Received> {
        let deadline = Instant::now() + timeout;
        loop {
            let messages = self.messages();
            if messages.len() >= count || Instant::now() > deadline {
                return messages;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One message as the SMTP server stored it.
#[derive(Clone)]
pub struct Received {
    raw: Vec<u8>,
}

impl Received {
    fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default().parse(&self.raw).expect("an RFC 5322 message")
    }

    /// The envelope's recipients (what the SMTP client said in RCPT TO).
    pub fn envelope_to(&self) -> String {
        self.header("X-RcptTo").unwrap_or_default()
    }

    /// A header's decoded value (the first, if repeated).
    pub fn header(&self, name: &str) -> Option<String> {
        let message = self.parsed();
        let value = message.header(name)?;
        Some(match value {
            mail_parser::HeaderValue::Text(text) => text.to_string(),
            mail_parser::HeaderValue::TextList(list) => list.join(", "),
            mail_parser::HeaderValue::Address(address) => {
                address.iter().filter_map(|a| a.address()).collect::<Vec<_>>().join(", ")
            }
            _ => message.header_raw(name).unwrap_or_default().trim().to_owned(),
        })
    }

    /// The subject, decoded.
    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    /// The Message-ID, without angle brackets.
    pub fn message_id(&self) -> String {
        self.parsed().message_id().unwrap_or_default().to_owned()
    }

    /// The plain-text body, decoded.
    pub fn text(&self) -> String {
        self.parsed().body_text(0).unwrap_or_default().into_owned()
    }

    /// The HTML body, decoded.
    pub fn html(&self) -> String {
        self.parsed().body_html(0).unwrap_or_default().into_owned()
    }

    /// The whole message as received.
    pub fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }
}
