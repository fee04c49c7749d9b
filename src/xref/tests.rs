//! The cross-source facts on the fixture corpus, where `beta` is a machine translation
//! of `alpha`'s outlet and two of beta's citations overlap.

use super::*;
use crate::check::check;
use crate::data::DataRoot;

fn corpus() -> Corpus {
    let root =
        DataRoot::Dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"));
    let report = check(&root);
    assert_eq!(report.errors(), 0);
    report.corpus
}

fn source(c: &Corpus, id: &str) -> usize {
    c.sources
        .iter()
        .position(|s| s.id == id)
        .unwrap_or(usize::MAX)
}

fn range_of(c: &Corpus, source: usize, text: &str) -> Range<usize> {
    let article = &c.sources[source].article.text;
    let start = article.find(text).unwrap_or(usize::MAX);
    start..start + text.len()
}

#[test]
fn union_counts_overlaps_and_repeats_once() {
    assert_eq!(union_len([0..10, 5..15, 20..25].into_iter()), 20);
    assert_eq!(union_len([3..8, 3..8, 4..6].into_iter()), 5);
    assert_eq!(union_len([0..5, 5..9].into_iter()), 9, "touching ranges");
    assert_eq!(union_len(std::iter::once(7..7)), 0);
}

#[test]
fn coverage_does_not_double_count_overlapping_citations() {
    let c = corpus();
    let x = Xref::new(&c);
    let beta = source(&c, "beta");
    let s = x.stats(beta);
    // "Jane Doe, 41" (the age claim) lies inside "Jane Doe, 41, leads it." (the relation).
    assert_eq!(s.citations, 4);
    let expected =
        "Acme Corps (AC)".len() + "3,000 members".len() + "Jane Doe, 41, leads it.".len();
    assert_eq!(s.cited_bytes, expected);
    assert_eq!(s.bytes, c.sources[beta].article.text.len());
    let pct = s.coverage();
    assert!((pct - expected as f64 * 100.0 / s.bytes as f64).abs() < 1e-9);
}

#[test]
fn a_repost_of_the_same_original_is_not_independent() {
    let c = corpus();
    let x = Xref::new(&c);
    let acme = c
        .dossiers
        .iter()
        .position(|d| d.id == "acme-corps")
        .unwrap_or(9);
    let size = c.dossiers[acme]
        .claims
        .iter()
        .position(|k| k.id == "size")
        .unwrap_or(9);
    let r = x
        .claims()
        .iter()
        .find(|r| r.dossier == acme && r.claim == size)
        .copied();
    // alpha and beta both back it, but beta's original is alpha's outlet.
    assert_eq!(r.map(|r| (r.sources, r.independent)), Some((2, 1)));
    assert_eq!(backing_text(2, 1), "2 sources (1 independent)");
    assert_eq!(backing_text(1, 1), "1 source (1 independent)");
}

#[test]
fn cited_by_finds_every_overlapping_citation_and_nothing_else() {
    let c = corpus();
    let x = Xref::new(&c);
    let beta = source(&c, "beta");
    let age = range_of(&c, beta, "Jane Doe, 41");
    let found: Vec<(String, &str)> = x
        .citing(beta, &age)
        .iter()
        .map(|k| (c.dossiers[k.dossier].id.clone(), k.item.kind()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("jane-doe".to_owned(), "claim"),
            ("jane-doe".to_owned(), "relation")
        ]
    );
    // "leads it." overlaps only the relation.
    let leads = range_of(&c, beta, "leads it.");
    let only: Vec<&str> = x
        .citing(beta, &leads)
        .iter()
        .map(|k| k.item.kind())
        .collect();
    assert_eq!(only, ["relation"]);
    // "says it has" lies between citations: nobody cites it.
    assert!(
        x.citing(beta, &range_of(&c, beta, "says it has"))
            .is_empty()
    );
}

#[test]
fn disputed_claims_and_single_source_sorting() {
    let c = corpus();
    let x = Xref::new(&c);
    let disputed: Vec<&str> = x
        .disputed()
        .iter()
        .map(|&(d, k)| c.dossiers[d].claims[k].id.as_str())
        .collect();
    assert_eq!(disputed, ["size"]);
    let all = x.claims_by_independence(false);
    assert_eq!(all.len(), x.claims().len());
    assert!(all.windows(2).all(|w| w[0].independent <= w[1].independent));
    let single = x.claims_by_independence(true);
    assert!(!single.is_empty());
    assert!(single.iter().all(|r| r.independent == 1));
}

#[test]
fn backing_lists_per_source_what_a_dossier_rests_on() {
    let c = corpus();
    let jane = c
        .dossiers
        .iter()
        .position(|d| d.id == "jane-doe")
        .unwrap_or(9);
    let b = backing(&c.dossiers[jane]);
    let alpha = source(&c, "alpha");
    let beta = source(&c, "beta");
    assert_eq!(
        b,
        vec![
            (alpha, vec![Item::Claim(0)]),
            (beta, vec![Item::Claim(1), Item::Relation(0)])
        ]
    );
}

#[test]
fn disputes_are_listed_by_the_name_the_view_shows() {
    let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
    let x = Xref::new(&corpus);
    let names: Vec<String> = x
        .disputed()
        .iter()
        .filter_map(|&(d, _)| corpus.dossiers.get(d).map(|d| d.name.to_lowercase()))
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    // The case: by id, the Legion's disputes came before the FSB's.
    let at = |prefix: &str| names.iter().position(|n| n.starts_with(prefix));
    let (fsb, legion) = (
        at("federal security service"),
        at("freedom of russia legion"),
    );
    assert!(fsb.is_some() && legion.is_some(), "{names:?}");
    assert!(fsb < legion);
}
