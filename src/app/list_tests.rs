//! Every list filters with `/`, and `D`/`C` from a dossier start at its own disputes and
//! claims (issue 14, item 3), on the bundled corpus where the issue found them.

use super::{Action, App, Screen, update};
use crate::action::Mode;
use crate::check::check;
use crate::data::DataRoot;
use crate::keymap::Keymap;

fn app() -> App {
    App::new(
        check(&DataRoot::Bundled).corpus,
        Keymap::default_keymap(),
        (120, 40),
    )
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

fn filter(app: &mut App, q: &str) {
    update(app, Action::Filter);
    assert_eq!(app.mode(), Mode::Filter, "typing a filter");
    for c in q.chars() {
        update(app, Action::Input(c));
    }
    update(app, Action::Accept);
}

fn open_dossier(app: &mut App, name: &str) -> usize {
    let i = app.corpus.dossiers.iter().position(|d| d.name == name);
    let i = i.unwrap_or_else(|| panic!("no dossier {name}"));
    super::stack::open(
        app,
        Screen::Dossier(super::DossierView {
            dossier: i,
            selected: 0,
            offset: 0,
        }),
    );
    i
}

fn disputed_dossiers(app: &App) -> Vec<usize> {
    let Screen::Disputes(v) = &app.screen else {
        panic!("disputes")
    };
    super::disputes::listed(app, v)
        .iter()
        .map(|&(d, _)| d)
        .collect()
}

#[test]
fn d_from_a_dossier_lists_its_own_disputes_and_d_again_widens() {
    let mut a = app();
    let legion = open_dossier(&mut a, "Freedom of Russia Legion");
    update(&mut a, Action::Disputes);
    let own = disputed_dossiers(&a);
    assert!(!own.is_empty());
    assert!(own.iter().all(|&d| d == legion), "{own:?}");
    let first = super::disputes::cached(
        &a,
        match &a.screen {
            Screen::Disputes(v) => v,
            _ => panic!("disputes"),
        },
    );
    let cite = first.targets.first().and_then(|t| t.get(&a.corpus));
    let own_cite = a.corpus.dossiers[legion]
        .claims
        .iter()
        .flat_map(|c| &c.variants)
        .flat_map(|v| &v.cites)
        .any(|c| cite.is_some_and(|x| std::ptr::eq(c, x)));
    assert!(own_cite, "the first selectable citation is the Legion's");
    update(&mut a, Action::Disputes);
    assert_eq!(
        disputed_dossiers(&a).len(),
        a.xref.disputed().len(),
        "D again: all"
    );
    update(&mut a, Action::Back);
    assert!(
        matches!(a.screen, Screen::Dossier(_)),
        "one Back returns to the dossier"
    );
}

#[test]
fn c_from_a_dossier_lists_its_own_claims_and_c_again_widens() {
    let mut a = app();
    let rvc = open_dossier(&mut a, "Russian Volunteer Corps");
    update(&mut a, Action::Claims);
    let Screen::Claims(v) = &a.screen else {
        panic!("claims")
    };
    assert_eq!(v.rows.len(), a.corpus.dossiers[rvc].claims.len());
    assert!(v.rows.iter().all(|r| r.dossier == rvc));
    update(&mut a, Action::Claims);
    let Screen::Claims(v) = &a.screen else {
        panic!("claims")
    };
    assert_eq!(v.rows.len(), a.xref.claims().len());
}

#[test]
fn slash_narrows_the_disputes_claims_timeline_and_cited_by() {
    let mut a = app();
    // Disputes: by a dossier's name.
    update(&mut a, Action::Disputes);
    let all = disputed_dossiers(&a).len();
    filter(&mut a, "kapustin");
    let kept = disputed_dossiers(&a);
    assert!(
        !kept.is_empty() && kept.len() < all,
        "{} of {all}",
        kept.len()
    );
    assert_eq!(
        a.mode(),
        Mode::Disputes,
        "Enter keeps the filter and leaves typing"
    );
    run(&mut a, &[Action::Filter, Action::Cancel]);
    assert_eq!(disputed_dossiers(&a).len(), all, "Esc clears it");

    // Claims: the index's syntax (an exact term and a negation).
    update(&mut a, Action::Claims);
    filter(&mut a, "'Caesar !Legion");
    let Screen::Claims(v) = &a.screen else {
        panic!("claims")
    };
    assert!(!v.rows.is_empty());
    for r in &v.rows {
        let text = super::claims::row_text(&a, r);
        assert!(
            text.contains("Caesar") && !text.contains("Legion"),
            "{text}"
        );
    }

    // Timeline: by date.
    update(&mut a, Action::Timeline);
    filter(&mut a, "'2023-05");
    let Screen::Timeline(v) = &a.screen else {
        panic!("timeline")
    };
    let shown = super::timeline::shown(&a, v);
    assert!(!shown.entries.is_empty());
    assert!(shown.entries.iter().all(|e| e.date.starts_with("2023-05")));
    assert!(shown.entries.len() < super::timeline::entries(&a).entries.len());
}

#[test]
fn slash_narrows_who_cites_a_passage() {
    let mut a = app();
    let i = a
        .corpus
        .sources
        .iter()
        .position(|s| s.id == "nbc-who-is-legion");
    let i = i.unwrap_or_else(|| panic!("nbc"));
    // The most cited passage of the article.
    let range = a
        .xref
        .of_source(i)
        .iter()
        .max_by_key(|c| a.xref.citing(i, &c.range).len())
        .map(|c| c.range.clone());
    super::jump::to_reader(&mut a, i, range);
    update(&mut a, Action::CitedBy);
    let Screen::CitedBy(v) = &a.screen else {
        panic!("cited by")
    };
    let all = v.items.len();
    assert!(all > 1, "{all}");
    let name = a.corpus.dossiers[v.items[0].dossier].name.clone();
    filter(&mut a, &format!("'{name}"));
    let Screen::CitedBy(v) = &a.screen else {
        panic!("cited by")
    };
    assert!(!v.items.is_empty() && v.items.len() <= all);
    assert!(
        v.items
            .iter()
            .all(|c| super::cited_by::item_text(&a, c).contains(&name))
    );
}

#[test]
fn slash_narrows_the_sources_and_the_relations_map() {
    let mut a = app();
    update(&mut a, Action::Sources);
    filter(&mut a, "'NBC");
    let Screen::Sources(v) = &a.screen else {
        panic!("sources")
    };
    let shown = super::sources::shown(&a, v);
    assert!(
        !shown.is_empty() && shown.len() < a.corpus.sources.len(),
        "{shown:?}"
    );
    for &i in &shown {
        let s = &a.corpus.sources[i];
        let text = format!("{} {} {} {} {}", s.short, s.title, s.outlet, s.id, s.file);
        assert!(text.contains("NBC"), "{text}");
    }
    // Enter opens the row shown, not the registry's row at that index.
    update(&mut a, Action::Open);
    let Screen::Reader(r) = &a.screen else {
        panic!("reader")
    };
    assert_eq!(r.source, shown[0]);

    let rvc = open_dossier(&mut a, "Russian Volunteer Corps");
    update(&mut a, Action::Relations);
    let Screen::Relations(v) = &a.screen else {
        panic!("relations")
    };
    let tree = v.tree(&a);
    let all = v.shown(&a, &tree).len();
    filter(&mut a, "kapustin");
    let Screen::Relations(v) = &a.screen else {
        panic!("relations")
    };
    let tree = v.tree(&a);
    let kept = v.shown(&a, &tree);
    assert!(
        kept.len() > 1 && kept.len() < all,
        "{} of {all}",
        kept.len()
    );
    assert_eq!(kept[0].node.dossier, rvc, "the root stays");
    for l in &kept[1..] {
        assert!(
            a.corpus.dossiers[l.node.dossier]
                .name
                .to_lowercase()
                .contains("kapustin")
        );
    }
}
