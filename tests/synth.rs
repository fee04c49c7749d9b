//! The synthetic corpus generator (examples/synth.rs) writes a corpus that passes
//! `dossier check`, the same one for the same seed; large enough (300 dossiers) that
//! `check` reads and builds in parts on the thread pool.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use crate::common::synth;

use dossier::data::DataRoot;

fn generate(dir: &std::path::Path, seed: u64) -> String {
    synth::generate(&synth::Args {
        out: dir.to_path_buf(),
        dossiers: 300,
        articles: 40,
        seed,
        registry_part: synth::REGISTRY_PART,
    })
    .expect("generate")
}

#[test]
fn synthetic_corpus_passes_check_and_is_deterministic() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    generate(a.path(), 7);
    generate(b.path(), 7);
    let report = dossier::check::check(&DataRoot::Dir(a.path().to_path_buf()));
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.path, d.line, d.message))
        .collect();
    assert_eq!(report.errors(), 0, "{errors:#?}");
    assert_eq!(report.warnings(), 0, "{errors:#?}");
    assert_eq!(report.stats.dossiers, 300);
    assert!(report.stats.claims >= 300 * 7);
    assert!(report.stats.disputed > 0);
    assert!(report.corpus.dossiers.iter().any(|d| !d.name.is_ascii()));
    for rel in ["seeds/sources.toml", "seeds/00007_synth.txt"] {
        let x = std::fs::read(a.path().join(rel)).expect("read");
        let y = std::fs::read(b.path().join(rel)).expect("read");
        assert!(x == y, "{rel} differs between two runs with one seed");
    }
}

/// A registry larger than one part is written split (`seeds/sources.d/*.toml`, each
/// under the part size, cut between entries), and the split corpus checks clean with
/// every source loaded.
#[test]
fn large_registry_is_split_and_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    synth::generate(&synth::Args {
        out: dir.path().to_path_buf(),
        dossiers: 60,
        articles: 40,
        seed: 3,
        registry_part: 2048,
    })
    .expect("generate");
    let split = dir.path().join("seeds/sources.d");
    let parts: Vec<_> = std::fs::read_dir(&split)
        .expect("sources.d")
        .flatten()
        .collect();
    assert!(parts.len() >= 4, "{} parts", parts.len());
    for p in &parts {
        let text = std::fs::read_to_string(p.path()).expect("read");
        assert!(
            text.len() <= 2048 && text.starts_with("[[source]]"),
            "{text}"
        );
    }
    let main = std::fs::read_to_string(dir.path().join("seeds/sources.toml")).expect("read");
    assert!(!main.contains("[[source]]"));
    let report = dossier::check::check(&DataRoot::Dir(dir.path().to_path_buf()));
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.path, d.line, d.message))
        .collect();
    assert_eq!(report.errors(), 0, "{errors:#?}");
    assert_eq!(report.stats.sources, 40);
}
