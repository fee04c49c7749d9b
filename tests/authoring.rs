//! The curator's commands that write a corpus — `init`, `add-source`, `new`,
//! `reanchor` — on good and bad paths: an existing file, bad UTF-8, a FIFO, a symlink
//! out of the corpus, an id that exists. A bad path gets a clear, located error and
//! leaves every file as it was; a good one leaves a corpus that `check` passes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crate::common::{Corpus, dossier};

/// Every file under `dir` with its bytes, to prove nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let e = e.expect("entry");
            let t = e.file_type().expect("type");
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                out.push((e.path(), std::fs::read(e.path()).expect("read")));
            } else {
                out.push((e.path(), b"<special>".to_vec()));
            }
        }
    }
    out.sort();
    out
}

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

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// A fresh corpus made by `init` in a temporary folder.
fn initialised() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("corpus");
    let (code, out, err) = run(dossier().arg("init").arg(&dir));
    assert_eq!(code, 0, "{out}{err}");
    (tmp, dir)
}

const ARTICLE: &str =
    "Photo: AFP. The Legion said it crossed the border.\nPhoto: AFP. Kapustin leads the RVC.\n";

fn add_article(dir: &Path, tmp: &Path) {
    let art = tmp.join("legion.txt");
    std::fs::write(&art, ARTICLE).expect("write article");
    let (code, out, err) = with_data(
        dir,
        &[
            "add-source",
            art.to_str().expect("utf-8 path"),
            "--id",
            "legion",
            "--title",
            "The Legion \"crossed\"",
            "--outlet",
            "Wire",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn init_makes_a_corpus_that_checks_with_a_workflow_and_schemas() {
    let (_tmp, dir) = initialised();
    for f in [
        "seeds/sources.toml",
        "README.md",
        ".github/workflows/check.yml",
        "schema/dossier.schema.json",
        "schema/sources.schema.json",
        "dossiers/people/.gitkeep",
        "dossiers/places/.gitkeep",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    for which in ["dossier", "sources"] {
        let shipped = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/{which}.schema.json")),
        )
        .expect("shipped schema");
        let written = std::fs::read_to_string(dir.join(format!("schema/{which}.schema.json")))
            .expect("written");
        assert_eq!(written, shipped, "init writes the shipped {which} schema");
        let (code, printed, _) = run(dossier().args(["schema", which]));
        assert_eq!(
            (code, printed),
            (0, shipped),
            "`dossier schema {which}` prints it"
        );
    }
    let workflow = std::fs::read_to_string(dir.join(".github/workflows/check.yml")).expect("wf");
    assert!(workflow.contains("check --format github --changed-since"));
    assert!(workflow.lines().any(|l| l.starts_with('#')), "commented");
    let (code, out, err) = with_data(&dir, &["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("ok: 0 dossiers"), "{out}");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_or_a_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("notes.txt"), "mine").expect("write");
    let before = snapshot(tmp.path());
    let (code, _, err) = run(dossier().arg("init").arg(tmp.path()));
    assert_eq!(code, 1);
    assert!(err.contains("exists and is not empty"), "{err}");
    assert_eq!(snapshot(tmp.path()), before);
    let file = tmp.path().join("notes.txt");
    let (code, _, err) = run(dossier().arg("init").arg(&file));
    assert_eq!(code, 1);
    assert!(err.contains("is not a folder"), "{err}");
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn add_source_copies_registers_and_keeps_the_registry_as_written() {
    let (tmp, dir) = initialised();
    let before = std::fs::read_to_string(dir.join("seeds/sources.toml")).expect("registry");
    add_article(&dir, tmp.path());
    let after = std::fs::read_to_string(dir.join("seeds/sources.toml")).expect("registry");
    assert!(
        after.starts_with(&before),
        "comments and layout kept byte for byte"
    );
    let sha = dossier::check::sha256_hex(ARTICLE.as_bytes());
    assert!(after.contains(&format!("sha256 = \"{sha}\"")), "{after}");
    assert!(
        after.contains(r#"title = "The Legion \"crossed\"""#)
            || after.contains("title = 'The Legion \"crossed\"'"),
        "{after}"
    );
    assert_eq!(
        std::fs::read(dir.join("seeds/legion.txt")).expect("copied"),
        ARTICLE.as_bytes()
    );
    let (code, out, err) = with_data(&dir, &["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(", 1 source"), "{out}");
}

#[test]
fn add_source_refuses_without_changing_anything() {
    let (tmp, dir) = initialised();
    add_article(&dir, tmp.path());
    let args = |file: &Path, id: &str| -> Vec<String> {
        [
            "add-source",
            file.to_str().expect("utf-8"),
            "--id",
            id,
            "--title",
            "T",
            "--outlet",
            "O",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
    };
    let other = tmp.path().join("other.txt");
    std::fs::write(&other, "Another text.\n").expect("write");
    let bad_utf8 = tmp.path().join("latin1.txt");
    std::fs::write(&bad_utf8, b"ok\ncaf\xe9\n").expect("write");
    let fifo = tmp.path().join("pipe.txt");
    mkfifo(&fifo);
    let huge = tmp.path().join("huge.txt");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(17 * 1024 * 1024))
        .expect("sparse file");
    let same_name = tmp.path().join("again");
    std::fs::create_dir(&same_name).expect("mkdir");
    std::fs::write(same_name.join("legion.txt"), "Different text.\n").expect("write");

    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            args(&other, "legion"),
            "source id 'legion' is already registered",
        ),
        (
            args(&same_name.join("legion.txt"), "legion-2"),
            "seeds/legion.txt is already registered as 'legion'",
        ),
        (
            args(&bad_utf8, "latin"),
            "is not valid UTF-8 (bad byte at offset 6, line 2)",
        ),
        (args(&fifo, "pipe"), "is not a regular file (it is a FIFO)"),
        (args(&huge, "huge"), "more than the limit of 16777216 bytes"),
        (
            args(tmp.path(), "folder"),
            "is not a regular file (it is a directory)",
        ),
        (
            args(&tmp.path().join("missing.txt"), "missing"),
            "does not exist",
        ),
        (
            args(&other, "Not A Slug"),
            "--id 'Not A Slug' is not a valid id",
        ),
        (
            [
                args(&other, "o"),
                vec!["--derivation".into(), "translation".into()],
            ]
            .concat(),
            "needs --original",
        ),
        (
            [
                args(&other, "o"),
                vec!["--published".into(), "2023-02-30".into()],
            ]
            .concat(),
            "--published '2023-02-30' is not YYYY[-MM[-DD]]",
        ),
        (
            [
                args(&other, "o"),
                vec!["--file".into(), "../escape.txt".into()],
            ]
            .concat(),
            "cannot be an article's name inside seeds/",
        ),
    ];
    for (argv, want) in cases {
        let before = snapshot(&dir);
        let (code, out, err) =
            with_data(&dir, &argv.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(code, 1, "{argv:?}: {out}{err}");
        assert!(err.contains(want), "{argv:?}: wanted {want:?} in {err}");
        assert!(err.starts_with("error: "), "{err}");
        assert_eq!(snapshot(&dir), before, "{argv:?} changed the corpus");
    }
    // A file already in seeds/ under the name, not registered: never overwritten.
    std::fs::write(dir.join("seeds/other.txt"), "curator's own").expect("write");
    let before = snapshot(&dir);
    let (code, _, err) = with_data(
        &dir,
        &args(&other, "other")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("already exists; nothing was overwritten"),
        "{err}"
    );
    assert_eq!(snapshot(&dir), before);
    // Without --data there is no corpus to write into.
    let (code, _, err) = run(dossier().args(args(&other, "x")));
    assert_eq!(code, 2);
    assert!(err.contains("pass --data DIR"), "{err}");
}

#[test]
fn add_source_refuses_a_seeds_folder_linked_out_of_the_corpus() {
    let (tmp, dir) = initialised();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    std::fs::rename(dir.join("seeds"), elsewhere.join("seeds")).expect("move");
    std::os::unix::fs::symlink(elsewhere.join("seeds"), dir.join("seeds")).expect("link");
    let before = snapshot(&elsewhere);
    let art = tmp.path().join("a.txt");
    std::fs::write(&art, "Text.\n").expect("write");
    let (code, _, err) = with_data(
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
    );
    assert_eq!(code, 1);
    assert!(err.contains("outside the corpus folder seeds/"), "{err}");
    assert_eq!(snapshot(&elsewhere), before);
}

#[test]
fn new_makes_a_skeleton_that_checks() {
    let (_tmp, dir) = initialised();
    let (code, out, err) = with_data(&dir, &["new", "person", "Denis Kapustin"]);
    assert_eq!(code, 0, "{out}{err}");
    let text =
        std::fs::read_to_string(dir.join("dossiers/people/denis-kapustin.toml")).expect("made");
    assert!(text.starts_with("#:schema ../../schema/dossier.schema.json\nid = \"denis-kapustin\"\nkind = \"person\"\nname = \"Denis Kapustin\"\n"), "{text}");
    let (code, out, err) = with_data(&dir, &["new", "place", "Ivna (village)"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(dir.join("dossiers/places/ivna-village.toml").is_file());
    let (code, out, err) = with_data(&dir, &["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("ok: 2 dossiers"), "{out}");
}

#[test]
fn new_refuses_an_existing_id_name_or_alias_and_a_link_out() {
    let c = Corpus::new();
    let cases = [
        (
            vec!["new", "person", "Jane-Doe"],
            "a dossier with id 'jane-doe' exists",
        ),
        (
            vec!["new", "group", "JANE DOE", "--id", "jd"],
            "'JANE DOE' is already the name of 'jane-doe'",
        ),
        (
            vec!["new", "group", "AC"],
            "'AC' is an alias of 'acme-corps'",
        ),
        (
            vec!["new", "group", "Акме"],
            "'Акме' is an alias of 'acme-corps'",
        ),
        (vec!["new", "person", "Денис"], "pass --id"),
        (vec!["new", "person", " Padded"], "padded with spaces"),
    ];
    for (argv, want) in cases {
        let before = snapshot(c.dir.path());
        let (code, out, err) = with_data(c.dir.path(), &argv);
        assert_eq!(code, 1, "{argv:?}: {out}{err}");
        assert!(err.contains(want), "{argv:?}: wanted {want:?} in {err}");
        assert_eq!(snapshot(c.dir.path()), before, "{argv:?}");
    }
    let (code, out, err) = with_data(c.dir.path(), &["new", "person", "Денис", "--id", "denis"]);
    assert_eq!(code, 0, "{out}{err}");
    // A kind's folder linked out of the corpus is refused.
    let elsewhere = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(elsewhere.path(), c.path("dossiers/places")).expect("link");
    let (code, _, err) = with_data(c.dir.path(), &["new", "place", "Northtown"]);
    assert_eq!(code, 1);
    assert!(err.contains("outside the corpus folder dossiers/"), "{err}");
    assert!(snapshot(elsewhere.path()).is_empty());
    // A file already at the path (not a dossier the list knows: a FIFO) is not replaced.
    mkfifo(&c.path("dossiers/people/john-roe.toml"));
    let (code, _, err) = with_data(
        c.dir.path(),
        &["new", "person", "John Roe", "--id", "john-roe"],
    );
    assert_eq!(code, 1, "{err}");
}

#[test]
fn a_missing_sha256_gets_the_value_to_paste() {
    let c = Corpus::new();
    let text = std::fs::read_to_string(c.path("seeds/sources.toml")).expect("registry");
    let line = text
        .lines()
        .find(|l| l.starts_with("sha256"))
        .expect("a sha256 line");
    c.edit("seeds/sources.toml", &format!("{line}\n"), "");
    let (code, _, err) = c.check();
    assert_eq!(code, 1);
    let value = line.trim_start_matches("sha256 = ");
    assert!(err.contains("has no sha256"), "{err}");
    assert!(
        err.contains(&format!("help: add sha256 = {value}")),
        "{err}"
    );
}

#[test]
fn add_source_refuses_a_registry_that_is_a_link_out_or_a_fifo() {
    let (tmp, dir) = initialised();
    let art = tmp.path().join("a.txt");
    std::fs::write(&art, "Text.\n").expect("write");
    let argv = [
        "add-source",
        art.to_str().expect("utf-8"),
        "--id",
        "a",
        "--title",
        "T",
        "--outlet",
        "O",
    ];
    let outside = tmp.path().join("registry.toml");
    std::fs::write(&outside, "# someone else's file\n").expect("write");
    let registry = dir.join("seeds/sources.toml");
    std::fs::remove_file(&registry).expect("rm");
    std::os::unix::fs::symlink(&outside, &registry).expect("link");
    let before = snapshot(&dir);
    let (code, _, err) = with_data(&dir, &argv);
    assert_eq!(code, 1);
    assert!(err.contains("outside the corpus folder seeds/"), "{err}");
    assert_eq!(snapshot(&dir), before);
    assert_eq!(
        std::fs::read_to_string(&outside).expect("outside"),
        "# someone else's file\n"
    );
    std::fs::remove_file(&registry).expect("rm");
    mkfifo(&registry);
    let (code, _, err) = with_data(&dir, &argv);
    assert_eq!(code, 1);
    assert!(
        err.contains("is not a regular file (it is a FIFO)"),
        "{err}"
    );
    assert!(!dir.join("seeds/a.txt").exists());
}
