// SPDX-License-Identifier: EUPL-1.2
//! Serving the built app: static files (pre-compressed copies when present),
//! each address's entry page of the app with a fresh CSP nonce per
//! response, and the security headers every response carries.

use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use domain::site::pages::Entry;
use std::path::Path;
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy for HTML pages: scripts only from our origin or carrying this
/// response's nonce, wasm allowed to compile, nothing from other origins.
/// `frame_ancestors` says who may frame the page: the embed allowlist on
/// `/embed/...` routes, `'none'` everywhere else.
pub fn page_csp(nonce: &str, frame_ancestors: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// The app's entry pages as trunk wrote them (nonce placeholders included),
/// one per entry point (`domain::site::pages::Entry`).
#[derive(Clone, Debug)]
pub struct EntryPages(Vec<(Entry, Arc<str>)>);

impl EntryPages {
    /// Reads `{entry}.html` for each entry point from the built app; a build
    /// with one page for every address (trunk's own `index.html`, as
    /// `trunk serve` and the tests make) serves that page for every entry.
    pub fn read(dir: &Path) -> std::io::Result<Self> {
        let single = dir.join("index.html");
        let read = |entry: Entry| {
            let page = dir.join(format!("{}.html", entry.name()));
            std::fs::read_to_string(if page.exists() { page } else { single.clone() }).map(Arc::from)
        };
        Entry::ALL.into_iter().map(|entry| Ok((entry, read(entry)?))).collect::<std::io::Result<_>>().map(Self)
    }

    /// The page of the entry point that serves `path`.
    pub fn for_path(&self, path: &str) -> &str {
        let entry = Entry::of(path);
        self.0.iter().find(|(e, _)| *e == entry).map(|(_, page)| page.as_ref()).expect("every entry is read")
    }
}

/// The routes partner websites may frame.
pub fn is_embed_route(path: &str) -> bool {
    path.starts_with("/embed/")
}

/// The administration's logo file, with the resources' policy (an SVG may
/// hold scripts: none runs).
pub fn logo_response(logo: &crate::logo::Logo) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(logo.media_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(RESOURCE_CSP)),
        ],
        logo.bytes.to_vec(),
    )
        .into_response()
}

/// The policy for everything that is not a page (JSON, wasm, CSS, fonts).
pub const RESOURCE_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

