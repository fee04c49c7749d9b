//! Every bundled file (and the fixture corpus) validates against the JSON Schema shipped
//! in `assets/`, read as an editor reads it: the TOML converted to JSON. A file that
//! `check` refuses for its shape (an unknown key, a word outside a vocabulary, a missing
//! key) is refused by the schema too.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("assets").join(name)).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn as_json(toml_text: &str) -> serde_json::Value {
    toml::from_str(toml_text).expect("TOML")
}

fn errors(v: &jsonschema::Validator, toml_text: &str) -> Vec<String> {
    v.iter_errors(&as_json(toml_text))
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn dossier_files(corpus: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in std::fs::read_dir(corpus.join("dossiers")).expect("dossiers/") {
        let folder = folder.expect("entry").path();
        if !folder.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&folder).expect("folder") {
            let p = f.expect("entry").path();
            if p.extension().is_some_and(|e| e == "toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_bundled_and_fixture_file_validates() {
    let dossier = validator("dossier.schema.json");
    let sources = validator("sources.schema.json");
    let mut seen = 0;
    for corpus in [root(), root().join("tests/fixtures/good")] {
        let reg = std::fs::read_to_string(corpus.join("seeds/sources.toml")).expect("registry");
        assert_eq!(
            errors(&sources, &reg),
            Vec::<String>::new(),
            "{}",
            corpus.display()
        );
        for f in dossier_files(&corpus) {
            let text = std::fs::read_to_string(&f).expect("dossier");
            assert_eq!(
                errors(&dossier, &text),
                Vec::<String>::new(),
                "{}",
                f.display()
            );
            seen += 1;
        }
    }
    assert!(seen > 90, "only {seen} dossier files found");
}

#[test]
fn the_schema_refuses_what_check_refuses_for_its_shape() {
    let dossier = validator("dossier.schema.json");
    let good = "id = \"a\"\nkind = \"person\"\nname = \"A\"\n[[claim]]\nid = \"c\"\ntext = \"T\"\ncite = [{ source = \"s\", quote = \"q\" }]\n";
    assert!(errors(&dossier, good).is_empty());
    for bad in [
        good.replace("kind = \"person\"", "kind = \"persn\""),
        good.replace("source = \"s\"", "sorce = \"s\""),
        good.replace("name = \"A\"\n", ""),
        good.replace("id = \"a\"", "id = \"Not A Slug\""),
        good.replace("[[claim]]", "date = \"23-05\"\n[[claim]]"),
    ] {
        assert!(!errors(&dossier, &bad).is_empty(), "accepted:\n{bad}");
    }
    let sources = validator("sources.schema.json");
    let entry = "[[source]]\nid = \"s\"\nfile = \"a.txt\"\ntitle = \"T\"\noutlet = \"O\"\nlang = \"en\"\nderivation = \"original\"\nsha256 = \"e0cb24283249cd2690d237087824530d76dca4dfd0b4512c8f162f8e0bbffd21\"\n";
    assert!(errors(&sources, entry).is_empty());
    for bad in [
        entry.replace("derivation = \"original\"", "derivation = \"copy\""),
        entry.replace(
            "sha256 = \"e0cb24283249cd2690d237087824530d76dca4dfd0b4512c8f162f8e0bbffd21\"\n",
            "",
        ),
        entry.replace("sha256 = \"e0cb", "sha256 = \"zzzz"),
    ] {
        assert!(!errors(&sources, &bad).is_empty(), "accepted:\n{bad}");
    }
}
