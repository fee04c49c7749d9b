//! "1 claim", never "1 claims": every subcommand's output and every view's text, on a
//! corpus made so that most counts are exactly one (one source, one alias, one claim
//! per dossier, one relation, one dated entry…) and on the good fixture (one disputed
//! claim).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use dossier::app::{Action, App, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Nouns the program counts, in the plural.
const PLURALS: &[&str] = &[
    "aliases",
    "articles",
    "bytes",
    "citations",
    "cites",
    "claims",
    "dossiers",
    "entries",
    "errors",
    "items",
    "levels",
    "nodes",
    "passages",
    "problems",
    "relations",
    "sources",
    "variants",
    "warnings",
];

/// Words that may stand between the count and its noun ("1 disputed claim").
const ADJECTIVES: &[&str] = &["disputed", "dated", "undated", "independent"];

/// Every "1 <plural>" in `text`: a plural right after a lone 1, or after one adjective
/// ("1 claims", "1 disputed claims").
fn one_plurals(text: &str) -> Vec<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut bad = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w != "1" {
            continue;
        }
        let next = words.get(i + 1).map_or("", String::as_str);
        let after = words.get(i + 2).map_or("", String::as_str);
        if PLURALS.contains(&next) {
            bad.push(format!("1 {next}"));
        } else if ADJECTIVES.contains(&next) && PLURALS.contains(&after) {
            bad.push(format!("1 {next} {after}"));
        }
    }
    bad
}

/// A corpus with one source, and two dossiers that each have one claim; the group has
/// one alias, the person one relation; one claim is dated.
fn one_of_each() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = crate::common::good();
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    std::fs::create_dir_all(dir.path().join("dossiers/groups")).unwrap();
    std::fs::create_dir_all(dir.path().join("dossiers/people")).unwrap();
    std::fs::copy(
        good.join("seeds/alpha.txt"),
        dir.path().join("seeds/alpha.txt"),
    )
    .unwrap();
    let registry = std::fs::read_to_string(good.join("seeds/sources.toml")).unwrap();
    let alpha_only = registry
        .split("[[source]]")
        .take(2)
        .collect::<Vec<_>>()
        .join("[[source]]");
    std::fs::write(dir.path().join("seeds/sources.toml"), alpha_only).unwrap();
    std::fs::write(
        dir.path().join("dossiers/groups/acme-corps.toml"),
        r#"id = "acme-corps"
kind = "group"
name = "Acme Corps"

[[alias]]
name = "Акме"
kind = "original-script"
cite = [{ source = "alpha", quote = "known in Russian as «Акме»" }]

[[claim]]
id = "founded"
text = "Founded in May 2022 by Jane Doe."
date = "2022-05"
cite = [{ source = "alpha", quote = "was founded in May 2022 by Jane Doe" }]
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dossiers/people/jane-doe.toml"),
        r#"id = "jane-doe"
kind = "person"
name = "Jane Doe"

[[claim]]
id = "photo"
text = "Pictured on the left of a photo."
cite = [{ source = "alpha", quote = "Jane Doe, left.", suffix = "Jane Doe" }]

[[relation]]
type = "founded"
target = "acme-corps"
cite = [{ source = "alpha", quote = "founded in May 2022 by Jane Doe" }]
"#,
    )
    .unwrap();
    dir
}

/// What every reading subcommand prints for the corpus in `dir`.
fn outputs(dir: &std::path::Path) -> Vec<(String, String)> {
    let runs: &[&[&str]] = &[
        &["check"],
        &["list"],
        &["list", "--sort", "name"],
        &["show", "acme-corps"],
        &["show", "jane-doe"],
        &["sources"],
        &["disputes"],
        &["claims"],
        &["claims", "--single-source"],
        &["timeline"],
        &["relations", "jane-doe"],
        &["search", "acme"],
        &["passages", "founded"],
        &["cited-by", "alpha:1"],
    ];
    runs.iter()
        .map(|args| {
            let o = crate::common::dossier()
                .arg("--data")
                .arg(dir)
                .args(*args)
                .output()
                .expect("run");
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            (args.join(" "), text)
        })
        .collect()
}

/// The text of every view of the browser on the corpus in `dir`, at 120×40.
fn screens(dir: &std::path::Path) -> Vec<(String, String)> {
    let report = check(&DataRoot::Dir(dir.to_path_buf()));
    assert_eq!(report.errors(), 0, "the corpus checks");
    let theme = Theme::default_theme(false);
    let routes: Vec<(&str, Vec<Action>)> = vec![
        ("index", vec![]),
        ("dossier", vec![Action::Open]),
        ("sources", vec![Action::Sources]),
        ("disputes", vec![Action::Disputes]),
        ("claims", vec![Action::Claims]),
        ("timeline", vec![Action::Timeline]),
        ("relations", vec![Action::Open, Action::Relations]),
        ("passages", vec![Action::SearchPassages, Action::Input('f')]),
        (
            "cited-by",
            vec![Action::Open, Action::Open, Action::CitedBy],
        ),
    ];
    routes
        .into_iter()
        .map(|(name, actions)| {
            let mut app = App::new(report.corpus.clone(), Keymap::default_keymap(), (120, 40));
            for a in actions {
                update(&mut app, a);
            }
            let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            term.draw(|f| render(&app, &theme, f)).expect("draw");
            let buf = term.backend().buffer().clone();
            let mut text = String::new();
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    text.push_str(buf[(x, y)].symbol());
                }
                text.push('\n');
            }
            (name.to_owned(), text)
        })
        .collect()
}

#[test]
fn the_detector_finds_one_with_a_plural() {
    assert_eq!(one_plurals("ok: 1 claims, 2 sources"), vec!["1 claims"]);
    assert_eq!(
        one_plurals("(1 disputed claims)"),
        vec!["1 disputed claims"]
    );
    assert!(one_plurals("[1 A] Claims; 1 item cites this").is_empty());
    assert!(one_plurals("1 claim, 11 claims, 21 sources, 1 source").is_empty());
}

#[test]
fn no_output_or_view_says_one_with_a_plural_noun() {
    let one = one_of_each();
    let mut all = outputs(one.path());
    all.extend(screens(one.path()));
    all.extend(outputs(&crate::common::good()));
    all.extend(screens(&crate::common::good()));
    let mut bad = Vec::new();
    for (what, text) in &all {
        for b in one_plurals(text) {
            bad.push(format!("{what}: {b:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "a count of one with a plural noun:\n{}",
        bad.join("\n")
    );
    // The corpus was made to have ones: the views and commands must show them.
    let joined: String = all.iter().map(|(_, t)| t.as_str()).collect();
    for one in [
        "1 source",
        "1 alias",
        "1 claim",
        "1 disputed claim",
        "1 citation",
    ] {
        assert!(joined.contains(one), "nothing says {one:?}");
    }
}
