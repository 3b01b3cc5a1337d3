// SPDX-License-Identifier: EUPL-1.2
//! Static publication: one folder that any plain static web server can host,
//! with no API behind it. It holds the release app (switched to read static
//! data), `catalogue.json`, one `pratiche/{id}.json` per published practice,
//! `participation.json` (who took part), the open-data files, and an `index.html` entry point for every page address
//! so that deep links work on servers that only serve files.

use crate::bucket::Bucket;
use crate::config::Config;
use crate::{api, db, demo, frame, head, opendata};
use domain::site::operator::Operator;
use domain::site::pages::{Entry, PAGES};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().expect("entries have names"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// The app's page for static hosting: static data, no nonce placeholders
/// (there is no server to fill them).
pub fn static_index(index: &str) -> String {
    index
        .replace(
            r#"<meta name="bp-data-source" content="api" />"#,
            r#"<meta name="bp-data-source" content="static" />"#,
        )
        .replace(&format!(r#" nonce="{}""#, crate::head::NONCE_PLACEHOLDER), "")
}

/// What a static publication is made from.
pub struct Source<'a> {
    pub db: &'a db::Db,
    /// The built app (trunk's `dist`).
    pub dist: &'a Path,
    /// The site's public address, for absolute links in the open-data files.
    pub public_url: &'a str,
    /// Where the static copy sends respondents (it cannot receive answers).
    pub questionnaire_url: Option<&'a str>,
    /// Who runs the site (`operator.json`, the open data's publisher, the
    /// contact of `.well-known/security.txt`).
    pub operator: &'a Operator,
    /// The administration's logo (`operator.logo`), written at its address.
    pub logo: Option<&'a crate::logo::Logo>,
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Writes the static site into `out` from the built app in `config.static_dir`.
pub async fn publish_static(config: &Config, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let dist = config.static_dir.as_deref().ok_or("publish-static needs the built app: set BP_STATIC_DIR (dist)")?;
    let db = db::Db::open(&config.database)?;
    if config.demo {
        demo::load_if_empty(&db).await?;
    }
    let public_url = config.public_url();
    let operator = config.operator()?;
    let logo = config.logo()?;
    let source = Source {
        db: &db,
        dist,
        public_url: &public_url,
        questionnaire_url: config.questionnaire_url.as_deref(),
        operator: &operator,
        logo: logo.as_ref(),
    };
    let count = write_site(&source, out).await.map_err(|e| e.to_string())?;
    println!("wrote a static site with {count} practices to {}", out.display());
    Ok(())
}

/// Writes the whole static site into `out`; returns how many practices it
/// holds. The practices are read once, so pages, practice files, catalogue
/// and open data agree; the files are written off the async threads.
pub async fn write_site(source: &Source<'_>, out: &Path) -> Result<usize, Error> {
    let practices = source.db.read(db::published_practices).await?;
    let rounds = source.db.read(db::rounds::all).await?;
    let (dist, out) = (source.dist.to_path_buf(), out.to_path_buf());
    let (public_url, questionnaire_url) = (source.public_url.to_owned(), source.questionnaire_url.map(str::to_owned));
    let operator = source.operator.clone();
    let logo = source.logo.cloned();
    tokio::task::spawn_blocking(move || {
        write_files(&dist, &out, &public_url, questionnaire_url.as_deref(), &operator, &practices, &rounds)?;
        std::fs::write(out.join("operator.json"), serde_json::to_vec(&operator)?)?;
        if let Some(logo) = &logo {
            std::fs::write(out.join(logo.address.trim_start_matches('/')), &logo.bytes)?;
        }
        if let Some(contact) = &operator.security_contact {
            std::fs::create_dir_all(out.join(".well-known"))?;
            let text = crate::security_txt::render(contact, &public_url, time::OffsetDateTime::now_utc());
            std::fs::write(out.join(".well-known/security.txt"), text)?;
        }
        Ok::<_, Error>(practices.len())
    })
    .await?
}

fn write_files(
    dist: &Path,
    out: &Path,
    public_url: &str,
    questionnaire_url: Option<&str>,
    operator: &Operator,
    practices: &[domain::PublicPractice],
    rounds: &[domain::questionnaire::rounds::Round],
) -> Result<usize, Error> {
    copy_dir(dist, out)?;
    let entries = crate::web::EntryPages::read(dist)?;
    for entry in Entry::ALL {
        // Only the filled-in pages below are served from the copy.
        let _ = std::fs::remove_file(out.join(format!("{}.html", entry.name())));
    }
    let questionnaire_meta =
        questionnaire_url.map(|url| format!(r#"<meta name="bp-questionnaire-url" content="{}" />"#, head::escape(url)));
    // Each address's file is its entry's page naming it in its head, as the server's answers do.
    let write_page = |path: &str, practice: Option<&domain::PublicPractice>| -> std::io::Result<()> {
        let page = head::render(
            entries.for_path(path),
            &head::head_of(path, practice, public_url, domain::api::DataSource::Static),
            public_url,
        );
        let known = frame::Known { practices, rounds, current_round: None, operator };
        let reads = frame::start_reads(path, domain::api::DataSource::Static, &known);
        let mut start = frame::start_data(path, None, domain::api::DataSource::Static, public_url, operator, reads);
        start.questionnaire_url = questionnaire_url.map(str::to_owned);
        let mut html = frame::into_body(&page, &frame::draw(path, start), domain::Lang::It, operator);
        if let Some(meta) = &questionnaire_meta {
            html = html.replacen(
                "<meta name=\"bp-data-source\"",
                &format!("{meta}\n    <meta name=\"bp-data-source\""),
                1,
            );
        }
        let file = match path {
            "/404" => out.join("404.html"),
            _ => out.join(path.trim_start_matches('/')).join("index.html"),
        };
        std::fs::create_dir_all(file.parent().expect("a page's file is in a folder"))?;
        std::fs::write(file, static_index(&html))
    };
    write_page("/404", None)?;
    std::fs::create_dir_all(out.join("pratiche"))?;
    for page in PAGES.iter().filter(|page| page.in_static_copy) {
        if !page.path.contains('*') {
            write_page(page.path, None)?;
            continue;
        }
        for practice in practices {
            let path = page.path.replace('*', practice.id.as_str());
            write_page(&path, Some(practice))?;
        }
    }
    for practice in practices {
        std::fs::write(out.join("pratiche").join(format!("{}.json", practice.id)), serde_json::to_vec(practice)?)?;
    }
    std::fs::write(out.join("robots.txt"), head::robots_txt(public_url))?;
    std::fs::write(out.join("sitemap.xml"), head::sitemap_xml(public_url, practices))?;
    std::fs::write(out.join("catalogue.json"), serde_json::to_vec(&api::catalogue_of(practices))?)?;
    let participation = crate::participation::of(practices, rounds);
    std::fs::write(out.join(crate::participation::JSON_FILE), serde_json::to_vec(&participation)?)?;
    let opendata = out.join("opendata");
    std::fs::create_dir_all(&opendata)?;
    for (name, _, _) in opendata::FILES {
        let body = opendata::render(name, public_url, operator, practices, rounds).expect("every listed file renders");
        std::fs::write(opendata.join(name), body)?;
    }
    Ok(practices.len())
}

/// A static publication the server keeps current: after every decision that
/// changes what the public sees, the whole site is written again into a new
/// folder, then
/// - with `BP_PUBLISH_DIR`, the symbolic link `link` is switched to it with
///   one rename, so a web server reading through the link sees the old site
///   or the new one, never half of each;
/// - with `BP_PUBLISH_URL`, the folder in object storage is brought level
///   with it, changed files only, the catalogue last ([`Bucket::sync_site`]).
///
/// Decisions do not wait for it: they ask (`request`) and answer once their
/// change is committed; one background task writes, on the blocking pool,
/// and requests that arrive while it writes are served by one more write.
/// A write that fails is logged and tried again a little later.
pub struct LivePublication {
    destination: Destination,
    pub questionnaire_url: Option<String>,
    pub operator: Operator,
    pub logo: Option<crate::logo::Logo>,
    /// The number of the latest request; the writer publishes up to it.
    requested: tokio::sync::watch::Sender<u64>,
    /// The number of the latest request whose changes are published.
    published: tokio::sync::watch::Sender<u64>,
    /// Since when a change waits to be published (`None`: nothing waits).
    waiting_since: std::sync::Mutex<Option<std::time::Instant>>,
}

/// Where the live publication goes: a local folder behind a symbolic link,
/// a folder in object storage, or both.
#[derive(Debug)]
pub struct Destination {
    pub link: Option<PathBuf>,
    pub bucket: Option<Bucket>,
    /// Where a copy meant only for the bucket is written, then removed.
    pub staging: PathBuf,
}

impl Destination {
    /// The symbolic link `link`, switched to each new copy.
    pub fn folder(link: &Path) -> Self {
        let staging = link.parent().unwrap_or(Path::new(".")).to_path_buf();
        Self { link: Some(link.to_path_buf()), bucket: None, staging }
    }
}

/// How long a failed publication waits before it is written again.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(30);

impl LivePublication {
    /// Checks that the link is free or a symbolic link (never a real folder,
    /// which could not be switched in one step).
    pub fn new(
        destination: Destination,
        questionnaire_url: Option<String>,
        operator: Operator,
        logo: Option<crate::logo::Logo>,
    ) -> Result<Self, String> {
        if let Some(link) = destination.link.as_ref().filter(|link| link.exists() && !link.is_symlink()) {
            return Err(format!(
                "BP_PUBLISH_DIR {} is a folder: it must be a symbolic link the server switches (or not exist yet)",
                link.display()
            ));
        }
        Ok(Self {
            destination,
            questionnaire_url,
            operator,
            logo,
            requested: tokio::sync::watch::Sender::new(0),
            waiting_since: std::sync::Mutex::new(None),
            published: tokio::sync::watch::Sender::new(0),
        })
    }

    /// Starts the background writer, reading from `db` and the built app in `dist`.
    pub fn start(self, db: db::Db, dist: PathBuf, public_url: String) -> Arc<Self> {
        let live = Arc::new(self);
        let writer = Arc::clone(&live);
        // Subscribed before the task runs, so a request made right away is seen.
        let mut requests = writer.requested.subscribe();
        tokio::spawn(async move {
            let mut generation = 0u64;
            loop {
                if requests.changed().await.is_err() {
                    return;
                }
                let wanted = *requests.borrow_and_update();
                generation += 1;
                let written = writer.write(&db, &dist, &public_url, generation).await;
                writer.published.send_replace(wanted);
                match written {
                    Ok(()) if *writer.requested.borrow() == wanted => {
                        *writer.waiting_since.lock().unwrap_or_else(|p| p.into_inner()) = None;
                    }
                    Ok(()) => {}
                    Err(error) => {
                        tracing::error!(%error, "updating the static publication failed: trying again in 30 s");
                        let again = Arc::clone(&writer);
                        tokio::spawn(async move {
                            tokio::time::sleep(RETRY_AFTER).await;
                            again.request();
                        });
                    }
                }
            }
        });
        live
    }

    /// Asks for the site to be written again with the current data; returns at once.
    pub fn request(&self) {
        self.waiting_since.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert_with(std::time::Instant::now);
        self.requested.send_modify(|n| *n += 1);
    }

    /// How long the oldest change not yet published has waited (zero when
    /// the publication is up to date).
    pub fn lag(&self) -> std::time::Duration {
        self.waiting_since
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .map_or(std::time::Duration::ZERO, |since| since.elapsed())
    }

    /// Waits until every change requested so far is published (or its
    /// writing failed and was logged).
    pub async fn settled(&self) {
        let target = *self.requested.borrow();
        let mut published = self.published.subscribe();
        let _ = published.wait_for(|done| *done >= target).await;
    }

    /// Writes the current site, switches the link to it and brings the
    /// bucket level with it. The previous local copy stays until the next
    /// switch (a reader that followed the old link a moment ago still finds
    /// its files); older ones are removed.
    async fn write(&self, db: &db::Db, dist: &Path, public_url: &str, generation: u64) -> Result<(), Error> {
        let Destination { link, bucket, staging } = &self.destination;
        let name = match link {
            Some(link) => link.file_name().ok_or("BP_PUBLISH_DIR has no file name")?.to_string_lossy().into_owned(),
            None => "publication".to_owned(),
        };
        let stamp = format!("{}-{generation}", &db::now().replace([':', '-'], ""));
        let folder = match link {
            Some(link) => link.with_file_name(format!("{name}.{stamp}")),
            None => staging.join(format!("{name}.{stamp}")),
        };
        let source = Source {
            db,
            dist,
            public_url,
            questionnaire_url: self.questionnaire_url.as_deref(),
            operator: &self.operator,
            logo: self.logo.as_ref(),
        };
        write_site(&source, &folder).await?;
        let synced = match bucket {
            Some(bucket) => Some(bucket.sync_site(&folder).await.map_err(|e| format!("{}: {e}", bucket.url))),
            None => None,
        };
        match link {
            Some(link) => {
                let link = link.clone();
                let folder = folder.clone();
                tokio::task::spawn_blocking(move || switch_link(&link, &name, &folder)).await??;
            }
            None => tokio::fs::remove_dir_all(&folder).await?,
        }
        if let Some(synced) = synced {
            let synced = synced?;
            tracing::info!(
                uploaded = synced.uploaded,
                deleted = synced.deleted,
                unchanged = synced.unchanged,
                "the static publication in object storage is up to date"
            );
        }
        Ok(())
    }
}

/// Points `link` at `folder` with one rename, and removes older copies.
fn switch_link(link: &Path, name: &str, folder: &Path) -> Result<(), Error> {
    let previous = std::fs::read_link(link).ok();
    let next_link = link.with_file_name(format!(".{name}.next"));
    let _ = std::fs::remove_file(&next_link);
    symlink(Path::new(folder.file_name().ok_or("no folder name")?), &next_link)?;
    std::fs::rename(&next_link, link)?;
    let keep = [Some(folder.file_name().unwrap_or_default().to_owned()), previous.map(|p| p.into_os_string())];
    let parent = link.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    for entry in std::fs::read_dir(parent)? {
        let entry = entry?;
        let file_name = entry.file_name();
        let ours = file_name.to_string_lossy().starts_with(&format!("{name}."));
        if ours && !keep.iter().flatten().any(|k| *k == file_name) && entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        }
    }
    Ok(())
}

/// A symbolic link to a folder.
#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

/// A symbolic link to a folder.
#[cfg(windows)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}
