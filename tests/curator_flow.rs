//! The curator's path end to end, as the README's "Start your own investigation" walks
//! it: `init` → `add-source` → `new` → a citation made from a selection of the article
//! (the reader's cite function) pasted into the dossier → `check` passes. Then the
//! review side: `check --format github`, `--changed-since`, and `reanchor` after the
//! article changes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use crate::common::dossier;
use dossier::corpus::Article;
use dossier::corpus::cite::{append_to, cite};
use dossier::corpus::select::{extend_sentence, word_at};

fn run(c: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = c.output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn with_data(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run(dossier().arg("--data").arg(dir).args(args))
}

fn ok(r: (i32, String, String)) -> String {
    assert_eq!(r.0, 0, "{}{}", r.1, r.2);
    r.1
}

/// The first bundled article, as a curator would have it on disk.
fn bundled_article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_f7ed9125aa63003f.txt")
}

fn git(dir: &Path, args: &[&str]) {
    let st = Std::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .output()
        .expect("git");
    assert!(
        st.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&st.stderr)
    );
}

/// init → add-source → new → a claim citing a selection → check: the README's walk.
fn walked() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("my-investigation");
    ok(run(dossier().arg("init").arg(&dir)));
    let article = bundled_article();
    ok(with_data(
        &dir,
        &[
            "add-source",
            article.to_str().expect("utf-8"),
            "--id",
            "nbc-who-is-legion",
            "--title",
            "Who is the anti-Putin group behind -News",
            "--outlet",
            "NBC News (republished)",
            "--derivation",
            "machine-translation",
            "--original",
            "NBC News report, May 2023",
        ],
    ));
    ok(with_data(&dir, &["new", "person", "Denis Kapustin"]));

    // The reader's selection: the sentence around the first "Kapustin", made with the
    // same helpers the reader's keys call, cited and appended with --cite-to's function.
    let text = std::fs::read_to_string(dir.join("seeds/000_f7ed9125aa63003f.txt")).expect("copied");
    let at = text.find("Kapustin").expect("the article names Kapustin");
    let sentence = extend_sentence(&text, word_at(&text, at));
    let article = Article::new(text.clone());
    let c = cite("nbc-who-is-legion", &article, sentence.clone()).expect("citable");
    let cites = tmp.path().join("cites.toml");
    append_to(&cites, &c).expect("cite-to");
    let line = std::fs::read_to_string(&cites).expect("cites");
    let dossier_path = dir.join("dossiers/people/denis-kapustin.toml");
    let mut d = std::fs::read_to_string(&dossier_path).expect("dossier");
    d.push_str(&format!(
        "\n[[claim]]\nid = \"named\"\ntext = \"The article names him.\"\ncite = [{}]\n",
        line.trim()
    ));
    std::fs::write(&dossier_path, d).expect("paste");
    (tmp, dir)
}

#[test]
fn the_readme_walk_ends_in_a_corpus_that_checks() {
    let (_tmp, dir) = walked();
    let out = ok(with_data(&dir, &["check"]));
    assert!(
        out.starts_with("ok: 1 dossier, 1 claim, 1 citation verified, 0 disputed claims, 1 source"),
        "{out}"
    );
    let shown = ok(with_data(&dir, &["show", "denis-kapustin"]));
    assert!(shown.contains("The article names him."), "{shown}");
}

