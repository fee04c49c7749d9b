//! Keys in, state out for a dossier's "Linked from" section: the relations other dossiers
//! hold whose target is the open dossier. On the fixture corpus Jane Doe leads Acme
//! Corps; on the bundled corpus the groups that took part in the Belgorod raid.

use super::{Action, App, Screen, update};
use crate::check::check;
use crate::data::DataRoot;
use crate::geometry::dossier::{Target, layout};
use crate::keymap::Keymap;

fn fixture() -> App {
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

/// The open dossier's rows as text, and its selected target.
fn dossier_rows(a: &App) -> (Vec<String>, Option<Target<'_>>) {
    let Screen::Dossier(v) = &a.screen else {
        panic!("not a dossier: {:?}", a.screen)
    };
    let d = &a.corpus.dossiers[v.dossier];
    let lay = layout(&a.corpus, d, a.incoming.of(v.dossier), a.size.0, None);
    let rows = lay
        .rows
        .iter()
        .map(|r| r.iter().map(|s| s.text.as_str()).collect())
        .collect();
    (rows, lay.targets.get(v.selected).cloned())
}

fn open_id(a: &App) -> &str {
    match &a.screen {
        Screen::Dossier(v) => &a.corpus.dossiers[v.dossier].id,
        other => panic!("not a dossier: {other:?}"),
    }
}

#[test]
fn tab_reaches_linked_from_after_relations_and_backtab_leaves_it() {
    let mut a = fixture();
    run(&mut a, &[Action::Open]); // acme-corps
    assert_eq!(open_id(&a), "acme-corps");
    let (rows, _) = dossier_rows(&a);
    let heading = rows.iter().position(|r| r == "Linked from");
    let claims = rows.iter().position(|r| r == "Claims");
    assert!(heading.is_some() && heading < claims, "{rows:#?}");
    let row = heading.map_or(0, |h| h + 1);
    assert_eq!(rows[row], "  Jane Doe ─leads→ (this) — founder [1 beta]");

    // From the first alias citation, Tab lands on the summary's first reference, then on
    // Jane Doe.
    run(&mut a, &[Action::NextPane]);
    let (_, t) = dossier_rows(&a);
    assert!(matches!(t, Some(Target::Claim(_))), "the summary: {t:?}");
    run(&mut a, &[Action::NextPane]);
    let (_, t) = dossier_rows(&a);
    let Some(Target::Incoming(link)) = t else {
        panic!("Tab should select the incoming relation, not {t:?}")
    };
    assert_eq!(a.corpus.dossiers[link.owner].id, "jane-doe");
    run(&mut a, &[Action::NextPane]);
    let (_, t) = dossier_rows(&a);
    assert!(
        matches!(t, Some(Target::Cite(c)) if c.quote == "was founded in May 2022 by Jane Doe"),
        "the next Tab goes on to the claims"
    );
    run(&mut a, &[Action::PrevPane, Action::PrevPane]);
    let (_, t) = dossier_rows(&a);
    assert!(
        matches!(t, Some(Target::Claim(_))),
        "back over the summary: {t:?}"
    );
    run(&mut a, &[Action::PrevPane]);
    let (_, t) = dossier_rows(&a);
    assert!(
        matches!(t, Some(Target::Cite(c)) if c.quote == "Acme Corps (AC)"),
        "Backtab three times returns to the aliases: {t:?}"
    );
}

#[test]
fn enter_on_an_incoming_relation_opens_its_holder_at_that_relation_and_back_returns() {
    let mut a = fixture();
    // Tab: the summary's references, Tab again: Jane Doe's relation (Linked from).
    run(&mut a, &[Action::Open, Action::NextPane, Action::NextPane]);
    let Screen::Dossier(before) = a.screen.clone() else {
        panic!("dossier")
    };
    run(&mut a, &[Action::Open]);
    assert_eq!(open_id(&a), "jane-doe");
    let (_, t) = dossier_rows(&a);
    assert!(
        matches!(t, Some(Target::Relation(0))),
        "Jane Doe's own relation to Acme Corps is selected: {t:?}"
    );
    run(&mut a, &[Action::Back]);
    assert_eq!(a.screen, Screen::Dossier(before), "back returns exactly");
}

#[test]
fn an_incoming_relations_citation_steps_with_n_opens_its_quote_and_copies() {
    let mut a = fixture();
    // n: the second alias's citation, then the citation of Jane Doe's relation.
    run(&mut a, &[Action::Open, Action::NextCite, Action::NextCite]);
    let (_, t) = dossier_rows(&a);
    assert!(
        matches!(t, Some(Target::Cite(c)) if c.quote == "Jane Doe, 41, leads it."),
        "{t:?}"
    );
    run(&mut a, &[Action::Copy]);
    assert!(
        a.clipboard
            .as_deref()
            .is_some_and(|c| c.starts_with("“Jane Doe, 41, leads it.” — Beta repost")),
        "{:?}",
        a.clipboard
    );
    let Screen::Dossier(before) = a.screen.clone() else {
        panic!("dossier")
    };
    run(&mut a, &[Action::Open]);
    let Screen::Reader(r) = &a.screen else {
        panic!("reader")
    };
    let text = &a.corpus.sources[r.source].article.text;
    let hl = r.highlight.clone().and_then(|h| text.get(h));
    assert_eq!(hl, Some("Jane Doe, 41, leads it."));
    run(&mut a, &[Action::Back, Action::PrevCite]);
    let Screen::Dossier(v) = &a.screen else {
        panic!("dossier")
    };
    // Back over the relation itself and the summary's two references to the second
    // alias's citation.
    assert_eq!(
        v.selected,
        before.selected - 4,
        "N skips the relation itself"
    );
}

#[test]
fn the_belgorod_raid_lists_the_groups_that_took_part_in_it() {
    let report = check(&DataRoot::Bundled);
    assert_eq!(report.errors(), 0);
    let mut a = App::new(report.corpus, Keymap::default_keymap(), (120, 40));
    let raid = a.corpus.position("belgorod-raid").expect("the raid");
    // Every relation in the corpus whose target is the raid, by its holder's name.
    let mut expected: Vec<String> = a
        .corpus
        .dossiers
        .iter()
        .flat_map(|d| {
            d.relations
                .iter()
                .filter(|r| r.target == "belgorod-raid")
                .map(|r| format!("  {} ─{}→ (this)", d.name, r.kind))
        })
        .collect();
    expected.sort();
    assert!(
        expected
            .iter()
            .any(|e| e == "  Russian Volunteer Corps ─took-part-in→ (this)"),
        "{expected:?}"
    );
    run(&mut a, &[Action::Filter]);
    run(
        &mut a,
        &"Belgorod raid"
            .chars()
            .map(Action::Input)
            .collect::<Vec<_>>(),
    );
    run(&mut a, &[Action::Accept]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!(v.hits.first().map(|h| h.dossier), Some(raid));
    run(&mut a, &[Action::Open]);
    let (rows, _) = dossier_rows(&a);
    let start = rows
        .iter()
        .position(|r| r == "Linked from")
        .expect("section")
        + 1;
    let mut listed: Vec<String> = rows[start..]
        .iter()
        .take_while(|r| !r.is_empty())
        .filter(|r| r.contains("→ (this)"))
        .map(|r| r.split(" — ").next().unwrap_or("").trim_end().to_owned())
        .map(|r| r.split(" [").next().unwrap_or("").to_owned())
        .collect();
    listed.sort();
    assert_eq!(listed, expected);
}
