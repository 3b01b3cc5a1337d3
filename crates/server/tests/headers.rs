// SPDX-License-Identifier: EUPL-1.2
//! Security headers on every kind of route, HSTS over https, the request
//! timeout, and the 429 with Retry-After of the rate limits: the real router
//! on a real socket.

mod common;

use common::TestServer;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use server::AppState;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A server on the shared harness, with the demo data and a built app of
/// two files, and the production limits unless `configure` changes them.
struct Site {
    base: String,
    client: reqwest::Client,
    _server: TestServer,
    _dist: tempfile::TempDir,
}

/// A server with a built app of two files, configured by `configure`.
async fn start(configure: impl FnOnce(&mut AppState)) -> Site {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<html><script type=\"module\" nonce=\"{{__TRUNK NONCE__}}\">import '/app.js'</script></html>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log(1)").unwrap();
    let server = TestServer::start_with(Some(dist.path()), |state| {
        // The limits a real server starts with: these tests check them.
        state.guard = server::guard::AbuseGuard::default();
        configure(state);
    })
    .await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    Site { base: server.base.clone(), client: server.client.clone(), _server: server, _dist: dist }
}

/// One kind of route, and how it may be framed.
struct Route {
    kind: &'static str,
    path: &'static str,
    page: bool,
    framed_by: Option<&'static str>,
}

const ROUTES: [Route; 9] = [
    Route { kind: "API JSON", path: "/api/catalogue", page: false, framed_by: None },
    Route { kind: "API error", path: "/api/nessuna/rotta", page: false, framed_by: None },
    Route { kind: "API download", path: "/api/export.csv", page: false, framed_by: None },
    Route { kind: "open data", path: "/opendata/dcat.ttl", page: false, framed_by: None },
    Route { kind: "app page", path: "/catalogo", page: true, framed_by: None },
    Route { kind: "app root", path: "/", page: true, framed_by: None },
    Route { kind: "curators' page", path: "/redazione", page: true, framed_by: None },
    Route { kind: "embed page", path: "/embed/catalogo", page: true, framed_by: Some("https://www.regione.puglia.it") },
    Route { kind: "static file", path: "/app.js", page: false, framed_by: None },
];

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers.get(name).map(|v| v.to_str().unwrap()).unwrap_or_default()
}

#[tokio::test]
async fn every_kind_of_route_carries_the_security_headers() {
    for https in [false, true] {
        let site = start(|state| {
            state.embed_ancestors = "https://www.regione.puglia.it".into();
            if https {
                state.public_url = "https://buonepratiche.example.it".into();
            }
        })
        .await;
        for route in &ROUTES {
            let response = site.client.get(format!("{}{}", site.base, route.path)).send().await.unwrap();
            let h = response.headers();
            let case = format!("{} {} (https: {https})", route.kind, route.path);
            assert_eq!(header(h, "x-content-type-options"), "nosniff", "{case}");
            assert_eq!(header(h, "referrer-policy"), "strict-origin-when-cross-origin", "{case}");
            assert!(header(h, "permissions-policy").contains("camera=()"), "{case}");
            let csp = header(h, "content-security-policy");
            assert!(!csp.contains("http:") && !csp.contains("https:") || route.framed_by.is_some(), "{case}: {csp}");
            assert!(!csp.contains("unsafe-inline") && !csp.contains(" * ") && !csp.contains("'unsafe-eval'"), "{case}");
            if route.page {
                assert!(
                    csp.contains("script-src 'self' 'nonce-") && csp.contains("'wasm-unsafe-eval'"),
                    "{case}: {csp}"
                );
                assert!(csp.starts_with("default-src 'self'"), "{case}: nothing from other origins");
            } else {
                assert_eq!(csp, server::web::RESOURCE_CSP, "{case}");
            }
            match route.framed_by {
                Some(partner) => {
                    assert!(csp.ends_with(&format!("frame-ancestors {partner}")), "{case}: {csp}");
                    assert_eq!(header(h, "x-frame-options"), "", "{case}: partners may frame it");
                }
                None => {
                    assert!(csp.ends_with("frame-ancestors 'none'"), "{case}: {csp}");
                    if route.page {
                        assert_eq!(header(h, "x-frame-options"), "DENY", "{case}");
                    }
                }
            }
            let hsts = header(h, "strict-transport-security");
            if https {
                assert_eq!(hsts, "max-age=31536000; includeSubDomains", "{case}");
            } else {
                assert_eq!(hsts, "", "{case}: no HSTS over plain http");
            }
        }
    }
}

#[tokio::test]
async fn a_request_trickling_its_body_is_cut_off_with_a_json_408() {
    let site = start(|state| state.request_timeout = Duration::from_secs(1)).await;
    let address = site.base.trim_start_matches("http://");
    let text = common::trickled_request(address, "").await.expect("the server answers instead of waiting forever");
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.to_lowercase().contains("content-type: application/json"), "{text}");
    assert!(text.contains("\"code\":\"request_timeout\""), "{text}");
}

