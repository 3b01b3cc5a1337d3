// SPDX-License-Identifier: EUPL-1.2
//! Benchmark of the catalogue query engine, natively: index build time, the
//! memory the index adds to the practices it holds, the vocabulary, and the
//! p50/p95 of a fixed script of queries (word forms and typos among them)
//! over 1,000 / 10,000 / 100,000 synthetic practices. Prints figures;
//! asserts nothing. Run with `cargo xtask bench` (or `cargo run --profile
//! server -p domain --features synthetic --example catalogue_bench`).

use domain::Lang;
use domain::catalogue::{CatalogueIndex, Query};
use domain::synthetic::QUERY_SCRIPT as SCRIPT;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes held.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    println!(
        "{:>9}  {:>9}  {:>10}  {:>10}  {:>8}  {:>8}  {:>8}",
        "practices", "index ms", "index MiB", "vocabulary", "p50 ms", "p95 ms", "max ms"
    );
    for n in [1_000, 10_000, 100_000] {
        let entries = domain::synthetic::entries(n, 42);
        let before = HELD.load(Ordering::Relaxed);
        let start = Instant::now();
        let index = CatalogueIndex::new(entries, Lang::It);
        let build = start.elapsed().as_secs_f64() * 1000.0;
        // The entries move into the index: what it holds beyond them.
        let memory = HELD.load(Ordering::Relaxed).saturating_sub(before) as f64 / 1_048_576.0;
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
            "{n:>9}  {build:>9.1}  {memory:>10.1}  {:>10}  {:>8.3}  {:>8.3}  {:>8.3}",
            index.vocabulary(),
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 1.0)
        );
    }
}
