//! The CLI's human output on a hostile corpus (tests/fixtures/hostile): every escape
//! sequence, C1 control, bidi or zero-width character in the article and in the dossier
//! strings is printed as a visible placeholder, never raw; `--json` escapes them so the
//! same bytes are safe on a terminal and still decode to the exact data.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::path::PathBuf;

use crate::common::{Corpus, dossier};
use dossier::text::sanitize::is_unsafe;

fn hostile() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// Runs `dossier --data tests/fixtures/hostile ARGS…`; returns (status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = dossier()
        .arg("--data")
        .arg(hostile())
        .args(args)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// Every character of `s` a terminal would obey or hide, with its position.
fn unsafe_chars(s: &str) -> Vec<(usize, char)> {
    s.char_indices()
        .filter(|&(_, c)| is_unsafe(c) && c != '\n')
        .collect()
}

#[test]
fn hostile_fixture_checks_clean() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ok: 2 dossiers"), "{out}");
}

#[test]
fn show_prints_every_attack_as_a_placeholder() {
    let (code, out, err) = run(&["show", "night-legion"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(unsafe_chars(&out), [], "{out}");
    for placeholder in [
        "Night Legion␛]0;NAME-TITLE␇",                  // OSC 0 in the name
        "␛]52;c;U1VNTUFSWQ==␇",                         // OSC 52 in the summary
        "⟨U+202E⟩GNOR⟨U+202C⟩",                         // bidi override in the summary
        "Night⟨U+200B⟩Legion",                          // zero-width space in an alias
        "backspace␈.",                                  // backspace in a note
        "Met at dawn⟨U+009B⟩31m",                       // C1 CSI in a claim
        "Lone CR␍FAKE note",                            // lone CR in a note
        "Its commander   is reversed.",                 // tab expanded
        "Variant note⟨U+009D⟩0;VAR-TITLE⟨U+009C⟩",      // C1 OSC in a variant note
        "ally␛[2J",                                     // CSI in a relation role
        "␛]8;;https://evil.example/␛\\link",            // OSC 8 hyperlink in a note
        "Hostile␛]0;SRC-TITLE␇ report",                 // source title
        "Evil⟨U+009B⟩31m Outlet",                       // source outlet
        "the Night Legion␛]0;PWNED-TITLE␇ met at dawn", // quote
        "overwritten␍FAKE and back␈␈space",             // quote with CR and backspaces
    ] {
        assert!(
            out.contains(placeholder),
            "missing {placeholder:?} in:\n{out}"
        );
    }
}

#[test]
fn list_and_search_print_placeholders() {
    let (code, out, err) = run(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(unsafe_chars(&out), [], "{out}");
    assert!(out.contains("Night Legion␛]0;NAME-TITLE␇"), "{out}");
    let (code, out, err) = run(&["search", "crossed", "river"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(unsafe_chars(&out), [], "{out}");
    assert!(out.contains("river␛]52;c;Q0xBSU0=␇"), "{out}");
}

#[test]
fn json_escapes_every_unsafe_character_and_keeps_the_data() {
    for args in [
        &["show", "night-legion", "--json"][..],
        &["list", "--json"],
        &["search", "Night", "--json"],
        &["check", "--json"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(unsafe_chars(&out), [], "{args:?}: {out}");
    }
    let (_, out, _) = run(&["show", "night-legion", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["name"], "Night Legion\u{1b}]0;NAME-TITLE\u{7}");
    assert_eq!(
        v["summary"],
        "Summary with a bidi override \u{202e}GNOR\u{202c} and OSC 52 \u{1b}]52;c;U1VNTUFSWQ==\u{7} end."
    );
}

#[test]
fn check_errors_show_hostile_values_and_file_names_as_placeholders() {
    let c = Corpus::new();
    // A dossier whose file name and contents both carry escapes, and fail to check.
    c.write(
        "dossiers/people/evil\u{1b}]0;FILE-TITLE\u{7}.toml",
        "id = \"evil\"\nkind = \"persn\u{1b}]52;c;QUJD\u{7}\"\nname = \"E\u{9b}31m\"\n",
    );
    let (code, out, err) = c.check();
    assert_eq!(code, 1, "{err}");
    assert_eq!(unsafe_chars(&out), [], "{out}");
    assert_eq!(unsafe_chars(&err), [], "{err}");
    assert!(err.contains("evil␛]0;FILE-TITLE␇.toml"), "{err}");
}

#[test]
fn every_reading_subcommand_prints_placeholders_never_raw_controls() {
    for args in [
        &["sources"][..],
        &["disputes"],
        &["claims"],
        &["relations", "night-legion"],
        &["timeline"],
        &["passages", "Night", "Legion"],
        &["passages", "C1"],
    ] {
        for json in [false, true] {
            let mut a = args.to_vec();
            if json {
                a.push("--json");
            }
            let (code, out, err) = run(&a);
            assert_eq!(code, 0, "{a:?}: {err}");
            assert_eq!(unsafe_chars(&out), [], "{a:?}: {out}");
        }
    }
    // The hostile strings are there, as placeholders, where these commands show them.
    let (_, out, _) = run(&["sources"]);
    assert!(out.contains("Hostile␛]0;SRC-TITLE␇ report"), "{out}");
    let (_, out, _) = run(&["disputes"]);
    assert!(
        out.contains("Variant note⟨U+009D⟩0;VAR-TITLE⟨U+009C⟩"),
        "{out}"
    );
    let (_, out, _) = run(&["relations", "night-legion"]);
    assert!(out.contains("ally␛[2J"), "{out}");
    let (_, out, _) = run(&["passages", "Night", "Legion"]);
    assert!(out.contains("Night Legion␛]0;PWNED-TITLE␇"), "{out}");
}

#[test]
fn export_escapes_every_unsafe_character_in_both_formats() {
    for format in ["json", "ftm"] {
        let (code, out, err) = run(&["export", "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        assert_eq!(unsafe_chars(&out), [], "{format}: {out}");
        // Still the exact data once decoded: the ESC of a name is back in a string.
        let mut strings = Vec::new();
        for line in out.lines().filter(|_| format == "ftm") {
            strings_of(
                &serde_json::from_str(line).expect("a JSON line"),
                &mut strings,
            );
        }
        if format == "json" {
            strings_of(&serde_json::from_str(&out).expect("JSON"), &mut strings);
        }
        assert!(
            strings
                .iter()
                .any(|s| s.contains("Night Legion\u{1b}]0;NAME-TITLE\u{7}")),
            "{format}: the hostile name decodes to its exact bytes"
        );
    }
}

/// Every string inside a JSON value.
fn strings_of(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings_of(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings_of(x, out)),
        _ => {}
    }
}
