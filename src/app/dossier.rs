//! One dossier: its rows (laid out by [`crate::geometry::dossier::layout`]), a selection that rests
//! on citation markers, relations, "Linked from" rows and summary references, and what
//! Enter on each leads to.

use super::index::matched_item;
use super::nav::Pick;
use super::stack::open;
use super::{Action, App, DossierView, Screen};
use crate::geometry::Shape;
use crate::geometry::dossier::{Target, layout};
use crate::model::{Citation, Source};
use crate::search::Field;
use crate::text::sanitize_line;

/// The text `y` puts on the clipboard for a citation.
pub fn citation_text(app: &App, c: &Citation) -> String {
    app.corpus
        .sources
        .get(c.source)
        .map_or_else(String::new, |s| clipboard_text(s, &c.quote, c.start.line))
}

/// The one format of everything `y` copies: quote, source title, outlet, `file:line`.
pub(super) fn clipboard_text(s: &Source, quote: &str, line: usize) -> String {
    sanitize_line(&format!(
        "“{quote}” — {}, {}, seeds/{}:{line}",
        s.title, s.outlet, s.file
    ))
}

/// One action on the dossier.
pub fn update(app: &mut App, action: Action) {
    let h = app.list_rows(Shape::Dossier);
    let width = app.size.0;
    let Screen::Dossier(v) = &app.screen else {
        return;
    };
    let Some(d) = app.corpus.dossiers.get(v.dossier) else {
        return;
    };
    let lay = layout(&app.corpus, d, app.incoming.of(v.dossier), width, None);
    let n = lay.targets.len();
    let mut pick = Pick::at(v.selected, v.offset);
    let is_cite = |i: usize| matches!(lay.targets.get(i), Some(Target::Cite(_)));
    let mut follow: Option<Screen> = None;
    // Enter on a citation: its article, at the quote.
    let mut reading: Option<(usize, std::ops::Range<usize>)> = None;
    // Enter on a "Linked from" row: the dossier holding the relation, at that relation.
    let mut holder: Option<(usize, usize)> = None;
    // Enter on a summary reference: the claim it names, in this dossier.
    let mut claim: Option<usize> = None;
    match action {
        Action::NextCite => {
            if let Some(i) = (pick.selected + 1..n).find(|&i| is_cite(i)) {
                pick.selected = i;
            } else {
                app.message = Some("last citation".into());
            }
        }
        Action::PrevCite => {
            if let Some(i) = (0..pick.selected).rev().find(|&i| is_cite(i)) {
                pick.selected = i;
            } else {
                app.message = Some("first citation".into());
            }
        }
        Action::NextPane | Action::PrevPane => {
            let row = lay.target_rows.get(pick.selected).copied().unwrap_or(0);
            let current = lay
                .sections
                .iter()
                .copied()
                .rfind(|&s| s <= row)
                .unwrap_or(0);
            // Back to the nearest earlier section with something to select (the summary
            // has nothing: landing there would select the current section again).
            let section = if action == Action::NextPane {
                lay.sections.iter().copied().find(|&s| s > row)
            } else {
                lay.sections.iter().copied().rfind(|&s| {
                    s < current && lay.target_rows.iter().any(|&r| r >= s && r < current)
                })
            };
            if let Some(s) = section {
                if let Some(i) = lay.target_rows.iter().position(|&r| r >= s) {
                    pick.selected = i;
                }
            }
        }
        Action::Open => match lay.targets.get(pick.selected) {
            Some(Target::Cite(c)) => reading = Some((c.source, c.range.clone())),
            Some(Target::Relation(r)) => {
                if let Some(i) = d
                    .relations
                    .get(*r)
                    .and_then(|rel| app.corpus.dossiers.iter().position(|x| x.id == rel.target))
                {
                    follow = Some(Screen::Dossier(DossierView {
                        dossier: i,
                        selected: 0,
                        offset: 0,
                    }));
                }
            }
            Some(Target::Incoming(link)) => holder = Some((link.owner, link.relation)),
            Some(Target::Claim(c)) => claim = Some(*c),
            None => app.message = Some("nothing to open here".into()),
        },
        Action::Copy => match lay.targets.get(pick.selected) {
            Some(Target::Cite(c)) => {
                app.clipboard = Some(citation_text(app, c));
                app.message = Some("citation copied to the clipboard (OSC 52)".into());
            }
            _ => app.message = Some("select a citation to copy (n/N)".into()),
        },
        movement => {
            pick.step_rows(&movement, &lay.target_rows, lay.rows.len(), h);
        }
    }
    if let Some(c) = claim {
        if let Screen::Dossier(v) = &mut app.screen {
            (v.selected, v.offset) = (pick.selected, pick.offset);
            let d = v.dossier;
            let item = matched_item(app, d, Field::Claim(c));
            super::jump::to_dossier(app, d, item.map(|i| (i, 0)));
        }
        return;
    }
    if let Some((owner, relation)) = holder {
        if let Screen::Dossier(v) = &mut app.screen {
            (v.selected, v.offset) = (pick.selected, pick.offset);
        }
        super::jump::to_relation(app, owner, relation);
        return;
    }
    if let Some((source, range)) = reading {
        if let Screen::Dossier(v) = &mut app.screen {
            (v.selected, v.offset) = (pick.selected, pick.offset);
        }
        super::jump::to_reader(app, source, Some(range));
        return;
    }
    if let Some(screen) = follow {
        if let Screen::Dossier(v) = &mut app.screen {
            (v.selected, v.offset) = (pick.selected, pick.offset);
        }
        open(app, screen);
        return;
    }
    if let Screen::Dossier(v) = &mut app.screen {
        (v.selected, v.offset) = (pick.selected, pick.offset);
    }
    clamp(app);
}

/// Keeps the selected target inside the dossier and its row on screen.
pub fn clamp(app: &mut App) {
    let h = app.list_rows(Shape::Dossier);
    let width = app.size.0;
    let Screen::Dossier(v) = &mut app.screen else {
        return;
    };
    let Some(d) = app.corpus.dossiers.get(v.dossier) else {
        return;
    };
    let lay = layout(&app.corpus, d, app.incoming.of(v.dossier), width, None);
    let mut pick = Pick::at(v.selected, v.offset);
    pick.clamp_rows(&lay.target_rows, lay.rows.len(), h);
    (v.selected, v.offset) = (pick.selected, pick.offset);
}
