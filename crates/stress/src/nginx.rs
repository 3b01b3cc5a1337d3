// SPDX-License-Identifier: EUPL-1.2
//! nginx (Debian's package) as a child process in front of the server, with
//! the site block the package ships (`crates/server/packaging/nginx-site.conf`),
//! its files in a folder of its own, stopped when dropped.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// The block operators put in their site, pointed at the server under test.
const SITE: &str = include_str!("../../server/packaging/nginx-site.conf");

pub struct Nginx {
    pub base_url: String,
    pub version: String,
    dir: PathBuf,
    child: Child,
}

/// The nginx command: Debian puts it in /usr/sbin.
fn command() -> PathBuf {
    let debian = Path::new("/usr/sbin/nginx");
    if debian.exists() { debian.to_path_buf() } else { PathBuf::from("nginx") }
}

impl Nginx {
    /// Starts nginx in `dir`, listening on a free local port and proxying to
    /// `upstream` (`127.0.0.1:PORT`).
    pub async fn start(dir: &Path, upstream: &str) -> Result<Self, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| format!("finding a free port: {e}"))?
            .port();
        let site = SITE.replace("http://127.0.0.1:8080", &format!("http://{upstream}"));
        if site == SITE {
            return Err("nginx-site.conf no longer proxies to http://127.0.0.1:8080: update the rush".into());
        }
        let d = dir.display();
        // As root, the workers would switch to `nobody`, who cannot write here.
        let user = if is_root() { "user root;" } else { "" };
        let config = format!(
            "{user}\nworker_processes auto;\nerror_log {d}/error.log warn;\npid {d}/nginx.pid;\n\
             events {{ worker_connections 8192; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  \
             fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n  \
             server {{\n    listen 127.0.0.1:{port};\n{site}\n  }}\n}}\n"
        );
        let file = dir.join("nginx.conf");
        std::fs::write(&file, config).map_err(|e| format!("writing {}: {e}", file.display()))?;
        let version = std::process::Command::new(command())
            .arg("-v")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stderr).trim().trim_start_matches("nginx version: ").to_owned())
            .map_err(|e| {
                format!("nginx is not installed ({e}): apt-get install nginx-light, or run cargo xtask rush")
            })?;
        let child = Command::new(command())
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(&file)
            .args(["-g", "daemon off;"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("starting nginx: {e}"))?;
        let nginx = Self { base_url: format!("http://127.0.0.1:{port}"), version, dir: dir.to_path_buf(), child };
        let deadline = Instant::now() + Duration::from_secs(10);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            if Instant::now() > deadline {
                let log = std::fs::read_to_string(nginx.dir.join("error.log")).unwrap_or_default();
                return Err(format!("nginx did not listen within 10 s:\n{log}"));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(nginx)
    }

    /// What nginx logged (warnings and errors).
    pub fn errors(&self) -> String {
        std::fs::read_to_string(self.dir.join("error.log")).unwrap_or_default()
    }
}

impl Drop for Nginx {
    /// Stops nginx the way its own command does (the master ends its
    /// workers, then itself); killing the master alone would leave them.
    fn drop(&mut self) {
        let _ = std::process::Command::new(command())
            .arg("-p")
            .arg(&self.dir)
            .arg("-c")
            .arg(self.dir.join("nginx.conf"))
            .args(["-s", "stop"])
            .stderr(Stdio::null())
            .output();
        let deadline = Instant::now() + Duration::from_secs(5);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
