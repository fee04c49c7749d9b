//! The non-interactive CLI, run as a script would run it: each subcommand, plain and
//! JSON, and each exit code (0 ok, 1 data error or unknown id, 2 usage).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use crate::common::{Corpus, dossier, good};
use predicates::prelude::*;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn bundled_corpus_checks() {
    dossier().arg("check").assert().success().stdout(
        predicate::str::starts_with("ok: ").and(predicate::str::contains("citations verified")),
    );
}

#[test]
fn list_plain_kind_and_json() {
    let c = Corpus::new();
    c.cmd(&["list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "group   acme-corps  Acme Corps  (2 aliases, 3 claims, 6 citations)",
        ))
        .stdout(predicate::str::contains("person  jane-doe    Jane Doe"));
    c.cmd(&["list", "--kind", "person"])
        .assert()
        .success()
        .stdout(predicate::str::contains("jane-doe").and(predicate::str::contains("acme").not()));
    let out = c.cmd(&["list", "--json"]).output().expect("run");
    let v = json(&out.stdout);
    assert_eq!(v[0]["id"], "acme-corps");
    assert_eq!(v[0]["kind"], "group");
    assert_eq!(v[0]["aliases"], 2);
    assert_eq!(v[1]["path"], "dossiers/people/jane-doe.toml");
}

