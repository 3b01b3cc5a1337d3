// SPDX-License-Identifier: EUPL-1.2
//! `cargo xtask lighthouse [--url URL] [--runs N]`: Lighthouse's mobile
//! preset (simulated slow 4G, 4x CPU slowdown) on the public pages, N runs
//! each, printing the median of each figure as a Markdown table and the
//! accessibility and SEO audits the median run fails. Figures are printed,
//! never asserted: only a tool that cannot run fails the command.
//!
//! Without `--url` it builds the app and the server and measures a server of
//! its own, on a fresh database with the demo data. Every report is kept in
//! `<target>/lighthouse/` as `<page>-<run>.json`.

use crate::{run_command, tools};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_RUNS: usize = 3;
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage";
/// How long the server may take to answer `GET /` after it starts.
const START_TIMEOUT: Duration = Duration::from_secs(30);

struct Options {
    url: Option<String>,
    runs: usize,
    /// Lighthouse's own throttling of the real load (`--throttling-method=devtools`)
    /// instead of the default simulation from an unthrottled load.
    devtools: bool,
    /// The pages in English (`?lang=en`) instead of Italian.
    english: bool,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options { url: None, runs: DEFAULT_RUNS, devtools: false, english: false };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--url" => {
                let url = args.next().ok_or("--url needs an address, e.g. http://127.0.0.1:8080")?;
                options.url = Some(url.trim_end_matches('/').to_owned());
            }
            "--runs" => {
                let runs = args.next().ok_or("--runs needs a number")?;
                options.runs = runs.parse().ok().filter(|&n| n > 0).ok_or(format!("not a number of runs: {runs}"))?;
            }
            "--devtools-throttling" => options.devtools = true,
            "--english" => options.english = true,
            other => {
                return Err(format!(
                    "lighthouse: unknown argument {other}; usage: [--url URL] [--runs N] [--devtools-throttling] [--english]"
                ));
            }
        }
    }
    Ok(options)
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let options = parse_options(args)?;
    let lighthouse = tools::ensure_lighthouse()?;
    tools::ensure_browser()?;
    let reports = crate::target_dir(root)?.join("lighthouse");
    std::fs::create_dir_all(&reports).map_err(|e| format!("creating {}: {e}", reports.display()))?;
    match &options.url {
        Some(url) => measure(&lighthouse, url, &options, &reports),
        None => {
            tools::ensure_build_tools(root)?;
            crate::build_app(root)?;
            run_command(Command::new("cargo").args(["build", "--quiet", "--profile", "server", "-p", "server"]))?;
            let binary = crate::target_dir(root)?.join("server/server");
            // Dropping the server stops it, whatever `measure` returns.
            let server = LocalServer::start(&binary, &root.join("dist"))?;
            measure(&lighthouse, &server.base_url, &options, &reports)
        }
    }
}

/// The pages measured: their path and the slug their reports are named by.
fn pages(base_url: &str) -> Result<Vec<(String, &'static str)>, String> {
    let mut pages = vec![("/".to_owned(), "home"), ("/catalogo".to_owned(), "catalogo")];
    let (status, body) = http_get(base_url, "/api/catalogue")?;
    if status != 200 {
        return Err(format!("GET {base_url}/api/catalogue answered {status}"));
    }
    let catalogue: Value =
        serde_json::from_slice(&body).map_err(|e| format!("reading {base_url}/api/catalogue: {e}"))?;
    match catalogue["practices"][0]["id"].as_str() {
        Some(id) => pages.push((format!("/pratiche/{id}"), "pratica")),
        None => println!("note: the catalogue is empty, so no practice page is measured"),
    }
    pages.push(("/questionario".to_owned(), "questionario"));
    pages.push(("/embed/catalogo".to_owned(), "embed-catalogo"));
    Ok(pages)
}

