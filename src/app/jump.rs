//! Where the cross-source views lead: an article (at a quote, or at the top) and a
//! dossier with one citation selected. Both open a new screen, so Back returns exactly.

use std::ops::Range;

use super::rows::{Target, layout};
use super::update::{dossier_list_height, open, third_from_top};
use super::{App, DossierView, ReaderView, Screen};
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
        }),
    );
    let h = app.body_height();
    if let (Screen::Reader(v), Some(hl)) = (&mut app.screen, highlight) {
        v.top = third_from_top(app.wrapped.lines.as_slice(), hl.start, h);
    }
}

/// Opens dossier `dossier` with citation `cite` of one of its items selected (the
/// first target when `None`), its row about a third from the top.
pub fn to_dossier(app: &mut App, dossier: usize, cite: Option<(Item, usize)>) {
    let h = dossier_list_height(app);
    let (selected, offset) = app
        .corpus
        .dossiers
        .get(dossier)
        .map(|d| {
            let lay = layout(&app.corpus, d, app.size.0, None);
            let i = cite
                .and_then(|(item, k)| item.cites(d).get(k))
                .and_then(|c: &Citation| {
                    lay.targets
                        .iter()
                        .position(|t| matches!(t, Target::Cite(x) if std::ptr::eq(*x, c)))
                })
                .unwrap_or(0);
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
