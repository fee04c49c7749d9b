//! Every rule of `dossier check`, proven on a broken copy of the good fixture corpus:
//! each case makes one edit and asserts the exit status and the located message
//! (`path:line:col: severity: message`).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use crate::common;

use crate::common::Corpus;

/// Asserts that `check` exits `code` and that some diagnostic line is
/// `<...>/<file>:<line>:<col>: <severity>: <message…>` with the message starting as given.
fn expect(c: &Corpus, code: i32, file: &str, line: usize, severity: &str, message: &str) {
    let (status, out, err) = c.check();
    assert_eq!(status, code, "exit status; stdout:\n{out}\nstderr:\n{err}");
    let found = err.lines().any(|l| {
        if line == 0 {
            return l.contains(&format!("{file}: {severity}: {message}"));
        }
        let Some((loc, rest)) = l.split_once(&format!(": {severity}: ")) else {
            return false;
        };
        let mut parts = loc.rsplitn(3, ':');
        let _col = parts.next();
        let got_line = parts.next().and_then(|n| n.parse::<usize>().ok());
        let path = parts.next().unwrap_or("");
        path.ends_with(file) && got_line == Some(line) && rest.starts_with(message)
    });
    assert!(
        found,
        "expected {file}:{line}: {severity}: {message}\n--- stderr:\n{err}"
    );
}

const JANE: &str = "dossiers/people/jane-doe.toml";
const ACME: &str = "dossiers/groups/acme-corps.toml";
const SOURCES: &str = "seeds/sources.toml";

#[test]
fn good_corpus_passes_with_summary() {
    let c = Corpus::new();
    let (status, out, err) = c.check();
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out.trim(),
        "ok: 2 dossiers, 5 claims, 9 citations verified, 1 disputed claim, 2 sources"
    );
}

#[test]
fn unknown_field() {
    let c = Corpus::new();
    c.edit(
        JANE,
        r#"quote = "Jane Doe, 41" }"#,
        r#"quote = "Jane Doe, 41", sorce = "x" }"#,
    );
    expect(
        &c,
        1,
        JANE,
        14,
        "error",
        "unknown field 'sorce'; expected one of source, quote, prefix, suffix, note",
    );
}

#[test]
fn missing_field() {
    let c = Corpus::new();
    c.edit(JANE, "name = \"Jane Doe\"\n", "");
    expect(&c, 1, JANE, 1, "error", "missing field 'name'");
}

#[test]
fn toml_syntax_error_is_located() {
    let c = Corpus::new();
    c.edit(JANE, "role = \"founder\"", "role = \"founder");
    expect(
        &c,
        1,
        JANE,
        19,
        "error",
        "invalid basic string; expected '\"'",
    );
}

#[test]
fn id_must_equal_file_stem() {
    let c = Corpus::new();
    c.edit(ACME, "id = \"acme-corps\"", "id = \"acme\"");
    expect(
        &c,
        1,
        ACME,
        1,
        "error",
        "id 'acme' does not match file name 'acme-corps.toml'",
    );
}

#[test]
fn ids_unique_across_folders() {
    let c = Corpus::new();
    let text = std::fs::read_to_string(c.path(JANE)).unwrap_or_default();
    c.write("dossiers/xpeople/jane-doe.toml", &text);
    expect(
        &c,
        1,
        "dossiers/xpeople/jane-doe.toml",
        1,
        "error",
        "id 'jane-doe' is also used by",
    );
}

#[test]
fn kind_must_be_known_and_match_folder() {
    let c = Corpus::new();
    c.edit(JANE, "kind = \"person\"", "kind = \"persn\"");
    expect(
        &c,
        1,
        JANE,
        2,
        "error",
        "unknown kind 'persn'; expected one of person, group",
    );
    let c = Corpus::new();
    c.edit(JANE, "kind = \"person\"", "kind = \"group\"");
    expect(
        &c,
        1,
        JANE,
        2,
        "error",
        "kind 'group' but the file is in dossiers/people/",
    );
}

