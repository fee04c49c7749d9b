//! Keys in, state out: the browser driven action by action on the fixture corpus.

use super::*;
use crate::app::Screen;
use crate::check::check;
use crate::data::DataRoot;
use crate::geometry::dossier::{Target, layout};
use crate::keymap::Keymap;

fn app() -> App {
    let root =
        DataRoot::Dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"));
    let report = check(&root);
    assert_eq!(report.errors(), 0);
    App::new(report.corpus, Keymap::default_keymap(), (100, 30))
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Action::Input).collect()
}

#[test]
fn filter_by_alias_then_open_and_come_back() {
    let mut a = app();
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("Акме"));
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!(v.hits.len(), 1);
    assert!(v.typing);
    run(&mut a, &[Action::Accept, Action::Open]);
    let Screen::Dossier(d) = &a.screen else {
        panic!("dossier")
    };
    assert_eq!(a.corpus.dossiers[d.dossier].id, "acme-corps");
    run(&mut a, &[Action::Back]);
    let Screen::Index(v) = &a.screen else {
        panic!("index again")
    };
    assert_eq!(v.query, "Акме", "back restores the filter");
    assert_eq!(v.hits.len(), 1);
    run(&mut a, &[Action::Forward]);
    assert!(matches!(a.screen, Screen::Dossier(_)));
}

#[test]
fn citation_to_quote_highlighted_in_reader_and_back_restores_selection() {
    let mut a = app();
    run(&mut a, &[Action::Open]); // acme-corps sorts first
    // Two aliases' citations, Jane Doe's relation to it ("Linked from"), then the claim
    // (n passes over the summary's two references, which are not citations).
    run(
        &mut a,
        &[Action::NextCite, Action::NextCite, Action::NextCite],
    );
    let Screen::Dossier(before) = a.screen.clone() else {
        panic!("dossier")
    };
    assert_eq!(before.selected, 6);
    run(&mut a, &[Action::Open]);
    let Screen::Reader(r) = &a.screen else {
        panic!("reader")
    };
    let hl = r.highlight.clone().unwrap_or(0..0);
    assert_eq!(
        &a.corpus.sources[r.source].article.text[hl],
        "was founded in May 2022 by Jane Doe"
    );
    run(&mut a, &[Action::Back]);
    assert_eq!(a.screen, Screen::Dossier(before));
}

#[test]
fn relation_opens_its_target() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::Open]); // jane-doe
    run(&mut a, &[Action::Bottom]);
    // the relation is the last-but-one target in reading order (then claims): find it
    let Screen::Dossier(v) = &a.screen else {
        panic!()
    };
    let d = &a.corpus.dossiers[v.dossier];
    let lay = layout(&a.corpus, d, a.incoming.of(v.dossier), 100, None);
    let rel = lay
        .targets
        .iter()
        .position(|t| matches!(t, Target::Relation(_)))
        .unwrap_or(0);
    if let Screen::Dossier(v) = &mut a.screen {
        v.selected = rel;
    }
    run(&mut a, &[Action::Open]);
    let Screen::Dossier(v) = &a.screen else {
        panic!("dossier")
    };
    assert_eq!(a.corpus.dossiers[v.dossier].id, "acme-corps");
}

#[test]
fn reader_moves_between_cited_passages_and_search_matches() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::Open,
            Action::NextCite,
            Action::NextCite,
            Action::NextCite,
            Action::Open,
        ],
    );
    let Screen::Reader(r) = &a.screen else {
        panic!()
    };
    let first = r.highlight.clone();
    run(&mut a, &[Action::NextCite]);
    let Screen::Reader(r) = &a.screen else {
        panic!()
    };
    assert!(r.highlight.as_ref().map(|h| h.start) > first.as_ref().map(|h| h.start));
    run(&mut a, &[Action::Search]);
    run(&mut a, &typed("jane doe"));
    run(&mut a, &[Action::Accept]);
    let Screen::Reader(r) = &a.screen else {
        panic!()
    };
    assert_eq!(r.matches.len(), 3);
    let c0 = r.current;
    run(&mut a, &[Action::NextCite]);
    let Screen::Reader(r) = &a.screen else {
        panic!()
    };
    assert_ne!(r.current, c0);
}

#[test]
fn esc_clears_filter_when_there_is_no_history_and_help_toggles() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::Filter,
            Action::Input('z'),
            Action::Input('z'),
            Action::Accept,
            Action::Back,
        ],
    );
    let Screen::Index(v) = &a.screen else {
        panic!()
    };
    assert!(v.query.is_empty());
    assert_eq!(v.hits.len(), 2);
    run(&mut a, &[Action::Help]);
    assert!(a.help);
    run(&mut a, &[Action::Open]);
    assert!(!a.help);
    run(&mut a, &[Action::Quit]);
    assert!(a.quit);
}

#[test]
fn copy_puts_the_citation_on_the_clipboard() {
    let mut a = app();
    run(&mut a, &[Action::Open, Action::Copy]);
    let clip = a.clipboard.clone().unwrap_or_default();
    assert!(
        clip.starts_with("“Acme Corps (AC)” — Beta repost, Beta Aggregator, seeds/beta.txt:1"),
        "{clip}"
    );
}

