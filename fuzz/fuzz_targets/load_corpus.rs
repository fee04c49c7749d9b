//! Loading and checking a corpus from arbitrary files: an article (any bytes), a sources
//! registry (any bytes, or a valid one naming the article with its real checksum, so the
//! fuzzer reaches quote anchoring) and a dossier (any bytes, or a well-formed dossier
//! whose strings are arbitrary). Checking must never panic or hang, and every rendered
//! diagnostic must be free of characters a terminal would obey.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::text::sanitize::is_unsafe;
use libfuzzer_sys::fuzz_target;
use sha2::{Digest as _, Sha256};

#[derive(Arbitrary, Debug)]
enum DossierInput {
    Raw(Vec<u8>),
    Fields {
        name: String,
        summary: String,
        alias: String,
        quote: String,
        prefix: Option<String>,
        claim: String,
        claim_quote: String,
    },
}

#[derive(Arbitrary, Debug)]
struct Input {
    article: Vec<u8>,
    registry: Option<Vec<u8>>,
    dossier: DossierInput,
}

/// A TOML basic string holding exactly `s`.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One folder per fuzzing process, its files overwritten for each input.
fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dossier-fuzz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(dir.join("seeds"));
        let _ = std::fs::create_dir_all(dir.join("dossiers/people"));
        dir
    })
}

fuzz_target!(|input: Input| {
    let dir = root();
    let _ = std::fs::write(dir.join("seeds/a.txt"), &input.article);
    let registry = input.registry.unwrap_or_else(|| {
        let sha: String = Sha256::digest(&input.article)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!(
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\ntitle = \"T\"\noutlet = \"O\"\n\
             lang = \"en\"\nderivation = \"original\"\nsha256 = \"{sha}\"\n"
        )
        .into_bytes()
    });
    let _ = std::fs::write(dir.join("seeds/sources.toml"), registry);
    let dossier = match input.dossier {
        DossierInput::Raw(bytes) => bytes,
        DossierInput::Fields {
            name,
            summary,
            alias,
            quote,
            prefix,
            claim,
            claim_quote,
        } => {
            let prefix = prefix
                .map(|p| format!(", prefix = {}", toml_str(&p)))
                .unwrap_or_default();
            format!(
                "id = \"x\"\nkind = \"person\"\nname = {}\nsummary = {}\n\n[[alias]]\nname = {}\n\
                 kind = \"nickname\"\ncite = [{{ source = \"a\", quote = {}{prefix} }}]\n\n\
                 [[claim]]\nid = \"c\"\ntext = {}\ncite = [{{ source = \"a\", quote = {} }}]\n",
                toml_str(&name),
                toml_str(&summary),
                toml_str(&alias),
                toml_str(&quote),
                toml_str(&claim),
                toml_str(&claim_quote),
            )
            .into_bytes()
        }
    };
    let _ = std::fs::write(dir.join("dossiers/people/x.toml"), dossier);
    let report = check(&DataRoot::Dir(dir.clone()));
    for d in &report.diagnostics {
        let text = d.render();
        assert!(
            !text.chars().any(|c| is_unsafe(c) && c != '\n'),
            "diagnostic leaks a control character: {text:?}"
        );
    }
    // Every resolved citation is a range of its article on character boundaries.
    for d in &report.corpus.dossiers {
        for c in d.all_cites() {
            let article = &report.corpus.sources[c.source].article.text;
            assert!(article.get(c.range.clone()).is_some(), "{:?}", c.range);
        }
    }
});