#[test]
fn unknown_source() {
    let c = Corpus::new();
    c.edit(
        JANE,
        r#"source = "beta", quote = "Jane Doe, 41" }"#,
        r#"source = "gamma", quote = "Jane Doe, 41" }"#,
    );
    expect(
        &c,
        1,
        JANE,
        14,
        "error",
        "unknown source 'gamma'; known: alpha, beta",
    );
}

#[test]
fn source_file_must_be_plain_name() {
    let c = Corpus::new();
    c.edit(
        SOURCES,
        "file = \"beta.txt\"",
        "file = \"../../etc/passwd\"",
    );
    expect(
        &c,
        1,
        SOURCES,
        16,
        "error",
        "source file '../../etc/passwd' must be a plain file name inside seeds/",
    );
}

#[cfg(unix)]
#[test]
fn source_file_symlink_out_of_seeds_is_refused() {
    let c = Corpus::new();
    let outside = c.path("outside.txt");
    std::fs::write(&outside, "secret").unwrap_or_default();
    std::os::unix::fs::symlink(&outside, c.path("seeds/link.txt")).unwrap_or_default();
    c.edit(SOURCES, "file = \"beta.txt\"", "file = \"link.txt\"");
    expect(&c, 1, SOURCES, 16, "error", "");
    let (_, _, err) = c.check();
    assert!(err.contains("outside the corpus folder seeds/"), "{err}");
    assert!(!err.contains("secret"));
}

#[cfg(unix)]
#[test]
fn fifo_article_is_refused_without_hanging() {
    let c = Corpus::new();
    let fifo = c.path("seeds/beta.txt");
    std::fs::remove_file(&fifo).unwrap_or_default();
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system
    }
    let out = c
        .cmd(&["check"])
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("is not a regular file (it is a FIFO)"),
        "{err}"
    );
}

#[test]
fn article_checksum_must_match() {
    let c = Corpus::new();
    let p = c.path("seeds/beta.txt");
    let mut text = std::fs::read_to_string(&p).unwrap_or_default();
    text.push_str("An extra line.\n");
    std::fs::write(&p, text).unwrap_or_default();
    expect(
        &c,
        1,
        SOURCES,
        22,
        "error",
        "seeds/beta.txt changed since it was registered (sha256 ",
    );
}

#[test]
fn quote_not_found_suggests_closest_passage() {
    let c = Corpus::new();
    c.edit(
        JANE,
        r#"quote = "Jane Doe, 41" }"#,
        r#"quote = "Jane Doe, 42" }"#,
    );
    expect(
        &c,
        1,
        JANE,
        14,
        "error",
        "quote not found in beta; closest passage (line 1): \"Jane Doe, 41,\"",
    );
}

