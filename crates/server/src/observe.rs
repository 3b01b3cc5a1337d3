// SPDX-License-Identifier: EUPL-1.2
//! What an operator watches: liveness and readiness for the service manager
//! or the orchestrator, and `/metrics` in Prometheus's text format for the
//! monitoring, readable only from the addresses `BP_METRICS_FROM` names.
//!
//! - `GET /api/health/live`: the process answers (no database involved).
//! - `GET /api/health/ready`: the database takes a write (rolled back); 503
//!   when it cannot. While the schema migrates the server does not listen
//!   yet, so it is not ready either.
//! - `GET /metrics`: requests and latency by route, the outbox's depth and
//!   its oldest message's age, the curation queue, the static publication's
//!   lag, the database's size.

use crate::client::ClientIp;
use crate::db::{self, DbError};
use crate::{AppState, error::ApiError};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ipnet::IpNet;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::net::IpAddr;
use std::sync::OnceLock;
use std::time::Instant;

const REQUESTS: &str = "bp_http_requests_total";
const LATENCY: &str = "bp_http_request_duration_seconds";

/// The process's one recorder (the `metrics` facade is global), installed
/// on first use.
fn recorder() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(LATENCY.into()), &buckets)
            .expect("buckets are given")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder (a test's) may be there already: then ours only renders.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Counts every request and its latency, by the route it matched (the
/// pages and files the fallback serves together, as `other`).
pub async fn record(request: Request, next: Next) -> Response {
    recorder();
    let route = request.extensions().get::<MatchedPath>().map_or("other".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::histogram!(LATENCY, "route" => route.clone(), "method" => method.clone())
        .record(started.elapsed().as_secs_f64());
    metrics::counter!(REQUESTS, "route" => route, "method" => method, "status" => status).increment(1);
    response
}

/// The addresses `/metrics` answers: `BP_METRICS_FROM`, addresses and CIDR
/// ranges separated by commas or spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricsReaders(Vec<IpNet>);

impl Default for MetricsReaders {
    /// This machine only.
    fn default() -> Self {
        Self::parse("127.0.0.1, ::1").expect("loopback parses")
    }
}

impl MetricsReaders {
    pub fn parse(list: &str) -> Result<Self, String> {
        crate::client::parse_nets("BP_METRICS_FROM", list).map(Self)
    }

    fn allows(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }
}

/// `GET /metrics`.
pub async fn metrics(State(state): State<AppState>, ClientIp(client): ClientIp) -> Result<Response, ApiError> {
    if !state.metrics_readers.allows(client) {
        return Err(ApiError::Forbidden);
    }
    let gauges = state.db.read(|conn| gauges(conn, time::OffsetDateTime::now_utc())).await?;
    for (name, value) in gauges {
        metrics::gauge!(name).set(value);
    }
    if let Some(live) = &state.publication {
        metrics::gauge!("bp_publication_lag_seconds").set(live.lag().as_secs_f64());
    }
    let handle = recorder();
    handle.run_upkeep();
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], handle.render()).into_response())
}

/// What the database says at `now`, by metric name.
fn gauges(conn: &rusqlite::Connection, now: time::OffsetDateTime) -> Result<Vec<(&'static str, f64)>, DbError> {
    let waiting = "sent_at IS NULL AND failed_at IS NULL";
    let depth: i64 = conn.query_row(&format!("SELECT count(*) FROM outbox WHERE {waiting}"), [], |r| r.get(0))?;
    let oldest: Option<String> =
        conn.query_row(&format!("SELECT min(created_at) FROM outbox WHERE {waiting}"), [], |r| r.get(0))?;
    let age = oldest
        .and_then(|at| time::OffsetDateTime::parse(&at, &time::format_description::well_known::Rfc3339).ok())
        .map_or(0.0, |at| (now - at).as_seconds_f64().max(0.0));
    let queue = db::awaiting_curators(conn)?;
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    Ok(vec![
        ("bp_outbox_depth", depth as f64),
        ("bp_outbox_oldest_age_seconds", age),
        ("bp_curation_queue_length", queue as f64),
        ("bp_database_size_bytes", (pages * page_size) as f64),
    ])
}

#[derive(serde::Serialize)]
struct Health {
    status: &'static str,
}

/// `GET /api/health/live`.
pub async fn live() -> impl IntoResponse {
    axum::Json(Health { status: "ok" })
}

/// `GET /api/health/ready`.
pub async fn ready(State(state): State<AppState>) -> Response {
    match state.db.call(writable).await {
        Ok(()) => axum::Json(Health { status: "ready" }).into_response(),
        Err(error) => {
            tracing::warn!(%error, "not ready: the database takes no write");
            (StatusCode::SERVICE_UNAVAILABLE, axum::Json(Health { status: "not ready" })).into_response()
        }
    }
}

/// Writes a row and takes it back: the database is there and writable.
fn writable(conn: &mut rusqlite::Connection) -> Result<(), DbError> {
    conn.execute_batch("SAVEPOINT ready_probe")?;
    let wrote = conn.execute("INSERT OR REPLACE INTO settings (name, value) VALUES ('ready_probe', '1')", []);
    conn.execute_batch("ROLLBACK TO ready_probe; RELEASE ready_probe;")?;
    wrote?;
    Ok(())
}
