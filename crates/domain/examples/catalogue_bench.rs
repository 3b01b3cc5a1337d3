//! Benchmark of the catalogue query engine, natively: index build time and
//! the p50/p95 of a fixed script of queries over 1,000 / 10,000 / 100,000
//! synthetic practices. Prints figures; asserts nothing. Run with
//! `cargo xtask bench` (or `cargo run --profile server -p domain --features
//! synthetic --example catalogue_bench`).

use domain::catalogue::{CatalogueIndex, Query};
use domain::synthetic::QUERY_SCRIPT as SCRIPT;
use std::time::Instant;

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    println!("{:>8}  {:>10}  {:>9}  {:>9}  {:>9}", "practices", "index ms", "p50 ms", "p95 ms", "max ms");
    for n in [1_000, 10_000, 100_000] {
        let entries = domain::synthetic::entries(n, 42);
        let start = Instant::now();
        let index = CatalogueIndex::new(entries);
        let build = start.elapsed().as_secs_f64() * 1000.0;
        let queries: Vec<Query> = SCRIPT
            .iter()
            .map(|q| {
                let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|kv| kv.split_once('=')).collect();
                Query::from_pairs(pairs)
            })
            .collect();
        let mut times = Vec::new();
        for _ in 0..20 {
            for query in &queries {
                let start = Instant::now();
                let results = index.query(query);
                std::hint::black_box(results.page(query.page));
                times.push(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{n:>9}  {build:>10.1}  {:>9.3}  {:>9.3}  {:>9.3}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 1.0)
        );
    }
}