#[test]
fn quote_must_be_unique() {
    let c = Corpus::new();
    c.edit(JANE, r#", suffix = "Jane Doe" }"#, " }");
    expect(
        &c,
        1,
        JANE,
        9,
        "error",
        "quote occurs 2 times in alpha (lines 3, 5); add prefix or suffix",
    );
}

#[test]
fn prefix_and_suffix_must_be_adjacent() {
    let c = Corpus::new();
    c.edit(
        JANE,
        r#"quote = "Jane Doe, 41" }"#,
        r#"quote = "Jane Doe, 41", prefix = "Acme" }"#,
    );
    expect(
        &c,
        1,
        JANE,
        14,
        "error",
        "prefix \"Acme\" does not immediately precede the quote",
    );
    let c = Corpus::new();
    c.edit(
        JANE,
        r#"suffix = "Jane Doe" }"#,
        r#"suffix = "The group" }"#,
    );
    expect(
        &c,
        1,
        JANE,
        9,
        "error",
        "suffix \"The group\" does not immediately follow the quote",
    );
}

#[test]
fn everything_must_be_cited() {
    let c = Corpus::new();
    c.edit(
        JANE,
        r#"cite = [{ source = "beta", quote = "Jane Doe, 41" }]"#,
        "cite = []",
    );
    expect(&c, 1, JANE, 12, "error", "claim 'age' has no citation");
    let c = Corpus::new();
    c.edit(
        ACME,
        r#"cite = [{ source = "beta", quote = "Acme Corps (AC)" }]"#,
        "",
    );
    expect(&c, 1, ACME, 7, "error", "alias 'AC' has no citation");
    let c = Corpus::new();
    c.edit(
        JANE,
        r#"cite = [{ source = "beta", quote = "Jane Doe, 41, leads it." }]"#,
        "",
    );
    expect(
        &c,
        1,
        JANE,
        17,
        "error",
        "relation 'leads' → 'acme-corps' has no citation",
    );
    let c = Corpus::new();
    c.edit(
        ACME,
        r#"cite = [{ source = "beta", quote = "3,000 members" }]"#,
        "",
    );
    expect(
        &c,
        1,
        ACME,
        34,
        "error",
        "variant '3,000' of claim 'size' has no citation",
    );
}

#[test]
fn alias_must_occur_in_its_quote() {
    let c = Corpus::new();
    c.edit(
        ACME,
        r#"quote = "Acme Corps (AC)""#,
        r#"quote = "Acme Corps""#,
    );
    expect(
        &c,
        1,
        ACME,
        9,
        "error",
        "alias 'AC' does not occur in its cited quote",
    );
}

#[test]
fn relation_target_must_exist_with_suggestions() {
    let c = Corpus::new();
    c.edit(JANE, "target = \"acme-corps\"", "target = \"acme-corp\"");
    expect(
        &c,
        1,
        JANE,
        18,
        "error",
        "no dossier 'acme-corp' (did you mean 'acme-corps'?)",
    );
    let c = Corpus::new();
    c.edit(JANE, "target = \"acme-corps\"", "target = \"ac\"");
    expect(
        &c,
        1,
        JANE,
        18,
        "error",
        "no dossier 'ac' (did you mean 'acme-corps', which has alias 'AC'?)",
    );
}

#[test]
fn disputed_claims_need_two_variants_and_only_they_have_variants() {
    let c = Corpus::new();
    c.edit(ACME, "[[claim.variant]]\nvalue = \"3,000\"\nnote = \"Probably a translation error adding a zero.\"\ncite = [{ source = \"beta\", quote = \"3,000 members\" }]\n", "");
    expect(
        &c,
        1,
        ACME,
        27,
        "error",
        "claim 'size' is disputed but has 1 variant",
    );
    let c = Corpus::new();
    c.edit(ACME, "disputed = true\n", "");
    expect(
        &c,
        1,
        ACME,
        27,
        "error",
        "claim 'size' has variants but is not disputed",
    );
}

#[test]
fn dates_must_be_well_formed() {
    let c = Corpus::new();
    c.edit(
        SOURCES,
        "published = \"2023-05-25\"",
        "published = \"23-05\"",
    );
    expect(
        &c,
        1,
        SOURCES,
        9,
        "error",
        "published '23-05' is not YYYY[-MM[-DD]]",
    );
}

#[test]
fn no_empty_or_padded_strings() {
    let c = Corpus::new();
    c.edit(JANE, "name = \"Jane Doe\"", "name = \" Jane Doe\"");
    expect(
        &c,
        1,
        JANE,
        3,
        "error",
        "name has leading or trailing spaces",
    );
    let c = Corpus::new();
    c.edit(JANE, r#"quote = "Jane Doe, 41" }"#, r#"quote = "" }"#);
    expect(&c, 1, JANE, 14, "error", "quote is empty");
}

#[test]
fn warnings_do_not_fail() {
    let c = Corpus::new();
    c.write("seeds/gamma.txt", "Nothing cites this.\n");
    let mut reg = std::fs::read_to_string(c.path(SOURCES)).unwrap_or_default();
    reg.push_str(&format!(
        "\n[[source]]\nid = \"gamma\"\nfile = \"gamma.txt\"\ntitle = \"G\"\noutlet = \"G\"\nlang = \"en\"\nderivation = \"original\"\nsha256 = \"{}\"\n",
        dossier::check::sha256_hex(b"Nothing cites this.\n")
    ));
    c.write(SOURCES, &reg);
    expect(
        &c,
        0,
        "seeds/gamma.txt",
        0,
        "warning",
        "source 'gamma' is cited nowhere",
    );

    let c = Corpus::new();
    c.edit(JANE, "[[claim]]\nid = \"photo\"", "[[alias]]\nname = \"AC\"\nkind = \"abbreviation\"\ncite = [{ source = \"beta\", quote = \"Acme Corps (AC)\" }]\n\n[[claim]]\nid = \"photo\"");
    expect(
        &c,
        0,
        JANE,
        7,
        "warning",
        "alias 'AC' is also a name or alias of 'acme-corps'",
    );
}

#[test]
fn all_problems_are_collected_sorted_and_counted() {
    let c = Corpus::new();
    c.edit(JANE, "target = \"acme-corps\"", "target = \"nobody\"");
    c.edit(ACME, "kind = \"group\"", "kind = \"band\"");
    c.edit(JANE, "kind = \"person\"", "kind = \"human\"");
    let (status, _, err) = c.check();
    assert_eq!(status, 1);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].contains("acme-corps.toml:2:"), "{err}");
    assert!(lines[1].contains("jane-doe.toml:2:"), "{err}");
    assert!(lines[2].contains("jane-doe.toml:18:"), "{err}");
    assert!(
        err.trim_end()
            .ends_with("error: 3 errors found; the corpus does not check"),
        "{err}"
    );
}

