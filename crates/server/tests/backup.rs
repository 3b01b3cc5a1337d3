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
    let files: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(files, ["copia.sqlite"], "a backup is one file: no -wal, -shm or partial copy beside it");

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

/// A database as a release with schema version 4 left it: the first four
/// migrations (the files never change once released) and one published
/// practice.
fn schema_4_database(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    for file in ["0001_practices.sql", "0002_submissions.sql", "0003_curation.sql", "0004_rounds.sql"] {
        conn.execute_batch(&std::fs::read_to_string(migrations.join(file)).unwrap()).unwrap();
    }
    conn.pragma_update(None, "user_version", 4).unwrap();
    let mut answer = serde_json::to_value(valid_answer()).unwrap();
    answer["title"] = json!("Pratica del 2020 salvata dalla versione 4");
    conn.execute(
        "INSERT INTO practices (reference, moderation_status, collection_round, questionnaire_version, answer,
                                submitted_at, published_at, updated_at)
         VALUES ('BP-2020-0001', 'pubblicata', 'prima_raccolta_2020', 1, ?1,
                 '2020-05-10T10:00:00Z', '2020-05-20T10:00:00Z', '2020-05-20T10:00:00Z')",
        [answer.to_string()],
    )
    .unwrap();
}

#[test]
fn an_older_database_is_copied_beside_it_before_its_schema_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("buone-pratiche.sqlite");
    schema_4_database(&database);
    let out = dir.path().join("catalogue.json");
    let output = server_command(&database).arg("export-catalogue").arg(&out).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let copy =
        dir.path().join(format!("buone-pratiche.sqlite.before-schema-4-to-{}.sqlite", server::db::SCHEMA_VERSION));
    let old = rusqlite::Connection::open(&copy).expect("the copy written before the upgrade");
    let version: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let title: String = old
        .query_row("SELECT answer ->> '$.title' FROM practices WHERE reference = 'BP-2020-0001'", [], |r| r.get(0))
        .unwrap();
    assert_eq!((version, title.as_str()), (4, "Pratica del 2020 salvata dalla versione 4"));

    let upgraded = rusqlite::Connection::open(&database).unwrap();
    let version: i64 = upgraded.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, server::db::SCHEMA_VERSION);
    let catalogue: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let titles: Vec<&str> =
        catalogue["practices"].as_array().unwrap().iter().filter_map(|p| p["title"].as_str()).collect();
    assert_eq!(titles, ["Pratica del 2020 salvata dalla versione 4"], "the practice survives the upgrade");

    // Opened again, an up-to-date database is not copied a second time.
    let output = server_command(&database).arg("export-catalogue").arg(&out).output().unwrap();
    assert!(output.status.success());
    let copies = std::fs::read_dir(dir.path()).unwrap().filter(|e| {
        let name = e.as_ref().unwrap().file_name().to_string_lossy().into_owned();
        name.contains(".before-schema-") && name.ends_with(".sqlite")
    });
    assert_eq!(copies.count(), 1);
}

#[test]
fn a_database_from_a_newer_release_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("buone-pratiche.sqlite");
    let output = server_command(&database).arg("export-catalogue").arg(dir.path().join("c.json")).output().unwrap();
    assert!(output.status.success());
    let conn = rusqlite::Connection::open(&database).unwrap();
    conn.pragma_update(None, "user_version", server::db::SCHEMA_VERSION + 1).unwrap();
    drop(conn);

    let output = server_command(&database).arg("export-catalogue").arg(dir.path().join("c.json")).output().unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    let found = format!("has schema version {}", server::db::SCHEMA_VERSION + 1);
    let known = format!("knows versions up to {}", server::db::SCHEMA_VERSION);
    for words in [found.as_str(), known.as_str(), "Install the release that made it", "server restore"] {
        assert!(said.contains(words), "{words:?} in {said}");
    }
    assert!(!said.contains("DatabaseTooFarAhead"), "{said}");
    let version: i64 =
        rusqlite::Connection::open(&database).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, server::db::SCHEMA_VERSION + 1, "the newer database is left as it was");
}
