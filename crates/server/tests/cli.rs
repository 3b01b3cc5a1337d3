// SPDX-License-Identifier: EUPL-1.2
//! The server binary as operators use it: environment variables, flags,
//! `--help` and the `export-catalogue` subcommand.

use std::process::Command;

fn server() -> Command {
    Command::new(env!("CARGO_BIN_EXE_server"))
}

#[test]
fn help_documents_every_environment_variable() {
    let output = server().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for variable in ["BP_LISTEN", "BP_DATABASE", "BP_STATIC_DIR", "BP_DEMO", "export-catalogue"] {
        assert!(help.contains(variable), "--help names {variable}:\n{help}");
    }
}

#[test]
fn bp_demo_from_the_environment_loads_demo_data_into_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site/catalogue.json");
    for (value, expect_practices) in [("1", true), ("0", false), ("true", true), ("off", false)] {
        let database = dir.path().join(format!("demo-{value}.sqlite"));
        let status = server()
            .env("BP_DEMO", value)
            .env("BP_DATABASE", &database)
            .arg("export-catalogue")
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success(), "BP_DEMO={value}");
        let catalogue: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        let count = catalogue["practices"].as_array().unwrap().len();
        assert_eq!(count > 0, expect_practices, "BP_DEMO={value}: {count} practices");
        assert!(database.exists(), "the database file is created");
    }
}

#[test]
fn a_flag_overrides_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("env.sqlite");
    let from_flag = dir.path().join("flag.sqlite");
    let status = server()
        .env("BP_DATABASE", &from_env)
        .arg("--database")
        .arg(&from_flag)
        .arg("export-catalogue")
        .arg(dir.path().join("c.json"))
        .status()
        .unwrap();
    assert!(status.success());
    assert!(from_flag.exists() && !from_env.exists());
}

#[test]
fn a_bad_setting_is_refused_with_a_message() {
    let output = server().env("BP_LISTEN", "not-an-address").arg("export-catalogue").arg("x.json").output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--listen"), "{stderr}");
}

#[test]
fn a_security_contact_that_is_no_address_stops_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let output = server()
        .env("BP_DATABASE", dir.path().join("s.sqlite"))
        .env("BP_LISTEN", "127.0.0.1:0")
        .env("BP_SECURITY_CONTACT", "chiamate il centralino")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("BP_SECURITY_CONTACT"), "{stderr}");
}

#[test]
fn user_add_reads_the_password_from_standard_input_and_stores_only_its_hash() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("users.sqlite");
    let add = |password: &str, email: &str| {
        let mut child = server()
            .env("BP_DATABASE", &database)
            .args(["user", "add", "--email", email, "--role", "curator"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait().unwrap().success()
    };
    assert!(!add("corta", "a@example.org"), "a short password is refused");
    assert!(!add("password lunga e sicura", "non-una-mail"), "an e-mail is needed");
    assert!(add("password lunga e sicura", "a@example.org"));
    assert!(!add("password lunga e sicura", "A@example.org"), "one account per e-mail, whatever the case");
    let conn = rusqlite::Connection::open(&database).unwrap();
    let hash: String = conn.query_row("SELECT password_hash FROM users", [], |r| r.get(0)).unwrap();
    assert!(hash.starts_with("$argon2id$") && !hash.contains("password lunga"));
}

#[test]
fn purge_dry_run_says_what_it_would_remove_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("purge.sqlite");
    let output = server().env("BP_DATABASE", &database).args(["purge", "--dry-run"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.starts_with("would remove (dry run, nothing changed):"), "{said}");
    for kind in ["practices' referents blanked", "closed accounts deleted", "round invitees deleted"] {
        assert!(said.contains(kind), "{kind} in {said}");
    }
    let output = server().env("BP_DATABASE", &database).args(["purge"]).output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("removed:"));
}

#[test]
fn bp_log_format_json_writes_one_json_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = server()
        .env("BP_DATABASE", dir.path().join("log.sqlite"))
        .env("BP_LOG_FORMAT", "json")
        .arg("export-catalogue")
        .arg(dir.path().join("c.json"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let log = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = log.lines().collect();
    assert!(!lines.is_empty(), "the migration is logged");
    for line in lines {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(entry["level"].is_string() && entry["timestamp"].is_string(), "{line}");
    }
    let refused = server().env("BP_LOG_FORMAT", "xml").arg("export-catalogue").arg("x.json").output().unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("xml"));
}