fn fresh_nonce() -> String {
    let mut bytes = [0u8; 18];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The entry page of the app that serves this address, for every address
/// that is not a file: 200 for the app's pages, 404 (with the app, which
/// says "Pagina non trovata") for the others.
pub async fn index(State(state): State<AppState>, uri: axum::http::Uri, headers: axum::http::HeaderMap) -> Response {
    let Some(pages) = state.entry_pages.as_ref() else {
        return crate::error::ApiError::NotFound.into_response();
    };
    let path = if uri.path() == "/index.html" { "/" } else { uri.path() };
    let template = pages.for_path(path);
    let known = match known_for(&state, path).await {
        Ok(known) => known,
        Err(error) => return crate::error::ApiError::from(error).into_response(),
    };
    // A practice's page (and its embed) names it in its head: title,
    // summary, JSON-LD.
    let shown = path.strip_prefix("/pratiche/").or_else(|| path.strip_prefix("/embed/pratiche/"));
    let practice = shown.and_then(|id| known.0.iter().find(|p| p.id.as_str() == id)).cloned();
    let head = crate::head::head_of(path, practice.as_ref(), &state.public_url, domain::api::DataSource::Api);
    let url = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    let reads = crate::frame::start_reads(
        path,
        domain::api::DataSource::Api,
        &crate::frame::Known {
            practices: &known.0,
            rounds: &known.1,
            current_round: known.2.as_ref(),
            operator: &state.operator,
        },
    );
    let cookies = headers.get(header::COOKIE).and_then(|v| v.to_str().ok());
    let start = crate::frame::start_data(
        &url,
        cookies,
        domain::api::DataSource::Api,
        &state.public_url,
        &state.operator,
        reads,
    );
    let lang = start.lang;
    let body = tokio::task::spawn_blocking(move || crate::frame::draw(&url, start)).await.unwrap_or_default();
    let nonce = fresh_nonce();
    let html =
        crate::frame::into_body(&crate::head::render(template, &head, &state.public_url), &body, lang, &state.operator)
            .replace(crate::head::NONCE_PLACEHOLDER, &nonce);
    let embed = is_embed_route(path);
    let ancestors = if embed { state.embed_ancestors.as_str() } else { "'none'" };
    let csp = HeaderValue::from_str(&page_csp(&nonce, ancestors)).expect("a checked allowlist is a valid header value");
    let missing_practice = shown.is_some() && practice.is_none();
    let status = if domain::site::pages::page_at(path).is_some() && !missing_practice {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let mut response = (
        status,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        html,
    )
        .into_response();
    if !embed {
        // For browsers that predate `frame-ancestors`.
        response.headers_mut().insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    response
}

/// What the page at `path` reads at start, from the database: the published
/// practices, the rounds and the round in progress (each only if the page
/// reads it).
async fn known_for(
    state: &AppState,
    path: &str,
) -> Result<
    (
        Vec<domain::PublicPractice>,
        Vec<domain::questionnaire::rounds::Round>,
        Option<domain::questionnaire::rounds::Round>,
    ),
    crate::db::DbError,
> {
    use domain::site::pages::Reads;
    let reads = domain::site::pages::page_at(path).map_or(Reads::Nothing, |page| page.reads);
    state
        .db
        .read(move |conn| {
            let practices = match reads {
                Reads::Catalogue | Reads::CatalogueAndPractice | Reads::Participation => {
                    crate::db::published_practices(conn)?
                }
                _ => Vec::new(),
            };
            let rounds = if reads == Reads::Participation { crate::db::rounds::all(conn)? } else { Vec::new() };
            let current = if reads == Reads::CurrentRound { crate::db::rounds::current(conn)? } else { None };
            Ok((practices, rounds, current))
        })
        .await
}

/// Checks an embed allowlist: `*`, or origins like `https://www.regione.puglia.it`
/// separated by spaces. Anything else could break or widen the policy.
pub fn parse_embed_ancestors(text: &str) -> Result<String, String> {
    let list: Vec<&str> = text.split_whitespace().collect();
    if list.is_empty() {
        return Err("BP_EMBED_ANCESTORS is empty: use * or a list of origins".into());
    }
    for item in &list {
        let origin = item.strip_prefix("https://").or_else(|| item.strip_prefix("http://"));
        let valid = *item == "*"
            || *item == "'self'"
            || origin.is_some_and(|host| {
                !host.is_empty()
                    && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'))
            });
        if !valid {
            return Err(format!("not an origin for BP_EMBED_ANCESTORS: {item:?}"));
        }
    }
    Ok(list.join(" "))
}

/// The headers every response carries, unless a handler set its own.
pub fn security_headers() -> [SetResponseHeaderLayer<HeaderValue>; 5] {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    [
        set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        set(header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        set(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ),
        set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        set(header::CONTENT_SECURITY_POLICY, RESOURCE_CSP),
    ]
}

/// A static file answer that failed without saying why (ServeDir's bare 500
/// for a path the file system cannot even look up) becomes a JSON 404.
pub async fn no_bare_failures<B>(response: axum::http::Response<B>) -> Response
where
    axum::http::Response<B>: IntoResponse,
{
    if response.status().is_server_error() && !response.headers().contains_key(header::CONTENT_TYPE) {
        tracing::warn!(status = %response.status(), "static file lookup failed; answered 404");
        return crate::error::ApiError::NotFound.into_response();
    }
    response.into_response()
}

/// HTTP Strict Transport Security, for a site served over https: browsers
/// then refuse plain http to it for a year.
pub fn hsts() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn embed_allowlists_are_origins_only() {
        assert_eq!(super::parse_embed_ancestors("*"), Ok("*".into()));
        assert_eq!(
            super::parse_embed_ancestors(" https://www.regione.puglia.it  http://localhost:8080 "),
            Ok("https://www.regione.puglia.it http://localhost:8080".into())
        );
        for bad in ["", "   ", "https://a.it; script-src *", "javascript:x", "https://a.it/path", "'unsafe-inline'"] {
            assert!(super::parse_embed_ancestors(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn nonces_are_fresh_and_header_safe() {
        let (a, b) = (super::fresh_nonce(), super::fresh_nonce());
        assert_ne!(a, b);
        assert_eq!(a.len(), 24);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'='));
    }
}
