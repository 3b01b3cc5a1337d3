// SPDX-License-Identifier: EUPL-1.2
//! Installs what the build and the tests need, skipping whatever is already
//! there in the right version (the versions and recipes are those verified in
//! `shared/docs/toolchain.md`):
//!
//! - the `wasm32-unknown-unknown` target (rustup);
//! - trunk 0.21.14 (cargo install; 0.22 needs a newer rustc);
//! - wasm-bindgen-cli at exactly the `wasm-bindgen` version in Cargo.lock;
//! - wasm-opt from the npm package `binaryen@132` (Debian's is too old);
//! - for tests, leptosfmt (formats `view!` macros), axe-core 4.14 from npm
//!   (accessibility checks) and Debian's chromium and chromium-driver;
//! - nginx-light from Debian's packages (the proxy of `cargo xtask rush`);
//! - for `cargo xtask lighthouse`, lighthouse 12.2.3 from npm (run with Node);
//! - schemathesis from PyPI, in a virtual environment of its own (API fuzzing);
//! - pyshacl from PyPI, likewise (the DCAT-AP shapes on the open data);
//! - aiosmtpd from PyPI, likewise (the real SMTP server of the mail tests);
//! - moto from PyPI with its server, likewise (the real S3-compatible server
//!   of the object-storage tests).

use crate::run_command;
use std::path::{Path, PathBuf};
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
const LEPTOSFMT_VERSION: &str = "0.1.33";
const AXE_VERSION: &str = "4.14";
/// Pinned exactly: scores and audits change between Lighthouse releases.
const LIGHTHOUSE_VERSION: &str = "12.2.3";
/// The 4.x command line (`st run`, `schemathesis.toml` with OpenAPI-aware auth).
const SCHEMATHESIS_VERSION: &str = "4.32.5";
/// The SHACL validator of the open data's DCAT-AP metadata.
const PYSHACL_VERSION: &str = "0.40.1";
/// The SMTP server the outbox's tests deliver to (crates/mailbox runs it).
const AIOSMTPD_VERSION: &str = "1.4.6";
/// The S3-compatible server the backup and publication tests write to.
const MOTO_VERSION: &str = "5.2.6";

/// Where npm-installed tools live, outside the clone so they survive it.
fn tools_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BP_TOOLS_DIR") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join(".cache/buone-pratiche/tools")
}

fn cargo_bin_dir() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
        home.join(".cargo")
    });
    cargo_home.join("bin")
}

/// What `program args` prints, if it runs at all.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Puts the tool folders first on PATH, for this process and its children.
fn prepend_to_path(dirs: &[PathBuf]) {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let mut all: Vec<PathBuf> = dirs.to_vec();
    all.extend(std::env::split_paths(&current));
    let joined = std::env::join_paths(all).expect("tool folders contain no path separator");
    // SAFETY: xtask is single-threaded; no other thread reads the environment.
    unsafe { std::env::set_var("PATH", joined) };
}

/// The `wasm-bindgen` version Cargo.lock resolved, which the CLI must equal.
fn locked_wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            let version = lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|v| v.strip_suffix('"'));
            return version.map(str::to_owned).ok_or_else(|| "Cargo.lock: wasm-bindgen without version".into());
        }
    }
    Err("Cargo.lock does not list wasm-bindgen".into())
}

/// Everything `trunk build --release --offline` needs.
pub fn ensure_build_tools(root: &Path) -> Result<(), String> {
    let node_bin = tools_dir().join("node_modules/.bin");
    prepend_to_path(&[cargo_bin_dir(), node_bin]);

    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    if !output_of("trunk", &["--version"]).is_some_and(|v| v.contains(TRUNK_VERSION)) {
        println!("Installing trunk {TRUNK_VERSION} (about 13 minutes on 2 cores, once)...");
        run_command(Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }

    let bindgen = locked_wasm_bindgen_version(root)?;
    if !output_of("wasm-bindgen", &["--version"]).is_some_and(|v| v.split_whitespace().any(|w| w == bindgen)) {
        println!("Installing wasm-bindgen-cli {bindgen} (about 4 minutes, once)...");
        // Not --locked: its lock file asks for a webpki-roots the registry no longer serves.
        run_command(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &format!("={bindgen}")]))?;
    }

    if !output_of("wasm-opt", &["--version"]).is_some_and(|v| v.contains(&format!("version_{BINARYEN_VERSION}"))) {
        let dir = tools_dir();
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        run_command(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir)
                .arg(format!("binaryen@{BINARYEN_VERSION}")),
        )?;
    }
    Ok(())
}

/// leptosfmt, which checks the formatting inside `view!` macros.
pub fn ensure_leptosfmt() -> Result<(), String> {
    if !output_of("leptosfmt", &["--version"]).is_some_and(|v| v.contains(LEPTOSFMT_VERSION)) {
        println!("Installing leptosfmt {LEPTOSFMT_VERSION} (a few minutes, once)...");
        run_command(Command::new("cargo").args(["install", "leptosfmt", "--version", LEPTOSFMT_VERSION, "--locked"]))?;
    }
    Ok(())
}

