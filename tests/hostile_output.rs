//! The hostile fixture corpus (tests/fixtures/hostile) through every output the program
//! has, scanning the bytes that would reach a terminal for any character it would obey
//! or hide (`text::sanitize::is_unsafe`), outside the browser's own control sequences:
//!
//! - every browser view (every `Screen` variant, the passage search and the help
//!   overlay), drawn and moved through by the real backend stack (scroll backend and
//!   encoder) into memory: the choke point is the encoder's `cell_text`;
//! - every subcommand clap knows (so a new one is covered as soon as it exists: the
//!   test fails until it is given arguments here), plain and `--json`, on success and on
//!   its error paths, stdout and stderr: the choke point is `cli::out` / `cli::err`.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::CommandFactory as _;
use dossier::app::{Action, App, Screen, update};
use dossier::check::check;
use dossier::cli::Cli;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::text::sanitize::is_unsafe;
use dossier::tui::encode::scan::stray_unsafe;
use dossier::tui::scroll::{ScrollBackend, draw};
use dossier::tui::sink::MemorySink;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

// ---------------------------------------------------------------------------------------
// The browser.

/// The `Screen` variants, by name; the match has no wildcard, so a new variant does not
/// compile until it is named here, and [`ROUTES`] must then reach it.
fn variant(s: &Screen) -> &'static str {
    match s {
        Screen::Index(_) => "index",
        Screen::Dossier(_) => "dossier",
        Screen::Reader(_) => "reader",
        Screen::CitedBy(_) => "cited-by",
        Screen::Sources(_) => "sources",
        Screen::Disputes(_) => "disputes",
        Screen::Claims(_) => "claims",
        Screen::Relations(_) => "relations",
        Screen::Timeline(_) => "timeline",
    }
}

/// Every variant name [`variant`] gives.
const VARIANTS: &[&str] = &[
    "index",
    "dossier",
    "reader",
    "cited-by",
    "sources",
    "disputes",
    "claims",
    "relations",
    "timeline",
];

/// How to reach each view from a fresh browser: (what it is, the screen it lands on, the
/// actions).
fn routes() -> Vec<(&'static str, &'static str, Vec<Action>)> {
    let typed = |first: Action, text: &str| {
        let mut a = vec![first];
        a.extend(text.chars().map(Action::Input));
        a
    };
    let mut filtered = typed(Action::Filter, "night");
    filtered.push(Action::Accept);
    let mut passages = typed(Action::SearchPassages, "Night Legion");
    let mut passage_open = passages.clone();
    passage_open.extend([Action::Accept, Action::Open]);
    passages.push(Action::Accept);
    vec![
        ("index", "index", vec![]),
        ("index, filtered", "index", filtered),
        ("index, second dossier", "index", vec![Action::Down]),
        ("passage search", "index", passages),
        ("help", "index", vec![Action::Help]),
        ("dossier", "dossier", vec![Action::Open]),
        (
            "dossier, second",
            "dossier",
            vec![Action::Down, Action::Open],
        ),
        (
            "dossier, every section",
            "dossier",
            vec![
                Action::Open,
                Action::NextPane,
                Action::NextPane,
                Action::NextPane,
            ],
        ),
        (
            "reader",
            "reader",
            vec![Action::Open, Action::NextCite, Action::Open],
        ),
        ("reader from a passage", "reader", passage_open),
        (
            "reader, searching",
            "reader",
            [Action::Open, Action::NextCite, Action::Open]
                .into_iter()
                .chain(typed(Action::Search, "Legion"))
                .collect(),
        ),
        (
            "cited by",
            "cited-by",
            vec![
                Action::Open,
                Action::NextCite,
                Action::Open,
                Action::CitedBy,
            ],
        ),
        ("sources", "sources", vec![Action::Sources]),
        ("disputes", "disputes", vec![Action::Disputes]),
        ("claims", "claims", vec![Action::Claims]),
        (
            "relations",
            "relations",
            vec![Action::Open, Action::Relations],
        ),
        ("timeline", "timeline", vec![Action::Timeline]),
        (
            "help over a dossier",
            "dossier",
            vec![Action::Open, Action::Help],
        ),
    ]
}

/// The browser on the hostile corpus, drawing through the real backend stack into
/// memory at `size`.
struct Browser {
    app: App,
    term: Terminal<ScrollBackend<CrosstermBackend<MemorySink>>>,
    sink: MemorySink,
    before: Option<dossier::tui::scroll::ReaderPos>,
    theme: Theme,
}