#[test]
fn diagnostics_show_the_line_and_a_caret() {
    let c = Corpus::new();
    c.edit(JANE, "kind = \"person\"", "kind = \"persn\"");
    let (_, _, err) = c.check();
    assert!(
        err.contains("2 | kind = \"persn\"\n  |        ^^^^^^^\n  = help: did you mean 'person'?"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_dossier_is_named() {
    let c = Corpus::new();
    std::fs::write(c.path(JANE), b"id = \"jane-doe\"\nname = \"\xff\"\n").unwrap_or_default();
    expect(
        &c,
        1,
        JANE,
        0,
        "error",
        "is not valid UTF-8 (bad byte at offset 24, line 2)",
    );
}

// ---- events and places ----

use crate::common::{EVENT, PLACE};

#[test]
fn events_and_places_pass() {
    let c = Corpus::with_events();
    let (status, out, err) = c.check();
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("ok: 4 dossiers"), "{out}");
}

#[test]
fn unknown_kind_lists_all_four() {
    let c = Corpus::with_events();
    c.edit(EVENT, "kind = \"event\"", "kind = \"raid\"");
    expect(
        &c,
        1,
        EVENT,
        2,
        "error",
        "unknown kind 'raid'; expected one of person, group, event, place",
    );
}

#[test]
fn event_and_place_must_sit_in_their_folders() {
    let c = Corpus::with_events();
    let text = std::fs::read_to_string(c.path(PLACE)).unwrap();
    std::fs::remove_file(c.path(PLACE)).unwrap();
    c.write("dossiers/events/northtown.toml", &text);
    expect(
        &c,
        1,
        "dossiers/events/northtown.toml",
        2,
        "error",
        "kind 'place' but the file is in dossiers/events/",
    );
    let (_, _, err) = c.check();
    assert!(
        err.contains("help: move the file to dossiers/places/"),
        "{err}"
    );
}

#[test]
fn relation_types_must_fit_the_kinds_at_each_end() {
    let c = Corpus::with_events();
    // A place cannot be located in an event.
    c.edit(
        EVENT,
        "type = \"located-in\"\ntarget = \"northtown\"",
        "type = \"took-part-in\"\ntarget = \"northtown\"",
    );
    expect(
        &c,
        1,
        EVENT,
        25,
        "error",
        "relation 'took-part-in' from an event to the place 'northtown'",
    );
    let (_, _, err) = c.check();
    assert!(
        err.contains("help: 'took-part-in' goes from a person or group to an event"),
        "{err}"
    );

    let c = Corpus::with_events();
    c.edit(JANE, "type = \"leads\"", "type = \"located-in\"");
    expect(
        &c,
        1,
        JANE,
        17,
        "error",
        "relation 'located-in' from a person to the group 'acme-corps'",
    );

    let c = Corpus::with_events();
    c.edit(JANE, "target = \"acme-corps\"", "target = \"northtown\"");
    expect(
        &c,
        1,
        JANE,
        17,
        "error",
        "relation 'leads' from a person to the place 'northtown'",
    );
}

#[test]
fn event_date_must_be_a_claims_date_and_only_on_events() {
    let c = Corpus::with_events();
    c.edit(
        EVENT,
        "date = \"2023-06-03\"\nsummary",
        "date = \"2023-06\"\nsummary",
    );
    expect(
        &c,
        1,
        EVENT,
        4,
        "error",
        "date '2023-06' is not the date of any claim",
    );

    let c = Corpus::with_events();
    c.edit(
        EVENT,
        "date = \"2023-06-03\"\nsummary",
        "date = \"2023-06-31\"\nsummary",
    );
    expect(
        &c,
        1,
        EVENT,
        4,
        "error",
        "date '2023-06-31' is not YYYY[-MM[-DD]]",
    );

    let c = Corpus::with_events();
    c.edit(
        PLACE,
        "name = \"Northtown\"",
        "name = \"Northtown\"\ndate = \"2023\"",
    );
    expect(&c, 1, PLACE, 4, "error", "a place has no date");
}

#[test]
fn claim_and_variant_dates_must_be_real_days() {
    let c = Corpus::new();
    c.edit(
        ACME,
        "text = \"Founded in May 2022 by Jane Doe.\"",
        "text = \"Founded in May 2022 by Jane Doe.\"\ndate = \"2023-02-30\"",
    );
    expect(
        &c,
        1,
        ACME,
        19,
        "error",
        "date '2023-02-30' is not YYYY[-MM[-DD]]",
    );
    let c = Corpus::new();
    c.edit(
        ACME,
        "value = \"3,000\"",
        "value = \"3,000\"\ndate = \"May 2022\"",
    );
    expect(
        &c,
        1,
        ACME,
        35,
        "error",
        "date 'May 2022' is not YYYY[-MM[-DD]]",
    );
}

/// Every diagnostic with two places (`tests/fixtures/duplicates`: an id used by two
/// dossier files, an alias listed twice, an alias another dossier has, a claim id and a
/// source id used twice) shows both, each with its line and underline: the second as a
/// note, rustc's "first defined here".
#[test]
fn a_duplicate_shows_both_places_each_with_its_line_and_caret() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/duplicates");
    let out = common::dossier()
        .arg("--data")
        .arg(&dir)
        .arg("check")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.display()), "");
    for block in [
        "dossiers/people/jane-doe.toml:1:6: error: id 'jane-doe' is also used by dossiers/groups/jane-doe.toml
  |
1 | id = \"jane-doe\"
  |      ^^^^^^^^^^
dossiers/groups/jane-doe.toml:1:6: note: first defined here
  |
1 | id = \"jane-doe\"
  |      ----------
  = help: every dossier needs its own id
",
        "dossiers/people/jane-doe.toml:12:8: error: alias 'JD' is listed twice
   |
12 | name = \"JD\"
   |        ^^^^
dossiers/people/jane-doe.toml:7:8: note: first listed here
   |
7  | name = \"JD\"
   |        ----
  = help: keep one [[alias]] and cite every source that uses the spelling in it
",
        "dossiers/people/jane-doe.toml:17:8: warning: alias 'AC' is also a name or alias of 'acme-corps'
   |
17 | name = \"AC\"
   |        ^^^^
dossiers/groups/acme-corps.toml:7:8: note: 'acme-corps' has it here
   |
7  | name = \"AC\"
   |        ----
",
        "dossiers/people/jane-doe.toml:27:6: error: claim id 'founder' is used twice in this file
   |
27 | id = \"founder\"
   |      ^^^^^^^^^
dossiers/people/jane-doe.toml:22:6: note: first used here
   |
22 | id = \"founder\"
   |      ---------
  = help: give each claim its own id
",
        "seeds/sources.toml:13:6: error: source id 'alpha' is registered twice
   |
13 | id = \"alpha\"
   |      ^^^^^^^
seeds/sources.toml:4:6: note: first registered here
   |
4  | id = \"alpha\"
   |      -------
  = help: give each [[source]] its own id
",
    ] {
        assert!(err.contains(block), "missing:\n{block}\n--- stderr:\n{err}");
    }
    assert!(
        err.ends_with("error: 4 errors and 1 warning found; the corpus does not check\n"),
        "{err}"
    );

    // The JSON form names the second place too.
    let out = common::dossier()
        .arg("--data")
        .arg(&dir)
        .args(["check", "--json"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let dup = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("id 'jane-doe'"))
        })
        .expect("the duplicate id diagnostic");
    assert_eq!(dup["line"], 1);
    let note = &dup["notes"][0];
    assert!(
        note["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("dossiers/groups/jane-doe.toml")),
        "{note}"
    );
    assert_eq!(
        (note["line"].clone(), note["column"].clone()),
        (1.into(), 6.into())
    );
    assert_eq!(note["message"], "first defined here");
}

