// SPDX-License-Identifier: EUPL-1.2
//! Load: respondents submitting, curators deciding and readers browsing at
//! once, against the server on a database with the demo practices (and, with
//! `--static-dir`, the built app and a static publication rewritten after
//! every decision, as a live site runs). Prints, per kind of request
//! and in total, how many were made, the throughput, the median and 99th
//! percentile latency, and the errors; fails only on errors, never on speed.

use crate::server_process::{ServerProcess, build_profile};
use crate::submission::{Submission, run_id};
use domain::Practice;
use domain::record::fields::key;
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
    decide: Measured,
    catalogue: Measured,
    practice: Measured,
    /// The pages as HTML, drawn by the server (only when it serves the app).
    catalogue_page: Measured,
    practice_page: Measured,
}

impl Kinds {
    fn new() -> Self {
        Self {
            submit: Measured::new(),
            decide: Measured::new(),
            catalogue: Measured::new(),
            practice: Measured::new(),
            catalogue_page: Measured::new(),
            practice_page: Measured::new(),
        }
    }

    fn add(&mut self, other: &Kinds) {
        self.submit.add(&other.submit);
        self.decide.add(&other.decide);
        self.catalogue.add(&other.catalogue);
        self.practice.add(&other.practice);
        self.catalogue_page.add(&other.catalogue_page);
        self.practice_page.add(&other.practice_page);
    }
}

/// The password of the curators a run signs in.
const CURATOR_PASSWORD: &str = "load run curator password";

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
    /// The server serves the app: readers open the pages too.
    pages: bool,
}

/// Who takes part in a run, and for how long.
pub struct Load<'a> {
    pub seconds: u64,
    pub respondents: usize,
    pub curators: usize,
    pub readers: usize,
    /// The built app: when given, the server keeps a static publication current.
    pub static_dir: Option<&'a Path>,
}

pub async fn run(server_binary: &Path, load: Load<'_>) -> Result<(), String> {
    let Load { seconds, respondents, curators, readers, static_dir } = load;
    let dir = tempfile::tempdir().map_err(|e| format!("creating a temporary folder: {e}"))?;
    let mut server = ServerProcess::new(server_binary, dir.path(), true)?;
    if let Some(static_dir) = static_dir {
        server = server.with_publication(static_dir, &dir.path().join("site"));
    }
    for curator in 0..curators {
        server.add_curator(&curator_email(curator), CURATOR_PASSWORD).await?;
    }
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
        "server build profile: {} ({})\nload: {seconds} s, {respondents} respondents, {curators} curators, {readers} readers, \
         {} published practices, static publication {}",
        build_profile(server_binary),
        server_binary.display(),
        ids.len(),
        if static_dir.is_some() { "rewritten after every decision" } else { "off" }
    );

    let plan = Arc::new(Plan {
        client,
        base_url,
        deadline: Instant::now() + Duration::from_secs(seconds),
        run: run_id(),
        template: server::demo::practices().remove(0),
        views: catalogue_views(&entries[0]),
        ids,
        pages: static_dir.is_some(),
    });
    let started = Instant::now();
    let mut tasks = Vec::new();
    for respondent in 0..respondents {
        let plan = Arc::clone(&plan);
        tasks.push(tokio::spawn(async move { respond(&plan, respondent).await }));
    }
    for curator in 0..curators {
        let plan = Arc::clone(&plan);
        tasks.push(tokio::spawn(async move { curate(&plan, curator).await }));
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
    let kinds = [
        ("submit", &total.submit),
        ("decide", &total.decide),
        ("catalogue", &total.catalogue),
        ("practice", &total.practice),
        ("cat. page", &total.catalogue_page),
        ("prac. page", &total.practice_page),
    ];
    for (name, measured) in kinds.into_iter().filter(|(_, measured)| measured.requests() > 0) {
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
    let started = match crate::submission::start_token(&plan.client, &plan.base_url).await {
        Ok(token) => token,
        Err(error) => {
            kinds.submit.errors += 1;
            kinds.submit.samples.push(error);
            return kinds;
        }
    };
    for number in 0.. {
        if Instant::now() >= plan.deadline {
            break;
        }
        let submission = Submission::distinct(&plan.template, &plan.run, respondent, number, &started);
        let request = plan
            .client
            .post(format!("{}/api/submissions", plan.base_url))
            .header("idempotency-key", &submission.idempotency_key)
            .json(&submission.body);
        kinds.submit.time(request).await;
    }
    kinds
}

fn curator_email(curator: usize) -> String {
    format!("curator-{curator}@load.example.org")
}

/// A curator: signs in, then takes the oldest new submission in review,
/// publishes it and unpublishes it again, one after another until the
/// deadline. Each decision (three per practice, two of them changing the
/// public catalogue) is timed; reading the queue is not. Unpublishing keeps
/// the catalogue the readers download the same size however fast curators
/// go, so runs of servers of different speeds compare.
async fn curate(plan: &Plan, curator: usize) -> Kinds {
    let mut kinds = Kinds::new();
    let credentials = serde_json::json!({ "email": curator_email(curator), "password": CURATOR_PASSWORD });
    let signed_in = plan.client.post(format!("{}/api/session", plan.base_url)).json(&credentials).send().await;
    let cookie = match signed_in {
        Ok(response) if response.status().is_success() => response
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::to_owned),
        _ => None,
    };
    let Some(cookie) = cookie else {
        kinds.decide.errors += 1;
        kinds.decide.samples.push(format!("{} could not sign in", curator_email(curator)));
        return kinds;
    };
    while Instant::now() < plan.deadline {
        let queue = plan
            .client
            .get(format!("{}/api/moderation/submissions?stato=inviata", plan.base_url))
            .header("cookie", &cookie)
            .send()
            .await;
        let page: Option<serde_json::Value> = match queue {
            Ok(response) => response.json().await.ok(),
            Err(_) => None,
        };
        let submissions = page.as_ref().and_then(|p| p.get("submissions")).and_then(serde_json::Value::as_array);
        // Curators work from opposite ends of the queue, so they rarely collide.
        let pick = submissions.and_then(|s| if curator.is_multiple_of(2) { s.first() } else { s.last() });
        let Some((id, version)) =
            pick.and_then(|s| Some((s.get("id")?.as_str()?.to_owned(), s.get("version")?.as_i64()?)))
        else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        for (step, action) in ["take_in_review", "publish", "unpublish"].into_iter().enumerate() {
            let decision = serde_json::json!({ "action": action, "expected_version": version + step as i64 });
            let request = plan
                .client
                .post(format!("{}/api/moderation/submissions/{id}/actions", plan.base_url))
                .header("cookie", &cookie)
                .json(&decision);
            kinds.decide.time(request).await;
        }
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
        if plan.pages {
            // What a visitor's first request gets: the page drawn by the server.
            kinds.catalogue_page.time(plan.client.get(format!("{}/catalogo{view}", plan.base_url))).await;
            kinds.practice_page.time(plan.client.get(format!("{}/pratiche/{id}", plan.base_url))).await;
        }
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
        format!("?{}={}", Facet::Region.url_key(), code(key::REGION_CODE)),
        format!("?{}={}&ordina=titolo", Facet::ServiceType.url_key(), code(key::SERVICE_TYPE)),
        "?q=anziani&pagina=2".to_owned(),
    ]
}
