//! Frame time of each view at 120×40 (the index, the index with passage hits, a
//! dossier, the reader at the top and at the end of the longest article), through the
//! real backend stack writing to memory; and, printed once, the bytes each move sends.
//! Then every view of the browser (`view-*`): a full frame, and a key (`j` then `k`)
//! through `update` and the frame it draws.
#![allow(clippy::disallowed_macros)] // a benchmark prints its figures to the console

mod common;

/// The allocator the `dossier` binary uses (src/main.rs), so this measures what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::app::{Action, App, Screen, preview, update};
use dossier::keymap::Keymap;
use dossier::tui::scroll::{ScrollBackend, draw};
use dossier::tui::sink::MemorySink as Sink;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

const W: u16 = 120;
const H: u16 = 40;

struct Screenful {
    terminal: Terminal<ScrollBackend<CrosstermBackend<Sink>>>,
    sink: Sink,
    reader: Option<dossier::tui::scroll::ReaderPos>,
    theme: Theme,
}

impl Screenful {
    fn new() -> Screenful {
        let sink = Sink::default();
        let backend = ScrollBackend::with_size(CrosstermBackend::new(sink.clone()), W, H);
        let terminal = match Terminal::new(backend) {
            Ok(t) => t,
            Err(e) => panic!("terminal: {e}"),
        };
        Screenful {
            terminal,
            sink,
            reader: None,
            theme: Theme::default_theme(false),
        }
    }

    /// Draws `app`; returns the bytes sent.
    fn frame(&mut self, app: &App) -> usize {
        let theme = &self.theme;
        match draw(&mut self.terminal, app, self.reader.as_ref(), |f| {
            render(app, theme, f)
        }) {
            Ok(pos) => self.reader = pos,
            Err(e) => panic!("draw: {e}"),
        }
        self.sink.take().len()
    }
}

fn longest_article_reader(app: &mut App) {
    let longest = (0..app.corpus.sources.len())
        .max_by_key(|&i| app.corpus.sources[i].article.text.len())
        .unwrap_or(0);
    // Through a dossier citing it, else through passage search.
    update(app, Action::SearchPassages);
    let text = app.corpus.sources[longest].article.text.clone();
    let first = dossier::search::passages::sentences(&text)
        .into_iter()
        .find(|r| r.len() > 20)
        .unwrap_or(0..0);
    for c in format!("'{}", &text[first]).chars().take(40) {
        update(app, Action::Input(c));
    }
    update(app, Action::Accept);
    update(app, Action::Open);
    update(app, Action::Top);
}

fn frames(c: &mut Criterion) {
    let size = common::largest();
    let corpus = common::load(&size.root);
    let mut g = c.benchmark_group(format!("frame-{}-120x40", size.label));
    g.sample_size(20);
    let mut views: Vec<(&str, App)> = Vec::new();
    let app = || App::new(corpus.clone(), Keymap::default_keymap(), (W, H));
    views.push(("index", app()));
    let mut a = app();
    update(&mut a, Action::SearchPassages);
    for ch in "legion".chars() {
        update(&mut a, Action::Input(ch));
    }
    views.push(("index-passages", a));
    let mut a = app();
    update(&mut a, Action::Open);
    views.push(("dossier", a));
    let mut a = app();
    longest_article_reader(&mut a);
    views.push(("reader-top", app_clone_reader(&a, false)));
    views.push(("reader-end", app_clone_reader(&a, true)));
    for (name, a) in &views {
        g.bench_function(*name, |b| {
            b.iter(|| {
                // A full frame each time: a fresh screen, as after a resize or Ctrl-L.
                let mut s = Screenful::new();
                s.frame(a)
            })
        });
    }
    g.finish();
    bytes(&corpus);
}

/// A reader app at the top or the end (a new App: App is not Clone).
fn app_clone_reader(a: &App, end: bool) -> App {
    let mut b = App::new((*a.corpus).clone(), Keymap::default_keymap(), (W, H));
    longest_article_reader(&mut b);
    if end {
        update(&mut b, Action::Bottom);
    }
    b
}

