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
