// SPDX-License-Identifier: EUPL-1.2
//! A folder in S3-compatible object storage (Amazon S3, MinIO, Ceph, a
//! cloud's buckets), named by an address such as `s3://bucket/backups`:
//! where the backups (`BP_BACKUP_URL`) and the static publication
//! (`BP_PUBLISH_URL`) go off the machine.
//!
//! The address names the bucket and the folder; the rest comes from the
//! variables every S3 tool reads: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_REGION` (or `AWS_DEFAULT_REGION`), `AWS_ENDPOINT` for a server that is
//! not Amazon's, and `AWS_ALLOW_HTTP=true` for one reached without TLS.

use futures::{StreamExt, TryStreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as Key;
use object_store::{Attribute, Attributes, ObjectStore, PutOptions, PutPayload};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// One folder of one bucket.
#[derive(Clone)]
pub struct Bucket {
    store: Arc<dyn ObjectStore>,
    folder: Key,
    /// The address as configured, for messages.
    pub url: String,
}

/// An object in the folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Object {
    /// Its name inside the folder (`pratiche/abc.json`).
    pub name: String,
    pub size: u64,
}

impl std::fmt::Debug for Bucket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bucket").field("url", &self.url).finish_non_exhaustive()
    }
}

impl Bucket {
    /// The folder at `url` (`s3://bucket` or `s3://bucket/folder`), with the
    /// credentials and endpoint of the `AWS_*` variables. Nothing is read
    /// from the network until the first request.
    pub fn parse(url: &str) -> Result<Self, String> {
        Self::parse_with(url, [])
    }

