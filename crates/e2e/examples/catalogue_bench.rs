// SPDX-License-Identifier: EUPL-1.2
//! Benchmark of the catalogue in headless Chromium over 1,000 / 10,000 /
//! 100,000 synthetic practices, beside MiniSearch and itemsjs (npm packages
//! used only here) running the same query script on the same data in the same
//! page. Prints figures; asserts nothing. Run with `cargo xtask bench`.
//!
//! - "first results": navigation start to the end of the first
//!   `catalogue:query` measure (fetching and parsing `catalogue.json`,
//!   building the index, the first query; the results are drawn in that frame);
//! - our engine: the `catalogue:query` User Timing measures while the script's
//!   views are opened through the router (each computes results and the counts
//!   of all 12 facets);
//! - MiniSearch: full text with prefix matching and typo tolerance (`fuzzy:
//!   0.2`), over the same fields with the same boosts as ours (title 4,
//!   summary 2, names, places and the shown labels 1.5, longer texts 1),
//!   facets as a filter (it has no facet counts); itemsjs: full text over the
//!   same fields and facet filters with counts.

use e2e::{Browser, dist_dir};
use std::path::Path;

/// The same script as the native benchmark.
use domain::synthetic::QUERY_SCRIPT as SCRIPT;

const REPS: usize = 3;

const OURS: &str = r#"
const [script, reps] = arguments; const done = arguments[arguments.length - 1];
(async () => {
  performance.clearMeasures('catalogue:query');
  const tick = () => new Promise(r => setTimeout(r, 0));
  for (let r = 0; r < reps; r++) for (const q of script) {
    history.pushState({}, '', '/catalogo?x=' + r + (q ? '&' + q : ''));
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    await tick(); await tick();
  }
  await new Promise(r => setTimeout(r, 100));
  done(performance.getEntriesByName('catalogue:query').map(m => m.duration));
})().catch(e => done('error: ' + e));
"#;

const PEERS: &str = r#"
const [script, reps, labels] = arguments; const done = arguments[arguments.length - 1];
(async () => {
  const data = await (await fetch('catalogue.json')).json();
  const shown = p => Object.entries(labels).filter(([f]) => f !== 'region_code').flatMap(([f, names]) => [].concat(p[f]).map(c => names[c] || '')).join(' ');
  const docs = data.practices.map(p => Object.assign({}, p, { start_year: String(p.start_date).slice(0, 4),
    names: [p.entity_name, labels.region_code[p.region_code], p.places].join(' '), labels: shown(p) }));
  const fold = t => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const FIELDS = { regione: 'region_code', ente: 'entity_type', tipologia: 'service_type', utenza: 'user_areas',
    destinatari: 'target_groups', intervento: 'intervention_areas', innovazione: 'innovation_tags', strumento: 'tools',
    modalita: 'delivery_modes', prosegue: 'continue_after_emergency', stato: 'status', anno: 'start_year' };
  const parse = q => { const p = new URLSearchParams(q); const filters = {}; let text = ''; let page = 1;
    for (const [k, v] of p) { if (k === 'q') text = v; else if (k === 'pagina') page = +v; else if (FIELDS[k]) filters[FIELDS[k]] = v.split(','); }
    return { text, filters, page }; };
  const has = (doc, f, vs) => { const v = doc[f]; return Array.isArray(v) ? v.some(x => vs.includes(x)) : vs.includes(v); };
  let t0 = performance.now();
  const ms = new MiniSearch({ fields: ['title', 'summary', 'names', 'labels', 'terms'], storeFields: Object.values(FIELDS),
    processTerm: t => fold(t), searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND',
      boost: { title: 4, summary: 2, names: 1.5, labels: 1.5, terms: 1 } } });
  ms.addAll(docs);
  const msBuild = performance.now() - t0;
  t0 = performance.now();
  const aggregations = {};
  for (const f of Object.values(FIELDS)) aggregations[f] = { title: f, size: 100, conjunction: false };
  const ij = itemsjs(docs, { searchableFields: ['title', 'summary', 'names', 'labels', 'terms'], aggregations, native_search_enabled: true });
  const ijBuild = performance.now() - t0;
  const times = { minisearch: [], itemsjs: [] };
  for (let r = 0; r < reps; r++) for (const q of script) {
    const { text, filters, page } = parse(q);
    const filter = doc => Object.entries(filters).every(([f, vs]) => has(doc, f, vs));
    let s = performance.now();
    const found = text.trim() ? ms.search(text, { filter }) : ms.search(MiniSearch.wildcard, { filter });
    found.slice((page - 1) * 20, page * 20);
    times.minisearch.push(performance.now() - s);
    s = performance.now();
    ij.search({ query: text, filters, per_page: 20, page });
    times.itemsjs.push(performance.now() - s);
  }
  done({ msBuild, ijBuild, times });
})().catch(e => done({ error: String(e) }));
"#;

