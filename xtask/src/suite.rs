// SPDX-License-Identifier: EUPL-1.2
//! `cargo xtask test`: every suite, with what it needs installed first, and
//! the summary of what ran.

use super::*;

/// One step of the test run and its outcome.
struct Step {
    name: &'static str,
    outcome: Result<(), String>,
}

pub fn test(root: &Path) -> Result<(), String> {
    tools::ensure_build_tools(root)?;
    tools::ensure_leptosfmt()?;
    let axe = tools::ensure_axe()?;
    let chromedriver = tools::ensure_browser()?;
    let smtp_python = tools::ensure_aiosmtpd()?;
    let moto_server = tools::ensure_moto()?;
    let mut counts = Counts::default();
    let mut steps = Vec::new();
    let mut step = |name: &'static str, outcome: Result<(), String>| {
        if let Err(e) = &outcome {
            eprintln!("xtask: step {name} failed: {e}");
        }
        steps.push(Step { name, outcome });
    };

    step("licence headers", licence::check(root));
    step("publiccode.yml", publiccode::check(root));
    step("format", run_command(Command::new("cargo").args(["fmt", "--all", "--check"])));
    step("format (view! macros)", run_command(Command::new("leptosfmt").args(["--check", "--quiet", "src", "tests"])));
    step(
        "clippy (native)",
        run_command(Command::new("cargo").args([
            "clippy",
            "--workspace",
            "--exclude",
            "buone-pratiche",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    step(
        "clippy (wasm)",
        run_command(Command::new("cargo").args([
            "clippy",
            "--package",
            "buone-pratiche",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "csr",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    // The same components as the server renders them (`src/render.rs`).
    step(
        "clippy (app rendered by the server)",
        run_command(Command::new("cargo").args([
            "clippy",
            "--package",
            "buone-pratiche",
            "--features",
            "ssr",
            "--lib",
            "--",
            "-D",
            "warnings",
        ])),
    );
    step(
        "unit and API tests",
        counts.run(
            Command::new("cargo")
                .args(["test", "--no-fail-fast", "--workspace", "--exclude", "buone-pratiche", "--exclude", "e2e"])
                .env("BP_SMTP_PYTHON", &smtp_python)
                .env("BP_MOTO_SERVER", &moto_server),
        ),
    );
    // Dev profile: its dependencies are already built by the tests above, so
    // these cost seconds of building; the load figures are only a smoke check
    // here (errors fail the step), `cargo xtask load` measures.
    step("crash durability (20 kills)", stress(root, "dev", &["crash".into(), "--kills".into(), "20".into()]));
    step("load (short)", stress(root, "dev", &["load".into(), "--seconds".into(), "10".into()]));
    // Correctness only (a lost, duplicated or refused respondent fails the
    // step); `cargo xtask rush` measures, in the server profile.
    step(
        "deadline rush (500, through nginx)",
        tools::ensure_nginx().and_then(|()| {
            stress(
                root,
                "dev",
                &["rush".into(), "--respondents".into(), "500".into(), "--per-second".into(), "50".into()],
            )
        }),
    );
    step("API fuzzing (schemathesis)", fuzz_api(root, &[]));
    step(
        "browser tests (wasm-bindgen-test)",
        counts.run(
            Command::new("cargo")
                .args([
                    "test",
                    "--package",
                    "buone-pratiche",
                    "--features",
                    "csr",
                    "--target",
                    "wasm32-unknown-unknown",
                ])
                .env("CHROMEDRIVER", &chromedriver),
        ),
    );
    let built = build_app(root);
    let built_ok = built.is_ok();
    step("release build", built);
    if built_ok {
        step(
            "size budget",
            size::check_budget(&root.join("dist"), &FIRST_RENDER_BUDGETS_BROTLI).and_then(|()| search_share(root)),
        );
        step("Debian package (install, serve, purge)", package::check(root));
        step(
            "open data (DCAT-AP 2.1.1 SHACL)",
            tools::ensure_pyshacl().and_then(|pyshacl| shacl::check(root, &pyshacl)),
        );
        step(
            "end-to-end tests",
            counts.run(
                Command::new("cargo")
                    // Every binary runs, whatever an earlier one did: a failure
                    // in one file must not hide the others' results.
                    .args(["test", "--package", "e2e", "--no-fail-fast"])
                    .env("BP_E2E_DIST", root.join("dist"))
                    .env("BP_AXE_JS", &axe)
                    .env("BP_SMTP_PYTHON", &smtp_python)
                    .env("CHROMEDRIVER", &chromedriver),
            ),
        );
    }

    println!("\nxtask test summary:");
    for Step { name, outcome } in &steps {
        println!("  {:<36} {}", name, if outcome.is_ok() { "ok" } else { "FAILED" });
    }
    // The plain closing line CI reads: the sum over every test runner above.
    println!("tests: {} passed, {} failed", counts.passed, counts.failed);
    let failed: Vec<_> = steps.iter().filter(|s| s.outcome.is_err()).map(|s| s.name).collect();
    if failed.is_empty() { Ok(()) } else { Err(format!("failed steps: {}", failed.join(", "))) }
}

/// Passed and failed tests, summed over runs of libtest-compatible runners.
#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    /// Runs a test command, echoing its output, and adds up every
    /// `test result: ... N passed; M failed` line it prints.
    fn run(&mut self, command: &mut Command) -> Result<(), String> {
        let shown = format!("{command:?}");
        println!("\n$ {shown}");
        let mut child = command.stdout(Stdio::piped()).spawn().map_err(|e| format!("cannot start {shown}: {e}"))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("reading {shown}: {e}"))?;
            println!("{line}");
            if let Some((passed, failed)) = parse_test_result(&line) {
                self.passed += passed;
                self.failed += failed;
            }
        }
        let status = child.wait().map_err(|e| format!("waiting for {shown}: {e}"))?;
        if status.success() { Ok(()) } else { Err(format!("{shown} failed ({status})")) }
    }
}

/// Reads libtest's closing line: `test result: ok. 13 passed; 0 failed; ...`.
fn parse_test_result(line: &str) -> Option<(u64, u64)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let number_before = |word: &str| -> Option<u64> {
        let end = rest.find(word)?;
        rest[..end].trim_end().rsplit([' ', '.', ';']).next()?.parse().ok()
    };
    Some((number_before(" passed")?, number_before(" failed")?))
}

#[cfg(test)]
mod tests {
    use super::parse_test_result;

    #[test]
    fn reads_libtest_and_wasm_bindgen_test_summaries() {
        let cases = [
            (
                "test result: ok. 13 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
                Some((13, 0)),
            ),
            ("test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out", Some((2, 1))),
            ("   test result: ok. 0 passed; 0 failed; 0 ignored", Some((0, 0))),
            ("running 13 tests", None),
            ("test foo ... ok", None),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_test_result(line), expected, "{line}");
        }
    }
}
