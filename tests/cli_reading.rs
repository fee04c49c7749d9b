//! `dossier relations` and `dossier timeline`, plain and JSON, on the fixture corpus (with
//! dates added to a copy) and on the bundled corpus.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use crate::common::{Corpus, dossier};
use predicates::prelude::*;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

const ACME: &str = "dossiers/groups/acme-corps.toml";
const JANE: &str = "dossiers/people/jane-doe.toml";

/// The fixture with a dated claim, a dated variant and a partial date.
fn dated() -> Corpus {
    let c = Corpus::new();
    c.edit(
        ACME,
        "text = \"Founded in May 2022 by Jane Doe.\"",
        "text = \"Founded in May 2022 by Jane Doe.\"\ndate = \"2022-05-03\"",
    )
    .edit(
        ACME,
        "value = \"3,000\"",
        "value = \"3,000\"\ndate = \"2022-05\"",
    )
    .edit(
        JANE,
        "text = \"Aged 41.\"",
        "text = \"Aged 41.\"\ndate = \"2021\"",
    );
    c
}

#[test]
fn relations_shows_incoming_and_outgoing_edges_as_a_tree() {
    let c = Corpus::new();
    c.cmd(&["relations", "acme-corps"])
        .assert()
        .success()
        .stdout("Acme Corps  (group · acme-corps)\n└─ ←leads─ Jane Doe — founder  (1 citation)\n");
    c.cmd(&["relations", "jane-doe"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "└─ ─leads→ Acme Corps — founder  (1 citation)",
        ));
    c.cmd(&["relations", "jane-doe", "--depth", "0"])
        .assert()
        .success()
        .stdout("Jane Doe  (person · jane-doe)\n");
    c.cmd(&["relations", "acme"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no dossier 'acme'"));
}

#[test]
fn relations_json_nests_nodes_with_edges_and_citations() {
    let c = Corpus::new();
    let out = c
        .cmd(&["relations", "acme-corps", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v = json(&out.stdout);
    assert_eq!(v["id"], "acme-corps");
    assert_eq!(v["edge"], serde_json::Value::Null);
    let jane = &v["children"][0];
    assert_eq!(jane["id"], "jane-doe");
    assert_eq!(jane["seen"], "first");
    assert_eq!(jane["edge"]["type"], "leads");
    assert_eq!(jane["edge"]["direction"], "incoming");
    assert_eq!(jane["edge"]["from"], "jane-doe");
    assert_eq!(jane["edge"]["to"], "acme-corps");
    assert_eq!(jane["edge"]["role"], "founder");
    assert_eq!(
        jane["edge"]["citations"][0]["quote"],
        "Jane Doe, 41, leads it."
    );
    assert_eq!(
        jane["edge"]["citations"][0]["location"],
        "seeds/beta.txt:1:44"
    );
    assert_eq!(jane["children"].as_array().map(Vec::len), Some(0));
}

#[test]
fn relations_of_the_bundled_corpus_go_two_levels_deep_and_mark_repeats() {
    let out = dossier()
        .args(["relations", "denis-kapustin", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v = json(&out.stdout);
    let kids = v["children"].as_array().expect("children");
    let rvc = kids
        .iter()
        .find(|k| k["id"] == "russian-volunteer-corps" && k["seen"] == "first")
        .expect("the RVC under Kapustin");
    let grandkids = rvc["children"].as_array().expect("level 2");
    assert!(!grandkids.is_empty());
    assert!(
        grandkids
            .iter()
            .all(|g| g["children"].as_array().is_some_and(Vec::is_empty)),
        "depth 2 stops at level 2"
    );
    assert!(
        kids.iter()
            .any(|k| k["id"] == "russian-volunteer-corps" && k["seen"] == "repeat"),
        "his second relation to the RVC is shown once more, marked, not expanded"
    );
    dossier()
        .args(["relations", "denis-kapustin"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "├─ ─founded→ Russian Volunteer Corps",
        ))
        .stdout(predicate::str::contains("│  ├─ ←member-of─ Fortuna"))
        .stdout(predicate::str::contains("[repeat]"));
}

#[test]
fn timeline_lists_dated_claims_and_variants_in_order() {
    let c = dated();
    c.cmd(&["timeline"]).assert().success().stdout(
        "2021        Jane Doe: Aged 41.  [beta]  #jane-doe/age\n\
         2022-05     Acme Corps: «3,000»  [beta]  #acme-corps/size\n\
         2022-05-03  Acme Corps: Founded in May 2022 by Jane Doe.  [A]  #acme-corps/founded\n\
         3 dated entries; 2 claims undated\n",
    );
    Corpus::new()
        .cmd(&["timeline"])
        .assert()
        .success()
        .stdout("0 dated entries; 5 claims undated\n");
}

#[test]
fn timeline_json_has_dates_texts_and_citations() {
    let c = dated();
    let out = c.cmd(&["timeline", "--json"]).output().expect("run");
    assert!(out.status.success());
    let v = json(&out.stdout);
    assert_eq!(v["undated"], 2);
    let e = &v["entries"];
    assert_eq!(e.as_array().map(Vec::len), Some(3));
    assert_eq!(e[0]["date"], "2021");
    assert_eq!(e[1]["date"], "2022-05");
    assert_eq!(e[1]["dossier"], "acme-corps");
    assert_eq!(e[1]["claim"], "size");
    assert_eq!(e[1]["text"], "3,000");
    assert_eq!(e[1]["variant"], 1);
    assert_eq!(e[1]["disputed"], true);
    assert_eq!(e[1]["citations"][0]["quote"], "3,000 members");
    assert_eq!(e[2]["name"], "Acme Corps");
    assert_eq!(e[2]["variant"], serde_json::Value::Null);
}

#[test]
fn timeline_of_the_bundled_corpus_is_sorted() {
    let out = dossier()
        .args(["timeline", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v = json(&out.stdout);
    let dates: Vec<&str> = v["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    assert!(dates.len() > 20, "the bundled claims are dated");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(dates.contains(&"2022-08"), "the RVC's founding");
}
