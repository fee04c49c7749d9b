//! The model test of the browser's one invariant: after any sequence of keys, resizes
//! (1×1 to 300×100) and rests, what the terminal shows equals a full redraw of the same
//! state at that size, cell by cell.
//!
//! Driven through the real pieces: [`press`] (keymap and `update`, as the event loop
//! calls them), the resize and rest steps the loop takes, `ui::render`, the scroll
//! backend and the encoder, into the `vt100` emulator. Only the tty is left out; the
//! tmux walk in `tests/screen_walk.rs` covers it.

use proptest::prelude::*;

use crate::tui::seen::visible;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::scroll::{ReaderPos, ScrollBackend, draw};
use super::sink::MemorySink;
use super::{Pressed, press};
use crate::app::{Action, App, preview, update};
use crate::keymap::{Key, KeyCode, Keymap};
use crate::ui::{Theme, render};

type Term = Terminal<ScrollBackend<CrosstermBackend<MemorySink>>>;

/// One thing a user does.
#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Resize(u16, u16),
    /// No key for longer than the preview's rest.
    Rest,
}

/// Every key bound anywhere, so each view is reached and driven; never quit or suspend.
fn keys() -> Vec<Key> {
    let map = Keymap::default_keymap();
    let mut keys: Vec<Key> = map
        .bindings
        .iter()
        .filter(|b| !matches!(b.action, Action::Quit | Action::Suspend))
        .flat_map(|b| b.keys.iter().copied())
        // Typed as text in the filter and search lines, these would quit.
        .filter(|k| *k != Key::char('q'))
        .collect();
    keys.extend("aeonr'".chars().map(Key::char));
    keys.sort_by_key(|k| format!("{k:?}"));
    keys.dedup();
    keys
}

fn step() -> impl Strategy<Value = Step> {
    let keys = keys();
    prop_oneof![
        6 => proptest::sample::select(keys).prop_map(Step::Key),
        2 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (15u16..=130, 4u16..=45).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => Just(Step::Rest),
    ]
}

fn nonzero(v: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(v).unwrap_or(std::num::NonZeroU16::MIN)
}

fn parser(w: u16, h: u16) -> vt100::Parser {
    vt100::Parser::new(nonzero(h), nonzero(w), 0)
}

fn terminal(sink: &MemorySink, w: u16, h: u16) -> Term {
    let backend = ScrollBackend::with_size(CrosstermBackend::new(sink.clone()), w, h);
    Terminal::new(backend).unwrap_or_else(|e| panic!("terminal: {e}"))
}

/// The screen a fresh terminal of the app's size shows after one full redraw.
fn full_redraw(app: &App, theme: &Theme) -> Vec<String> {
    let (w, h) = app.size;
    let sink = MemorySink::default();
    let mut t = terminal(&sink, w, h);
    draw(&mut t, app, None, |f| render(app, theme, f)).unwrap_or_else(|e| panic!("draw: {e}"));
    let mut p = parser(w, h);
    p.process(&sink.take());
    visible(&p)
}

/// The browser and the terminal it draws on, stepped as the event loop steps them.
struct Session {
    app: App,
    theme: Theme,
    sink: MemorySink,
    term: Term,
    screen: vt100::Parser,
    reader: Option<ReaderPos>,
    /// The preview waits for the selection to rest (the loop's deadline).
    resting: bool,
}

impl Session {
    fn new(app: App) -> Session {
        let (w, h) = app.size;
        let sink = MemorySink::default();
        let term = terminal(&sink, w, h);
        let mut s = Session {
            app,
            theme: Theme::default_theme(false),
            sink,
            term,
            screen: parser(w, h),
            reader: None,
            resting: false,
        };
        s.draw();
        s
    }

    fn draw(&mut self) {
        let (app, theme) = (&self.app, &self.theme);
        self.reader = draw(&mut self.term, app, self.reader.as_ref(), |f| {
            render(app, theme, f)
        })
        .unwrap_or_else(|e| panic!("draw: {e}"));
        self.screen.process(&self.sink.take());
    }

    fn step(&mut self, step: &Step) {
        match *step {
            Step::Rest => {
                if !self.resting {
                    return;
                }
                self.resting = false;
                preview::settle(&mut self.app);
            }
            Step::Resize(w, h) => {
                // The terminal resizes first (keeping what fits), then the program hears.
                self.term.backend_mut().resize_fixed(w, h);
                self.screen.screen_mut().set_size(nonzero(h), nonzero(w));
                update(&mut self.app, Action::Resize(w, h));
            }
            Step::Key(k) => {
                let before = super::rest::before(&self.app);
                if press(&mut self.app, k) == Pressed::Redraw {
                    self.term.clear().unwrap_or_else(|e| panic!("clear: {e}"));
                    self.reader = None;
                }
                let due = super::rest::after(&mut self.app, before, None);
                self.resting = due.is_some();
            }
        }
        self.draw();
    }
}

