//! A profiling driver for the passage search: types a query one key at a time, over and
//! over, on a corpus, and prints each key's median wall and CPU time (both threads) and hit count. Meant for
//! `perf record -g` (criterion's own work would be in the profile otherwise):
//!
//! ```sh
//! cargo run --release --example type_query -- target/synth/10k [volcor] [rounds]
//! ```
#![allow(clippy::disallowed_macros)] // an example prints its results to the console

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use dossier::app::filter::{Finder, Found, Scope};
use dossier::data::DataRoot;
use dossier::search::SearchIndex;

/// CPU time of the whole process (every thread) so far, in ms: the work a key costs,
/// whatever else the machine is running.
fn cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill in.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1e3 + t.tv_nsec as f64 / 1e6
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: type_query CORPUS_DIR [QUERY] [ROUNDS]");
        return ExitCode::FAILURE;
    };
    let query = args.next().unwrap_or_else(|| "volcor".to_owned());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let report = dossier::check::check(&DataRoot::Dir(PathBuf::from(&dir)));
    if report.errors() > 0 {
        eprintln!("{dir}: the corpus does not check");
        return ExitCode::FAILURE;
    }
    let corpus = Arc::new(report.corpus);
    let index = Arc::new(SearchIndex::new(&corpus));
    let passages = Arc::new(OnceLock::new());
    let finder = || {
        Finder::new(
            Arc::clone(&corpus),
            Arc::clone(&index),
            Arc::clone(&passages),
        )
    };
    let started = Instant::now();
    let _ = finder().find(Scope::Passages, "x", &|| false);
    eprintln!("passage index built in {:?}", started.elapsed());
    let keys: Vec<usize> = (1..=query.len())
        .filter(|&e| query.is_char_boundary(e))
        .collect();
    let mut times = vec![Vec::new(); keys.len()];
    let mut cpu = vec![Vec::new(); keys.len()];
    let mut counts = vec![0; keys.len()];
    for _ in 0..rounds {
        let mut f = finder();
        for (k, &end) in keys.iter().enumerate() {
            let (t, c) = (Instant::now(), cpu_ms());
            let found = f.find(Scope::Passages, &query[..end], &|| false);
            times[k].push(t.elapsed().as_secs_f64() * 1e3);
            cpu[k].push(cpu_ms() - c);
            if let Some(Found::Passages(hits)) = found {
                counts[k] = hits.len();
            }
        }
    }
    for (k, &end) in keys.iter().enumerate() {
        let t = &mut times[k];
        t.sort_by(f64::total_cmp);
        let median = t.get(t.len() / 2).copied().unwrap_or(0.0);
        let c = &mut cpu[k];
        c.sort_by(f64::total_cmp);
        let cpu_median = c.get(c.len() / 2).copied().unwrap_or(0.0);
        println!(
            "{:>2} {:<12} wall {:>8.2} ms, CPU {:>8.2} ms, {:>8} hits",
            k + 1,
            &query[..end],
            median,
            cpu_median,
            counts[k]
        );
    }
    ExitCode::SUCCESS
}
