//! The sources view and `dossier sources` show each source under the short marker its
//! citations use, and list the sources sharing an original together, even when the
//! registry has another source between them.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use dossier::app::{Action, App, Screen, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sha2::Digest as _;

/// The good fixture with a third article, Gamma (its own original), registered between
/// alpha and beta, which share the original "Alpha News".
fn corpus() -> crate::common::Corpus {
    let c = crate::common::Corpus::new();
    let text = "Gamma Times reports nothing about Acme Corps.\n";
    let sha: String = sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    c.write("seeds/gamma.txt", text);
    c.edit(
        "seeds/sources.toml",
        "[[source]]\nid = \"beta\"",
        &format!(
            "[[source]]\nid = \"gamma\"\nfile = \"gamma.txt\"\ntitle = \"Gamma story\"\nshort = \"G\"\noutlet = \"Gamma Times\"\nlang = \"en\"\nderivation = \"original\"\nsha256 = \"{sha}\"\n\n[[source]]\nid = \"beta\""
        ),
    );
    c
}

fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let theme = Theme::default_theme(false);
    term.draw(|f| render(app, &theme, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    let mut text = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            text.push_str(buf[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_view_groups_by_original_shows_markers_and_opens_the_row_shown() {
    let c = corpus();
    let report = check(&DataRoot::Dir(c.dir.path().to_path_buf()));
    assert_eq!(report.errors(), 0, "the corpus checks");
    let beta = report
        .corpus
        .sources
        .iter()
        .position(|s| s.id == "beta")
        .unwrap();
    assert_eq!(beta, 2, "beta is third in the registry");
    let mut app = App::new(report.corpus, Keymap::default_keymap(), (100, 30));
    update(&mut app, Action::Sources);
    let s = screen(&app);
    let rows: Vec<&str> = s.lines().collect();
    let at = |t: &str| {
        rows.iter()
            .position(|l| l.contains(t))
            .unwrap_or(usize::MAX)
    };
    assert!(
        at("Alpha report") < at("Beta repost") && at("Beta repost") < at("Gamma story"),
        "alpha and beta together, gamma after them:\n{s}"
    );
    assert!(s.contains(" Sources — 3 articles, 2 originals"), "{s}");
    assert!(
        s.contains("    A · 2023-05-25 · original · alpha · Alpha News"),
        "{s}"
    );
    assert!(
        s.contains("    original (also beta): itself (Alpha News)"),
        "{s}"
    );
    assert!(s.contains("    original (also A): Alpha News"), "{s}");
    assert!(
        s.contains("    G · undated · original · gamma · Gamma Times"),
        "{s}"
    );
    // The second row is beta, so Enter there opens beta.
    update(&mut app, Action::Down);
    update(&mut app, Action::Open);
    match &app.screen {
        Screen::Reader(v) => assert_eq!(v.source, beta, "the row shown is the one opened"),
        _ => panic!("Enter on a source opens the reader"),
    }
}

#[test]
fn the_command_groups_by_original_under_markers() {
    let c = corpus();
    let out = c.cmd(&["sources"]).output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let alpha = text
        .find("── Alpha News (2 sources)\nA  alpha")
        .expect(&text);
    let beta = text.find("\nbeta  beta  undated").expect(&text);
    let gamma = text
        .find("── Gamma Times (1 source)\nG  gamma")
        .expect(&text);
    assert!(alpha < beta && beta < gamma, "{text}");
}