impl Browser {
    fn new((w, h): (u16, u16)) -> Browser {
        let report = check(&DataRoot::Dir(hostile()));
        assert_eq!(report.errors(), 0, "the hostile fixture checks");
        let sink = MemorySink::default();
        let backend = ScrollBackend::with_size(CrosstermBackend::new(sink.clone()), w, h);
        Browser {
            app: App::new(report.corpus, Keymap::default_keymap(), (w, h)),
            term: Terminal::new(backend).expect("terminal"),
            sink,
            before: None,
            theme: Theme::default_theme(false),
        }
    }

    /// Draws a frame and returns the bytes it sent.
    fn frame(&mut self) -> Vec<u8> {
        let (app, theme) = (&self.app, &self.theme);
        self.before = draw(&mut self.term, app, self.before.as_ref(), |f| {
            render(app, theme, f)
        })
        .expect("draw");
        self.sink.take()
    }
}

/// Every view, at a wide and a narrow size, opened and then moved through (so frames
/// written as differences and scrolled are scanned too): no unsafe character in the
/// bytes outside the browser's own sequences.
#[test]
fn every_view_sends_no_unsafe_character() {
    let mut reached = BTreeSet::new();
    for size in [(160, 50), (80, 24)] {
        for (name, lands_on, actions) in routes() {
            let mut b = Browser::new(size);
            let mut frames = vec![(String::from("start"), b.frame())];
            for a in actions {
                update(&mut b.app, a.clone());
                frames.push((format!("{a:?}"), b.frame()));
            }
            assert_eq!(variant(&b.app.screen), lands_on, "{name}: the route");
            reached.insert(variant(&b.app.screen));
            for a in [
                Action::Down,
                Action::PageDown,
                Action::Bottom,
                Action::Up,
                Action::Top,
            ] {
                update(&mut b.app, a.clone());
                frames.push((format!("then {a:?}"), b.frame()));
            }
            for (step, bytes) in frames {
                assert_eq!(
                    stray_unsafe(&bytes),
                    Vec::<char>::new(),
                    "{name} at {size:?}, {step}: {:?}",
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
    }
    assert_eq!(
        reached.into_iter().collect::<Vec<_>>(),
        VARIANTS
            .iter()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>(),
        "every screen is reached"
    );
}

// ---------------------------------------------------------------------------------------
// The command line.

/// An argument or path a terminal would obey: an OSC that retitles the window.
const EVIL: &str = "\u{1b}]0;ARG-TITLE\u{7}\u{9b}31m\u{202e}";

/// The arguments to run subcommand `name` with, each set after `--data DIR`: what it
/// needs to print something from the corpus (plain and JSON), and its error paths with
/// hostile arguments. `tmp` is a scratch folder holding `article.txt`, a hostile
/// article. A subcommand missing here fails the test: give it its arguments.
fn argument_sets(name: &str, tmp: &Path) -> Vec<Vec<String>> {
    let path = |rel: &str| tmp.join(rel).to_string_lossy().into_owned();
    let sets: Vec<Vec<String>> = match name {
        "check" => strings(&[&[], &["--json"]]),
        "list" => strings(&[&[], &["--json"], &["--kind", "group"]]),
        "show" => strings(&[
            &["night-legion"],
            &["day-agent"],
            &["night-legion", "--json"],
            &[EVIL],
        ]),
        "search" => strings(&[
            &["Night"],
            &["crossed", "river"],
            &["Night", "--json"],
            &[EVIL],
        ]),
        "config" => strings(&[&["--print-default"]]),
        "sources" => strings(&[&[], &["--json"]]),
        "disputes" => strings(&[&[], &["--json"]]),
        "claims" => strings(&[&[], &["--single-source"], &["--json"]]),
        "export" => {
            let mut sets = strings(&[&["--format", "json"], &["--format", "ftm"]]);
            let evil_out = path(&format!("missing{EVIL}/out.json"));
            sets.push(strings(&[&["--format", "json", "--output", &evil_out]]).remove(0));
            sets
        }
        "relations" => strings(&[
            &["night-legion"],
            &["night-legion", "--json"],
            &["day-agent", "--depth", "3"],
            &[EVIL],
        ]),
        "timeline" => strings(&[&[], &["--json"]]),
        "cited-by" => strings(&[
            &["hostile:1"],
            &["hostile:1", "--json"],
            &["--quote", "Night Legion"],
            &["--quote", "Night Legion", "--json"],
            &[&format!("{EVIL}:1")],
            &["hostile:1:999"],
            &["--quote", EVIL],
            &["--quote", "x", "--source", EVIL],
        ]),
        "passages" => strings(&[&["Night", "Legion"], &["C1"], &["Night", "--json"], &[EVIL]]),
        // The curator's commands (branch issue-15); they write, so each run gets a fresh
        // copy of the corpus (see `run_all`).
        "init" => strings(&[
            &[&path(&format!("new-corpus{EVIL}"))],
            &[&path("article.txt")],
        ]),
        "add-source" => {
            let article = path("article.txt");
            strings(&[
                &[&article, "--id", "evil", "--title", EVIL, "--outlet", EVIL],
                &[&article, "--id", EVIL, "--title", "t", "--outlet", "o"],
                &[
                    &path(&format!("missing{EVIL}.txt")),
                    "--id",
                    "x",
                    "--title",
                    "t",
                    "--outlet",
                    "o",
                ],
            ])
        }
        "new" => strings(&[
            &["person", &format!("Evil{EVIL} Name")],
            &["group", "Night Legion"],
            &["place", "Somewhere", "--id", EVIL],
        ]),
        "schema" => strings(&[&["dossier"], &["sources"]]),
        "reanchor" => strings(&[&["hostile"], &["hostile", "--write"], &[EVIL]]),
        "help" => strings(&[&[], &["show"]]),
        other => panic!(
            "subcommand `{other}` has no arguments in tests/hostile_output.rs: add the ones \
             it needs to print corpus text, and its error paths"
        ),
    };
    sets
}

/// Owned argument lists.
fn strings(sets: &[&[&str]]) -> Vec<Vec<String>> {
    sets.iter()
        .map(|s| s.iter().map(|a| (*a).to_owned()).collect())
        .collect()
}

/// A fresh, writable copy of the hostile corpus inside `tmp`, in a folder whose name is
/// itself an escape sequence (so every message naming a corpus path is tested too).
fn fresh_copy(tmp: &Path, n: usize) -> PathBuf {
    let to = tmp.join(format!("corpus-{n}{EVIL}"));
    common::copy_dir(&hostile(), &to);
    to
}

/// Every character of `bytes` a terminal would obey or hide (newlines are the layout).
fn unsafe_chars(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| c != '\n' && is_unsafe(c))
        .collect()
}

/// Runs the binary with `args` (and DOSSIER_DATA set to `env_data`, which `--help`
/// shows) and asserts that neither stdout nor stderr holds an unsafe character.
fn assert_safe(args: &[String], env_data: &str) {
    let out = common::dossier()
        .env("DOSSIER_DATA", env_data)
        .args(args)
        .output()
        .expect("run");
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert_eq!(
            unsafe_chars(bytes),
            Vec::<char>::new(),
            "{args:?}, {stream}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// Every subcommand clap knows, on a fresh copy of the hostile corpus in a folder named
/// with an escape sequence, and on such a folder that does not exist; with `--help`; and
/// with an argument clap rejects: stdout and stderr hold no unsafe character.
#[test]
fn every_subcommand_prints_no_unsafe_character() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        hostile().join("seeds/hostile.txt"),
        tmp.path().join("article.txt"),
    )
    .expect("hostile article");
    let missing = tmp
        .path()
        .join(format!("corpus{EVIL}"))
        .to_string_lossy()
        .into_owned();
    let hostile_env = hostile().to_string_lossy().into_owned();
    let mut names = Vec::new();
    let mut copies = 0;
    for sub in Cli::command().get_subcommands() {
        let name = sub.get_name().to_owned();
        for set in argument_sets(&name, tmp.path()) {
            copies += 1;
            let corpus = fresh_copy(tmp.path(), copies);
            for data in [corpus.to_string_lossy().into_owned(), missing.clone()] {
                let mut args = vec!["--data".to_owned(), data, name.clone()];
                args.extend(set.iter().cloned());
                assert_safe(&args, &hostile_env);
            }
        }
        assert_safe(&[name.clone(), "--help".into()], EVIL);
        assert_safe(&[name.clone(), format!("--no-such{EVIL}")], EVIL);
        names.push(name);
    }
    // Without a subcommand: the browser refuses a pipe after checking the corpus.
    assert_safe(&["--data".into(), missing.clone()], EVIL);
    assert_safe(&["--help".into()], EVIL);
    assert_safe(&[format!("no-such-command{EVIL}")], EVIL);
    assert!(
        names.len() >= 12 && names.iter().any(|n| n == "passages"),
        "clap lists the subcommands: {names:?}"
    );
}