/// Prints the bytes each move of issue 7 sends at 120×40. Moving the selection is
/// printed three ways: what goes out at once (the list; the preview held, as the terminal
/// loop holds it while the selection moves), the preview's own frame once the selection
/// rests, and the move with the preview hidden (`v`); and, for comparison, the move with
/// the preview following at once (no hold).
fn bytes(corpus: &dossier::model::Corpus) {
    let mut a = App::new(corpus.clone(), Keymap::default_keymap(), (W, H));
    let mut s = Screenful::new();
    let first = s.frame(&a);
    let shown = preview::shown(&a);
    update(&mut a, Action::Down);
    preview::hold(&mut a, shown);
    let select = s.frame(&a);
    preview::settle(&mut a);
    let rested = s.frame(&a);
    update(&mut a, Action::TogglePreview);
    s.frame(&a);
    update(&mut a, Action::Down);
    let hidden = s.frame(&a);
    update(&mut a, Action::TogglePreview);
    update(&mut a, Action::Up);
    s.frame(&a);
    update(&mut a, Action::Open);
    let open = s.frame(&a);
    update(&mut a, Action::NextCite);
    s.frame(&a);
    update(&mut a, Action::Open);
    let quote = s.frame(&a);
    let is_reader = matches!(a.screen, Screen::Reader(_));
    update(&mut a, Action::Top);
    s.frame(&a);
    update(&mut a, Action::Down);
    let line = s.frame(&a);
    update(&mut a, Action::PageDown);
    let page = s.frame(&a);
    // The preview following at once (no hold), as before the rest deadline.
    let mut b = App::new(corpus.clone(), Keymap::default_keymap(), (W, H));
    let mut s = Screenful::new();
    s.frame(&b);
    update(&mut b, Action::Down);
    let unheld = s.frame(&b);
    eprintln!(
        "bytes at {W}x{H}: first frame {first}, move selection {select} (then the preview \
         once rested {rested}; preview hidden {hidden}), open dossier {open}, jump to quote \
         {quote} (reader: {is_reader}), reader one line {line}, one page {page}; \
         move selection with the preview following at once {unheld}"
    );
}

/// Every view of the browser, opened the way a user opens it, at the largest size.
fn every_view(corpus: &dossier::model::Corpus) -> Vec<(&'static str, App)> {
    let app = || App::new(corpus.clone(), Keymap::default_keymap(), (W, H));
    let with = |actions: &[Action]| {
        let mut a = app();
        for act in actions {
            update(&mut a, act.clone());
        }
        a
    };
    let mut views = vec![
        ("index", app()),
        ("dossier", with(&[Action::Open])),
        ("help", with(&[Action::Help])),
        ("sources", with(&[Action::Sources])),
        ("disputes", with(&[Action::Disputes])),
        ("claims", with(&[Action::Claims])),
        ("timeline", with(&[Action::Timeline])),
        ("relations", with(&[Action::Open, Action::Relations])),
    ];
    let mut passages = with(&[Action::SearchPassages]);
    for ch in "legion".chars() {
        update(&mut passages, Action::Input(ch));
    }
    update(&mut passages, Action::Accept);
    views.push(("passages", passages));
    let mut reader = app();
    longest_article_reader(&mut reader);
    views.push(("reader", reader));
    let mut cited = app();
    longest_article_reader(&mut cited);
    update(&mut cited, Action::NextCite);
    update(&mut cited, Action::CitedBy);
    views.push(("cited-by", cited));
    views
}

/// Frame time of a full redraw and the time of one key (`j`, then `k` to come back: two
/// keys per iteration, each through `update` and a frame) in every view: what a user
/// waits for after a key, in-process.
fn keys(c: &mut Criterion) {
    let size = common::largest();
    let corpus = common::load(&size.root);
    let views = every_view(&corpus);
    let mut g = c.benchmark_group(format!("view-{}-120x40", size.label));
    g.sample_size(10);
    for (name, a) in &views {
        g.bench_function(format!("{name}/full-frame"), |b| {
            b.iter(|| Screenful::new().frame(a))
        });
    }
    for (name, mut a) in views {
        let mut s = Screenful::new();
        s.frame(&a);
        g.bench_function(format!("{name}/key-j-k"), |b| {
            b.iter(|| {
                update(&mut a, Action::Down);
                let n = s.frame(&a);
                update(&mut a, Action::Up);
                n + s.frame(&a)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frames, keys);
criterion_main!(benches);
