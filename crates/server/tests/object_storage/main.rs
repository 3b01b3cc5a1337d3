// SPDX-License-Identifier: EUPL-1.2
//! Backups and the static publication in S3-compatible object storage, on a
//! real S3 server (moto's server mode): `server backup` and `server restore`
//! without a file, the retention count, the schedule of a running server,
//! and the live publication that writes only what a decision changed.

#[path = "../common/mod.rs"]
mod common;
mod moto;

use common::*;
use domain::record::vocabulary::ModerationStatus;
use moto::S3Server;
use reqwest::StatusCode;
use serde_json::Value;
use std::process::{Command, Output};
use std::time::Duration;

/// The `server` binary on `database`, with BP_BACKUP_URL in `s3`.
fn server_command(s3: &S3Server, database: &std::path::Path, url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.env("BP_DATABASE", database).env("BP_BACKUP_URL", url).envs(s3.environment());
    command
}

fn printed(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn names(objects: &[object_store::ObjectMeta]) -> Vec<String> {
    objects.iter().map(|o| o.location.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn backups_keep_the_newest_and_restore_brings_back_the_newest() {
    let s3 = S3Server::start().await;
    s3.bucket("copie").await;
    let url = "s3://copie/buone-pratiche/backup";
    // Something else in the folder: never read, never deleted.
    let foreign = reqwest::Client::new()
        .put(format!("{}/copie/buone-pratiche/backup/leggimi.txt", s3.endpoint))
        .body("non toccare")
        .send()
        .await
        .unwrap();
    assert!(foreign.status().is_success());

    let server = TestServer::start(None).await;
    let mut counts = Vec::new();
    for _ in 0..3 {
        server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
        let backup =
            server_command(&s3, &server.db_path, url).env("BP_BACKUP_KEEP", "2").arg("backup").output().unwrap();
        assert!(backup.status.success(), "{}", printed(&backup));
        assert!(
            printed(&backup).contains("to s3://copie/buone-pratiche/backup/buone-pratiche-"),
            "{}",
            printed(&backup)
        );
        counts.push(server.stored());
        // Backups are named by the second they were taken.
        tokio::time::sleep(Duration::from_millis(1100)).await;
    }
    let objects = s3.objects("copie", "buone-pratiche/backup").await;
    let listed = names(&objects);
    assert_eq!(listed.len(), 3, "the two newest backups and the foreign file: {listed:?}");
    assert!(listed.contains(&"buone-pratiche/backup/leggimi.txt".to_owned()), "{listed:?}");
    assert!(std::fs::read_dir(server.db_path.parent().unwrap()).unwrap().all(|entry| {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        !name.ends_with(".upload") && !name.ends_with(".partial")
    }));

    // A new machine: an empty database, restored from the newest backup.
    let fresh = tempfile::tempdir().unwrap();
    let database = fresh.path().join("nuova.sqlite");
    let restore = server_command(&s3, &database, url).arg("restore").output().unwrap();
    assert!(restore.status.success(), "{}", printed(&restore));
    assert!(printed(&restore).contains(&format!("restored {} practices from s3://copie/", counts[2])));
    let conn = rusqlite::Connection::open(&database).unwrap();
    let restored: i64 = conn.query_row("SELECT count(*) FROM practices", [], |r| r.get(0)).unwrap();
    assert_eq!(restored, counts[2]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_bucket_or_a_wrong_address_is_said_in_words() {
    let s3 = S3Server::start().await;
    let server = TestServer::start(None).await;
    let cases = [
        ("s3://non-esiste/copie", "backup", "s3://non-esiste/copie"),
        ("https://copie.example.org/", "backup", "not an S3 address"),
        ("s3://non-esiste/copie", "restore", "s3://non-esiste/copie"),
    ];
    for (url, command, expected) in cases {
        let before = server.snapshot();
        let output = server_command(&s3, &server.db_path, url).arg(command).output().unwrap();
        assert!(!output.status.success(), "{url} {command}");
        assert!(printed(&output).contains(expected), "{url} {command}: {}", printed(&output));
        assert_eq!(server.snapshot(), before, "nothing changed");
    }
    s3.bucket("vuoto").await;
    let output = server_command(&s3, &server.db_path, "s3://vuoto").arg("restore").output().unwrap();
    assert!(printed(&output).contains("there is no backup at s3://vuoto"), "{}", printed(&output));
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("BP_DATABASE", &server.db_path)
        .env_remove("BP_BACKUP_URL")
        .arg("backup")
        .output()
        .unwrap();
    assert!(printed(&output).contains("name a backup file, or set BP_BACKUP_URL"), "{}", printed(&output));
}

/// A running server takes a backup when none is there, and is not fooled
/// into another by a restart: the next is due a period after the newest.
#[tokio::test(flavor = "multi_thread")]
async fn the_running_server_backs_up_when_a_backup_is_due() {
    let s3 = S3Server::start().await;
    s3.bucket("copie").await;
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("servizio.sqlite");
    let start = || {
        server_command(&s3, &database, "s3://copie/notte")
            .env("BP_LISTEN", "127.0.0.1:0")
            .env("BP_BACKUP_EVERY_HOURS", "1")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut running = start();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while s3.objects("copie", "notte").await.is_empty() {
        assert!(std::time::Instant::now() < deadline, "a backup within 30 s of the start");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    running.kill().unwrap();
    running.wait().unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let mut again = start();
    tokio::time::sleep(Duration::from_secs(3)).await;
    again.kill().unwrap();
    again.wait().unwrap();
    assert_eq!(s3.objects("copie", "notte").await.len(), 1, "the restart took no second backup");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_publication_in_the_bucket_changes_only_what_a_decision_changed() {
    let s3 = S3Server::start().await;
    s3.bucket("sito").await;
    let dist = app_template();
    std::fs::write(dist.path().join("public-cf5a5549c095325f_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.path().join("public-cf5a5549c095325f_bg.wasm.br"), b"compressa").unwrap();
    let stray = reqwest::Client::new()
        .put(format!("{}/sito/pubblico/vecchia-pagina.html", s3.endpoint))
        .body("<p>una pagina che il sito non ha più</p>")
        .send()
        .await
        .unwrap();
    assert!(stray.status().is_success());
    let staging = tempfile::tempdir().unwrap();
    let mut live = None;
    let server = TestServer::start_with(Some(dist.path()), |state| {
        let bucket = server::bucket::Bucket::parse_with("s3://sito/pubblico", s3.settings()).unwrap();
        let destination =
            server::publish::Destination { link: None, bucket: Some(bucket), staging: staging.path().to_path_buf() };
        let publication = server::publish::LivePublication::new(destination, None, Default::default(), None).unwrap();
        let publication = publication.start(state.db.clone(), dist.path().to_path_buf(), state.public_url.clone());
        state.publication = Some(std::sync::Arc::clone(&publication));
        live = Some(publication);
    })
    .await;
    let live = live.unwrap();
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let first = server.seed(valid_answer(), ModerationStatus::InRevisione).await;
    let (status, body) = server.act(&curator, &first, "publish", 1, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    live.settled().await;

    let before = s3.objects("sito", "pubblico").await;
    let listed = names(&before);
    for expected in ["pubblico/catalogue.json", "pubblico/index.html", &format!("pubblico/pratiche/{first}.json")] {
        assert!(listed.iter().any(|name| name == expected), "{expected} in {listed:?}");
    }
    assert!(!listed.iter().any(|name| name.ends_with(".br")), "no precompressed copies: {listed:?}");
    assert!(!listed.contains(&"pubblico/vecchia-pagina.html".to_owned()), "what the site lacks is removed");
    assert!(std::fs::read_dir(staging.path()).unwrap().next().is_none(), "the staging copy is removed");
    let headers = |path: &'static str| {
        let s3 = &s3;
        async move {
            let (_, content_type, cache_control) = s3.get("sito", &format!("pubblico/{path}")).await;
            (content_type, cache_control)
        }
    };
    assert_eq!(headers("catalogue.json").await, ("application/json".into(), "public, max-age=60".into()));
    assert_eq!(headers("index.html").await.0, "text/html; charset=utf-8");
    assert_eq!(
        headers("public-cf5a5549c095325f_bg.wasm").await,
        ("application/wasm".into(), "public, max-age=31536000, immutable".into())
    );

    // The next decision: S3 times are to the second, so wait one.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let second = server.seed(valid_answer(), ModerationStatus::InRevisione).await;
    let (status, body) = server.act(&curator, &second, "publish", 1, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    live.settled().await;
    let after = s3.objects("sito", "pubblico").await;
    let rewritten: Vec<&str> = after
        .iter()
        .filter(|object| {
            before.iter().all(|old| old.location != object.location || old.last_modified != object.last_modified)
        })
        .map(|object| object.location.as_ref())
        .collect();
    assert!(rewritten.contains(&"pubblico/catalogue.json"), "{rewritten:?}");
    assert!(rewritten.contains(&format!("pubblico/pratiche/{second}.json").as_str()), "{rewritten:?}");
    // What the decision did not touch: the app, the other practice's data,
    // the pages about the site.
    let first_data = format!("pubblico/pratiche/{first}.json");
    let untouched = [
        "pubblico/public-cf5a5549c095325f_bg.wasm",
        &first_data,
        "pubblico/privacy/index.html",
        "pubblico/contatti/index.html",
        "pubblico/operator.json",
        "pubblico/robots.txt",
    ];
    for unchanged in untouched {
        assert!(names(&after).iter().any(|name| name == unchanged), "{unchanged} is there");
        assert!(!rewritten.contains(&unchanged), "{unchanged} was not written again: {rewritten:?}");
    }
    let catalogue: Value = serde_json::from_slice(&s3.get("sito", "pubblico/catalogue.json").await.0).unwrap();
    let ids: Vec<&str> = catalogue["practices"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&first.as_str()) && ids.contains(&second.as_str()), "{ids:?}");
}
