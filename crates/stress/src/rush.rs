// SPDX-License-Identifier: EUPL-1.2
//! The deadline hour: a few thousand respondents, each from an address of its
//! own, open the questionnaire and send it once, through a real nginx in
//! front of the server with the site block the package ships, the server
//! trusting that hop and keeping its production guard (the minimum fill time
//! and the submissions a minute from one address).
//!
//! Each respondent connects from its own loopback address (127.1.x.y), so
//! nginx itself names a distinct client in `X-Forwarded-For`; one in ten also
//! sends a forged `X-Forwarded-For` naming one shared address, which must
//! change nothing. A respondent behaves as the browser does: a connection
//! error or a gateway's page is sent again with the same idempotency key,
//! a refusal is sent again by hand a few seconds later, and one in
//! thirty sends again after its receipt (a lost answer), which must give the
//! same receipt. At the end the database is read: every acknowledged
//! submission must be stored once, intact.
//!
//! Prints submitted, acknowledged, found, lost, duplicated, refused with 429,
//! the latency of a submission through nginx (p50, p99) and the rate reached;
//! fails on a lost, duplicated, altered or refused submission, never on speed.

use crate::nginx::Nginx;
use crate::server_process::{ServerProcess, build_profile};
use crate::stored::{Acknowledged, check};
use crate::submission::{Submission, receipt_reference, run_id};
use domain::Practice;
use hdrhistogram::Histogram;
use reqwest::StatusCode;
use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many respondents, how fast.
pub struct Rush {
    pub respondents: usize,
    /// Respondents who send per second, at a steady pace.
    pub per_second: f64,
}

/// What one respondent saw.
#[derive(Default)]
struct Seen {
    acknowledged: Option<Acknowledged>,
    refused_429: bool,
    /// Answers that were neither a receipt nor a 429, nor a gateway's page.
    other: Option<String>,
    retries: u64,
    /// A resend after the receipt gave another reference.
    second_receipt_differs: bool,
    resent: bool,
}

/// What every respondent shares.
struct Shared {
    base_url: String,
    template: Practice,
    run: String,
    /// Seconds from opening the questionnaire to sending it.
    fill: Duration,
    latencies: Mutex<Histogram<u64>>,
}

/// The respondent `n`'s own address: 127.1.0.1, 127.1.0.2, ...
fn address_of(n: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 1, (n / 250) as u8, (n % 250 + 1) as u8))
}

