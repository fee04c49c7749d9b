//! The reading-across-sources subcommands (`sources`, `disputes`, `claims`) and `show`'s
//! per-source backing, plain and JSON, on the fixture corpus where `beta` reposts
//! `alpha`'s outlet.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use crate::common::Corpus;
use predicates::prelude::*;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn sources_lists_provenance_citations_and_coverage() {
    let c = Corpus::new();
    // beta: 4 citations; "Jane Doe, 41" lies inside "Jane Doe, 41, leads it.", so the
    // cited bytes are 15 + 13 + 23 = 51 of 67 = 76.1%, not 63 of 67.
    c.cmd(&["sources"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "beta  beta  undated  machine-translation  4 citations  76.1% cited",
        ))
        .stdout(predicate::str::contains("  original: Alpha News"))
        // alpha's outlet is beta's original: one group, under the markers citations show.
        .stdout(predicate::str::starts_with(
            "── Alpha News (2 sources)\nA  alpha",
        ))
        .stdout(predicate::str::contains(
            "A  alpha  2023-05-25  original  5 citations",
        ));
    let v = json(&c.cmd(&["sources", "--json"]).output().expect("run").stdout);
    assert_eq!(v[1]["id"], "beta");
    assert_eq!(v[1]["citations"], 4);
    assert_eq!(v[1]["cited_bytes"], 51);
    assert_eq!(v[1]["bytes"], 67);
    assert_eq!(v[1]["coverage"], 76.1);
    assert_eq!(v[1]["original"], "Alpha News");
    assert_eq!(v[1]["shares_original_with"], serde_json::json!(["alpha"]));
    assert_eq!(v[0]["shares_original_with"], serde_json::json!(["beta"]));
    assert_eq!(v[0]["derivation"], "original");
}

#[test]
fn disputes_lists_each_variant_with_its_sources_and_note() {
    let c = Corpus::new();
    c.cmd(&["disputes"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Acme Corps (acme-corps) #size: Its size is reported inconsistently.",
        ))
        .stdout(predicate::str::contains(
            "    “3,000 members” — beta · seeds/beta.txt:1:29",
        ))
        .stdout(predicate::str::contains(
            "    note: Probably a translation error adding a zero.",
        ))
        .stdout(predicate::str::ends_with("1 disputed claim\n"));
    let v = json(&c.cmd(&["disputes", "--json"]).output().expect("run").stdout);
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["dossier"], "acme-corps");
    assert_eq!(v[0]["claim_id"], "size");
    assert_eq!(v[0]["variants"][1]["value"], "3,000");
    assert_eq!(v[0]["variants"][1]["citations"][0]["source"], "beta");
}

#[test]
fn claims_says_sources_and_independent_least_corroborated_first() {
    let c = Corpus::new();
    c.cmd(&["claims"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2 sources (1 independent)  acme-corps#size  DISPUTED Its size is reported inconsistently.  [alpha, beta]",
        ))
        .stdout(predicate::str::ends_with("5 claims\n"));
    let v = json(&c.cmd(&["claims", "--json"]).output().expect("run").stdout);
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    let size = rows.iter().find(|r| r["id"] == "size").expect("size");
    assert_eq!(size["sources"], 2);
    assert_eq!(size["independent_sources"], 1);
    assert_eq!(size["source_ids"], serde_json::json!(["alpha", "beta"]));
    // Give alpha its own original: now beta (original "Alpha News") is independent of it.
    c.edit(
        "seeds/sources.toml",
        "derivation = \"original\"",
        "derivation = \"original\"\noriginal = \"Alpha wire\"",
    );
    let v = json(
        &c.cmd(&["claims", "--single-source", "--json"])
            .output()
            .expect("run")
            .stdout,
    );
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 4);
    assert!(!ids.contains(&"size"), "size is now independently backed");
    c.cmd(&["claims", "--single-source"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "4 claims backed by a single independent source\n",
        ));
}

#[test]
fn show_lists_per_source_what_it_backs() {
    let c = Corpus::new();
    c.cmd(&["show", "jane-doe"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Backed by source\n  alpha — Alpha report · Alpha News\n    claim    Pictured on the left of a photo.\n  beta — Beta repost · Beta Aggregator\n    claim    Aged 41.\n    relation leads → Acme Corps\n",
        ))
        .stdout(predicate::str::contains("Aged 41. — 1 source (1 independent)"));
    let v = json(
        &c.cmd(&["show", "acme-corps", "--json"])
            .output()
            .expect("run")
            .stdout,
    );
    let backed = &v["backed_by"];
    assert_eq!(backed[0]["source"], "alpha");
    assert_eq!(backed[1]["source"], "beta");
    assert_eq!(backed[1]["items"][0]["kind"], "alias");
    assert_eq!(backed[1]["items"][0]["text"], "AC");
    assert_eq!(backed[1]["items"][1]["kind"], "variant");
    assert_eq!(backed[1]["items"][1]["claim_id"], "size");
}
