// SPDX-License-Identifier: EUPL-1.2
//! Upgrades that cannot lose data: databases written by earlier releases of
//! this project (tests/fixtures/releases, made by those releases' own
//! servers: see its README), each opened by today's server. Every row read
//! before the upgrade is there after it with the same values, the copy
//! written before the upgrade holds the original rows, and over HTTP the
//! published practices are public, the respondents' private links open
//! their submissions, the curators sign in with their passwords and the
//! admins read the whole audit trail.

mod live;
mod rows;

use rows::{Kept, Snapshot, text};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The password of every account in the fixtures (make/fill.py's).
pub const PASSWORD: &str = "fixture password, kept since the release";

/// How many private links the fixtures' scripts may have handed out.
pub const LINKS: u32 = 20;

/// The private link's secret of the fixture's practice `n` (make/fill.py's `token`).
pub fn token(schema: i64, n: u32) -> String {
    format!("fixture-schema-{schema:02}-private-link-{n:02}-0123456789abcdef")
}

/// Tables whose rows the running server changes by design, so only the
/// upgrade itself is held to keeping them untouched: expired or revoked
/// sessions are deleted, the outbox delivered and cleared, subscriptions'
/// digests stamped (unconfirmed ones deleted after a week), invitees
/// stamped when invited and deleted a year after their round.
const MAINTAINED_BY_JOBS: [&str; 4] = ["sessions", "outbox", "subscriptions", "round_invitees"];

/// Today's server binary, with none of the settings (`BP_*`) of the
/// environment the tests run in: only what each test sets.
pub fn server_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("BP_") {
            command.env_remove(name);
        }
    }
    command
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/releases")
}

/// The fixture's `schema-NN-HASH.sqlite` files, by name.
const FIXTURES: [(&str, i64); 3] =
    [("schema-04-fb4ada3.sqlite", 4), ("schema-08-99e983f.sqlite", 8), ("schema-12-50fcbe2.sqlite", 12)];

#[tokio::test(flavor = "multi_thread")]
async fn a_schema_4_database_from_release_fb4ada3_survives_the_upgrade() {
    survives(FIXTURES[0].0, FIXTURES[0].1).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_schema_8_database_from_release_99e983f_survives_the_upgrade() {
    survives(FIXTURES[1].0, FIXTURES[1].1).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_schema_12_database_from_release_50fcbe2_survives_the_upgrade() {
    survives(FIXTURES[2].0, FIXTURES[2].1).await;
}

#[test]
fn every_fixture_in_the_folder_has_its_test() {
    let mut found: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sqlite"))
        .collect();
    found.sort();
    let tested: Vec<&str> = FIXTURES.iter().map(|(name, _)| *name).collect();
    assert_eq!(found, tested, "add a test above for each fixture (README: adding the next release)");
}

/// The fixture has what it is for: every curation state, a practice with
/// more than one version, a closed account, decisions in the audit log.
fn assert_full(before: &Snapshot, name: &str) {
    let states: Vec<&str> = before["practices"].column("moderation_status").map(|(_, s)| text(s)).collect();
    for state in ["inviata", "in_revisione", "integrazioni_richieste", "pubblicata", "respinta", "archiviata"] {
        assert!(states.contains(&state), "{name}: no practice {state}");
    }
    let practices = before["practices"].rows.len();
    assert!(before["practice_versions"].rows.len() > practices, "{name}: a practice with several versions");
    assert!(before["users"].column("disabled").any(|(_, d)| rows::integer(d) == 1), "{name}: a closed account");
    assert!(before["audit_log"].rows.len() >= practices, "{name}: the decisions' audit rows");
}

async fn survives(name: &str, schema: i64) {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("buone-pratiche.sqlite");
    std::fs::copy(fixtures().join(name), &database).unwrap();
    assert_eq!(rows::schema_version(&database), schema, "{name} as its release left it");
    let before = rows::snapshot(&database);
    assert_full(&before, name);

    // The upgrade alone: today's server opens the database (migrating it)
    // and writes the public catalogue from it; no job runs.
    let catalogue = dir.path().join("catalogue.json");
    let output =
        server_command().env("BP_DATABASE", &database).arg("export-catalogue").arg(&catalogue).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(rows::schema_version(&database), server::db::SCHEMA_VERSION);
    let upgraded = rows::snapshot(&database);
    // No migration rewrites a column that existed before it, so every old
    // column is compared as it was; the columns added since are checked for
    // what their migration fills in.
    rows::assert_kept(&before, &upgraded, Kept::Exactly, |_| true, &format!("{name}, upgraded"));
    rows::assert_added_columns(&before, &upgraded);
    let exported: serde_json::Value = serde_json::from_slice(&std::fs::read(&catalogue).unwrap()).unwrap();
    let published = before["practices"].column("moderation_status").filter(|(_, s)| text(s) == "pubblicata").count();
    assert_eq!(exported["practices"].as_array().unwrap().len(), published, "the exported catalogue");

    // The copy written before the upgrade: the original, row for row.
    let copy = dir
        .path()
        .join(format!("buone-pratiche.sqlite.before-schema-{schema}-to-{}.sqlite", server::db::SCHEMA_VERSION));
    assert!(copy.exists(), "the copy before the upgrade, beside the database");
    assert_eq!(rows::schema_version(&copy), schema);
    let copied = rows::snapshot(&copy);
    assert_eq!(copied.keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>(), "the copy's tables");
    rows::assert_kept(&before, &copied, Kept::Exactly, |_| true, &format!("{name}, its copy before the upgrade"));

    // The real server on it, as its people use it.
    let live = live::Live::start(&database, &dir.path().join("server.log"));
    live::check(&live, &before, schema).await;
    live.stop();
    let served = rows::snapshot(&database);
    let records = |table: &str| !MAINTAINED_BY_JOBS.contains(&table);
    rows::assert_kept(&upgraded, &served, Kept::Among, records, &format!("{name}, after serving"));
}
