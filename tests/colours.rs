//! The default theme promises the 16 ANSI colours, so every colour a frame sends must be
//! one of the SGR codes every supported terminal knows (30–37, 90–97 and 40–47, 100–107):
//! TERM=linux and screen have no `38;5;n`. Frames of the real backend stack, bundled
//! corpus, default theme, several views.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use dossier::app::{Action, App, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::tui::scroll::{ScrollBackend, draw};
use dossier::tui::sink::MemorySink;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The parameters of every SGR sequence (`CSI … m`) in `bytes`.
fn sgr_params(bytes: &[u8]) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0x1b && bytes[i + 1] == b'[' {
            let start = i + 2;
            let mut j = start;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b';') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'm' {
                let text = std::str::from_utf8(&bytes[start..j]).unwrap();
                out.push(
                    text.split(';')
                        .map(|p| if p.is_empty() { 0 } else { p.parse().unwrap() })
                        .collect(),
                );
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Frames of the index, a dossier, the sources, disputes and timeline views at 120×40.
fn frames() -> Vec<(String, Vec<u8>)> {
    let report = check(&DataRoot::Bundled);
    assert_eq!(report.errors(), 0, "the bundled corpus checks");
    let (w, h) = (120, 40);
    let theme = Theme::default_theme(false);
    let routes: Vec<(&str, Vec<Action>)> = vec![
        ("index", vec![]),
        ("dossier", vec![Action::Open]),
        ("reader", vec![Action::Open, Action::Open]),
        ("sources", vec![Action::Sources]),
        ("disputes", vec![Action::Disputes]),
        ("timeline", vec![Action::Timeline]),
    ];
    let mut out = Vec::new();
    for (name, actions) in routes {
        let sink = MemorySink::default();
        let backend = ScrollBackend::with_size(CrosstermBackend::new(sink.clone()), w, h);
        let mut term = Terminal::new(backend).expect("terminal");
        let mut app = App::new(report.corpus.clone(), Keymap::default_keymap(), (w, h));
        for a in actions {
            update(&mut app, a);
        }
        draw(&mut term, &app, None, |f| render(&app, &theme, f)).expect("draw");
        out.push((name.to_owned(), sink.take()));
    }
    out
}

#[test]
fn frames_of_the_default_theme_use_only_the_16_colour_codes() {
    let mut bright = false;
    for (name, bytes) in frames() {
        for params in sgr_params(&bytes) {
            let mut k = 0;
            while k < params.len() {
                let p = params[k];
                assert!(
                    !matches!(p, 38 | 48 | 58),
                    "{name}: an extended colour ({params:?}) where the 16-colour codes do"
                );
                assert!(
                    matches!(p, 0..=9 | 21..=29 | 30..=37 | 39 | 40..=47 | 49 | 59 | 90..=97 | 100..=107),
                    "{name}: SGR parameter {p} in {params:?}"
                );
                bright |= matches!(p, 90..=97 | 100..=107);
                k += 1;
            }
        }
    }
    // darkgray (dim text) and lightred/lightblue (event and place letters) are bright
    // colours: the frames must carry them, as 90–97.
    assert!(bright, "no bright colour in any frame");
}
