//! Rendering arbitrary text at arbitrary sizes: the text is wrapped and drawn with a
//! highlight as the reader draws an article, then typed into the browser's filter and
//! searched for in an article, the whole screen drawn at any size from 0×0 to 300×100.
//! Nothing may panic, and no cell of the screen may hold a character a terminal would
//! obey.

#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use dossier::geometry::wrap::wrap;
use dossier::app::{Action, App, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::model::Corpus;
use dossier::text::sanitize::is_unsafe;
use dossier::ui::text::styled;
use dossier::ui::{Theme, render};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget as _};

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    width: u16,
    height: u16,
    wrap_width: u8,
    highlight: (u16, u16),
    no_color: bool,
    /// Which dossier to open and how far to move before searching the article.
    moves: u8,
}

/// The hostile fixture corpus, checked once.
fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hostile");
        check(&DataRoot::Dir(dir)).corpus
    })
}

fn assert_clean(buf: &Buffer) {
    for cell in &buf.content {
        assert!(
            !cell.symbol().chars().any(is_unsafe),
            "unsafe character drawn: {:?}",
            cell.symbol()
        );
    }
}

fn draw(app: &App, theme: &Theme, w: u16, h: u16) {
    let Ok(mut t) = Terminal::new(TestBackend::new(w, h));
    let _ = t.draw(|f| render(app, theme, f));
    assert_clean(t.backend().buffer());
}

fuzz_target!(|input: Input| {
    let (w, h) = (input.width % 301, input.height % 101);
    let text = &input.text;
    // The reader's path: wrap once, style each character, highlight a byte range.
    let hl = Style::default().add_modifier(Modifier::REVERSED);
    let start = usize::from(input.highlight.0);
    let range = start..start + usize::from(input.highlight.1);
    let lines: Vec<Line<'static>> = wrap(text, usize::from(input.wrap_width))
        .into_iter()
        .map(|l| {
            let slice = text.get(l.clone()).unwrap_or_default();
            Line::from(styled(slice, |_, b| {
                if range.contains(&(l.start + b)) {
                    hl
                } else {
                    Style::default()
                }
            }))
        })
        .collect();
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    Paragraph::new(lines).render(area, &mut buf);
    assert_clean(&buf);

    // The browser: the text typed into the filter, then searched for in an article.
    let theme = Theme::default_theme(input.no_color);
    let keymap = Keymap::default_keymap();
    let mut app = App::new(corpus().clone(), keymap, (w, h));
    let run = |app: &mut App, a: Action| {
        let mut next = Some(a);
        while let Some(a) = next {
            next = update(app, a);
        }
    };
    run(&mut app, Action::Filter);
    for c in text.chars().take(64) {
        run(&mut app, Action::Input(c));
    }
    draw(&app, &theme, w, h);
    run(&mut app, Action::ClearFilter);
    run(&mut app, Action::Cancel);
    for _ in 0..(input.moves % 4) {
        run(&mut app, Action::Down);
    }
    run(&mut app, Action::Open);
    for _ in 0..(input.moves / 4 % 8) {
        run(&mut app, Action::NextCite);
    }
    run(&mut app, Action::Open);
    run(&mut app, Action::Search);
    for c in text.chars().take(64) {
        run(&mut app, Action::Input(c));
    }
    run(&mut app, Action::Accept);
    draw(&app, &theme, w, h);
});