#[test]
fn show_resolves_every_citation() {
    let c = Corpus::new();
    c.cmd(&["show", "acme-corps"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Acme Corps  (group · acme-corps)"))
        .stdout(predicate::str::contains(
            "“was founded in May 2022 by Jane Doe”",
        ))
        .stdout(predicate::str::contains(
            "— Alpha report · Alpha News · seeds/alpha.txt:1:45",
        ))
        .stdout(predicate::str::contains(
            "DISPUTED  Its size is reported inconsistently.",
        ))
        .stdout(predicate::str::contains("variant: 3,000"))
        .stdout(predicate::str::contains("2 sources (1 independent)"));
}

#[test]
fn show_json_has_offsets_that_slice_the_quote() {
    let c = Corpus::new();
    let out = c
        .cmd(&["show", "acme-corps", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v = json(&out.stdout);
    let claim = &v["claims"][1];
    assert_eq!(claim["id"], "crossed-border");
    let cite = &claim["citations"][0];
    assert_eq!(cite["location"], "seeds/alpha.txt:7:21");
    assert_eq!(cite["start"]["line"], 7);
    assert_eq!(cite["end"]["line"], 8);
    let text = std::fs::read_to_string(good().join("seeds/alpha.txt")).expect("fixture");
    let (s, e) = (
        cite["byte_start"].as_u64().unwrap_or(0) as usize,
        cite["byte_end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(
        &text[s..e],
        "“We’re going home” — and the group\ncrossed the border on Monday"
    );
    assert_eq!(cite["matched"], &text[s..e]);
    assert_eq!(v["claims"][2]["disputed"], true);
    assert_eq!(v["claims"][2]["sources"], 2);
    assert_eq!(v["claims"][2]["independent_sources"], 1);
    assert_eq!(v["claims"][2]["variants"][1]["value"], "3,000");
}

#[test]
fn unknown_id_suggests_and_exits_1() {
    let c = Corpus::new();
    c.cmd(&["show", "acme"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: no dossier 'acme'; did you mean 'acme-corps'",
        ));
    dossier()
        .args(["show", "rdk"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "did you mean 'russian-volunteer-corps' (RDK)?",
        ));
}

#[test]
fn search_plain_and_json() {
    let c = Corpus::new();
    c.cmd(&["search", "AC"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            " 1. acme-corps  Acme Corps (group) · alias “AC” (abbreviation)",
        ));
    let out = c.cmd(&["search", "Акме", "--json"]).output().expect("run");
    let v = json(&out.stdout);
    assert_eq!(v[0]["id"], "acme-corps");
    assert_eq!(v[0]["matched"]["field"], "alias");
    assert_eq!(v[0]["matched"]["alias_kind"], "original-script");
    assert_eq!(
        v[0]["matched"]["positions"],
        serde_json::json!([0, 1, 2, 3])
    );
    let out = c
        .cmd(&["search", "border", "--json"])
        .output()
        .expect("run");
    let v = json(&out.stdout);
    assert_eq!(v[0]["matched"]["field"], "claim");
    assert_eq!(v[0]["matched"]["claim_id"], "crossed-border");
}

#[test]
fn search_fzf_syntax_and_limit() {
    let c = Corpus::new();
    let ids = |args: &[&str]| -> Vec<String> {
        let out = c.cmd(args).output().expect("run");
        json(&out.stdout)
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|h| h["id"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(ids(&["search", "^Jane", "--json"]), ["jane-doe"]);
    assert_eq!(ids(&["search", "corps$", "--json"]), ["acme-corps"]);
    assert_eq!(ids(&["search", "'May 2022", "--json"]), ["acme-corps"]);
    assert_eq!(ids(&["search", "'Doe", "!^Jane", "--json"]), ["acme-corps"]);
    assert_eq!(ids(&["search", "e", "--json", "--limit", "1"]).len(), 1);
    c.cmd(&["search", "zzzzqqq"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no dossier matches 'zzzzqqq'"));
}

#[test]
fn usage_errors_exit_2() {
    dossier().arg("frobnicate").assert().code(2);
    dossier().args(["show"]).assert().code(2);
    dossier().args(["list", "--kind", "robot"]).assert().code(2);
    dossier()
        .args(["search", "x", "--limit", "many"])
        .assert()
        .code(2);
}

#[test]
fn help_and_version() {
    dossier()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check").and(predicate::str::contains("--data")));
    dossier()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("dossier "));
}

#[test]
fn data_errors_stop_reading_commands_with_exit_1() {
    let c = Corpus::new();
    c.edit(
        "dossiers/people/jane-doe.toml",
        "target = \"acme-corps\"",
        "target = \"nobody\"",
    );
    for args in [&["list"][..], &["show", "jane-doe"], &["search", "jane"]] {
        c.cmd(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "the corpus has 1 error; run `dossier --data",
            ));
    }
}

#[test]
fn data_directory_from_environment() {
    dossier()
        .env("DOSSIER_DATA", good())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("jane-doe"));
    dossier()
        .env("DOSSIER_DATA", "/nonexistent/corpus")
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/nonexistent/corpus/seeds/sources.toml: error: does not exist",
        ));
}

#[test]
fn no_raw_control_characters_reach_human_output() {
    let c = Corpus::new();
    c.edit(
        "dossiers/people/jane-doe.toml",
        "summary = \"\"\"Aged 41 [age]; pictured on the left of a photo [photo].\"\"\"",
        "summary = \"\"\"Founder\\u001b]0;pwned\\u0007 and \\u009b31m leader\\u202e of the corps [age].\"\"\"",
    );
    c.edit(
        "dossiers/people/jane-doe.toml",
        "name = \"Jane Doe\"",
        "name = \"Jane\\u001b[2J Doe\"",
    );
    for args in [&["show", "jane-doe"][..], &["list"], &["search", "Jane"]] {
        let out = c.cmd(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.chars().any(|ch| ch.is_control() && ch != '\n'),
            "{args:?}: {text:?}"
        );
        assert!(!text.contains('\u{202e}'));
        assert!(text.contains("Jane␛[2J Doe"), "{args:?}: {text}");
    }
    let show = c.cmd(&["show", "jane-doe"]).output().expect("run");
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(
        text.contains("Founder␛]0;pwned␇ and ⟨U+009B⟩31m leader⟨U+202E⟩ of"),
        "{text}"
    );
}

#[test]
fn no_browser_without_a_terminal_points_at_the_cli() {
    dossier()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stdout is not a terminal"))
        .stderr(predicate::str::contains(
            "`dossier list`, `dossier show ID`, `dossier search QUERY`",
        ));
}

#[test]
fn config_print_default_and_located_config_errors() {
    let out = dossier()
        .args(["config", "--print-default"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[[bind]]") && text.contains("[theme.quote]"));
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.toml");
    std::fs::write(&good, text.as_bytes()).expect("write");
    // A valid config passes the config stage and stops only at the missing terminal.
    dossier()
        .arg("--config")
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a terminal"));
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[bind]]\nmode = \"index\"\nkeys = [\"hyper-q\"]\naction = \"quit\"\n",
    )
    .expect("write");
    dossier()
        .arg("--config")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.toml:3:9: error: unknown key 'hyper-q'",
        ))
        .stderr(predicate::str::contains("3 | keys = [\"hyper-q\"]"));
}

#[test]
fn events_and_places_list_show_and_search() {
    let c = Corpus::with_events();
    c.cmd(&["list", "--kind", "event"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "event   northtown-raid  Northtown raid",
        ))
        .stdout(predicate::str::contains("northtown ").not())
        .stdout(predicate::str::contains("acme").not());
    c.cmd(&["list", "--kind", "place"])
        .assert()
        .success()
        .stdout(predicate::str::contains("place   northtown  Northtown"))
        .stdout(predicate::str::contains("raid").not());
    let out = c
        .cmd(&["list", "--kind", "event", "--json"])
        .output()
        .expect("run");
    let v = json(&out.stdout);
    assert_eq!(v[0]["kind"], "event");
    assert_eq!(v[0]["date"], "2023-06-03");
    assert_eq!(v[0]["path"], "dossiers/events/northtown-raid.toml");

    c.cmd(&["show", "northtown-raid"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Northtown raid  (event · northtown-raid · 2023-06-03)",
        ))
        .stdout(predicate::str::contains("located-in"));
    let out = c
        .cmd(&["show", "northtown", "--json"])
        .output()
        .expect("run");
    let v = json(&out.stdout);
    assert_eq!(v["kind"], "place");
    assert_eq!(v["date"], serde_json::Value::Null);
    assert_eq!(v["aliases"][0]["name"], "Nortown");

    let out = c
        .cmd(&["search", "Nortown", "--json"])
        .output()
        .expect("run");
    let v = json(&out.stdout);
    assert_eq!(v[0]["id"], "northtown");
    assert_eq!(v[0]["kind"], "place");
}

#[test]
fn passages_plain_and_json() {
    let c = Corpus::new();
    c.cmd(&["passages", "going", "home"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            " 1. seeds/alpha.txt:7:1  alpha",
        ));
    let out = c
        .cmd(&["passages", "'Акме", "--json", "--limit", "1"])
        .output()
        .expect("run");
    let v = json(&out.stdout);
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let hit = &v[0];
    assert_eq!(hit["source"], "alpha");
    assert_eq!(hit["location"], "seeds/alpha.txt:1:1");
    let sentence = hit["sentence"].as_str().expect("sentence");
    let chars: Vec<char> = sentence.chars().collect();
    let marked: String = hit["positions"]
        .as_array()
        .expect("positions")
        .iter()
        .map(|p| chars[p.as_u64().expect("index") as usize])
        .collect();
    assert_eq!(marked, "Акме");
    c.cmd(&["passages", "zzzqqq"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no passage matches"));
}

#[test]
fn show_marks_summary_references_and_json_resolves_them() {
    let c = Corpus::new();
    c.cmd(&["show", "acme-corps"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "A group founded in May 2022 by Jane Doe [#founded]; its size is reported inconsistently [#size].",
        ));
    let out = c
        .cmd(&["show", "acme-corps", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v = json(&out.stdout);
    // `summary` keeps its meaning, the prose; the references are in `summary_parts`.
    assert_eq!(
        v["summary"],
        "A group founded in May 2022 by Jane Doe; its size is reported inconsistently."
    );
    let parts = v["summary_parts"].as_array().expect("summary_parts");
    assert_eq!(parts.len(), 5, "{parts:?}");
    assert_eq!(parts[0]["text"], "A group founded in May 2022 by Jane Doe ");
    assert_eq!(parts[1]["refs"][0]["id"], "founded");
    assert_eq!(parts[1]["refs"][0]["claim"], 0);
    assert_eq!(parts[3]["refs"][0]["id"], "size");
    assert_eq!(parts[3]["refs"][0]["claim"], 2);
    assert_eq!(v["claims"][2]["id"], "size");
    // `list --json` carries the prose too.
    let list = json(&c.cmd(&["list", "--json"]).output().expect("run").stdout);
    assert_eq!(list[0]["summary"], v["summary"]);
}