#[test]
fn github_annotations_and_changed_since_report_what_a_change_broke() {
    let (_tmp, dir) = walked();
    // Not yet a git repository: a clear error, exit 2.
    let (code, _, err) = with_data(&dir, &["check", "--changed-since", "HEAD"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not in a git repository"), "{err}");
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-qm", "start"]);
    let (code, _, err) = with_data(&dir, &["check", "--changed-since", "no-such-rev"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown revision 'no-such-rev'"), "{err}");

    // A committed dossier with an error, then a new one with another.
    ok(with_data(
        &dir,
        &["new", "group", "Russian Volunteer Corps"],
    ));
    let rvc = dir.join("dossiers/groups/russian-volunteer-corps.toml");
    let mut t = std::fs::read_to_string(&rvc).expect("rvc");
    t.push_str("\n[[claim]]\nid = \"x\"\ntext = \"Uncited.\"\n");
    std::fs::write(&rvc, t).expect("write");
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-qm", "rvc"]);
    ok(with_data(&dir, &["new", "place", "Belgorod"]));
    let place = dir.join("dossiers/places/belgorod.toml");
    let mut t = std::fs::read_to_string(&place).expect("place");
    t.push_str("\n[[claim]]\nid = \"y\"\ntext = \"Uncited too.\"\n");
    std::fs::write(&place, t).expect("write");

    let (code, out, err) = with_data(&dir, &["check", "--format", "github"]);
    assert_eq!(code, 1);
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 2, "{out}{err}");
    assert!(
        annotations.iter().any(|l| l.starts_with("::error file=")
            && l.contains("dossiers/places/belgorod.toml,line=")
            && l.contains("::claim 'y' has no citation%0Ahelp: ")),
        "{out}"
    );

    let (code, out, err) = with_data(
        &dir,
        &["check", "--format", "github", "--changed-since", "HEAD"],
    );
    assert_eq!(code, 1);
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 1, "{out}");
    assert!(annotations[0].contains("belgorod.toml"), "{out}");
    assert!(
        err.contains("1 problem in files not changed since the given revision not shown"),
        "{err}"
    );

    let (_, out, _) = with_data(&dir, &["check", "--json", "--changed-since", "HEAD"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        (v["errors"].as_u64(), v["not_shown"].as_u64()),
        (Some(1), Some(1)),
        "{out}"
    );

    // Since the first commit, both files changed: both reported.
    let (_, out, _) = with_data(
        &dir,
        &["check", "--format", "github", "--changed-since", "HEAD~1"],
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("::")).count(),
        2,
        "{out}"
    );
    // Fixing the new file leaves nothing in the change to report: success.
    std::fs::remove_file(&place).expect("rm");
    let (code, out, err) = with_data(&dir, &["check", "--changed-since", "HEAD"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn reanchor_relocates_exact_quotes_lists_the_rest_and_writes_only_when_asked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("c");
    ok(run(dossier().arg("init").arg(&dir)));
    let art = tmp.path().join("a.txt");
    std::fs::write(&art, "Photo: AFP. The raid began.\nPhoto: AFP. The Legion said in March that Russia had opened proceedings.\n").expect("write");
    ok(with_data(
        &dir,
        &[
            "add-source",
            art.to_str().expect("utf-8"),
            "--id",
            "a",
            "--title",
            "T",
            "--outlet",
            "O",
        ],
    ));
    ok(with_data(&dir, &["new", "group", "Legion"]));
    let d = dir.join("dossiers/groups/legion.toml");
    let mut t = std::fs::read_to_string(&d).expect("dossier");
    t.push_str(concat!(
        "\n[[claim]]\nid = \"caption\"\ntext = \"A photo.\"\n",
        "cite = [{ source = \"a\", quote = \"Photo: AFP.\", suffix = \"The Legion\" }]\n",
        "\n[[claim]]\nid = \"proceedings\"\ntext = \"Proceedings.\" # kept comment\n",
        "cite = [{ source = \"a\", quote = \"The Legion said in March that Russia had opened proceedings.\" }]\n",
    ));
    std::fs::write(&d, &t).expect("write");
    ok(with_data(&dir, &["check"]));

    // The article changes: the caption's neighbour and the statement's words.
    std::fs::write(dir.join("seeds/a.txt"), "Photo: AFP. The raid began.\nPhoto: AFP. Then Legion fighters crossed. The Legion said in May that Russia opened proceedings.\n").expect("write");
    let (code, _, err) = with_data(&dir, &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("quote no longer resolves in a, whose text changed since it was registered; the quote still occurs at line 2"), "{err}");
    assert!(err.contains("best relocated candidate (line 2): \"The Legion said in May that Russia opened proceedings.\""), "{err}");
    assert!(err.contains("word diff, quote → candidate: The Legion said in [-March-] {+May+} that Russia [-had-] opened proceedings."), "{err}");

    let registry = std::fs::read_to_string(dir.join("seeds/sources.toml")).expect("registry");
    let (code, out, _) = with_data(&dir, &["reanchor", "a"]);
    assert_eq!(code, 1, "one quote needs a human");
    assert!(out.contains("sha256 of 'a' would be set"), "{out}");
    assert!(out.contains("claim 'caption': quote \"Photo: AFP.\" found again at line 2: prefix none and suffix \"Then\" (would be written)"), "{out}");
    assert!(out.contains("claim 'proceedings': quote \"The Legion said in March that Russia had opened proceedings.\" no longer occurs"), "{out}");
    assert!(out.contains("run again with --write"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&d).expect("dossier"),
        t,
        "a dry run writes nothing"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("seeds/sources.toml")).expect("registry"),
        registry
    );

    let (code, out, _) = with_data(&dir, &["reanchor", "a", "--write"]);
    assert_eq!(code, 1);
    assert!(out.contains("sha256 of 'a' set"), "{out}");
    let written = std::fs::read_to_string(&d).expect("dossier");
    assert!(
        written.contains("{ source = \"a\", quote = \"Photo: AFP.\", suffix = \"Then\" }"),
        "{written}"
    );
    assert!(
        written.contains("# kept comment"),
        "comments kept: {written}"
    );
    // What is left is the one quote for a human, as an ordinary quote error.
    let (code, _, err) = with_data(&dir, &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("error: 1 error found"), "{err}");
    assert!(err.contains("quote not found in a"), "{err}");

    let (code, _, err) = with_data(&dir, &["reanchor", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("no source 'nope'"), "{err}");
}

#[test]
fn reanchor_uses_the_committed_text_to_choose_among_repeats() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("c");
    ok(run(dossier().arg("init").arg(&dir)));
    let art = tmp.path().join("a.txt");
    std::fs::write(
        &art,
        "Intro.\nOne.\nTwo.\nThree.\nThe Legion crossed.\nEnd.\n",
    )
    .expect("write");
    ok(with_data(
        &dir,
        &[
            "add-source",
            art.to_str().expect("utf-8"),
            "--id",
            "a",
            "--title",
            "T",
            "--outlet",
            "O",
        ],
    ));
    ok(with_data(&dir, &["new", "group", "Legion"]));
    let d = dir.join("dossiers/groups/legion.toml");
    let mut t = std::fs::read_to_string(&d).expect("dossier");
    t.push_str("\n[[claim]]\nid = \"crossed\"\ntext = \"It crossed.\"\ncite = [{ source = \"a\", quote = \"The Legion crossed.\" }]\n");
    std::fs::write(&d, &t).expect("write");
    ok(with_data(&dir, &["check"]));
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-qm", "start"]);
    // The sentence now also opens the article: ambiguous. Its old place, near the end of
    // the committed text, picks the second occurrence.
    std::fs::write(
        dir.join("seeds/a.txt"),
        "The Legion crossed.\nIntro.\nOne.\nTwo.\nThree.\nThe Legion crossed.\nEnd.\n",
    )
    .expect("write");
    let (code, out, err) = with_data(&dir, &["reanchor", "a", "--write"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("found again at line 6"), "{out}");
    let out = ok(with_data(&dir, &["show", "legion", "--json"]));
    assert!(out.contains("\"line\": 6"), "{out}");
}