fn measure(lighthouse: &Path, base_url: &str, options: &Options, reports: &Path) -> Result<(), String> {
    let runs = options.runs;
    let throttling = if options.devtools { "devtools" } else { "simulate" };
    let pages = pages(base_url)?;
    println!("\nload average before measuring (1, 5, 15 min; 2 cores here): {}", load_average());
    let mut rows = Vec::new();
    for (path, slug) in &pages {
        let (path, slug) = if options.english {
            (format!("{path}?lang=en"), format!("{slug}-en"))
        } else {
            (path.clone(), (*slug).to_owned())
        };
        let url = format!("{base_url}{path}");
        let mut measured = Vec::new();
        for run in 1..=runs {
            let out = reports.join(format!("{slug}-{run}.json"));
            println!("lighthouse {url} (run {run} of {runs})");
            // Lighthouse sometimes fails to record a trace (NO_NAVSTART):
            // such a run is tried again, up to twice, and said so.
            let mut attempt = 1;
            loop {
                let status = Command::new("node")
                    .arg(lighthouse)
                    .arg(&url)
                    .args(["--quiet", "--output=json", "--only-categories=performance,accessibility,seo"])
                    .arg(format!("--throttling-method={throttling}"))
                    .arg(format!("--output-path={}", out.display()))
                    .arg(format!("--chrome-flags={CHROME_FLAGS}"))
                    .env("CHROME_PATH", CHROMIUM)
                    .status()
                    .map_err(|e| format!("cannot start lighthouse: {e}"))?;
                if status.success() {
                    break;
                }
                if attempt == 3 {
                    return Err(format!("lighthouse on {url} failed ({status}), three times"));
                }
                println!("  lighthouse failed ({status}); running it again");
                attempt += 1;
            }
            let text = std::fs::read_to_string(&out).map_err(|e| format!("reading {}: {e}", out.display()))?;
            let report: Value = serde_json::from_str(&text).map_err(|e| format!("reading {}: {e}", out.display()))?;
            for warning in report["runWarnings"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                println!("  warning: {warning}");
            }
            if let Some(error) = report["runtimeError"]["code"].as_str() {
                println!("  runtime error: {error}");
            }
            measured.push(figures_of(&report));
        }
        rows.push((path.clone(), measured));
    }
    println!("load average after measuring: {}", load_average());
    println!(
        "\nLighthouse {}, mobile preset ({throttling} throttling), median of {runs} run(s), {base_url}:\n",
        lighthouse_version(reports)
    );
    print!("{}", table(&rows));
    println!("\nAudits the median run fails (score < 1), accessibility and SEO:");
    for (path, measured) in &rows {
        let median = &measured[median_run(measured)];
        let list = |ids: &[String]| if ids.is_empty() { "none".to_owned() } else { ids.join(", ") };
        println!(
            "- {path}: accessibility: {}; SEO: {}",
            list(&median.failing_accessibility),
            list(&median.failing_seo)
        );
    }
    println!("\nReports: {}", reports.display());
    Ok(())
}

/// The Lighthouse version that wrote the reports (read from the first one).
fn lighthouse_version(reports: &Path) -> String {
    std::fs::read_to_string(reports.join("home-1.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|report| report["lighthouseVersion"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

/// The figures of one report; `None` where Lighthouse gave none.
#[derive(Debug, Default, PartialEq)]
struct Figures {
    performance: Option<f64>,
    accessibility: Option<f64>,
    seo: Option<f64>,
    lcp_ms: Option<f64>,
    cls: Option<f64>,
    tbt_ms: Option<f64>,
    fcp_ms: Option<f64>,
    bytes: Option<f64>,
    /// What the page needs to be read: its HTML, style sheets and fonts.
    readable_bytes: Option<f64>,
    failing_accessibility: Vec<String>,
    failing_seo: Vec<String>,
}

fn figures_of(report: &Value) -> Figures {
    let score = |category: &str| report["categories"][category]["score"].as_f64().map(|s| s * 100.0);
    let numeric = |audit: &str| report["audits"][audit]["numericValue"].as_f64();
    let failing = |category: &str| -> Vec<String> {
        let refs = report["categories"][category]["auditRefs"].as_array().into_iter().flatten();
        refs.filter_map(|r| r["id"].as_str())
            .filter(|id| report["audits"][*id]["score"].as_f64().is_some_and(|s| s < 1.0))
            .map(str::to_owned)
            .collect()
    };
    let requests = report["audits"]["network-requests"]["details"]["items"].as_array();
    let bytes = requests.map(|items| items.iter().filter_map(|item| item["transferSize"].as_f64()).sum());
    let readable_bytes = requests.map(|items| {
        items
            .iter()
            .filter(|item| matches!(item["resourceType"].as_str(), Some("Document" | "Stylesheet" | "Font")))
            .filter_map(|item| item["transferSize"].as_f64())
            .sum()
    });
    Figures {
        performance: score("performance"),
        accessibility: score("accessibility"),
        seo: score("seo"),
        lcp_ms: numeric("largest-contentful-paint"),
        cls: numeric("cumulative-layout-shift"),
        tbt_ms: numeric("total-blocking-time"),
        fcp_ms: numeric("first-contentful-paint"),
        bytes,
        readable_bytes,
        failing_accessibility: failing("accessibility"),
        failing_seo: failing("seo"),
    }
}

/// The median of the values present (the mean of the middle two for an even count).
fn median(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let mut values: Vec<f64> = values.into_iter().flatten().collect();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[middle - 1] + values[middle]) / 2.0 } else { values[middle] })
}

