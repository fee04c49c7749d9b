//! The browser fixes of "the screen is always true", each written to fail first, on the
//! bundled corpus where the issue found them.

use super::{Action, App, Screen, update};
use crate::check::check;
use crate::data::DataRoot;
use crate::geometry::dossier::{Target, layout};
use crate::keymap::Keymap;
use crate::xref::Item;

fn app(w: u16, h: u16) -> App {
    let report = check(&DataRoot::Bundled);
    App::new(report.corpus, Keymap::default_keymap(), (w, h))
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Action::Input).collect()
}

fn source(app: &App, id: &str) -> usize {
    app.corpus
        .sources
        .iter()
        .position(|s| s.id == id)
        .unwrap_or_else(|| panic!("source {id}"))
}

fn open_article(app: &mut App, id: &str, at: Option<&str>) {
    let s = source(app, id);
    let range = at.map(|q| {
        let text = &app.corpus.sources[s].article.text;
        let i = text.find(q).unwrap_or_else(|| panic!("{q} in {id}"));
        i..i + q.len()
    });
    super::jump::to_reader(app, s, range);
}

#[test]
fn c_asks_about_the_current_search_match() {
    let mut a = app(120, 40);
    open_article(&mut a, "elcomercio-paramilitaries", None);
    run(&mut a, &[Action::Search]);
    run(&mut a, &typed("RT61"));
    run(&mut a, &[Action::Accept, Action::CitedBy]);
    let Screen::CitedBy(v) = &a.screen else {
        panic!("cited-by open, message {:?}", a.message)
    };
    let text = &a.corpus.sources[v.source].article.text;
    let asked = text.get(v.range.clone()).unwrap_or("");
    assert_eq!(asked, "RT61", "the list is about the match");
    assert!(!v.items.is_empty(), "the RT61 passage is cited");
    for c in &v.items {
        let d = &a.corpus.dossiers[c.dossier];
        let cite = &c.item.cites(d)[c.cite];
        assert!(
            cite.range.start < v.range.end && v.range.start < cite.range.end,
            "every item cites the match"
        );
    }
}

#[test]
fn an_uncited_match_says_so_instead_of_answering_another_passage() {
    let mut a = app(120, 40);
    open_article(&mut a, "elcomercio-paramilitaries", None);
    run(&mut a, &[Action::Search]);
    run(&mut a, &typed("the"));
    // Walk the matches until one no citation covers.
    let s = source(&a, "elcomercio-paramilitaries");
    let uncited = loop {
        let Screen::Reader(v) = &a.screen else {
            panic!("reader")
        };
        let m = v.current.and_then(|c| v.matches.get(c)).cloned();
        let Some(m) = m else { panic!("a match") };
        if !a.cited[s]
            .iter()
            .any(|r| r.start < m.end && m.start < r.end)
        {
            break m;
        }
        run(&mut a, &[Action::NextCite]);
    };
    run(&mut a, &[Action::Accept, Action::CitedBy]);
    assert!(matches!(a.screen, Screen::Reader(_)), "stays in the reader");
    assert_eq!(
        a.message.as_deref(),
        Some("no dossier cites the current match"),
        "for the match at {uncited:?}"
    );
}

#[test]
fn opening_from_an_alias_match_selects_that_alias() {
    let mut a = app(120, 40);
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("North Korea"));
    run(&mut a, &[Action::Accept]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    let hit = v.hits.first().unwrap_or_else(|| panic!("a hit"));
    let crate::search::Field::Alias(alias) = hit.field else {
        panic!("the best hit is an alias: {:?}", hit.field)
    };
    run(&mut a, &[Action::Open]);
    let Screen::Dossier(dv) = &a.screen else {
        panic!("dossier")
    };
    let d = &a.corpus.dossiers[dv.dossier];
    let lay = layout(&a.corpus, d, a.incoming.of(dv.dossier), a.size.0, None);
    let want = &Item::Alias(alias).cites(d)[0];
    match lay.targets.get(dv.selected) {
        Some(Target::Cite(c)) => assert!(std::ptr::eq(*c, want), "the alias's citation"),
        other => panic!("selected {other:?}"),
    }
}

