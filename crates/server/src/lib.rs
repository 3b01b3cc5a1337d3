// SPDX-License-Identifier: EUPL-1.2
//! The API server of Buone pratiche: the JSON API under `/api`, the built
//! browser app with its single-page fallback, on one SQLite database.
//! `main.rs` reads the configuration and calls `serve`; tests call `app` with
//! a state of their own and drive the real router on a real socket.

pub mod api;
pub mod auth;
pub mod backup;
pub mod bucket;
pub mod catalogue_view;
pub mod client;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod frame;
pub mod guard;
pub mod harvest;
pub mod head;
pub mod language;
pub mod logo;
pub mod mail;
pub mod messages;
pub mod moderation;
pub mod observe;
pub mod openapi;
pub mod opendata;
pub mod participation;
pub mod publish;
pub mod retention;
pub mod security_txt;
pub mod sheet;
pub mod web;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;

/// The largest request body accepted. A complete practice at every length
/// limit is under 100 KiB of JSON, even in four-byte characters.
pub const BODY_LIMIT: usize = 256 * 1024;

/// Bytes as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 as lowercase hex: how secrets (private links, sessions) and
/// request bodies are kept and compared without storing them.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

/// 32 random bytes from the operating system, as hex: session secrets and
/// the start tokens' key.
pub fn random_secret() -> String {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).expect("the operating system provides randomness");
    hex(&secret)
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    /// The built app's folder, when the server serves it.
    pub static_dir: Option<PathBuf>,
    /// The app's entry pages, when the server serves the app.
    pub entry_pages: Option<web::EntryPages>,
    /// Limits on the submission endpoint.
    pub guard: guard::AbuseGuard,
    /// Limits on sign-in attempts, per address.
    pub login_guard: guard::AbuseGuard,
    /// Limits on "Contatta il referente", per sender and per practice.
    pub contact_limits: guard::ContactLimits,
    /// Who may frame `/embed/...` pages (CSP `frame-ancestors` sources).
    pub embed_ancestors: String,
    /// The site's public address, for absolute links in open-data files;
    /// when it is https, cookies are Secure and responses carry HSTS.
    pub public_url: String,
    /// How long one request may take, body included, before it gets 408.
    pub request_timeout: std::time::Duration,
    /// The static publication kept current after every decision, if any.
    pub publication: Option<Arc<publish::LivePublication>>,
    /// Signs and reads the questionnaire's start tokens.
    pub start_tokens: guard::StartTokens,
    /// Proxies whose forwarding headers name the client.
    pub trusted_proxies: client::TrustedProxies,
    /// Who may read `/metrics` (`BP_METRICS_FROM`).
    pub metrics_readers: observe::MetricsReaders,
    /// Who runs the site: the privacy notice's controller, the contacts,
    /// the open data's publisher, the `security.txt` contact.
    pub operator: std::sync::Arc<domain::site::operator::Operator>,
    /// The administration's logo the header shows (`operator.logo`), if any.
    pub logo: Option<logo::Logo>,
    /// The outbox's postman, if a mail server is configured, and its bell.
    pub mail: mail::Mail,
    /// Signs the links that confirm and cancel a followed view.
    pub follow_keys: mail::follow::LinkKeys,
    /// Reads other collections (one run at a time).
    pub harvester: Arc<harvest::Harvester>,
}

impl AppState {
    /// The state for a database and, optionally, a built app to serve.
    pub fn new(db: db::Db, static_dir: Option<&Path>) -> std::io::Result<Self> {
        let entry_pages = static_dir.map(web::EntryPages::read).transpose()?;
        let key = db
            .call_now(|conn| db::setting_or_insert(conn, guard::StartTokens::SETTING, random_secret))
            .map_err(std::io::Error::other)?;
        let link_key = db
            .call_now(|conn| db::setting_or_insert(conn, mail::follow::LinkKeys::SETTING, random_secret))
            .map_err(std::io::Error::other)?;
        Ok(Self {
            db,
            static_dir: static_dir.map(Path::to_path_buf),
            entry_pages,
            guard: guard::AbuseGuard::default(),
            login_guard: guard::AbuseGuard::new(0, 10),
            contact_limits: guard::ContactLimits::default(),
            embed_ancestors: "*".to_owned(),
            public_url: "http://localhost".to_owned(),
            request_timeout: std::time::Duration::from_secs(30),
            publication: None,
            start_tokens: guard::StartTokens::new(key.as_bytes()),
            trusted_proxies: client::TrustedProxies::default(),
            metrics_readers: observe::MetricsReaders::default(),
            operator: Default::default(),
            logo: None,
            mail: mail::Mail::default(),
            follow_keys: mail::follow::LinkKeys::new(link_key.as_bytes()),
            harvester: Arc::new(harvest::Harvester::new(Default::default(), "http://localhost")),
        })
    }

    /// Asks for the static publication, if any, to be written again; returns
    /// at once (a background task writes it, coalescing requests).
    pub fn publish(&self) {
        if let Some(live) = &self.publication {
            live.request();
        }
    }
}

