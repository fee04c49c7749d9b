//! A registry split over `seeds/sources.toml` and `seeds/sources.d/*.toml` (README, "The
//! data format"): a large honest corpus fits, each file keeps the cap that protects
//! against hostile ones, and an id registered in two files is named in both.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use crate::common::Corpus;
use dossier::data::DOSSIER_CAP;

const SOURCES: &str = "seeds/sources.toml";

/// The good corpus with its second source (`beta`) moved to `seeds/sources.d/NAME`.
fn split(name: &str) -> Corpus {
    let c = Corpus::new();
    let text = std::fs::read_to_string(c.path(SOURCES)).expect("read");
    let at = text.find("[[source]]\nid = \"beta\"").expect("beta");
    let (main, beta) = text.split_at(at);
    c.write(SOURCES, main);
    c.write(&format!("seeds/sources.d/{name}"), beta);
    c
}

#[test]
fn a_split_registry_checks_like_one_file() {
    let c = split("more.toml");
    let (status, out, err) = c.check();
    assert_eq!(status, 0, "{err}");
    assert!(out.contains(", 2 sources"), "{out}");
    // sources.d alone (no sources.toml) will do.
    let text = std::fs::read_to_string(c.path(SOURCES)).expect("read");
    std::fs::remove_file(c.path(SOURCES)).expect("rm");
    c.write("seeds/sources.d/000-first.toml", &text);
    let (status, out, err) = c.check();
    assert_eq!(status, 0, "{err}");
    assert!(out.contains(", 2 sources"), "{out}");
    // Other files in sources.d are not registry files.
    c.write("seeds/sources.d/README.txt", "not toml");
    assert_eq!(c.check().0, 0);
}

#[test]
fn an_id_in_two_registry_files_names_both() {
    let c = split("more.toml");
    let beta = std::fs::read_to_string(c.path("seeds/sources.d/more.toml")).expect("read");
    c.write("seeds/sources.d/again.toml", &beta);
    c.write("seeds/sources.d/more.toml", "");
    let text = std::fs::read_to_string(c.path(SOURCES)).expect("read");
    c.write(SOURCES, &format!("{text}\n{beta}"));
    let (status, _, err) = c.check();
    assert_eq!(status, 1, "{err}");
    assert!(
        err.lines().any(|l| l.contains("sources.d/again.toml:2:")
            && l.contains("error: source id 'beta' is registered twice")),
        "{err}"
    );
    // The first registration is shown as a note, with its own line.
    assert!(
        err.lines()
            .any(|l| l.contains("seeds/sources.toml:16:6: note: first registered here")),
        "{err}"
    );
}

#[test]
fn each_registry_file_keeps_the_cap() {
    let c = split("big.toml");
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(c.path("seeds/sources.d/big.toml"))
        .expect("open");
    f.set_len(DOSSIER_CAP + 1).expect("grow");
    let (status, _, err) = c.check();
    assert_eq!(status, 1, "{err}");
    assert!(
        err.lines().any(|l| l.contains("sources.d/big.toml")
            && l.contains(&format!("more than the limit of {DOSSIER_CAP} bytes"))),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
