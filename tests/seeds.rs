//! The bundled articles are byte-identical to the shared originals (citations and
//! checksums depend on every byte), and every one is registered.
#![allow(clippy::disallowed_macros)] // a skipped test says so on the console
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use std::path::Path;

#[test]
fn seeds_match_shared_originals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/seeds");
    if !shared.is_dir() {
        eprintln!("../shared/seeds not present; skipping the comparison");
        return;
    }
    let mut compared = 0;
    for entry in std::fs::read_dir(&shared).expect("read shared seeds") {
        let entry = entry.expect("entry");
        let name = entry.file_name();
        let ours = std::fs::read(root.join("seeds").join(&name))
            .unwrap_or_else(|e| panic!("seeds/{name:?} missing: {e}"));
        let theirs = std::fs::read(entry.path()).expect("read shared seed");
        assert!(
            ours == theirs,
            "seeds/{name:?} differs from ../shared/seeds"
        );
        compared += 1;
    }
    assert_eq!(compared, 5);
}

#[test]
fn every_article_is_registered() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let registry = std::fs::read_to_string(root.join("seeds/sources.toml")).expect("sources.toml");
    for entry in std::fs::read_dir(root.join("seeds")).expect("seeds") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".txt") {
            assert!(
                registry.contains(&format!("file = \"{name}\"")),
                "{name} is not in seeds/sources.toml"
            );
        }
    }
}
