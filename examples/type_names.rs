//! A driver for the dossier-name filter: types queries one key at a time through the
//! browser's `Finder` (the search the worker runs per key), over and over, and prints
//! the median time of each key. Meant for `perf record -g` and for comparing two builds
//! in one run (BENCHMARKS.md, "Issue 16, third pass"): the browser's whole path is
//! `scripts/keys-vs-fzf.sh`.
//!
//! ```sh
//! cargo run --release --example type_names -- target/synth/10k [ROUNDS] ["volcor kapust legion"]
//! ```
#![allow(clippy::disallowed_macros)] // an example prints its results to the console

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use dossier::app::filter::{Finder, Scope};
use dossier::data::DataRoot;
use dossier::search::SearchIndex;

/// The allocator the `dossier` binary uses (src/main.rs), so this measures what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The CPU time this process has used so far, all threads, in ms (Linux's
/// `/proc/self/stat`, in clock ticks of 10 ms; `None` elsewhere). On a machine shared
/// with other work it varies less than the wall time, which includes waiting for a core.
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command's closing parenthesis; utime and stime are 14 and 15.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split(' ').skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) * 10.0)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: type_names CORPUS_DIR [ROUNDS] [\"QUERY QUERY ...\"]");
        return ExitCode::FAILURE;
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let queries: Vec<String> = args
        .next()
        .unwrap_or_else(|| "volcor kapust legion".to_owned())
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let loading = Instant::now();
    let report = dossier::check::check(&DataRoot::Dir(PathBuf::from(&dir)));
    if report.errors() > 0 {
        eprintln!("{dir}: the corpus does not check");
        return ExitCode::FAILURE;
    }
    let corpus = Arc::new(report.corpus);
    let index = Arc::new(SearchIndex::new(&corpus));
    // On stderr when typing starts: a profiler attached now (`perf record -p`) sees
    // only the keys.
    eprintln!(
        "loaded and indexed in {:.1} s; typing",
        loading.elapsed().as_secs_f64()
    );
    let passages = Arc::new(OnceLock::new());
    let longest = queries.iter().map(String::len).max().unwrap_or(0);
    let mut per_key: Vec<Vec<f64>> = vec![Vec::new(); longest];
    let mut all = Vec::new();
    let cpu_before = cpu_ms();
    for _ in 0..rounds {
        for q in &queries {
            let mut finder = Finder::new(
                Arc::clone(&corpus),
                Arc::clone(&index),
                Arc::clone(&passages),
            );
            for end in (1..=q.len()).filter(|&e| q.is_char_boundary(e)) {
                let started = Instant::now();
                let found = finder.find(Scope::Dossiers, &q[..end], &|| false);
                drop(std::hint::black_box(found));
                let ms = started.elapsed().as_secs_f64() * 1e3;
                if let Some(k) = per_key.get_mut(end - 1) {
                    k.push(ms);
                }
                all.push(ms);
            }
        }
    }
    let keys: Vec<String> = per_key
        .iter_mut()
        .map(|k| format!("{:.2}", median(k)))
        .collect();
    let cpu = cpu_ms()
        .zip(cpu_before)
        .map_or(f64::NAN, |(after, before)| {
            (after - before) / all.len() as f64
        });
    println!(
        "ms per key (median of each key's position): {}  median of all keys: {:.2}  CPU per key (mean, all threads): {cpu:.1}",
        keys.join(" "),
        median(&mut all)
    );
    ExitCode::SUCCESS
}