/// The index of the run with the median performance score (the lower middle
/// for an even count), whose audits stand for the page.
fn median_run(runs: &[Figures]) -> usize {
    let mut order: Vec<usize> = (0..runs.len()).collect();
    order.sort_by(|&a, &b| {
        let score = |i: usize| runs[i].performance.unwrap_or(f64::NEG_INFINITY);
        score(a).total_cmp(&score(b))
    });
    order[(runs.len() - 1) / 2]
}

/// The Markdown table of the medians, one row per page.
fn table(rows: &[(String, Vec<Figures>)]) -> String {
    let mut out = String::from(
        "| page | performance | LCP (s) | CLS | TBT (ms) | FCP (s) | KiB transferred | KiB before readable | accessibility | SEO |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for (path, runs) in rows {
        let of = |pick: fn(&Figures) -> Option<f64>| median(runs.iter().map(pick));
        let show = |value: Option<f64>, scale: f64, decimals: usize| {
            value.map_or_else(|| "–".to_owned(), |v| format!("{:.*}", decimals, v / scale))
        };
        out.push_str(&format!(
            "| {path} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            show(of(|f| f.performance), 1.0, 0),
            show(of(|f| f.lcp_ms), 1000.0, 2),
            show(of(|f| f.cls), 1.0, 3),
            show(of(|f| f.tbt_ms), 1.0, 0),
            show(of(|f| f.fcp_ms), 1000.0, 2),
            show(of(|f| f.bytes), 1024.0, 1),
            show(of(|f| f.readable_bytes), 1024.0, 1),
            show(of(|f| f.accessibility), 1.0, 0),
            show(of(|f| f.seo), 1.0, 0),
        ));
    }
    out
}

/// `/proc/loadavg`'s three averages, as a note on how noisy the figures are.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map_or_else(|_| "unknown".to_owned(), |text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

/// A plain `GET` over HTTP/1.0 (so the answer is neither chunked nor
/// compressed): the status and the body.
fn http_get(base_url: &str, path: &str) -> Result<(u16, Vec<u8>), String> {
    let host = base_url.strip_prefix("http://").ok_or_else(|| format!("only http:// addresses: {base_url}"))?;
    let host = host.split('/').next().unwrap_or(host);
    let mut stream = TcpStream::connect(host).map_err(|e| format!("connecting to {host}: {e}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).map_err(|e| e.to_string())?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\nAccept: */*\r\n\r\n")
        .map_err(|e| format!("GET {base_url}{path}: {e}"))?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).map_err(|e| format!("GET {base_url}{path}: {e}"))?;
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n").ok_or(format!("GET {base_url}{path}: no headers"))?;
    let head = String::from_utf8_lossy(&answer[..end]);
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or(format!("GET {base_url}{path}: no status"))?;
    Ok((status, answer[end + 4..].to_vec()))
}

/// The built server on a free port and a fresh database in a folder of its
/// own, with the demo data; dropping it stops the server and removes the folder.
struct LocalServer {
    child: Child,
    dir: PathBuf,
    base_url: String,
}