    /// The folder at `url`, with S3 settings (`aws_endpoint`,
    /// `aws_allow_http`, ... as the `AWS_*` variables name them in lower
    /// case) given here taking the place of the variables'.
    pub fn parse_with<'a>(url: &str, settings: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, String> {
        let parsed = url::Url::parse(url.trim()).map_err(|e| format!("{url:?} is not an address: {e}"))?;
        if parsed.scheme() != "s3" || parsed.host_str().is_none_or(str::is_empty) {
            return Err(format!("{url:?} is not an S3 address: write s3://bucket/folder"));
        }
        let mut builder = AmazonS3Builder::from_env().with_url(url.trim());
        for (key, value) in settings {
            let key: object_store::aws::AmazonS3ConfigKey = key.parse().map_err(|e| format!("{key}: {e}"))?;
            builder = builder.with_config(key, value);
        }
        let store = builder.build().map_err(|e| format!("the object storage at {url}: {e}"))?;
        let folder = Key::parse(parsed.path().trim_matches('/')).map_err(|e| format!("the folder in {url}: {e}"))?;
        Ok(Self { store: Arc::new(store), folder, url: url.trim().to_owned() })
    }

    fn key(&self, name: &str) -> Result<Key, Error> {
        let name = Key::parse(name)?;
        Ok(self.folder.parts().chain(name.parts()).collect())
    }

    /// Every object in the folder (and below), by name.
    pub async fn list(&self) -> Result<Vec<Object>, Error> {
        let prefix = (!self.folder.as_ref().is_empty()).then_some(&self.folder);
        let depth = self.folder.parts().count();
        let objects: Vec<_> = self.store.list(prefix).try_collect().await.map_err(|e| self.failed("", e))?;
        Ok(objects
            .into_iter()
            .map(|meta| Object {
                name: meta.location.parts().skip(depth).map(|p| p.as_ref().to_owned()).collect::<Vec<_>>().join("/"),
                size: meta.size,
            })
            .collect())
    }

    /// Writes `bytes` as `name`, with the headers readers will get.
    pub async fn put(&self, name: &str, bytes: Vec<u8>, headers: Headers) -> Result<(), Error> {
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, headers.content_type.into());
        attributes.insert(Attribute::CacheControl, headers.cache_control.into());
        let options = PutOptions { attributes, ..PutOptions::default() };
        let put = self.store.put_opts(&self.key(name)?, PutPayload::from(bytes), options).await;
        put.map(drop).map_err(|e| self.failed(name, e))
    }

    /// Streams the local file `from` into `name`, in parts if it is large:
    /// the object appears whole when the last part is written, or not at all.
    pub async fn upload(&self, name: &str, from: &Path) -> Result<(), Error> {
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, "application/vnd.sqlite3".into());
        let mut writer = object_store::buffered::BufWriter::new(Arc::clone(&self.store), self.key(name)?)
            .with_attributes(attributes);
        let mut file = tokio::fs::File::open(from).await?;
        if let Err(error) = tokio::io::copy(&mut file, &mut writer).await {
            writer.abort().await?;
            return Err(error.into());
        }
        tokio::io::AsyncWriteExt::shutdown(&mut writer).await.map_err(|e| self.failed(name, e))
    }

    /// An error, named with the object's whole address.
    fn failed(&self, name: &str, error: impl std::fmt::Display) -> Error {
        format!("{}/{name}: {error}", self.url).into()
    }

    /// Streams the object `name` into the new local file `to`.
    pub async fn download(&self, name: &str, to: &Path) -> Result<(), Error> {
        let found = self.store.get(&self.key(name)?).await.map_err(|e| self.failed(name, e))?;
        let mut stream = found.into_stream();
        let mut file = tokio::fs::File::create_new(to).await?;
        while let Some(chunk) = stream.next().await {
            tokio::io::AsyncWriteExt::write_all(&mut file, &chunk?).await?;
        }
        file.sync_all().await?;
        Ok(())
    }

    /// The object `name`, or `None` if there is none.
    pub async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        match self.store.get(&self.key(name)?).await {
            Ok(found) => Ok(Some(found.bytes().await?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(self.failed(name, error)),
        }
    }

    pub async fn delete(&self, name: &str) -> Result<(), Error> {
        self.store.delete(&self.key(name)?).await.map_err(|e| self.failed(name, e))
    }

    async fn put_file(&self, name: String, path: std::path::PathBuf) -> Result<(), Error> {
        let bytes = tokio::fs::read(&path).await?;
        self.put(&name, bytes, Headers::of(&name)).await
    }

    /// Makes the folder hold exactly the files of the local folder `site`
    /// (see [`crate::publish`]), writing only what changed since the last
    /// sync, in an order that never shows readers half a site.
    pub async fn sync_site(&self, site: &Path) -> Result<Synced, Error> {
        let site = site.to_path_buf();
        let local = tokio::task::spawn_blocking(move || files_of(&site)).await??;
        let before: BTreeMap<String, String> = match self.get(MANIFEST).await? {
            Some(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
            None => BTreeMap::new(),
        };
        let present: std::collections::HashSet<String> = self.list().await?.into_iter().map(|o| o.name).collect();
        let changed: Vec<&SiteFile> =
            local.iter().filter(|f| !present.contains(&f.name) || before.get(&f.name) != Some(&f.digest)).collect();
        let mut synced = Synced { unchanged: local.len() - changed.len(), ..Synced::default() };
        // The pages' code and data first, then the pages, then the catalogue
        // that lists the practices: a reader who sees a new catalogue finds
        // everything it points to.
        for wave in [Wave::Files, Wave::Pages, Wave::Catalogue] {
            let files: Vec<(String, std::path::PathBuf)> = changed
                .iter()
                .filter(|f| Wave::of(&f.name) == wave)
                .map(|f| (f.name.clone(), f.path.clone()))
                .collect();
            let uploads = files.into_iter().map(|(name, path)| self.put_file(name, path));
            let done: Vec<()> = futures::stream::iter(uploads).buffer_unordered(8).try_collect().await?;
            synced.uploaded += done.len();
        }
        // What the new site no longer has goes last: the old catalogue may
        // still point to it until the new one is read.
        let kept: std::collections::HashSet<&str> = local.iter().map(|f| f.name.as_str()).collect();
        for name in present.iter().filter(|name| !kept.contains(name.as_str()) && *name != MANIFEST) {
            self.delete(name).await?;
            synced.deleted += 1;
        }
        let manifest: BTreeMap<&str, &str> = local.iter().map(|f| (f.name.as_str(), f.digest.as_str())).collect();
        let headers = Headers { content_type: "application/json", cache_control: "no-store" };
        self.put(MANIFEST, serde_json::to_vec(&manifest)?, headers).await?;
        Ok(synced)
    }
}

/// The record of what the last sync wrote (name → SHA-256 of the content),
/// kept in the bucket itself so that a restarted server still writes only
/// what changed.
pub const MANIFEST: &str = ".buone-pratiche-sync.json";

/// What a sync did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Synced {
    pub uploaded: usize,
    pub deleted: usize,
    pub unchanged: usize,
}

/// The order in which a site's files are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wave {
    Files,
    Pages,
    Catalogue,
}

