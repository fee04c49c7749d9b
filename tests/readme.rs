//! The README's key table is the default keymap, row for row: same order, same mode,
//! the same keys (each in backticks, in the keymap's order) and the same description.
//! A binding added, removed, rebound or reworded in `assets/keymap.toml` without the
//! README following fails here, and so does a README row the keymap does not have.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use dossier::keymap::Keymap;

/// How the README names each mode in its "where" column.
fn where_column(mode: &str) -> &'static str {
    match mode {
        "global" => "Everywhere",
        "index" => "Index",
        "filter" => "Typing a filter",
        "dossier" => "Dossier",
        "reader" => "Reader",
        "search" => "Typing a search",
        "typing" => "Typing a filter or search",
        "select" => "Selecting to cite",
        "cited-by" => "Cited by",
        "sources" => "Sources",
        "disputes" => "Disputes",
        "claims" => "Claims",
        "relations" => "Relations map",
        "timeline" => "Timeline",
        other => panic!("mode {other:?} has no name in the README's key table; add one here"),
    }
}

/// The rows of the table under `### Keys`: (where, keys, what), header and rule left out.
fn readme_rows(readme: &str) -> Vec<(String, String, String)> {
    let section = readme
        .split("\n### Keys\n")
        .nth(1)
        .expect("README has a ### Keys section");
    let mut lines = section
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with('|'));
    assert_eq!(
        lines.next(),
        Some("| where | keys | what |"),
        "key table header"
    );
    assert_eq!(lines.next(), Some("|---|---|---|"), "key table rule");
    lines
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 3, "a key table row has three cells: {l}");
            (
                cells[0].to_owned(),
                cells[1].to_owned(),
                cells[2].to_owned(),
            )
        })
        .collect()
}

#[test]
fn readme_key_table_is_the_default_keymap_row_for_row() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let keymap = Keymap::default_keymap();
    assert!(!keymap.bindings.is_empty(), "the default keymap parses");
    let want: Vec<(String, String, String)> = keymap
        .bindings
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            (
                where_column(b.mode.as_str()).to_owned(),
                keys.join(" "),
                b.desc.clone(),
            )
        })
        .collect();
    let got = readme_rows(&readme);
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "README key table row {} (README, keymap)", i + 1);
    }
    assert_eq!(
        got.len(),
        want.len(),
        "README key table has {} rows, the keymap {} bindings",
        got.len(),
        want.len()
    );
}