fn bundled_app(w: u16, h: u16) -> App {
    let report = crate::check::check(&crate::data::DataRoot::Bundled);
    App::new(report.corpus, Keymap::default_keymap(), (w, h))
}

/// Runs `steps` from the index at 120×40; the first step whose screen is not a full
/// redraw fails, naming the steps that led there.
fn walk(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut s = Session::new(bundled_app(120, 40));
    for (i, step) in steps.iter().enumerate() {
        s.step(step);
        let want = full_redraw(&s.app, &s.theme);
        let got = visible(&s.screen);
        if got != want {
            let row = got.iter().zip(&want).position(|(a, b)| a != b);
            return Err(TestCaseError::fail(format!(
                "after step {i} of {:?}: the screen differs from a full redraw at row {row:?}",
                &steps[..=i]
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("DOSSIER_MODEL_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
        max_shrink_iters: 400,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_screen_always_equals_a_full_redraw(steps in proptest::collection::vec(step(), 1..40)) {
        walk(&steps)?;
    }
}

/// The cases the issue found by hand, kept as fixed walks.
#[test]
fn resizes_between_keys_in_every_view() {
    let k = |c: char| Step::Key(Key::char(c));
    let enter = Step::Key(Key::new(KeyCode::Enter));
    let small = Step::Resize(60, 20);
    let tiny = Step::Resize(3, 2);
    let big = Step::Resize(100, 30);
    let walks: Vec<Vec<Step>> = vec![
        vec![
            k('/'),
            k('C'),
            k('a'),
            k('e'),
            enter.clone(),
            enter.clone(),
            small.clone(),
            k('j'),
        ],
        vec![
            k('/'),
            k('C'),
            k('a'),
            enter.clone(),
            enter.clone(),
            k('n'),
            enter.clone(),
            small.clone(),
            k('h'),
        ],
        vec![k('D'), tiny.clone(), enter.clone(), big.clone(), k('j')],
        vec![
            k('S'),
            small.clone(),
            k('j'),
            enter.clone(),
            tiny,
            k('j'),
            big,
            k('c'),
        ],
        vec![
            k('T'),
            small.clone(),
            k('G'),
            Step::Resize(300, 100),
            k('k'),
        ],
        vec![
            k('C'),
            Step::Resize(1, 1),
            k('j'),
            Step::Resize(80, 24),
            k('1'),
        ],
        vec![
            Step::Key(Key::new(KeyCode::Up)),
            Step::Key(Key::ctrl('u')),
            k('j'),
            Step::Resize(169, 33),
            k('v'),
            Step::Rest,
        ],
        // The reader keeps its scroll region between frames: scrolled, then an overlay
        // over it, a resize, a redraw and a way back out, each with the region set.
        vec![
            k('S'),
            k('j'),
            k('j'),
            k('j'),
            enter.clone(),
            k('j'),
            k('j'),
            k('?'),
            k('j'),
            k('?'),
            k('k'),
            Step::Resize(80, 24),
            k('j'),
            Step::Key(Key::ctrl('l')),
            k('j'),
            k('k'),
            Step::Resize(120, 40),
            k('j'),
            k('h'),
            k('j'),
        ],
    ];
    for w in walks {
        if let Err(e) = walk(&w) {
            panic!("{e}");
        }
    }
}

/// The browser on the bundled corpus's outline (what a large corpus shows while it is
/// checked) and the checked browser to swap in.
fn early_and_checked(w: u16, h: u16) -> (App, App) {
    let (outline, corpus) = crate::test_support::bundled_outline();
    let early = crate::app::loading::early(outline, Keymap::default_keymap(), (w, h));
    // Built at another size, as the loading thread builds it.
    let checked = App::new(corpus, Keymap::default_keymap(), (80, 24));
    (early, checked)
}

/// While the corpus is checked, the screen is the early browser's, true at every step;
/// the swap to the checked browser (after keys, resizes and rests on the outline) draws
/// exactly what a full redraw of the checked state shows, and so does every step after.
#[test]
fn the_swap_from_the_outline_equals_a_full_redraw() {
    let k = |c: char| Step::Key(Key::char(c));
    let walks: Vec<(Vec<Step>, Vec<Step>)> = vec![
        (vec![], vec![k('j')]),
        (
            vec![k('j'), k('j'), Step::Rest, Step::Resize(80, 24)],
            vec![Step::Key(Key::new(KeyCode::Enter)), k('j')],
        ),
        (
            vec![k('/'), k('v'), k('o'), Step::Resize(100, 30), Step::Rest],
            vec![k('a'), Step::Resize(120, 40)],
        ),
        (
            vec![k('v'), Step::Resize(60, 20), k('?')],
            vec![k('?'), k('S')],
        ),
    ];
    for (before, after) in walks {
        let (early, checked) = early_and_checked(120, 40);
        let mut s = Session::new(early);
        let check = |s: &Session, what: &str| {
            let want = full_redraw(&s.app, &s.theme);
            let got = visible(&s.screen);
            if let Some(row) = got.iter().zip(&want).position(|(a, b)| a != b) {
                panic!(
                    "{what} of {before:?} then {after:?}: row {row} is {:?}, a full redraw {:?}",
                    got[row], want[row]
                );
            }
        };
        for st in &before {
            s.step(st);
            check(&s, "a step on the outline");
        }
        assert!(s.app.loading.is_some());
        crate::app::loading::swap(&mut s.app, checked);
        s.draw();
        check(&s, "the swap");
        let text = s.screen.screen().contents();
        assert!(
            s.app.help || text.contains(" sources"),
            "the checked browser's title: {text}"
        );
        for st in &after {
            s.step(st);
            check(&s, "a step after the swap");
        }
    }
}

/// The last start's names (`app::loading::cache`, one of them since renamed) replaced by
/// the files' outline, then by the checked browser: each draws what a full redraw shows.
#[test]
fn the_files_outline_after_the_cached_one_equals_a_full_redraw() {
    let k = |c: char| Step::Key(Key::char(c));
    let (fresh, checked) = early_and_checked(120, 40);
    let mut stale = fresh.corpus.dossiers.clone();
    stale[0].name.push_str(" (old name)");
    let cached = crate::app::loading::early_from_cache(stale, Keymap::default_keymap(), (120, 40));
    let mut s = Session::new(cached);
    assert!(s.screen.screen().contents().contains("last start"));
    let check = |s: &Session, what: &str| {
        let (want, got) = (full_redraw(&s.app, &s.theme), visible(&s.screen));
        assert_eq!(got, want, "{what}");
    };
    for st in [k('j'), Step::Rest, Step::Resize(100, 30), k('/'), k('o')] {
        s.step(&st);
        check(&s, "a step on the cached names");
    }
    assert!(crate::app::loading::refresh(&mut s.app, fresh));
    s.draw();
    check(&s, "the files' names");
    assert!(
        s.app
            .loading
            .is_some_and(|l| l.names == crate::app::loading::Names::Read)
    );
    s.step(&k('l'));
    check(&s, "a key on the files' names");
    crate::app::loading::swap(&mut s.app, checked);
    s.draw();
    check(&s, "the swap");
}

/// A first start's names read so far (a third, then two thirds of the files), then
/// every file's, then the checked browser: each draws what a full redraw shows, with
/// keys, a filter and resizes between them, and the title never counts the names read
/// so far as all.
#[test]
fn the_names_read_so_far_then_all_equal_a_full_redraw() {
    use crate::app::loading::{Names, early_so_far, refresh, swap};
    let k = |c: char| Step::Key(Key::char(c));
    let (all, checked) = early_and_checked(120, 40);
    let names = all.corpus.dossiers.clone();
    let of = names.len();
    let third = |n: usize| names.iter().take(of * n / 3).cloned().collect::<Vec<_>>();
    let keymap = Keymap::default_keymap;
    let mut s = Session::new(early_so_far(third(1), of, keymap(), (120, 40)));
    let check = |s: &Session, what: &str| {
        let (want, got) = (full_redraw(&s.app, &s.theme), visible(&s.screen));
        assert_eq!(got, want, "{what}");
    };
    let title = |s: &Session| {
        s.screen
            .screen()
            .contents()
            .lines()
            .next()
            .map(str::to_owned)
    };
    let so_far = format!("so far of {of} files");
    assert!(
        title(&s).is_some_and(|t| t.contains(&so_far)),
        "{:?}",
        title(&s)
    );
    for st in [k('j'), Step::Rest, Step::Resize(80, 24), k('/'), k('a')] {
        s.step(&st);
        check(&s, "a step on the first third's names");
    }
    assert!(refresh(
        &mut s.app,
        early_so_far(third(2), of, keymap(), (80, 24))
    ));
    s.draw();
    check(&s, "two thirds of the names");
    for st in [k('l'), Step::Resize(120, 40), Step::Rest] {
        s.step(&st);
        check(&s, "a step on two thirds of the names");
    }
    assert!(refresh(&mut s.app, all));
    s.draw();
    check(&s, "every file's names");
    assert!(s.app.loading.is_some_and(|l| l.names == Names::Read));
    assert!(
        title(&s).is_some_and(|t| !t.contains("so far")),
        "{:?}",
        title(&s)
    );
    swap(&mut s.app, checked);
    s.draw();
    check(&s, "the swap");
}

/// A key that needs the checked corpus does nothing while it is checked (the loop holds
/// it); a movement acts.
#[test]
fn a_key_that_needs_the_check_is_held() {
    let (mut early, _) = early_and_checked(120, 40);
    let before = early.screen.clone();
    assert_eq!(press(&mut early, Key::new(KeyCode::Enter)), Pressed::Held);
    assert_eq!(press(&mut early, Key::char('S')), Pressed::Held);
    assert_eq!(early.screen, before, "nothing opened");
    assert_eq!(press(&mut early, Key::char('j')), Pressed::Updated);
    assert_ne!(early.screen, before, "the selection moved");
}