pub async fn run(server_binary: &Path, rush: Rush) -> Result<(), String> {
    if rush.respondents == 0 || rush.respondents > 250 * 256 || rush.per_second <= 0.0 {
        return Err("respondents: 1 to 64000; per second: more than 0".into());
    }
    let dir = tempfile::tempdir().map_err(|e| format!("temporary folder: {e}"))?;
    let mut server = ServerProcess::new(server_binary, dir.path(), false)?.behind_proxy();
    server.start().await?;
    let upstream = server.base_url().trim_start_matches("http://").to_owned();
    let nginx_dir = dir.path().join("nginx");
    std::fs::create_dir_all(&nginx_dir).map_err(|e| format!("{}: {e}", nginx_dir.display()))?;
    let nginx = Nginx::start(&nginx_dir, &upstream).await?;
    let minimum = server::config::Config::from_flags([]).map_err(|e| e.to_string())?.min_fill_seconds;
    let shared = Arc::new(Shared {
        base_url: nginx.base_url.clone(),
        template: server::demo::practices().remove(0),
        run: run_id(),
        fill: Duration::from_secs(minimum + 1),
        latencies: Mutex::new(Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds")),
    });
    println!(
        "deadline rush: {} respondents sending {:.0} a second, through {} in front of the server ({} profile), \
         each from its own address; {} s from opening to sending",
        rush.respondents,
        rush.per_second,
        nginx.version,
        build_profile(server_binary),
        shared.fill.as_secs(),
    );

    // The control: one address that will send more than the guard allows.
    let control = Control::open(&shared).await?;

    let start = tokio::time::Instant::now();
    let mut tasks = Vec::with_capacity(rush.respondents);
    for n in 0..rush.respondents {
        let shared = Arc::clone(&shared);
        let opens = start + Duration::from_secs_f64(n as f64 / rush.per_second);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(opens).await;
            respondent(n, &shared).await
        }));
    }
    let first_send = Instant::now() + shared.fill;
    let mut seen = Vec::with_capacity(tasks.len());
    for task in tasks {
        seen.push(task.await.map_err(|e| format!("a respondent panicked: {e}"))?);
    }
    let sending_took = first_send.elapsed();

    let (control_acknowledged, control_refused) = control.send_all(&shared).await;
    let mut acknowledged: Vec<&Acknowledged> = seen.iter().filter_map(|s| s.acknowledged.as_ref()).collect();
    acknowledged.extend(control_acknowledged.iter());
    let verdict = check(server.database(), &acknowledged)?;
    let refused = seen.iter().filter(|s| s.refused_429).count();
    let others: Vec<&String> = seen.iter().filter_map(|s| s.other.as_ref()).collect();
    let resent = seen.iter().filter(|s| s.resent).count();
    let differs = seen.iter().filter(|s| s.second_receipt_differs).count();
    let retries: u64 = seen.iter().map(|s| s.retries).sum();
    let latencies = shared.latencies.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let ms = |quantile: f64| latencies.value_at_quantile(quantile) as f64 / 1000.0;
    println!("  submitted            {:>6}", seen.len());
    println!("  acknowledged         {:>6}", acknowledged.len() - control_acknowledged.len());
    let found = verdict.found - control_acknowledged.len().min(verdict.found);
    println!("  found                {found:>6}   (stored once, intact, under the receipt's reference)");
    println!("  lost                 {:>6}", verdict.lost);
    println!("  duplicated           {:>6}", verdict.duplicated);
    println!("  altered              {:>6}", verdict.altered);
    println!("  stored, never acknowledged {:>2}", verdict.unacknowledged);
    println!("  refused with 429     {:>6}   (respondents)", refused);
    println!("  other refusals       {:>6}", others.len());
    println!("  sent again after a connection error or a gateway page: {retries}");
    println!("  sent again after the receipt: {resent}, with another receipt: {differs}");
    println!(
        "  a submission through nginx: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} requests)",
        ms(0.5),
        ms(0.99),
        latencies.max() as f64 / 1000.0,
        latencies.len()
    );
    println!(
        "  sending took {:.1} s: {:.1} submissions a second",
        sending_took.as_secs_f64(),
        seen.len() as f64 / sending_took.as_secs_f64().max(0.001)
    );
    println!("  database integrity: {}", verdict.integrity);
    println!(
        "  control, one address sending {CONTROL_SENDS} at once afterwards: {} accepted, {control_refused} refused with 429",
        control_acknowledged.len()
    );
    let errors = nginx.errors();
    if !errors.trim().is_empty() {
        println!("  nginx logged:\n{}", errors.lines().take(10).collect::<Vec<_>>().join("\n"));
    }
    drop(nginx);
    server.kill().await?;

    let faults = verdict.lost + verdict.duplicated + verdict.altered + verdict.unacknowledged + refused + differs;
    if control_refused == 0 {
        return Err("the guard refused none of the control's submissions: the rush proves nothing".into());
    }
    let all_acknowledged = acknowledged.len() == seen.len() + control_acknowledged.len();
    if faults > 0 || !others.is_empty() || verdict.integrity != "ok" || !all_acknowledged {
        let sample: Vec<&str> = others.iter().take(3).map(|s| s.as_str()).collect();
        return Err(format!("the rush lost, duplicated or refused respondents; other answers: {sample:?}"));
    }
    Ok(())
}

/// How many submissions the control sends, from one address, at once.
const CONTROL_SENDS: usize = 15;

/// One address that opens the questionnaire with everyone and, after the
/// rush, sends more submissions than the guard lets one address send in a
/// minute: refusals there show the guard was on, so that no refusal in the
/// rush means each respondent was told apart.
struct Control {
    client: reqwest::Client,
    started: String,
}

impl Control {
    async fn open(shared: &Shared) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .local_address(IpAddr::V4(Ipv4Addr::new(127, 2, 0, 1)))
            .build()
            .map_err(|e| format!("building the control's client: {e}"))?;
        let started = crate::submission::start_token(&client, &shared.base_url).await?;
        Ok(Self { client, started })
    }

    /// Sends them all; returns the acknowledged ones and how many got a 429.
    async fn send_all(&self, shared: &Shared) -> (Vec<Acknowledged>, usize) {
        let (mut acknowledged, mut refused) = (Vec::new(), 0);
        for n in 0..CONTROL_SENDS {
            let submission = Submission::distinct(&shared.template, &shared.run, 100_000 + n, 0, &self.started);
            match send(&self.client, None, shared, &submission, None).await {
                Sent::Receipt(reference) => acknowledged.push(Acknowledged { submission, reference }),
                Sent::TooMany => refused += 1,
                Sent::Again | Sent::Refused(_) => {}
            }
        }
        (acknowledged, refused)
    }
}

