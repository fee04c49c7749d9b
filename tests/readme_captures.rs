//! The README's captures are what the program shows, so its figures (dossiers, disputed
//! claims, "N of M", citations…) cannot drift from the corpus. Each fenced block after a
//! `<!-- capture: NAME -->` line is compared with NAME's capture below: a view of the
//! browser on the bundled corpus, drawn at a fixed size after a fixed list of actions
//! (the renderers the terminal uses, proven equal to what reaches the screen by
//! `src/tui/model_tests.rs`), or a subcommand of the real binary. Lines are compared
//! without their trailing spaces.
//!
//! After a change that moves a capture, look at the new text and rewrite the README's
//! blocks from the program with
//!
//! ```sh
//! DOSSIER_BLESS_README=1 cargo test --test integration readme_captures
//! ```

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use dossier::app::{Action, App, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr as _;

/// Which lines of the screen or output a README block shows.
enum Lines {
    /// Everything.
    All,
    /// The first n lines.
    First(usize),
    /// n lines from the first one that starts with this text (after trimming).
    From(&'static str, usize),
}

/// How a capture is made.
enum Make {
    /// The browser at (width, height) after these actions.
    View((u16, u16), Vec<Action>),
    /// `dossier ARGS…` on the bundled corpus.
    Command(&'static [&'static str]),
}

/// The actions that type `text`.
fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}

/// `/` then `text`, then Enter to keep the filter (a dossier query).
fn filter(text: &str) -> Vec<Action> {
    let mut v = vec![Action::Filter];
    v.extend(typed(text));
    v
}

fn then(mut a: Vec<Action>, b: &[Action]) -> Vec<Action> {
    a.extend_from_slice(b);
    a
}

/// Every capture the README shows, by name.
fn captures() -> Vec<(&'static str, Make, Lines)> {
    use Action::*;
    vec![
        (
            "index-filter",
            Make::View((100, 30), filter("Nikit")),
            Lines::First(12),
        ),
        (
            "reader",
            Make::View((100, 30), then(filter("Nikit"), &[Accept, Open, Open])),
            Lines::First(12),
        ),
        (
            "cited-by",
            Make::View(
                (100, 14),
                then(filter("Andriy Yusov"), &[Accept, Open, Open, CitedBy]),
            ),
            Lines::All,
        ),
        ("sources", Make::View((100, 18), vec![Sources]), Lines::All),
        (
            "disputes",
            Make::View((100, 30), vec![Disputes]),
            Lines::First(18),
        ),
        (
            "claims",
            Make::View((100, 30), vec![Claims, SingleSource]),
            Lines::First(12),
        ),
        (
            "belgorod-raid",
            Make::View(
                (100, 60),
                then(filter("Belgorod raid"), &[Accept, Open, NextCite]),
            ),
            Lines::From("Claims", 12),
        ),
        (
            "relations-map",
            Make::View(
                (100, 24),
                then(
                    filter("Denis Kapustin"),
                    &[Accept, Open, Relations, Down, Down],
                ),
            ),
            Lines::All,
        ),
        (
            "relations-command",
            Make::Command(&["relations", "denis-kapustin", "--depth", "1"]),
            Lines::All,
        ),
        (
            "timeline",
            Make::View((100, 24), vec![Timeline, Down, Down, Down, Down, Down]),
            Lines::All,
        ),
        (
            "passages",
            Make::View(
                (100, 16),
                then(vec![SearchPassages], &typed("volunteer corps founded")),
            ),
            Lines::First(12),
        ),
    ]
}

/// The screen's text, one line a row, trailing spaces cut; a wide character's second
/// cell is not a character of its own.
fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let theme = Theme::default_theme(false);
    t.draw(|f| render(app, &theme, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < w {
                let s = buf[(x, y)].symbol();
                row.push_str(s);
                x += u16::try_from(s.width().max(1)).unwrap_or(1);
            }
            row.trim_end().to_owned()
        })
        .collect()
}

