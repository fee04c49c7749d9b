//! Keys in, state out for the cross-source views (cited by, sources, disputes, claims)
//! on the fixture corpus, where `beta` is a machine translation of `alpha`'s outlet.

use super::{Action, App, Screen, update};
use crate::check::check;
use crate::data::DataRoot;
use crate::geometry::dossier::{Target, layout};
use crate::keymap::{Key, Keymap, Mode};
use crate::model::Corpus;

fn corpus() -> Corpus {
    let root =
        DataRoot::Dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"));
    let report = check(&root);
    assert_eq!(report.errors(), 0);
    report.corpus
}

fn app_on(corpus: Corpus, w: u16) -> App {
    App::new(corpus, Keymap::default_keymap(), (w, 30))
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

/// The article text the reader highlights.
fn highlighted(app: &App) -> Option<String> {
    let Screen::Reader(r) = &app.screen else {
        return None;
    };
    let text = &app.corpus.sources.get(r.source)?.article.text;
    r.highlight
        .clone()
        .and_then(|h| text.get(h))
        .map(str::to_owned)
}

#[test]
fn the_new_keys_are_bound_and_typing_modes_keep_them_as_text() {
    let k = Keymap::default_keymap();
    assert_eq!(
        k.lookup(Mode::Reader, Key::char('c')),
        Some(Action::CitedBy)
    );
    assert_eq!(k.lookup(Mode::Index, Key::char('S')), Some(Action::Sources));
    assert_eq!(
        k.lookup(Mode::Reader, Key::char('D')),
        Some(Action::Disputes)
    );
    assert_eq!(
        k.lookup(Mode::Dossier, Key::char('C')),
        Some(Action::Claims)
    );
    assert_eq!(
        k.lookup(Mode::Claims, Key::char('1')),
        Some(Action::SingleSource)
    );
    assert_eq!(
        k.lookup(Mode::Filter, Key::char('S')),
        Some(Action::Input('S'))
    );
    assert_eq!(
        k.lookup(Mode::Search, Key::char('c')),
        Some(Action::Input('c'))
    );
    assert_eq!(
        k.lookup(Mode::Index, Key::char('c')),
        None,
        "c is the reader's"
    );
}

#[test]
fn cited_by_lists_overlapping_items_and_jumps_to_the_one_chosen() {
    let mut a = app_on(corpus(), 100);
    // The sources table opens beta at the top, nothing highlighted.
    run(&mut a, &[Action::Sources, Action::Down, Action::Open]);
    assert_eq!(highlighted(&a), None);
    // With nothing highlighted, c asks about the first cited passage from the top.
    run(&mut a, &[Action::CitedBy]);
    let Screen::CitedBy(v) = &a.screen else {
        panic!("cited-by")
    };
    let kinds: Vec<&str> = v.items.iter().map(|c| c.item.kind()).collect();
    assert_eq!(kinds, ["alias"]);
    run(&mut a, &[Action::Back]);
    // n three times: "Acme Corps (AC)", "3,000 members", then "Jane Doe, 41", which the
    // relation's quote contains.
    run(
        &mut a,
        &[Action::NextCite, Action::NextCite, Action::NextCite],
    );
    assert_eq!(highlighted(&a).as_deref(), Some("Jane Doe, 41"));
    let Screen::Reader(reader_before) = a.screen.clone() else {
        panic!("reader")
    };
    run(&mut a, &[Action::CitedBy]);
    let Screen::CitedBy(list) = a.screen.clone() else {
        panic!("cited-by")
    };
    let found: Vec<(String, &str)> = list
        .items
        .iter()
        .map(|c| (a.corpus.dossiers[c.dossier].id.clone(), c.item.kind()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("jane-doe".to_owned(), "claim"),
            ("jane-doe".to_owned(), "relation")
        ]
    );
    run(&mut a, &[Action::Down, Action::Open]);
    let Screen::Dossier(d) = &a.screen else {
        panic!("dossier")
    };
    let dossier = &a.corpus.dossiers[d.dossier];
    assert_eq!(dossier.id, "jane-doe");
    let lay = layout(&a.corpus, dossier, a.incoming.of(d.dossier), a.size.0, None);
    let relation_cite = &dossier.relations[0].cites[0];
    assert!(
        matches!(lay.targets.get(d.selected), Some(Target::Cite(c)) if std::ptr::eq(*c, relation_cite)),
        "the relation's citation is selected"
    );
    // Back returns exactly: the list as it was, then the reader as it was.
    let mut after = list.clone();
    after.pick.selected = 1;
    run(&mut a, &[Action::Back]);
    assert_eq!(a.screen, Screen::CitedBy(after));
    run(&mut a, &[Action::Back]);
    assert_eq!(a.screen, Screen::Reader(reader_before));
}

#[test]
fn cited_by_outside_the_reader_does_nothing() {
    let mut a = app_on(corpus(), 100);
    run(&mut a, &[Action::CitedBy]);
    assert!(matches!(a.screen, Screen::Index(_)));
    assert!(a.back.is_empty());
}

#[test]
fn sources_open_into_the_reader_at_the_top_and_do_not_stack() {
    let mut a = app_on(corpus(), 100);
    run(&mut a, &[Action::Sources, Action::Sources]);
    assert_eq!(a.back.len(), 1, "S on the sources table does not stack");
    run(&mut a, &[Action::Bottom]);
    let Screen::Sources(v) = &a.screen else {
        panic!("sources")
    };
    assert_eq!(v.pick.selected, 1);
    run(&mut a, &[Action::Down, Action::Open]);
    let Screen::Reader(r) = &a.screen else {
        panic!("reader")
    };
    assert_eq!((r.source, r.top, r.highlight.clone()), (1, 0, None));
    run(&mut a, &[Action::Back]);
    let Screen::Sources(v) = &a.screen else {
        panic!("sources again")
    };
    assert_eq!(v.pick.selected, 1);
    run(&mut a, &[Action::Top]);
    let Screen::Sources(v) = &a.screen else {
        panic!("sources")
    };
    assert_eq!(v.pick.selected, 0);
}

#[test]
fn disputes_open_a_variants_quote_highlighted() {
    let mut a = app_on(corpus(), 100);
    run(&mut a, &[Action::Disputes]);
    run(&mut a, &[Action::Open]);
    assert_eq!(highlighted(&a).as_deref(), Some("about 300 members"));
    run(&mut a, &[Action::Back, Action::Down, Action::Open]);
    assert_eq!(highlighted(&a).as_deref(), Some("3,000 members"));
    let Screen::Reader(r) = &a.screen else {
        panic!("reader")
    };
    assert_eq!(a.corpus.sources[r.source].id, "beta");
    run(&mut a, &[Action::Back, Action::Down]);
    let Screen::Disputes(v) = &a.screen else {
        panic!("disputes")
    };
    assert_eq!(v.pick.selected, 1, "the last target stays selected");
}

#[test]
fn disputes_put_variants_side_by_side_when_wide_and_stack_them_when_narrow() {
    let c = corpus();
    let x = crate::xref::Xref::new(&c);
    let text = |w: u16| -> Vec<String> {
        crate::geometry::disputes::layout(&c, x.disputed(), w, None)
            .rows
            .iter()
            .map(|r| r.iter().map(|s| s.text.as_str()).collect())
            .collect()
    };
    let wide = text(100);
    assert!(
        wide.iter()
            .any(|r| r.contains("«about 300»") && r.contains("│ «3,000»")),
        "{wide:#?}"
    );
    let narrow = text(40);
    assert!(
        !narrow
            .iter()
            .any(|r| r.contains("«about 300»") && r.contains("«3,000»"))
    );
    assert!(
        narrow.iter().any(|r| r.contains("≠ «3,000»")),
        "{narrow:#?}"
    );
}

#[test]
fn claims_sort_by_independence_filter_single_source_and_open_in_the_dossier() {
    let mut c = corpus();
    // Give alpha an original of its own: beta (original "Alpha News") is then independent
    // of it, so the disputed size claim has 2 independent sources.
    c.sources[0].original = Some("Alpha wire".into());
    let mut a = app_on(c, 100);
    run(&mut a, &[Action::Claims]);
    let Screen::Claims(v) = &a.screen else {
        panic!("claims")
    };
    assert_eq!(v.rows.len(), 5);
    let last = v.rows.last().copied();
    assert_eq!(last.map(|r| (r.sources, r.independent)), Some((2, 2)));
    run(&mut a, &[Action::Bottom, Action::SingleSource]);
    let Screen::Claims(v) = &a.screen else {
        panic!("claims")
    };
    assert!(v.single_source);
    assert_eq!(v.rows.len(), 4);
    assert!(v.rows.iter().all(|r| r.independent == 1));
    assert!(v.pick.selected < v.rows.len());
    run(
        &mut a,
        &[Action::SingleSource, Action::Bottom, Action::Open],
    );
    let Screen::Dossier(d) = &a.screen else {
        panic!("dossier")
    };
    let dossier = &a.corpus.dossiers[d.dossier];
    assert_eq!(dossier.id, "acme-corps");
    let lay = layout(&a.corpus, dossier, a.incoming.of(d.dossier), a.size.0, None);
    let size = dossier.claims.iter().find(|k| k.id == "size");
    let first = size
        .and_then(|k| k.variants.first())
        .and_then(|v| v.cites.first());
    assert!(
        matches!((lay.targets.get(d.selected), first), (Some(Target::Cite(c)), Some(f)) if std::ptr::eq(*c, f)),
        "the size claim's first citation is selected"
    );
}

#[test]
fn with_nothing_highlighted_c_asks_about_the_first_cited_passage_from_the_top() {
    // A window of three body rows, so the short article can scroll.
    let mut a = App::new(corpus(), Keymap::default_keymap(), (100, 6));
    let claim_of = |a: &App| -> Vec<String> {
        let Screen::CitedBy(v) = &a.screen else {
            return Vec::new();
        };
        v.items
            .iter()
            .map(|c| {
                let d = &a.corpus.dossiers[c.dossier];
                format!("{}/{}", d.id, c.item.text(&a.corpus, d))
            })
            .collect()
    };
    run(&mut a, &[Action::Sources, Action::Open]); // alpha, at the top
    // Top line 2 is the first "Jane Doe, left." (cited by the photo claim).
    run(&mut a, &[Action::Down, Action::Down, Action::CitedBy]);
    assert_eq!(claim_of(&a), ["jane-doe/Pictured on the left of a photo."]);
    // Top line 3 is below it: the next cited passage is the spokesman's quote further down
    // (the second "Jane Doe, left." is cited by nobody).
    run(&mut a, &[Action::Back, Action::Down, Action::CitedBy]);
    assert_eq!(
        claim_of(&a),
        ["acme-corps/Crossed the border on a Monday, its spokesman saying they were going home."]
    );
}

/// The kept layout restyles the selected marker exactly as laying everything out again
/// with that selection did (the reference), for every target, side by side and stacked,
/// on the bundled corpus.
#[test]
fn the_kept_disputes_layout_marks_the_selection_as_a_fresh_layout_does() {
    let c = check(&DataRoot::Bundled).corpus;
    let x = crate::xref::Xref::new(&c);
    for w in [40u16, 120] {
        let kept = crate::geometry::disputes::layout(&c, x.disputed(), w, None);
        assert_eq!(kept.target_segs.len(), kept.targets.len());
        // Every fifth target and the last (a fresh layout per target is slow in debug).
        let last = kept.targets.len().saturating_sub(1);
        for t in (0..kept.targets.len()).step_by(5).chain([last]) {
            let fresh = crate::geometry::disputes::layout(&c, x.disputed(), w, Some(t));
            let all = 0..kept.rows.len();
            assert_eq!(
                kept.rows_with_selection(all, t),
                fresh.rows,
                "target {t} at width {w}"
            );
        }
    }
}