const ACME_SUMMARY: &str = "A group founded in May 2022 by Jane Doe [founded]; its size is reported inconsistently [size].";

#[test]
fn summary_sentence_without_a_reference() {
    let c = Corpus::new();
    c.edit(
        ACME,
        ACME_SUMMARY,
        "A group founded in May 2022 by Jane Doe [founded]. Its size is reported inconsistently.",
    );
    // Line 4, column 65: the sentence, not the summary's opening quotes.
    let (status, _, err) = c.check();
    assert_eq!(status, 1, "{err}");
    assert!(
        err.contains(
            "acme-corps.toml:4:65: error: summary sentence cites no claim: \"Its size is reported inconsistently.\""
        ),
        "{err}"
    );
    assert!(
        err.contains("help: end it with the ids of the claims"),
        "{err}"
    );

    // A reference after the full stop belongs to the next sentence, not this one.
    let c = Corpus::new();
    c.edit(
        ACME,
        ACME_SUMMARY,
        "Founded by Jane Doe. [founded] Its size varies [size].",
    );
    expect(
        &c,
        1,
        ACME,
        4,
        "error",
        "summary sentence cites no claim: \"Founded by Jane Doe.\"",
    );
}

#[test]
fn summary_reference_to_an_unknown_claim() {
    let c = Corpus::new();
    c.edit(ACME, "Jane Doe [founded]", "Jane Doe [fouded]");
    let (status, _, err) = c.check();
    assert_eq!(status, 1, "{err}");
    assert!(
        err.contains(
            "acme-corps.toml:4:54: error: summary refers to no claim 'fouded' (did you mean 'founded'?)"
        ),
        "{err}"
    );
    // One of several ids.
    let c = Corpus::new();
    c.edit(ACME, "[size]", "[size, crossed-borders]");
    expect(
        &c,
        1,
        ACME,
        4,
        "error",
        "summary refers to no claim 'crossed-borders' (did you mean 'crossed-border'?)",
    );
}

#[test]
fn summary_sentence_naming_another_dossier_needs_a_claim_that_names_it() {
    let c = Corpus::new();
    // "Acme Corps" is another dossier's name; the claim `age` does not name it.
    c.edit(
        JANE,
        "Aged 41 [age]; pictured on the left of a photo [photo].",
        "Aged 41 [age], she leads the Acme Corps.",
    );
    expect(
        &c,
        0,
        JANE,
        4,
        "warning",
        "summary sentence names 'Acme Corps' (acme-corps) but no claim it cites (age) does",
    );
    // By an alias too; and not when the dossier's own spelling contains the other name.
    let c = Corpus::new();
    c.edit(
        JANE,
        "Aged 41 [age]; pictured on the left of a photo [photo].",
        "Aged 41, she leads AC [age].",
    );
    expect(
        &c,
        0,
        JANE,
        4,
        "warning",
        "summary sentence names 'AC' (acme-corps) but no claim it cites (age) does",
    );
    // The good corpus names Jane Doe in Acme's summary, backed by `founded`, which
    // names her: no warning.
    let (status, _, err) = Corpus::new().check();
    assert_eq!(status, 0);
    assert!(!err.contains("summary sentence names"), "{err}");
}
