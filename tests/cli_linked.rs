//! `dossier show`'s "Linked from" (human) and `incoming` (JSON): the relations other
//! dossiers hold whose target is the dossier shown.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use crate::common::Corpus;
use predicates::prelude::*;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn show_lists_who_points_at_the_dossier_after_its_relations() {
    let c = Corpus::with_events();
    let out = c.cmd(&["show", "northtown-raid"]).output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // Its own relation first, then Acme Corps' relation to it, with its citation.
    let linked = text.find("\nLinked from\n").expect("a Linked from section");
    assert!(
        text.find("\nRelations\n").is_some_and(|r| r < linked),
        "{text}"
    );
    assert!(
        text[linked..].starts_with(
            "\nLinked from\n  Acme Corps (acme-corps) ─took-part-in→ (this)\n    [1] “the Acme Corps crossed into Northtown”\n"
        ),
        "{text}"
    );
    // Jane Doe leads Acme Corps; nothing points at Jane Doe.
    c.cmd(&["show", "acme-corps"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Linked from\n  Jane Doe (jane-doe) ─leads→ (this) — founder\n",
        ));
    c.cmd(&["show", "jane-doe"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Linked from").not());
}

#[test]
fn show_json_incoming_is_the_holders_relation_plus_who_holds_it() {
    let c = Corpus::with_events();
    let out = c
        .cmd(&["show", "northtown-raid", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let raid = json(&out.stdout);
    let incoming = raid["incoming"].as_array().expect("incoming array");
    assert_eq!(incoming.len(), 1, "{incoming:?}");
    let link = &incoming[0];
    assert_eq!(link["from"], "acme-corps");
    assert_eq!(link["from_name"], "Acme Corps");
    assert_eq!(link["from_kind"], "group");
    assert_eq!(link["target"], "northtown-raid");
    assert_eq!(link["target_name"], "Northtown raid");

    // The same object, field for field, as Acme Corps' own `relations` entry.
    let out = c
        .cmd(&["show", "acme-corps", "--json"])
        .output()
        .expect("run");
    let acme = json(&out.stdout);
    let held = acme["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["target"] == "northtown-raid")
        .expect("Acme Corps' relation to the raid");
    let mut stripped = link.clone();
    for k in ["from", "from_name", "from_kind"] {
        stripped.as_object_mut().unwrap().remove(k);
    }
    assert_eq!(&stripped, held);
    assert_eq!(
        held["citations"][0]["quote"],
        "the Acme Corps crossed into Northtown"
    );
    assert_eq!(acme["incoming"][0]["from"], "jane-doe");
    assert_eq!(acme["incoming"][0]["type"], "leads");

    let out = c
        .cmd(&["show", "jane-doe", "--json"])
        .output()
        .expect("run");
    assert_eq!(json(&out.stdout)["incoming"], serde_json::json!([]));
}