impl LocalServer {
    fn start(binary: &Path, dist: &Path) -> Result<Self, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| format!("finding a free port: {e}"))?
            .port();
        let dir = std::env::temp_dir().join(format!("bp-lighthouse-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        let log = std::fs::File::create(dir.join("server.log")).map_err(|e| format!("creating the server log: {e}"))?;
        let listen = format!("127.0.0.1:{port}");
        println!("\nStarting {} on {listen} with the demo data...", binary.display());
        let child = Command::new(binary)
            .env("BP_LISTEN", &listen)
            .env("BP_DATABASE", dir.join("db.sqlite"))
            .env("BP_STATIC_DIR", dist)
            .env("BP_DEMO", "1")
            .env_remove("BP_PUBLISH_DIR")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| format!("sharing the server log: {e}"))?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("starting {}: {e}", binary.display()))?;
        let mut server = Self { child, dir, base_url: format!("http://{listen}") };
        server.wait_until_ready()?;
        Ok(server)
    }

    fn wait_until_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if matches!(http_get(&self.base_url, "/"), Ok((200, _))) {
                return Ok(());
            }
            if let Some(status) = self.child.try_wait().map_err(|e| format!("checking the server: {e}"))? {
                return Err(format!("the server exited during start ({status}); {}", self.log()));
            }
            if Instant::now() > deadline {
                return Err(format!("the server did not answer GET / within {START_TIMEOUT:?}; {}", self.log()));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn log(&self) -> String {
        let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        format!("its log:\n{log}")
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_missing_values() {
        assert_eq!(median([Some(3.0), Some(1.0), Some(2.0)]), Some(2.0));
        assert_eq!(median([Some(4.0), Some(1.0), Some(3.0), Some(2.0)]), Some(2.5));
        assert_eq!(median([None, Some(5.0), None]), Some(5.0));
        assert_eq!(median([None, None]), None);
    }

    #[test]
    fn reads_the_figures_of_one_report() {
        let report = serde_json::json!({
            "categories": {
                "performance": { "score": 0.87, "auditRefs": [{ "id": "largest-contentful-paint" }] },
                "accessibility": { "score": 0.9, "auditRefs": [
                    { "id": "color-contrast" }, { "id": "image-alt" }, { "id": "aria-roles" }
                ] },
                "seo": { "score": 1, "auditRefs": [{ "id": "meta-description" }] }
            },
            "audits": {
                "largest-contentful-paint": { "score": 0.7, "numericValue": 2512.5 },
                "cumulative-layout-shift": { "score": 1, "numericValue": 0.012 },
                "total-blocking-time": { "score": 1, "numericValue": 40.0 },
                "first-contentful-paint": { "score": 0.9, "numericValue": 1800.0 },
                "network-requests": { "details": { "items": [
                    { "url": "/", "resourceType": "Document", "transferSize": 1024 },
                    { "url": "/main.css", "resourceType": "Stylesheet", "transferSize": 512 },
                    { "url": "/app.wasm", "resourceType": "Other", "transferSize": 2560 },
                    { "url": "data:", "transferSize": null }
                ] } },
                "color-contrast": { "score": 0 },
                "image-alt": { "score": null },
                "aria-roles": { "score": 1 },
                "meta-description": { "score": 1 }
            }
        });
        let figures = figures_of(&report);
        assert_eq!(
            figures,
            Figures {
                performance: Some(87.0),
                accessibility: Some(90.0),
                seo: Some(100.0),
                lcp_ms: Some(2512.5),
                cls: Some(0.012),
                tbt_ms: Some(40.0),
                fcp_ms: Some(1800.0),
                bytes: Some(4096.0),
                readable_bytes: Some(1536.0),
                failing_accessibility: vec!["color-contrast".to_owned()],
                failing_seo: vec![],
            }
        );
        let rows = vec![("/".to_owned(), vec![figures])];
        assert!(
            table(&rows).contains("| / | 87 | 2.51 | 0.012 | 40 | 1.80 | 4.0 | 1.5 | 90 | 100 |"),
            "{}",
            table(&rows)
        );
    }

    #[test]
    fn a_report_without_figures_reads_as_none() {
        let figures = figures_of(&serde_json::json!({ "runtimeError": { "code": "NO_FCP" } }));
        assert_eq!(figures, Figures::default());
    }

    #[test]
    fn the_median_run_is_the_one_with_the_median_performance() {
        let run = |score: f64| Figures { performance: Some(score), ..Figures::default() };
        assert_eq!(median_run(&[run(90.0), run(70.0), run(80.0)]), 2);
        assert_eq!(median_run(&[run(90.0)]), 0);
        assert_eq!(median_run(&[run(90.0), run(70.0)]), 1);
    }

    #[test]
    fn reads_the_options() {
        let args = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let options = parse_options(&args(&["--url", "http://127.0.0.1:8391/", "--runs", "5"])).unwrap();
        assert_eq!((options.url.as_deref(), options.runs), (Some("http://127.0.0.1:8391"), 5));
        assert_eq!(parse_options(&[]).unwrap().runs, DEFAULT_RUNS);
        assert!(parse_options(&args(&["--runs", "0"])).is_err());
        assert!(parse_options(&args(&["--fast"])).is_err());
        assert!(parse_options(&args(&["--devtools-throttling"])).unwrap().devtools);
        assert!(parse_options(&args(&["--english"])).unwrap().english);
    }
}