/// axe-core, the accessibility engine the end-to-end tests inject into pages;
/// returns the path of its script.
pub fn ensure_axe() -> Result<PathBuf, String> {
    let dir = tools_dir();
    let package = dir.join("node_modules/axe-core/package.json");
    let installed = std::fs::read_to_string(&package).unwrap_or_default();
    if !installed.contains(&format!("\"version\": \"{AXE_VERSION}.")) {
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        run_command(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir)
                .arg(format!("axe-core@{AXE_VERSION}")),
        )?;
    }
    Ok(dir.join("node_modules/axe-core/axe.min.js"))
}

/// Lighthouse, which measures a page as a phone on a slow network sees it;
/// returns the path of its command-line script (run it with `node`).
pub fn ensure_lighthouse() -> Result<PathBuf, String> {
    let dir = tools_dir();
    let package = dir.join("node_modules/lighthouse/package.json");
    let installed = std::fs::read_to_string(&package)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|json| json["version"].as_str().map(str::to_owned));
    if installed.as_deref() != Some(LIGHTHOUSE_VERSION) {
        println!("Installing lighthouse {LIGHTHOUSE_VERSION} from npm (a minute, once)...");
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        run_command(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--save-exact", "--prefix"])
                .arg(&dir)
                .arg(format!("lighthouse@{LIGHTHOUSE_VERSION}")),
        )?;
    }
    Ok(dir.join("node_modules/lighthouse/cli/index.js"))
}

/// MiniSearch and itemsjs, the peers of the catalogue benchmark (never part
/// of the product); returns the `node_modules` folder holding them.
pub fn ensure_bench_peers() -> Result<PathBuf, String> {
    let dir = tools_dir();
    let modules = dir.join("node_modules");
    if !modules.join("minisearch/dist/umd/index.js").exists() || !modules.join("itemsjs/dist/index.umd.js").exists() {
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        run_command(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir)
                .args(["minisearch@7.2.0", "itemsjs@2.4.4"]),
        )?;
    }
    Ok(modules)
}

/// Chromium and its driver for the browser tests; returns the driver's path.
pub fn ensure_browser() -> Result<PathBuf, String> {
    let chromedriver = PathBuf::from("/usr/bin/chromedriver");
    if Path::new("/usr/bin/chromium").exists() && chromedriver.exists() {
        return Ok(chromedriver);
    }
    println!("Installing Chromium and ChromeDriver from Debian's packages...");
    run_command(Command::new("apt-get").arg("update"))?;
    run_command(Command::new("apt-get").args(["install", "-y", "chromium", "chromium-driver"]))?;
    Ok(chromedriver)
}

/// nginx from Debian's packages (the light build: proxy, no extra modules),
/// the reverse proxy of the deadline-hour rush. Debian's policy on this
/// machine keeps the package from starting its own service.
pub fn ensure_nginx() -> Result<(), String> {
    if Path::new("/usr/sbin/nginx").exists() {
        return Ok(());
    }
    println!("Installing nginx from Debian's packages...");
    run_command(Command::new("apt-get").arg("update"))?;
    run_command(Command::new("apt-get").args(["install", "-y", "nginx-light"]))
}

/// schemathesis, the property-based API fuzzer, in a virtual environment of
/// its own under the tools folder; returns the path of its `st` command.
pub fn ensure_schemathesis() -> Result<PathBuf, String> {
    ensure_python_tool("schemathesis", SCHEMATHESIS_VERSION, "st")
}

/// pyshacl, the SHACL validator, in a virtual environment of its own;
/// returns the path of its `pyshacl` command.
pub fn ensure_pyshacl() -> Result<PathBuf, String> {
    ensure_python_tool("pyshacl", PYSHACL_VERSION, "pyshacl")
}

/// aiosmtpd in a virtual environment of its own; returns the path of its
/// Python, which the tests read from `BP_SMTP_PYTHON`.
pub fn ensure_aiosmtpd() -> Result<PathBuf, String> {
    ensure_python_tool("aiosmtpd", AIOSMTPD_VERSION, "python")
}

/// moto's S3-compatible server in a virtual environment of its own; returns
/// the path of its `moto_server`, which the tests read from `BP_MOTO_SERVER`.
pub fn ensure_moto() -> Result<PathBuf, String> {
    ensure_python_tool("moto[server]", MOTO_VERSION, "moto_server")
}

/// The PyPI package `package` at `version` (with its extras, as in
/// `moto[server]`), in the virtual environment `{package}-venv` under the
/// tools folder; returns the path of `command`.
fn ensure_python_tool(requirement: &str, version: &str, command: &str) -> Result<PathBuf, String> {
    let package = requirement.split('[').next().unwrap_or(requirement);
    let venv = tools_dir().join(format!("{package}-venv"));
    let installed = venv.join("bin").join(command);
    if output_of(&venv.join("bin/pip").to_string_lossy(), &["show", package])
        .is_some_and(|v| v.lines().any(|line| line == format!("Version: {version}")))
        && installed.exists()
    {
        return Ok(installed);
    }
    // Debian's python3 has `venv` but not `ensurepip` until python3-venv is installed.
    if Command::new("python3").args(["-c", "import ensurepip, venv"]).output().map_or(true, |o| !o.status.success()) {
        println!("Installing Python's venv module from Debian's packages...");
        run_command(Command::new("apt-get").arg("update"))?;
        run_command(Command::new("apt-get").args(["install", "-y", "python3-venv"]))?;
    }
    println!("Installing {package} {version} from PyPI (under a minute, once)...");
    run_command(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run_command(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("{requirement}=={version}")),
    )?;
    Ok(installed)
}
