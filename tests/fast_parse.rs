//! The fast dossier parser (`model::fast`) against the `toml` crate, its reference:
//! whenever the fast path gives a result, `toml::from_str` must give the same one, every
//! span included, over every dossier of the bundled corpus, the test fixtures and a
//! synthetic corpus, and over random edits of them (bytes inserted, deleted, replaced
//! with the characters TOML treats specially). The fast path must also take the
//! ordinary files, or it would speed nothing up.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use crate::common::synth;

use std::path::Path;
use std::sync::OnceLock;

use dossier::data::{DOSSIER_CAP, DataRoot};
use dossier::model::fast::{dossier, fast_dossier};
use dossier::model::raw::RawDossier;
use proptest::prelude::*;

/// `Debug` of `Spanned` shows its span, so equal strings mean equal values and spans.
fn shown(raw: &RawDossier) -> String {
    format!("{raw:#?}")
}

/// Both parsers agree: the fast path either gives up or gives what `toml` gives.
fn agrees(text: &str) -> Result<bool, String> {
    let Some(fast) = fast_dossier(text) else {
        return Ok(false);
    };
    match toml::from_str::<RawDossier>(text) {
        Ok(reference) if shown(&reference) == shown(&fast) => Ok(true),
        Ok(reference) => Err(format!(
            "fast path differs from toml on\n{text}\nfast: {}\ntoml: {}",
            shown(&fast),
            shown(&reference)
        )),
        Err(e) => Err(format!(
            "fast path accepted what toml rejects ({e}):\n{text}"
        )),
    }
}

fn files_of(root: &DataRoot) -> Vec<String> {
    let files = root.dossier_files().expect("dossier files");
    files
        .iter()
        .filter_map(|rel| root.read_text(rel, DOSSIER_CAP).ok())
        .collect()
}

/// Every dossier text the tests start from: bundled, fixtures, a synthetic corpus.
fn corpus_texts() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut texts = files_of(&DataRoot::Bundled);
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for name in ["good", "hostile"] {
            texts.extend(files_of(&DataRoot::Dir(fixtures.join(name))));
        }
        for entry in std::fs::read_dir(fixtures.join("events")).expect("events fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "toml") && !path.ends_with("source.toml") {
                texts.push(std::fs::read_to_string(&path).expect("read fixture"));
            }
        }
        let tmp = tempfile::tempdir().expect("tempdir");
        synth::generate(&synth::Args {
            out: tmp.path().to_path_buf(),
            dossiers: 120,
            articles: 20,
            seed: 11,
            registry_part: synth::REGISTRY_PART,
        })
        .expect("generate");
        texts.extend(files_of(&DataRoot::Dir(tmp.path().to_path_buf())));
        texts
    })
}

#[test]
fn fast_path_equals_toml_on_every_corpus_file_and_takes_the_ordinary_ones() {
    let texts = corpus_texts();
    let mut taken = 0;
    for text in texts {
        if agrees(text).unwrap_or_else(|e| panic!("{e}")) {
            taken += 1;
        }
    }
    // The bundled and synthetic files are ordinary: all but a few fixtures are taken.
    assert!(
        taken * 10 >= texts.len() * 9,
        "fast path took only {taken} of {} files",
        texts.len()
    );
}

#[test]
fn a_file_the_fast_path_refuses_gets_the_toml_result() {
    let literal = "id = 'x'\nkind = \"group\"\nname = \"X\"\n";
    assert!(fast_dossier(literal).is_none());
    assert_eq!(
        dossier(literal)
            .map(|d| shown(&d))
            .map_err(|e| e.to_string()),
        toml::from_str::<RawDossier>(literal)
            .map(|d| shown(&d))
            .map_err(|e| e.to_string())
    );
    let unknown = "id = \"x\"\nkind = \"group\"\nname = \"X\"\nnmae = \"Y\"\n";
    assert!(fast_dossier(unknown).is_none());
    let (Err(ours), Err(theirs)) = (dossier(unknown), toml::from_str::<RawDossier>(unknown)) else {
        panic!("an unknown field must be an error")
    };
    assert_eq!(ours.to_string(), theirs.to_string());
}

#[test]
fn escapes_and_layout_the_fast_path_takes_match_toml() {
    let text = "# head\r\nid = \"x\"   # trailing\r\nkind=\"group\"\n\tname = \"A \\\"q\\\" \\\\ \\u00e9 \\U0001F600 \\n\\t\"\n\n[[claim]]\nid = \"c\"\ntext = \"T\"\ndisputed = false\ncite = [ # open\n  {source = \"s\",quote = \"Q\"} , # one\n\n  { quote = \"R\", source = \"s\", prefix = \"p\", suffix = \"x\", note = \"n\" },\n]\n[[claim.variant]]\nvalue = \"v\"\ncite = []\n";
    assert_eq!(agrees(text), Ok(true));
    let multi = "id = \"x\"\nkind = \"group\"\nname = \"X\"\nsummary = \"\"\"\nOne \"q\" and \"\"two\"\" \\u00e9\n\tline two\"\"\"\n";
    assert_eq!(agrees(multi), Ok(true));
}

