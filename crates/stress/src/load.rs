//! Load: respondents submitting and readers browsing at once, against the
//! server on a database with the demo practices. Prints, per kind of request
//! and in total, how many were made, the throughput, the median and 99th
//! percentile latency, and the errors; fails only on errors, never on speed.

use crate::server_process::{ServerProcess, build_profile};
use crate::submission::{Submission, run_id};
use domain::Practice;
use hdrhistogram::Histogram;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Latencies of one kind of request, in microseconds, and its errors.
struct Measured {
    latencies: Histogram<u64>,
    errors: u64,
    /// A few error descriptions, to tell what went wrong.
    samples: Vec<String>,
}

impl Measured {
    fn new() -> Self {
        // 1 µs to 10 minutes, three significant figures.
        let latencies = Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds");
        Self { latencies, errors: 0, samples: Vec::new() }
    }

    /// Times one request, body included; a transport error or an answer other
    /// than 2xx counts as an error, and its time is left out of the figures.
    async fn time(&mut self, request: reqwest::RequestBuilder) {
        let start = Instant::now();
        let outcome = match request.send().await {
            Ok(response) => {
                let status = response.status();
                match response.bytes().await {
                    Ok(_) if status.is_success() => Ok(()),
                    Ok(body) => Err(format!("{status}: {}", String::from_utf8_lossy(&body))),
                    Err(e) => Err(format!("{status}, reading the body: {e}")),
                }
            }
            Err(e) => Err(e.to_string()),
        };
        match outcome {
            Ok(()) => self.latencies.saturating_record(start.elapsed().as_micros().try_into().unwrap_or(u64::MAX)),
            Err(message) => {
                self.errors += 1;
                if self.samples.len() < 3 {
                    self.samples.push(message);
                }
            }
        }
    }

    fn add(&mut self, other: &Measured) {
        self.latencies.add(&other.latencies).expect("histograms with the same bounds add up");
        self.errors += other.errors;
        self.samples.extend(other.samples.iter().take(3usize.saturating_sub(self.samples.len())).cloned());
    }

    fn requests(&self) -> u64 {
        self.latencies.len() + self.errors
    }
}

/// Every kind of request a run makes.
struct Kinds {
    submit: Measured,
    catalogue: Measured,
    practice: Measured,
}

impl Kinds {
    fn new() -> Self {
        Self { submit: Measured::new(), catalogue: Measured::new(), practice: Measured::new() }
    }

    fn add(&mut self, other: &Kinds) {
        self.submit.add(&other.submit);
        self.catalogue.add(&other.catalogue);
        self.practice.add(&other.practice);
    }
}

/// What every task needs to know.
struct Plan {
    client: reqwest::Client,
    base_url: String,
    deadline: Instant,
    run: String,
    template: Practice,
    /// Catalogue views a reader opens, as URL query strings.
    views: Vec<String>,
    /// References of the published practices.
    ids: Vec<String>,
}

pub async fn run(server_binary: &Path, seconds: u64, respondents: usize, readers: usize) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| format!("creating a temporary folder: {e}"))?;
    let mut server = ServerProcess::new(server_binary, dir.path(), true)?;
    server.start().await?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| format!("building the HTTP client: {e}"))?;
    let base_url = server.base_url();
    let entries = published_entries(&client, &base_url).await?;
    let ids: Vec<String> = entries.iter().filter_map(|entry| entry.get("id")?.as_str().map(str::to_owned)).collect();
    if ids.is_empty() {
        return Err("the demo catalogue is empty: nothing for readers to open".into());
    }
    println!(
        "server build profile: {} ({})\nload: {seconds} s, {respondents} respondents, {readers} readers, {} published practices",
        build_profile(server_binary),
        server_binary.display(),
        ids.len()
    );

    let plan = Arc::new(Plan {
        client,
        base_url,
        deadline: Instant::now() + Duration::from_secs(seconds),
        run: run_id(),
        template: server::demo::practices().remove(0),
        views: catalogue_views(&entries[0]),
        ids,
    });
    let started = Instant::now();
    let mut tasks = Vec::new();
    for respondent in 0..respondents {
        let plan = Arc::clone(&plan);
        tasks.push(tokio::spawn(async move { respond(&plan, respondent).await }));
    }
    for _ in 0..readers {
        let plan = Arc::clone(&plan);
        tasks.push(tokio::spawn(async move { browse(&plan).await }));
    }
    let mut total = Kinds::new();
    for task in tasks {
        total.add(&task.await.map_err(|e| format!("a load task failed: {e}"))?);
    }
    let elapsed = started.elapsed().as_secs_f64();
    server.kill().await?;

    let mut all = Measured::new();
    println!("{:<10} {:>9} {:>10} {:>9} {:>9} {:>7}", "kind", "requests", "req/s", "p50 ms", "p99 ms", "errors");
    for (name, measured) in [("submit", &total.submit), ("catalogue", &total.catalogue), ("practice", &total.practice)]
    {
        print_row(name, measured, elapsed);
        all.add(measured);
    }
    print_row("total", &all, elapsed);
    for sample in &all.samples {
        println!("  error: {sample}");
    }
    if all.errors == 0 { Ok(()) } else { Err(format!("{} requests failed", all.errors)) }
}

