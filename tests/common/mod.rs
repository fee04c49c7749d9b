//! Helpers shared by the integration tests: copying the good fixture corpus into a
//! temporary folder, editing it, and running the real binary on it.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub mod tmux;

/// The synthetic corpus generator of `examples/synth.rs`, for the tests that check its
/// output (`synth`) and parse it (`fast_parse`).
#[path = "../../examples/synth.rs"]
pub mod synth;

/// The good fixture corpus.
pub fn good() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

/// Copies the folder `from` into `to`, recursively (a fixture corpus made writable).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read fixture dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A writable copy of the good corpus.
pub struct Corpus {
    pub dir: tempfile::TempDir,
}

impl Corpus {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(&good(), dir.path());
        Corpus { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Replaces the one occurrence of `old` in `rel` with `new`.
    pub fn edit(&self, rel: &str, old: &str, new: &str) -> &Self {
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).expect("read fixture file");
        assert_eq!(
            text.matches(old).count(),
            1,
            "{old:?} must occur once in {rel}"
        );
        std::fs::write(&p, text.replacen(old, new, 1)).expect("write fixture file");
        self
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, text).expect("write");
        self
    }

    /// `dossier --data DIR ARGS…`
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("dossier").expect("binary");
        c.arg("--data").arg(self.dir.path()).args(args);
        c.env_remove("DOSSIER_DATA");
        c
    }

    /// Runs `check`; returns (exit code, stdout, stderr).
    pub fn check(&self) -> (i32, String, String) {
        let out = self.cmd(&["check"]).output().expect("run");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

/// The dossier binary with no corpus arguments.
pub fn dossier() -> Command {
    let mut c = Command::cargo_bin("dossier").expect("binary");
    c.env_remove("DOSSIER_DATA");
    c
}

/// The files of `tests/fixtures/events/`, which add an event, a place and the article
/// they cite to the good corpus (kept apart so the good corpus and its snapshots stay
/// as they are).
fn events_fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/events")
        .join(name);
    std::fs::read_to_string(p).expect("read events fixture")
}

/// Path of the event dossier [`Corpus::with_events`] adds.
pub const EVENT: &str = "dossiers/events/northtown-raid.toml";
/// Path of the place dossier [`Corpus::with_events`] adds.
pub const PLACE: &str = "dossiers/places/northtown.toml";

impl Corpus {
    /// The good corpus plus an event (`northtown-raid`), a place (`northtown`), the
    /// article `gamma` they cite, and Acme Corps' `took-part-in` relation to the event.
    pub fn with_events() -> Self {
        let c = Corpus::new();
        c.write("seeds/gamma.txt", &events_fixture("gamma.txt"));
        c.write(EVENT, &events_fixture("northtown-raid.toml"));
        c.write(PLACE, &events_fixture("northtown.toml"));
        for (rel, extra) in [
            ("seeds/sources.toml", "source.toml"),
            ("dossiers/groups/acme-corps.toml", "acme-relation.toml"),
        ] {
            let mut text = std::fs::read_to_string(c.path(rel)).expect("read");
            text.push_str(&events_fixture(extra));
            c.write(rel, &text);
        }
        c
    }
}
