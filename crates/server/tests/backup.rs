// SPDX-License-Identifier: EUPL-1.2
//! `server backup` while the server takes submissions, then `server restore`:
//! the restored copy holds every submission acknowledged before the backup.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use std::process::Command;

fn server_command(database: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.env("BP_DATABASE", database);
    command
}

#[tokio::test(flavor = "multi_thread")]
async fn an_online_backup_restores_every_submission_made_before_it() {
    let server = TestServer::start(None).await;
    let answer = serde_json::to_value(valid_answer()).unwrap();
    let submit = |n: usize| {
        let server = &server;
        let mut answer = answer.clone();
        answer["title"] = json!(format!("Pratica di prova numero {n}"));
        async move {
            let body = json!({"answers": answer, "edit_token": format!("backup-test-token-{n:032}"), "website": "", "started": started(300)});
            let response = server.submit(&format!("backup-test-key-{n:020}"), &body).await;
            assert_eq!(response.status(), StatusCode::CREATED);
            response.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
        }
    };
    let mut before = Vec::new();
    for n in 0..30 {
        before.push(submit(n).await);
    }

    // Submissions keep arriving while the backup runs.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copia.sqlite");
    let writers = async {
        let mut during = Vec::new();
        for n in 30..60 {
            during.push(submit(n).await);
        }
        during
    };
    let database = server.db_path.clone();
    let out = copy.clone();
    let backup = tokio::task::spawn_blocking(move || server_command(&database).arg("backup").arg(&out).output());
    let (during, backup) = tokio::join!(writers, backup);
    let backup = backup.unwrap().unwrap();
    let printed = String::from_utf8_lossy(&backup.stdout);
    assert!(backup.status.success(), "{printed} {}", String::from_utf8_lossy(&backup.stderr));
    assert!(printed.starts_with("backed up ") && printed.contains(" practices ("), "{printed}");
    assert_eq!(during.len(), 30, "the server kept answering during the backup");

    let again = server_command(&server.db_path).arg("backup").arg(&copy).output().unwrap();
    assert!(!again.status.success(), "an existing backup is never overwritten");

    // Restore into a new database and into one holding other data.
    let restored = dir.path().join("ripristinato.sqlite");
    let output = server_command(&restored).arg("restore").arg(&copy).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let conn = rusqlite::Connection::open(&restored).unwrap();
    let references: Vec<String> = conn
        .prepare("SELECT reference FROM practices ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for id in &before {
        assert!(references.contains(id), "{id} was acknowledged before the backup");
    }
    assert!(references.len() >= before.len() && references.len() <= before.len() + during.len());
    let versions: i64 = conn.query_row("SELECT count(*) FROM practice_versions", [], |r| r.get(0)).unwrap();
    assert_eq!(versions, references.len() as i64, "each practice with its version, nothing half-copied");
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");

    // A damaged or foreign file is refused and the database left as it was.
    let junk = dir.path().join("non-un-database.sqlite");
    std::fs::write(&junk, b"questo non e' un database").unwrap();
    let refused = server_command(&restored).arg("restore").arg(&junk).output().unwrap();
    assert!(!refused.status.success());
    let count: i64 = rusqlite::Connection::open(&restored)
        .unwrap()
        .query_row("SELECT count(*) FROM practices", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, references.len() as i64, "a refused restore changes nothing");
}
