// SPDX-License-Identifier: EUPL-1.2
//! A real S3-compatible server for the tests: moto's server mode (from PyPI,
//! in a virtual environment `cargo xtask test` installs), run as a child
//! process on a free local port.
//!
//! The command is `BP_MOTO_SERVER`, else the one `cargo xtask` installs
//! under `~/.cache/buone-pratiche/tools/moto-venv`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn moto_server() -> PathBuf {
    if let Some(command) = std::env::var_os("BP_MOTO_SERVER") {
        return PathBuf::from(command);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let tools =
        std::env::var_os("BP_TOOLS_DIR").map_or_else(|| home.join(".cache/buone-pratiche/tools"), PathBuf::from);
    let command = tools.join("moto-venv/bin/moto_server");
    assert!(
        command.exists(),
        "no moto server at {}: run `cargo xtask test`, which installs it, or set BP_MOTO_SERVER",
        command.display()
    );
    command
}

/// A running S3 server, stopped when dropped.
pub struct S3Server {
    pub endpoint: String,
    child: Child,
}

impl S3Server {
    pub async fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(moto_server())
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server starts");
        let endpoint = format!("http://127.0.0.1:{port}");
        let server = Self { endpoint, child };
        let deadline = Instant::now() + Duration::from_secs(60);
        while reqwest::get(&server.endpoint).await.is_err() {
            assert!(Instant::now() < deadline, "moto_server answers within a minute");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        server
    }

    /// Creates the bucket `name`.
    pub async fn bucket(&self, name: &str) {
        let made = reqwest::Client::new().put(format!("{}/{name}", self.endpoint)).send().await.unwrap();
        assert!(made.status().is_success(), "{}", made.text().await.unwrap());
    }

    /// The S3 settings that reach this server, as `Bucket::parse_with` takes them.
    pub fn settings(&self) -> [(&str, &str); 5] {
        [
            ("aws_endpoint", &self.endpoint),
            ("aws_allow_http", "true"),
            ("aws_access_key_id", "chiave-di-prova"),
            ("aws_secret_access_key", "segreto-di-prova"),
            ("aws_region", "eu-south-1"),
        ]
    }

    /// The same settings as the environment of a `server` process.
    pub fn environment(&self) -> Vec<(String, String)> {
        self.settings().iter().map(|(key, value)| (key.to_uppercase(), (*value).to_owned())).collect()
    }

    fn store(&self, bucket: &str) -> object_store::aws::AmazonS3 {
        let mut builder = object_store::aws::AmazonS3Builder::new().with_bucket_name(bucket);
        for (key, value) in self.settings() {
            builder = builder.with_config(key.parse().unwrap(), value);
        }
        builder.build().unwrap()
    }

    /// The object `path` of `bucket`, and the headers it is served with
    /// (content type, cache control).
    pub async fn get(&self, bucket: &str, path: &str) -> (Vec<u8>, String, String) {
        use object_store::{Attribute, ObjectStore};
        let found = self.store(bucket).get(&object_store::path::Path::from(path)).await.unwrap();
        let attribute = |name| found.attributes.get(&name).map(|v| v.to_string()).unwrap_or_default();
        let (content_type, cache_control) = (attribute(Attribute::ContentType), attribute(Attribute::CacheControl));
        (found.bytes().await.unwrap().to_vec(), content_type, cache_control)
    }

    /// Every object under `prefix` of `bucket`, with its last change.
    pub async fn objects(&self, bucket: &str, prefix: &str) -> Vec<object_store::ObjectMeta> {
        use futures::TryStreamExt;
        use object_store::ObjectStore;
        let store = self.store(bucket);
        let prefix = object_store::path::Path::from(prefix);
        let mut objects: Vec<_> = store.list(Some(&prefix)).try_collect().await.unwrap();
        objects.sort_by(|a, b| a.location.cmp(&b.location));
        objects
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
