//! The index filter per keystroke: a 6-character query typed one key at a time, over the
//! dossiers and over every passage, on the largest selected corpus.
//!
//! `keystroke/N` measures the N-th key given the state the first N-1 left (incremental
//! re-scoring of the previous matches); `baseline-from-scratch/N` is the same query
//! ranked from scratch over everything, and `baseline-search-with-positions/N` the
//! dossier search as it was before this work (every entry scored, positions for every
//! hit), measured in the same run for comparison.

mod common;

/// The allocator the `dossier` binary uses (src/main.rs), so this measures what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::{Arc, OnceLock};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dossier::app::filter::{Finder, Scope};
use dossier::search::{SearchIndex, parse};

/// Typed one key at a time; common letters, so early keys match most of the corpus.
const QUERY: &str = "volcor";

fn keystrokes(c: &mut Criterion) {
    let size = common::largest();
    let corpus = Arc::new(common::load(&size.root));
    let index = Arc::new(SearchIndex::new(&corpus));
    let passages = Arc::new(OnceLock::new());
    let finder = || {
        Finder::new(
            Arc::clone(&corpus),
            Arc::clone(&index),
            Arc::clone(&passages),
        )
    };
    // Build the passage index once, outside the measurements.
    let _ = finder().find(Scope::Passages, "x", &|| false);
    for (scope, name) in [(Scope::Dossiers, "dossiers"), (Scope::Passages, "passages")] {
        let mut g = c.benchmark_group(format!("filter-{name}-{}", size.label));
        g.sample_size(10)
            .warm_up_time(std::time::Duration::from_millis(500))
            .measurement_time(std::time::Duration::from_secs(2));
        for n in 1..=QUERY.len() {
            let typed = &QUERY[..n];
            g.bench_function(format!("keystroke/{n}"), |b| {
                b.iter_batched(
                    || {
                        let mut f = finder();
                        for k in 1..n {
                            let _ = f.find(scope, &QUERY[..k], &|| false);
                        }
                        f
                    },
                    |mut f| f.find(scope, typed, &|| false),
                    BatchSize::PerIteration,
                )
            });
            g.bench_function(format!("baseline-from-scratch/{n}"), |b| {
                b.iter_batched(
                    finder,
                    |mut f| f.find(scope, typed, &|| false),
                    BatchSize::PerIteration,
                )
            });
            if scope == Scope::Dossiers {
                g.bench_function(format!("baseline-search-with-positions/{n}"), |b| {
                    b.iter(|| index.search(&parse(typed), usize::MAX).len())
                });
            }
        }
        g.finish();
    }
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