fn print_row(name: &str, measured: &Measured, elapsed: f64) {
    let ms = |quantile: f64| measured.latencies.value_at_quantile(quantile) as f64 / 1000.0;
    println!(
        "{name:<10} {:>9} {:>10.1} {:>9.2} {:>9.2} {:>7}",
        measured.requests(),
        measured.requests() as f64 / elapsed,
        ms(0.50),
        ms(0.99),
        measured.errors
    );
}

/// A respondent: one submission after another until the deadline.
async fn respond(plan: &Plan, respondent: usize) -> Kinds {
    let mut kinds = Kinds::new();
    for number in 0.. {
        if Instant::now() >= plan.deadline {
            break;
        }
        let submission = Submission::distinct(&plan.template, &plan.run, respondent, number);
        let request = plan
            .client
            .post(format!("{}/api/submissions", plan.base_url))
            .header("idempotency-key", &submission.idempotency_key)
            .json(&submission.body);
        kinds.submit.time(request).await;
    }
    kinds
}

/// A reader: a catalogue view, then a practice from it, until the deadline.
/// No `If-None-Match`: every answer carries the whole document, the worst
/// case for the server (a returning browser would mostly get 304).
async fn browse(plan: &Plan) -> Kinds {
    let mut kinds = Kinds::new();
    while Instant::now() < plan.deadline {
        let view = &plan.views[fastrand::usize(..plan.views.len())];
        kinds.catalogue.time(plan.client.get(format!("{}/api/catalogue{view}", plan.base_url))).await;
        let id = &plan.ids[fastrand::usize(..plan.ids.len())];
        kinds.practice.time(plan.client.get(format!("{}/api/practices/{id}", plan.base_url))).await;
    }
    kinds
}

/// The catalogue's entries, as the API serves them.
pub(crate) async fn published_entries(
    client: &reqwest::Client,
    base_url: &str,
) -> Result<Vec<serde_json::Value>, String> {
    let catalogue: serde_json::Value = client
        .get(format!("{base_url}/api/catalogue"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| format!("reading the catalogue: {e}"))?
        .json()
        .await
        .map_err(|e| format!("reading the catalogue: {e}"))?;
    match catalogue.get("practices") {
        Some(serde_json::Value::Array(entries)) => Ok(entries.clone()),
        _ => Err("the catalogue has no practices list".into()),
    }
}

/// Catalogue views people share and open: no filter, a search, a region and a
/// type of service (codes taken from a published practice), a sort, a page.
/// Parameter names are the domain's (`domain::catalogue::Query::from_pairs`).
fn catalogue_views(entry: &serde_json::Value) -> Vec<String> {
    use domain::catalogue::Facet;
    let code = |field: &str| entry.get(field).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
    vec![
        String::new(),
        "?q=domicilio".to_owned(),
        format!("?{}={}", Facet::Region.url_key(), code("region_code")),
        format!("?{}={}&ordina=titolo", Facet::ServiceType.url_key(), code("service_type")),
        "?q=anziani&pagina=2".to_owned(),
    ]
}
