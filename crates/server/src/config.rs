// SPDX-License-Identifier: EUPL-1.2
//! Configuration: environment variables, each overridable by a flag.

use clap::{Parser, Subcommand};
use domain::record::validation::{is_email, is_web_url};
use domain::site::operator::{Controller, Operator, Retention};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The Buone pratiche API server.
#[derive(Debug, Parser)]
#[command(name = "server", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How the server runs.
#[derive(Clone, Debug, clap::Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "BP_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Path of the SQLite database file (created and migrated on start).
    #[arg(long, env = "BP_DATABASE", default_value = "data/buone-pratiche.sqlite")]
    pub database: PathBuf,
    /// Folder of the built app (trunk's `dist`); without it only `/api` is served.
    #[arg(long, env = "BP_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,
    /// Load the demo practices when the database is empty (`BP_DEMO=1`;
    /// also accepts true/false, yes/no, on/off, 0).
    #[arg(long, env = "BP_DEMO", action = clap::ArgAction::SetTrue,
          value_parser = clap::builder::BoolishValueParser::new())]
    pub demo: bool,
    /// Submissions completed in fewer seconds (from the questionnaire's
    /// opening, as the server measured it) are refused as automated.
    #[arg(long, env = "BP_MIN_FILL_SECONDS", default_value_t = 20)]
    pub min_fill_seconds: u64,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` headers name
    /// the client (addresses or CIDR ranges, comma-separated, e.g.
    /// `127.0.0.1,10.0.0.0/8`); from anyone else those headers are ignored.
    #[arg(long, env = "BP_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// Who may read `/metrics` (addresses or CIDR ranges, comma-separated;
    /// behind a trusted proxy, the client it names). Others get a 403.
    #[arg(long, env = "BP_METRICS_FROM", default_value = "127.0.0.1, ::1")]
    pub metrics_from: String,
    /// How the log is written to standard error: `text` for people, `json`
    /// (one object per line) for a log collector.
    #[arg(long, env = "BP_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    pub log_format: String,
    /// The public address of the site, for absolute links in the open-data
    /// metadata and feed (default: `http://` + the listen address).
    #[arg(long, env = "BP_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// For `publish-static`: the address of the questionnaire on the main
    /// site, linked from the static copy (which cannot receive answers).
    #[arg(long, env = "BP_QUESTIONNAIRE_URL")]
    pub questionnaire_url: Option<String>,
    /// Where to report a vulnerability, for `/.well-known/security.txt`
    /// (RFC 9116): an e-mail, or a `mailto:`, `https://` or `tel:` URI.
    /// Without it the server and the static publication have no such file.
    #[arg(long, env = "BP_SECURITY_CONTACT")]
    pub security_contact: Option<String>,
    /// The data controller (titolare del trattamento) named by the privacy
    /// notice: the administration's name, e.g. `Comune di Perugia`.
    #[arg(long, env = "BP_CONTROLLER_NAME")]
    pub controller_name: Option<String>,
    /// The controller's postal address.
    #[arg(long, env = "BP_CONTROLLER_ADDRESS")]
    pub controller_address: Option<String>,
    /// The controller's PEC (posta elettronica certificata).
    #[arg(long, env = "BP_CONTROLLER_PEC")]
    pub controller_pec: Option<String>,
    /// The controller's e-mail, where people exercise their rights.
    #[arg(long, env = "BP_CONTROLLER_EMAIL")]
    pub controller_email: Option<String>,
    /// The data protection officer's e-mail (RPD / DPO).
    #[arg(long, env = "BP_DPO_EMAIL")]
    pub dpo_email: Option<String>,
    /// The editors' e-mail (redazione), shown on the contacts page.
    #[arg(long, env = "BP_EDITORS_EMAIL")]
    pub editors_email: Option<String>,
    /// The publisher of the open data, as DCAT names it.
    #[arg(long, env = "BP_PUBLISHER_NAME", default_value = domain::site::operator::DEFAULT_PUBLISHER_NAME)]
    pub publisher_name: String,
    /// The publisher's code in the Indice delle Pubbliche Amministrazioni.
    #[arg(long, env = "BP_PUBLISHER_IPA", default_value = domain::site::operator::DEFAULT_PUBLISHER_IPA)]
    pub publisher_ipa: String,
    /// Months the referent's contact is kept after the practice was
    /// published or rejected (stated in the privacy notice).
    #[arg(long, env = "BP_RETENTION_CONTACT_MONTHS", default_value_t = Retention::default().contact_months)]
    pub retention_contact_months: u16,
    /// Months a curator's account is kept after it was closed.
    #[arg(long, env = "BP_RETENTION_ACCOUNT_MONTHS", default_value_t = Retention::default().account_months)]
    pub retention_account_months: u16,
    /// Days the server's logs are kept (by whoever collects them).
    #[arg(long, env = "BP_RETENTION_LOG_DAYS", default_value_t = Retention::default().log_days)]
    pub retention_log_days: u16,
    /// Months an accessibility report is kept.
    #[arg(long, env = "BP_RETENTION_FEEDBACK_MONTHS", default_value_t = Retention::default().feedback_months)]
    pub retention_feedback_months: u16,
    /// Days a sent e-mail is kept in the outbox before it is deleted.
    #[arg(long, env = "BP_RETENTION_MAIL_DAYS", default_value_t = Retention::default().mail_days)]
    pub retention_mail_days: u16,
    /// Days after which a published practice's respondent is asked to
    /// confirm it is current; not confirmed for half as long again, it shows
    /// "da aggiornare" (never unpublished).
    #[arg(long, env = "BP_CONFIRM_AFTER_DAYS", default_value_t = domain::community::living::DEFAULT_CONFIRM_AFTER_DAYS,
          value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub confirm_after_days: u32,
    /// The accessibility statement filed on form.agid.gov.it, if any.
    #[arg(long, env = "BP_ACCESSIBILITY_STATEMENT_URL")]
    pub accessibility_statement_url: Option<String>,
    /// The administration's emblem or logo for the header: a local .svg or
    /// .png file (at most 256 KiB), served by the site itself.
    #[arg(long, env = "BP_OPERATOR_LOGO")]
    pub operator_logo: Option<PathBuf>,
    /// A static publication kept current after every curators' decision: a
    /// symbolic link the server switches to each new copy of the site
    /// (created if missing); serve it with any static web server.
    #[arg(long, env = "BP_PUBLISH_DIR")]
    pub publish_dir: Option<PathBuf>,
    /// The static publication kept current in S3-compatible object storage
    /// (`s3://bucket/folder`; credentials and endpoint from the `AWS_*`
    /// variables): only changed files are written, the catalogue last.
    #[arg(long, env = "BP_PUBLISH_URL")]
    pub publish_url: Option<String>,
    /// Where backups go, in S3-compatible object storage (`s3://bucket/folder`):
    /// one every BP_BACKUP_EVERY_HOURS while the server runs, and
    /// `server backup` / `server restore` without a file.
    #[arg(long, env = "BP_BACKUP_URL")]
    pub backup_url: Option<String>,
    /// Hours between two backups to BP_BACKUP_URL.
    #[arg(long, env = "BP_BACKUP_EVERY_HOURS", default_value_t = 24,
          value_parser = clap::value_parser!(u32).range(1..=8760))]
    pub backup_every_hours: u32,
    /// How many backups BP_BACKUP_URL keeps; older ones are deleted.
    #[arg(long, env = "BP_BACKUP_KEEP", default_value_t = 14,
          value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub backup_keep: u32,
    /// Harvest sources may be on loopback or a private network (an
    /// intranet's collection); by default only public addresses are read.
    #[arg(long, env = "BP_HARVEST_PRIVATE_ADDRESSES", default_value_t = false, action = clap::ArgAction::Set)]
    pub harvest_private_addresses: bool,
    /// Who may show `/embed/...` pages in an iframe: `*` (any site) or origins
    /// separated by spaces (`https://www.regione.puglia.it https://...`).
    #[arg(long, env = "BP_EMBED_ANCESTORS", default_value = "*")]
    pub embed_ancestors: String,
    /// Seconds one request may take, body included, before it is cut off (408).
    #[arg(long, env = "BP_REQUEST_TIMEOUT_SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub request_timeout_seconds: u64,
    /// The mail server that delivers the outbox: `smtp://host:port` (add
    /// `?tls=required` for STARTTLS) or `smtps://host:port`, with the user
    /// (and password) as `smtp://user:password@host`. Without it nothing is
    /// sent: messages wait in the outbox, which admins read at `/redazione/posta`.
    #[arg(long, env = "BP_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// A file holding the SMTP password, instead of putting it in BP_SMTP_URL.
    #[arg(long, env = "BP_SMTP_PASSWORD_FILE")]
    pub smtp_password_file: Option<PathBuf>,
    /// Who the messages are from: `Buone pratiche <noreply@ente.it>` or an address.
    #[arg(long, env = "BP_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Submissions accepted per minute from one client address.
    #[arg(long, env = "BP_SUBMISSIONS_PER_MINUTE", default_value_t = 10)]
    pub submissions_per_minute: u32,
}