/// The whole application: API, app and headers.
pub fn app(state: AppState) -> Router {
    let (api, document) = utoipa_axum::router::OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(api::router())
        .merge(moderation::router(&state))
        .split_for_parts();
    let mut document = document;
    openapi::add_questionnaire_rules(&mut document);
    let document = Arc::new(document);
    let api = api
        .route("/api/openapi.json", get(move || async move { axum::Json(document.as_ref().clone()) }))
        .route("/api/health/live", get(observe::live))
        .route("/api/health/ready", get(observe::ready))
        .route("/metrics", get(observe::metrics))
        .layer(CompressionLayer::new())
        .layer(DefaultBodyLimit::max(BODY_LIMIT));
    let mut router = api;
    if let Some(logo) = state.logo.clone() {
        router = router.route(&logo.address.clone(), get(move || async move { web::logo_response(&logo) }));
    }
    if let Some(dir) = &state.static_dir {
        // The pages are drawn per request: compressed as they go (brotli at
        // quality 4), a catalogue page's 50 KB of HTML travels as about 8.
        let page = get(web::index).layer(CompressionLayer::new());
        let files = ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip()
            .append_index_html_on_directories(false)
            .fallback(page.clone().with_state(state.clone()));
        // ServeDir answers a bare 500 to paths the file system refuses (a
        // name over 255 bytes): nothing is there, so a JSON 404.
        let files =
            tower::ServiceBuilder::new().layer(axum::middleware::map_response(web::no_bare_failures)).service(files);
        router = router.route("/", page.clone()).route("/index.html", page);
        // The entry pages only make sense with their nonce filled in.
        for entry in domain::site::pages::Entry::ALL {
            router = router.route(&format!("/{}.html", entry.name()), get(|| async { error::ApiError::NotFound }));
        }
        router = router.fallback_service(files);
    } else {
        router = router.fallback(|| async { error::ApiError::NotFound });
    }
    // A request that takes too long (a client trickling its body, a stuck
    // query) is cut off with a JSON 408 instead of holding a connection.
    let timeout = tower::ServiceBuilder::new()
        .layer(HandleErrorLayer::new(|_: tower::BoxError| async { error::ApiError::Timeout }))
        .layer(tower::timeout::TimeoutLayer::new(state.request_timeout));
    let [a, b, c, d, e] = web::security_headers();
    // A known path with the wrong method: a JSON 405, like every other error.
    router = router.method_not_allowed_fallback(|| async { error::ApiError::MethodNotAllowed });
    router = router.layer(timeout).layer(a).layer(b).layer(c).layer(d).layer(e);
    // Every answer, errors from the timeout, fallbacks and extractors
    // included, in the language the request's `Accept-Language` prefers.
    router = router.layer(axum::middleware::from_fn(language::scope));
    if state.public_url.starts_with("https://") {
        router = router.layer(web::hsts());
    }
    router.layer(axum::middleware::from_fn(observe::record)).layer(TraceLayer::new_for_http()).with_state(state)
}

