// SPDX-License-Identifier: EUPL-1.2
//! What the database holds, compared with what the server acknowledged: the
//! check of the crash and rush runs. It reads the SQLite file directly
//! rather than through the API: only the rows themselves show a second copy
//! of a submission, the reference each got and SQLite's own integrity check.

use crate::submission::Submission;
use domain::Practice;
use std::collections::HashMap;
use std::path::Path;

/// A submission the server answered with 201, and the reference it gave.
pub struct Acknowledged {
    pub submission: Submission,
    pub reference: String,
}

/// What the database holds, compared with what was acknowledged.
pub struct Verdict {
    /// Acknowledged submissions with at least one stored row.
    pub found: usize,
    /// Acknowledged submissions with no stored row.
    pub lost: usize,
    /// Stored rows beyond the first for an acknowledged submission.
    pub duplicated: usize,
    /// Acknowledged submissions whose row differs from what was sent (answers,
    /// key, reference or version history).
    pub altered: usize,
    /// Stored submissions the server never acknowledged.
    pub unacknowledged: usize,
    /// SQLite's `PRAGMA integrity_check`: `ok` when the file is sound.
    pub integrity: String,
}

/// One stored respondent's submission.
struct Row {
    reference: String,
    idempotency_key: Option<String>,
    answer: String,
    versions: i64,
    first_version_answer: Option<String>,
}

pub fn check(database: &Path, acknowledged: &[&Acknowledged]) -> Result<Verdict, String> {
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