#[test]
fn opening_from_a_claim_match_selects_that_claim() {
    let mut a = app(120, 40);
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("'RT61"));
    run(&mut a, &[Action::Accept]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    let hit = v.hits.first().unwrap_or_else(|| panic!("a hit"));
    let crate::search::Field::Claim(claim) = hit.field else {
        panic!("the best hit is a claim: {:?}", hit.field)
    };
    run(&mut a, &[Action::Open]);
    let Screen::Dossier(dv) = &a.screen else {
        panic!("dossier")
    };
    let d = &a.corpus.dossiers[dv.dossier];
    let lay = layout(&a.corpus, d, a.incoming.of(dv.dossier), a.size.0, None);
    let Some(Target::Cite(c)) = lay.targets.get(dv.selected) else {
        panic!("a citation selected")
    };
    let claim = &d.claims[claim];
    let cites: Vec<_> = claim
        .cites
        .iter()
        .chain(claim.variants.iter().flat_map(|v| &v.cites))
        .collect();
    assert!(
        cites.iter().any(|x| std::ptr::eq(*x, *c)),
        "a citation of the matched claim"
    );
}

#[test]
fn ctrl_w_deletes_a_word_and_ctrl_u_the_line_in_both_typing_lines() {
    let mut a = app(120, 40);
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("Denis Nik"));
    run(&mut a, &[Action::DeleteWord]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!(v.query, "Denis ");
    run(&mut a, &[Action::DeleteLine]);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    assert_eq!(v.query, "");
    open_article(&mut a, "elcomercio-paramilitaries", None);
    run(&mut a, &[Action::Search]);
    run(&mut a, &typed("French RT61"));
    run(&mut a, &[Action::DeleteWord]);
    let Screen::Reader(v) = &a.screen else {
        panic!("reader")
    };
    assert_eq!(v.search, "French ");
    run(&mut a, &[Action::DeleteLine]);
    let Screen::Reader(v) = &a.screen else {
        panic!("reader")
    };
    assert_eq!(v.search, "");
}

/// The line of the reader's highlight, and whether it is on screen.
fn highlight_row(a: &App) -> Option<usize> {
    let Screen::Reader(v) = &a.screen else {
        return None;
    };
    let h = v.highlight.clone()?;
    let line = super::reader::line_of(&a.wrapped.lines, h.start);
    let rows = a.list_rows(crate::geometry::Shape::Reader);
    (line >= v.top && line < v.top + rows).then(|| line - v.top)
}

#[test]
fn resizing_the_reader_keeps_the_quote_on_screen_at_the_same_height() {
    let flag = "The Legion uses the white-blue-white flag";
    let mut a = app(120, 40);
    open_article(&mut a, "todayit-militias", Some(flag));
    let before = highlight_row(&a).unwrap_or_else(|| panic!("quote visible at 120x40"));
    for (w, h) in [(60, 20), (200, 60), (45, 12), (120, 40)] {
        run(&mut a, &[Action::Resize(w, h)]);
        let row = highlight_row(&a).unwrap_or_else(|| panic!("quote visible at {w}x{h}"));
        let share = |r: usize, rows: usize| r as f64 / rows as f64;
        let rows = a.list_rows(crate::geometry::Shape::Reader);
        assert!(
            (share(row, rows) - share(before, 37)).abs() < 0.15,
            "at {w}x{h} the quote is on row {row} of {rows} (was {before} of 37)"
        );
    }
    // A reader left in the history keeps its place too.
    run(
        &mut a,
        &[Action::CitedBy, Action::Resize(60, 20), Action::Back],
    );
    assert!(
        highlight_row(&a).is_some(),
        "back in the reader, the quote shows"
    );
}

#[test]
fn the_dossier_pages_by_the_rows_it_draws_at_80x24() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("Russian Volunteer Corps"));
    run(&mut a, &[Action::Accept, Action::Open, Action::PageDown]);
    let Screen::Dossier(v) = &a.screen else {
        panic!("dossier")
    };
    // The screen: 23 rows above the status line: the pinned title, 16 rows of the
    // dossier, 6 of the quote pane.
    let drawn = crate::geometry::areas(crate::geometry::Shape::Dossier, (80, 24)).list;
    assert_eq!(drawn.height, 16);
    assert_eq!(v.offset, 16, "one page is the 16 rows on screen");
    // And the renderer puts the quote pane's top border right under them.
    let theme = crate::ui::Theme::default_theme(true);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .unwrap_or_else(|e| panic!("{e}"));
    t.draw(|f| crate::ui::render(&a, &theme, f))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf = t.backend().buffer();
    assert_eq!(buf[(40, 17)].symbol(), "─", "the pane starts at row 17");
    assert_ne!(buf[(40, 16)].symbol(), "─");
    let top: String = (0..23).map(|x| buf[(x, 0)].symbol()).collect();
    assert_eq!(
        top, "Russian Volunteer Corps",
        "the name stays pinned on a later page"
    );
}

