// SPDX-License-Identifier: EUPL-1.2
//! What an operator watches: liveness and readiness, and `/metrics` in
//! Prometheus's text format, readable only from the configured addresses.

use crate::common::TestServer;
use reqwest::StatusCode;
use serde_json::Value;

async fn status_of(server: &TestServer, path: &str) -> (StatusCode, Value) {
    let response = server.client.get(server.url(path)).send().await.unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn readiness_follows_whether_the_database_takes_a_write_and_liveness_does_not() {
    let server = TestServer::start(None).await;
    assert_eq!(status_of(&server, "/api/health/live").await, (StatusCode::OK, serde_json::json!({"status": "ok"})));
    assert_eq!(status_of(&server, "/api/health/ready").await, (StatusCode::OK, serde_json::json!({"status": "ready"})));

    // The database stops taking writes (as a full disk or a read-only mount would).
    server.db.call(|conn| Ok(conn.pragma_update(None, "query_only", true)?)).await.unwrap();
    let (status, body) = status_of(&server, "/api/health/ready").await;
    assert_eq!((status, body["status"].as_str()), (StatusCode::SERVICE_UNAVAILABLE, Some("not ready")));
    assert_eq!(status_of(&server, "/api/health/live").await.0, StatusCode::OK);

    // It takes writes again: ready again, and the probe left nothing behind.
    server.db.call(|conn| Ok(conn.pragma_update(None, "query_only", false)?)).await.unwrap();
    assert_eq!(status_of(&server, "/api/health/ready").await.0, StatusCode::OK);
    let probes: i64 = server
        .db
        .read(|conn| Ok(conn.query_row("SELECT count(*) FROM settings WHERE name = 'ready_probe'", [], |r| r.get(0))?))
        .await
        .unwrap();
    assert_eq!(probes, 0);
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_read_the_database() {
    let server = TestServer::start(None).await;
    // One submission waits for the editors; a published practice does not.
    server.seed(crate::common::valid_answer(), domain::record::vocabulary::ModerationStatus::Inviata).await;
    server.seed(crate::common::valid_answer(), domain::record::vocabulary::ModerationStatus::Pubblicata).await;
    for _ in 0..3 {
        assert_eq!(server.client.get(server.url("/api/catalogue")).send().await.unwrap().status(), StatusCode::OK);
    }
    let response = server.client.get(server.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let text = response.text().await.unwrap();
    let count = text
        .lines()
        .find(|l| {
            l.starts_with("bp_http_requests_total{")
                && l.contains(r#"route="/api/catalogue""#)
                && l.contains(r#"status="200""#)
        })
        .unwrap_or_else(|| panic!("no request count for /api/catalogue in:\n{text}"));
    let counted: f64 = count.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(counted >= 3.0, "{count}");
    assert!(text.contains(r#"bp_http_request_duration_seconds_bucket{route="/api/catalogue""#), "{text}");
    for gauge in
        ["bp_outbox_depth ", "bp_outbox_oldest_age_seconds ", "bp_curation_queue_length ", "bp_database_size_bytes "]
    {
        assert!(text.lines().any(|l| l.starts_with(gauge)), "{gauge} in:\n{text}");
    }
    assert!(text.lines().any(|l| l == "bp_curation_queue_length 1"), "{text}");
}

#[tokio::test]
async fn metrics_answer_only_the_configured_addresses() {
    let server = TestServer::start_with(None, |state| {
        state.metrics_readers = server::observe::MetricsReaders::parse("10.0.0.0/8").unwrap();
    })
    .await;
    let response = server.client.get(server.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A forwarding header from an untrusted peer changes nothing.
    let response =
        server.client.get(server.url("/metrics")).header("x-forwarded-for", "10.1.2.3").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(server::observe::MetricsReaders::parse("not-an-address").unwrap_err().contains("BP_METRICS_FROM"));
}
