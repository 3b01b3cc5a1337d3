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
use crate::submission::{Submission, receipt_reference, run_id};
use domain::Practice;
use reqwest::StatusCode;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A submission the server answered with 201, and the reference it gave.
struct Acknowledged {
    submission: Submission,
    reference: String,
}

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

/// What the database holds, compared with what was acknowledged.
struct Verdict {
    /// Acknowledged submissions with at least one stored row.
    found: usize,
    /// Acknowledged submissions with no stored row.
    lost: usize,
    /// Stored rows beyond the first for an acknowledged submission.
    duplicated: usize,
    /// Acknowledged submissions whose row differs from what was sent (answers,
    /// key, reference or version history).
    altered: usize,
    /// Stored submissions the server never acknowledged.
    unacknowledged: usize,
    /// SQLite's `PRAGMA integrity_check`: `ok` when the file is sound.
    integrity: String,
}

/// One stored respondent's submission.
struct Row {
    reference: String,
    idempotency_key: Option<String>,
    answer: String,
    versions: i64,
    first_version_answer: Option<String>,
}

fn check(database: &Path, acknowledged: &[&Acknowledged]) -> Result<Verdict, String> {
    let sql = |e: rusqlite::Error| format!("reading {}: {e}", database.display());
    let conn = rusqlite::Connection::open(database).map_err(sql)?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).map_err(sql)?;
    let mut statement = conn
        .prepare(
            "SELECT p.reference, p.idempotency_key, p.answer,
                    (SELECT count(*) FROM practice_versions v WHERE v.practice_id = p.id),
                    (SELECT v.answer FROM practice_versions v WHERE v.practice_id = p.id AND v.version = 1)
             FROM practices p WHERE p.demo = 0",
        )
        .map_err(sql)?;
    let rows: Vec<Row> = statement
        .query_map([], |row| {
            Ok(Row {
                reference: row.get(0)?,
                idempotency_key: row.get(1)?,
                answer: row.get(2)?,
                versions: row.get(3)?,
                first_version_answer: row.get(4)?,
            })
        })
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)?;

    // Rows are matched to submissions by title, which is unique per
    // submission: a second copy is found whatever key it was stored under.
    let mut by_title: HashMap<String, Vec<&Row>> = HashMap::new();
    for row in &rows {
        let title = serde_json::from_str::<Practice>(&row.answer).map(|p| p.title).unwrap_or_default();
        by_title.entry(title).or_default().push(row);
    }
    let mut verdict = Verdict { found: 0, lost: 0, duplicated: 0, altered: 0, unacknowledged: 0, integrity };
    for ack in acknowledged {
        let Some(copies) = by_title.remove(&ack.submission.answers.title) else {
            verdict.lost += 1;
            continue;
        };
        verdict.found += 1;
        verdict.duplicated += copies.len() - 1;
        if !copies.iter().any(|row| is_intact(row, ack)) {
            verdict.altered += 1;
        }
    }
    verdict.unacknowledged = by_title.values().map(Vec::len).sum();
    Ok(verdict)
}

/// The row holds exactly what was sent, under the acknowledged reference and key.
fn is_intact(row: &Row, ack: &Acknowledged) -> bool {
    let same_answers = |json: &str| serde_json::from_str::<Practice>(json).is_ok_and(|p| p == ack.submission.answers);
    row.reference == ack.reference
        && row.idempotency_key.as_deref() == Some(ack.submission.idempotency_key.as_str())
        && same_answers(&row.answer)
        && row.versions == 1
        && row.first_version_answer.as_deref().is_some_and(same_answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use server::db::{self, NewPractice, Stored, SubmissionKeys};

    /// A database migrated by the server, holding `stored` as respondents' rows:
    /// (number of the `Submission::distinct`, answers, key prefix).
    fn database(stored: &[(u64, Practice, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        drop(db::Db::open(&path).unwrap());
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        for (row, (number, answer, key)) in stored.iter().enumerate() {
            let new = NewPractice {
                answer: answer.clone(),
                status: domain::record::vocabulary::ModerationStatus::Inviata,
                demo: false,
                round: db::CONTINUOUS_ROUND.into(),
                derived_from: None,
                submission: Some(SubmissionKeys {
                    idempotency_key: format!("{key}-{number}-{row}"),
                    request_hash: format!("hash-{row}"),
                    edit_token_hash: format!("token-{row}"),
                    lang: domain::Lang::It,
                }),
            };
            assert!(matches!(db::insert_practice(&mut conn, &new).unwrap(), Stored::Created(_)));
        }
        (dir, path)
    }

    fn acknowledged(number: u64, row: usize, key: &str) -> Acknowledged {
        let template = server::demo::practices().remove(0);
        let mut submission = Submission::distinct(&template, "test", 0, number, "test-token");
        submission.idempotency_key = format!("{key}-{number}-{row}");
        let year = &db::now()[..4];
        Acknowledged { submission, reference: format!("BP-{year}-{:04}", row + 1) }
    }

    fn sent(number: u64) -> Practice {
        Submission::distinct(&server::demo::practices().remove(0), "test", 0, number, "test-token").answers
    }

    /// One situation the check must judge.
    struct Case {
        /// Rows in the database: (number of the submission, answers, key prefix).
        stored: Vec<(u64, Practice, &'static str)>,
        acknowledged: Vec<Acknowledged>,
        /// found, lost, duplicated, altered, stored without acknowledgement.
        expected: [usize; 5],
        why: &'static str,
    }

    #[test]
    fn each_fault_is_counted_and_a_sound_database_passes() {
        let mut changed = sent(1);
        changed.summary.push_str(" (changed)");
        let cases = [
            Case {
                stored: vec![(0, sent(0), "k"), (1, sent(1), "k")],
                acknowledged: vec![acknowledged(0, 0, "k"), acknowledged(1, 1, "k")],
                expected: [2, 0, 0, 0, 0],
                why: "every acknowledged submission stored once, intact",
            },
            Case {
                stored: vec![(0, sent(0), "k")],
                acknowledged: vec![acknowledged(0, 0, "k"), acknowledged(1, 1, "k")],
                expected: [1, 1, 0, 0, 0],
                why: "an acknowledged submission missing",
            },
            Case {
                stored: vec![(0, sent(0), "k"), (0, sent(0), "other")],
                acknowledged: vec![acknowledged(0, 0, "k")],
                expected: [1, 0, 1, 0, 0],
                why: "a second copy under another key",
            },
            Case {
                stored: vec![(1, changed, "k")],
                acknowledged: vec![acknowledged(1, 0, "k")],
                expected: [1, 0, 0, 1, 0],
                why: "answers changed in storage",
            },
            Case {
                stored: vec![(0, sent(0), "k")],
                acknowledged: vec![acknowledged(0, 4, "k")],
                expected: [1, 0, 0, 1, 0],
                why: "another reference than the receipt's",
            },
            Case {
                stored: vec![(0, sent(0), "k")],
                acknowledged: vec![],
                expected: [0, 0, 0, 0, 1],
                why: "a row nobody was told about",
            },
        ];
        for Case { stored, acknowledged, expected, why } in cases {
            let (_dir, path) = database(&stored);
            let acknowledged: Vec<&Acknowledged> = acknowledged.iter().collect();
            let v = check(&path, &acknowledged).unwrap();
            assert_eq!([v.found, v.lost, v.duplicated, v.altered, v.unacknowledged], expected, "{why}");
            assert_eq!(v.integrity, "ok", "{why}");
        }
    }
}