#[test]
fn a_summary_reference_is_a_marker_that_leads_to_its_claim() {
    let mut a = app(120, 40);
    run(&mut a, &[Action::Filter]);
    run(&mut a, &typed("Denis Kapustin"));
    run(&mut a, &[Action::Accept, Action::Open]);
    let Screen::Dossier(v) = &a.screen else {
        panic!("dossier")
    };
    let d = &a.corpus.dossiers[v.dossier];
    let lay = layout(&a.corpus, d, a.incoming.of(v.dossier), a.size.0, None);
    let (at, claim) = lay
        .targets
        .iter()
        .enumerate()
        .find_map(|(i, t)| match t {
            Target::Claim(c) => Some((i, *c)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the summary has a reference"));
    let row: String = lay.rows[lay.target_rows[at]]
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let id = d.claims[claim].id.clone();
    assert!(row.contains(&format!("[#{id}]")), "marker shown: {row}");
    let dossier = v.dossier;
    let steps = vec![Action::Down; at];
    run(&mut a, &steps);
    run(&mut a, &[Action::Open]);
    let Screen::Dossier(v) = &a.screen else {
        panic!("still a dossier")
    };
    assert_eq!(v.dossier, dossier);
    let d = &a.corpus.dossiers[dossier];
    let lay = layout(&a.corpus, d, a.incoming.of(dossier), a.size.0, None);
    let Some(Target::Cite(c)) = lay.targets.get(v.selected) else {
        panic!("a citation selected")
    };
    let claim = &d.claims[claim];
    assert!(
        claim
            .cites
            .iter()
            .chain(claim.variants.iter().flat_map(|v| &v.cites))
            .any(|x| std::ptr::eq(x, *c)),
        "a citation of claim {id}"
    );
    // Back returns to the summary's marker.
    run(&mut a, &[Action::Back]);
    let Screen::Dossier(v) = &a.screen else {
        panic!("dossier")
    };
    assert_eq!(v.selected, at);
}

#[test]
fn selecting_in_the_reader_copies_a_citation_that_resolves_to_the_selection() {
    let quote = "French RT61 mortars";
    let mut a = app(120, 40);
    a.cite_to = Some(std::path::PathBuf::from("/nonexistent/cites.toml"));
    open_article(&mut a, "elcomercio-paramilitaries", Some(quote));
    run(&mut a, &[Action::Select]);
    assert_eq!(a.mode(), crate::keymap::Mode::Select);
    let Screen::Reader(v) = &a.screen else {
        panic!("reader")
    };
    let s = v.source;
    let text = a.corpus.sources[s].article.text.clone();
    assert_eq!(v.selection.clone().and_then(|r| text.get(r)), Some(quote));
    run(
        &mut a,
        &[Action::ExtendWord, Action::ExtendWord, Action::ShrinkWord],
    );
    let Screen::Reader(v) = &a.screen else {
        panic!("reader")
    };
    let selected = v.selection.clone().unwrap_or(0..0);
    assert_eq!(text.get(selected.clone()), Some("French RT61 mortars,"));
    run(&mut a, &[Action::Cite]);
    let line = a.clipboard.clone().unwrap_or_default();
    let table: toml::Table =
        toml::from_str(&format!("c = {line}")).unwrap_or_else(|e| panic!("{e}: {line}"));
    let c = &table["c"];
    assert_eq!(c["source"].as_str(), Some("elcomercio-paramilitaries"));
    let quote = c["quote"].as_str().unwrap_or("");
    // What check does with it: it resolves to exactly the selection.
    let found = crate::corpus::anchor::resolve(
        &a.corpus.sources[s].article,
        quote,
        c.get("prefix").and_then(|p| p.as_str()),
        c.get("suffix").and_then(|p| p.as_str()),
    );
    assert_eq!(found.ok().map(|f| f.range), Some(selected), "{line}");
    assert!(a.cite_out.is_some(), "handed to the loop for --cite-to");
    assert_eq!(a.mode(), crate::keymap::Mode::Reader, "selection ends");
}