/// One-off tasks instead of serving.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the public catalogue to a file, in the shape of `GET /api/catalogue`.
    ExportCatalogue {
        /// The file to write, e.g. `dist/catalogue.json`.
        out: PathBuf,
    },
    /// Manage curator accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Copy the database to a new file, consistently, while the server runs;
    /// without a file, to BP_BACKUP_URL (keeping the newest BP_BACKUP_KEEP).
    Backup {
        /// The backup file to create, e.g. `backups/2026-05-15.sqlite`.
        out: Option<PathBuf>,
    },
    /// Replace the database's contents with a backup (checked first);
    /// without a file, with the newest backup at BP_BACKUP_URL.
    Restore {
        /// The backup file to restore.
        from: Option<PathBuf>,
    },
    /// Delete or blank the personal data the privacy notice no longer lets
    /// us keep (the server does it daily); prints what it removed.
    Purge {
        /// Print what would be removed, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a self-contained static site (app, data, open data) into a folder,
    /// from the built app in BP_STATIC_DIR: it needs no API to run.
    PublishStatic {
        /// The folder to write, e.g. `site`.
        out: PathBuf,
    },
}

impl Config {
    /// The configuration these command-line flags give (with the defaults
    /// and the `BP_*` variables for the rest), as `server FLAGS...` reads it.
    pub fn from_flags<'a>(flags: impl IntoIterator<Item = &'a str>) -> Result<Self, clap::Error> {
        Cli::try_parse_from(std::iter::once("server").chain(flags)).map(|cli| cli.config)
    }

    /// The public address, without a trailing slash.
    pub fn public_url(&self) -> String {
        self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.listen)).trim_end_matches('/').to_owned()
    }

    /// Who runs the site, checked. With demo data and no controller named,
    /// the demo's example operator, which every page marks as an example.
    pub fn operator(&self) -> Result<Operator, String> {
        let security_contact = self.security_contact.as_deref().map(crate::security_txt::contact_uri).transpose()?;
        let logo = self.operator_logo.as_deref().map(crate::logo::address_of).transpose()?.map(|(address, _)| address);
        if self.demo && self.controller_name.is_none() {
            return Ok(Operator {
                security_contact: security_contact.or(Operator::example().security_contact),
                logo,
                ..Operator::example()
            });
        }
        let text =
            |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let email = |name: &str, value: &Option<String>| match text(value) {
            Some(address) if !is_email(&address) => Err(format!("{name} must be an e-mail address, not {address:?}")),
            address => Ok(address),
        };
        let accessibility_statement_url = match text(&self.accessibility_statement_url) {
            Some(url) if !url.starts_with("https://") || !is_web_url(&url) => {
                return Err(format!("BP_ACCESSIBILITY_STATEMENT_URL must be an https:// address, not {url:?}"));
            }
            url => url,
        };
        let ipa = self.publisher_ipa.trim();
        if ipa.is_empty() || !ipa.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("BP_PUBLISHER_IPA must be an IPA code (letters, digits, _), not {ipa:?}"));
        }
        Ok(Operator {
            example: false,
            controller: Controller {
                name: text(&self.controller_name),
                address: text(&self.controller_address),
                pec: email("BP_CONTROLLER_PEC", &self.controller_pec)?,
                email: email("BP_CONTROLLER_EMAIL", &self.controller_email)?,
            },
            dpo_email: email("BP_DPO_EMAIL", &self.dpo_email)?,
            editors_email: email("BP_EDITORS_EMAIL", &self.editors_email)?,
            security_contact,
            publisher_name: self.publisher_name.trim().to_owned(),
            publisher_ipa: ipa.to_owned(),
            retention: self.retention(),
            accessibility_statement_url,
            logo,
        })
    }

    /// How long each kind of personal data is kept: what the privacy notice
    /// states and the retention job (`crate::retention`) enforces.
    pub fn retention(&self) -> Retention {
        Retention {
            contact_months: self.retention_contact_months,
            account_months: self.retention_account_months,
            log_days: self.retention_log_days,
            feedback_months: self.retention_feedback_months,
            mail_days: self.retention_mail_days,
        }
    }

    /// The postman for BP_SMTP_URL, if set, checked (BP_MAIL_FROM is then required).
    pub fn postman(&self) -> Result<Option<crate::mail::postman::Postman>, String> {
        let Some(url) = self.smtp_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        let from = self.mail_from.as_deref().ok_or("BP_SMTP_URL needs BP_MAIL_FROM, the sender's address")?;
        let password = match &self.smtp_password_file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .map_err(|e| format!("BP_SMTP_PASSWORD_FILE {} cannot be read: {e}", path.display()))?,
            ),
            None => None,
        };
        let timing = crate::mail::postman::Timing::default();
        let postman = crate::mail::postman::Postman::new(url, password.as_deref(), from, timing)?;
        Ok(Some(postman.keeping(self.retention_mail_days)))
    }

    /// The object-storage folder of BP_BACKUP_URL, if set.
    pub fn backup_bucket(&self) -> Result<Option<crate::bucket::Bucket>, String> {
        let url = self.backup_url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        url.map(crate::bucket::Bucket::parse).transpose().map_err(|e| format!("BP_BACKUP_URL: {e}"))
    }

    /// The object-storage folder of BP_PUBLISH_URL, if set.
    pub fn publish_bucket(&self) -> Result<Option<crate::bucket::Bucket>, String> {
        let url = self.publish_url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        url.map(crate::bucket::Bucket::parse).transpose().map_err(|e| format!("BP_PUBLISH_URL: {e}"))
    }

    /// The logo file, read and checked (`operator().logo` is its address).
    pub fn logo(&self) -> Result<Option<crate::logo::Logo>, String> {
        self.operator_logo.as_deref().map(crate::logo::load).transpose()
    }
}

/// Account management.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account; the password is read from standard input (one line,
    /// at least 12 characters), so it never appears in the shell's history.
    Add {
        /// The curator's e-mail, used to sign in.
        #[arg(long)]
        email: String,
        /// `curator` or `admin` (admins also read the audit log).
        #[arg(long, value_parser = ["curator", "admin"])]
        role: String,
    },
}