/// One respondent: opens the questionnaire, fills it in, sends it once.
async fn respondent(n: usize, shared: &Shared) -> Seen {
    let mut seen = Seen::default();
    let client = match reqwest::Client::builder()
        .local_address(address_of(n))
        .timeout(Duration::from_secs(30))
        .pool_idle_timeout(Duration::from_secs(5))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            seen.other = Some(format!("building the client: {error}"));
            return seen;
        }
    };
    let started = loop {
        match crate::submission::start_token(&client, &shared.base_url).await {
            Ok(token) => break token,
            Err(_) if seen.retries < 20 => {
                seen.retries += 1;
                tokio::time::sleep(Duration::from_millis(500 + fastrand::u64(..1000))).await;
            }
            Err(error) => {
                seen.other = Some(error);
                return seen;
            }
        }
    };
    tokio::time::sleep(shared.fill).await;
    let submission = Submission::distinct(&shared.template, &shared.run, n, 0, &started);
    // One in ten forges the header, naming an address they all share.
    let forged = n.is_multiple_of(10).then_some("10.9.9.9");
    let mut attempts = 0;
    let reference = loop {
        attempts += 1;
        match send(&client, Some(&shared.latencies), shared, &submission, forged).await {
            Sent::Receipt(reference) => break reference,
            Sent::TooMany if attempts < 5 => {
                seen.refused_429 = true;
                // A person reads the message and presses the button again.
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Sent::Again if attempts < 20 => {
                seen.retries += 1;
                tokio::time::sleep(Duration::from_millis(500 + fastrand::u64(..2000))).await;
            }
            Sent::TooMany => return seen,
            Sent::Again => {
                seen.other = Some("no answer after 20 tries".into());
                return seen;
            }
            Sent::Refused(answer) => {
                seen.other = Some(answer);
                return seen;
            }
        }
    };
    if n % 30 == 7 {
        seen.resent = true;
        let again = send(&client, Some(&shared.latencies), shared, &submission, forged).await;
        seen.second_receipt_differs = !matches!(&again, Sent::Receipt(second) if *second == reference);
    }
    seen.acknowledged = Some(Acknowledged { submission, reference });
    seen
}

/// What one sending gave.
enum Sent {
    Receipt(String),
    TooMany,
    /// No answer, or a gateway's page: the browser sends it again.
    Again,
    Refused(String),
}

/// Sends `submission` once, timing it into `latencies` when given.
async fn send(
    client: &reqwest::Client,
    latencies: Option<&Mutex<Histogram<u64>>>,
    shared: &Shared,
    submission: &Submission,
    forged: Option<&str>,
) -> Sent {
    let mut request = client
        .post(format!("{}/api/submissions", shared.base_url))
        .header("idempotency-key", &submission.idempotency_key)
        .json(&submission.body);
    if let Some(address) = forged {
        request = request.header("x-forwarded-for", address);
    }
    let began = Instant::now();
    let answer = match request.send().await {
        Ok(response) => {
            let status = response.status();
            response.text().await.map(|body| (status, body))
        }
        Err(error) => Err(error),
    };
    let took = began.elapsed().as_micros().try_into().unwrap_or(u64::MAX);
    if let Some(latencies) = latencies {
        latencies.lock().unwrap_or_else(|p| p.into_inner()).saturating_record(took);
    }
    match answer {
        Ok((status, body)) if status.is_success() => match receipt_reference(&body) {
            Some(reference) => Sent::Receipt(reference),
            None => Sent::Refused(format!("{status} without a receipt: {body}")),
        },
        Ok((StatusCode::TOO_MANY_REQUESTS, _)) => Sent::TooMany,
        Ok((status, body)) if status.is_server_error() && serde_json::from_str::<serde_json::Value>(&body).is_err() => {
            Sent::Again
        }
        Ok((status, body)) => Sent::Refused(format!("{status}: {}", body.chars().take(200).collect::<String>())),
        Err(_) => Sent::Again,
    }
}
