//! `dossier export`: the JSON export resolves every citation to the exact bytes of its
//! article, matches `show --json`, and the FollowTheMoney lines are valid entities whose
//! references all resolve.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use crate::common;

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

fn run(args: &[&str]) -> String {
    let out = common::dossier().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every citation under `v`, once: `incoming` repeats relations that their holders'
/// `relations` already list, so it is skipped.
fn citations(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(list)) = map.get("citations") {
                out.extend(list.iter().cloned());
            }
            for (k, x) in map {
                if k != "incoming" {
                    citations(x, out);
                }
            }
        }
        Value::Array(list) => list.iter().for_each(|x| citations(x, out)),
        _ => {}
    }
}

#[test]
fn json_export_slices_every_article_to_the_matched_text() {
    let doc: Value = serde_json::from_str(&run(&["export", "--format", "json"])).unwrap();
    let sources = doc["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    assert!(
        sources
            .iter()
            .all(|s| s["sha256"].as_str().is_some_and(|h| h.len() == 64))
    );
    let dossiers = doc["dossiers"].as_array().unwrap();
    let check: Value = serde_json::from_str(&run(&["check", "--json"])).unwrap();
    assert_eq!(
        Some(dossiers.len() as u64),
        check["stats"]["dossiers"].as_u64()
    );

    let mut cites = Vec::new();
    citations(&doc["dossiers"], &mut cites);
    assert_eq!(
        Some(cites.len() as u64),
        check["stats"]["citations"].as_u64()
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for c in &cites {
        let bytes = std::fs::read(root.join(c["file"].as_str().unwrap())).unwrap();
        let (a, b) = (
            c["byte_start"].as_u64().unwrap() as usize,
            c["byte_end"].as_u64().unwrap() as usize,
        );
        let slice = std::str::from_utf8(&bytes[a..b]).unwrap();
        assert_eq!(Some(slice), c["matched"].as_str(), "{c}");
        // The line of `start` is the line the byte offset falls on.
        let line = bytes[..a].iter().filter(|&&x| x == b'\n').count() + 1;
        assert_eq!(Some(line as u64), c["start"]["line"].as_u64(), "{c}");
    }
}

#[test]
fn json_export_holds_each_dossier_exactly_as_show_prints_it() {
    let doc: Value = serde_json::from_str(&run(&["export", "--format", "json"])).unwrap();
    for id in ["belgorod-raid", "kozinka", "denis-kapustin"] {
        let shown: Value = serde_json::from_str(&run(&["show", id, "--json"])).unwrap();
        let exported = doc["dossiers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap();
        assert_eq!(exported, &shown, "{id}");
    }
}

#[test]
fn json_export_lists_every_relation_once_as_incoming_at_its_target() {
    let doc: Value = serde_json::from_str(&run(&["export", "--format", "json"])).unwrap();
    let dossiers = doc["dossiers"].as_array().unwrap();
    let mut held = Vec::new();
    for d in dossiers {
        for r in d["relations"].as_array().unwrap() {
            if r["target"] != d["id"] {
                let mut r = r.clone();
                r["from"] = d["id"].clone();
                held.push(r);
            }
        }
    }
    let mut incoming = Vec::new();
    for d in dossiers {
        for r in d["incoming"].as_array().unwrap() {
            assert_eq!(r["target"], d["id"], "listed under its target");
            let holder = dossiers.iter().find(|h| h["id"] == r["from"]).unwrap();
            assert_eq!(r["from_name"], holder["name"]);
            assert_eq!(r["from_kind"], holder["kind"]);
            let mut r = r.clone();
            let map = r.as_object_mut().unwrap();
            map.remove("from_name");
            map.remove("from_kind");
            incoming.push(r);
        }
    }
    assert!(held.len() > 50, "{} relations", held.len());
    let key = |v: &Value| v.to_string();
    held.sort_by_key(key);
    incoming.sort_by_key(key);
    assert_eq!(
        held, incoming,
        "each relation once, exactly as its holder lists it"
    );
}

/// The properties each schema must carry, as FtM's schema files require them.
fn required(schema: &str) -> &'static [&'static str] {
    match schema {
        "Person" | "Organization" | "Event" | "Address" => &["name"],
        "Membership" => &["member", "organization"],
        "Directorship" => &["director", "organization"],
        "Employment" => &["employee", "employer"],
        "UnknownLink" => &["subject", "object"],
        other => panic!("unexpected schema {other}"),
    }
}

#[test]
fn ftm_lines_are_entities_with_resolving_references() {
    let text = run(&["export", "--format", "ftm"]);
    let entities: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let ids: HashSet<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), entities.len(), "ids are unique");
    for e in &entities {
        let schema = e["schema"].as_str().unwrap();
        let props = e["properties"].as_object().unwrap();
        for p in required(schema) {
            assert!(
                props
                    .get(*p)
                    .is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty())),
                "{p} in {e}"
            );
        }
        for (name, values) in props {
            let values = values.as_array().unwrap();
            assert!(values.iter().all(Value::is_string), "{name} in {e}");
            if matches!(
                name.as_str(),
                "member"
                    | "organization"
                    | "director"
                    | "employee"
                    | "employer"
                    | "subject"
                    | "object"
                    | "involved"
                    | "addressEntity"
            ) {
                for v in values {
                    assert!(ids.contains(v.as_str().unwrap()), "{name} → {v} in {e}");
                }
            }
        }
    }
    let by_id = |id: &str| entities.iter().find(|e| e["id"] == id).unwrap();
    let rvc = by_id("dossier-russian-volunteer-corps");
    assert_eq!(rvc["schema"], "Organization");
    assert!(
        rvc["properties"]["alias"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "RDK")
    );
    assert!(
        rvc["properties"]["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("seeds/"))
    );
    let raid = by_id("dossier-belgorod-raid");
    assert_eq!(raid["schema"], "Event");
    assert_eq!(raid["properties"]["date"][0], "2023-05");
    assert!(
        raid["properties"]["involved"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "dossier-freedom-of-russia-legion")
    );
    assert!(
        raid["properties"]["addressEntity"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "dossier-belgorod-region")
    );
    let kozinka = by_id("dossier-kozinka");
    assert_eq!(kozinka["schema"], "Address");
    assert_eq!(kozinka["properties"]["alias"][0], "Konzinka");
    assert!(entities.iter().any(|e| e["schema"] == "Directorship"
        && e["properties"]["director"][0] == "dossier-denis-kapustin"
        && e["properties"]["organization"][0] == "dossier-russian-volunteer-corps"));
}

#[test]
fn output_writes_the_same_text_to_a_file_and_a_bad_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.ftm.json");
    let out = common::dossier()
        .args(["export", "--format", "ftm", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        run(&["export", "--format", "ftm"])
    );

    let out = common::dossier()
        .args(["export", "--format", "json", "--output"])
        .arg(dir.path().join("missing/dir/x.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error: cannot write") && err.contains("missing/dir/x.json"),
        "{err}"
    );
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = common::dossier()
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The whole FtM export of the small fixture corpus (with its event and place), as a
/// snapshot: any change to the mapping, ids, properties or quoting shows up for review.
#[test]
fn ftm_export_of_the_fixture_corpus() {
    let c = common::Corpus::with_events();
    let out = c.cmd(&["export", "--format", "ftm"]).output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // One entity per line, pretty-printed so the snapshot reads as a diff.
    let pretty: Vec<String> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            format!("{v:#}")
        })
        .collect();
    insta::assert_snapshot!("ftm_fixture", pretty.join("\n"));
}