impl Wave {
    fn of(name: &str) -> Self {
        match name {
            "catalogue.json" => Self::Catalogue,
            _ if name.ends_with(".html") => Self::Pages,
            _ => Self::Files,
        }
    }
}

/// The headers an object is served with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headers {
    pub content_type: &'static str,
    pub cache_control: &'static str,
}

impl Headers {
    /// Files whose name carries a fingerprint of their content (trunk's
    /// `public-cf5a5549c095325f.js`) never change: cached for a year.
    /// Everything else, pages and data above all, changes with a decision:
    /// a reader (or a CDN) sees the change within a minute.
    pub fn of(name: &str) -> Self {
        let content_type = match name.rsplit_once('.').map(|(_, ext)| ext) {
            Some("html") => "text/html; charset=utf-8",
            Some("json") => "application/json",
            Some("jsonld") => "application/ld+json",
            Some("ttl") => "text/turtle; charset=utf-8",
            Some("rdf") => "application/rdf+xml",
            Some("csv") => "text/csv; charset=utf-8",
            Some("tsv") => "text/tab-separated-values; charset=utf-8",
            Some("txt") => "text/plain; charset=utf-8",
            Some("xml") => "application/xml",
            Some("js") => "text/javascript; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("webmanifest") => "application/manifest+json",
            _ => mime_guess::from_path(name).first_raw().unwrap_or("application/octet-stream"),
        };
        let cache_control =
            if is_fingerprinted(name) { "public, max-age=31536000, immutable" } else { "public, max-age=60" };
        Self { content_type, cache_control }
    }
}

/// Whether the file name ends its stem with `-` and 16 hex digits, as trunk
/// names what it builds (`admin-73efe7dddc803bd3_bg.wasm`, `main-….css`).
fn is_fingerprinted(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    let stem = file.split('.').next().unwrap_or(file);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A file of the local site.
struct SiteFile {
    name: String,
    path: std::path::PathBuf,
    digest: String,
}

/// Every file under `root` with the SHA-256 of its content, but the
/// precompressed copies (`x.js.br`, `x.js.gz`), which only our own server
/// knows how to offer.
fn files_of(root: &Path) -> Result<Vec<SiteFile>, Error> {
    use sha2::Digest;
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let name = path.strip_prefix(root)?.to_string_lossy().replace('\\', "/");
            if (name.ends_with(".br") || name.ends_with(".gz")) && path.with_extension("").exists() {
                continue;
            }
            let digest = format!("{:x}", sha2::Sha256::digest(std::fs::read(&path)?));
            files.push(SiteFile { name, path, digest });
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_s3_addresses_with_a_bucket_are_taken() {
        for wrong in ["", "backups", "/var/backups", "https://example.org/x", "s3://", "s3:///folder"] {
            assert!(Bucket::parse(wrong).is_err(), "{wrong:?}");
        }
        assert!(Bucket::parse("s3://copie/buone-pratiche").is_ok());
    }

    #[test]
    fn fingerprinted_files_are_cached_for_a_year_and_the_rest_for_a_minute() {
        for name in ["admin-73efe7dddc803bd3_bg.wasm", "main-bef8b4ee93f6e481.css", "public-cf5a5549c095325f.js"] {
            assert_eq!(Headers::of(name).cache_control, "public, max-age=31536000, immutable", "{name}");
        }
        for name in ["catalogue.json", "index.html", "pratiche/a-b.json", "embed.js", "comuni-2024-12-04.tsv"] {
            assert_eq!(Headers::of(name).cache_control, "public, max-age=60", "{name}");
        }
        assert_eq!(Headers::of("admin-73efe7dddc803bd3_bg.wasm").content_type, "application/wasm");
        assert_eq!(Headers::of("opendata/buone-pratiche.csv").content_type, "text/csv; charset=utf-8");
        assert_eq!(Headers::of("pratiche/x/index.html").content_type, "text/html; charset=utf-8");
    }

    #[test]
    fn the_catalogue_is_written_after_the_pages_and_the_pages_after_their_files() {
        assert_eq!(Wave::of("catalogue.json"), Wave::Catalogue);
        assert_eq!(Wave::of("pratiche/x/index.html"), Wave::Pages);
        assert_eq!(Wave::of("pratiche/x.json"), Wave::Files);
        assert_eq!(Wave::of("opendata/catalogue.json"), Wave::Files);
    }
}