/// A control character at any place of a long string, between escapes or not, leaves the
/// file to `toml` (the string's runs are checked a run at a time, not a byte at a time);
/// a tab is taken where `toml` takes it.
#[test]
fn a_control_character_anywhere_in_a_string_leaves_the_file_to_toml() {
    let body: Vec<char> = r"Ж long enough for vector compares \\ and \u00e9 past an escape, é"
        .chars()
        .collect();
    for at in 0..=body.len() {
        for c in ['\u{0}', '\u{8}', '\n', '\r', '\u{1f}', '\u{7f}', '\t'] {
            let mut edited = body.clone();
            edited.insert(at, c);
            let value: String = edited.into_iter().collect();
            let text = format!("id = \"x\"\nkind = \"group\"\nname = \"{value}\"\n");
            if c != '\t' {
                assert!(fast_dossier(&text).is_none(), "{c:?} at {at}: {text:?}");
            } else if at == 0 || at == body.len() {
                assert_eq!(agrees(&text), Ok(true), "{text:?}");
            } else {
                // Inside an escape it is a bad escape, which `toml` alone reports.
                assert!(agrees(&text).is_ok(), "{text:?}");
            }
        }
    }
}

/// A string value as a dossier author (or an attacker) might write it: basic, multi-line
/// or literal, with ordinary text, escapes good and bad, quotes and control characters.
fn value() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a",
        "Ж é",
        " ",
        "\t",
        "\"",
        "\"\"",
        "\\\"",
        "\\\\",
        "\\n",
        "\\t",
        "\\u00e9",
        "\\U0001F600",
        "\\uD800",
        "\\u12",
        "\\b",
        "\\e",
        "\\x41",
        "\\ \n",
        "\n",
        "\r\n",
        "\r",
        "\u{0}",
        "\u{7f}",
        "'",
        "#",
        "]",
        "}",
        ",",
    ]);
    let body = prop::collection::vec(piece, 0..6).prop_map(|p| p.concat());
    (0..6usize, body).prop_map(|(form, b)| match form {
        0 | 1 => format!("\"{b}\""),
        2 => format!("\"\"\"{b}\"\"\""),
        3 => format!("\"\"\"\n{b}\"\"\"\""),
        4 => format!("'{b}'"),
        _ => ["true", "false", "1", "[]", "\"\"\"\"\"\""][b.len() % 5].to_owned(),
    })
}

/// A citation array: inline tables with known, unknown, missing and repeated keys.
fn cites() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "source", "quote", "quote", "source", "prefix", "suffix", "note", "sauce", "quote",
    ]);
    let table = prop::collection::vec((key, value()), 0..4).prop_map(|kv| {
        let fields: Vec<String> = kv.iter().map(|(k, v)| format!("{k} = {v}")).collect();
        format!("{{ {} }}", fields.join(", "))
    });
    let sep = prop::sample::select(vec![", ", ",\n  ", " ,", ",\n# c\n", " "]);
    (prop::collection::vec((table, sep), 0..3), any::<bool>()).prop_map(|(items, nl)| {
        let inner: String = items.iter().map(|(t, s)| format!("{t}{s}")).collect();
        if nl {
            format!("[\n  {inner}\n]")
        } else {
            format!("[{inner}]")
        }
    })
}

/// A line of a dossier file: a header, a key with a value, a comment or nothing.
fn line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "id", "kind", "name", "summary", "date", "text", "value", "note", "disputed", "type",
        "target", "role", "nmae", "\"id\"", "a.b", "id ",
    ]);
    let header = prop::sample::select(vec![
        "[[alias]]",
        "[[claim]]",
        "[[claim.variant]]",
        "[[relation]]",
        "[claim]",
        "[[ claim ]]",
        "[[alias.cite]]",
        "[[claim]] # c",
        "[[claim]]x",
    ]);
    prop_oneof![
        4 => (key, value()).prop_map(|(k, v)| format!("{k} = {v}")),
        2 => cites().prop_map(|c| format!("cite = {c}")),
        2 => header.prop_map(str::to_owned),
        1 => Just("# comment \t é".to_owned()),
        1 => Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// A valid skeleton with random values in its slots and random lines between, so a
    /// good share of the documents stays within what the fast path takes.
    #[test]
    fn generated_documents_never_make_the_fast_path_differ_from_toml(
        slots in (value(), value(), value(), cites()),
        lines in prop::collection::vec(line(), 0..3),
        crlf in any::<bool>(),
    ) {
        let (name, text, note, cites) = slots;
        let mut extra = lines.into_iter();
        let mut more = || extra.next().unwrap_or_default();
        let doc = format!(
            "id = \"x\"\nkind = \"group\"\nname = {name}\n{}\n[[claim]]\nid = \"c\"\ntext = {text}\ncite = {cites}\n{}\n[[claim.variant]]\nvalue = \"v\"\nnote = {note}\n{}\n",
            more(), more(), more()
        );
        let doc = if crlf { doc.replace('\n', "\r\n") } else { doc };
        prop_assert!(agrees(&doc).is_ok(), "{}", agrees(&doc).err().unwrap_or_default());
    }
}

/// Characters that mean something to TOML, and a few that must not appear unescaped.
fn edit_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '"', '\'', '\\', '[', ']', '{', '}', ',', '=', '.', '#', ' ', '\t', '\n', '\r', 'u', 'U',
        'n', 't', 'e', 'x', '0', 'a', '\u{0}', '\u{7f}', '\u{1f}', 'é', '\u{feff}',
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_edits_never_make_the_fast_path_differ_from_toml(
        file in any::<prop::sample::Index>(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..3usize, edit_char(), 0..4usize), 1..4),
    ) {
        let texts = corpus_texts();
        let mut text: Vec<char> = texts[file.index(texts.len())].chars().collect();
        for (at, op, c, len) in edits {
            let i = at.index(text.len() + 1);
            match op {
                0 => text.insert(i, c),
                1 => {
                    let end = (i + len).min(text.len());
                    text.drain(i..end);
                }
                _ => {
                    if i < text.len() {
                        text[i] = c;
                    }
                }
            }
        }
        let text: String = text.into_iter().collect();
        prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).err().unwrap_or_default());
    }
}