#[tokio::test]
async fn submission_and_sign_in_limits_answer_429_with_retry_after() {
    let site = start(|state| {
        state.guard = server::guard::AbuseGuard::new(0, 2);
        state.login_guard = server::guard::AbuseGuard::new(0, 3);
    })
    .await;
    let answer = serde_json::to_value(server::demo::practices().remove(0)).unwrap();
    let started = site.start_token().await;
    let mut statuses = Vec::new();
    for i in 0..3 {
        let response = site
            .client
            .post(format!("{}/api/submissions", site.base))
            .header("idempotency-key", format!("limit-test-key-{i:020}"))
            .json(&json!({"answers": answer, "edit_token": format!("limit-test-token-{i:030}"), "website": "", "started": started}))
            .send()
            .await
            .unwrap();
        statuses.push(response.status());
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert_retry_after(response).await;
        }
    }
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CREATED, StatusCode::TOO_MANY_REQUESTS]);

    let mut statuses = Vec::new();
    for _ in 0..4 {
        let response = site
            .client
            .post(format!("{}/api/session", site.base))
            .json(&json!({"email": "nessuno@example.org", "password": "password sbagliata"}))
            .send()
            .await
            .unwrap();
        statuses.push(response.status());
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert_retry_after(response).await;
        }
    }
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

async fn assert_retry_after(response: reqwest::Response) {
    let seconds: u64 = header(response.headers(), "retry-after").parse().expect("Retry-After in seconds");
    assert!((1..=60).contains(&seconds), "Retry-After: {seconds}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "too_many_requests");
}

#[tokio::test]
async fn a_client_trickling_its_headers_is_disconnected() {
    let site = start(|_| {}).await;
    let address = site.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    // A request line and one header, then nothing (slowloris).
    stream.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let started = std::time::Instant::now();
    let mut buffer = [0u8; 1024];
    let read = tokio::time::timeout(server::HEADER_READ_TIMEOUT * 3, stream.read(&mut buffer)).await;
    let waited = started.elapsed();
    assert!(read.is_ok(), "the connection is still held after {waited:?}");
    assert!(waited >= server::HEADER_READ_TIMEOUT / 2, "cut off after {waited:?}, before the limit");
}

impl Site {
    /// The start token the questionnaire gets when it opens.
    async fn start_token(&self) -> String {
        let response = self.client.post(format!("{}/api/submissions/start", self.base)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json::<Value>().await.unwrap()["started"].as_str().unwrap().to_owned()
    }

    /// Submits a copy of the first demo practice as sent through a proxy
    /// that names the client in `X-Forwarded-For`; returns the status.
    async fn submit_via(&self, number: usize, forwarded_for: &str) -> StatusCode {
        let mut answer = serde_json::to_value(server::demo::practices().remove(0)).unwrap();
        answer["title"] = json!(format!("Pratica inoltrata {number}"));
        let body = json!({
            "answers": answer,
            "edit_token": format!("proxy-test-token-{number:030}"),
            "website": "",
            "started": self.start_token().await,
        });
        self.client
            .post(format!("{}/api/submissions", self.base))
            .header("idempotency-key", format!("proxy-test-key-{number:020}"))
            .header("x-forwarded-for", forwarded_for)
            .json(&body)
            .send()
            .await
            .unwrap()
            .status()
    }
}

/// Behind a trusted reverse proxy each client has its own limit, named by
/// the right-most untrusted hop of `X-Forwarded-For`; from a peer that is not
/// trusted the header is ignored, so a client cannot escape its limit by
/// writing one.
#[tokio::test]
async fn per_address_limits_follow_the_client_behind_a_trusted_proxy_and_only_there() {
    let (created, limited) = (StatusCode::CREATED, StatusCode::TOO_MANY_REQUESTS);
    let direct = start(|state| state.guard = server::guard::AbuseGuard::new(0, 2)).await;
    let spoofing = [
        direct.submit_via(1, "198.51.100.1").await,
        direct.submit_via(2, "198.51.100.2").await,
        direct.submit_via(3, "198.51.100.3").await,
    ];
    assert_eq!(spoofing, [created, created, limited], "an untrusted peer's header changes nothing");

    let proxied = start(|state| {
        state.guard = server::guard::AbuseGuard::new(0, 2);
        state.trusted_proxies = server::client::TrustedProxies::parse("127.0.0.1/32").unwrap();
    })
    .await;
    let one_client = [
        proxied.submit_via(1, "198.51.100.1").await,
        proxied.submit_via(2, "198.51.100.1").await,
        proxied.submit_via(3, "198.51.100.1").await,
    ];
    assert_eq!(one_client, [created, created, limited], "one client behind the proxy has its own limit");
    assert_eq!(proxied.submit_via(4, "198.51.100.2").await, created, "another client is not held back by it");
    assert_eq!(
        proxied.submit_via(5, "6.6.6.6, 198.51.100.1").await,
        limited,
        "a left part the client wrote does not hide it: the proxy appended the real address"
    );
}
