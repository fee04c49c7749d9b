//! What every benchmark needs: corpora of several sizes, generated once into
//! `target/synth/` by the synth example's generator (never committed), and loaded.
//!
//! `DOSSIER_BENCH_SIZES` picks the sizes (`bundled,1k,10k` by default); CI's smoke run
//! sets it to `bundled,tiny` so a few iterations of every benchmark cost seconds.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures to the console
#![allow(dead_code)]

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::path::PathBuf;

use dossier::data::DataRoot;
use dossier::model::Corpus;

/// A corpus to measure on.
pub struct Size {
    /// Short label used in benchmark ids.
    pub label: &'static str,
    pub root: DataRoot,
}

/// (label, dossiers, articles) of the generated corpora.
const SYNTH: &[(&str, usize, usize)] = &[
    ("tiny", 100, 20),
    ("1k", 1_000, 200),
    ("10k", 10_000, 2_000),
];

/// The sizes selected by `DOSSIER_BENCH_SIZES`, generating missing corpora.
pub fn sizes() -> Vec<Size> {
    let wanted = std::env::var("DOSSIER_BENCH_SIZES").unwrap_or_else(|_| "bundled,1k,10k".into());
    let mut out = Vec::new();
    for w in wanted.split(',').map(str::trim) {
        if w == "bundled" {
            out.push(Size {
                label: "bundled",
                root: DataRoot::Bundled,
            });
        } else if let Some(&(label, dossiers, articles)) = SYNTH.iter().find(|s| s.0 == w) {
            out.push(Size {
                label,
                root: DataRoot::Dir(synth_corpus(label, dossiers, articles)),
            });
        }
    }
    out
}

/// The largest selected size (passage search and frames are measured on it).
pub fn largest() -> Size {
    sizes().pop().unwrap_or(Size {
        label: "bundled",
        root: DataRoot::Bundled,
    })
}

/// `target/synth/<label>`, generated (seed 7) when missing.
pub fn synth_corpus(label: &str, dossiers: usize, articles: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/synth")
        .join(label);
    if !dir.join("seeds/sources.toml").exists() {
        let args = synth::Args {
            out: dir.clone(),
            dossiers,
            articles,
            seed: 7,
            registry_part: synth::REGISTRY_PART,
        };
        match synth::generate(&args) {
            Ok(summary) => eprintln!("{summary}"),
            Err(e) => panic!("cannot generate the {label} corpus: {e}"),
        }
    }
    dir
}

/// The verified corpus at `root`; panics (a benchmark setup failure) when it does not
/// check.
pub fn load(root: &DataRoot) -> Corpus {
    let report = dossier::check::check(root);
    assert_eq!(report.errors(), 0, "benchmark corpus does not check");
    report.corpus
}
