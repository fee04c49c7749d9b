//! `dossier cited-by`: who cites a passage named by SOURCE:LINE[:COL] or by a quote,
//! plain and `--json`, with the same answers as the browser's cited-by view; and a bad
//! `--config FILE` refused by every subcommand, not only the browser.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use crate::common::{Corpus, dossier};
use predicates::prelude::*;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn a_line_lists_every_item_citing_it_plain_and_json() {
    let c = Corpus::new();
    // alpha line 1: "The Acme Corps, known in Russian as «Акме», was founded in May
    // 2022 by Jane Doe." — the alias «Акме» and the claim 'founded' cite it.
    c.cmd(&["cited-by", "alpha:1"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Cited by — “The Acme Corps, known in Russian as «Акме», was founded in May 2022 by Jane Doe.”\nAlpha report (A) · seeds/alpha.txt:1:1 · 2 items cite this passage\n",
        ))
        .stdout(predicate::str::contains("  Acme Corps  alias  Акме\n"))
        .stdout(predicate::str::contains(
            "  Acme Corps  claim  Founded in May 2022 by Jane Doe.\n    “was founded in May 2022 by Jane Doe” seeds/alpha.txt:1:45  #acme-corps",
        ));
    let v = json(
        &c.cmd(&["cited-by", "A:1", "--json"])
            .output()
            .expect("run")
            .stdout,
    );
    let a = &v[0];
    assert_eq!(a["source"], "alpha");
    assert_eq!(a["short"], "A");
    assert_eq!(a["location"], "seeds/alpha.txt:1:1");
    let items = a["cited_by"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["dossier"], "acme-corps");
    assert_eq!(items[0]["kind"], "alias");
    assert_eq!(items[1]["kind"], "claim");
    assert_eq!(items[1]["claim_id"], "founded");
    assert_eq!(items[1]["citation"]["location"], "seeds/alpha.txt:1:45");
}

#[test]
fn a_column_narrows_to_the_items_whose_quote_covers_that_character() {
    let c = Corpus::new();
    // Column 37 is inside «Акме», before 'was founded': only the alias.
    let v = json(
        &c.cmd(&["cited-by", "alpha:1:37", "--json"])
            .output()
            .expect("run")
            .stdout,
    );
    let items = v[0]["cited_by"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{v}");
    assert_eq!(items[0]["kind"], "alias");
}

#[test]
fn a_quote_names_the_passage_in_the_article_that_has_it() {
    let c = Corpus::new();
    c.cmd(&["cited-by", "--quote", "3,000 members"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Beta repost (beta) · seeds/beta.txt:1:",
        ))
        .stdout(predicate::str::contains("Acme Corps  variant  «3,000»"));
    c.cmd(&["cited-by", "--quote", "3,000 members", "--source", "alpha"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the quote is in no article (looked only in alpha)",
        ));
    c.cmd(&["cited-by", "--quote", "Jane Doe, left."])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "occurs 2 times in seeds/alpha.txt (at alpha:3, alpha:5)",
        ));
}

#[test]
fn bad_positions_are_errors_that_say_why() {
    let c = Corpus::new();
    c.cmd(&["cited-by", "alphe:1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: no source 'alphe'; did you mean 'alpha'",
        ));
    c.cmd(&["cited-by", "alpha"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'alpha' is not SOURCE:LINE or SOURCE:LINE:COL",
        ));
    c.cmd(&["cited-by", "alpha:40"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "seeds/alpha.txt has 10 lines; line 40 is past its end",
        ));
    c.cmd(&["cited-by", "alpha:1:999"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("column 999 is past its end"));
    c.cmd(&["cited-by"]).assert().code(2);
}

/// Every subcommand, as run with a bad `--config`.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["list"],
    &["show", "acme-corps"],
    &["search", "acme"],
    &["passages", "acme"],
    &["sources"],
    &["disputes"],
    &["claims"],
    &["relations", "acme-corps"],
    &["timeline"],
    &["cited-by", "alpha:1"],
    &["export", "--format", "json"],
    &["schema", "dossier"],
    &["config", "--print-default"],
];

#[test]
fn a_bad_config_path_is_an_error_for_every_subcommand() {
    let c = Corpus::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.toml");
    let invalid = dir.path().join("invalid.toml");
    std::fs::write(
        &invalid,
        "[[bind]]\nmode = \"index\"\nkeys = [\"q\"]\naction = \"fly\"\n",
    )
    .expect("write");
    for args in COMMANDS {
        for (config, says) in [
            (&missing, "missing.toml: error: cannot read the config file"),
            (&invalid, "invalid.toml:4:10: error: unknown action 'fly'"),
            (
                &dir.path().to_path_buf(),
                "error: cannot read the config file",
            ),
        ] {
            let out = c
                .cmd(&[])
                .arg("--config")
                .arg(config)
                .args(*args)
                .output()
                .expect("run");
            assert_eq!(out.status.code(), Some(2), "{args:?} with {config:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(says), "{args:?} with {config:?}: {err}");
            assert!(
                out.stdout.is_empty(),
                "{args:?} printed output with a bad config"
            );
        }
    }
    // A good one changes nothing.
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "").expect("write");
    dossier()
        .arg("--config")
        .arg(&good)
        .args(["schema", "dossier"])
        .assert()
        .success();
}
