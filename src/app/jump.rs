//! Where the cross-source views lead: an article (at a quote, or at the top) and a
//! dossier with one citation selected. Both open a new screen, so Back returns exactly.

use std::ops::Range;

use super::reader::third_from_top;
use super::stack::open;
use super::{App, DossierView, ReaderView, Screen};
use crate::geometry::dossier::{Target, layout};
use crate::model::Citation;
use crate::xref::Item;

/// Opens article `source` with `highlight` shown about a third from the top, or at the
/// top when there is nothing to highlight; the gutter marks every cited line either way.
pub fn to_reader(app: &mut App, source: usize, highlight: Option<Range<usize>>) {
    open(
        app,
        Screen::Reader(ReaderView {
            source,
            highlight: highlight.clone(),
            top: 0,
            search: String::new(),
            typing: false,
            matches: Vec::new(),
            current: None,
            selection: None,
        }),
    );
    let h = app.list_rows(crate::geometry::Shape::Reader);
    if let (Screen::Reader(v), Some(hl)) = (&mut app.screen, highlight) {
        v.top = third_from_top(app.wrapped.lines.as_slice(), hl.start, h);
    }
}

/// Opens dossier `dossier` with citation `cite` of one of its items selected (the
/// first target when `None`), its row about a third from the top.
pub fn to_dossier(app: &mut App, dossier: usize, cite: Option<(Item, usize)>) {
    // By address: the citation is found again in the layout `at_target` builds.
    let wanted: Option<*const Citation> = app
        .corpus
        .dossiers
        .get(dossier)
        .and_then(|d| cite.and_then(|(item, k)| item.cites(d).get(k)))
        .map(std::ptr::from_ref);
    at_target(
        app,
        dossier,
        |t| matches!((t, wanted), (Target::Cite(x), Some(c)) if std::ptr::eq(*x, c)),
    );
}

/// Opens dossier `dossier` with its own relation `relation` selected (Enter on a
/// "Linked from" row lands on the same relation seen from the dossier that holds it).
pub fn to_relation(app: &mut App, dossier: usize, relation: usize) {
    at_target(
        app,
        dossier,
        |t| matches!(t, Target::Relation(r) if *r == relation),
    );
}

/// Opens dossier `dossier` with the first target that `wanted` accepts selected (the
/// first target when none does), its row about a third from the top.
fn at_target(app: &mut App, dossier: usize, wanted: impl Fn(&Target<'_>) -> bool) {
    let h = app.list_rows(crate::geometry::Shape::Dossier);
    let (selected, offset) = app
        .corpus
        .dossiers
        .get(dossier)
        .map(|d| {
            let lay = layout(&app.corpus, d, app.incoming.of(dossier), app.size.0, None);
            let i = lay.targets.iter().position(wanted).unwrap_or(0);
            let row = lay.target_rows.get(i).copied().unwrap_or(0);
            (i, row.saturating_sub(h / 3))
        })
        .unwrap_or((0, 0));
    open(
        app,
        Screen::Dossier(DossierView {
            dossier,
            selected,
            offset,
        }),
    );
}
