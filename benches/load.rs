//! Load and verify (`check`) the bundled corpus and synthetic ones of 1k and 10k
//! dossiers. `scripts/bench.sh` times the whole `dossier check` process as well.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the `dossier` binary uses (src/main.rs), so this measures what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load_and_verify(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    for size in common::sizes() {
        g.bench_function(size.label, |b| {
            b.iter(|| dossier::check::check(&size.root).stats)
        });
    }
    g.finish();
}

criterion_group!(benches, load_and_verify);
criterion_main!(benches);
