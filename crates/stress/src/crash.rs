// SPDX-License-Identifier: EUPL-1.2
//! Crash durability: respondents keep submitting while the server is killed
//! with SIGKILL at random moments and restarted on the same database. At the
//! end every submission the server acknowledged with 201 must be stored,
//! intact and exactly once.
//!
//! The check reads the SQLite file directly, after the last kill, rather than
//! through `GET /api/submissions/mine`: only the rows themselves show a second
//! copy of a submission, the reference each got and SQLite's own integrity
//! check, and opening the file also replays whatever the killed server left
//! in the write-ahead log, as the next start would.

use crate::server_process::{ServerProcess, build_profile};
use crate::stored::{Acknowledged, check};
use crate::submission::{Submission, receipt_reference, run_id};
use domain::Practice;
use reqwest::StatusCode;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What one submitter saw.
#[derive(Default)]
struct SubmitterLog {
    acknowledged: Vec<Acknowledged>,
    /// Answers other than 201: none is expected.
    refused: Vec<String>,
    retries: u64,
    /// Submissions that met a connection error (a kill) before their answer:
    /// the server may or may not have stored them before it died.
    in_doubt: u64,
}

pub async fn run(server_binary: &Path, kills: u32, submitters: usize) -> Result<(), String> {
    let started = Instant::now();
    let dir = tempfile::tempdir().map_err(|e| format!("creating a temporary folder: {e}"))?;
    let mut server = ServerProcess::new(server_binary, dir.path(), false)?;
    println!(
        "crash durability: server {} (profile {}), {submitters} submitters, {kills} SIGKILLs",
        server_binary.display(),
        build_profile(server_binary)
    );
    server.start().await?;

    let run = run_id();
    let template = Arc::new(server::demo::practices().remove(0));
    let stop = Arc::new(AtomicBool::new(false));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| format!("building the HTTP client: {e}"))?;
    let tasks: Vec<_> = (0..submitters)
        .map(|respondent| {
            let (client, base_url, template, stop, run) =
                (client.clone(), server.base_url(), Arc::clone(&template), Arc::clone(&stop), run.clone());
            tokio::spawn(async move { submit_until_stopped(client, base_url, template, stop, run, respondent).await })
        })
        .collect();

    for _ in 0..kills {
        // `start` returns once the server answers /api/health: the kill lands
        // 50-400 ms later, while submissions are being received and written.
        tokio::time::sleep(Duration::from_millis(fastrand::u64(50..=400))).await;
        server.kill().await?;
        server.start().await?;
    }
    // A last stretch on a server that stays up, so that every submitter gets
    // an answer to the submission it was retrying; then one more SIGKILL.
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let mut logs = Vec::new();
    for task in tasks {
        logs.push(task.await.map_err(|e| format!("a submitter failed: {e}"))?);
    }
    server.kill().await?;

    let acknowledged: Vec<&Acknowledged> = logs.iter().flat_map(|log| &log.acknowledged).collect();
    let refused: Vec<&String> = logs.iter().flat_map(|log| &log.refused).collect();
    let retries: u64 = logs.iter().map(|log| log.retries).sum();
    let in_doubt: u64 = logs.iter().map(|log| log.in_doubt).sum();
    let verdict = check(server.database(), &acknowledged)?;
    println!(
        "{in_doubt} submissions in flight at a kill, sent again {retries} times in all; {} answers other than 201; {:.1} s",
        refused.len(),
        started.elapsed().as_secs_f64()
    );
    for answer in refused.iter().take(5) {
        println!("  refused: {answer}");
    }
    println!(
        "altered {}, stored without acknowledgement {}, integrity_check {}",
        verdict.altered, verdict.unacknowledged, verdict.integrity
    );
    println!(
        "acknowledged {}, found {}, lost {}, duplicated {}",
        acknowledged.len(),
        verdict.found,
        verdict.lost,
        verdict.duplicated
    );
    let sound = verdict.lost == 0
        && verdict.duplicated == 0
        && verdict.altered == 0
        && verdict.unacknowledged == 0
        && verdict.integrity == "ok"
        && refused.is_empty()
        && !acknowledged.is_empty();
    if sound {
        Ok(())
    } else {
        Err(format!("crash durability failed; the database and server log are kept in {}", dir.keep().display()))
    }
}

/// Submits distinct practices one after another until told to stop; the
/// submission in flight when `stop` is set is still carried to an answer.
async fn submit_until_stopped(
    client: reqwest::Client,
    base_url: String,
    template: Arc<Practice>,
    stop: Arc<AtomicBool>,
    run: String,
    respondent: usize,
) -> SubmitterLog {
    let mut log = SubmitterLog::default();
    // The token of the questionnaire this respondent opened; it stays valid
    // when the server is killed and restarted.
    let started = loop {
        match crate::submission::start_token(&client, &base_url).await {
            Ok(token) => break token,
            Err(_) if stop.load(Ordering::Relaxed) => return log,
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
        }
    };
    for number in 0.. {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let submission = Submission::distinct(&template, &run, respondent, number, &started);
        let (answer, retries) = submission.post_until_answered(&client, &base_url).await;
        log.retries += retries;
        log.in_doubt += u64::from(retries > 0);
        match (answer.status, receipt_reference(&answer.body)) {
            (StatusCode::CREATED, Some(reference)) => log.acknowledged.push(Acknowledged { submission, reference }),
            (status, _) => log.refused.push(format!("{} {status}: {}", submission.idempotency_key, answer.body)),
        }
    }
    log
}
