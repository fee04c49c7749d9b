//! The coverage pass stays done: every sentence of the bundled articles is either touched
//! by a citation or judged boilerplate in `docs/boilerplate.toml`, and that list names
//! only real sentences of its sources (`examples/audit.rs --uncovered` prints the same).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use std::path::Path;

use dossier::audit::{Boilerplate, uncited};
use dossier::data::DataRoot;
use dossier::xref::Xref;

fn boilerplate() -> Boilerplate {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/boilerplate.toml");
    let text = std::fs::read_to_string(&path).expect("docs/boilerplate.toml");
    Boilerplate::parse(&text).expect("docs/boilerplate.toml parses")
}

#[test]
fn every_uncited_sentence_is_judged_boilerplate() {
    let report = dossier::check::check(&DataRoot::Dir(
        Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
    ));
    assert_eq!(report.errors(), 0, "the bundled corpus checks");
    let corpus = report.corpus;
    let b = boilerplate();
    let unknown = b.unknown(&corpus);
    assert!(
        unknown.is_empty(),
        "docs/boilerplate.toml lists text that is not a sentence of its source: {unknown:#?}"
    );
    let x = Xref::new(&corpus);
    let unjudged: Vec<String> = uncited(&corpus, &x, 0.0)
        .into_iter()
        .filter_map(|u| {
            let src = &corpus.sources[u.source];
            let text = &src.article.text[u.range];
            (!b.lists(&src.id, text)).then(|| format!("{}: {text}", src.id))
        })
        .collect();
    assert!(
        unjudged.is_empty(),
        "uncited sentences neither cited by a claim nor judged boilerplate \
         (cargo run --release --example audit -- --uncovered):\n{}",
        unjudged.join("\n")
    );
}