#[test]
fn tiny_and_huge_sizes_never_panic() {
    let mut a = app();
    for (w, h) in [(0, 0), (1, 1), (10, 3), (300, 100)] {
        run(
            &mut a,
            &[
                Action::Resize(w, h),
                Action::Open,
                Action::NextCite,
                Action::Open,
                Action::PageDown,
                Action::Bottom,
                Action::Back,
                Action::Back,
            ],
        );
    }
}

#[test]
fn help_scrolls_when_taller_than_the_screen_and_other_keys_close_it() {
    let mut a = app();
    run(
        &mut a,
        &[Action::Resize(80, 12), Action::Open, Action::Help],
    );
    assert!(a.help);
    assert_eq!(a.help_top, 0);
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.help_top, 2, "j scrolls the overlay, not the dossier");
    run(&mut a, &[Action::Up]);
    assert_eq!(a.help_top, 1);
    run(&mut a, &[Action::Bottom]);
    let bottom = a.help_top;
    assert!(bottom > 1, "the dossier help does not fit 12 rows");
    run(&mut a, &[Action::Down, Action::PageDown]);
    assert_eq!(a.help_top, bottom, "never past the last line");
    run(&mut a, &[Action::Top]);
    assert_eq!(a.help_top, 0);
    assert!(a.help);
    run(&mut a, &[Action::NextCite]);
    assert!(!a.help, "any other key closes");
    // Reopening starts at the top again.
    run(
        &mut a,
        &[Action::Help, Action::Bottom, Action::Help, Action::Help],
    );
    assert_eq!(a.help_top, 0);
}

#[test]
fn passage_search_finds_sentences_and_opens_the_reader_there() {
    use crate::app::filter::Scope;
    let mut a = app();
    run(&mut a, &[Action::SearchPassages]);
    run(&mut a, &typed("going home"));
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!(v.scope, Scope::Passages);
    assert!(v.typing);
    let hit = v.passages.first().expect("a passage");
    let text = &a.corpus.sources[hit.source].article.text;
    assert!(text[hit.range.clone()].contains("going home"));
    run(&mut a, &[Action::Accept, Action::Open]);
    let Screen::Reader(r) = &a.screen else {
        panic!("reader")
    };
    assert_eq!(r.highlight, Some(hit.range.clone()));
    let line = crate::app::reader::line_of(&a.wrapped.lines, hit.range.start);
    assert!(
        line >= r.top && line < r.top + a.list_rows(crate::geometry::Shape::Reader),
        "hit on screen"
    );
    run(&mut a, &[Action::Back]);
    let Screen::Index(v) = &a.screen else {
        panic!("index again")
    };
    assert_eq!((v.scope, v.query.as_str()), (Scope::Passages, "going home"));
}

#[test]
fn ctrl_s_switches_scope_and_keeps_the_query() {
    use crate::app::filter::Scope;
    let mut a = app();
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("jane"));
    let dossiers = match &a.screen {
        Screen::Index(v) => v.hits.len(),
        _ => panic!("index"),
    };
    run(&mut a, &[Action::ToggleScope]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!((v.scope, v.query.as_str()), (Scope::Passages, "jane"));
    assert!(!v.passages.is_empty());
    assert_eq!(v.len(), v.passages.len());
    run(&mut a, &[Action::ToggleScope]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!((v.scope, v.hits.len()), (Scope::Dossiers, dossiers));
}

#[test]
fn a_stale_background_answer_is_dropped() {
    use crate::app::filter::{Done, Found};
    let mut a = app();
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("jane"));
    let before = match &a.screen {
        Screen::Index(v) => v.hits.clone(),
        _ => panic!("index"),
    };
    let stale = Done {
        generation: a.generation - 1,
        found: Found::Dossiers(crate::search::DossierHits::default()),
    };
    super::found(&mut a, stale);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!(v.hits, before);
}

#[test]
fn enter_right_after_typing_opens_what_the_query_finds_even_before_the_worker_answers() {
    let mut a = app();
    // A worker whose answers never arrive: the list on screen stays the unfiltered one.
    a.search_in_background(|_| {});
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("Jane"));
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert!(v.pending, "the answer is still outstanding");
    assert_ne!(
        a.corpus.dossiers[v.hits.get(0).map_or(usize::MAX, |h| h.dossier)].name,
        "Jane Doe",
        "the stale list does not start with the match"
    );
    run(&mut a, &[Action::Accept, Action::Open]);
    let Screen::Dossier(d) = &a.screen else {
        panic!("dossier")
    };
    assert_eq!(a.corpus.dossiers[d.dossier].name, "Jane Doe");
    // Back shows the settled list, and a late answer for the old query changes nothing.
    run(&mut a, &[Action::Back]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert!(!v.pending);
    assert_eq!(
        a.corpus.dossiers[v.hits.get(0).map_or(usize::MAX, |h| h.dossier)].name,
        "Jane Doe"
    );
}

#[test]
fn a_resize_keeps_the_status_message_a_key_clears_it() {
    let mut a = app();
    run(&mut a, &[Action::Forward]);
    assert_eq!(a.message.as_deref(), Some("nothing to go forward to"));
    // Ctrl-L and a resize re-read the size: not a key, so the screen stays the same.
    run(&mut a, &[Action::Resize(60, 20)]);
    assert_eq!(a.message.as_deref(), Some("nothing to go forward to"));
    run(&mut a, &[Action::Down]);
    assert_eq!(a.message, None);
}