/// Opens the database, loads demo data if asked, and serves until Ctrl-C or
/// SIGTERM, finishing the requests in flight.
pub async fn serve(config: config::Config) -> Result<(), Box<dyn std::error::Error>> {
    let db = db::Db::open(&config.database)?;
    if config.demo {
        let loaded = demo::load_if_empty(&db).await?;
        if loaded > 0 {
            tracing::info!(count = loaded, "loaded demo practices into the empty database");
        }
    }
    let days = config.confirm_after_days.to_string();
    db.call_now(|conn| db::set_setting(conn, db::CONFIRM_AFTER_DAYS, &days))?;
    let mut state = AppState::new(db, config.static_dir.as_deref())?;
    state.guard = guard::AbuseGuard::new(config.min_fill_seconds, config.submissions_per_minute);
    state.embed_ancestors = web::parse_embed_ancestors(&config.embed_ancestors)?;
    state.public_url = config.public_url();
    state.request_timeout = std::time::Duration::from_secs(config.request_timeout_seconds);
    state.trusted_proxies = client::TrustedProxies::parse(&config.trusted_proxies)?;
    state.metrics_readers = observe::MetricsReaders::parse(&config.metrics_from)?;
    let reach = harvest::fetch::Settings { allow_private: config.harvest_private_addresses, ..Default::default() };
    state.harvester = Arc::new(harvest::Harvester::new(reach, &state.public_url));
    let operator = config.operator()?;
    if !operator.example && !operator.missing().is_empty() {
        tracing::warn!(missing = %operator.missing().join(", "), "the privacy notice and the contacts page lack values: set them");
    }
    state.operator = std::sync::Arc::new(operator);
    state.logo = config.logo()?;
    match config.postman()? {
        Some(postman) => {
            state.mail.start(postman, state.db.clone());
            tracing::info!("the outbox is delivered through BP_SMTP_URL");
        }
        None => tracing::info!("no BP_SMTP_URL: messages wait in the outbox, at /redazione/posta"),
    }
    let publish_bucket = config.publish_bucket()?;
    if config.publish_dir.is_some() || publish_bucket.is_some() {
        let Some(dist) = state.static_dir.clone() else {
            return Err("BP_PUBLISH_DIR and BP_PUBLISH_URL need the built app: set BP_STATIC_DIR (dist)".into());
        };
        let staging = config.database.parent().unwrap_or(std::path::Path::new(".")).to_path_buf();
        let destination = publish::Destination { link: config.publish_dir.clone(), bucket: publish_bucket, staging };
        let live = publish::LivePublication::new(
            destination,
            config.questionnaire_url.clone(),
            (*state.operator).clone(),
            state.logo.clone(),
        )?;
        let live = live.start(state.db.clone(), dist, state.public_url.clone());
        live.request();
        state.publication = Some(live);
    }
    if let Some(bucket) = config.backup_bucket()? {
        let every = std::time::Duration::from_secs(u64::from(config.backup_every_hours) * 3600);
        tokio::spawn(backup::run(config.database.clone(), bucket, every, config.backup_keep as usize));
    }
    // The digests and confirmation requests are queued with or without a
    // mail server: they wait in the outbox.
    let republisher = state.clone();
    tokio::spawn(mail::follow::run(
        state.db.clone(),
        mail::Site::of(&state),
        state.follow_keys.clone(),
        state.mail.clone(),
        std::time::Duration::from_secs(3600),
        move || republisher.publish(),
    ));
    // What the privacy notice promises to delete, deleted when it says.
    tokio::spawn(retention::run(state.db.clone(), config.retention(), std::time::Duration::from_secs(24 * 3600)));
    // Other collections, each when it is due.
    tokio::spawn(harvest::run(state.clone(), std::time::Duration::from_secs(15 * 60)));
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, "listening");
    println!("Buone pratiche is running at http://{address}/");
    serve_on(listener, state, shutdown_signal()).await;
    Ok(())
}

/// How long a client may take to send its request line and headers; a
/// client that trickles them (slowloris) is disconnected instead of holding
/// a connection for ever. The body is bounded by the request timeout.
pub const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves the application on `listener` until `shutdown` completes, then
/// finishes the requests in flight. hyper-util directly rather than
/// `axum::serve`, which cannot limit the time to read request headers.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use tower::{Service, ServiceExt};
    let mut make_service = service(state);
    let mut connections = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    connections.http1().timer(TokioTimer::new()).header_read_timeout(HEADER_READ_TIMEOUT);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, client) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, or a connection reset while queued: wait, go on.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(router) = make_service.call(client).await;
        let hyper_service = hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
            router.clone().oneshot(request)
        });
        let connection = connections.serve_connection_with_upgrades(TokioIo::new(stream), hyper_service).into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
}

/// The application as a service that knows each client's address (for the
/// per-client rate limit): what `axum::serve` takes.
pub fn service(
    state: AppState,
) -> axum::extract::connect_info::IntoMakeServiceWithConnectInfo<Router, std::net::SocketAddr> {
    app(state).into_make_service_with_connect_info::<std::net::SocketAddr>()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.expect("Ctrl-C handler installs");
    };
    #[cfg(unix)]
    let terminate = async {
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler installs")
            .recv()
            .await;
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
    tracing::info!("shutting down");
}

/// Writes the public catalogue to `out` (the static `catalogue.json`), loading
/// the demo practices first when asked and the database is empty.
pub async fn export_catalogue(config: &config::Config, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let db = db::Db::open(&config.database)?;
    if config.demo {
        demo::load_if_empty(&db).await?;
    }
    let catalogue = api::build_catalogue(&db).await?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(out, serde_json::to_vec(&catalogue)?)?;
    println!("wrote {} practices to {}", catalogue.practices.len(), out.display());
    Ok(())
}

/// Adds a curator account, reading its password from standard input.
pub async fn add_user(config: &config::Config, email: &str, role: &str) -> Result<(), Box<dyn std::error::Error>> {
    let role = auth::Role::from_code(role).ok_or("the role is curator or admin")?;
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        eprint!("Password (at least {} characters): ", auth::MIN_PASSWORD);
    }
    let mut password = String::new();
    std::io::stdin().read_line(&mut password)?;
    let password = password.trim_end_matches(['\n', '\r']).to_owned();
    let account =
        domain::curation::api::NewAccount { email: email.trim().to_owned(), role, password: password.clone() };
    if let Err(errors) = account.check() {
        let problems: Vec<String> =
            errors.iter().map(|(key, e)| format!("{key}: {}", e.message(domain::Lang::En))).collect();
        return Err(problems.join("; ").into());
    }
    let db = db::Db::open(&config.database)?;
    let email = email.trim().to_owned();
    let shown = email.clone();
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password)).await?;
    db.call(move |conn| db::accounts::insert(conn, &email, role, &hash)).await?;
    println!("added {shown} as {}", role.code());
    Ok(())
}