fn make(how: &Make) -> Vec<String> {
    match how {
        Make::View(size, actions) => {
            let report = check(&DataRoot::Bundled);
            assert_eq!(report.errors(), 0);
            let mut app = App::new(report.corpus, Keymap::default_keymap(), *size);
            for a in actions {
                update(&mut app, a.clone());
            }
            screen(&app)
        }
        Make::Command(args) => {
            let out = crate::common::dossier().args(*args).output().expect("run");
            assert!(out.status.success(), "dossier {args:?}");
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(|l| l.trim_end().to_owned())
                .collect()
        }
    }
}

fn select(lines: Vec<String>, which: &Lines) -> Vec<String> {
    match which {
        Lines::All => {
            let mut l = lines;
            while l.last().is_some_and(String::is_empty) {
                l.pop();
            }
            l
        }
        Lines::First(n) => lines.into_iter().take(*n).collect(),
        Lines::From(start, n) => {
            let at = lines
                .iter()
                .position(|l| l.trim_start().starts_with(start))
                .unwrap_or_else(|| panic!("no line starts with {start:?}:\n{}", lines.join("\n")));
            lines.into_iter().skip(at).take(*n).collect()
        }
    }
}

/// The README's block after `<!-- capture: NAME -->`: (byte range of its body, body).
fn block(readme: &str, name: &str) -> Option<(std::ops::Range<usize>, String)> {
    let marker = format!("<!-- capture: {name} -->\n");
    let at = readme.find(&marker)? + marker.len();
    let rest = &readme[at..];
    let open = rest.find("```")?;
    let body_start = at + open + rest[open..].find('\n')? + 1;
    let close = readme[body_start..].find("\n```")?;
    let body_end = body_start + close + 1;
    Some((
        body_start..body_end,
        readme[body_start..body_end].to_owned(),
    ))
}

#[test]
fn every_readme_capture_is_what_the_program_shows() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let mut readme = std::fs::read_to_string(&path).expect("README.md");
    let bless = std::env::var_os("DOSSIER_BLESS_README").is_some();
    let mut wrong = Vec::new();
    for (name, how, which) in captures() {
        let want: String = select(make(&how), &which)
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        let Some((range, have)) = block(&readme, name) else {
            panic!("README has no block after <!-- capture: {name} -->");
        };
        if have != want {
            if bless {
                readme.replace_range(range, &want);
            } else {
                wrong.push(format!(
                    "--- {name}: README\n{have}--- {name}: program\n{want}"
                ));
            }
        }
    }
    // Every marker in the README names a capture made here.
    let names: Vec<&str> = captures().iter().map(|(n, _, _)| *n).collect();
    for (i, _) in readme.match_indices("<!-- capture: ") {
        let name = readme[i + 14..].split(' ').next().unwrap_or("");
        assert!(
            names.contains(&name),
            "README marker for unknown capture {name:?}"
        );
    }
    if bless {
        std::fs::write(&path, &readme).expect("write README.md");
    }
    assert!(
        wrong.is_empty(),
        "README captures differ from the program (DOSSIER_BLESS_README=1 rewrites them):\n{}",
        wrong.join("\n")
    );
}

/// The command table's one-line `check` summary names the real number of dossiers and
/// sources.
#[test]
fn the_readme_check_summary_counts_the_bundled_corpus() {
    let out = crate::common::dossier().arg("check").output().expect("run");
    let line = String::from_utf8_lossy(&out.stdout).into_owned();
    let first = line.split(", ").next().expect("ok: N dossiers");
    let last = line
        .trim_end()
        .rsplit(", ")
        .next()
        .and_then(|l| l.split(" (").next())
        .expect("N sources");
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README.md");
    let said = format!("`{first}, … claims, … citations verified, … disputed claims, {last}`");
    assert!(readme.contains(&said), "README should say {said}");
}