/// The Italian labels of the classifications the catalogue searches, by the
/// JSON field holding their codes, for the peers to index as we do.
fn shown_labels() -> serde_json::Value {
    use domain::catalogue::Facet;
    let fields = [
        ("region_code", Facet::Region),
        ("service_type", Facet::ServiceType),
        ("status", Facet::Status),
        ("user_areas", Facet::UserArea),
        ("target_groups", Facet::TargetGroup),
        ("intervention_areas", Facet::InterventionArea),
        ("innovation_tags", Facet::InnovationTag),
        ("tools", Facet::Tool),
        ("delivery_modes", Facet::DeliveryMode),
    ];
    let entries = domain::synthetic::entries(2_000, 1);
    let mut labels = serde_json::Map::new();
    for (field, facet) in fields {
        let names: serde_json::Map<String, serde_json::Value> = entries
            .iter()
            .flat_map(|e| facet.values(e))
            .map(|code| (code.clone(), facet.value_label(&code, domain::Lang::It).into()))
            .collect();
        labels.insert(field.into(), names.into());
    }
    labels.into()
}

fn percentiles(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

/// A copy of the release build reading `catalogue.json` with `n` practices.
fn site(n: usize, into: &Path) {
    let dist = dist_dir();
    for entry in walk(&dist) {
        let target = into.join(entry.strip_prefix(&dist).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
    // The catalogue is a public page: the public entry serves every address here.
    let index = std::fs::read_to_string(into.join("public.html")).unwrap();
    let index = index.replace(r#"content="api""#, r#"content="static""#);
    std::fs::write(into.join("index.html"), index).unwrap();
    let catalogue = domain::record::practice::Catalogue {
        generated_at: "2026-01-01T00:00:00Z".into(),
        licence: "CC-BY-4.0".into(),
        practices: domain::synthetic::entries(n, 42),
    };
    std::fs::write(into.join("catalogue.json"), serde_json::to_vec(&catalogue).unwrap()).unwrap();
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
            files.push(path);
        }
    }
    files
}

#[tokio::main]
async fn main() {
    let tools = std::env::var("BP_BENCH_NODE_MODULES").expect("BP_BENCH_NODE_MODULES: set by cargo xtask bench");
    let minisearch = std::fs::read_to_string(Path::new(&tools).join("minisearch/dist/umd/index.js")).unwrap();
    let itemsjs = std::fs::read_to_string(Path::new(&tools).join("itemsjs/dist/index.umd.js")).unwrap();
    println!("Catalogue query script: {} views x {REPS}; times in ms (Chromium timer resolution 0.1 ms)", SCRIPT.len());
    println!(
        "{:>9} | {:>13} | {:>15} | {:>19} | {:>17} | {:>11}",
        "practices", "first results", "ours p50 / p95", "MiniSearch p50 / p95", "itemsjs p50 / p95", "p95 ratio"
    );
    for n in [1_000, 10_000, 100_000] {
        let dir = tempfile::tempdir().unwrap();
        site(n, dir.path());
        let files = tower_http::services::ServeDir::new(dir.path())
            .fallback(tower_http::services::ServeFile::new(dir.path().join("index.html")));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let server =
            tokio::spawn(async move { axum::serve(listener, axum::Router::new().fallback_service(files)).await });
        let b = Browser::start().await;
        let long = fantoccini::wd::TimeoutConfiguration::new(Some(std::time::Duration::from_secs(900)), None, None);
        b.client.update_timeouts(long).await.unwrap();
        b.client.goto(&format!("{base}/catalogo")).await.unwrap();
        b.wait_for(fantoccini::Locator::Css("[data-testid='result-count']")).await;
        let first = b
            .client
            .execute(
                "const m = performance.getEntriesByName('catalogue:query')[0]; return m.startTime + m.duration;",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap_or(f64::NAN);
        let args = vec![serde_json::json!(SCRIPT), serde_json::json!(REPS), shown_labels()];
        let ours: Vec<f64> = serde_json::from_value(b.client.execute_async(OURS, args.clone()).await.unwrap()).unwrap();
        b.client.execute(&minisearch, vec![]).await.unwrap();
        b.client.execute(&format!("{itemsjs}; window.itemsjs = itemsjs;"), vec![]).await.unwrap();
        let peers = b.client.execute_async(PEERS, args).await.unwrap();
        assert!(peers.get("error").is_none(), "the peers' script failed: {peers}");
        let times =
            |name: &str| -> Vec<f64> { serde_json::from_value(peers["times"][name].clone()).unwrap_or_default() };
        let (o50, o95) = percentiles(ours.clone());
        let (m50, m95) = percentiles(times("minisearch"));
        let (i50, i95) = percentiles(times("itemsjs"));
        println!(
            "{n:>9} | {first:>10.0} ms | {o50:>6.2} / {o95:>6.2} | {m50:>8.2} / {m95:>8.2} | {i50:>7.2} / {i95:>7.2} | MS {:.1}x, ij {:.1}x",
            m95 / o95.max(0.1),
            i95 / o95.max(0.1)
        );
        eprintln!(
            "  ({} measures of ours; MiniSearch index {:.0} ms, itemsjs index {:.0} ms)",
            ours.len(),
            peers["msBuild"].as_f64().unwrap_or(f64::NAN),
            peers["ijBuild"].as_f64().unwrap_or(f64::NAN)
        );
        b.close().await;
        server.abort();
    }
}
